//! Each chart's table in words: its column headings and, per row, the finished text of every
//! cell. The page only places them (a `th` per heading, a `td` per cell).

use super::{charts as words, cite};
use crate::format;
use crate::i18n::{self, Ui};
use crate::model::figures::ChartKind;
use crate::model::{Lang, Story, Text};

/// One cell: its text, and whether it holds a figure (set to align as numbers do).
pub struct Cell {
    pub text: String,
    pub number: bool,
}

/// A table: its column headings and its rows of cells, in order.
pub struct Table {
    pub head: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
}

fn cell(text: impl Into<String>) -> Cell {
    Cell {
        text: text.into(),
        number: false,
    }
}

fn number(text: String) -> Cell {
    Cell { text, number: true }
}

/// The chart's data as a table: every mark, and for money every amount in any currency.
/// Between them the two count tables list every count, drawn or not, so no authored figure is
/// left out: a figure for comparison under the comparison, never under the revisions.
pub fn chart_table(d: &Story, lang: Lang, kind: ChartKind) -> Table {
    let zone = d.zone.label.get(lang);
    let note = |n: &Option<Text>| n.as_ref().map_or("", |t| t.get(lang)).to_string();
    let (head, rows): (&[Ui], Vec<Vec<Cell>>) = match kind {
        ChartKind::Revisions | ChartKind::Comparison => (
            &[
                Ui::Date,
                Ui::Subject,
                Ui::Figure,
                Ui::Unit,
                Ui::ReportedBy,
                Ui::Note,
                Ui::Sources,
            ],
            d.table(kind)
                .iter()
                .filter_map(|&i| {
                    let c = d.counts.get(i)?;
                    let mut figure = words::table_figure(lang, c);
                    if let Some(status) = words::status_word(lang, c) {
                        figure = format!("{figure} ({status})");
                    }
                    Some(vec![
                        cell(format::date(lang, &c.as_of, zone)),
                        cell(c.subject.get(lang)),
                        number(figure),
                        cell(words::table_unit(lang, c)),
                        cell(c.reported_by.get(lang)),
                        cell(note(&c.note)),
                        cell(cite(&c.sources)),
                    ])
                })
                .collect(),
        ),
        ChartKind::Exposed => (
            &[Ui::DataClass, Ui::Exposed, Ui::WhatToWatch, Ui::Sources],
            d.table(kind)
                .iter()
                .filter_map(|&i| {
                    let c = d.data_classes.get(i)?;
                    let exposed = if c.exposed {
                        Ui::Exposed
                    } else {
                        Ui::NotExposed
                    };
                    Some(vec![
                        cell(c.label.get(lang)),
                        cell(i18n::ui(lang, exposed)),
                        cell(c.advice.get(lang)),
                        cell(cite(&c.sources)),
                    ])
                })
                .collect(),
        ),
        ChartKind::Money => (
            &[
                Ui::Subject,
                Ui::Kind,
                Ui::Date,
                Ui::Amount,
                Ui::Parts,
                Ui::AsGiven,
                Ui::Note,
                Ui::Sources,
            ],
            d.table(kind)
                .iter()
                .filter_map(|&i| {
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
                    Some(vec![
                        cell(m.subject.get(lang)),
                        cell(i18n::money_kind(lang, m.kind)),
                        cell(format::date(lang, &m.date, zone)),
                        number(words::money_standing_text(
                            lang,
                            m,
                            words::money_exact_text(lang, m),
                        )),
                        cell(parts.join("; ")),
                        cell(converted.join("; ")),
                        cell(note(&m.note)),
                        cell(cite(&m.sources)),
                    ])
                })
                .collect(),
        ),
    };
    Table {
        head: head.iter().map(|&k| i18n::ui(lang, k)).collect(),
        rows,
    }
}
