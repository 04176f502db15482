//! The only module that touches the DOM. It mounts the explainer into a host element, turns
//! DOM events into actions on the state, and paints what the pure layout returns. Every listener,
//! observer and animation frame lives in a handle that removes it when dropped, so `destroy()`
//! leaves nothing behind; every failure becomes a message inside the host element.
//!
//! - [`dom`]: helpers without state (build elements, page language and theme, downloads);
//! - `options`: the one options object of `mount`, read and checked once;
//! - `state`: what one explainer holds, and how it renders and repaints its parts;
//! - `stages`: each figure's drawing, laid out at the host's width, listed, hit-tested;
//! - `paint`: what the reading model says changed (`crate::reading`), shown;
//! - `marks`, `exports`: tooltips and active marks; downloads;
//! - `clusters`: opening a cluster (zoom, or a list in the details panel) and long lists;
//! - `fold`: what is built only when the reader first opens it (folded parts, long lists);
//! - `action`: every reader action, decoded once from a DOM event and applied in one place
//!   (through the reading model, then `paint`);
//! - `events`: the listeners (decoding only), one borrow of the state at a time.

mod action;
#[cfg(feature = "authoring")]
pub mod check;
mod clusters;
mod dom;
mod events;
mod exports;
mod fold;
mod marks;
mod options;
mod paint;
mod stages;
mod state;
mod update;

use crate::model::{self, story, Issue, Json, Problem, Story};

/// A dataset as loaded: its tree (for the JSON download) and its story, or every problem.
type Loaded = Result<(Json, Story), Vec<Issue>>;
/// JSON text as a tree, read by the browser's own parser (what `mount` does with a file).
pub use crate::model::from_js::parse_text as parse_json;
use crate::model::from_js::{parse_text, to_tree};
use crate::render::Theme;
use dom::*;
use events::{listen, run_effects, schedule};
use gloo_events::EventListener;
use state::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver};

thread_local! {
    /// Numbers the explainers on a page, so element ids stay unique with several instances.
    static NEXT_INSTANCE: Cell<u32> = const { Cell::new(0) };
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

#[wasm_bindgen]
impl Explainer {
    /// Mounts an explainer into `host` with `options`, one object read and checked in one
    /// place (`options.rs`): `data` is absent (the compiled-in default dataset), a JSON string,
    /// or a dataset object; `file` names it in error messages; `lang`, `theme`, `parts`,
    /// `deepLink` as explainer.js's `mount()` takes them.
    pub fn mount(host: Element, options: JsValue) -> Explainer {
        let options::Options {
            data,
            file,
            lang,
            theme,
            parts,
            deep_link,
        } = options::Options::read(&options);
        let state = new_state(&host, lang, deep_link, parts.as_deref());
        {
            let mut s = state.borrow_mut();
            s.theme_choice = theme;
            s.theme = resolve_theme(s.theme_choice, &host);
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
        let inline = |file: Option<String>| {
            file.unwrap_or_else(|| crate::i18n::ui(lang_now, crate::i18n::Ui::InlineDataset).into())
        };
        // Text is placed by line and column (in an author's build); an object has no lines.
        let (file, loaded) = if data.is_undefined() || data.is_null() {
            default_data(file)
        } else if let Some(text) = data.as_string() {
            (inline(file), model::load(&text, parse_text))
        } else {
            let loaded = to_tree(data)
                .map_err(|e| vec![e])
                .and_then(|tree| story::from_tree(&tree).map(|story| (tree, story)));
            (inline(file), loaded)
        };
        let shown = {
            let mut s = state.borrow_mut();
            match loaded {
                Ok((raw, story)) => {
                    s.shown = Shown::Live {
                        dataset: Rc::new(story),
                        raw: Rc::new(raw),
                    };
                    s.render().and_then(|_| s.select_from_hash())
                }
                Err(issues) => s.show_problems(&file, &issues),
            }
        };
        if let Err(e) = shown {
            web_sys::console::error_2(&"breach-explainer: could not draw".into(), &e);
        }
        // What the first render asked for (the host's error event, say) runs now, unborrowed.
        run_effects(&state);
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
        let state = new_state(&host, lang, false, None);
        let issue = Issue::new(
            String::new(),
            Problem::Load {
                url,
                status,
                detail,
            },
        );
        let _ = state.borrow_mut().show_problems(&file, &[issue]);
        run_effects(&state);
        Explainer {
            state,
            observer: None,
            listeners: Vec::new(),
        }
    }

    /// Shows a newer version of the dataset (JSON text; `file` names it in messages) in place
    /// of the one on screen, keeping the reader's place: the view, the selected event, the open
    /// parts, the spot on the screen and the focus. `true` when it re-rendered; `false` for the
    /// same data, or for a version that cannot be shown — that one is reported to the author
    /// (console and `breach-explainer:error`), never to readers, and the last good one stays.
    pub fn update(&self, text: &str, file: Option<String>) -> bool {
        let file = file.unwrap_or_else(|| "update()".into());
        let done = match self.state.try_borrow_mut() {
            Ok(mut s) => s.update(text, &file),
            Err(_) => return false,
        };
        run_effects(&self.state);
        done.unwrap_or_else(|e| {
            web_sys::console::error_2(&"breach-explainer: could not update".into(), &e);
            false
        })
    }

    /// Ages the note an update in place left under the headline: "Updated 5 minutes ago: …"
    /// (explainer.js calls it each minute after an update).
    pub fn aged(&self, minutes: u32) {
        if let Ok(s) = self.state.try_borrow() {
            s.age_update_note(minutes);
        }
    }

    /// The problems shown instead of the explainer; empty when it rendered.
    pub fn problems(&self) -> Vec<String> {
        self.state
            .try_borrow()
            .map(|s| s.problems().to_vec())
            .unwrap_or_default()
    }

    /// A figure as a standalone SVG with title, source line and credit: `figure` is
    /// "timeline" (the current view) or a chart ("revisions", "comparison", "exposed", "money").
    #[wasm_bindgen(js_name = exportSvg)]
    pub fn export_svg(&self, figure: &str) -> Option<String> {
        self.state
            .try_borrow()
            .ok()?
            .figure_svg(Kind::from_code(figure)?)
    }

    /// The data as text: "events-csv", "counts-csv" or "json".
    #[wasm_bindgen(js_name = exportData)]
    pub fn export_data(&self, format: &str) -> Option<String> {
        self.state
            .try_borrow()
            .ok()?
            .data_export(crate::page::hooks::Export::from_code(format)?)
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
        let d = s.dataset()?;
        s.reading
            .selected
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
        s.shown = Shown::Nothing;
        s.parts = None;
        s.stages.clear();
        s.folded.clear();
        s.later.clear();
        s.timeline = None;
        s.reading.listed = None;
        s.reading.zooms.clear();
        s.effects.clear();
    }
}

/// The dataset compiled in, when there is one (tests); the release wasm has none, and
/// explainer.js always passes one (the default dataset's file, fetched).
#[cfg(feature = "embedded-default")]
fn default_data(file: Option<String>) -> (String, Loaded) {
    (
        file.unwrap_or_else(|| crate::model::DEFAULT_DATASET_NAME.into()),
        model::load(crate::model::DEFAULT_DATASET, parse_text),
    )
}

#[cfg(not(feature = "embedded-default"))]
fn default_data(file: Option<String>) -> (String, Loaded) {
    let file = file.unwrap_or_else(|| "mount()".into());
    let problem = Problem::Load {
        url: String::new(),
        status: 0,
        detail: "no dataset was given".into(),
    };
    (file, Err(vec![Issue::new(String::new(), problem)]))
}

fn new_state(
    host: &Element,
    lang: Option<String>,
    deep_link: bool,
    parts: Option<&str>,
) -> Rc<RefCell<State>> {
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
        shown: Shown::Nothing,
        fallback: Vec::new(),
        folded: Vec::new(),
        later: Vec::new(),
        later_waits: false,
        lang: pick_lang(lang, host),
        theme_choice: ThemeChoice::Auto,
        theme: Theme::LIGHT,
        width: host_width(host),
        zoom: text_zoom(host),
        spacing: text_spacing(host),
        deep_link,
        page_parts: crate::page::Parts::from_list(parts),
        prefix: format!("bx{n}"),
        reading: crate::reading::Reading::default(),
        timeline: None,
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
