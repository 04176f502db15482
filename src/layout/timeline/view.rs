//! Which stretch of time a view covers, and the view a zoom into a cluster goes to: pure
//! date arithmetic, apart from drawing.

use super::{Cluster, View};
use crate::model::date::days_from_civil;
use crate::model::{Claim, End, Milestone, Story, StoryDate};

fn month_start(d: &StoryDate) -> f64 {
    days_from_civil(d.year, d.month, 1) as f64
}

fn next_month_start(day: f64) -> f64 {
    let (y, m, _) = crate::model::date::civil_from_days(day.floor() as i64);
    let (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    days_from_civil(y, m, 1) as f64
}

/// The last day a claim names (its end or its bound; its start when the end is open or not
/// known), for the extent of the axis.
fn claim_last(c: &Claim, zone: i32) -> f64 {
    match c.end {
        End::At(b) => b.date().end(zone),
        End::Ongoing | End::Unknown | End::NotStated => c.start.date().end(zone),
    }
}

/// The span of days a view covers, from month start to month start.
pub fn domain(d: &Story, view: View) -> (f64, f64) {
    let zone = d.zone.offset;
    let claim = d.exposure.preferred_claim();
    match view {
        View::Window => {
            let start = claim.map_or(0.0, |c| month_start(c.start.date()));
            let mut last = claim.map_or(start, |c| claim_last(c, zone));
            for m in [
                Milestone::Detected,
                Milestone::Disclosed,
                Milestone::Complaint,
            ] {
                if let Some(e) = d.milestone(m) {
                    last = last.max(e.date.end(zone));
                }
            }
            (start, next_month_start(last - 0.001).max(start + 1.0))
        }
        View::Story => {
            // The whole story: every claim and every event, context incidents included, so
            // each event is drawn (and reachable by keyboard) in at least one view.
            let mut first = d
                .exposure
                .claims
                .iter()
                .map(|c| month_start(c.start.date()))
                .fold(f64::INFINITY, f64::min);
            let mut last = d
                .exposure
                .claims
                .iter()
                .map(|c| claim_last(c, zone))
                .fold(f64::NEG_INFINITY, f64::max);
            for e in &d.events {
                first = first.min(month_start(&e.date));
                last = last.max(e.end.unwrap_or(e.date).end(zone));
            }
            if !first.is_finite() || !last.is_finite() {
                return (0.0, 1.0);
            }
            (first, next_month_start(last - 0.001).max(first + 1.0))
        }
        View::Span { from, to } => (from as f64, (to as f64).max(from as f64 + 1.0)),
    }
}

/// The view that spreads a cluster's events across the axis: their dates with a little room
/// either side, in whole days. `None` when that would not be narrower than `current` by a fifth
/// (events at one time, which no zoom spreads): such a cluster lists its events instead. So
/// zooming in always ends, at a list or at every event drawn as itself.
pub fn zoom(d: &Story, c: &Cluster, current: View) -> Option<View> {
    let zone = d.zone.offset;
    let (lo, hi) = c
        .events
        .iter()
        .filter_map(|&i| d.events.get(i))
        .map(|e| e.date.middle(zone))
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), x| {
            (lo.min(x), hi.max(x))
        });
    if hi.partial_cmp(&lo) != Some(std::cmp::Ordering::Greater) || !(lo + hi).is_finite() {
        return None;
    }
    let pad = ((hi - lo) * 0.1).max(0.5);
    let (from, to) = ((lo - pad).floor(), (hi + pad).ceil());
    let (d0, d1) = domain(d, current);
    (to - from <= 0.8 * (d1 - d0)).then_some(View::Span {
        from: from as i64,
        to: to as i64,
    })
}
