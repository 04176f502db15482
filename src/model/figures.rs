//! Figures derived from the dataset, never typed into it: when the data changes, they change.

use super::date::days_between;
use super::{CountStatus, Dataset, Milestone};

/// Day counts between the story's milestones. `None` where the dataset lacks a milestone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Figures {
    /// Calendar days of unauthorised access, counting the first and the last day
    /// (24 June – 8 November 2025 is 138 days), per the preferred claim.
    pub exposure_days: Option<i64>,
    /// Days from the first access to detection.
    pub access_to_detection_days: Option<i64>,
    /// Days from the end of access to detection.
    pub end_to_detection_days: Option<i64>,
    /// Days from detection to the first public disclosure.
    pub detection_to_disclosure_days: Option<i64>,
    /// Days from the first reported count to the largest revision of the same series.
    pub first_count_to_revision_days: Option<i64>,
}

pub fn figures(d: &Dataset) -> Figures {
    let claim = d.exposure.preferred_claim();
    let start = claim
        .map(|c| c.start)
        .or_else(|| d.milestone(Milestone::AccessStart).map(|e| e.date));
    let end = claim
        .map(|c| c.end)
        .or_else(|| d.milestone(Milestone::AccessEnd).map(|e| e.date));
    let detected = d.milestone(Milestone::Detected).map(|e| e.date);
    let disclosed = d.milestone(Milestone::Disclosed).map(|e| e.date);
    let between = |a: Option<_>, b: Option<_>| match (a, b) {
        (Some(a), Some(b)) => Some(days_between(&a, &b)),
        _ => None,
    };
    Figures {
        exposure_days: between(start, end).map(|d| d + 1),
        access_to_detection_days: between(start, detected),
        end_to_detection_days: between(end, detected),
        detection_to_disclosure_days: between(detected, disclosed),
        first_count_to_revision_days: first_count_to_revision(d),
    }
}

/// The series of the first count in the file is the story's headline count: from its earliest
/// reported figure to the first figure that is at least 100 times larger, or else its largest.
fn first_count_to_revision(d: &Dataset) -> Option<i64> {
    let series = &d.counts.first()?.series;
    let indices: Vec<usize> = (0..d.counts.len())
        .filter(|&i| {
            d.counts
                .get(i)
                .is_some_and(|c| &c.series == series && c.status != CountStatus::DisputedClaim)
        })
        .collect();
    let same: Vec<_> = super::sorted_by_key(indices, &|i| {
        d.counts.get(i).map_or(0.0, |c| c.as_of.first_day() as f64)
    })
    .into_iter()
    .filter_map(|i| d.counts.get(i))
    .collect();
    let first = same.first()?;
    let revision = same
        .iter()
        .find(|c| c.value >= first.value.saturating_mul(100))
        .or_else(|| same.iter().max_by_key(|c| c.value))?;
    Some(days_between(&first.as_of, &revision.as_of))
}
