//! Listeners on the host and the window, and how work reaches the state: through one borrow at a
//! time, with effects that may call back into the page run after it.

use super::action::Action;
use super::dom::*;
use super::state::*;
use crate::model::Lang;
use crate::page::hooks::{self, Export, More, Part};
use crate::reading::Key;
use gloo_events::{EventListener, EventListenerOptions};
use gloo_render::request_animation_frame;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent, MouseEvent};

/// Asks for one animation frame to run the pending work, unless one is already asked for.
pub(super) fn schedule(state: &Rc<RefCell<State>>) {
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
pub(super) fn with_state(
    weak: &Weak<RefCell<State>>,
    f: impl FnOnce(&mut State) -> Result<(), JsValue>,
) {
    let Some(state) = weak.upgrade() else { return };
    {
        let Ok(mut s) = state.try_borrow_mut() else {
            return;
        };
        if let Err(e) = f(&mut s) {
            web_sys::console::error_2(&"breach-explainer:".into(), &e);
        }
    }
    run_effects(&state);
}

/// Runs the effects the state queued (focus, events for the host, a frame request), with no
/// borrow held: they may call back into the explainer.
pub(super) fn run_effects(state: &Rc<RefCell<State>>) {
    let effects = match state.try_borrow_mut() {
        Ok(mut s) => std::mem::take(&mut s.effects),
        Err(_) => return,
    };
    for effect in effects {
        let result = match effect {
            Effect::Focus(el) => el.focus(),
            Effect::FocusInPlace(el) => {
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                el.focus_with_options(&options)
            }
            Effect::Dispatch(target, event) => target.dispatch_event(&event).map(|_| ()),
            Effect::NextFrame => {
                schedule(state);
                Ok(())
            }
            Effect::Announce(region, text) => {
                region.set_text_content(Some(""));
                let say = Closure::once_into_js(move || region.set_text_content(Some(&text)));
                web_sys::window()
                    .ok_or_else(|| JsValue::from_str("no window"))
                    .and_then(|w| {
                        w.set_timeout_with_callback_and_timeout_and_arguments_0(
                            say.unchecked_ref(),
                            150,
                        )
                    })
                    .map(|_| ())
            }
        };
        if let Err(e) = result {
            web_sys::console::error_2(&"breach-explainer:".into(), &e);
        }
    }
}

/// A listener that decodes its event into an action (or ignores it) and applies it.
fn on(
    target: &web_sys::EventTarget,
    name: &'static str,
    weak: &Weak<RefCell<State>>,
    decode: impl Fn(&web_sys::Event) -> Option<Action> + 'static,
) -> EventListener {
    let weak = weak.clone();
    let options = match name {
        // Arrow keys and Space move within a listbox instead of scrolling the page.
        "keydown" => EventListenerOptions::enable_prevent_default(),
        // `toggle` does not bubble: the host hears it while it travels down.
        "toggle" => EventListenerOptions::run_in_capture_phase(),
        _ => EventListenerOptions::default(),
    };
    EventListener::new_with_options(target, name, options, move |e| {
        if let Some(action) = decode(e) {
            with_state(&weak, |s| s.apply(action));
        }
    })
}

/// The figure an event happened in.
fn stage_at(target: Option<web_sys::EventTarget>) -> Option<Kind> {
    let el = closest(target, &format!("[{}]", hooks::STAGE))?;
    Kind::from_code(&el.get_attribute(hooks::STAGE)?)
}

fn client(e: &web_sys::Event) -> Option<(f64, f64)> {
    let m = e.dyn_ref::<MouseEvent>()?;
    Some((f64::from(m.client_x()), f64::from(m.client_y())))
}

/// A click: on a control (download, language, view, close) or on a figure's marks. The only
/// place that reads the page's `data-*` hooks.
fn decode_click(e: &web_sys::Event) -> Option<Action> {
    let target = e.target();
    let hook = |name: &str| closest(target.clone(), &format!("[{name}]"));
    if let Some(b) = hook(hooks::EXPORT) {
        return Some(Action::Export {
            format: Export::from_code(&b.get_attribute(hooks::EXPORT)?)?,
            figure: b
                .get_attribute(hooks::FIGURE_KEY)
                .and_then(|k| Kind::from_code(&k)),
        });
    }
    if let Some(b) = hook(hooks::LANG_SWITCH) {
        return Lang::from_tag(&b.get_attribute(hooks::LANG_SWITCH)?).map(Action::SwitchLang);
    }
    if let Some(b) = hook(hooks::VIEW) {
        return hooks::view_from_code(&b.get_attribute(hooks::VIEW)?).map(Action::SetView);
    }
    if closest(target.clone(), &Part::Close.selector()).is_some() {
        return Some(Action::CloseDetail);
    }
    if closest(target.clone(), &Part::ZoomOut.selector()).is_some() {
        return Some(Action::ZoomOut);
    }
    if closest(target.clone(), &Part::BackToList.selector()).is_some() {
        return Some(Action::BackToList);
    }
    if let Some(b) = hook(hooks::PICK) {
        return Some(Action::Pick(b.get_attribute(hooks::PICK)?));
    }
    if let Some(b) = hook(hooks::MORE) {
        return More::from_code(&b.get_attribute(hooks::MORE)?).map(Action::ShowMore);
    }
    Some(Action::Click {
        stage: stage_at(target)?,
        client: client(e)?,
    })
}

/// Every listener the explainer needs, on the host element (which outlives re-renders) and
/// the window (for the address's fragment); each only decodes its event into an [`Action`].
pub(super) fn listen(host: &Element, state: &Rc<RefCell<State>>) -> Vec<EventListener> {
    let weak = Rc::downgrade(state);
    let on_listbox = |e: &web_sys::Event| closest(e.target(), "[role=listbox]").is_some();
    let mut out = vec![
        on(host, "keydown", &weak, move |e| {
            let event = e.dyn_ref::<KeyboardEvent>()?;
            Some(Action::Key {
                // Decoded once: the keys the explainer answers, the rest left to the page.
                key: Key::from_name(&event.key())?,
                event: event.clone(),
                stage: if on_listbox(e) {
                    stage_at(e.target())
                } else {
                    None
                },
                in_detail: closest(e.target(), &Part::Detail.selector()).is_some(),
            })
        }),
        on(host, "click", &weak, decode_click),
        on(host, "toggle", &weak, |e| {
            let details = e.target()?.dyn_into::<web_sys::HtmlDetailsElement>().ok()?;
            if let (Some(key), true) = (details.get_attribute(hooks::LAZY), details.open()) {
                return Some(Action::LazyOpened(key));
            }
            Some(Action::PartToggled {
                part: details.get_attribute(hooks::PAGE_PART)?,
                open: details.open(),
            })
        }),
        on(host, "pointermove", &weak, |e| {
            Some(Action::Point {
                stage: stage_at(e.target())?,
                client: client(e)?,
            })
        }),
        on(host, "pointerout", &weak, |e| {
            // Leaving a figure (not moving within it, nor onto its tooltip) hides its tooltip.
            let from = stage_at(e.target())?;
            let to = e
                .dyn_ref::<MouseEvent>()
                .and_then(|m| stage_at(m.related_target()));
            (to != Some(from)).then_some(Action::Leave(from))
        }),
        on(host, "focusin", &weak, move |e| {
            on_listbox(e)
                .then(|| stage_at(e.target()))
                .flatten()
                .map(Action::Focus)
        }),
        on(host, "focusout", &weak, move |e| {
            on_listbox(e)
                .then(|| stage_at(e.target()))
                .flatten()
                .map(Action::Blur)
        }),
    ];
    if let Some(query) = dark_query() {
        out.push(on(&query, "change", &weak, |_| Some(Action::ThemeChanged)));
    }
    if let Some(window) = web_sys::window() {
        out.push(on(&window, "keydown", &weak, |e| {
            let key = Key::from_name(&e.dyn_ref::<KeyboardEvent>()?.key());
            (key == Some(Key::Escape)).then_some(Action::HideTips)
        }));
        out.push(on(&window, "hashchange", &weak, |_| {
            Some(Action::HashChanged)
        }));
        out.push(on(&window, "beforeprint", &weak, |_| {
            Some(Action::BeforePrint)
        }));
    }
    out
}
