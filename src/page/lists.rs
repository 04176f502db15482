//! Lists of events that may be long. "All events as a list": the static page lists every event;
//! the live page lists a page of them, built when the reader first opens the list, and a button
//! shows the next page (so a dataset of 10,000 events costs the page a few hundred elements, not
//! a hundred thousand). And a cluster's events in the details panel, each a button that opens
//! its details, also a page at a time.

use super::el::El;
use crate::describe::{self, clusters};
use crate::i18n::{self, Ui};
use crate::model::{Lang, Story};

use super::hooks::{self, More, Part};

/// How many events a list shows at first, and how many more each press of its button adds.
pub const PAGE: usize = 50;

/// One event in "All events as a list": its date, title, detail, lane, confidence, sources and
/// the other sources' dates.
pub fn event_item(d: &Story, lang: Lang, i: usize) -> Option<El> {
    let e = d.events.get(i)?;
    let w = describe::timeline::event_words(d, lang, i)?;
    let accounts = (!w.accounts.is_empty()).then(|| {
        El::new("ul")
            .class("bx-alts")
            .attr("aria-label", i18n::ui(lang, Ui::OtherAccounts))
            .children(w.accounts.into_iter().map(|a| El::new("li").text(a)))
    });
    Some(
        El::new("li")
            .attr(hooks::EVENT, e.id.clone())
            .attr(hooks::LANE, e.lane.code())
            .child(El::new("time").attr("datetime", w.datetime).text(w.when))
            .text(" — ")
            .child(El::new("strong").text(w.title))
            .text(format!(". {} ", w.detail))
            .child(El::new("span").class("bx-meta").text(w.meta))
            .children(accounts),
    )
}

/// These events' items, in the order given.
pub fn event_items(d: &Story, lang: Lang, events: &[usize]) -> Vec<El> {
    events
        .iter()
        .filter_map(|&i| event_item(d, lang, i))
        .collect()
}

/// "Show 50 more (9,950 not shown)", or nothing when every item is shown.
pub fn more_button(lang: Lang, which: More, shown: usize, total: usize) -> Option<El> {
    let left = total.checked_sub(shown).filter(|n| *n > 0)?;
    Some(
        El::new("button")
            .attr("type", "button")
            .class("bx-button bx-small")
            .attr(hooks::MORE, which.code())
            .text(clusters::show_more(lang, left.min(PAGE), left)),
    )
}

/// "All events as a list", in time order, folded: every event in the static page; live, the
/// first page, built when first opened (`data-lazy`), with a button for the next.
pub(super) fn event_list(d: &Story, lang: Lang, live: bool) -> El {
    let order = &d.in_time_order;
    let paged = live && order.len() > PAGE;
    let shown = if paged { PAGE } else { order.len() };
    El::new("details")
        .class("bx-more")
        .attr_if(paged, hooks::LAZY, More::Events.code())
        .child(El::new("summary").text(i18n::ui(lang, Ui::EventListSummary)))
        .child(
            El::new("ol")
                .class("bx-events")
                .attr_if(paged, hooks::PART, Part::EventList.code())
                .children(event_items(d, lang, order.get(..shown).unwrap_or_default())),
        )
        .children(
            paged
                .then(|| more_button(lang, More::Events, shown, order.len()))
                .flatten(),
        )
}

/// A cluster's events in the details panel: its name, the first `shown` of them as buttons
/// that open their details, a button for more, and the panel's close button.
pub fn cluster_list(d: &Story, lang: Lang, name: &str, events: &[usize], shown: usize) -> El {
    let shown = shown.min(events.len());
    let picks = events
        .get(..shown)
        .unwrap_or_default()
        .iter()
        .filter_map(|&i| {
            let e = d.events.get(i)?;
            Some(
                El::new("li").child(
                    El::new("button")
                        .attr("type", "button")
                        .class("bx-button bx-small")
                        .attr(hooks::PICK, e.id.clone())
                        .text(describe::event_name(d, lang, i)),
                ),
            )
        });
    El::new("div")
        .class("bx-detail-body")
        .child(El::new("h4").text(name))
        .child(El::new("ol").class("bx-picks").children(picks))
        .children(more_button(lang, More::Cluster, shown, events.len()))
        .child(close_button(lang))
}

/// The details panel's close button.
pub(super) fn close_button(lang: Lang) -> El {
    El::new("button")
        .attr("type", "button")
        .attr(hooks::PART, Part::Close.code())
        .class("bx-button")
        .text(i18n::ui(lang, Ui::Close))
}
