//! What the page asks of a laid-out timeline: the ring around a selected mark, and the
//! keyboard's walk through the marks in time order.

use super::{cluster_id, Cluster, Placed, Timeline, MARKER_R};
use crate::layout::{Mark, Paint, Scene};
use crate::model::Story;

/// Events and clusters in time order (a cluster at its first event), for the keyboard.
pub(super) fn keyboard_order(d: &Story, placed: &[Placed], clusters: &[Cluster]) -> Vec<usize> {
    let zone = d.zone.offset;
    let n = d.events.len();
    let firsts = clusters.iter().filter_map(|c| c.events.first().copied());
    let ids: Vec<usize> = placed
        .iter()
        .map(|p| p.event)
        .chain(firsts.map(|f| cluster_id(n, f)))
        .collect();
    let when = |id: usize| {
        let event = if id < n { id } else { id - n };
        d.events.get(event).map_or(0.0, |e| e.date.middle(zone))
    };
    let keyed = crate::model::sorted_by_key((0..ids.len()).collect(), &|k| {
        ids.get(k).map_or(0.0, |&id| when(id))
    });
    keyed
        .into_iter()
        .filter_map(|k| ids.get(k).copied())
        .collect()
}

impl Timeline {
    /// The scene with a ring around the mark with this id (an event's index, or a cluster's
    /// [`cluster_id`]).
    pub fn with_selection(&self, mark: Option<usize>) -> Scene {
        let mut scene = self.scene.clone();
        let event = mark.and_then(|e| self.placed.iter().find(|p| p.event == e));
        if let Some(p) = event {
            scene.marks.push(Mark::Circle {
                x: p.x,
                y: p.y,
                r: MARKER_R + 4.0,
                fill: Paint::Ink,
                hollow: true,
            });
        } else if let Some(c) = mark.and_then(|id| self.cluster(id)) {
            // An outline only: a filled ring would cut into the bar.
            scene.marks.push(Mark::Ring {
                x: (c.x + c.x_end) / 2.0,
                y: c.y,
                r: MARKER_R + 4.0,
                paint: Paint::Ink,
                width: 2.0,
            });
        }
        scene
    }

    /// The mark before or after `mark` in time order (arrow keys), clamped at the ends.
    pub fn step(&self, mark: Option<usize>, delta: isize) -> Option<usize> {
        let n = self.order.len();
        if n == 0 {
            return None;
        }
        let at = mark.and_then(|m| self.order.iter().position(|&o| o == m));
        let next = match at {
            None if delta < 0 => n - 1,
            None => 0,
            Some(i) => (i as isize + delta).clamp(0, n as isize - 1) as usize,
        };
        self.order.get(next).copied()
    }

    /// The cluster with this id, if it is one.
    pub fn cluster(&self, id: usize) -> Option<&Cluster> {
        let first = id.checked_sub(self.events_total)?;
        self.clusters
            .iter()
            .find(|c| c.events.first() == Some(&first))
    }

    /// The id of the mark that shows `event`: its own, or its cluster's; `None` when the view
    /// leaves it out.
    pub fn holding(&self, event: usize) -> Option<usize> {
        if self.placed.iter().any(|p| p.event == event) {
            return Some(event);
        }
        self.clusters
            .iter()
            .find(|c| c.events.contains(&event))
            .and_then(|c| c.events.first())
            .map(|&first| cluster_id(self.events_total, first))
    }

    /// How many events the view shows, as themselves or in clusters.
    pub fn events_shown(&self) -> usize {
        self.placed.len() + self.clusters.iter().map(|c| c.events.len()).sum::<usize>()
    }
}
