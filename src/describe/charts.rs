//! Everything said about the counts and the money: figures with their units, each chart's
//! takeaway, short and long text alternatives, and each mark's name and tooltip.
//!
//! Units are named from the data: a series never "grows" from accounts into people (each unit is
//! its own line of findings), and a comparison of different units says which units and that it
//! gives a scale, not a head count.

use super::{cite, span, Length};
use crate::format::{self, particle, Particle};
use crate::i18n::{self, Ui};
use crate::model::figures::{
    self, all_money, main_currency, rows, series_in_unit, ChartKind, Span,
};
use crate::model::{Count, CountStatus, Dataset, Lang, Money, SourceRef, Unit};

/// "4,536 accounts" / "about 37.6 million people" / "+165,455 accounts": compact, with unit.
pub fn figure_text(lang: Lang, c: &Count) -> String {
    let sign = if c.adds_to.is_some() { "+" } else { "" };
    let n = format!("{sign}{}", format::compact(lang, c.value));
    i18n::quantity(lang, c.unit, &n, c.value, c.approximate)
}

/// The exact figure with its unit, for tooltips and names: "33,673,817 records".
fn exact_text(lang: Lang, c: &Count) -> String {
    let sign = if c.adds_to.is_some() { "+" } else { "" };
    let n = format!("{sign}{}", format::exact(c.value));
    i18n::quantity(lang, c.unit, &n, c.value, c.approximate)
}

/// "₩624.7 billion" or "about ₩44.5 billion".
pub fn money_text(lang: Lang, m: &Money) -> String {
    format::approx(
        lang,
        m.approximate,
        format::money(lang, m.amount, &m.currency),
    )
}

/// "4,536 accounts (20 November 2025)".
fn dated(lang: Lang, c: &Count) -> String {
    format!(
        "{} ({})",
        figure_text(lang, c),
        format::date(lang, &c.as_of, "")
    )
}

/// A share as a fraction, never as people ("about two-thirds", "약 3분의 2"); `None` when no
/// simple fraction is within 5 points.
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
    ((value - share).abs() <= 0.05).then(|| match lang {
        Lang::En => en.to_string(),
        Lang::Ko => ko.to_string(),
    })
}

/// The chart's one-line takeaway, generated from the data.
pub fn takeaway(d: &Dataset, lang: Lang, kind: ChartKind) -> String {
    match kind {
        ChartKind::Revisions => revisions_takeaway(d, lang),
        ChartKind::Comparison => comparison_takeaway(d, lang),
        ChartKind::Exposed => exposed_takeaway(d, lang),
        ChartKind::Money => money_takeaway(d, lang),
    }
}

/// The headline count's own line (one unit), then the other findings, each as itself.
fn revisions_takeaway(d: &Dataset, lang: Lang) -> String {
    let Some(head) = d.counts.first() else {
        return String::new();
    };
    let line = series_in_unit(d, head);
    let counts: Vec<&Count> = line.iter().filter_map(|&i| d.counts.get(i)).collect();
    let mut out = String::new();
    match (counts.as_slice(), figures::figures(d).revision) {
        ([], _) => {}
        ([only], _) => out.push_str(&match lang {
            Lang::En => format!(
                "A single count: {}, reported by {} on {}.",
                figure_text(lang, only),
                only.reported_by.get(lang),
                format::date(lang, &only.as_of, "")
            ),
            Lang::Ko => format!(
                "집계는 한 번 발표됐다: {}({}, {}).",
                figure_text(lang, only),
                only.reported_by.get(lang),
                format::date(lang, &only.as_of, "")
            ),
        }),
        ([first, .., last], revision) => {
            let revised = revision.and_then(|r| d.counts.get(r.revised));
            if let Some(revised) = revised {
                let span = Span {
                    from: first.as_of,
                    to: revised.as_of,
                    inclusive: false,
                };
                let when = match (span::length(lang, &span), lang) {
                    (Length::Some(len), Lang::En) => format!("{len} later"),
                    (Length::Some(len), Lang::Ko) => format!("{len} 뒤"),
                    (Length::Within(_), Lang::En) => "soon after".to_string(),
                    (Length::Within(_), Lang::Ko) => "곧".to_string(),
                };
                out.push_str(&match lang {
                    Lang::En => format!(
                        "The first count, {}, was revised to {} {when}",
                        dated(lang, first),
                        dated(lang, revised)
                    ),
                    Lang::Ko => format!(
                        "{} {when} {} 정정됐다",
                        particle(&format!("첫 집계 {}", dated(lang, first)), Particle::Topic),
                        particle(&dated(lang, revised), Particle::Direction)
                    ),
                });
                let revisions = counts.len() - 1;
                if !std::ptr::eq(*last, revised) {
                    out.push_str(&match lang {
                        Lang::En => format!(
                            "; after {} in all, the latest is {}",
                            format::plural_en(revisions as i64, "revision", "revisions"),
                            dated(lang, last)
                        ),
                        Lang::Ko => format!(
                            ". 모두 {revisions}차례 정정됐고 최신 집계: {}",
                            dated(lang, last)
                        ),
                    });
                }
                out.push('.');
            } else {
                out.push_str(&match lang {
                    Lang::En => format!(
                        "The count stayed at {} from {} to {}.",
                        figure_text(lang, first),
                        format::date(lang, &first.as_of, ""),
                        format::date(lang, &last.as_of, "")
                    ),
                    Lang::Ko => format!(
                        "집계는 {}부터 {}까지 {} 같았다.",
                        format::date(lang, &first.as_of, ""),
                        format::date(lang, &last.as_of, ""),
                        particle(&figure_text(lang, first), Particle::Direction)
                    ),
                });
            }
        }
    }
    // Everything else the chart draws, as separate findings: one entry per series and unit
    // (with its revision, if any), additions and disputed claims on their own.
    let mut groups: Vec<Vec<&Count>> = Vec::new();
    for c in rows(d, ChartKind::Revisions)
        .into_iter()
        .filter(|i| !line.contains(i))
        .filter_map(|i| d.counts.get(i))
        .filter(|c| c.status != CountStatus::DisputedClaim)
    {
        let same = |g: &Vec<&Count>| {
            g.first().is_some_and(|f| {
                f.series == c.series
                    && f.unit == c.unit
                    && f.adds_to.is_none()
                    && c.adds_to.is_none()
            })
        };
        match groups.iter_mut().find(|g| same(g)) {
            Some(g) => g.push(c),
            None => groups.push(vec![c]),
        }
    }
    let others: Vec<String> = groups
        .iter()
        .filter_map(|g| {
            let (first, last) = (g.first()?, g.last()?);
            Some(if g.len() == 1 {
                format!(
                    "{} ({}) — {}, {}",
                    figure_text(lang, first),
                    first.subject.get(lang),
                    first.reported_by.get(lang),
                    format::date(lang, &first.as_of, "")
                )
            } else {
                match lang {
                    Lang::En => format!(
                        "{}: {} revised to {}",
                        first.subject.get(lang),
                        dated(lang, first),
                        dated(lang, last)
                    ),
                    Lang::Ko => format!(
                        "{}: {}에서 {} 정정",
                        first.subject.get(lang),
                        dated(lang, first),
                        format::particle(&dated(lang, last), Particle::Direction)
                    ),
                }
            })
        })
        .collect();
    if !others.is_empty() {
        let list = others.join("; ");
        out.push_str(&match lang {
            Lang::En => format!(" Other figures, in other units or of other things: {list}."),
            Lang::Ko => format!(" 단위나 대상이 다른 집계: {list}."),
        });
    }
    out.trim_start().to_string()
}

/// The breach's figure against the largest of the others, as a fraction or a multiple, with
/// the units named when they differ.
fn comparison_takeaway(d: &Dataset, lang: Lang) -> String {
    let counts: Vec<&Count> = rows(d, ChartKind::Comparison)
        .into_iter()
        .filter_map(|i| d.counts.get(i))
        .collect();
    let Some((subject, rest)) = counts.split_first() else {
        return String::new();
    };
    let Some(reference) = rest.iter().max_by_key(|c| c.value) else {
        return String::new();
    };
    let a = format!(
        "{} ({})",
        figure_text(lang, subject),
        subject.subject.get(lang)
    );
    // The sentence already says "about": the reference figure does not repeat it.
    let plain = Count {
        approximate: false,
        ..(*reference).clone()
    };
    let b = format!(
        "{} ({})",
        figure_text(lang, &plain),
        reference.subject.get(lang)
    );
    let share = subject.value as f64 / reference.value.max(1) as f64;
    let mut out = if share <= 1.05 {
        let words = share_words(lang, share).unwrap_or_else(|| match lang {
            Lang::En => format!("about {}", percent(share)),
            Lang::Ko => format!("약 {}", percent(share)),
        });
        match lang {
            Lang::En => super::capitalise(&format!("{a} is a number equal to {words} of {b}.")),
            Lang::Ko => format!(
                "{} {b}의 {words}에 해당하는 규모다.",
                particle(&a, Particle::Topic)
            ),
        }
    } else {
        let times = share.round() as i64;
        match lang {
            Lang::En => {
                super::capitalise(&format!("{a} is about {} times {b}.", format::count(times)))
            }
            Lang::Ko => format!(
                "{} {b}의 약 {}배다.",
                particle(&a, Particle::Topic),
                format::count(times)
            ),
        }
    };
    if subject.unit != reference.unit {
        let (ua, ub) = (
            i18n::unit_noun(lang, subject.unit),
            i18n::unit_noun(lang, reference.unit),
        );
        out.push_str(&match lang {
            Lang::En => format!(
                " They count different things ({ua} and {ub}), so this gives a sense of scale, not a head count."
            ),
            Lang::Ko => format!(
                " {} {} 서로 다른 단위여서 규모를 가늠하는 수치일 뿐 같은 대상을 센 것이 아니다.",
                particle(ua, Particle::And),
                particle(ub, Particle::Topic)
            ),
        });
    }
    out
}

/// A share as a percentage with the digits it needs: "66%", "1.2%", "0.1%", "less than 0.01%".
/// Written by hand: Rust's float formatting costs the wasm ~8 KB gzip.
fn percent(share: f64) -> String {
    let p = share * 100.0;
    if p >= 10.0 {
        return format!("{}%", format::count(p.round() as i64));
    }
    let (scale, digits) = if p >= 1.0 { (10.0, 1) } else { (100.0, 2) };
    let n = (p * scale).round() as i64;
    if n == 0 {
        return "less than 0.01%".to_string();
    }
    let whole = n / scale as i64;
    let mut frac = format!("{:0width$}", n % scale as i64, width = digits);
    while frac.ends_with('0') {
        frac.pop();
    }
    if frac.is_empty() {
        format!("{whole}%")
    } else {
        format!("{whole}.{frac}%")
    }
}

fn exposed_takeaway(d: &Dataset, lang: Lang) -> String {
    let names = |exposed: bool| -> Vec<&str> {
        d.data_classes
            .iter()
            .filter(|c| c.exposed == exposed)
            .map(|c| c.label.get(lang))
            .collect()
    };
    let mut parts = Vec::new();
    for (exposed, key) in [(true, Ui::Exposed), (false, Ui::NotExposed)] {
        let list = names(exposed);
        if !list.is_empty() {
            let list = list.join(", ");
            parts.push(format!("{}: {list}.", i18n::ui(lang, key)));
        }
    }
    parts.join(" ")
}

/// The largest amount of the charted currency, then every amount in another currency, as given.
fn money_takeaway(d: &Dataset, lang: Lang) -> String {
    let mut out = String::new();
    if let Some(top) = rows(d, ChartKind::Money)
        .first()
        .and_then(|&i| d.money.get(i))
    {
        out = match lang {
            Lang::En => format!(
                "The largest amount: {}, {} ({}).",
                top.subject.get(lang),
                money_text(lang, top),
                i18n::money_kind(lang, top.kind)
            ),
            Lang::Ko => format!(
                "가장 큰 금액은 {}의 {}({})이다.",
                top.subject.get(lang),
                money_text(lang, top),
                i18n::money_kind(lang, top.kind)
            ),
        };
    }
    let main = main_currency(d);
    let others: Vec<String> = all_money(d)
        .into_iter()
        .filter_map(|i| d.money.get(i))
        .filter(|m| Some(m.currency.as_str()) != main)
        .map(|m| format!("{} ({})", money_text(lang, m), m.subject.get(lang)))
        .collect();
    if !others.is_empty() {
        out.push_str(&match lang {
            Lang::En => format!(" In other currencies: {}.", others.join("; ")),
            Lang::Ko => format!(" 다른 통화: {}.", others.join("; ")),
        });
    }
    out.trim_start().to_string()
}

/// The chart's short text alternative: what kind of chart, how many marks, the range.
pub fn chart_alt(d: &Dataset, lang: Lang, kind: ChartKind) -> String {
    let items = rows(d, kind);
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
            let Some((first, last)) = ends else {
                return String::new();
            };
            match lang {
                Lang::En => format!(
                    "Dot chart on a log scale of {} in date order, from {} to {}.",
                    format::plural_en(n, "reported figure", "reported figures"),
                    dated(lang, first),
                    dated(lang, last)
                ),
                Lang::Ko => format!(
                    "발표된 수치 {n}건을 날짜순으로 나타낸 로그 척도 점 그래프: {}부터 {}까지.",
                    dated(lang, first),
                    dated(lang, last)
                ),
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
            match lang {
                Lang::En => format!(
                    "{title}. Bar chart from zero of {}, {what}, from {} to {}.",
                    format::plural_en(n, "figure", "figures"),
                    figure_text(lang, first),
                    figure_text(lang, last)
                ),
                Lang::Ko => format!(
                    "{title}. 수치 {n}건을 0에서 시작하는 막대로 나타낸 그래프({what}): {}부터 {}까지.",
                    figure_text(lang, first),
                    figure_text(lang, last)
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
            let others = d.money.len() as i64 - n;
            let rest = match (lang, others) {
                (_, 0) => String::new(),
                (Lang::En, k) => format!(
                    " {} in other currencies {} listed in the table.",
                    format::plural_en(k, "amount", "amounts"),
                    if k == 1 { "is" } else { "are" }
                ),
                (Lang::Ko, k) => format!(" 다른 통화 금액 {k}건은 표에 있다."),
            };
            let (Some(top), Some(bottom)) = (money_at(items.first()), money_at(items.last()))
            else {
                return rest.trim_start().to_string();
            };
            let range = if n == 1 {
                money_text(lang, top)
            } else {
                match lang {
                    Lang::En => format!(
                        "from {} to {}",
                        money_text(lang, top),
                        money_text(lang, bottom)
                    ),
                    Lang::Ko => format!(
                        "{}부터 {}까지",
                        money_text(lang, top),
                        money_text(lang, bottom)
                    ),
                }
            };
            match lang {
                Lang::En => format!(
                    "Bar chart from zero of {}, largest first, {range}.{rest}",
                    format::plural_en(n, "amount", "amounts")
                ),
                Lang::Ko => format!("금액 {n}건을 큰 순서로 나타낸 막대그래프: {range}.{rest}"),
            }
        }
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
pub fn chart_long(d: &Dataset, lang: Lang, kind: ChartKind) -> String {
    let items: Vec<String> = rows(d, kind)
        .into_iter()
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
        let main = main_currency(d);
        let others: Vec<String> = all_money(d)
            .into_iter()
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
pub fn chart_item(d: &Dataset, lang: Lang, kind: ChartKind, item: usize) -> (String, Vec<String>) {
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
                format::approx(
                    lang,
                    m.approximate,
                    format::money_exact(lang, m.amount, &m.currency),
                ),
                format!(
                    "{} ({})",
                    m.subject.get(lang),
                    i18n::money_kind(lang, m.kind)
                ),
                format::date(lang, &m.date, zone),
            ];
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
        CountStatus::DisputedClaim => Some(i18n::ui(lang, Ui::DisputedClaim)),
        CountStatus::Superseded => Some(i18n::ui(lang, Ui::Superseded)),
        CountStatus::Reported if c.adds_to.is_some() => Some(i18n::ui(lang, Ui::Addition)),
        CountStatus::Reported => None,
    }
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
pub fn chart_sources(d: &Dataset, kind: ChartKind) -> Vec<SourceRef> {
    let items = match kind {
        ChartKind::Money => all_money(d),
        _ => rows(d, kind),
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
