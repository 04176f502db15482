//! The only module that touches the DOM. It mounts the explainer into a host element, forwards
//! input to the pure layout (hit testing, keyboard order) and paints what comes back. Every
//! listener, observer and animation frame lives in a handle that removes it when dropped, so
//! `destroy()` leaves nothing behind; every failure becomes a message inside the host element.

use crate::layout::charts::{self, ChartKind};
use crate::layout::timeline::{self, Timeline, View};
use crate::layout::{CharWidths, Scene};
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

/// What a stage draws: the timeline, or one of the count charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Timeline,
    Chart(ChartKind),
}

/// One interactive figure: its drawing, a listbox of its marks over it, and a tooltip.
struct Stage {
    kind: Kind,
    stage: HtmlElement,
    svg_box: Element,
    listbox: HtmlElement,
    tip: HtmlElement,
    /// The latest layout, for hit testing.
    scene: Scene,
    /// Items (events, counts, data classes, amounts) in keyboard order.
    order: Vec<usize>,
    /// The item the keyboard is on (aria-activedescendant).
    active: Option<usize>,
    /// The item the tooltip shows.
    tip_for: Option<usize>,
}

/// What may call back into the page (and from there into the handle): run only once the state
/// is no longer borrowed, so a host listener can use every handle method.
enum Effect {
    Focus(HtmlElement),
    Dispatch(Element, web_sys::Event),
}

/// Parts of the rendered explainer that are not stages.
struct Parts {
    live: Element,
    detail: HtmlElement,
    views: Vec<Element>,
}

/// What one mounted explainer holds.
struct State {
    host: Element,
    /// The element we added to the host; removed by `destroy`.
    root: Option<Element>,
    parts: Option<Parts>,
    stages: Vec<Stage>,
    dataset: Option<Rc<Dataset>>,
    /// The dataset as loaded, for "Get the data" as JSON.
    raw: Option<Rc<Json>>,
    /// What the host element held before (a static fallback), put back by `destroy`.
    fallback: Vec<web_sys::Node>,
    lang: Lang,
    /// "light", "dark" or "auto" (follows `prefers-color-scheme`).
    theme_choice: ThemeChoice,
    theme: Theme,
    width: f64,
    problems: Vec<String>,
    prefix: String,
    view: View,
    timeline: Option<Timeline>,
    /// The event whose details are open.
    selected: Option<usize>,
    /// Input waiting for the next animation frame: a new width, a pointer on a stage.
    pending_width: Option<f64>,
    pending_pointer: Option<(usize, f64, f64)>,
    frame: Option<AnimationFrame>,
    /// Effects waiting for the borrow of this state to end.
    effects: Vec<Effect>,
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

/// The reader's language, in this order: the `lang` option of `mount`, the host element's
/// `data-lang`, the page's `<html lang>`, the browser's languages, else English. (The shell
/// pages turn `?lang=` into the option.)
fn pick_lang(option: Option<String>, host: &Element) -> Lang {
    let window = web_sys::window();
    let page_lang = || {
        window
            .as_ref()?
            .document()?
            .document_element()?
            .get_attribute("lang")
    };
    let browser = || {
        let languages = window.as_ref()?.navigator().languages();
        languages
            .iter()
            .filter_map(|l| l.as_string())
            .find_map(|l| Lang::from_tag(&l))
    };
    option
        .as_deref()
        .and_then(Lang::from_tag)
        .or_else(|| {
            host.get_attribute("data-lang")
                .as_deref()
                .and_then(Lang::from_tag)
        })
        .or_else(|| page_lang().as_deref().and_then(Lang::from_tag))
        .or_else(browser)
        .unwrap_or(Lang::En)
}

/// The host's theme setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ThemeChoice {
    Light,
    Dark,
    Auto,
}

impl ThemeChoice {
    fn parse(s: Option<&str>) -> ThemeChoice {
        match s {
            Some("light") => ThemeChoice::Light,
            Some("dark") => ThemeChoice::Dark,
            _ => ThemeChoice::Auto,
        }
    }
    fn code(self) -> &'static str {
        match self {
            ThemeChoice::Light => "light",
            ThemeChoice::Dark => "dark",
            ThemeChoice::Auto => "auto",
        }
    }
}

fn dark_query() -> Option<web_sys::MediaQueryList> {
    web_sys::window()?
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
}

/// The colours to draw with: the host's choice, or the reader's `prefers-color-scheme`.
fn resolve_theme(choice: ThemeChoice) -> Theme {
    let dark = match choice {
        ThemeChoice::Light => false,
        ThemeChoice::Dark => true,
        ThemeChoice::Auto => dark_query().is_some_and(|m| m.matches()),
    };
    if dark {
        Theme::DARK
    } else {
        Theme::LIGHT
    }
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

/// Walks a value from the page without recursion before anything recursive touches it: nested
/// past [`MAX_DEPTH`], holding itself, or past [`MAX_VALUES`] values, it is refused with a
/// message, where converting it would overflow the wasm stack and poison every explainer on
/// the page.
fn check_shape(value: &JsValue) -> Result<(), Issue> {
    use crate::model::json::{MAX_DEPTH, MAX_VALUES};
    enum Step {
        Enter(JsValue, usize),
        Leave(JsValue),
    }
    let problem = |p| Err(Issue::new(String::new(), p));
    let on_path = js_sys::Set::new(&JsValue::UNDEFINED);
    let mut stack = vec![Step::Enter(value.clone(), 0)];
    let mut seen = 0usize;
    while let Some(step) = stack.pop() {
        let (v, depth) = match step {
            Step::Leave(v) => {
                on_path.delete(&v);
                continue;
            }
            Step::Enter(v, depth) => (v, depth),
        };
        seen += 1;
        if seen > MAX_VALUES {
            return problem(Problem::TooLarge { limit: MAX_VALUES });
        }
        if !v.is_object() {
            continue;
        }
        if depth >= MAX_DEPTH {
            return problem(Problem::TooDeep { limit: MAX_DEPTH });
        }
        if on_path.has(&v) {
            return problem(Problem::RefersToItself);
        }
        on_path.add(&v);
        let children = if js_sys::Array::is_array(&v) {
            js_sys::Array::from(&v)
        } else {
            js_sys::Object::values(v.unchecked_ref())
        };
        stack.push(Step::Leave(v));
        for child in children.iter() {
            stack.push(Step::Enter(child, depth + 1));
        }
    }
    Ok(())
}

fn to_tree(value: JsValue) -> Result<Json, Issue> {
    check_shape(&value)?;
    serde_wasm_bindgen::from_value(value).map_err(|_| {
        Issue::new(
            String::new(),
            Problem::NotJson {
                detail: "it holds values JSON cannot (functions, symbols or cycles)".into(),
            },
        )
    })
}

fn find<T: JsCast>(root: &Element, selector: &str) -> Option<T> {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<T>().ok())
}

/// Whole CSS pixels, formatted as an integer (float formatting costs the wasm kilobytes).
fn px(v: f64) -> String {
    format!("{}px", v.round() as i64)
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

impl Stage {
    fn key(&self) -> &'static str {
        match self.kind {
            Kind::Timeline => "timeline",
            Kind::Chart(k) => k.key(),
        }
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
        self.problems = issues
            .iter()
            .map(|i| page::describe(file, i, self.lang))
            .collect();
        self.dataset = None;
        self.parts = None;
        self.stages.clear();
        let el = page::problems(file, issues, self.lang);
        self.show(&el)
    }

    /// Builds the whole explainer, then lays out its figures.
    fn render(&mut self) -> Result<(), JsValue> {
        let Some(d) = self.dataset.clone() else {
            return Ok(());
        };
        // Only a language the dataset has complete text for: never interface words in one
        // language around data in another.
        self.lang = d.page_lang(self.lang);
        let el = page::explainer(&d, self.lang, None);
        self.show(&el)?;
        let root = self.root.clone().ok_or("no root")?;
        root.set_attribute("data-theme", self.theme_choice.code())?;
        let views = root.query_selector_all("[data-view]")?;
        self.parts = Some(Parts {
            live: find(&root, "[data-bx=live]").ok_or("no live region")?,
            detail: find(&root, "[data-bx=detail]").ok_or("no detail")?,
            views: (0..views.length())
                .filter_map(|i| views.item(i))
                .filter_map(|n| n.dyn_into::<Element>().ok())
                .collect(),
        });
        self.stages.clear();
        let stages = root.query_selector_all("[data-chart]")?;
        for i in 0..stages.length() {
            let Some(stage) = stages
                .item(i)
                .and_then(|n| n.dyn_into::<HtmlElement>().ok())
            else {
                continue;
            };
            let key = stage.get_attribute("data-chart").unwrap_or_default();
            let kind = match ChartKind::from_key(&key) {
                Some(k) => Kind::Chart(k),
                None => Kind::Timeline,
            };
            let listbox: HtmlElement = find(&stage, "[data-bx=listbox]").ok_or("no listbox")?;
            listbox.set_id(&format!("{}-{key}", self.prefix));
            // The short text alternative describes the listbox of marks.
            if let Some(figure) = stage.closest("figure")? {
                if let Some(alt) = find::<Element>(&figure, "[data-bx=alt]") {
                    alt.set_id(&format!("{}-{key}-alt", self.prefix));
                    listbox.set_attribute("aria-describedby", &alt.id())?;
                }
            }
            let tip: HtmlElement = find(&stage, "[data-bx=tip]").ok_or("no tip")?;
            // The geometry the pointer mapping depends on is set here, not left to a style
            // sheet a host page might not load.
            stage.style().set_property("position", "relative")?;
            for el in [&listbox, &tip] {
                el.style().set_property("position", "absolute")?;
            }
            listbox.style().set_property("inset", "0")?;
            self.stages.push(Stage {
                kind,
                svg_box: find(&stage, "[data-bx=svg]").ok_or("no svg box")?,
                stage,
                listbox,
                tip,
                scene: Scene::default(),
                order: Vec::new(),
                active: None,
                tip_for: None,
            });
        }
        self.layout()?;
        self.show_detail()?;
        Ok(())
    }

    /// Lays out every figure at the current width and paints it.
    fn layout(&mut self) -> Result<(), JsValue> {
        for i in 0..self.stages.len() {
            self.layout_stage(i)?;
        }
        self.mark_view_buttons()
    }

    /// `aria-pressed` on the view buttons follows the view.
    fn mark_view_buttons(&self) -> Result<(), JsValue> {
        let Some(parts) = &self.parts else {
            return Ok(());
        };
        let current = if self.view == View::Story {
            "story"
        } else {
            "window"
        };
        for b in &parts.views {
            let pressed = b.get_attribute("data-view").as_deref() == Some(current);
            b.set_attribute("aria-pressed", if pressed { "true" } else { "false" })?;
        }
        Ok(())
    }

    /// Switches the timeline's view; only the timeline is laid out again.
    fn set_view(&mut self, view: View) -> Result<(), JsValue> {
        self.view = view;
        self.mark_view_buttons()?;
        match self.timeline_stage() {
            Some(t) => self.layout_stage(t),
            None => Ok(()),
        }
    }

    /// Lays out one figure, paints it, and rebuilds the transparent options that give each mark
    /// a name, a role and a target of at least 24 px.
    fn layout_stage(&mut self, i: usize) -> Result<(), JsValue> {
        let Some(d) = self.dataset.clone() else {
            return Ok(());
        };
        let Some(kind) = self.stages.get(i).map(|s| s.kind) else {
            return Ok(());
        };
        let (scene, names): (Scene, Vec<(usize, String, String)>) = match kind {
            Kind::Timeline => {
                let t = timeline::layout(&d, self.lang, self.width, self.view, &CharWidths);
                let scene = t.with_selection(self.selected);
                let names = t
                    .placed
                    .iter()
                    .filter_map(|p| {
                        let e = d.events.get(p.event)?;
                        Some((
                            p.event,
                            e.id.clone(),
                            crate::describe::event_name(&d, self.lang, p.event),
                        ))
                    })
                    .collect();
                self.timeline = Some(t);
                (scene, names)
            }
            Kind::Chart(k) => {
                let scene = charts::layout(k, &d, self.lang, self.width, &CharWidths);
                let names = crate::model::figures::rows(&d, k)
                    .into_iter()
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
        let svg = render::svg(&scene, &self.theme).unwrap_or_default();
        let doc = document()?;
        let prefix = self.prefix.clone();
        let selected = self.selected;
        let Some(stage) = self.stages.get_mut(i) else {
            return Ok(());
        };
        stage.svg_box.set_inner_html(&svg);
        stage
            .stage
            .style()
            .set_property("height", &px(scene.height))?;
        stage.listbox.set_inner_html("");
        stage.order.clear();
        let key = stage.key();
        for (item, id, name) in names {
            let Some(hit) = scene.hits.iter().find(|h| h.item == item) else {
                continue;
            };
            let opt: HtmlElement = doc.create_element("div")?.dyn_into()?;
            opt.set_id(&format!("{prefix}-{key}-{id}"));
            opt.set_class_name("bx-opt");
            opt.set_attribute("role", "option")?;
            opt.set_attribute("aria-label", &name)?;
            let is_selected = kind == Kind::Timeline && selected == Some(item);
            opt.set_attribute("aria-selected", if is_selected { "true" } else { "false" })?;
            if kind == Kind::Timeline {
                opt.set_attribute("data-event", &id)?;
            }
            let style = opt.style();
            style.set_property("position", "absolute")?;
            style.set_property("left", &px(hit.x))?;
            style.set_property("top", &px(hit.y))?;
            style.set_property("width", &px(hit.w))?;
            style.set_property("height", &px(hit.h))?;
            stage.listbox.append_child(&opt)?;
            stage.order.push(item);
        }
        // Keep the keyboard position only if that item is still drawn.
        if stage.active.is_some_and(|a| !stage.order.contains(&a)) {
            stage.active = None;
        }
        stage.scene = scene;
        self.mark_active(i)?;
        let tip_for = self.stages.get(i).and_then(|s| s.tip_for);
        self.show_tip(i, tip_for)
    }

    fn option_id(&self, stage: &Stage, item: usize) -> Option<String> {
        let id = match stage.kind {
            Kind::Timeline => self.dataset.as_ref()?.events.get(item)?.id.clone(),
            Kind::Chart(_) => item.to_string(),
        };
        Some(format!("{}-{}-{id}", self.prefix, stage.key()))
    }

    fn mark_active(&self, i: usize) -> Result<(), JsValue> {
        let Some(stage) = self.stages.get(i) else {
            return Ok(());
        };
        let list = stage.listbox.children();
        for k in 0..list.length() {
            if let Some(o) = list.item(k) {
                o.class_list().remove_1("is-active")?;
            }
        }
        match stage.active.and_then(|a| self.option_id(stage, a)) {
            Some(id) => {
                stage.listbox.set_attribute("aria-activedescendant", &id)?;
                if let Some(o) = document()?.get_element_by_id(&id) {
                    o.class_list().add_1("is-active")?;
                }
            }
            None => stage.listbox.remove_attribute("aria-activedescendant")?,
        }
        Ok(())
    }

    /// The tooltip's lines for an item: date and title for events, exact figures for charts.
    fn tip_lines(&self, kind: Kind, item: usize) -> Vec<String> {
        let Some(d) = &self.dataset else {
            return Vec::new();
        };
        match kind {
            Kind::Timeline => d
                .events
                .get(item)
                .map(|e| {
                    vec![
                        crate::describe::event_when(d, self.lang, e),
                        e.title.get(self.lang).to_string(),
                    ]
                })
                .unwrap_or_default(),
            Kind::Chart(k) => crate::describe::charts::chart_item(d, self.lang, k, item).1,
        }
    }

    /// Shows (or hides, with `None`) a stage's tooltip beside the item's mark.
    fn show_tip(&mut self, i: usize, item: Option<usize>) -> Result<(), JsValue> {
        let Some(kind) = self.stages.get(i).map(|s| s.kind) else {
            return Ok(());
        };
        let lines = item.map(|it| self.tip_lines(kind, it)).unwrap_or_default();
        let anchor = item.and_then(|it| match kind {
            Kind::Timeline => self
                .timeline
                .as_ref()?
                .placed
                .iter()
                .find(|p| p.event == it)
                .map(|p| (p.x, p.y + timeline::ROW_H / 2.0 + 2.0)),
            Kind::Chart(_) => {
                let h = self
                    .stages
                    .get(i)?
                    .scene
                    .hits
                    .iter()
                    .find(|h| h.item == it)?;
                Some((h.x + h.w / 2.0, h.y + h.h))
            }
        });
        let width = self.width;
        let Some(stage) = self.stages.get_mut(i) else {
            return Ok(());
        };
        stage.tip_for = item;
        let (Some((x, y)), false) = (anchor, lines.is_empty()) else {
            stage.tip.set_hidden(true);
            stage.tip_for = None;
            return Ok(());
        };
        let doc = document()?;
        stage.tip.set_inner_html("");
        for (k, line) in lines.iter().enumerate() {
            let el = doc.create_element(if k == 0 { "strong" } else { "span" })?;
            el.set_text_content(Some(line));
            stage.tip.append_child(&el)?;
        }
        stage.tip.set_hidden(false);
        // Centred under the mark, kept inside the stage.
        let w = f64::from(stage.tip.offset_width());
        let left = (x - w / 2.0).clamp(0.0, (width - w).max(0.0));
        stage.tip.style().set_property("left", &px(left))?;
        stage.tip.style().set_property("top", &px(y))?;
        Ok(())
    }

    fn hide_tips(&mut self) -> Result<bool, JsValue> {
        let mut any = false;
        for i in 0..self.stages.len() {
            if self.stages.get(i).is_some_and(|s| s.tip_for.is_some()) {
                self.show_tip(i, None)?;
                any = true;
            }
        }
        Ok(any)
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

    fn timeline_stage(&self) -> Option<usize> {
        self.stages.iter().position(|s| s.kind == Kind::Timeline)
    }

    /// Selects an event: ring on the marker, details open, the address updated, and a short
    /// announcement for screen readers.
    fn select(&mut self, event: Option<usize>, update_address: bool) -> Result<(), JsValue> {
        self.selected = event;
        if let (Some(e), Some(t)) = (event, self.timeline_stage()) {
            if let Some(s) = self.stages.get_mut(t) {
                s.active = Some(e);
            }
        }
        if let Some(t) = self.timeline_stage() {
            self.layout_stage(t)?;
        }
        self.show_detail()?;
        let (Some(parts), Some(d)) = (&self.parts, &self.dataset) else {
            return Ok(());
        };
        match event.and_then(|i| d.events.get(i).map(|e| (i, e))) {
            Some((i, e)) => {
                parts
                    .live
                    .set_text_content(Some(&crate::describe::selected(d, self.lang, i)));
                if update_address {
                    set_hash(Some(&e.id));
                }
            }
            None if update_address => set_hash(None),
            None => {}
        }
        Ok(())
    }

    fn figure_svg(&self, key: &str) -> Option<String> {
        let d = self.dataset.as_ref()?;
        let figure = match ChartKind::from_key(key) {
            Some(k) => crate::export::Figure::Chart(k),
            None if key == "timeline" => crate::export::Figure::Timeline(self.view),
            None => return None,
        };
        // Exports are drawn light: they go into documents and slides, not this page.
        Some(crate::export::figure_svg(
            d,
            self.lang,
            figure,
            self.width.max(640.0),
            &Theme::LIGHT,
        ))
    }

    /// (file name, MIME type, text) for a data download.
    fn data_export(&self, format: &str) -> Option<(String, &'static str, String)> {
        let d = self.dataset.as_ref()?;
        let base = format!("{}-{}", d.id, self.lang.code());
        match format {
            "events-csv" => Some((
                format!("{base}-events.csv"),
                "text/csv",
                crate::export::events_csv(d, self.lang),
            )),
            "counts-csv" => Some((
                format!("{base}-figures.csv"),
                "text/csv",
                crate::export::counts_csv(d, self.lang),
            )),
            "json" => Some((
                format!("{}.json", d.id),
                "application/json",
                crate::export::json_text(self.raw.as_ref()?),
            )),
            _ => None,
        }
    }

    /// Starts a download of whatever a `data-export` button asks for.
    fn export(&self, format: &str, figure: Option<String>) -> Result<(), JsValue> {
        let Some(d) = &self.dataset else {
            return Ok(());
        };
        if let Some((name, mime, text)) = self.data_export(format) {
            return download(&name, &data_url(mime, &text));
        }
        let key = figure.unwrap_or_default();
        let Some(svg) = self.figure_svg(&key) else {
            return Ok(());
        };
        let name = format!("{}-{key}-{}", d.id, self.lang.code());
        match format {
            "svg" => download(&format!("{name}.svg"), &data_url("image/svg+xml", &svg)),
            "png" => download_png(&format!("{name}.png"), &svg),
            _ => Ok(()),
        }
    }

    /// Re-renders in another language in place: the view and the selected event stay, focus
    /// returns to the switch, and the host hears a `breach-explainer:lang` event.
    fn switch_lang(&mut self, lang: Lang) -> Result<(), JsValue> {
        if lang == self.lang {
            return Ok(());
        }
        self.lang = lang;
        self.render()?;
        if let Some(root) = &self.root {
            let button: Option<HtmlElement> =
                find(root, &format!("[data-lang-switch={}]", lang.code()));
            if let Some(b) = button {
                self.effects.push(Effect::Focus(b));
            }
        }
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_detail(&JsValue::from_str(lang.code()));
        let event = web_sys::CustomEvent::new_with_event_init_dict("breach-explainer:lang", &init)?;
        self.effects
            .push(Effect::Dispatch(self.host.clone(), event.into()));
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
        if !in_window && self.view != View::Story {
            self.set_view(View::Story)?;
        }
        self.select(Some(i), false)
    }

    fn key(&mut self, ev: &KeyboardEvent, stage: Option<usize>) -> Result<(), JsValue> {
        let key = ev.key();
        if key == "Escape" {
            if self.hide_tips()? {
            } else if self.selected.is_some() {
                self.select(None, true)?;
                if let Some(s) = self.timeline_stage().and_then(|t| self.stages.get(t)) {
                    self.effects.push(Effect::Focus(s.listbox.clone()));
                }
            } else {
                return Ok(());
            }
            ev.prevent_default();
            return Ok(());
        }
        let Some(i) = stage else { return Ok(()) };
        let Some(s) = self.stages.get(i) else {
            return Ok(());
        };
        let at = s.active.and_then(|a| s.order.iter().position(|x| *x == a));
        let last = s.order.len().checked_sub(1);
        let next = match key.as_str() {
            "ArrowRight" | "ArrowDown" => match at {
                Some(k) => Some((k + 1).min(last.unwrap_or(0))),
                None => last.map(|_| 0),
            },
            "ArrowLeft" | "ArrowUp" => match at {
                Some(k) => Some(k.saturating_sub(1)),
                None => last,
            },
            "Home" => last.map(|_| 0),
            "End" => last,
            "Enter" | " " => {
                ev.prevent_default();
                let target = at.or(last.map(|_| 0)).and_then(|k| s.order.get(k).copied());
                return match s.kind {
                    Kind::Timeline => self.select(target, true),
                    Kind::Chart(_) => self.show_tip(i, target),
                };
            }
            _ => return Ok(()),
        };
        ev.prevent_default();
        let item = next.and_then(|k| s.order.get(k).copied());
        if let Some(s) = self.stages.get_mut(i) {
            s.active = item;
        }
        self.mark_active(i)?;
        self.show_tip(i, item)
    }

    /// Pointer position relative to a stage, for the layout's hit test.
    fn stage_point(&self, i: usize, ev: &MouseEvent) -> Option<(f64, f64)> {
        let r = self.stages.get(i)?.stage.get_bounding_client_rect();
        Some((
            f64::from(ev.client_x()) - r.left(),
            f64::from(ev.client_y()) - r.top(),
        ))
    }

    fn hit(&self, i: usize, (x, y): (f64, f64)) -> Option<usize> {
        self.stages.get(i)?.scene.hit_test(x, y)
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
        if let Some((i, x, y)) = self.pending_pointer.take() {
            let hit = self.hit(i, (x, y));
            let current = self.stages.get(i).and_then(|s| s.tip_for);
            // Keep a tooltip while the pointer is on it (WCAG 1.4.13: hoverable).
            if (hit.is_some() || !self.pointer_on_tip(i, (x, y))) && hit != current {
                self.show_tip(i, hit)?;
            }
        }
        Ok(())
    }

    fn pointer_on_tip(&self, i: usize, (x, y): (f64, f64)) -> bool {
        let Some(s) = self.stages.get(i) else {
            return false;
        };
        if s.tip.hidden() {
            return false;
        }
        let (l, t) = (
            f64::from(s.tip.offset_left()),
            f64::from(s.tip.offset_top()),
        );
        let (w, h) = (
            f64::from(s.tip.offset_width()),
            f64::from(s.tip.offset_height()),
        );
        x >= l && x <= l + w && y >= t && y <= t + h
    }

    /// Which stage an event happened in.
    fn stage_of(&self, target: Option<web_sys::EventTarget>) -> Option<usize> {
        let el = closest(target, "[data-chart]")?;
        let key = el.get_attribute("data-chart")?;
        self.stages.iter().position(|s| s.key() == key)
    }
}

/// A `data:` URL (allowed by a strict CSP's `img-src data:`, unlike `blob:`).
fn data_url(mime: &str, text: &str) -> String {
    format!(
        "data:{mime};charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(text))
    )
}

/// Saves `href` as a file named `name` through a temporary `<a download>`.
fn download(name: &str, href: &str) -> Result<(), JsValue> {
    let doc = document()?;
    let a: HtmlElement = doc.create_element("a")?.dyn_into()?;
    a.set_attribute("href", href)?;
    a.set_attribute("download", name)?;
    a.set_hidden(true);
    let body = doc.body().ok_or("no body")?;
    body.append_child(&a)?;
    a.click();
    a.remove();
    Ok(())
}

/// Rasterises an SVG at twice its size (crisp on high-density screens) and saves it as PNG.
fn download_png(name: &str, svg: &str) -> Result<(), JsValue> {
    let doc = document()?;
    let img = web_sys::HtmlImageElement::new()?;
    let canvas: web_sys::HtmlCanvasElement = doc.create_element("canvas")?.dyn_into()?;
    let name = name.to_string();
    let img2 = img.clone();
    let onload = Closure::once_into_js(move || {
        let result = (|| -> Result<(), JsValue> {
            let scale = 2;
            canvas.set_width(img2.natural_width() * scale);
            canvas.set_height(img2.natural_height() * scale);
            let ctx: web_sys::CanvasRenderingContext2d = canvas
                .get_context("2d")?
                .ok_or("no 2d context")?
                .dyn_into()?;
            ctx.scale(f64::from(scale), f64::from(scale))?;
            ctx.draw_image_with_html_image_element(&img2, 0.0, 0.0)?;
            download(&name, &canvas.to_data_url_with_type("image/png")?)
        })();
        if let Err(e) = result {
            web_sys::console::error_2(&"breach-explainer: PNG export failed".into(), &e);
        }
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&data_url("image/svg+xml", svg));
    Ok(())
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

/// Runs `f` on the state if it is still alive and not busy, logging (never throwing) errors,
/// then, with the borrow released, the effects it asked for (focus, events for the host), which
/// may call back into the explainer.
fn with_state(weak: &Weak<RefCell<State>>, f: impl FnOnce(&mut State) -> Result<(), JsValue>) {
    let Some(state) = weak.upgrade() else { return };
    let effects = {
        let Ok(mut s) = state.try_borrow_mut() else {
            return;
        };
        if let Err(e) = f(&mut s) {
            web_sys::console::error_2(&"breach-explainer:".into(), &e);
        }
        std::mem::take(&mut s.effects)
    };
    for effect in effects {
        let result = match effect {
            Effect::Focus(el) => el.focus(),
            Effect::Dispatch(target, event) => target.dispatch_event(&event).map(|_| ()),
        };
        if let Err(e) = result {
            web_sys::console::error_2(&"breach-explainer:".into(), &e);
        }
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
            with_state(&w, |s| {
                let stage = if on_listbox {
                    s.stage_of(e.target())
                } else {
                    None
                };
                s.key(ev, stage)
            });
        },
    ));
    let w = weak.clone();
    out.push(EventListener::new(host, "click", move |e| {
        let target = e.target();
        if let Some(b) = closest(target.clone(), "[data-export]") {
            let format = b.get_attribute("data-export").unwrap_or_default();
            let figure = b.get_attribute("data-figure-key");
            with_state(&w, |s| s.export(&format, figure));
        } else if let Some(b) = closest(target.clone(), "[data-lang-switch]") {
            let lang = b
                .get_attribute("data-lang-switch")
                .as_deref()
                .and_then(Lang::from_tag);
            if let Some(lang) = lang {
                with_state(&w, |s| s.switch_lang(lang));
            }
        } else if let Some(b) = closest(target.clone(), "[data-view]") {
            let view = if b.get_attribute("data-view").as_deref() == Some("story") {
                View::Story
            } else {
                View::Window
            };
            with_state(&w, |s| s.set_view(view));
        } else if closest(target.clone(), "[data-bx=close]").is_some() {
            with_state(&w, |s| {
                s.select(None, true)?;
                match s.timeline_stage().and_then(|t| s.stages.get(t)) {
                    Some(st) => {
                        s.effects.push(Effect::Focus(st.listbox.clone()));
                        Ok(())
                    }
                    None => Ok(()),
                }
            });
        } else if let Some(ev) = e.dyn_ref::<MouseEvent>() {
            with_state(&w, |s| {
                let Some(i) = s.stage_of(target) else {
                    return Ok(());
                };
                let Some(hit) = s.stage_point(i, ev).and_then(|p| s.hit(i, p)) else {
                    return Ok(());
                };
                let kind = s.stages.get(i).map(|st| st.kind);
                if let Some(st) = s.stages.get_mut(i) {
                    st.active = Some(hit);
                }
                match kind {
                    Some(Kind::Timeline) => s.select(Some(hit), true)?,
                    _ => {
                        s.mark_active(i)?;
                        s.show_tip(i, Some(hit))?;
                    }
                }
                match s.stages.get(i) {
                    Some(st) => {
                        s.effects.push(Effect::Focus(st.listbox.clone()));
                        Ok(())
                    }
                    None => Ok(()),
                }
            });
        }
    }));
    let w = weak.clone();
    let for_schedule = weak.clone();
    out.push(EventListener::new(host, "pointermove", move |e| {
        let Some(ev) = e.dyn_ref::<MouseEvent>() else {
            return;
        };
        let mut wanted = false;
        with_state(&w, |s| {
            if let Some(i) = s.stage_of(e.target()) {
                s.pending_pointer = s.stage_point(i, ev).map(|(x, y)| (i, x, y));
                wanted = true;
            }
            Ok(())
        });
        if let (true, Some(state)) = (wanted, for_schedule.upgrade()) {
            schedule(&state);
        }
    }));
    let w = weak.clone();
    out.push(EventListener::new(host, "pointerout", move |e| {
        // Leaving a stage (not moving within it, nor onto its tooltip) hides its tooltip.
        let from = closest(e.target(), "[data-chart]");
        let to = e
            .dyn_ref::<MouseEvent>()
            .and_then(|m| closest(m.related_target(), "[data-chart]"));
        if from.is_some() && from != to {
            with_state(&w, |s| {
                if let Some(i) = s.stage_of(e.target()) {
                    s.pending_pointer = None;
                    s.show_tip(i, None)?;
                }
                Ok(())
            });
        }
    }));
    let w = weak.clone();
    out.push(EventListener::new(host, "focusin", move |e| {
        if closest(e.target(), "[role=listbox]").is_none() {
            return;
        }
        with_state(&w, |s| {
            let Some(i) = s.stage_of(e.target()) else {
                return Ok(());
            };
            let selected = s.selected;
            let Some(st) = s.stages.get_mut(i) else {
                return Ok(());
            };
            if st.active.is_none() {
                st.active = match st.kind {
                    Kind::Timeline => selected.or_else(|| st.order.first().copied()),
                    Kind::Chart(_) => st.order.first().copied(),
                };
            }
            let a = st.active;
            s.mark_active(i)?;
            s.show_tip(i, a)
        });
    }));
    let w = weak.clone();
    out.push(EventListener::new(host, "focusout", move |e| {
        if closest(e.target(), "[role=listbox]").is_none() {
            return;
        }
        with_state(&w, |s| match s.stage_of(e.target()) {
            Some(i) => s.show_tip(i, None),
            None => Ok(()),
        });
    }));
    if let Some(query) = dark_query() {
        // With theme "auto", a change of the reader's colour scheme redraws the charts.
        let w = weak.clone();
        out.push(EventListener::new(&query, "change", move |_| {
            with_state(&w, |s| {
                if s.theme_choice != ThemeChoice::Auto {
                    return Ok(());
                }
                s.theme = resolve_theme(ThemeChoice::Auto);
                s.layout()
            });
        }));
    }
    if let Some(window) = web_sys::window() {
        let w = weak.clone();
        out.push(EventListener::new(&window, "hashchange", move |_| {
            with_state(&w, |s| s.select_from_hash());
        }));
        // Printing shows the lists and tables, not the closed "show the data" panels.
        let w = weak;
        out.push(EventListener::new(&window, "beforeprint", move |_| {
            with_state(&w, |s| {
                let Some(root) = &s.root else { return Ok(()) };
                let details = root.query_selector_all("details")?;
                for i in 0..details.length() {
                    if let Some(el) = details.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                        el.set_attribute("open", "")?;
                    }
                }
                Ok(())
            });
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
        theme: Option<String>,
    ) -> Explainer {
        let state = new_state(&host, lang);
        {
            let mut s = state.borrow_mut();
            s.theme_choice = ThemeChoice::parse(theme.as_deref());
            s.theme = resolve_theme(s.theme_choice);
            // A static fallback in the host is set aside while the live explainer runs; another
            // live explainer mounted there before is not ours to set aside (or to put back).
            let children = host.child_nodes();
            s.fallback = (0..children.length())
                .filter_map(|i| children.item(i))
                .filter(|n| {
                    !n.dyn_ref::<Element>()
                        .is_some_and(|e| e.matches(".bx:not([data-static])").unwrap_or(false))
                })
                .collect();
            for node in &s.fallback {
                let _ = host.remove_child(node);
            }
        }
        // Messages name the file; data given inline is named in the reader's language.
        let lang_now = state.borrow().lang;
        let (file, parsed) = if data.is_undefined() || data.is_null() {
            (
                file.unwrap_or_else(|| crate::model::DEFAULT_DATASET_NAME.into()),
                parse_text(crate::model::DEFAULT_DATASET),
            )
        } else if let Some(text) = data.as_string() {
            (
                file.unwrap_or_else(|| {
                    crate::i18n::ui(lang_now, crate::i18n::Ui::InlineDataset).into()
                }),
                parse_text(&text),
            )
        } else {
            (
                file.unwrap_or_else(|| {
                    crate::i18n::ui(lang_now, crate::i18n::Ui::InlineDataset).into()
                }),
                to_tree(data),
            )
        };
        let parsed = parsed.map(Rc::new);
        let result = parsed
            .clone()
            .map_err(|e| vec![e])
            .and_then(|j| validate(&j).map(|d| (d, j)));
        let shown = {
            let mut s = state.borrow_mut();
            match result {
                Ok((d, raw)) => {
                    s.dataset = Some(Rc::new(d));
                    s.raw = Some(raw);
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

    /// Shows why a dataset could not be loaded in `host`: the HTTP `status` and its text, or
    /// status 0 and the browser's message when the server could not be reached.
    #[wasm_bindgen(js_name = loadFailed)]
    pub fn load_failed(
        host: Element,
        file: String,
        url: String,
        status: u16,
        detail: String,
        lang: Option<String>,
    ) -> Explainer {
        let state = new_state(&host, lang);
        let issue = Issue::new(
            String::new(),
            Problem::Load {
                url,
                status,
                detail,
            },
        );
        let _ = state.borrow_mut().show_problems(&file, &[issue]);
        Explainer {
            state,
            observer: None,
            listeners: Vec::new(),
        }
    }

    /// The problems shown instead of the explainer; empty when it rendered.
    pub fn problems(&self) -> Vec<String> {
        self.state
            .try_borrow()
            .map(|s| s.problems.clone())
            .unwrap_or_default()
    }

    /// A figure as a standalone SVG with title, source line and credit: `figure` is
    /// "timeline" (the current view) or a chart ("revisions", "comparison", "exposed", "money").
    #[wasm_bindgen(js_name = exportSvg)]
    pub fn export_svg(&self, figure: &str) -> Option<String> {
        self.state.try_borrow().ok()?.figure_svg(figure)
    }

    /// The data as text: "events-csv", "counts-csv" or "json".
    #[wasm_bindgen(js_name = exportData)]
    pub fn export_data(&self, format: &str) -> Option<String> {
        self.state
            .try_borrow()
            .ok()?
            .data_export(format)
            .map(|(_, _, text)| text)
    }

    /// The language shown ("en" or "ko").
    pub fn lang(&self) -> String {
        self.state
            .try_borrow()
            .map(|s| s.lang.code().to_string())
            .unwrap_or_default()
    }

    /// The id of the selected event, if any.
    pub fn selected(&self) -> Option<String> {
        let s = self.state.try_borrow().ok()?;
        let d = s.dataset.as_ref()?;
        s.selected
            .and_then(|i| d.events.get(i))
            .map(|e| e.id.clone())
    }

    /// Removes everything the explainer added to the page and every observer and listener, and
    /// lets go of the dataset and drawings (a page that mounts and destroys many explainers
    /// keeps no memory for them). Calling it again does nothing.
    pub fn destroy(&mut self) {
        self.listeners.clear();
        self.observer = None;
        // Effects run after the borrow ends, so no callback of ours holds it here.
        let Ok(mut s) = self.state.try_borrow_mut() else {
            return;
        };
        s.frame = None;
        if let Some(root) = s.root.take() {
            root.remove();
        }
        // Give the host back what it held before: the static fallback, if any.
        for node in std::mem::take(&mut s.fallback) {
            let _ = s.host.append_child(&node);
        }
        s.dataset = None;
        s.raw = None;
        s.parts = None;
        s.stages.clear();
        s.timeline = None;
        s.effects.clear();
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
        stages: Vec::new(),
        dataset: None,
        raw: None,
        fallback: Vec::new(),
        lang: pick_lang(lang, host),
        theme_choice: ThemeChoice::Auto,
        theme: Theme::LIGHT,
        width: host_width(host),
        problems: Vec::new(),
        prefix: format!("bx{n}"),
        view: View::Window,
        timeline: None,
        selected: None,
        pending_width: None,
        pending_pointer: None,
        frame: None,
        effects: Vec::new(),
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
