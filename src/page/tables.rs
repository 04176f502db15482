//! Each chart's data as a real table: every mark, and every count and amount of the dataset.

use super::el::El;
use super::heading;
use crate::describe::tables;
use crate::i18n;
use crate::model::figures::ChartKind;
use crate::model::{Lang, Story};

/// The chart's data as a real table (its words from `describe::tables`).
pub(super) fn chart_table(d: &Story, lang: Lang, kind: ChartKind) -> El {
    let table = tables::chart_table(d, lang, kind);
    let rows = table.rows.into_iter().map(|cells| {
        El::new("tr").children(cells.into_iter().map(|c| {
            El::new("td")
                .attr_if(c.number, "class", "bx-num")
                .text(c.text)
        }))
    });
    // A region that scrolls sideways by itself (focusable, so keyboards can scroll it) keeps
    // every word whole on a phone without the page scrolling sideways (WCAG 1.4.10).
    let caption = i18n::ui(lang, heading(kind));
    El::new("div")
        .class("bx-table")
        .attr("role", "region")
        .attr("tabindex", "0")
        .attr("aria-label", caption)
        .child(
            El::new("table")
                .child(El::new("caption").text(caption))
                .child(
                    El::new("thead").child(
                        El::new("tr").children(
                            table
                                .head
                                .into_iter()
                                .map(|h| El::new("th").attr("scope", "col").text(h)),
                        ),
                    ),
                )
                .child(El::new("tbody").children(rows)),
        )
}

/// The comparison's own title, as the author wrote it.
pub(super) fn comparison_title(d: &Story, lang: Lang, kind: ChartKind) -> Option<El> {
    let c = d
        .comparisons
        .first()
        .filter(|_| kind == ChartKind::Comparison)?;
    Some(El::new("p").class("bx-subtitle").text(c.title.get(lang)))
}
