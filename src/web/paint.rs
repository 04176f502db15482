//! The reading model's changes painted onto the page: what changed on screen (`Changes`, from
//! `reading::apply` in `action`) is painted here in one fixed order, the effects that may call
//! back into the page (focus, events for the host) queued.

use super::dom::*;
use super::state::{Effect, State};
use crate::describe::{self, clusters};
use crate::layout::timeline::View;
use crate::page::hooks;
use crate::reading::{Changes, Focus, Say};
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

impl State {
    pub(super) fn paint(&mut self, c: &Changes) -> Result<(), JsValue> {
        if c.tell_view {
            let code = hooks::view_code(self.reading.view);
            self.tell_host("view", JsValue::from_str(code))?;
        }
        if c.view {
            self.mark_view_buttons()?;
        }
        if c.relayout {
            if let Some(t) = self.timeline_stage() {
                self.layout_stage(t)?;
            }
        }
        if let Some(i) = c.active.and_then(|k| self.stage_index(k)) {
            self.mark_active(i)?;
            if c.reveal {
                self.reveal_active(i)?;
            }
        }
        if let Some(kind) = c.tip {
            if let Some(i) = self.stage_index(kind) {
                self.show_tip(i, self.reading.marks(kind).tip)?;
            }
        }
        if c.all_tips {
            for i in 0..self.stages.len() {
                self.show_tip(i, None)?;
            }
        }
        if c.detail {
            self.show_detail()?;
        }
        if let Some(said) = &c.say {
            self.say(said);
        }
        if let Some(tell) = c.selected {
            self.tell_selected(tell)?;
        }
        if let Some(focus) = c.focus {
            self.focus(focus);
        }
        Ok(())
    }

    /// Says what changed in the polite live region.
    fn say(&self, said: &Say) {
        let (Some(parts), Some(d)) = (&self.parts, self.dataset()) else {
            return;
        };
        let shown = self.timeline.as_ref().map(|t| t.events_shown());
        let text = match (said, shown) {
            (Say::Zoomed { from, to }, Some(shown)) => clusters::zoomed(self.lang, from, to, shown),
            (Say::View, Some(shown)) => describe::view_changed(
                self.lang,
                self.reading.view == View::Story,
                shown,
                d.events.len(),
            ),
            (
                Say::Listed {
                    count,
                    from,
                    to,
                    lane,
                },
                _,
            ) => clusters::listed(
                self.lang,
                &clusters::cluster_name(self.lang, *count, from, to, *lane),
            ),
            (_, None) => return,
        };
        parts.live.set_text_content(Some(&text));
    }

    /// Moves the keyboard focus, once the state is free.
    fn focus(&mut self, focus: Focus) {
        let el = match focus {
            Focus::Stage(kind) => self
                .stage_index(kind)
                .and_then(|i| self.stages.get(i))
                .map(|s| s.listbox.clone()),
            Focus::DetailHeading => self
                .parts
                .as_ref()
                .and_then(|p| find::<HtmlElement>(&p.detail, "h4"))
                .inspect(|h| h.set_tab_index(-1)),
            Focus::Pick(event) => {
                let d = self.dataset();
                let id = d.as_ref().and_then(|d| d.events.get(event)).map(|e| &e.id);
                self.parts.as_ref().zip(id).and_then(|(p, id)| {
                    find::<HtmlElement>(&p.detail, &format!("[{}=\"{id}\"]", hooks::PICK))
                })
            }
        };
        if let Some(el) = el {
            self.effects.push(Effect::Focus(el));
        }
    }
}
