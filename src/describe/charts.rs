//! Everything said about the counts and the money: figures with their units, short and long
//! text alternatives, and each mark's name and tooltip (the takeaways are in `takeaways`).
//!
//! Units are named from the data: a series never "grows" from accounts into people (each unit is
//! its own line of findings), and a comparison of different units says which units and that it
//! gives a scale, not a head count.

use super::tables::{self, Table};
pub use super::takeaways::takeaway;
use super::{cite, source_line, SourceForm};
use crate::format;
use crate::i18n::{self, Ui};
use crate::model::figures::ChartKind;
use crate::model::{Count, Figure, Lang, Money, SourceRef, Status, Story, Unit};

/// A figure as far as it is known, each number made by `number` and the whole by `with`
/// (which adds the unit or currency, given the number text and the largest number): "at least
/// 4,536 accounts", "up to 2 million people", "between 1 and 2 million people", "not disclosed".
/// `full`: a lower bound also says that the full figure has not been disclosed (`what`: "count"
/// or "amount").
fn figure_words(
    lang: Lang,
    f: &Figure,
    approximate: bool,
    full: Option<(&str, &str)>,
    number: &dyn Fn(u64) -> String,
    with: &dyn Fn(&str, u64) -> String,
) -> String {
    let approx = |text: String| format::approx(lang, approximate, text);
    match *f {
        // "about" goes right before the number: "가입자 약 2,500만 명", never "약 가입자 …".
        Figure::Exact(n) => with(&approx(number(n)), n),
        Figure::AtLeast(n) => {
            let base = with(&approx(number(n)), n);
            match (lang, full) {
                (Lang::En, None) => format!("at least {base}"),
                (Lang::En, Some((what, _))) => {
                    format!("at least {base}; the full {what} has not been disclosed")
                }
                (Lang::Ko, None) => format!("최소 {base}"),
                (Lang::Ko, Some((_, what))) => format!("최소 {base}({what}는 공개되지 않음)"),
            }
        }
        Figure::AtMost(n) => {
            let base = with(&approx(number(n)), n);
            match lang {
                Lang::En => format!("up to {base}"),
                Lang::Ko => format!("최대 {base}"),
            }
        }
        Figure::Between(low, high) => {
            let (a, b) = (number(low), number(high));
            match lang {
                Lang::En => {
                    // "between 1 and 2 million people": a shared scale word is said once.
                    let shared =
                        a.rsplit_once(' ')
                            .zip(b.rsplit_once(' '))
                            .filter(|((_, wa), (_, wb))| {
                                wa == wb && wa.chars().all(char::is_alphabetic)
                            });
                    let a = shared.map_or(a.clone(), |((head, _), _)| head.to_string());
                    let range = format!("between {a} and {}", with(&b, high));
                    if approximate {
                        format!("roughly {range}")
                    } else {
                        range
                    }
                }
                Lang::Ko => {
                    let range = with(&format!("{a}~{b}"), high);
                    if approximate {
                        format!("대략 {range}")
                    } else {
                        range
                    }
                }
            }
        }
        Figure::NotDisclosed => i18n::ui(lang, Ui::NotDisclosed).to_string(),
    }
}

/// A count's figure with its unit, its numbers made by `number`.
fn count_words(lang: Lang, c: &Count, full: bool, number: &dyn Fn(u64) -> String) -> String {
    let sign = if c.adds_to.is_some() { "+" } else { "" };
    figure_words(
        lang,
        &c.value,
        c.approximate,
        full.then_some(("count", "전체 수치")),
        &|n| format!("{sign}{}", number(n)),
        &|text, n| i18n::quantity(lang, c.unit, text, n, false),
    )
}

/// "4,536 accounts" / "about 37.6 million people" / "+165,455 accounts" / "at least 4,536
/// accounts": compact, with unit.
pub fn figure_text(lang: Lang, c: &Count) -> String {
    if c.unit == crate::model::Unit::Bytes {
        return count_words(lang, c, false, &|n| format::bytes(lang, n));
    }
    count_words(lang, c, false, &|n| format::compact(lang, n))
}

/// The exact figure with its unit, for tooltips and names: "33,673,817 records", "at least
/// 4,536 accounts; the full count has not been disclosed".
fn exact_text(lang: Lang, c: &Count) -> String {
    count_words(lang, c, true, &|n| format::exact(n))
}

/// The figure of a count for a table's figure column, without its unit (the next column):
/// "33,673,817", "at least 4,536; the full count has not been disclosed", "not disclosed".
pub fn table_figure(lang: Lang, c: &Count) -> String {
    let sign = if c.adds_to.is_some() { "+" } else { "" };
    figure_words(
        lang,
        &c.value,
        c.approximate,
        Some(("count", "전체 수치")),
        &|n| format!("{sign}{}", format::exact(n)),
        &|text, _| text.to_string(),
    )
}

/// The unit column beside [`table_figure`]: plural by the largest number given.
pub fn table_unit(lang: Lang, c: &Count) -> &'static str {
    i18n::unit(lang, c.unit, c.value.largest().unwrap_or(2))
}

/// "₩624.7 billion", "about ₩44.5 billion", "at least ₩1 billion", "not disclosed".
pub fn money_text(lang: Lang, m: &Money) -> String {
    figure_words(
        lang,
        &m.amount,
        m.approximate,
        None,
        &|n| format::money(lang, n, &m.currency),
        &|text, _| text.to_string(),
    )
}

/// The exact amount for tables and tooltips: "₩624,700,000,000", "at least ₩1,000,000,000;
/// the full amount has not been disclosed".
pub fn money_exact_text(lang: Lang, m: &Money) -> String {
    figure_words(
        lang,
        &m.amount,
        m.approximate,
        Some(("amount", "전체 금액")),
        &|n| format::money_exact(lang, n, &m.currency),
        &|text, _| text.to_string(),
    )
}

/// "4,536 accounts (20 November 2025)".
pub(super) fn dated(lang: Lang, c: &Count) -> String {
    format!(
        "{} ({})",
        figure_text(lang, c),
        format::date(lang, &c.as_of, "")
    )
}

/// A share as a fraction, never as people ("about two-thirds", "약 3분의 2"); `None` when no
/// simple fraction is within 2 points (55.7% is not "about three-fifths").
pub fn share_words(lang: Lang, share: f64) -> Option<String> {
    const FRACTIONS: [(f64, &str, &str); 12] = [
        (0.1, "about a tenth", "약 10분의 1"),
        (0.2, "about a fifth", "약 5분의 1"),
        (0.25, "about a quarter", "약 4분의 1"),
        (1.0 / 3.0, "about a third", "약 3분의 1"),
        (0.4, "about two-fifths", "약 5분의 2"),
        (0.5, "about half", "약 절반"),
        (0.6, "about three-fifths", "약 5분의 3"),
        (2.0 / 3.0, "about two-thirds", "약 3분의 2"),
        (0.75, "about three-quarters", "약 4분의 3"),
        (0.8, "about four-fifths", "약 5분의 4"),
        (0.9, "about nine-tenths", "약 10분의 9"),
        (1.0, "about the same as", "거의 같은 규모"),
    ];
    let (value, en, ko) = FRACTIONS
        .iter()
        .copied()
        .min_by(|a, b| (a.0 - share).abs().total_cmp(&(b.0 - share).abs()))?;
    ((value - share).abs() <= 0.02).then(|| match lang {
        Lang::En => en.to_string(),
        Lang::Ko => ko.to_string(),
    })
}

/// The chart's short text alternative: what kind of chart, how many marks, the range.
pub fn chart_alt(d: &Story, lang: Lang, kind: ChartKind) -> String {
    let items = d.rows(kind);
    let n = items.len() as i64;
    // The first and last marks of the count charts, which their alternatives name.
    let ends = match (
        items.first().and_then(|&i| d.counts.get(i)),
        items.last().and_then(|&i| d.counts.get(i)),
    ) {
        (Some(first), Some(last)) => Some((first, last)),
        _ => None,
    };
    match kind {
        ChartKind::Revisions => {
            if ends.is_none() {
                return String::new();
            }
            // The range runs between figures; a report without one is no end of it.
            let disclosed: Vec<&Count> = items
                .iter()
                .filter_map(|&i| d.counts.get(i))
                .filter(|c| c.value != Figure::NotDisclosed)
                .collect();
            let range = match (disclosed.first(), disclosed.last(), lang) {
                (Some(a), Some(b), _) => from_to(lang, &dated(lang, a), &dated(lang, b)),
                (_, _, Lang::En) => "none of them a figure yet".to_string(),
                (_, _, Lang::Ko) => "아직 공개된 수치 없음".to_string(),
            };
            match lang {
                Lang::En => format!(
                    "Dot chart on a log scale of {} in date order, {range}.",
                    format::plural_en(n, "reported figure", "reported figures"),
                ),
                Lang::Ko => {
                    format!("발표된 수치 {n}건을 날짜순으로 나타낸 로그 척도 점 그래프: {range}.")
                }
            }
        }
        ChartKind::Comparison => {
            let Some((first, last)) = ends else {
                return String::new();
            };
            let counts: Vec<&Count> = items.iter().filter_map(|&i| d.counts.get(i)).collect();
            let units = distinct_units(&counts);
            let title = d
                .comparisons
                .first()
                .map_or("", |c| c.title.get(lang))
                .to_string();
            let what = match (lang, units.as_slice()) {
                (Lang::En, [one]) => format!("in {}", i18n::unit_noun(lang, *one)),
                (Lang::En, _) => "each with its own unit".to_string(),
                (Lang::Ko, [one]) => format!("단위: {}", i18n::unit_noun(lang, *one)),
                (Lang::Ko, _) => "막대마다 단위 표시".to_string(),
            };
            let given: Vec<&&Count> = counts
                .iter()
                .filter(|c| c.value != Figure::NotDisclosed)
                .collect();
            let range = match (given.first(), given.last()) {
                (Some(a), Some(b)) => from_to(lang, &figure_text(lang, a), &figure_text(lang, b)),
                _ => figure_text(lang, first),
            };
            let _ = last;
            match lang {
                Lang::En => format!(
                    "{title}. Bar chart from zero of {}, {what}, {range}.",
                    format::plural_en(n, "figure", "figures"),
                ),
                Lang::Ko => format!(
                    "{title}. 수치 {n}건을 0에서 시작하는 막대로 나타낸 그래프({what}): {range}."
                ),
            }
        }
        ChartKind::Exposed => {
            let yes = d.data_classes.iter().filter(|c| c.exposed).count() as i64;
            let no = n - yes;
            match lang {
                Lang::En => format!(
                    "Labelled tiles: {} exposed, {} not exposed.",
                    format::plural_en(yes, "kind of data", "kinds of data"),
                    format::count(no)
                ),
                Lang::Ko => {
                    format!("유출된 정보 {yes}종과 유출되지 않은 정보 {no}종을 나타낸 목록.")
                }
            }
        }
        ChartKind::Money => {
            let money_at = |i: Option<&usize>| i.and_then(|&i| d.money.get(i));
            let main = d.main_currency();
            let others = d
                .money
                .iter()
                .filter(|m| m.status != Status::Superseded && Some(m.currency.as_str()) != main)
                .count() as i64;
            let earlier = items.iter().any(|&i| !d.earlier_money(i).is_empty());
            let mut rest = match (lang, others) {
                (_, 0) => String::new(),
                (Lang::En, k) => format!(
                    " {} in other currencies {} listed in the table.",
                    format::plural_en(k, "amount", "amounts"),
                    if k == 1 { "is" } else { "are" }
                ),
                (Lang::Ko, k) => format!(" 다른 통화 금액 {k}건은 표에 있다."),
            };
            if earlier {
                rest.push_str(match lang {
                    Lang::En => " Earlier figures of a revised amount are rings on its bar.",
                    Lang::Ko => " 수정된 금액의 이전 수치는 막대 위의 원으로 표시했다.",
                });
            }
            // The range runs between amounts given; "not disclosed" is no end of it.
            let given: Vec<usize> = items
                .iter()
                .copied()
                .filter(|&i| {
                    d.money
                        .get(i)
                        .is_some_and(|m| m.amount != Figure::NotDisclosed)
                })
                .collect();
            let (Some(top), Some(bottom)) = (money_at(given.first()), money_at(given.last()))
            else {
                return rest.trim_start().to_string();
            };
            let range = from_to(lang, &money_text(lang, top), &money_text(lang, bottom));
            match (lang, n) {
                (Lang::En, 1) => format!("Bar chart from zero of one amount, {range}.{rest}"),
                (Lang::Ko, 1) => format!("금액 1건을 나타낸 막대그래프: {range}.{rest}"),
                (Lang::En, _) => format!(
                    "Bar chart from zero of {}, largest first, {range}.{rest}",
                    format::plural_en(n, "amount", "amounts")
                ),
                (Lang::Ko, _) => {
                    format!("금액 {n}건을 큰 순서로 나타낸 막대그래프: {range}.{rest}")
                }
            }
        }
    }
}

/// "from A to B" / "A부터 B까지" for the ends of a chart; one end alone when they are the same.
fn from_to(lang: Lang, a: &str, b: &str) -> String {
    match (a == b, lang) {
        (true, _) => a.to_string(),
        (false, Lang::En) => format!("from {a} to {b}"),
        (false, Lang::Ko) => format!("{a}부터 {b}까지"),
    }
}

fn distinct_units(counts: &[&Count]) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    for c in counts {
        if !units.contains(&c.unit) {
            units.push(c.unit);
        }
    }
    units
}

/// The chart's long description: every mark in words, with exact figures; for the comparison,
/// the other comparisons too.
pub fn chart_long(d: &Story, lang: Lang, kind: ChartKind) -> String {
    let items: Vec<String> = d
        .rows(kind)
        .iter()
        .copied()
        .map(|i| chart_item(d, lang, kind, i).0)
        .collect();
    let mut out = items.join("; ") + ".";
    if kind == ChartKind::Comparison {
        for c in d.comparisons.iter().skip(1) {
            let bars: Vec<String> = c
                .counts
                .iter()
                .filter_map(|&i| d.counts.get(i))
                .map(|n| format!("{} ({})", figure_text(lang, n), n.subject.get(lang)))
                .collect();
            out.push_str(&format!(" {}: {}.", c.title.get(lang), bars.join("; ")));
        }
    }
    if kind == ChartKind::Money {
        let main = d.main_currency();
        let others: Vec<String> = d
            .table(ChartKind::Money)
            .iter()
            .copied()
            .filter(|&i| {
                d.money
                    .get(i)
                    .is_some_and(|m| Some(m.currency.as_str()) != main)
            })
            .map(|i| chart_item(d, lang, kind, i).0)
            .collect();
        if !others.is_empty() {
            out.push_str(&format!(" {}.", others.join("; ")));
        }
    }
    out
}

/// One mark's accessible name and its tooltip lines, with exact figures and the author's note.
pub fn chart_item(d: &Story, lang: Lang, kind: ChartKind, item: usize) -> (String, Vec<String>) {
    let zone = d.zone.label.get(lang);
    let lines = match kind {
        ChartKind::Revisions | ChartKind::Comparison => {
            let Some(c) = d.counts.get(item) else {
                return Default::default();
            };
            let mut exact = exact_text(lang, c);
            if let Some(status) = status_word(lang, c) {
                exact = format!("{exact} ({status})");
            }
            let mut lines = vec![
                exact,
                c.subject.get(lang).to_string(),
                format!(
                    "{} · {}",
                    format::date(lang, &c.as_of, zone),
                    c.reported_by.get(lang)
                ),
            ];
            lines.extend(c.note.as_ref().map(|n| n.get(lang).to_string()));
            lines
        }
        ChartKind::Exposed => {
            let Some(c) = d.data_classes.get(item) else {
                return Default::default();
            };
            let status = i18n::ui(
                lang,
                if c.exposed {
                    Ui::Exposed
                } else {
                    Ui::NotExposed
                },
            );
            let lines = vec![
                format!("{}: {status}", c.label.get(lang)),
                unpunctuated(c.advice.get(lang)),
            ];
            return (lines.join(". "), lines);
        }
        ChartKind::Money => {
            let Some(m) = d.money.get(item) else {
                return Default::default();
            };
            let mut lines = vec![
                money_standing_text(lang, m, money_exact_text(lang, m)),
                format!(
                    "{} ({})",
                    m.subject.get(lang),
                    i18n::money_kind(lang, m.kind)
                ),
                format::date(lang, &m.date, zone),
            ];
            lines.extend(earlier_figures(d, lang, item).map(|e| match lang {
                Lang::En => format!("earlier figures: {e}"),
                Lang::Ko => format!("이전 수치: {e}"),
            }));
            lines.extend(m.parts.iter().map(|p| part_text(lang, m, p)));
            lines.extend(m.converted.iter().map(|c| converted_text(lang, c)));
            lines.extend(m.note.as_ref().map(|n| n.get(lang).to_string()));
            lines
        }
    };
    let lines: Vec<String> = lines.into_iter().map(|l| unpunctuated(&l)).collect();
    (lines.join(", "), lines)
}

/// Author text without its final full stop, for lists that add their own punctuation.
pub fn unpunctuated(s: &str) -> String {
    s.trim_end().trim_end_matches(['.', '。']).to_string()
}

/// "disputed claim, not a count" / "in addition to the earlier count" / "later revised".
pub fn status_word(lang: Lang, c: &Count) -> Option<&'static str> {
    match c.status {
        Status::Reported if c.adds_to.is_some() => Some(i18n::ui(lang, Ui::Addition)),
        status => standing(lang, status),
    }
}

/// Where a fact stands, when it is not simply reported: "later revised", "disputed claim, not a
/// count", "for comparison, not this breach".
pub fn standing(lang: Lang, status: Status) -> Option<&'static str> {
    match status {
        Status::DisputedClaim => Some(i18n::ui(lang, Ui::DisputedClaim)),
        Status::Superseded => Some(i18n::ui(lang, Ui::Superseded)),
        Status::Context => Some(i18n::ui(lang, Ui::ContextFigure)),
        Status::Reported => None,
    }
}

/// An amount as it stands: "$22 million (later revised)".
pub fn money_standing_text(lang: Lang, m: &Money, text: String) -> String {
    match standing(lang, m.status) {
        Some(w) => format!("{text} ({w})"),
        None => text,
    }
}

/// The figures an amount revised, oldest first: "$872 million (April 2024), $1.6 billion (July
/// 2024)"; `None` when it revised none.
pub fn earlier_figures(d: &Story, lang: Lang, of: usize) -> Option<String> {
    let list: Vec<String> = d
        .earlier_money(of)
        .iter()
        .copied()
        .filter_map(|i| d.money.get(i))
        .map(|m| {
            let (amount, date) = (money_text(lang, m), format::date(lang, &m.date, ""));
            match lang {
                Lang::En => format!("{amount} ({date})"),
                Lang::Ko => format!("{amount}({date})"),
            }
        })
        .collect();
    (!list.is_empty()).then(|| list.join(", "))
}

/// "Breach of the safety duty: ₩423,600,000,000".
pub fn part_text(lang: Lang, m: &Money, p: &crate::model::MoneyPart) -> String {
    format!(
        "{}: {}",
        p.label.get(lang),
        format::money_exact(lang, p.amount, &m.currency)
    )
}

/// "$410,000,000 as given by the source on 11 June 2026": a conversion is the source's, dated.
pub fn converted_text(lang: Lang, c: &crate::model::Converted) -> String {
    let amount = format::money_exact(lang, c.amount, &c.currency);
    let date = format::date(lang, &c.as_of, "");
    match lang {
        Lang::En => format!(
            "{amount} as given by the source on {date} {}",
            cite(&c.sources)
        ),
        Lang::Ko => format!("{amount}({date} 출처 기준) {}", cite(&c.sources)),
    }
}

/// Every source a chart's marks cite, in list order.
pub fn chart_sources(d: &Story, kind: ChartKind) -> Vec<SourceRef> {
    let items = match kind {
        ChartKind::Money => d.table(ChartKind::Money),
        _ => d.rows(kind),
    };
    let mut all: Vec<SourceRef> = match kind {
        ChartKind::Revisions | ChartKind::Comparison => items
            .iter()
            .filter_map(|&i| d.counts.get(i))
            .flat_map(|c| c.sources.iter().copied())
            .collect(),
        ChartKind::Exposed => items
            .iter()
            .filter_map(|&i| d.data_classes.get(i))
            .flat_map(|c| c.sources.iter().copied())
            .collect(),
        ChartKind::Money => items
            .iter()
            .filter_map(|&i| d.money.get(i))
            .flat_map(|m| {
                m.sources
                    .iter()
                    .chain(m.converted.iter().flat_map(|c| c.sources.iter()))
                    .copied()
            })
            .collect(),
    };
    all.sort_unstable();
    all.dedup();
    all
}

/// A chart's heading ("How the count was revised").
pub fn heading(lang: Lang, kind: ChartKind) -> &'static str {
    i18n::ui(
        lang,
        match kind {
            ChartKind::Revisions => Ui::RevisionsHeading,
            ChartKind::Comparison => Ui::ComparisonHeading,
            ChartKind::Exposed => Ui::ExposedHeading,
            ChartKind::Money => Ui::MoneyHeading,
        },
    )
}

/// Everything a chart's part of the page says, finished: the page only places it.
pub struct ChartWords {
    pub heading: &'static str,
    /// What the chart shows, in one sentence over it.
    pub takeaway: String,
    /// The comparison's own title, as the author wrote it.
    pub subtitle: Option<String>,
    /// The drawing's short text alternative.
    pub alt: String,
    /// The long description under "Show the data".
    pub long: String,
    pub table: Table,
    /// "Sources: …" under the figure.
    pub source_line: String,
}

pub fn chart_words(d: &Story, lang: Lang, kind: ChartKind) -> ChartWords {
    ChartWords {
        heading: heading(lang, kind),
        takeaway: takeaway(d, lang, kind),
        subtitle: d
            .comparisons
            .first()
            .filter(|_| kind == ChartKind::Comparison)
            .map(|c| c.title.get(lang).to_string()),
        alt: chart_alt(d, lang, kind),
        long: chart_long(d, lang, kind),
        table: tables::chart_table(d, lang, kind),
        source_line: source_line(d, lang, Some(kind), SourceForm::Brief),
    }
}
