//! The only module that touches the DOM. It mounts the explainer into a host element, forwards
//! input to the pure layout (hit testing, keyboard order) and paints what comes back. Every
//! listener, observer and animation frame lives in a handle that removes it when dropped, so
//! `destroy()` leaves nothing behind; every failure becomes a message inside the host element.

use crate::layout::timeline::{self, Timeline, View};
use crate::layout::CharWidths;
use crate::model::{json::Json, validate, Dataset, Issue, Lang, Problem};
use crate::page::{self, El, Node};
use crate::render::{self, Theme};
use gloo_events::{EventListener, EventListenerOptions};
use gloo_render::{request_animation_frame, AnimationFrame};
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, KeyboardEvent, MouseEvent, ResizeObserver};

thread_local! {
    /// Numbers the explainers on a page, so element ids stay unique with several instances.
    static NEXT_INSTANCE: Cell<u32> = const { Cell::new(0) };
}

/// The interactive parts of a rendered explainer.
struct Parts {
    stage: HtmlElement,
    svg_box: Element,
    listbox: HtmlElement,
    tip: HtmlElement,
    live: Element,
    detail: HtmlElement,
    counts: Option<Element>,
    views: Vec<Element>,
}

/// What one mounted explainer holds.
struct State {
    host: Element,
    /// The element we added to the host; removed by `destroy`.
    root: Option<Element>,
    parts: Option<Parts>,
    dataset: Option<Rc<Dataset>>,
    lang: Lang,
    width: f64,
    problems: Vec<String>,
    prefix: String,
    view: View,
    timeline: Option<Timeline>,
    /// The event the keyboard is on (aria-activedescendant).
    active: Option<usize>,
    /// The event whose details are open.
    selected: Option<usize>,
    /// The event the tooltip shows.
    tip_for: Option<usize>,
    /// Input waiting for the next animation frame: a new width, a pointer position.
    pending_width: Option<f64>,
    pending_pointer: Option<(f64, f64)>,
    frame: Option<AnimationFrame>,
}

/// A ResizeObserver and its callback, disconnected when dropped.
struct Observer {
    observer: ResizeObserver,
    _callback: Closure<dyn FnMut(js_sys::Array, ResizeObserver)>,
}

impl Drop for Observer {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// A mounted explainer. `destroy()` removes everything it added and every listener.
#[wasm_bindgen]
pub struct Explainer {
    state: Rc<RefCell<State>>,
    observer: Option<Observer>,
    listeners: Vec<EventListener>,
}

fn document() -> Result<Document, JsValue> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))
}

/// Makes real DOM nodes from a page tree: text goes in as text nodes, never parsed as HTML.
fn build(doc: &Document, el: &El) -> Result<Element, JsValue> {
    let e = doc.create_element(el.tag)?;
    for (name, value) in &el.attrs {
        e.set_attribute(name, value)?;
    }
    for child in &el.children {
        match child {
            Node::El(c) => {
                let child = build(doc, c)?;
                e.append_child(&child)?;
            }
            Node::Text(t) => {
                e.append_child(&doc.create_text_node(t))?;
            }
            // Markup from our own SVG writer, which escapes every text it draws.
            Node::Svg(markup) => e.insert_adjacent_html("beforeend", markup)?,
        }
    }
    Ok(e)
}

fn pick_lang(lang: Option<String>) -> Lang {
    lang.as_deref().and_then(Lang::from_tag).unwrap_or(Lang::En)
}

/// JSON text to a tree with the browser's own parser; its message names line and column.
fn parse_text(text: &str) -> Result<Json, Issue> {
    let value = js_sys::JSON::parse(text).map_err(|e| {
        let detail = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "unreadable".into());
        Issue::new(String::new(), Problem::NotJson { detail })
    })?;
    to_tree(value)
}

fn to_tree(value: JsValue) -> Result<Json, Issue> {
    serde_wasm_bindgen::from_value(value).map_err(|_| {
        Issue::new(
            String::new(),
            Problem::NotJson {
                detail: "it holds values JSON cannot (functions, symbols or cycles)".into(),
            },
        )
    })
}

fn find<T: JsCast>(root: &Element, key: &str) -> Option<T> {
    root.query_selector(&format!("[data-bx={key}]"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<T>().ok())
}

fn px(v: f64) -> String {
    format!("{}px", v.round())
}

fn host_width(host: &Element) -> f64 {
    let w = host.client_width();
    if w > 0 {
        f64::from(w)
    } else {
        // Not laid out yet (display: none, detached): a phone's width until it is.
        320.0
    }
}

/// `#event=<id>` in the page's address, if any.
fn hash_event() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    hash.strip_prefix("#event=").map(|id| {
        js_sys::decode_uri_component(id)
            .map(String::from)
            .unwrap_or_else(|_| id.to_string())
    })
}

/// Replaces the address's fragment without adding a history entry.
fn set_hash(id: Option<&str>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
        return;
    };
    let url = match id {
        Some(id) => format!(
            "{path}{search}#event={}",
            String::from(js_sys::encode_uri_component(id))
        ),
        None => format!("{path}{search}"),
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

impl State {
    /// Replaces whatever we showed with `el`.
    fn show(&mut self, el: &El) -> Result<(), JsValue> {
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
        Ok(())
    }

    fn show_problems(&mut self, file: &str, issues: &[Issue]) -> Result<(), JsValue> {
        self.problems = issues.iter().map(|i| page::describe(file, i)).collect();
        self.dataset = None;
        self.parts = None;
        let el = page::problems(file, issues, self.lang);
        self.show(&el)
    }

    /// Builds the whole explainer, then lays out its charts.
    fn render(&mut self) -> Result<(), JsValue> {
        let Some(d) = self.dataset.clone() else {
            return Ok(());
        };
        let el = page::explainer(&d, self.lang, self.width, &Theme::LIGHT);
        self.show(&el)?;
        let root = self.root.clone().ok_or("no root")?;
        let views = root.query_selector_all("[data-view]")?;
        let parts = Parts {
            stage: find(&root, "stage").ok_or("no stage")?,
            svg_box: find(&root, "timeline").ok_or("no timeline")?,
            listbox: find(&root, "listbox").ok_or("no listbox")?,
            tip: find(&root, "tip").ok_or("no tip")?,
            live: find(&root, "live").ok_or("no live region")?,
            detail: find(&root, "detail").ok_or("no detail")?,
            counts: find(&root, "counts"),
            views: (0..views.length())
                .filter_map(|i| views.item(i))
                .filter_map(|n| n.dyn_into::<Element>().ok())
                .collect(),
        };
        parts.listbox.set_id(&format!("{}-events", self.prefix));
        // The geometry the pointer mapping depends on is set here, not left to a style sheet
        // a host page might not load.
        parts.stage.style().set_property("position", "relative")?;
        for el in [&parts.listbox, &parts.tip] {
            el.style().set_property("position", "absolute")?;
        }
        parts.listbox.style().set_property("inset", "0")?;
        self.parts = Some(parts);
        self.layout()?;
        self.show_detail()?;
        Ok(())
    }

    /// Lays out the timeline at the current width and view, paints it, and rebuilds the
    /// invisible options that give each event a name, a role and a 24 px target.
    fn layout(&mut self) -> Result<(), JsValue> {
        let (Some(d), Some(parts)) = (self.dataset.clone(), self.parts.as_ref()) else {
            return Ok(());
        };
        let t = timeline::layout(&d, self.lang, self.width, self.view, &CharWidths);
        let svg = render::svg(&t.with_selection(self.selected), &Theme::LIGHT).unwrap_or_default();
        parts.svg_box.set_inner_html(&svg);
        parts
            .stage
            .style()
            .set_property("height", &px(t.scene.height))?;
        let doc = document()?;
        parts.listbox.set_inner_html("");
        for (p, hit) in t.placed.iter().filter_map(|p| {
            t.scene
                .hits
                .iter()
                .find(|h| h.item == p.event)
                .map(|h| (p, h))
        }) {
            let Some(e) = d.events.get(p.event) else {
                continue;
            };
            let opt: HtmlElement = doc.create_element("div")?.dyn_into()?;
            opt.set_id(&self.option_id(&e.id));
            opt.set_class_name("bx-opt");
            opt.set_attribute("role", "option")?;
            opt.set_attribute("aria-label", &page::event_name(&d, self.lang, p.event))?;
            opt.set_attribute(
                "aria-selected",
                if self.selected == Some(p.event) {
                    "true"
                } else {
                    "false"
                },
            )?;
            opt.set_attribute("data-event", &e.id)?;
            let style = opt.style();
            style.set_property("position", "absolute")?;
            style.set_property("left", &px(hit.x))?;
            style.set_property("top", &px(hit.y))?;
            style.set_property("width", &px(hit.w))?;
            style.set_property("height", &px(hit.h))?;
            parts.listbox.append_child(&opt)?;
        }
        for b in &parts.views {
            let pressed = b.get_attribute("data-view").as_deref()
                == Some(if self.view == View::Story {
                    "story"
                } else {
                    "window"
                });
            b.set_attribute("aria-pressed", if pressed { "true" } else { "false" })?;
        }
        if let Some(counts) = &parts.counts {
            counts.set_inner_html(&page::counts_svg(&d, self.lang, self.width, &Theme::LIGHT));
        }
        // Keep the keyboard position only if that event is still drawn.
        if self
            .active
            .is_some_and(|a| !t.placed.iter().any(|p| p.event == a))
        {
            self.active = None;
        }
        self.timeline = Some(t);
        self.mark_active()?;
        let tip_for = self.tip_for;
        self.show_tip(tip_for)?;
        Ok(())
    }

    fn option_id(&self, event_id: &str) -> String {
        format!("{}-ev-{event_id}", self.prefix)
    }

    fn mark_active(&self) -> Result<(), JsValue> {
        let (Some(parts), Some(d)) = (&self.parts, &self.dataset) else {
            return Ok(());
        };
        let list = parts.listbox.children();
        for i in 0..list.length() {
            if let Some(o) = list.item(i) {
                o.class_list().remove_1("is-active")?;
            }
        }
        match self.active.and_then(|a| d.events.get(a)) {
            Some(e) => {
                let id = self.option_id(&e.id);
                parts.listbox.set_attribute("aria-activedescendant", &id)?;
                if let Some(o) = document()?.get_element_by_id(&id) {
                    o.class_list().add_1("is-active")?;
                }
            }
            None => parts.listbox.remove_attribute("aria-activedescendant")?,
        }
        Ok(())
    }

    /// Shows (or hides, with `None`) the tooltip of an event, beside its marker.
    fn show_tip(&mut self, event: Option<usize>) -> Result<(), JsValue> {
        self.tip_for = event;
        let (Some(parts), Some(d), Some(t)) = (&self.parts, &self.dataset, &self.timeline) else {
            return Ok(());
        };
        let placed = event.and_then(|e| t.placed.iter().find(|p| p.event == e));
        let (Some(p), Some(e)) = (placed, event.and_then(|e| d.events.get(e))) else {
            parts.tip.set_hidden(true);
            return Ok(());
        };
        let doc = document()?;
        parts.tip.set_inner_html("");
        let date = doc.create_element("strong")?;
        date.set_text_content(Some(&crate::format::date(
            self.lang,
            &e.date,
            d.zone.label.get(self.lang),
        )));
        parts.tip.append_child(&date)?;
        let title = doc.create_element("span")?;
        title.set_text_content(Some(e.title.get(self.lang)));
        parts.tip.append_child(&title)?;
        parts.tip.set_hidden(false);
        // Centred under the marker, kept inside the stage.
        let w = f64::from(parts.tip.offset_width());
        let left = (p.x - w / 2.0).clamp(0.0, (self.width - w).max(0.0));
        parts.tip.style().set_property("left", &px(left))?;
        parts
            .tip
            .style()
            .set_property("top", &px(p.y + timeline::ROW_H / 2.0 + 2.0))?;
        Ok(())
    }

    fn show_detail(&mut self) -> Result<(), JsValue> {
        let (Some(parts), Some(d)) = (&self.parts, &self.dataset) else {
            return Ok(());
        };
        parts.detail.set_inner_html("");
        match self.selected {
            Some(i) => {
                let el = build(&document()?, &page::detail(d, self.lang, i))?;
                parts.detail.append_child(&el)?;
                parts.detail.set_hidden(false);
            }
            None => parts.detail.set_hidden(true),
        }
        Ok(())
    }

    /// Selects an event: ring on the marker, details open, the address updated, and a short
    /// announcement for screen readers.
    fn select(&mut self, event: Option<usize>, update_address: bool) -> Result<(), JsValue> {
        self.selected = event;
        if event.is_some() {
            self.active = event;
        }
        self.layout()?;
        self.show_detail()?;
        let (Some(parts), Some(d)) = (&self.parts, &self.dataset) else {
            return Ok(());
        };
        if let Some(e) = event.and_then(|i| d.events.get(i)) {
            let i = event.unwrap_or(0);
            parts.live.set_text_content(Some(&format!(
                "{}: {}. {}.",
                crate::i18n::ui(self.lang, crate::i18n::Ui::SelectedPrefix),
                page::event_name(d, self.lang, i),
                crate::i18n::ui(self.lang, crate::i18n::Ui::DetailsBelow)
            )));
            if update_address {
                set_hash(Some(&e.id));
            }
        } else if update_address {
            set_hash(None);
        }
        Ok(())
    }

    /// Selects the event named in the address, switching to the view that shows it.
    fn select_from_hash(&mut self) -> Result<(), JsValue> {
        let Some(d) = self.dataset.clone() else {
            return Ok(());
        };
        let Some(i) = hash_event().and_then(|id| d.event_index(&id)) else {
            return Ok(());
        };
        let in_window = timeline::layout(&d, self.lang, self.width, View::Window, &CharWidths)
            .placed
            .iter()
            .any(|p| p.event == i);
        if !in_window {
            self.view = View::Story;
        }
        self.select(Some(i), false)
    }

    fn key(&mut self, ev: &KeyboardEvent, on_listbox: bool) -> Result<(), JsValue> {
        let key = ev.key();
        if key == "Escape" {
            if self.tip_for.is_some() {
                self.show_tip(None)?;
            } else if self.selected.is_some() {
                self.select(None, true)?;
                if let Some(p) = &self.parts {
                    p.listbox.focus()?;
                }
            } else {
                return Ok(());
            }
            ev.prevent_default();
            return Ok(());
        }
        if !on_listbox {
            return Ok(());
        }
        let Some(t) = &self.timeline else {
            return Ok(());
        };
        let next = match key.as_str() {
            "ArrowRight" | "ArrowDown" => t.step(self.active, 1),
            "ArrowLeft" | "ArrowUp" => t.step(self.active, -1),
            "Home" => t.placed.first().map(|p| p.event),
            "End" => t.placed.last().map(|p| p.event),
            "Enter" | " " => {
                ev.prevent_default();
                let target = self.active.or_else(|| t.step(None, 1));
                return self.select(target, true);
            }
            _ => return Ok(()),
        };
        ev.prevent_default();
        self.active = next;
        self.mark_active()?;
        self.show_tip(next)
    }

    /// Pointer position relative to the stage, for the layout's hit test.
    fn stage_point(&self, ev: &MouseEvent) -> Option<(f64, f64)> {
        let r = self.parts.as_ref()?.stage.get_bounding_client_rect();
        Some((
            f64::from(ev.client_x()) - r.left(),
            f64::from(ev.client_y()) - r.top(),
        ))
    }

    fn hit(&self, point: (f64, f64)) -> Option<usize> {
        self.timeline.as_ref()?.scene.hit_test(point.0, point.1)
    }

    /// One animation frame's work: at most one layout and one hit test, whatever arrived.
    fn on_frame(&mut self) -> Result<(), JsValue> {
        self.frame = None;
        if let Some(w) = self.pending_width.take() {
            if (w - self.width).abs() >= 1.0 {
                self.width = w;
                self.layout()?;
            }
        }
        if let Some(point) = self.pending_pointer.take() {
            let hit = self.hit(point);
            // Keep a tooltip while the pointer is on it (WCAG 1.4.13: hoverable).
            if (hit.is_some() || !self.pointer_on_tip(point)) && hit != self.tip_for {
                self.show_tip(hit)?;
            }
        }
        Ok(())
    }

    fn pointer_on_tip(&self, (x, y): (f64, f64)) -> bool {
        let Some(p) = &self.parts else { return false };
        if p.tip.hidden() {
            return false;
        }
        let (l, t) = (
            f64::from(p.tip.offset_left()),
            f64::from(p.tip.offset_top()),
        );
        let (w, h) = (
            f64::from(p.tip.offset_width()),
            f64::from(p.tip.offset_height()),
        );
        x >= l && x <= l + w && y >= t && y <= t + h
    }
}

/// Asks for one animation frame to run the pending work, unless one is already asked for.
fn schedule(state: &Rc<RefCell<State>>) {
    let weak = Rc::downgrade(state);
    let Ok(mut s) = state.try_borrow_mut() else {
        return;
    };
    if s.frame.is_some() {
        return;
    }
    s.frame = Some(request_animation_frame(move |_| {
        with_state(&weak, |s| s.on_frame());
    }));
}

/// Runs `f` on the state if it is still alive and not busy, logging (never throwing) errors.
fn with_state(weak: &Weak<RefCell<State>>, f: impl FnOnce(&mut State) -> Result<(), JsValue>) {
    let Some(state) = weak.upgrade() else { return };
    let Ok(mut s) = state.try_borrow_mut() else {
        return;
    };
    if let Err(e) = f(&mut s) {
        web_sys::console::error_2(&"breach-explainer:".into(), &e);
    }
}

fn closest(target: Option<web_sys::EventTarget>, selector: &str) -> Option<Element> {
    target?.dyn_into::<Element>().ok()?.closest(selector).ok()?
}

/// Every listener the explainer needs, on the host element (which outlives re-renders) and
/// the window (for the address's fragment).
fn listen(host: &Element, state: &Rc<RefCell<State>>) -> Vec<EventListener> {
    let mut out = Vec::new();
    let weak = Rc::downgrade(state);
    let w = weak.clone();
    out.push(EventListener::new_with_options(
        host,
        "keydown",
        EventListenerOptions::enable_prevent_default(),
        move |e| {
            let Some(ev) = e.dyn_ref::<KeyboardEvent>() else {
                return;
            };
            let on_listbox = closest(e.target(), "[role=listbox]").is_some();
            with_state(&w, |s| s.key(ev, on_listbox));
        },
    ));
    let w = weak.clone();
    out.push(EventListener::new(host, "click", move |e| {
        let target = e.target();
        if let Some(b) = closest(target.clone(), "[data-view]") {
            let view = if b.get_attribute("data-view").as_deref() == Some("story") {
                View::Story
            } else {
                View::Window
            };
            with_state(&w, |s| {
                s.view = view;
                s.layout()
            });
        } else if closest(target.clone(), "[data-bx=close]").is_some() {
            with_state(&w, |s| {
                s.select(None, true)?;
                match &s.parts {
                    Some(p) => p.listbox.focus(),
                    None => Ok(()),
                }
            });
        } else if closest(target, "[data-bx=stage]").is_some() {
            let Some(ev) = e.dyn_ref::<MouseEvent>() else {
                return;
            };
            with_state(&w, |s| {
                let Some(hit) = s.stage_point(ev).and_then(|p| s.hit(p)) else {
                    return Ok(());
                };
                s.select(Some(hit), true)?;
                match &s.parts {
                    Some(p) => p.listbox.focus(),
                    None => Ok(()),
                }
            });
        }
    }));
    let w = weak.clone();
    let strong_for_schedule = weak.clone();
    out.push(EventListener::new(host, "pointermove", move |e| {
        let Some(ev) = e.dyn_ref::<MouseEvent>() else {
            return;
        };
        let mut wanted = false;
        with_state(&w, |s| {
            if closest(e.target(), "[data-bx=stage]").is_some() {
                s.pending_pointer = s.stage_point(ev);
                wanted = true;
            }
            Ok(())
        });
        if wanted {
            if let Some(state) = strong_for_schedule.upgrade() {
                schedule(&state);
            }
        }
    }));
    let w = weak.clone();
    out.push(EventListener::new(host, "pointerleave", move |_| {
        with_state(&w, |s| {
            s.pending_pointer = None;
            s.show_tip(None)
        });
    }));
    let w = weak.clone();
    out.push(EventListener::new(host, "focusin", move |e| {
        if closest(e.target(), "[role=listbox]").is_none() {
            return;
        }
        with_state(&w, |s| {
            if s.active.is_none() {
                s.active = s
                    .selected
                    .or_else(|| s.timeline.as_ref().and_then(|t| t.step(None, 1)));
            }
            s.mark_active()?;
            let a = s.active;
            s.show_tip(a)
        });
    }));
    let w = weak.clone();
    out.push(EventListener::new(host, "focusout", move |e| {
        if closest(e.target(), "[role=listbox]").is_none() {
            return;
        }
        with_state(&w, |s| s.show_tip(None));
    }));
    if let Some(window) = web_sys::window() {
        let w = weak;
        out.push(EventListener::new(&window, "hashchange", move |_| {
            with_state(&w, |s| s.select_from_hash());
        }));
    }
    out
}

#[wasm_bindgen]
impl Explainer {
    /// Mounts an explainer into `host`. `data` is `undefined`/`null` (the compiled-in default
    /// dataset), a JSON string, or a dataset object; `file` names it in error messages.
    pub fn mount(
        host: Element,
        data: JsValue,
        file: Option<String>,
        lang: Option<String>,
    ) -> Explainer {
        let state = new_state(&host, lang);
        let (file, parsed) = if data.is_undefined() || data.is_null() {
            (
                file.unwrap_or_else(|| crate::model::DEFAULT_DATASET_NAME.into()),
                parse_text(crate::model::DEFAULT_DATASET),
            )
        } else if let Some(text) = data.as_string() {
            (
                file.unwrap_or_else(|| "the dataset".into()),
                parse_text(&text),
            )
        } else {
            (
                file.unwrap_or_else(|| "the dataset passed to mount()".into()),
                to_tree(data),
            )
        };
        let result = parsed.map_err(|e| vec![e]).and_then(|j| validate(&j));
        let shown = {
            let mut s = state.borrow_mut();
            match result {
                Ok(d) => {
                    s.dataset = Some(Rc::new(d));
                    s.render().and_then(|_| s.select_from_hash())
                }
                Err(issues) => s.show_problems(&file, &issues),
            }
        };
        if let Err(e) = shown {
            web_sys::console::error_2(&"breach-explainer: could not draw".into(), &e);
        }
        let observer = observe(&host, &state).ok();
        let listeners = listen(&host, &state);
        Explainer {
            state,
            observer,
            listeners,
        }
    }

    /// Shows why a dataset could not be loaded (a failed fetch, an HTTP error) in `host`.
    #[wasm_bindgen(js_name = loadFailed)]
    pub fn load_failed(
        host: Element,
        file: String,
        detail: String,
        lang: Option<String>,
    ) -> Explainer {
        let state = new_state(&host, lang);
        let issue = Issue::new(String::new(), Problem::Load { detail });
        let _ = state.borrow_mut().show_problems(&file, &[issue]);
        Explainer {
            state,
            observer: None,
            listeners: Vec::new(),
        }
    }

    /// The problems shown instead of the explainer; empty when it rendered.
    pub fn problems(&self) -> Vec<String> {
        self.state.borrow().problems.clone()
    }

    /// The id of the selected event, if any.
    pub fn selected(&self) -> Option<String> {
        let s = self.state.borrow();
        let d = s.dataset.as_ref()?;
        s.selected
            .and_then(|i| d.events.get(i))
            .map(|e| e.id.clone())
    }

    /// Removes everything the explainer added to the page and every observer and listener.
    pub fn destroy(&mut self) {
        self.listeners.clear();
        self.observer = None;
        let mut s = self.state.borrow_mut();
        s.frame = None;
        if let Some(root) = s.root.take() {
            root.remove();
        }
        // The rest of the state goes when JavaScript frees the handle; keeping it until then
        // lets a test prove that no listener is left to act on it.
    }
}

fn new_state(host: &Element, lang: Option<String>) -> Rc<RefCell<State>> {
    let n = NEXT_INSTANCE.with(|c| {
        let n = c.get();
        c.set(n + 1);
        n
    });
    Rc::new(RefCell::new(State {
        host: host.clone(),
        root: None,
        parts: None,
        dataset: None,
        lang: pick_lang(lang),
        width: host_width(host),
        problems: Vec::new(),
        prefix: format!("bx{n}"),
        view: View::Window,
        timeline: None,
        active: None,
        selected: None,
        tip_for: None,
        pending_width: None,
        pending_pointer: None,
        frame: None,
    }))
}

/// Re-lays out when the host (not just the window) changes width, in the next animation frame
/// together with any pointer work.
fn observe(host: &Element, state: &Rc<RefCell<State>>) -> Result<Observer, JsValue> {
    let weak = Rc::downgrade(state);
    let callback = Closure::<dyn FnMut(js_sys::Array, ResizeObserver)>::new(
        move |_entries: js_sys::Array, _obs: ResizeObserver| {
            let Some(state) = weak.upgrade() else { return };
            if let Ok(mut s) = state.try_borrow_mut() {
                s.pending_width = Some(host_width(&s.host));
            }
            schedule(&state);
        },
    );
    let observer = ResizeObserver::new(callback.as_ref().unchecked_ref())?;
    observer.observe(host);
    Ok(Observer {
        observer,
        _callback: callback,
    })
}
