//! Each chart's data as a real table: every mark, and every count and amount of the dataset.

use super::el::El;
use crate::describe::tables::Table;

/// A chart's data as a real table, captioned with its heading.
pub(super) fn table(caption: &str, table: Table) -> El {
    let rows = table.rows.into_iter().map(|cells| {
        El::new("tr").children(cells.into_iter().map(|c| {
            El::new("td")
                .attr_if(c.number, "class", "bx-num")
                .text(c.text)
        }))
    });
    // A region that scrolls sideways by itself (focusable, so keyboards can scroll it) keeps
    // every word whole on a phone without the page scrolling sideways (WCAG 1.4.10).
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
