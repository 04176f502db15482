//! One mounted explainer's state: the host's settings, what it shows, its interactive figures
//! (stages), what the reader is looking at (`reading`, a plain value changed only by
//! `reading::apply` and painted by `paint`), and the work waiting for the next animation frame.
//! Its methods lay out and paint; what may call back into the page is queued as an [`Effect`].

use super::dom::*;
use crate::layout::charts;
use crate::layout::measure::Spaced;
use crate::layout::timeline::{self, Timeline, View};
use crate::layout::Scene;
use crate::model::{json::Json, Issue, Lang, Story};
use crate::page::folding::{hold_back, set_aside, Folded, Later};
use crate::page::hooks::timeline_key;
use crate::page::hooks::{self, Part};
use crate::page::{self, El};
use crate::reading::{Input, Reading};
use crate::render::{self, Theme};
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

    /// Takes in the figures under `within` (the whole explainer, or a part just unfolded).
    pub(super) fn add_stages(&mut self, within: &Element) -> Result<(), JsValue> {
        let stages = within.query_selector_all(&format!("[{}]", hooks::STAGE))?;
        for i in 0..stages.length() {
            let Some(stage) = stages
                .item(i)
                .and_then(|n| n.dyn_into::<HtmlElement>().ok())
            else {
                continue;
            };
            let code = stage.get_attribute(hooks::STAGE).unwrap_or_default();
            let Some(kind) = Kind::from_code(&code) else {
                continue;
            };
            let key = kind.code();
            let listbox: HtmlElement =
                find(&stage, &Part::Listbox.selector()).ok_or("no listbox")?;
            listbox.set_id(&format!("{}-{key}", self.prefix));
            // The short text alternative describes the listbox of marks.
            if let Some(figure) = stage.closest("figure")? {
                if let Some(alt) = find::<Element>(&figure, &Part::Alt.selector()) {
                    alt.set_id(&format!("{}-{key}-alt", self.prefix));
                    listbox.set_attribute("aria-describedby", &alt.id())?;
                }
            }
            let tip: HtmlElement = find(&stage, &Part::Tip.selector()).ok_or("no tip")?;
            // The geometry the pointer mapping depends on is set here, not left to a style
            // sheet a host page might not load.
            stage.style().set_property("position", "relative")?;
            for el in [&listbox, &tip] {
                el.style().set_property("position", "absolute")?;
            }
            listbox.style().set_property("inset", "0")?;
            self.stages.push(Stage {
                kind,
                svg_box: find(&stage, &Part::Svg.selector()).ok_or("no svg box")?,
                stage,
                listbox,
                tip,
                scene: Scene::default(),
                order: Vec::new(),
            });
        }
        Ok(())
    }

    /// Lays out every figure at the current width and paints it.
    pub(super) fn layout(&mut self) -> Result<(), JsValue> {
        for i in 0..self.stages.len() {
            self.layout_stage(i)?;
        }
        self.mark_view_buttons()
    }

    /// `aria-pressed` on the view buttons follows the view.
    pub(super) fn mark_view_buttons(&self) -> Result<(), JsValue> {
        let Some(parts) = &self.parts else {
            return Ok(());
        };
        for b in &parts.views {
            let pressed = b.get_attribute(hooks::VIEW).as_deref()
                == Some(hooks::view_code(self.reading.view));
            b.set_attribute("aria-pressed", if pressed { "true" } else { "false" })?;
        }
        if let Some(b) = &parts.zoom_out {
            b.set_hidden(self.reading.zooms.is_empty());
        }
        Ok(())
    }

    /// Lays out one figure, paints it, and rebuilds the transparent options that give each mark
    /// a name, a role and a target of at least 24 px.
    pub(super) fn layout_stage(&mut self, i: usize) -> Result<(), JsValue> {
        let Some(d) = self.dataset() else {
            return Ok(());
        };
        let Some(kind) = self.stages.get(i).map(|s| s.kind) else {
            return Ok(());
        };
        let (scene, names): (Scene, Vec<(usize, String, String)>) = match kind {
            Kind::Timeline => {
                let t = timeline::layout(
                    &d,
                    self.lang,
                    self.layout_width(kind),
                    self.reading.view,
                    &self.spacing,
                );
                // The ring: on the selected event's mark (its own or its cluster's), else on
                // the cluster whose list is open.
                let ring = self.reading.selected.and_then(|e| t.holding(e)).or(self
                    .reading
                    .listed
                    .as_ref()
                    .map(|l| l.id));
                let scene = t.with_selection(ring);
                let names = t
                    .order
                    .iter()
                    .filter_map(|&id| {
                        let key = timeline_key(&d, &t, id)?;
                        Some((id, key, self.timeline_name(&d, &t, id)?))
                    })
                    .collect();
                self.timeline = Some(t);
                (scene, names)
            }
            Kind::Chart(k) => {
                let scene =
                    charts::layout(k, &d, self.lang, self.layout_width(kind), &self.spacing);
                let names = d
                    .rows(k)
                    .iter()
                    .copied()
                    .map(|item| {
                        (
                            item,
                            item.to_string(),
                            crate::describe::charts::chart_item(&d, self.lang, k, item).0,
                        )
                    })
                    .collect();
                (scene, names)
            }
        };
        let svg = render::svg(&scene, &self.theme);
        let doc = document()?;
        let prefix = self.prefix.clone();
        let events_total = d.events.len();
        let selected = match kind {
            Kind::Timeline => self.timeline.as_ref().and_then(|t| {
                let held = self.reading.selected.and_then(|e| t.holding(e));
                held.or(self.reading.listed.as_ref().map(|l| l.id))
            }),
            Kind::Chart(_) => None,
        };
        let (zoom, width) = (self.scale(kind), self.width);
        let Some(stage) = self.stages.get_mut(i) else {
            return Ok(());
        };
        stage.svg_box.set_inner_html(&svg);
        // Shown at the host's width: the rung's drawing scaled to fill it.
        if let Some(svg) = stage.svg_box.first_element_child() {
            let svg: HtmlElement = svg.unchecked_into();
            svg.style().set_property("width", &px(width))?;
            svg.style()
                .set_property("height", &px(scene.height * zoom))?;
        }
        stage
            .stage
            .style()
            .set_property("height", &px(scene.height * zoom))?;
        stage.listbox.set_inner_html("");
        stage.order.clear();
        let key = stage.kind.code();
        for (item, id, name) in names {
            // (A scan per option: the options are bounded by the layout, a few hundred at most.)
            let Some(hit) = scene.hits.iter().find(|h| h.item == item) else {
                continue;
            };
            let opt: HtmlElement = doc.create_element("div")?.dyn_into()?;
            opt.set_id(&format!("{prefix}-{key}-{id}"));
            opt.set_class_name("bx-opt");
            opt.set_attribute("role", "option")?;
            opt.set_attribute("aria-label", &name)?;
            // Only the timeline has a selection (its open event, or the cluster holding it or
            // listed); a chart's marks are browsed.
            if kind == Kind::Timeline {
                let is_selected = selected == Some(item);
                opt.set_attribute("aria-selected", if is_selected { "true" } else { "false" })?;
                if item < events_total {
                    opt.set_attribute(hooks::EVENT, &id)?;
                }
            }
            let style = opt.style();
            style.set_property("position", "absolute")?;
            style.set_property("left", &px(hit.x * zoom))?;
            style.set_property("top", &px(hit.y * zoom))?;
            style.set_property("width", &px(hit.w * zoom))?;
            style.set_property("height", &px(hit.h * zoom))?;
            stage.listbox.append_child(&opt)?;
            stage.order.push(item);
        }
        stage.scene = scene;
        // The keyboard stays only on a mark still drawn (or, after a zoom, goes to the mark
        // holding the cluster's first event).
        self.reading
            .laid_out(kind, &stage.order, self.timeline.as_ref());
        self.mark_active(i)?;
        self.show_tip(i, self.reading.marks(kind).tip)
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

    pub(super) fn timeline_stage(&self) -> Option<usize> {
        self.stages.iter().position(|s| s.kind == Kind::Timeline)
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

    /// Pointer position relative to a stage, for the layout's hit test.
    /// A point of the page in a stage's layout coordinates (before the text zoom).
    pub(super) fn stage_point(&self, i: usize, (x, y): (f64, f64)) -> Option<(f64, f64)> {
        let stage = self.stages.get(i)?;
        let r = stage.stage.get_bounding_client_rect();
        let scale = self.scale(stage.kind);
        Some(((x - r.left()) / scale, (y - r.top()) / scale))
    }

    /// The width a figure is laid out at: the widest of its rungs the host's width holds at
    /// the reader's text size (the static version's container query picks the same one).
    pub(super) fn layout_width(&self, kind: Kind) -> f64 {
        let rungs: &[f64] = match kind {
            Kind::Timeline => &crate::layout::TIMELINE_RUNGS,
            Kind::Chart(_) => &crate::layout::CHART_RUNGS,
        };
        crate::layout::rung(rungs, self.width / self.zoom)
    }

    /// How much a figure is scaled from its rung to fill the host's width.
    pub(super) fn scale(&self, kind: Kind) -> f64 {
        self.width / self.layout_width(kind)
    }

    pub(super) fn hit(&self, i: usize, (x, y): (f64, f64)) -> Option<usize> {
        self.stages.get(i)?.scene.hit_test(x, y)
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

    /// The stage that draws `kind`.
    pub(super) fn stage_index(&self, kind: Kind) -> Option<usize> {
        self.stages.iter().position(|s| s.kind == kind)
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
