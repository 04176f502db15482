//! One mounted explainer's state: the host's settings, what it shows, its interactive figures
//! (stages), what the reader is looking at (`reading`, a plain value changed only by
//! `reading::apply` and painted by `paint`), and the work waiting for the next animation frame.
//! Its methods lay out and paint; what may call back into the page is queued as an [`Effect`].

use super::dom::*;
use crate::layout::measure::Spaced;
use crate::layout::timeline::{self, Timeline, View};
use crate::layout::Scene;
use crate::model::{json::Json, Issue, Lang, Story};
use crate::page::folding::{hold_back, set_aside, Folded, Later};
use crate::page::hooks::{self, Part};
use crate::page::{self, El};
use crate::reading::{Input, Reading};
use crate::render::Theme;
use gloo_render::AnimationFrame;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};

/// What a stage draws: the timeline, or one of the count charts (the page's own vocabulary).
pub(super) use crate::page::hooks::Stage as Kind;

/// One interactive figure: its drawing, a listbox of its marks over it, and a tooltip.
pub(super) struct Stage {
    pub(super) kind: Kind,
    pub(super) stage: HtmlElement,
    pub(super) svg_box: Element,
    pub(super) listbox: HtmlElement,
    pub(super) tip: HtmlElement,
    /// The latest layout, for hit testing.
    pub(super) scene: Scene,
    /// Items (events, counts, data classes, amounts) in keyboard order.
    pub(super) order: Vec<usize>,
}

/// What may call back into the page (and from there into the handle): run only once the state
/// is no longer borrowed, so a host listener can use every handle method.
pub(super) enum Effect {
    Focus(HtmlElement),
    /// Focus given back without scrolling to it: after an update in place, the heading on the
    /// screen holds the reader's place, wherever focus was left.
    FocusInPlace(HtmlElement),
    Dispatch(Element, web_sys::Event),
    /// Ask for an animation frame to run the pending pointer and width work.
    NextFrame,
    /// Say this in a live region created just now, once assistive technology has seen it.
    Announce(Element, String),
}

/// Parts of the rendered explainer that are not stages.
pub(super) struct Parts {
    pub(super) live: Element,
    pub(super) detail: HtmlElement,
    pub(super) views: Vec<Element>,
    /// Shown while the timeline is zoomed in on a cluster's dates.
    pub(super) zoom_out: Option<HtmlElement>,
}

/// What the host element shows.
pub(super) enum Shown {
    Nothing,
    /// Why the dataset cannot be shown, one line per problem, in the reader's language.
    Problems(Vec<String>),
    /// The explainer of a valid dataset; `raw` is the file as loaded, for the JSON download.
    Live {
        dataset: Rc<Story>,
        raw: Rc<Json>,
    },
}

/// What one mounted explainer holds.
pub(super) struct State {
    pub(super) host: Element,
    /// The element we added to the host; removed by `destroy`.
    pub(super) root: Option<Element>,
    pub(super) parts: Option<Parts>,
    pub(super) stages: Vec<Stage>,
    /// The explainer, its problems, or nothing (before mounting and after `destroy`).
    pub(super) shown: Shown,
    /// What the host element held before (a static fallback), put back by `destroy`.
    pub(super) fallback: Vec<web_sys::Node>,
    pub(super) lang: Lang,
    /// "light", "dark" or "auto" (follows `prefers-color-scheme`).
    pub(super) theme_choice: ThemeChoice,
    pub(super) theme: Theme,
    pub(super) width: f64,
    /// The reader's text size against the usual 16 px: the drawings are laid out narrower by
    /// this factor and shown scaled up, so their text grows with the page's (WCAG 1.4.4).
    pub(super) zoom: f64,
    /// The reader's letter and word spacing, which labels are measured with.
    pub(super) spacing: Spaced,
    /// Whether the selected event is kept in the page's address (`#event=`), as the host asked.
    pub(super) deep_link: bool,
    /// The parts the host chose (`data-parts`), or the compact default.
    pub(super) page_parts: page::Parts,
    /// What folded parts hold, built into the page when the reader first opens one (or prints):
    /// until then a folded part costs the first paint only its heading.
    pub(super) folded: Vec<Folded>,
    /// Open parts below the timeline whose contents wait for the frames after a repaint, each
    /// holding its place at the height it had (`render_top_first`).
    pub(super) later: Vec<Later>,
    /// Whether the frame that paints the top has yet to come: the held-back parts wait for it
    /// (an animation frame's callbacks run before its paint).
    pub(super) later_waits: bool,
    pub(super) prefix: String,
    /// What the reader is looking at: the view and zooms, the selection, the lists, each
    /// figure's active mark and tooltip (changed by `reading::apply`, painted by `paint`).
    pub(super) reading: Reading,
    /// The timeline as laid out last (its clusters and which mark holds an event).
    pub(super) timeline: Option<Timeline>,
    /// Input waiting for the next animation frame: a new width, a pointer on a stage.
    pub(super) pending_width: Option<f64>,
    pub(super) pending_pointer: Option<(usize, f64, f64)>,
    pub(super) frame: Option<AnimationFrame>,
    /// Effects waiting for the borrow of this state to end.
    pub(super) effects: Vec<Effect>,
}

impl State {
    /// The theme the page's styles follow: the resolved one, so "auto" follows the page the
    /// explainer sits in rather than only the reader's system setting.
    pub(super) fn mark_theme(&self) -> Result<(), JsValue> {
        if let Some(root) = &self.root {
            let dark = self.theme == Theme::DARK;
            root.set_attribute(hooks::THEME, if dark { "dark" } else { "light" })?;
        }
        Ok(())
    }

    /// The dataset shown, when the explainer is live.
    pub(super) fn dataset(&self) -> Option<Rc<Story>> {
        match &self.shown {
            Shown::Live { dataset, .. } => Some(dataset.clone()),
            _ => None,
        }
    }

    /// The problems shown instead of the explainer; empty when it is live.
    pub(super) fn problems(&self) -> &[String] {
        match &self.shown {
            Shown::Problems(lines) => lines,
            _ => &[],
        }
    }

    /// Replaces whatever we showed with `el`.
    pub(super) fn show(&mut self, el: &El) -> Result<(), JsValue> {
        let doc = document()?;
        let node = build(&doc, el)?;
        match self.root.take() {
            Some(old) => {
                self.host.replace_child(&node, &old)?;
            }
            None => {
                self.host.append_child(&node)?;
            }
        }
        self.root = Some(node);
        self.note_open_parts();
        Ok(())
    }

    /// Records which parts are open now (see `open_parts`).
    pub(super) fn note_open_parts(&mut self) {
        let selector = format!("details[open][{}]", hooks::PAGE_PART);
        let Some(list) = self
            .root
            .as_ref()
            .and_then(|r| r.query_selector_all(&selector).ok())
        else {
            return;
        };
        self.reading.open_parts = (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
            .filter_map(|el| el.get_attribute(hooks::PAGE_PART))
            .collect();
    }

    pub(super) fn show_problems(&mut self, file: &str, issues: &[Issue]) -> Result<(), JsValue> {
        let lines: Vec<String> = issues
            .iter()
            .map(|i| page::describe(file, i, self.lang))
            .collect();
        // Authors hear it in full: the console, and an event the host can log or report.
        let list = js_sys::Array::new();
        for line in &lines {
            list.push(&JsValue::from_str(line));
        }
        web_sys::console::warn_2(
            &"breach-explainer: the dataset cannot be shown:".into(),
            &list,
        );
        self.tell_host("error", list.into())?;
        self.shown = Shown::Problems(lines);
        self.parts = None;
        self.stages.clear();
        self.reading.forget_marks();
        let el = page::problems(file, issues, self.lang);
        self.show(&el)
    }

    /// Builds the whole explainer, then lays out its figures.
    pub(super) fn render(&mut self) -> Result<(), JsValue> {
        self.render_parts(false)
    }

    /// Renders with only the headline and the timeline built in this frame and the open parts
    /// below them one per frame after, each holding the height it had: the reader who switched
    /// the language sees the top answer at once (the whole explainer laid out again took 880 ms
    /// to the next paint at 4× CPU on a phone).
    pub(super) fn render_top_first(&mut self) -> Result<(), JsValue> {
        self.render_parts(true)
    }

    fn render_parts(&mut self, top_first: bool) -> Result<(), JsValue> {
        let Some(d) = self.dataset() else {
            return Ok(());
        };
        // Only a language the dataset has complete text for: never interface words in one
        // language around data in another.
        self.lang = d.page_lang(self.lang);
        let mut el = page::explainer_parts(&d, self.lang, None, &self.page_parts);
        self.folded = set_aside(&mut el);
        // The heights the parts have now, read before anything changes (no forced layout).
        let heights = match (&self.root, top_first) {
            (Some(old), true) => child_heights(old),
            _ => Vec::new(),
        };
        self.later = if top_first {
            hold_back(&mut el, TOP_PARTS)
        } else {
            Vec::new()
        };
        self.reading.events_listed = d.events.len().min(page::lists::PAGE);
        self.show(&el)?;
        let root = self.root.clone().ok_or("no root")?;
        for later in &self.later {
            if let (Some(part), Some(h)) = (child(&root, later.index), heights.get(later.index)) {
                part.style().set_property("min-height", &px(*h))?;
            }
        }
        if !self.later.is_empty() {
            self.later_waits = true;
            self.effects.push(Effect::NextFrame);
        }
        self.mark_theme()?;
        let views = root.query_selector_all(&format!("[{}]", hooks::VIEW))?;
        self.parts = Some(Parts {
            live: find(&root, &Part::Live.selector()).ok_or("no live region")?,
            detail: find(&root, &Part::Detail.selector()).ok_or("no detail")?,
            views: (0..views.length())
                .filter_map(|i| views.item(i))
                .filter_map(|n| n.dyn_into::<Element>().ok())
                .collect(),
            zoom_out: find(&root, &Part::ZoomOut.selector()),
        });
        self.stages.clear();
        self.reading.forget_marks();
        self.add_stages(&root)?;
        self.layout()?;
        self.show_detail()?;
        Ok(())
    }

    pub(super) fn show_detail(&mut self) -> Result<(), JsValue> {
        let (Some(parts), Some(d)) = (&self.parts, self.dataset()) else {
            return Ok(());
        };
        parts.detail.set_inner_html("");
        let el = match (self.reading.selected, &self.reading.listed) {
            (Some(i), None) => page::detail(&d, self.lang, i),
            (Some(i), Some(_)) => page::detail_from_list(&d, self.lang, i),
            (None, Some(l)) => {
                let name = crate::describe::clusters::cluster_name(
                    self.lang,
                    l.events.len(),
                    &l.from,
                    &l.to,
                    l.lane,
                );
                page::cluster_list(&d, self.lang, &name, &l.events, l.shown)
            }
            (None, None) => {
                parts.detail.set_hidden(true);
                return Ok(());
            }
        };
        let el = build(&document()?, &el)?;
        parts.detail.append_child(&el)?;
        parts.detail.set_hidden(false);
        Ok(())
    }

    /// The selection made: a short announcement for screen readers and, with `tell`, the
    /// address (where the host asked for deep links) and the host's `select` event.
    pub(super) fn tell_selected(&mut self, tell: bool) -> Result<(), JsValue> {
        let event = self.reading.selected;
        let (Some(parts), Some(d)) = (&self.parts, self.dataset()) else {
            return Ok(());
        };
        // The page's address follows the selection only where the host asked for deep links
        // (`data-deep-link`), so two embeds in one article never fight over it.
        let address = tell && self.deep_link;
        let id = event.and_then(|i| d.events.get(i)).map(|e| e.id.clone());
        match event.and_then(|i| d.events.get(i).map(|e| (i, e))) {
            Some((i, e)) => {
                parts
                    .live
                    .set_text_content(Some(&crate::describe::selected(&d, self.lang, i)));
                if address {
                    set_hash(Some(&e.id));
                }
            }
            None if address => set_hash(None),
            None => {}
        }
        if tell {
            self.tell_host(
                "select",
                id.map_or(JsValue::NULL, |id| JsValue::from_str(&id)),
            )?;
        }
        Ok(())
    }

    /// Re-renders in another language in place: the view and the selected event stay, focus
    /// returns to the switch, and the host hears a `breach-explainer:lang` event.
    pub(super) fn switch_lang(&mut self, lang: Lang) -> Result<(), JsValue> {
        if lang == self.lang {
            return Ok(());
        }
        self.lang = lang;
        self.render_top_first()?;
        if let Some(parts) = &self.parts {
            parts
                .live
                .set_text_content(Some(crate::i18n::language_name(lang)));
        }
        if let Some(root) = &self.root {
            let button: Option<HtmlElement> =
                find(root, &format!("[{}={}]", hooks::LANG_SWITCH, lang.code()));
            // The reader's finger or keyboard is on it: nothing to scroll to.
            if let Some(b) = button {
                self.effects.push(Effect::FocusInPlace(b));
            }
        }
        self.tell_host("lang", JsValue::from_str(lang.code()))
    }

    /// A `breach-explainer:<name>` event on the host, after the state is free, so a CMS can
    /// count and react (select, view, lang, export, error).
    pub(super) fn tell_host(&mut self, name: &str, detail: JsValue) -> Result<(), JsValue> {
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        // Out of the shadow root the explainer draws in, to the element the host gave.
        init.set_composed(true);
        init.set_detail(&detail);
        let event = web_sys::CustomEvent::new_with_event_init_dict(
            &format!("breach-explainer:{name}"),
            &init,
        )?;
        self.effects
            .push(Effect::Dispatch(self.host.clone(), event.into()));
        Ok(())
    }

    /// Selects the event named in the address, switching to the view that shows it.
    pub(super) fn select_from_hash(&mut self) -> Result<(), JsValue> {
        let Some(d) = self.dataset().filter(|_| self.deep_link) else {
            return Ok(());
        };
        let Some(i) = hash_event().and_then(|id| d.event_index(&id)) else {
            return Ok(());
        };
        let in_window = timeline::layout(
            &d,
            self.lang,
            self.layout_width(Kind::Timeline),
            View::Window,
            &self.spacing,
        )
        .holding(i)
        .is_some();
        self.read(Input::Select {
            event: i,
            in_window,
        })
        .map(|_| ())
    }

    /// One animation frame's work: at most one layout and one hit test, whatever arrived.
    pub(super) fn on_frame(&mut self) -> Result<(), JsValue> {
        self.frame = None;
        if std::mem::take(&mut self.later_waits) {
            self.effects.push(Effect::NextFrame);
        } else {
            self.build_later(1)?;
        }
        if let Some(w) = self.pending_width.take() {
            let (zoom, spacing) = (text_zoom(&self.host), text_spacing(&self.host));
            if (w - self.width).abs() >= 1.0
                || (zoom - self.zoom).abs() > 0.01
                || spacing != self.spacing
            {
                self.width = w;
                self.zoom = zoom;
                self.spacing = spacing;
                self.layout()?;
            }
        }
        if let Some((i, x, y)) = self.pending_pointer.take() {
            let hit = self.hit(i, (x, y));
            let Some(stage) = self.stages.get(i).map(|s| s.kind) else {
                return Ok(());
            };
            let current = self.reading.marks(stage).tip;
            // Keep a tooltip while the pointer is on it (WCAG 1.4.13: hoverable).
            if (hit.is_some() || !self.pointer_on_tip(i, (x, y))) && hit != current {
                self.read(Input::Hover { stage, item: hit })?;
            }
        }
        Ok(())
    }

    /// Builds the first `n` parts held back by `render_top_first` into their places, and asks
    /// for another frame while any are left.
    pub(super) fn build_later(&mut self, n: usize) -> Result<(), JsValue> {
        let root = match (&self.root, self.later.is_empty()) {
            (Some(root), false) => root.clone(),
            _ => return Ok(()),
        };
        let doc = document()?;
        let count = n.min(self.later.len());
        for later in self.later.drain(..count).collect::<Vec<_>>() {
            let Some(part) = child(&root, later.index) else {
                continue;
            };
            build_into(&doc, &part, &later.nodes)?;
            part.style().set_property("min-height", "")?;
            let first = self.stages.len();
            self.add_stages(&part)?;
            for i in first..self.stages.len() {
                self.layout_stage(i)?;
            }
        }
        if !self.later.is_empty() {
            self.effects.push(Effect::NextFrame);
        }
        Ok(())
    }
}

/// How many of the explainer's first children a quick repaint builds at once: the headline and
/// the timeline.
const TOP_PARTS: usize = 2;

/// The `index`th element child of `root`.
fn child(root: &Element, index: usize) -> Option<HtmlElement> {
    root.children()
        .item(u32::try_from(index).ok()?)?
        .dyn_into::<HtmlElement>()
        .ok()
}

/// The height of each of `root`'s element children, in CSS px.
fn child_heights(root: &Element) -> Vec<f64> {
    let children = root.children();
    (0..children.length())
        .filter_map(|i| children.item(i))
        .map(|c| c.get_bounding_client_rect().height())
        .collect()
}
