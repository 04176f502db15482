//! The timeline: a time axis, the exposure window as a band (with any earlier start another
//! source gives), and the events on lanes with labels packed into rows so none overlap
//! (crowded stretches drawn as clusters: see [`lanes`](super::lanes)).
//!
//! This file lays the scene out (band, gap, lanes); `view` works out which stretch of time a
//! view shows and where a zoom goes, `gaps` draws the bracket from end of access to detection,
//! and `selection` answers what the page asks of a laid-out timeline (the ring, the keyboard).

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
use crate::model::{Bound, End, Lane, Lang, Precision, Story};

mod gaps;
mod selection;
mod view;

use gaps::gaps;
use selection::keyboard_order;
pub use view::{domain, zoom};

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
