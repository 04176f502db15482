//! Clusters and long lists in the live page. Enter (or a click) on a cluster zooms the timeline
//! into its dates, where its events spread out (as themselves, or in smaller clusters); a cluster
//! whose events share a time no zoom can spread lists them in the details panel instead, each a
//! button that opens its details. "Zoom out" or Escape goes back a zoom, Escape or "Back to the
//! list" from an event back to the list. Long lists grow a page at a time, the focus on the
//! first new item and the count announced, so every event stays reachable by keyboard and
//! screen reader while the page holds a bounded number of elements.

use super::dom::*;
use super::state::{Effect, Kind, Listed, State, Zoom};
use crate::describe::{self, clusters};
use crate::layout::timeline::{self, Timeline, View};
use crate::model::Story;
use crate::page::hooks::{self, More, Part};
use crate::page::{self, lists::PAGE};
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};

impl State {
    /// A timeline mark's accessible name: the event's, or the cluster's count, dates and lane.
    pub(super) fn timeline_name(&self, d: &Story, t: &Timeline, id: usize) -> Option<String> {
        Some(match t.cluster(id) {
            Some(c) => clusters::cluster_name(self.lang, c.events.len(), &c.from, &c.to, c.lane),
            None => describe::event_name(d, self.lang, id),
        })
        .filter(|name| !name.is_empty())
    }

    /// A timeline mark's tooltip: an event's date and title, a cluster's dates and count.
    pub(super) fn timeline_tip(&self, id: usize) -> Option<Vec<String>> {
        let c = self.timeline.as_ref()?.cluster(id)?;
        Some(vec![
            clusters::span_words(self.lang, &c.from, &c.to, false),
            format!(
                "{} ({})",
                clusters::event_count(self.lang, c.events.len()),
                crate::i18n::lane(self.lang, c.lane)
            ),
        ])
    }

    /// Enter, Space or a click on a timeline mark: an event opens its details, a cluster opens.
    pub(super) fn open_mark(&mut self, id: Option<usize>) -> Result<(), JsValue> {
        let is_cluster = id
            .zip(self.timeline.as_ref())
            .is_some_and(|(id, t)| t.cluster(id).is_some());
        match id {
            Some(id) if is_cluster => self.expand(id),
            _ => {
                self.listed = None;
                self.select(id, true)
            }
        }
    }

    /// Opens a cluster: zooms into its dates, or lists its events where no zoom spreads them.
    pub(super) fn expand(&mut self, id: usize) -> Result<(), JsValue> {
        let Some(d) = self.dataset() else {
            return Ok(());
        };
        let Some(c) = self.timeline.as_ref().and_then(|t| t.cluster(id)).cloned() else {
            return Ok(());
        };
        let Some(first) = c.events.first().copied() else {
            return Ok(());
        };
        match timeline::zoom(&d, &c, self.view) {
            Some(view) => {
                self.zooms.push(Zoom {
                    back_to: self.view,
                    back_span: self.zoomed_span,
                    first,
                });
                self.view = view;
                self.tell_host("view", crate::page::hooks::view_code(view).into())?;
                self.zoomed_span = Some((c.from, c.to));
                self.after_zoom(first)?;
                let shown = self.timeline.as_ref().map_or(0, |t| t.events_shown());
                self.say(&clusters::zoomed(self.lang, &c.from, &c.to, shown));
            }
            None => {
                let name =
                    clusters::cluster_name(self.lang, c.events.len(), &c.from, &c.to, c.lane);
                self.selected = None;
                self.listed = Some(Listed {
                    id,
                    shown: PAGE.min(c.events.len()),
                    from: c.from,
                    to: c.to,
                    lane: c.lane,
                    events: c.events,
                });
                if let Some(t) = self.timeline_stage() {
                    self.layout_stage(t)?;
                }
                self.show_detail()?;
                self.say(&clusters::listed(self.lang, &name));
            }
        }
        Ok(())
    }

    /// Back to the view before the last zoom, the keyboard on the mark that holds the cluster's
    /// first event.
    pub(super) fn zoom_out(&mut self) -> Result<(), JsValue> {
        let Some(zoom) = self.zooms.pop() else {
            return Ok(());
        };
        self.view = zoom.back_to;
        self.tell_host("view", crate::page::hooks::view_code(self.view).into())?;
        self.zoomed_span = zoom.back_span;
        self.after_zoom(zoom.first)?;
        let (Some(d), Some(t)) = (self.dataset(), &self.timeline) else {
            return Ok(());
        };
        let shown = t.events_shown();
        let said = match (self.view, self.zoomed_span) {
            (View::Span { .. }, Some((from, to))) => clusters::zoomed(self.lang, &from, &to, shown),
            (view, _) => {
                describe::view_changed(self.lang, view == View::Story, shown, d.events.len())
            }
        };
        self.say(&said);
        // The button pressed may be hidden now: the keyboard goes on in the timeline.
        self.focus_timeline();
        Ok(())
    }

    /// Lays the timeline out in the new view, with the keyboard on the mark holding `event`.
    fn after_zoom(&mut self, event: usize) -> Result<(), JsValue> {
        self.mark_view_buttons()?;
        let Some(i) = self.timeline_stage() else {
            return Ok(());
        };
        self.layout_stage(i)?;
        let active = self.timeline.as_ref().and_then(|t| t.holding(event));
        if let Some(s) = self.stages.get_mut(i) {
            s.active = active;
        }
        self.mark_active(i)?;
        self.reveal_active(i)?;
        self.show_tip(i, active)
    }

    /// Closes the details panel (an event's, or a cluster's list).
    pub(super) fn close_detail(&mut self) -> Result<(), JsValue> {
        self.listed = None;
        self.select(None, true)?;
        self.focus_timeline();
        Ok(())
    }

    /// An event picked from a cluster's list: its details, with the way back to the list.
    pub(super) fn pick(&mut self, event_id: &str) -> Result<(), JsValue> {
        let Some(i) = self.dataset().and_then(|d| d.event_index(event_id)) else {
            return Ok(());
        };
        self.select(Some(i), true)?;
        // The details replace the list: the keyboard goes to their heading.
        if let Some(parts) = &self.parts {
            if let Some(h) = find::<HtmlElement>(&parts.detail, "h4") {
                h.set_tab_index(-1);
                self.effects.push(Effect::Focus(h));
            }
        }
        Ok(())
    }

    /// From an event picked in a cluster's list back to the list, the keyboard on that event.
    pub(super) fn back_to_list(&mut self) -> Result<(), JsValue> {
        let picked = self
            .selected
            .and_then(|i| self.dataset()?.events.get(i).map(|e| e.id.clone()));
        self.select(None, true)?;
        if let (Some(parts), Some(id)) = (&self.parts, picked) {
            let selector = format!("[{}=\"{id}\"]", hooks::PICK);
            if let Some(b) = find::<HtmlElement>(&parts.detail, &selector) {
                self.effects.push(Effect::Focus(b));
            }
        }
        Ok(())
    }

    /// The next page of a list: the keyboard on its first new item, the count announced.
    pub(super) fn show_more(&mut self, which: More) -> Result<(), JsValue> {
        let Some(d) = self.dataset() else {
            return Ok(());
        };
        let (first_new, shown, total) = match which {
            More::Cluster => {
                let Some(l) = self.listed.as_mut() else {
                    return Ok(());
                };
                let before = l.shown;
                l.shown = (l.shown + PAGE).min(l.events.len());
                let first = l.events.get(before).copied();
                let (shown, total) = (l.shown, l.events.len());
                self.show_detail()?;
                let first = first.and_then(|i| d.events.get(i)).and_then(|e| {
                    let parts = self.parts.as_ref()?;
                    find::<HtmlElement>(&parts.detail, &format!("[{}=\"{}\"]", hooks::PICK, e.id))
                });
                (first, shown, total)
            }
            More::Events => {
                let root = self.root.clone().ok_or("no root")?;
                let Some(list) = find::<Element>(&root, &Part::EventList.selector()) else {
                    return Ok(());
                };
                let order = &d.in_time_order;
                let before = self.events_listed.min(order.len());
                let shown = (before + PAGE).min(order.len());
                let doc = document()?;
                let mut first = None;
                let next = order.get(before..shown).unwrap_or_default();
                for item in page::lists::event_items(&d, self.lang, next) {
                    let li = build(&doc, &item)?;
                    list.append_child(&li)?;
                    first = first.or(Some(li));
                }
                self.events_listed = shown;
                let button = format!("[{}={}]", hooks::MORE, More::Events.code());
                if let Some(b) = find::<Element>(&root, &button) {
                    let left = order.len().saturating_sub(shown);
                    if left == 0 {
                        b.remove();
                    } else {
                        b.set_text_content(Some(&clusters::show_more(
                            self.lang,
                            left.min(PAGE),
                            left,
                        )));
                    }
                }
                let first = first.and_then(|li| li.dyn_into::<HtmlElement>().ok());
                if let Some(li) = &first {
                    li.set_tab_index(-1);
                }
                (first, shown, order.len())
            }
        };
        if let Some(el) = first_new {
            self.effects.push(Effect::Focus(el));
        }
        self.say(&clusters::showing(self.lang, shown, total));
        Ok(())
    }

    /// Says `text` in the polite live region.
    fn say(&self, text: &str) {
        if let Some(parts) = &self.parts {
            parts.live.set_text_content(Some(text));
        }
    }

    /// Moves the keyboard focus to the timeline's listbox, once the state is free.
    pub(super) fn focus_timeline(&mut self) {
        let listbox = self
            .timeline_stage()
            .and_then(|t| self.stages.get(t))
            .filter(|s| s.kind == Kind::Timeline)
            .map(|s| s.listbox.clone());
        if let Some(l) = listbox {
            self.effects.push(Effect::Focus(l));
        }
    }
}
