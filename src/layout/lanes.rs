//! The events of one lane, packed into rows so that no two labels overlap. A lane with more
//! events than fit readably at the width (more than [`MAX_ROWS`] rows or [`MAX_MARKS`] marks)
//! draws its crowded stretches as clusters: one mark for each run of events close together in
//! time, labelled with their count and dates ("42 events, 3–9 Nov 2025"), which the pointer and
//! the keyboard reach like an event. Every event is drawn either as itself or inside exactly one
//! cluster. The work is linear in the lane's events (times the few rounds clustering takes),
//! and what is drawn is bounded whatever the number of events or the width.

use super::axis::PAD;
use super::measure::{shorten, TextMeasure};
use super::scale::TimeScale;
use super::{within, Anchor, Hit, Mark, Paint, TEXT};
use crate::describe::clusters;
use crate::model::{Lane, Lang, Story, StoryDate};
use std::ops::Range;

pub const MARKER_R: f64 = 6.0;
/// Rows are 28 px so each event's target is at least 24×24 px (WCAG 2.5.8).
pub const ROW_H: f64 = 28.0;

/// Where one event ended up.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub event: usize,
    pub x: f64,
    pub y: f64,
    /// The label as drawn (maybe shortened).
    pub label: String,
    /// Horizontal extent of marker, span and label together.
    pub x0: f64,
    pub x1: f64,
}

/// Several events of one lane drawn as one mark, where they are too crowded to draw one by one.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// Its events, in time order (never empty).
    pub events: Vec<usize>,
    pub lane: Lane,
    /// The earliest of its events' dates and the latest: the span its label says.
    pub from: StoryDate,
    pub to: StoryDate,
    /// The bar, from its first event's marker to its last, and its row's centre.
    pub x: f64,
    pub x_end: f64,
    pub y: f64,
    /// The label as drawn (maybe shortened).
    pub label: String,
    /// Horizontal extent of bar and label together.
    pub x0: f64,
    pub x1: f64,
}

/// The number a cluster answers to in the scene's hits and the keyboard's order: after every
/// event's own index, by its first event, so it stays the same across re-layouts as long as the
/// cluster starts with the same event.
pub fn cluster_id(events_total: usize, first_event: usize) -> usize {
    events_total.saturating_add(first_event)
}

/// A lane draws its events one by one only within these: more rows would make a lane taller
/// than a phone's screen, more marks a drawing nobody reads and a page that grows with the
/// data. (The datasets in `data/` need at most 12 rows, at 200 px, and 12 marks a lane.)
const MAX_ROWS: usize = 16;
const MAX_MARKS: usize = 48;
/// A crowded lane's clusters take fewer rows and marks, whatever the width or the data.
const CLUSTERED_ROWS: usize = 6;
const MAX_CLUSTERED_MARKS: usize = 32;
/// Events closer than this many px share a cluster; doubled until the lane fits.
const MIN_GROUP_PX: f64 = 24.0;
/// Doublings tried before the whole lane becomes one cluster (24 px × 2³⁰ is wider than any
/// screen; the bound is for widths that are not numbers).
const MAX_ROUNDS: usize = 30;
const LABEL_GAP: f64 = 6.0;

/// What every lane is laid out with.
pub(super) struct Ctx<'a> {
    pub d: &'a Story,
    pub lang: Lang,
    pub scale: &'a TimeScale,
    pub width: f64,
    pub m: &'a dyn TextMeasure,
}

/// What one lane draws, its rows' centres starting at the `rows_top` it was given.
#[derive(Default)]
pub(super) struct LaneMarks {
    pub marks: Vec<Mark>,
    pub hits: Vec<Hit>,
    pub placed: Vec<Placed>,
    pub clusters: Vec<Cluster>,
    pub rows: usize,
}

/// Lays out a lane's events (`in_lane`, in time order): each as itself when they fit, else
/// with crowded stretches as clusters.
pub(super) fn lay_out(ctx: &Ctx, lane: Lane, in_lane: &[usize], rows_top: f64) -> LaneMarks {
    let one_by_one: Vec<Range<usize>> = (0..in_lane.len()).map(|k| k..k + 1).collect();
    if in_lane.len() <= MAX_MARKS {
        if let Some(marks) = pack(ctx, lane, in_lane, &one_by_one, MAX_ROWS, rows_top) {
            return marks;
        }
    }
    let xs: Vec<f64> = in_lane
        .iter()
        .map(|&i| ctx.d.events.get(i).map_or(PAD, |e| ctx.anchor(&e.date)))
        .collect();
    let mut gap = MIN_GROUP_PX;
    for _ in 0..MAX_ROUNDS {
        if let Some(groups) = runs(&xs, gap, MAX_CLUSTERED_MARKS) {
            if let Some(marks) = pack(ctx, lane, in_lane, &groups, CLUSTERED_ROWS, rows_top) {
                return marks;
            }
        }
        gap *= 2.0;
    }
    // The whole lane as one mark, which always fits.
    let whole_lane = std::iter::once(0..in_lane.len()).collect::<Vec<_>>();
    pack(ctx, lane, in_lane, &whole_lane, 1, rows_top).unwrap_or_default()
}

/// Runs of events (indices into `xs`, in order) each spanning less than `gap` px from its
/// first event; `None` when there would be more than `limit`.
fn runs(xs: &[f64], gap: f64, limit: usize) -> Option<Vec<Range<usize>>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (k, x) in xs.iter().enumerate().skip(1) {
        // A position that is not a number starts a run of its own.
        let first = xs.get(start).copied().unwrap_or(*x);
        let near = (x - first).partial_cmp(&gap) == Some(std::cmp::Ordering::Less);
        if !near {
            out.push(start..k);
            start = k;
            if out.len() >= limit {
                return None;
            }
        }
    }
    if start < xs.len() {
        out.push(start..xs.len());
    }
    Some(out)
}

/// The rows of a lane: in each, the extents already placed (with what they belong to), sorted.
/// Extents in a row never overlap, so sorted by start they are sorted by end too, and a new one
/// can only collide with the first that ends after it starts: a binary search, not a scan.
struct Rows {
    rows: Vec<Vec<Extent>>,
    max: usize,
}

#[derive(Clone, Copy)]
struct Extent {
    x0: f64,
    x1: f64,
    /// Which shape of the lane it is.
    shape: usize,
}

impl Rows {
    /// The first row where `e` keeps [`LABEL_GAP`] from everything, opening a row if none has
    /// room and `max` allows; `None` when it does not.
    fn place(&mut self, e: Extent) -> Option<usize> {
        for (k, row) in self.rows.iter_mut().enumerate() {
            let at = row.partition_point(|r| e.x0 >= r.x1 + LABEL_GAP);
            if row.get(at).is_none_or(|r| e.x1 + LABEL_GAP <= r.x0) {
                row.insert(at, e);
                return Some(k);
            }
        }
        if self.rows.len() >= self.max {
            return None;
        }
        self.rows.push(vec![e]);
        Some(self.rows.len() - 1)
    }
}

/// An event or a cluster, ready to draw once its row is known.
enum Shape {
    Event(EventShape),
    Cluster(ClusterShape),
}

impl Shape {
    fn label(&self) -> &Beside {
        match self {
            Shape::Event(s) => &s.label,
            Shape::Cluster(s) => &s.label,
        }
    }
}

/// Lays out `groups` (runs of `in_lane`, in time order) in at most `max_rows` rows: a run of
/// one as its event, a longer one as a cluster. `None` when they do not fit.
fn pack(
    ctx: &Ctx,
    lane: Lane,
    in_lane: &[usize],
    groups: &[Range<usize>],
    max_rows: usize,
    rows_top: f64,
) -> Option<LaneMarks> {
    let mut rows = Rows {
        rows: Vec::new(),
        max: max_rows,
    };
    let mut shapes = Vec::with_capacity(groups.len());
    let mut row_of = Vec::with_capacity(groups.len());
    for group in groups {
        let shape = match in_lane.get(group.clone()).unwrap_or_default() {
            [] => None,
            [one] => event_shape(ctx, *one).map(Shape::Event),
            many => cluster_shape(ctx, many).map(Shape::Cluster),
        };
        let Some(shape) = shape else { continue };
        let (x0, x1) = (shape.label().x0, shape.label().x1);
        let shape_at = shapes.len();
        row_of.push(rows.place(Extent {
            x0,
            x1,
            shape: shape_at,
        })?);
        shapes.push(shape);
    }
    widen_cluster_labels(ctx, &mut rows, &mut shapes);
    let mut out = LaneMarks {
        rows: rows.rows.len(),
        ..LaneMarks::default()
    };
    for (shape, row) in shapes.into_iter().zip(row_of) {
        let ry = rows_top + row as f64 * ROW_H;
        match shape {
            Shape::Event(s) => draw_event(s, lane, ry, &mut out),
            Shape::Cluster(s) => draw_cluster(ctx, s, lane, ry, &mut out),
        }
    }
    Some(out)
}

/// Clusters are packed with their count alone ("42 events"), so crowded stretches split finely;
/// then each says its dates too ("42 events, 3–9 Nov 2025") wherever its row has room for them
/// between its neighbours.
fn widen_cluster_labels(ctx: &Ctx, rows: &mut Rows, shapes: &mut [Shape]) {
    for row in &mut rows.rows {
        for k in 0..row.len() {
            let Some(Extent { shape, .. }) = row.get(k).copied() else {
                continue;
            };
            let Some(Shape::Cluster(c)) = shapes.get_mut(shape) else {
                continue;
            };
            let left = k
                .checked_sub(1)
                .and_then(|j| row.get(j))
                .map_or(PAD, |r| r.x1 + LABEL_GAP);
            let right = row.get(k + 1).map_or(ctx.width - PAD, |r| r.x0 - LABEL_GAP);
            let centre = (c.lo + c.hi) / 2.0;
            if let Some(wide) = fitting(ctx, &c.full, true, c.lo, c.hi, centre, left, right) {
                if let Some(r) = row.get_mut(k) {
                    (r.x0, r.x1) = (wide.x0, wide.x1);
                }
                c.label = wide;
            }
        }
    }
}

impl Ctx<'_> {
    fn x(&self, day: f64) -> f64 {
        within(self.scale.x(day), PAD, self.width - PAD)
    }
    /// Where a date's marker sits: its middle, so a month-only date is drawn mid-month.
    fn anchor(&self, date: &StoryDate) -> f64 {
        self.x(date.middle(self.d.zone.offset))
    }
}

/// A label beside a mark that runs from `lo` to `hi`, and the extent of the two together.
struct Beside {
    text: String,
    anchor: Anchor,
    x: f64,
    x0: f64,
    x1: f64,
}

/// `text` right of the mark if it fits between `left` and `right`, else left of it.
#[allow(clippy::too_many_arguments)]
fn fitting(
    ctx: &Ctx,
    text: &str,
    bold: bool,
    lo: f64,
    hi: f64,
    centre: f64,
    left: f64,
    right: f64,
) -> Option<Beside> {
    let w = ctx.m.width(text, TEXT, bold);
    if w <= right - (hi + 4.0) {
        Some(extent(
            text.to_string(),
            Anchor::Start,
            hi + 4.0,
            w,
            lo,
            hi,
            centre,
        ))
    } else if w <= (lo - 4.0) - left {
        Some(extent(
            text.to_string(),
            Anchor::End,
            lo - 4.0,
            w,
            lo,
            hi,
            centre,
        ))
    } else {
        None
    }
}

/// `text` beside the mark: right of it if it fits, else left, else shortened on the roomier
/// side.
fn beside(ctx: &Ctx, text: &str, bold: bool, lo: f64, hi: f64, centre: f64) -> Beside {
    let (left, right) = (PAD, ctx.width - PAD);
    if let Some(b) = fitting(ctx, text, bold, lo, hi, centre, left, right) {
        return b;
    }
    let (room_right, room_left) = (right - (hi + 4.0), (lo - 4.0) - left);
    let (room, anchor, x) = if room_right >= room_left {
        (room_right, Anchor::Start, hi + 4.0)
    } else {
        (room_left, Anchor::End, lo - 4.0)
    };
    let text = shorten(ctx.m, text, TEXT, bold, room).unwrap_or_default();
    let w = ctx.m.width(&text, TEXT, bold);
    extent(text, anchor, x, w, lo, hi, centre)
}

/// The extent of a mark from `lo` to `hi` and its label of width `w` at `x`, never narrower
/// than a 24 px target around `centre` (WCAG 2.5.8).
fn extent(text: String, anchor: Anchor, x: f64, w: f64, lo: f64, hi: f64, centre: f64) -> Beside {
    let (x0, x1) = match anchor {
        Anchor::End => (x - w, hi),
        _ => (lo, x + w),
    };
    Beside {
        text,
        anchor,
        x,
        x0: x0.min(centre - 12.0),
        x1: x1.max(centre + 12.0),
    }
}

/// One event's mark: its marker, the span to its end, other sources' dates, and its title.
struct EventShape {
    event: usize,
    x: f64,
    span_end: Option<f64>,
    alt_xs: Vec<f64>,
    label: Beside,
}

fn event_shape(ctx: &Ctx, i: usize) -> Option<EventShape> {
    let e = ctx.d.events.get(i)?;
    let zone = ctx.d.zone.offset;
    let x = ctx.anchor(&e.date);
    let span_end = e.end.map(|end| ctx.x(end.end(zone)));
    let alt_xs: Vec<f64> = e.alternatives.iter().map(|a| ctx.anchor(&a.date)).collect();
    let lo = alt_xs.iter().copied().fold(x, f64::min) - MARKER_R;
    let hi = alt_xs.iter().copied().chain(span_end).fold(x, f64::max) + MARKER_R;
    let label = beside(ctx, e.title.get(ctx.lang), false, lo, hi, x);
    Some(EventShape {
        event: i,
        x,
        span_end,
        alt_xs,
        label,
    })
}

fn draw_event(s: EventShape, lane: Lane, ry: f64, out: &mut LaneMarks) {
    let x = s.x;
    if let Some(sx) = s.span_end {
        out.marks.push(Mark::Line {
            x1: x,
            y1: ry,
            x2: sx,
            y2: ry,
            paint: Paint::Lane(lane),
            width: 4.0,
        });
    }
    for ax in &s.alt_xs {
        out.marks.push(Mark::Line {
            x1: x,
            y1: ry,
            x2: *ax,
            y2: ry,
            paint: Paint::Muted,
            width: 1.0,
        });
        out.marks.push(Mark::Circle {
            x: *ax,
            y: ry,
            r: MARKER_R - 1.0,
            fill: Paint::Lane(lane),
            hollow: true,
        });
    }
    out.marks.push(Mark::Circle {
        x,
        y: ry,
        r: MARKER_R,
        fill: Paint::Lane(lane),
        hollow: false,
    });
    let Beside {
        text,
        anchor,
        x: lx,
        x0,
        x1,
    } = s.label;
    out.marks.push(Mark::Text {
        x: lx,
        y: ry,
        text: text.clone(),
        size: TEXT,
        anchor,
        paint: Paint::Ink,
        bold: false,
    });
    out.hits.push(Hit {
        item: s.event,
        x: x0,
        y: ry - ROW_H / 2.0,
        w: x1 - x0,
        h: ROW_H,
    });
    out.placed.push(Placed {
        event: s.event,
        x,
        y: ry,
        label: text,
        x0,
        x1,
    });
}

/// The story's latest event where it falls after the view: drawn at the view's right edge in its
/// lane's colour, its date in the label since no axis places it, and selectable like any event.
pub(super) fn latest(ctx: &Ctx, event: usize, ry: f64) -> LaneMarks {
    let mut out = LaneMarks {
        rows: 1,
        ..LaneMarks::default()
    };
    let Some(e) = ctx.d.events.get(event) else {
        return out;
    };
    let x = ctx.width - PAD - MARKER_R;
    let text = crate::describe::latest_label(ctx.d, ctx.lang, event);
    let label = beside(ctx, &text, false, x - MARKER_R, x + MARKER_R, x);
    let shape = EventShape {
        event,
        x,
        span_end: None,
        alt_xs: Vec::new(),
        label,
    };
    draw_event(shape, e.lane, ry, &mut out);
    out
}

/// A cluster's mark: a bar from its first event to its last, and its count and dates.
struct ClusterShape {
    events: Vec<usize>,
    from: StoryDate,
    to: StoryDate,
    /// The bar's ends.
    lo: f64,
    hi: f64,
    label: Beside,
    /// The label with its dates, drawn instead where there is room.
    full: String,
}

fn cluster_shape(ctx: &Ctx, events: &[usize]) -> Option<ClusterShape> {
    let zone = ctx.d.zone.offset;
    let dates: Vec<&StoryDate> = events
        .iter()
        .filter_map(|&i| ctx.d.events.get(i))
        .map(|e| &e.date)
        .collect();
    // What the label says: from the earliest start of its events' dates to the latest end.
    let from = dates
        .iter()
        .copied()
        .min_by(|a, b| a.start(zone).total_cmp(&b.start(zone)));
    let to = dates
        .iter()
        .copied()
        .max_by(|a, b| a.end(zone).total_cmp(&b.end(zone)));
    let (from, to) = (*from?, *to?);
    // The bar runs between the first and the last marker (the events are in time order).
    let first = dates.first().map_or(PAD, |d| ctx.anchor(d));
    let last = dates.last().map_or(first, |d| ctx.anchor(d));
    let (lo, hi) = (first - MARKER_R, last.max(first) + MARKER_R);
    let n = events.len();
    let full = clusters::cluster_label(ctx.lang, n, &from, &to);
    let count = clusters::event_count(ctx.lang, n);
    let label = beside(ctx, &count, true, lo, hi, (lo + hi) / 2.0);
    Some(ClusterShape {
        events: events.to_vec(),
        from,
        to,
        lo,
        hi,
        label,
        full,
    })
}

fn draw_cluster(ctx: &Ctx, s: ClusterShape, lane: Lane, ry: f64, out: &mut LaneMarks) {
    out.marks.push(Mark::Rect {
        x: s.lo,
        y: ry - MARKER_R,
        w: s.hi - s.lo,
        h: 2.0 * MARKER_R,
        fill: Paint::Lane(lane),
    });
    let Beside {
        text,
        anchor,
        x,
        x0,
        x1,
    } = s.label;
    out.marks.push(Mark::Text {
        x,
        y: ry,
        text: text.clone(),
        size: TEXT,
        anchor,
        paint: Paint::Ink,
        bold: true,
    });
    let first = s.events.first().copied().unwrap_or_default();
    out.hits.push(Hit {
        item: cluster_id(ctx.d.events.len(), first),
        x: x0,
        y: ry - ROW_H / 2.0,
        w: x1 - x0,
        h: ROW_H,
    });
    out.clusters.push(Cluster {
        events: s.events,
        lane,
        from: s.from,
        to: s.to,
        x: s.lo,
        x_end: s.hi,
        y: ry,
        label: text,
        x0,
        x1,
    });
}
