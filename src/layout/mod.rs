//! Pure layout: from a dataset, a language and a width in CSS pixels to a [`Scene`](crate::layout::Scene) of plain
//! marks. No DOM, no clock, no host locale: the same input gives the same scene natively and in
//! the browser, so layout is tested with `cargo test`.

mod axis;
pub mod charts;
mod lanes;
pub mod measure;
pub mod scale;
pub mod timeline;

pub use measure::{CharWidths, TextMeasure};
pub use scale::{LinearScale, LogScale, TimeScale};

/// `x` held between `lo` and `hi`; `lo` wins where they cross (a drawing narrower than its
/// padding). Unlike `f64::clamp` it cannot panic, and its absence of a panic message keeps float
/// formatting (11 KB) out of the wasm.
pub fn within(x: f64, lo: f64, hi: f64) -> f64 {
    x.min(hi).max(lo)
}

/// The widths a drawing is laid out at, in CSS px at the default text size. A figure is laid
/// out at the widest rung its box holds and scaled to fill the box (by less than the step to the
/// next rung). So the static version, drawn once per rung at build time and shown by a container
/// query (`explainer.css`), and the live one, drawn in the browser, show the same drawing at the
/// same height in a box of any width: the swap from one to the other moves nothing. Phones get
/// the closest rungs; each rung costs the static version about 1 KB gzip per figure, so wider
/// boxes scale the widest up rather than add rungs (an article's column is narrower).
pub const TIMELINE_RUNGS: [f64; 8] = [280.0, 320.0, 360.0, 400.0, 480.0, 600.0, 720.0, 960.0];
/// The charts' rungs: their rows change less with the width than the timeline's lanes.
pub const CHART_RUNGS: [f64; 6] = [280.0, 340.0, 400.0, 560.0, 720.0, 960.0];

/// The rung of `rungs` a box `width` px wide (at the default text size) draws at: the widest
/// that fits, the narrowest below it.
pub fn rung(rungs: &[f64], width: f64) -> f64 {
    rungs
        .iter()
        .rev()
        .copied()
        .find(|&r| r <= width)
        .or(rungs.first().copied())
        .unwrap_or(width)
}

/// Semantic colours; `render::Theme` decides the actual colour for light, dark or forced colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    Ink,
    Muted,
    Grid,
    Surface,
    /// The exposure window as the preferred claim states it.
    Band,
    /// An earlier start (or later end) that another source gives.
    BandUncertain,
    /// Markers of events, by lane.
    Lane(crate::model::Lane),
    Accent,
    /// A second part of the same figure (the data-collection part of a fine).
    Accent2,
    /// A party's own disputed claim.
    Disputed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// One drawable thing, in CSS pixels from the scene's top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    Rect {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        fill: Paint,
    },
    Line {
        x1: f64,
        y1: f64,
        x2: f64,
        y2: f64,
        paint: Paint,
        width: f64,
    },
    Circle {
        x: f64,
        y: f64,
        r: f64,
        fill: Paint,
        /// Hollow markers (disputed claims, uncertain dates) are outlined, not filled.
        hollow: bool,
    },
    /// An outline only, drawn over what is below (the selection ring).
    Ring {
        x: f64,
        y: f64,
        r: f64,
        paint: Paint,
        width: f64,
    },
    /// Text whose vertical centre is at `y`.
    Text {
        x: f64,
        y: f64,
        text: String,
        size: f64,
        anchor: Anchor,
        paint: Paint,
        bold: bool,
    },
}

/// A rectangle that answers the pointer: the event or point it stands for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub item: usize,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Hit {
    pub fn contains(&self, px: f64, py: f64) -> bool {
        px >= self.x && px <= self.x + self.w && py >= self.y && py <= self.y + self.h
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scene {
    pub width: f64,
    pub height: f64,
    pub marks: Vec<Mark>,
    pub hits: Vec<Hit>,
}

impl Scene {
    /// The item under a point, preferring the smallest region where targets nest.
    pub fn hit_test(&self, x: f64, y: f64) -> Option<usize> {
        self.hits
            .iter()
            .filter(|h| h.contains(x, y))
            .min_by(|a, b| (a.w * a.h).total_cmp(&(b.w * b.h)))
            .map(|h| h.item)
    }

    /// The same scene moved down by `dy` (to stack it under a title in an export).
    pub fn shifted(&self, dy: f64) -> Scene {
        let marks = self
            .marks
            .iter()
            .cloned()
            .map(|mut m| {
                match &mut m {
                    Mark::Rect { y, .. }
                    | Mark::Circle { y, .. }
                    | Mark::Ring { y, .. }
                    | Mark::Text { y, .. } => *y += dy,
                    Mark::Line { y1, y2, .. } => {
                        *y1 += dy;
                        *y2 += dy;
                    }
                }
                m
            })
            .collect();
        let hits = self
            .hits
            .iter()
            .map(|h| Hit { y: h.y + dy, ..*h })
            .collect();
        Scene {
            width: self.width,
            height: self.height + dy,
            marks,
            hits,
        }
    }

    /// Bounding boxes of every text mark, for overlap checks: (x0, y0, x1, y1).
    pub fn text_boxes(&self, measure: &dyn TextMeasure) -> Vec<(f64, f64, f64, f64)> {
        self.marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text {
                    x,
                    y,
                    text,
                    size,
                    anchor,
                    bold,
                    ..
                } => {
                    let w = measure.width(text, *size, *bold);
                    let x0 = match anchor {
                        Anchor::Start => *x,
                        Anchor::Middle => x - w / 2.0,
                        Anchor::End => x - w,
                    };
                    Some((x0, y - size * 0.6, x0 + w, y + size * 0.6))
                }
                _ => None,
            })
            .collect()
    }
}

/// Type sizes in CSS px. 12 px is the smallest text we draw (WCAG has no minimum, but news
/// readers on phones need it legible).
pub const TEXT: f64 = 13.0;
pub const SMALL: f64 = 12.0;
