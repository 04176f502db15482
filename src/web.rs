//! The only module that touches the DOM. It mounts the explainer into a host element, keeps the
//! listeners and observers it adds in handles that remove them when dropped, and turns every
//! failure into a message inside the host element — never a blank box, never a panic.

use crate::model::{json::Json, validate, Dataset, Issue, Lang, Problem};
use crate::page::{self, El, Node};
use crate::render::Theme;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, ResizeObserver};

/// What one mounted explainer holds.
struct State {
    host: Element,
    /// The element we added to the host; removed by `destroy`.
    root: Option<Element>,
    dataset: Option<Rc<Dataset>>,
    lang: Lang,
    width: f64,
    problems: Vec<String>,
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
        let el = page::problems(file, issues, self.lang);
        self.show(&el)
    }

    fn render(&mut self) -> Result<(), JsValue> {
        let Some(d) = self.dataset.clone() else {
            return Ok(());
        };
        let el = page::explainer(&d, self.lang, self.width, &Theme::LIGHT);
        self.show(&el)
    }

    /// Re-draws only the charts at a new width: the rest of the page, and the reader's focus
    /// and open details, stay as they are.
    fn relayout(&mut self, width: f64) -> Result<(), JsValue> {
        if (width - self.width).abs() < 1.0 {
            return Ok(());
        }
        self.width = width;
        let (Some(d), Some(root)) = (self.dataset.clone(), self.root.clone()) else {
            return Ok(());
        };
        for (key, markup) in [
            (
                "timeline",
                page::timeline_svg(&d, self.lang, width, &Theme::LIGHT),
            ),
            (
                "counts",
                page::counts_svg(&d, self.lang, width, &Theme::LIGHT),
            ),
        ] {
            if let Some(target) = root.query_selector(&format!("[data-bx={key}]"))? {
                target.set_inner_html(&markup);
            }
        }
        Ok(())
    }
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
        let lang = pick_lang(lang);
        let width = host_width(&host);
        let state = Rc::new(RefCell::new(State {
            host: host.clone(),
            root: None,
            dataset: None,
            lang,
            width,
            problems: Vec::new(),
        }));
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
                    s.render()
                }
                Err(issues) => s.show_problems(&file, &issues),
            }
        };
        if let Err(e) = shown {
            web_sys::console::error_2(&"breach-explainer: could not draw".into(), &e);
        }
        let observer = observe(&host, &state).ok();
        Explainer { state, observer }
    }

    /// Shows why a dataset could not be loaded (a failed fetch, an HTTP error) in `host`.
    #[wasm_bindgen(js_name = loadFailed)]
    pub fn load_failed(
        host: Element,
        file: String,
        detail: String,
        lang: Option<String>,
    ) -> Explainer {
        let state = Rc::new(RefCell::new(State {
            host: host.clone(),
            root: None,
            dataset: None,
            lang: pick_lang(lang),
            width: host_width(&host),
            problems: Vec::new(),
        }));
        let issue = Issue::new(String::new(), Problem::Load { detail });
        let _ = state.borrow_mut().show_problems(&file, &[issue]);
        Explainer {
            state,
            observer: None,
        }
    }

    /// The problems shown instead of the explainer; empty when it rendered.
    pub fn problems(&self) -> Vec<String> {
        self.state.borrow().problems.clone()
    }

    /// Removes everything the explainer added to the page and every observer and listener.
    pub fn destroy(&mut self) {
        self.observer = None;
        let mut s = self.state.borrow_mut();
        if let Some(root) = s.root.take() {
            root.remove();
        }
        s.dataset = None;
    }
}

/// Re-lays out when the host (not just the window) changes width. ResizeObserver delivers at
/// most once per frame, before paint, so this is already one layout per animation frame.
fn observe(host: &Element, state: &Rc<RefCell<State>>) -> Result<Observer, JsValue> {
    let weak = Rc::downgrade(state);
    let callback = Closure::<dyn FnMut(js_sys::Array, ResizeObserver)>::new(
        move |_entries: js_sys::Array, _obs: ResizeObserver| {
            let Some(state) = weak.upgrade() else { return };
            let Ok(mut s) = state.try_borrow_mut() else {
                return;
            };
            let width = host_width(&s.host);
            if let Err(e) = s.relayout(width) {
                web_sys::console::error_2(&"breach-explainer: could not re-draw".into(), &e);
            }
        },
    );
    let observer = ResizeObserver::new(callback.as_ref().unchecked_ref())?;
    observer.observe(host);
    Ok(Observer {
        observer,
        _callback: callback,
    })
}
