//! Figures derived from the dataset, never typed into it: when the data changes, they change.
//!
//! Spans keep their two dates, not a day count, so the words can say them at the precision the
//! sources give ("about seven months" between two months, "138 days" between two days). Which
//! marks each chart shows is decided here once, for the page, the layout and the exports.

use super::{Bound, Claim, Count, Dataset, End, Figure, Milestone, Precision, Status, StoryDate};

/// How the real length of a span relates to the length between its two dates: the same, or
/// only a bound on it (an end given as "no later than" or "no earlier than").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Known {
    Exactly,
    /// The real span is this long or longer.
    AtLeast,
    /// The real span is this long or shorter.
    AtMost,
}

/// The time between two dates of the story.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub from: StoryDate,
    pub to: StoryDate,
    /// Counts the first and the last day (a period of access), rather than the days between
    /// two moments (a delay).
    pub inclusive: bool,
    /// Whether the dates are the ends themselves or bounds on them.
    pub known: Known,
}

impl Span {
    /// A span between two moments known to the day or coarser, not bounds.
    pub fn exact(from: StoryDate, to: StoryDate, inclusive: bool) -> Span {
        Span {
            from,
            to,
            inclusive,
            known: Known::Exactly,
        }
    }

    /// The span between two ends that may be bounds; `None` when the bounds pull opposite
    /// ways (one makes it longer, the other shorter), so that nothing is known of its length.
    pub fn between(from: &Bound, to: &Bound, inclusive: bool) -> Option<Span> {
        let from_side = match from {
            Bound::On(_) => None,
            // Began by then: it may have begun earlier, so it lasted at least this long.
            Bound::NoLaterThan(_) => Some(Known::AtLeast),
            Bound::NoEarlierThan(_) => Some(Known::AtMost),
        };
        let to_side = match to {
            Bound::On(_) => None,
            Bound::NoLaterThan(_) => Some(Known::AtMost),
            Bound::NoEarlierThan(_) => Some(Known::AtLeast),
        };
        let known = match (from_side, to_side) {
            (None, None) => Known::Exactly,
            (Some(k), None) | (None, Some(k)) => k,
            (Some(a), Some(b)) if a == b => a,
            (Some(_), Some(_)) => return None,
        };
        Some(Span {
            from: *from.date(),
            to: *to.date(),
            inclusive,
            known,
        })
    }

    /// Whole calendar days between the two dates (plus one when inclusive) when both are known
    /// to the day, whether the span is exact or only bounded by them.
    pub fn bound_days(&self) -> Option<i64> {
        (self.precision() == Precision::Day).then(|| {
            let between = self.to.first_day() - self.from.first_day();
            between + i64::from(self.inclusive && between >= 0)
        })
    }
}

impl Span {
    /// The coarser of the two dates' precisions: what the span can honestly be said in.
    pub fn precision(&self) -> Precision {
        self.from
            .precision
            .min(self.to.precision)
            .min(Precision::Day)
    }

    /// Whole calendar days, when both ends are known to the day and are the ends themselves
    /// (not bounds): the days between the two dates, plus one when the span counts both ends.
    /// Negative when `to` comes first.
    pub fn days(&self) -> Option<i64> {
        match self.known {
            Known::Exactly => self.bound_days(),
            Known::AtLeast | Known::AtMost => None,
        }
    }

    /// Days from the middle of the first date's period to the middle of the second's: the best
    /// single figure for dates known only to the month or year.
    pub fn middle_days(&self) -> f64 {
        self.to.middle(0) - self.from.middle(0)
    }
}

/// A count and the first later figure of the same thing, in the same unit, that differs from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Revision {
    pub first: usize,
    pub revised: usize,
}

/// Spans between the story's milestones; `None` where the dataset lacks an end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Figures {
    /// The preferred claim's period of unauthorised access.
    pub exposure: Option<Span>,
    /// From the start of access to detection.
    pub access_to_detection: Option<Span>,
    /// From the end of access to detection (negative when detected while access went on).
    pub end_to_detection: Option<Span>,
    /// From detection to the first public disclosure.
    pub detection_to_disclosure: Option<Span>,
    /// The headline count's first revision.
    pub revision: Option<Revision>,
}

pub fn figures(d: &Dataset) -> Figures {
    let claim = d.exposure.preferred_claim();
    let start = claim.map(|c| c.start).or_else(|| {
        d.milestone(Milestone::AccessStart)
            .map(|e| Bound::On(e.date))
    });
    // An end that is ongoing or not known gives no span at all.
    let end = match claim.map(|c| c.end) {
        Some(End::At(b)) => Some(b),
        Some(End::Ongoing | End::Unknown | End::NotStated) => None,
        None => d.milestone(Milestone::AccessEnd).map(|e| Bound::On(e.date)),
    };
    let detected = d.milestone(Milestone::Detected).map(|e| Bound::On(e.date));
    let disclosed = d.milestone(Milestone::Disclosed).map(|e| Bound::On(e.date));
    let span =
        |from: Option<Bound>, to: Option<Bound>, inclusive| Span::between(&from?, &to?, inclusive);
    Figures {
        exposure: span(start, end, true),
        access_to_detection: span(start, detected, false),
        end_to_detection: span(end, detected, false),
        detection_to_disclosure: span(detected, disclosed, false),
        revision: first_revision(d),
    }
}

/// A claim's period as a span; `None` when its end is ongoing or not known, or its bounds
/// leave its length open both ways.
pub fn claim_span(c: &Claim) -> Option<Span> {
    Span::between(&c.start, c.end.bound()?, true)
}

/// Counts of one thing in one unit, in the order they were reported: a series that mixes units
/// is split, because accounts never "grow" into people.
pub fn series_in_unit(d: &Dataset, of: &Count) -> Vec<usize> {
    let indices = (0..d.counts.len())
        .filter(|&i| {
            d.counts.get(i).is_some_and(|c| {
                c.series == of.series
                    && c.unit == of.unit
                    && c.adds_to.is_none()
                    && c.status != Status::DisputedClaim
            })
        })
        .collect();
    by_date(d, indices)
}

fn by_date(d: &Dataset, indices: Vec<usize>) -> Vec<usize> {
    super::sorted_by_key(indices, &|i| {
        d.counts.get(i).map_or(0.0, |c| c.as_of.start(0))
    })
}

/// The headline count (marked `lead`, else the first in the file) and the first later figure of its series and unit
/// that differs from it.
fn first_revision(d: &Dataset) -> Option<Revision> {
    let head = d.lead_count()?;
    let series = series_in_unit(d, head);
    let first = *series.first()?;
    let first_value = d.counts.get(first)?.value;
    // A later report without a figure revises nothing.
    let revised = series.into_iter().find(|&i| {
        d.counts
            .get(i)
            .is_some_and(|c| c.value != first_value && c.value != Figure::NotDisclosed)
    })?;
    Some(Revision { first, revised })
}

/// The four charts of the counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    Revisions,
    Comparison,
    Exposed,
    Money,
}

impl ChartKind {
    pub const ALL: [ChartKind; 4] = [
        ChartKind::Revisions,
        ChartKind::Comparison,
        ChartKind::Exposed,
        ChartKind::Money,
    ];
    /// Its place in [`ChartKind::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
    pub fn key(self) -> &'static str {
        match self {
            ChartKind::Revisions => "revisions",
            ChartKind::Comparison => "comparison",
            ChartKind::Exposed => "exposed",
            ChartKind::Money => "money",
        }
    }
    pub fn from_key(key: &str) -> Option<ChartKind> {
        ChartKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// The marks of a chart, in reading (and keyboard) order, as indices into the dataset's list
/// for that chart (`counts`, `counts`, `data_classes`, `money`).
pub fn rows(d: &Dataset, kind: ChartKind) -> Vec<usize> {
    match kind {
        ChartKind::Revisions => revision_rows(d),
        ChartKind::Comparison => d
            .comparisons
            .first()
            .map(|c| c.counts.clone())
            .unwrap_or_default(),
        ChartKind::Exposed => super::sorted_by_key((0..d.data_classes.len()).collect(), &|i| {
            f64::from(u8::from(!d.data_classes.get(i).is_some_and(|c| c.exposed)))
        }),
        ChartKind::Money => money_rows(d),
    }
}

/// Every reported figure of the breach itself, in date order: every count that is not context
/// (marked so, or only in a comparison; the headline series always counts as the breach's own).
fn revision_rows(d: &Dataset) -> Vec<usize> {
    let head = d.lead_count().map(|c| c.series.as_str());
    let only_context = |i: usize| {
        let Some(c) = d.counts.get(i) else {
            return true;
        };
        c.status == Status::Context
            || (Some(c.series.as_str()) != head
                && d.comparisons.iter().any(|cmp| cmp.counts.contains(&i)))
    };
    let own: Vec<usize> = (0..d.counts.len()).filter(|&i| !only_context(i)).collect();
    // With no figure of its own and no comparison to hold them, the figures for comparison are
    // drawn here, each marked as such, rather than nowhere.
    if own.is_empty() && d.comparisons.is_empty() {
        return by_date(d, (0..d.counts.len()).collect());
    }
    by_date(d, own)
}

/// The amounts in the most common currency (bars must share a unit), largest first; the others
/// are listed in the chart's table and takeaway. A superseded amount is drawn only as an
/// earlier figure on the bar of its series, and a party's unconfirmed claim is only listed.
fn money_rows(d: &Dataset) -> Vec<usize> {
    let currency = main_currency(d);
    let rows: Vec<usize> = (0..d.money.len())
        .filter(|&i| {
            d.money.get(i).is_some_and(|m| {
                Some(m.currency.as_str()) == currency
                    && matches!(m.status, Status::Reported | Status::Context)
            })
        })
        .collect();
    super::sorted_by_key(rows, &|i| {
        -(d.money.get(i).and_then(|m| m.amount.largest()).unwrap_or(0) as f64)
    })
}

/// The superseded amounts of an amount's series in its currency, oldest first: the figures it
/// revised, drawn on its bar and named beside it.
pub fn earlier_money(d: &Dataset, of: usize) -> Vec<usize> {
    let Some(m) = d.money.get(of) else {
        return Vec::new();
    };
    if m.status == Status::Superseded {
        return Vec::new();
    }
    let earlier = (0..d.money.len())
        .filter(|&i| {
            i != of
                && d.money.get(i).is_some_and(|x| {
                    x.series == m.series
                        && x.currency == m.currency
                        && x.status == Status::Superseded
                })
        })
        .collect();
    super::sorted_by_key(earlier, &|i| {
        d.money.get(i).map_or(0.0, |x| x.date.start(0))
    })
}

/// Every count in date order: the revisions chart's table.
pub fn all_counts(d: &Dataset) -> Vec<usize> {
    by_date(d, (0..d.counts.len()).collect())
}

/// The counts a count chart's table lists: the comparison's bars, then every other figure for
/// comparison; for the revisions, every other count, in date order. Without a comparison
/// chart, the figures for comparison stay in the revisions table (marked as such).
pub fn table_counts(d: &Dataset, kind: ChartKind) -> Vec<usize> {
    let compared = rows(d, ChartKind::Comparison);
    // With a comparison, every figure for comparison is listed under it, never under the
    // revisions.
    let moved = |i: &usize| {
        !compared.is_empty()
            && d.counts
                .get(*i)
                .is_some_and(|c| c.status == Status::Context)
    };
    match kind {
        ChartKind::Comparison => {
            let mut all = compared.clone();
            all.extend(
                all_counts(d)
                    .into_iter()
                    .filter(|i| moved(i) && !compared.contains(i)),
            );
            all
        }
        _ => all_counts(d).into_iter().filter(|i| !moved(i)).collect(),
    }
}

/// Every amount in date order, whatever its currency: the chart's table.
pub fn all_money(d: &Dataset) -> Vec<usize> {
    super::sorted_by_key((0..d.money.len()).collect(), &|i| {
        d.money.get(i).map_or(0.0, |m| m.date.start(0))
    })
}

pub fn main_currency(d: &Dataset) -> Option<&str> {
    let mut best: Option<(&str, usize)> = None;
    for m in &d.money {
        let n = d.money.iter().filter(|x| x.currency == m.currency).count();
        if best.is_none_or(|(_, b)| n > b) {
            best = Some((&m.currency, n));
        }
    }
    best.map(|(c, _)| c)
}

/// Whether the dataset has anything for a chart (a breach without fines has no money chart).
pub fn has_chart(d: &Dataset, kind: ChartKind) -> bool {
    match kind {
        // The money chart also lists amounts in other currencies than its bars'.
        ChartKind::Money => !d.money.is_empty(),
        _ => !rows(d, kind).is_empty(),
    }
}

/// Notes for the author (not problems): facts the explainer lists in text and tables but does
/// not draw, each with its place in the file. `check` prints them.
pub fn listed_not_drawn(d: &Dataset) -> Vec<super::Issue> {
    use super::issue::{Issue, NotDrawn, Problem};
    let mut notes: Vec<Issue> = (1..d.comparisons.len())
        .map(|i| {
            Issue::new(
                format!("comparisons[{i}]"),
                Problem::ListedNotDrawn {
                    what: NotDrawn::Comparison,
                },
            )
        })
        .collect();
    if let Some(main) = main_currency(d) {
        for (i, m) in d.money.iter().enumerate() {
            if m.currency != main {
                notes.push(Issue::new(
                    format!("money[{i}].currency"),
                    Problem::ListedNotDrawn {
                        what: NotDrawn::Currency {
                            currency: m.currency.clone(),
                            main: main.to_string(),
                        },
                    },
                ));
            }
        }
    }
    notes
}
