//! Each chart's one-line takeaway: the headline count's revision in its own unit and the other
//! findings as themselves; a comparison as a fraction or a multiple, naming the units when they
//! differ; what was and was not exposed; the largest amount and every other currency.

use super::charts::{self, dated, figure_text, money_text, share_words};
use super::{span, Length};
use crate::format::{self, particle, Particle};
use crate::i18n::{self, Ui};
use crate::model::figures::{ChartKind, Span};
use crate::model::{Count, Lang, Status, Story};

/// The chart's one-line takeaway, generated from the data.
pub fn takeaway(d: &Story, lang: Lang, kind: ChartKind) -> String {
    match kind {
        ChartKind::Revisions => revisions_takeaway(d, lang),
        ChartKind::Comparison => comparison_takeaway(d, lang),
        ChartKind::Exposed => exposed_takeaway(d, lang),
        ChartKind::Money => money_takeaway(d, lang),
    }
}

/// The headline count's own line (one unit); without one, the other findings, each as itself.
fn revisions_takeaway(d: &Story, lang: Lang) -> String {
    let counts: Vec<&Count> = d
        .lead_series
        .iter()
        .filter_map(|&i| d.counts.get(i))
        .collect();
    let mut out = String::new();
    match (counts.as_slice(), d.figures.revision) {
        ([], _) => {}
        // A report that gave no figure is no count.
        ([only], _) if only.value == crate::model::Figure::NotDisclosed => {
            out.push_str(&match lang {
                Lang::En => format!(
                    "No count has been disclosed ({}, {}).",
                    only.reported_by.get(lang),
                    format::date(lang, &only.as_of, "")
                ),
                Lang::Ko => format!(
                    "공개된 집계는 없다({}, {}).",
                    only.reported_by.get(lang),
                    format::date(lang, &only.as_of, "")
                ),
            })
        }
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
                let span = Span::exact(first.as_of, revised.as_of, false);
                let when = match (span::length(lang, &span), lang) {
                    (Length::Some(len), Lang::En) => format!("{len} later"),
                    (Length::Some(len), Lang::Ko) => format!("{len} 뒤"),
                    (Length::Within(_), Lang::En) => "soon after".to_string(),
                    (Length::Within(_), Lang::Ko) => "곧".to_string(),
                    // Report dates are never bounds; said plainly should one ever be.
                    (Length::Unknown, Lang::En) => "later".to_string(),
                    (Length::Unknown, Lang::Ko) => "이후".to_string(),
                };
                // A count never disclosed is no first count: said as the wait for one.
                let undisclosed = first.value == crate::model::Figure::NotDisclosed;
                out.push_str(&match (lang, undisclosed) {
                    // Named by what was counted: another series may have had a figure then.
                    (Lang::En, true) => format!(
                        "{}: no count was disclosed from {} until {}, when it was {}",
                        charts::unpunctuated(first.subject.get(lang)),
                        format::date(lang, &first.as_of, ""),
                        format::date(lang, &revised.as_of, ""),
                        figure_text(lang, revised)
                    ),
                    (Lang::Ko, true) => format!(
                        "{}: {}부터 {}까지 집계는 공개되지 않았고, 이후 {} 나왔다",
                        charts::unpunctuated(first.subject.get(lang)),
                        format::date(lang, &first.as_of, ""),
                        format::date(lang, &revised.as_of, ""),
                        particle(&figure_text(lang, revised), Particle::Subject)
                    ),
                    (Lang::En, false) => format!(
                        "The first count, {}, was revised to {} {when}",
                        dated(lang, first),
                        dated(lang, revised)
                    ),
                    (Lang::Ko, false) => format!(
                        "{} {when} {} 수정됐다",
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
                            ". 모두 {revisions}차례 수정됐고 최신 집계: {}",
                            dated(lang, last)
                        ),
                    });
                }
                out.push('.');
            } else {
                // No figure moved: said between the first and the last report that gave one
                // (a later report without a figure changes nothing).
                let last_given = counts
                    .iter()
                    .rev()
                    .find(|c| c.value != crate::model::Figure::NotDisclosed);
                let (from, to) = (
                    format::date(lang, &first.as_of, ""),
                    last_given.map(|c| format::date(lang, &c.as_of, "")),
                );
                out.push_str(&match (lang, to) {
                    (Lang::En, None) => format!(
                        "No count has been disclosed as of {}.",
                        format::date(lang, &last.as_of, "")
                    ),
                    (Lang::Ko, None) => format!(
                        "{} 현재 공개된 집계는 없다.",
                        format::date(lang, &last.as_of, "")
                    ),
                    (Lang::En, Some(to)) if to == from => {
                        format!("The count: {}, as of {from}.", figure_text(lang, first))
                    }
                    (Lang::Ko, Some(to)) if to == from => {
                        format!("{from} 기준 집계는 {}.", figure_text(lang, first))
                    }
                    (Lang::En, Some(to)) => format!(
                        "The count stayed at {} from {from} to {to}.",
                        figure_text(lang, first)
                    ),
                    (Lang::Ko, Some(to)) => format!(
                        "집계는 {from}부터 {to}까지 {}에서 바뀌지 않았다.",
                        figure_text(lang, first)
                    ),
                });
            }
        }
    }
    // Everything else the chart draws, as separate findings: one entry per series and unit
    // (with its revision, if any), additions and disputed claims on their own.
    let mut groups: Vec<Vec<&Count>> = Vec::new();
    for c in d
        .rows(ChartKind::Revisions)
        .iter()
        .copied()
        .filter(|i| !d.lead_series.contains(i))
        .filter_map(|i| d.counts.get(i))
        .filter(|c| !matches!(c.status, Status::DisputedClaim | Status::Context))
        // A report without a figure is no step of a revision; the table lists it.
        .filter(|c| c.value != crate::model::Figure::NotDisclosed)
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
            let moved = figure_text(lang, first) != figure_text(lang, last);
            Some(if g.len() == 1 || !moved {
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
                        "{}: {}에서 {} 수정",
                        first.subject.get(lang),
                        dated(lang, first),
                        format::particle(&dated(lang, last), Particle::Direction)
                    ),
                }
            })
        })
        .collect();
    // One sentence: the headline count's, or where it has none, the other findings'. Every
    // figure is in the chart's long description and table too.
    if out.is_empty() && !others.is_empty() {
        let list = others.join("; ");
        out = match lang {
            Lang::En => format!("Figures in other units or of other things: {list}."),
            Lang::Ko => format!("단위나 대상이 다른 집계: {list}."),
        };
    }
    out.trim_start().to_string()
}

/// The breach's figure against the largest of the others, as a fraction or a multiple, with
/// the units named when they differ.
fn comparison_takeaway(d: &Story, lang: Lang) -> String {
    let counts: Vec<&Count> = d
        .rows(ChartKind::Comparison)
        .iter()
        .copied()
        .filter_map(|i| d.counts.get(i))
        .collect();
    let Some((subject, rest)) = counts.split_first() else {
        return String::new();
    };
    let Some(reference) = rest.iter().max_by_key(|c| c.value.largest().unwrap_or(0)) else {
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
    // A share only between two exact figures: a bound or a range has no single ratio.
    let (Some(x), Some(y)) = (subject.value.exact(), reference.value.exact()) else {
        return match lang {
            Lang::En => super::capitalise(&format!(
                "{a} set against {b}; not both are exact figures, so no share is given."
            )),
            Lang::Ko => format!(
                "{} {b}: 두 수치가 모두 정확한 값은 아니어서 비율은 구하지 않았다.",
                particle(&a, Particle::And)
            ),
        };
    };
    let share = x as f64 / y.max(1) as f64;
    let mut out = if share <= 1.05 {
        // "less than 0.01%" is already a bound: never "about less than".
        let words = share_words(lang, share).unwrap_or_else(|| match (lang, share < 0.0001) {
            (_, true) => percent(share),
            (Lang::En, false) => format!("about {}", percent(share)),
            (Lang::Ko, false) => format!("약 {}", percent(share)),
        });
        match lang {
            Lang::En => super::capitalise(&format!("{a} is a number equal to {words} of {b}.")),
            Lang::Ko => format!(
                "{} {b}의 {words}에 해당하는 규모다.",
                particle(&a, Particle::Topic)
            ),
        }
    } else {
        let times = times(share);
        match lang {
            Lang::En => super::capitalise(&format!("{a} is about {times} times {b}.")),
            Lang::Ko => format!("{} {b}의 약 {times}배다.", particle(&a, Particle::Topic)),
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
/// A ratio above one as said: to a tenth below ten (2.58 → "2.6", never "3"), whole above.
fn times(ratio: f64) -> String {
    if ratio >= 9.95 {
        return format::count(ratio.round() as i64);
    }
    let tenths = (ratio * 10.0).round() as i64;
    match tenths % 10 {
        0 => format!("{}", tenths / 10),
        t => format!("{}.{t}", tenths / 10),
    }
}

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

fn exposed_takeaway(d: &Story, lang: Lang) -> String {
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
fn money_takeaway(d: &Story, lang: Lang) -> String {
    let mut out = String::new();
    if let Some(top) = d
        .rows(ChartKind::Money)
        .first()
        .and_then(|&i| d.money.get(i))
    {
        // The first bar is the largest only when its amount is exact and no other is open
        // upwards (a lower bound may be larger than it shows).
        let largest = top.amount.exact().is_some()
            && d.rows(ChartKind::Money)
                .iter()
                .filter_map(|&i| d.money.get(i))
                .all(|m| {
                    !matches!(
                        m.amount,
                        crate::model::Figure::AtLeast(_) | crate::model::Figure::NotDisclosed
                    )
                });
        out = match (lang, largest) {
            (Lang::En, false) => format!(
                "The highest figure given: {}, {} ({}).",
                top.subject.get(lang),
                money_text(lang, top),
                i18n::money_kind(lang, top.kind)
            ),
            (Lang::Ko, false) => format!(
                "가장 높은 수치는 {}의 {}({})이다.",
                top.subject.get(lang),
                money_text(lang, top),
                i18n::money_kind(lang, top.kind)
            ),
            (Lang::En, true) => format!(
                "The largest amount: {}, {} ({}).",
                top.subject.get(lang),
                money_text(lang, top),
                i18n::money_kind(lang, top.kind)
            ),
            (Lang::Ko, true) => format!(
                "가장 큰 금액은 {}의 {}({})이다.",
                top.subject.get(lang),
                money_text(lang, top),
                i18n::money_kind(lang, top.kind)
            ),
        };
        let top_index = d.rows(ChartKind::Money).first().copied().unwrap_or(0);
        if let Some(earlier) = charts::earlier_figures(d, lang, top_index) {
            // "replaced": a final decision or a new fund replaces a proposal, it does not
            // "revise" it.
            out.push_str(&match lang {
                Lang::En => format!(" It replaced an earlier figure: {earlier}."),
                Lang::Ko => format!(" 이전 수치: {earlier}."),
            });
        }
    }
    let main = d.main_currency();
    let others: Vec<String> = d
        .table(ChartKind::Money)
        .iter()
        .copied()
        .filter_map(|i| d.money.get(i))
        .filter(|m| Some(m.currency.as_str()) != main && m.status != Status::Superseded)
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
