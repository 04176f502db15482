//! Listeners on the host and the window, and how work reaches the state: through one borrow at a
//! time, with effects that may call back into the page run after it.

use super::dom::*;
use super::state::*;
use crate::layout::timeline::View;
use crate::model::Lang;
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

/// Every listener the explainer needs, on the host element (which outlives re-renders) and
/// the window (for the address's fragment).
pub(super) fn listen(host: &Element, state: &Rc<RefCell<State>>) -> Vec<EventListener> {
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
