//! The timeline: a time axis, the exposure window as a band (with any earlier start another
//! source gives), and the events on lanes with labels packed into rows so none overlap
//! (crowded stretches drawn as clusters: see [`lanes`](super::lanes)).

pub use super::axis::tick_label;
pub use super::axis::PAD;
use super::axis::{axis, AXIS_Y};
// Where events and clusters end up, and the row size, belong to the lanes; named here too.
use super::lanes::{self, Ctx};
pub use super::lanes::{cluster_id, Cluster, Placed, MARKER_R, ROW_H};
use super::measure::{shorten, TextMeasure};
use super::scale::TimeScale;
use super::{within, Anchor, Mark, Paint, Scene, SMALL, TEXT};
use crate::describe;
use crate::i18n;
use crate::model::date::days_from_civil;
use crate::model::{Bound, Claim, End, Lane, Lang, Milestone, Precision, Story, StoryDate};

/// Which stretch of time the timeline shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// From the month the access started to the month after the first response.
    Window,
    /// Everything from the earliest attack activity to the latest event.
    Story,
    /// Zoomed in on a cluster's dates: whole days since 1970-01-01, `from` to `to`.
    Span { from: i64, to: i64 },
}

const BAND_LABEL_Y: f64 = 46.0;
const UNCERTAIN_LABEL_Y: f64 = 64.0;
const GAP_Y: f64 = 84.0;
const LANES_TOP: f64 = 100.0;
const LANE_HEADING_H: f64 = 20.0;
const LANE_GAP: f64 = 10.0;

#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub scene: Scene,
    /// Events drawn as themselves, in time order.
    pub placed: Vec<Placed>,
    /// Events drawn together, lane by lane.
    pub clusters: Vec<Cluster>,
    /// Every mark the keyboard reaches, in time order: an event's index, or a cluster's
    /// [`cluster_id`].
    pub order: Vec<usize>,
    /// How many events the dataset has (what cluster ids count from).
    pub events_total: usize,
    pub view: View,
    pub scale: TimeScale,
}

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

/// Where a bounded or open edge of the band is drawn.
#[derive(Clone, Copy, PartialEq)]
enum EdgeDraw {
    /// A date: the band ends there.
    Closed,
    /// May lie further out (a start "no later than", an end "no earlier than", an end that
    /// may be continuing): the band fades on with an arrowhead.
    Open,
    /// Ended at a time not known, or an end the sources do not state: a dashed end.
    Dashed,
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

/// Lays the timeline out at `width` CSS px.
pub fn layout(d: &Story, lang: Lang, width: f64, view: View, m: &dyn TextMeasure) -> Timeline {
    let width = width.max(200.0);
    let zone = d.zone.offset;
    let (d0, d1) = domain(d, view);
    let scale = TimeScale::new(d0, d1, PAD, width - PAD);
    let mut marks = Vec::new();
    let mut hits = Vec::new();

    axis(&mut marks, &scale, lang, m);

    // The band, drawn first so everything else sits on top of it.
    let band_top = AXIS_Y + 4.0;
    let band_mark_at = marks.len();
    if let Some(claim) = d.exposure.preferred_claim() {
        // The outer extent (earliest to latest the access may have run, within the axis) and
        // the part known for certain, by each end's form.
        const OPEN_PX: f64 = 28.0;
        let clampx = |x: f64| within(x, PAD, width - PAD);
        let sd = claim.start.date();
        let (bx0, start_draw, known_from) = match claim.start {
            Bound::On(_) => (clampx(scale.x(sd.start(zone))), EdgeDraw::Closed, Some(sd)),
            Bound::NoLaterThan(_) => (
                clampx(scale.x(sd.start(zone)) - OPEN_PX),
                EdgeDraw::Open,
                Some(sd),
            ),
            // Began then or later: nothing before the end is certain.
            Bound::NoEarlierThan(_) => (clampx(scale.x(sd.start(zone))), EdgeDraw::Closed, None),
        };
        let (bx1, end_draw, known_to) = match claim.end {
            End::At(Bound::On(e)) => (clampx(scale.x(e.end(zone))), EdgeDraw::Closed, Some(e)),
            End::At(Bound::NoLaterThan(e)) => {
                (clampx(scale.x(e.end(zone))), EdgeDraw::Closed, None)
            }
            End::At(Bound::NoEarlierThan(e)) => (
                clampx(scale.x(e.end(zone)) + OPEN_PX),
                EdgeDraw::Open,
                Some(e),
            ),
            End::Ongoing => (width - PAD, EdgeDraw::Open, None),
            End::Unknown | End::NotStated => (width - PAD, EdgeDraw::Dashed, None),
        };
        let room = width - PAD - bx0 - 4.0;
        let labels = describe::band_label(d, lang);
        let label = labels
            .iter()
            .find(|l| m.width(l, TEXT, true) <= room)
            .cloned()
            .or_else(|| shorten(m, labels.last()?, TEXT, true, room))
            .unwrap_or_default();
        let anchor_x = if bx0 + 4.0 + m.width(&label, TEXT, true) <= width - PAD {
            bx0 + 4.0
        } else {
            PAD
        };
        marks.push(Mark::Text {
            x: anchor_x,
            y: BAND_LABEL_Y,
            text: label,
            size: TEXT,
            anchor: Anchor::Start,
            paint: Paint::Ink,
            bold: true,
        });
        // Other claims that start earlier: a distinct, labelled extension.
        let earliest = d
            .exposure
            .current()
            .filter(|c| c.start.date().start(zone) < sd.start(zone))
            .min_by(|a, b| {
                a.start
                    .date()
                    .start(zone)
                    .total_cmp(&b.start.date().start(zone))
            });
        if let Some(other) = earliest {
            let ux0 = within(scale.x(other.start.date().start(zone)), PAD, width - PAD);
            let text = describe::other_claim_label(d, lang, other);
            let clipped = scale.x(other.start.date().start(zone)) < PAD;
            let text = if clipped { format!("← {text}") } else { text };
            let text = shorten(m, &text, SMALL, false, width - PAD - ux0).unwrap_or_default();
            marks.push(Mark::Text {
                x: ux0,
                y: UNCERTAIN_LABEL_Y,
                text,
                size: SMALL,
                anchor: Anchor::Start,
                paint: Paint::Muted,
                bold: false,
            });
            marks.insert(
                band_mark_at,
                Mark::Rect {
                    x: ux0,
                    y: band_top,
                    w: (bx0 - ux0).max(0.0),
                    h: 0.0, // set below, once the lanes' height is known
                    fill: Paint::BandUncertain,
                },
            );
        }
        // Solid only where access is known: an end given as a month or a year is drawn in the
        // lighter fill across that period, never as if it began on the 1st.
        // Where an edge is only a bound the other way (or open), nothing is solid.
        let (sx0, sx1) = match (known_from, known_to) {
            (Some(from), Some(to)) => {
                let known_from = if from.precision < Precision::Day {
                    from.end(zone)
                } else {
                    from.start(zone)
                };
                let known_to = if to.precision < Precision::Day {
                    to.start(zone)
                } else {
                    to.end(zone)
                };
                (clampx(scale.x(known_from)), clampx(scale.x(known_to)))
            }
            _ => (bx0, bx0),
        };
        if sx1 > sx0 {
            marks.insert(
                band_mark_at,
                Mark::Rect {
                    x: sx0,
                    y: band_top,
                    w: sx1 - sx0,
                    h: 0.0,
                    fill: Paint::Band,
                },
            );
        }
        if sx0 > bx0 || sx1 < bx1 || sx1 <= sx0 {
            marks.insert(
                band_mark_at,
                Mark::Rect {
                    x: bx0,
                    y: band_top,
                    w: (bx1 - bx0).max(1.0),
                    h: 0.0,
                    fill: Paint::BandUncertain,
                },
            );
        }
        // The ends' forms, drawn beside the band's top: an arrowhead where it may run on, a
        // dashed line where it ended at a time not known.
        let y = band_top + 6.0;
        for (x, draw, dir) in [(bx0, start_draw, -1.0), (bx1, end_draw, 1.0)] {
            match draw {
                EdgeDraw::Closed => {}
                EdgeDraw::Open => {
                    for dy in [-4.0, 4.0] {
                        marks.push(Mark::Line {
                            x1: x,
                            y1: y,
                            x2: x - dir * 6.0,
                            y2: y + dy,
                            paint: Paint::Ink,
                            width: 2.0,
                        });
                    }
                }
                EdgeDraw::Dashed => {
                    for k in 0..3 {
                        let y0 = band_top + f64::from(k) * 8.0;
                        marks.push(Mark::Line {
                            x1: x,
                            y1: y0,
                            x2: x,
                            y2: y0 + 4.0,
                            paint: Paint::Ink,
                            width: 2.0,
                        });
                    }
                }
            }
        }
    }

    gaps(&mut marks, d, lang, &scale, width, m);

    // Lanes, in a fixed order; each gets as many rows as its labels need.
    let mut by_lane: Vec<Vec<usize>> = Lane::ALL.iter().map(|_| Vec::new()).collect();
    for i in d.in_time_order.iter().copied() {
        let Some(e) = d.events.get(i) else { continue };
        let (s, t) = (e.date.start(zone), e.end.unwrap_or(e.date).end(zone));
        let lane_at = Lane::ALL.iter().position(|l| *l == e.lane);
        if let (true, Some(list)) = (t > d0 && s < d1, lane_at.and_then(|k| by_lane.get_mut(k))) {
            list.push(i);
        }
    }
    let ctx = Ctx {
        d,
        lang,
        scale: &scale,
        width,
        m,
    };
    let mut placed = Vec::new();
    let mut clusters = Vec::new();
    let mut y = LANES_TOP;
    for (lane, in_lane) in Lane::ALL.into_iter().zip(&by_lane) {
        if in_lane.is_empty() {
            continue;
        }
        lane_heading(&mut marks, y, i18n::lane(lang, lane), width, m);
        let rows_top = y + LANE_HEADING_H + ROW_H / 2.0;
        let lane_marks = lanes::lay_out(&ctx, lane, in_lane, rows_top);
        marks.extend(lane_marks.marks);
        hits.extend(lane_marks.hits);
        placed.extend(lane_marks.placed);
        clusters.extend(lane_marks.clusters);
        y = rows_top - ROW_H / 2.0 + lane_marks.rows as f64 * ROW_H + LANE_GAP;
    }
    let band_bottom = y;
    // The exposure window of a story that has moved on still shows its newest news.
    if let (View::Window, Some((latest, later))) = (view, latest_after(d, d1)) {
        lane_heading(
            &mut marks,
            y,
            &describe::latest_heading(lang, later),
            width,
            m,
        );
        let row = lanes::latest(&ctx, latest, y + LANE_HEADING_H + ROW_H / 2.0);
        marks.extend(row.marks);
        hits.extend(row.hits);
        placed.extend(row.placed);
        y += LANE_HEADING_H + ROW_H + LANE_GAP;
    }
    let height = y + 4.0;
    for mark in &mut marks {
        if let Mark::Rect {
            h,
            y: top,
            fill: Paint::Band | Paint::BandUncertain,
            ..
        } = mark
        {
            *h = band_bottom - *top;
        }
    }
    // Placed lane by lane; the keyboard walks them in the list's time order (a month-only
    // date sits at the middle of its month, where it is drawn).
    let order = crate::model::sorted_by_key((0..placed.len()).collect(), &|k| {
        placed
            .get(k)
            .and_then(|p| d.events.get(p.event))
            .map_or(0.0, |e| e.date.middle(zone))
    });
    let mut slots: Vec<Option<Placed>> = placed.into_iter().map(Some).collect();
    let placed: Vec<Placed> = order
        .into_iter()
        .filter_map(|k| slots.get_mut(k).and_then(Option::take))
        .collect();
    let events_total = d.events.len();
    let order = keyboard_order(d, &placed, &clusters);
    Timeline {
        scene: Scene {
            width,
            height,
            marks,
            hits,
        },
        placed,
        clusters,
        order,
        events_total,
        view,
        scale,
    }
}

/// A lane's rule and its heading, at `y`.
fn lane_heading(marks: &mut Vec<Mark>, y: f64, heading: &str, width: f64, m: &dyn TextMeasure) {
    marks.push(Mark::Line {
        x1: PAD,
        y1: y,
        x2: width - PAD,
        y2: y,
        paint: Paint::Grid,
        width: 1.0,
    });
    marks.push(Mark::Text {
        x: PAD,
        y: y + LANE_HEADING_H / 2.0 + 1.0,
        text: shorten(m, heading, SMALL, true, width - 2.0 * PAD).unwrap_or_default(),
        size: SMALL,
        anchor: Anchor::Start,
        paint: Paint::Muted,
        bold: true,
    });
}

/// The story's latest event when it begins after `view_end`, and how many events do.
fn latest_after(d: &Story, view_end: f64) -> Option<(usize, usize)> {
    let zone = d.zone.offset;
    let after: Vec<usize> = d
        .in_time_order
        .iter()
        .copied()
        .filter(|&i| {
            d.events
                .get(i)
                .is_some_and(|e| e.date.start(zone) >= view_end)
        })
        .collect();
    Some((*after.last()?, after.len()))
}

/// Events and clusters in time order (a cluster at its first event), for the keyboard.
fn keyboard_order(d: &Story, placed: &[Placed], clusters: &[Cluster]) -> Vec<usize> {
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

/// The gap from the end of access to detection and on to disclosure: a bracket with ticks at
/// each milestone and one label, so the reader sees how long nobody noticed.
fn gaps(
    marks: &mut Vec<Mark>,
    d: &Story,
    lang: Lang,
    scale: &TimeScale,
    width: f64,
    m: &dyn TextMeasure,
) {
    let zone = d.zone.offset;
    let (Some(claim), Some(detected), Some(text)) = (
        d.exposure.preferred_claim(),
        d.milestone(Milestone::Detected),
        describe::gap_label(d, lang),
    ) else {
        return;
    };
    // A bracket from the end of access forward to detection only when both are known to the
    // day and in that order; otherwise the drawing would show a precision or an order the
    // sources do not give (the key figures and the text alternative say what is known).
    let ordered = d
        .figures
        .end_to_detection
        .and_then(|s| s.days())
        .is_some_and(|n| n >= 0);
    if !ordered {
        return;
    }
    let Some(end) = claim.end.exact() else {
        return;
    };
    let inside = |x: f64| x >= PAD && x <= width - PAD;
    let xe = scale.x(end.end(zone));
    let xd = scale.x(detected.date.middle(zone));
    if !inside(xe) || !inside(xd) {
        return;
    }
    let disclosed = d
        .milestone(Milestone::Disclosed)
        .map(|e| scale.x(e.date.middle(zone)));
    let right = disclosed.filter(|x| inside(*x)).map_or(xd, |x| x.max(xd));
    marks.push(Mark::Line {
        x1: xe,
        y1: GAP_Y,
        x2: right,
        y2: GAP_Y,
        paint: Paint::Ink,
        width: 2.0,
    });
    for x in [Some(xe), Some(xd), disclosed.filter(|x| inside(*x))]
        .into_iter()
        .flatten()
    {
        marks.push(Mark::Line {
            x1: x,
            y1: GAP_Y - 5.0,
            x2: x,
            y2: GAP_Y + 5.0,
            paint: Paint::Ink,
            width: 2.0,
        });
    }
    let w = m.width(&text, SMALL, false);
    let (room_left, room_right) = (xe - 6.0 - PAD, width - PAD - (right + 6.0));
    let (x, anchor, max) = if w <= room_left || room_left >= room_right {
        (xe - 6.0, Anchor::End, room_left)
    } else {
        (right + 6.0, Anchor::Start, room_right)
    };
    if let Some(text) = shorten(m, &text, SMALL, false, max) {
        marks.push(Mark::Text {
            x,
            y: GAP_Y,
            text,
            size: SMALL,
            anchor,
            paint: Paint::Ink,
            bold: false,
        });
    }
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
