//! Clusters and long lists in the live page: a timeline mark's name and tooltip, and long lists
//! that grow a page at a time, the focus on the first new item and the count announced, so
//! every event stays reachable by keyboard and screen reader while the page holds a bounded
//! number of elements. (Opening a cluster, zooming in and out and the cluster's list are
//! `reading`'s transitions.)

use super::dom::*;
use super::state::{Effect, State};
use crate::describe::{self, clusters};
use crate::layout::timeline::Timeline;
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

    /// The next page of a list: the keyboard on its first new item, the count announced.
    pub(super) fn show_more(&mut self, which: More) -> Result<(), JsValue> {
        let Some(d) = self.dataset() else {
            return Ok(());
        };
        let (first_new, shown, total) = match which {
            More::Cluster => {
                let Some((first, shown, total)) = self.reading.more_in_cluster() else {
                    return Ok(());
                };
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
                let before = self.reading.events_listed.min(order.len());
                let shown = (before + PAGE).min(order.len());
                let doc = document()?;
                let mut first = None;
                let next = order.get(before..shown).unwrap_or_default();
                for item in page::lists::event_items(&d, self.lang, next) {
                    let li = build(&doc, &item)?;
                    list.append_child(&li)?;
                    first = first.or(Some(li));
                }
                self.reading.events_listed = shown;
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
        self.say_text(&clusters::showing(self.lang, shown, total));
        Ok(())
    }

    /// Says `text` in the polite live region.
    fn say_text(&self, text: &str) {
        if let Some(parts) = &self.parts {
            parts.live.set_text_content(Some(text));
        }
    }
}
