//! Each chart's data as a real table: every mark, and every count and amount of the dataset.

use super::el::El;
use super::heading;
use crate::describe::{charts as words, cite};
use crate::format;
use crate::i18n::{self, Ui};
use crate::model::figures::ChartKind;
use crate::model::{Lang, Story};

pub(super) fn th_row(lang: Lang, keys: &[Ui]) -> El {
    El::new("tr").children(
        keys.iter()
            .map(|k| El::new("th").attr("scope", "col").text(i18n::ui(lang, *k))),
    )
}

/// The chart's data as a real table: every mark, and for money every amount in any currency.
pub(super) fn chart_table(d: &Story, lang: Lang, kind: ChartKind) -> El {
    let zone = d.zone.label.get(lang);
    let note = |n: &Option<crate::model::Text>| n.as_ref().map_or("", |t| t.get(lang)).to_string();
    let (head, rows): (Vec<Ui>, Vec<El>) = match kind {
        ChartKind::Revisions | ChartKind::Comparison => (
            vec![
                Ui::Date,
                Ui::Subject,
                Ui::Figure,
                Ui::Unit,
                Ui::ReportedBy,
                Ui::Note,
                Ui::Sources,
            ],
            // Between them the two tables list every count, drawn or not, so no authored
            // figure is left out: a figure for comparison under the comparison, never under
            // "How the count was revised".
            d.table(kind)
                .iter()
                .copied()
                .filter_map(|i| {
                    let c = d.counts.get(i)?;
                    let mut figure = words::table_figure(lang, c);
                    if let Some(status) = words::status_word(lang, c) {
                        figure = format!("{figure} ({status})");
                    }
                    Some(El::new("tr").children([
                        El::new("td").text(format::date(lang, &c.as_of, zone)),
                        El::new("td").text(c.subject.get(lang)),
                        El::new("td").class("bx-num").text(figure),
                        El::new("td").text(words::table_unit(lang, c)),
                        El::new("td").text(c.reported_by.get(lang)),
                        El::new("td").text(note(&c.note)),
                        El::new("td").text(cite(&c.sources)),
                    ]))
                })
                .collect(),
        ),
        ChartKind::Exposed => (
            vec![Ui::DataClass, Ui::Exposed, Ui::WhatToWatch, Ui::Sources],
            d.rows(kind)
                .iter()
                .copied()
                .filter_map(|i| {
                    let c = d.data_classes.get(i)?;
                    Some(El::new("tr").children([
                        El::new("td").text(c.label.get(lang)),
                        El::new("td").text(i18n::ui(
                            lang,
                            if c.exposed {
                                Ui::Exposed
                            } else {
                                Ui::NotExposed
                            },
                        )),
                        El::new("td").text(c.advice.get(lang)),
                        El::new("td").text(cite(&c.sources)),
                    ]))
                })
                .collect(),
        ),
        ChartKind::Money => (
            vec![
                Ui::Subject,
                Ui::Kind,
                Ui::Date,
                Ui::Amount,
                Ui::Parts,
                Ui::AsGiven,
                Ui::Note,
                Ui::Sources,
            ],
            d.table(ChartKind::Money)
                .iter()
                .copied()
                .filter_map(|i| {
                    let m = d.money.get(i)?;
                    let parts: Vec<String> = m
                        .parts
                        .iter()
                        .map(|p| words::part_text(lang, m, p))
                        .collect();
                    let converted: Vec<String> = m
                        .converted
                        .iter()
                        .map(|c| words::converted_text(lang, c))
                        .collect();
                    Some(
                        El::new("tr").children([
                            El::new("td").text(m.subject.get(lang)),
                            El::new("td").text(i18n::money_kind(lang, m.kind)),
                            El::new("td").text(format::date(lang, &m.date, zone)),
                            El::new("td")
                                .class("bx-num")
                                .text(words::money_standing_text(
                                    lang,
                                    m,
                                    words::money_exact_text(lang, m),
                                )),
                            El::new("td").text(parts.join("; ")),
                            El::new("td").text(converted.join("; ")),
                            El::new("td").text(note(&m.note)),
                            El::new("td").text(cite(&m.sources)),
                        ]),
                    )
                })
                .collect(),
        ),
    };
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
                .child(El::new("thead").child(th_row(lang, &head)))
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
