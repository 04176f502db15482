//! Rows of text with a mark under each, over gridlines: the shape every count chart shares.
//! Each row names its figure in words; the mark (dot, bar, range or none) only shows it.

use super::{AXIS_Y, BAR_H, DOT_R, LINE_H, PAD, ROW_H};
use crate::layout::measure::{shorten, wrap, TextMeasure};
use crate::layout::{Anchor, Hit, Mark, Paint, Scene, SMALL, TEXT};
use crate::model::Figure;

/// The figure in bold, then its context, each on up to two lines; returns where the mark goes.
fn row_text(
    marks: &mut Vec<Mark>,
    y: f64,
    headline: &str,
    context: &str,
    width: f64,
    m: &dyn TextMeasure,
) -> f64 {
    let max = width - 2.0 * PAD;
    let mut line_y = y + 9.0;
    for (text, size, bold, paint, lines) in [
        (headline, TEXT, true, Paint::Ink, 2),
        (context, SMALL, false, Paint::Muted, context_lines(width)),
    ] {
        for line in wrap(m, text, size, bold, max, lines) {
            marks.push(Mark::Text {
                x: PAD,
                y: line_y,
                text: line,
                size,
                anchor: Anchor::Start,
                paint,
                bold,
            });
            line_y += LINE_H;
        }
    }
    line_y + 4.0 - LINE_H / 2.0 + 8.0
}

/// A row's line of context (what, when, who) on a phone: one line, shortened (the tooltip, the
/// table and the long description have it in full); two where there is room.
fn context_lines(width: f64) -> usize {
    if width < 480.0 {
        1
    } else {
        2
    }
}

/// Rows' heights depend on how their text wraps, so lay the text out first.
fn row_height(headline: &str, context: &str, width: f64, m: &dyn TextMeasure) -> f64 {
    let max = width - 2.0 * PAD;
    let lines = wrap(m, headline, TEXT, true, max, 2).len()
        + wrap(m, context, SMALL, false, max, context_lines(width)).len();
    ROW_H + LINE_H * (lines as f64 - 2.0)
}

/// Axis labels that never collide: (value position, label).
fn grid(marks: &mut Vec<Mark>, ticks: &[(f64, String)], top: f64, width: f64, m: &dyn TextMeasure) {
    let mut right_edge = f64::NEG_INFINITY;
    for (x, text) in ticks {
        let x = *x;
        let w = m.width(text, SMALL, false);
        let (x0, anchor) = if x + w / 2.0 > width - PAD / 2.0 {
            (x - w, Anchor::End)
        } else if x - w / 2.0 < PAD / 2.0 {
            (x, Anchor::Start)
        } else {
            (x - w / 2.0, Anchor::Middle)
        };
        if x0 < right_edge + 8.0 {
            continue;
        }
        right_edge = x0 + w;
        marks.push(Mark::Text {
            x,
            y: top - 8.0,
            text: text.clone(),
            size: SMALL,
            anchor,
            paint: Paint::Muted,
            bold: false,
        });
    }
}

/// A line of text naming the scale, so a log axis is never mistaken for a linear one.
fn scale_note(marks: &mut Vec<Mark>, text: &str, width: f64, m: &dyn TextMeasure) {
    marks.push(Mark::Text {
        x: PAD,
        y: 9.0,
        text: shorten(m, text, SMALL, true, width - 2.0 * PAD).unwrap_or_default(),
        size: SMALL,
        anchor: Anchor::Start,
        paint: Paint::Muted,
        bold: true,
    });
}

/// What a row draws under its text: a dot at a position (hollow for a disputed claim) on a
/// stem from the axis start, or bar segments.
pub(super) enum RowMark {
    Dot {
        x: f64,
        from: f64,
        hollow: bool,
    },
    /// Bars from zero; `open`: the last ends in an arrowhead (a lower bound: the figure may be
    /// larger).
    Bar {
        segments: Vec<(f64, f64, Paint)>,
        open: bool,
    },
    /// A range (or "up to"): a thin bar between two values, capped at both ends.
    Range {
        x0: f64,
        x1: f64,
        paint: Paint,
    },
    /// No figure disclosed: an outlined marker at the start of the axis and no bar (the row's
    /// words say "not disclosed").
    /// No figure: nothing on the axis (zero or the first gridline would read as a value).
    Undisclosed,
}

/// An arrowhead pointing right at `x`: the open end of a lower bound.
fn arrowhead(marks: &mut Vec<Mark>, x: f64, y: f64, paint: Paint) {
    for dy in [-5.0, 5.0] {
        marks.push(Mark::Line {
            x1: x,
            y1: y,
            x2: x - 6.0,
            y2: y + dy,
            paint,
            width: 2.0,
        });
    }
}

/// The mark for a count figure on a scale `px`, from `from` (zero or the axis start): a dot
/// (exact, `dot`) or a bar, a bar with an open end, a range, or the "not disclosed" marker.
pub(super) fn figure_mark(
    f: &Figure,
    px: &dyn Fn(u64) -> f64,
    from: f64,
    dot: Option<bool>,
    paint: Paint,
) -> RowMark {
    match (*f, dot) {
        // A party's claim is one kind of mark whatever its form: a hollow dot at the figure it
        // names (its lower end), never a bar or an arrow that reads as a reported bound.
        (f, Some(true)) if f.extent().is_some() => RowMark::Dot {
            x: px(f.extent().map_or(0, |(low, _)| low)),
            from,
            hollow: true,
        },
        (Figure::Exact(n), Some(hollow)) => RowMark::Dot {
            x: px(n),
            from,
            hollow,
        },
        (Figure::Exact(n), None) => RowMark::Bar {
            segments: vec![(from, px(n), paint)],
            open: false,
        },
        (Figure::AtLeast(n), _) => RowMark::Bar {
            segments: vec![(from, px(n), paint)],
            open: true,
        },
        (Figure::AtMost(n), _) => RowMark::Range {
            x0: from,
            x1: px(n),
            paint,
        },
        (Figure::Between(low, high), _) => RowMark::Range {
            x0: px(low),
            x1: px(high),
            paint,
        },
        (Figure::NotDisclosed, _) => RowMark::Undisclosed,
    }
}

pub(super) struct RowSpec {
    pub(super) item: usize,
    pub(super) headline: String,
    pub(super) context: String,
    pub(super) mark: RowMark,
    /// Earlier figures of the same amount, since revised: rings on the row.
    pub(super) earlier: Vec<f64>,
}

/// Rows of text with a mark under each, over gridlines: the shape of the count charts.
pub(super) fn rows_chart(
    rows: Vec<RowSpec>,
    note: &str,
    ticks: &[(f64, String)],
    width: f64,
    m: &dyn TextMeasure,
) -> Scene {
    let mut marks = Vec::new();
    let mut hits = Vec::new();
    let top = AXIS_Y + 8.0;
    let heights: Vec<f64> = rows
        .iter()
        .map(|r| row_height(&r.headline, &r.context, width, m))
        .collect();
    let bottom = top + heights.iter().sum::<f64>();
    scale_note(&mut marks, note, width, m);
    grid(&mut marks, ticks, AXIS_Y + 4.0, width, m);
    let mut y = top;
    for (row, h) in rows.iter().zip(heights) {
        let mark_y = row_text(&mut marks, y, &row.headline, &row.context, width, m) + 2.0;
        // Gridlines only behind the marks, never through the text; none in a row without a
        // figure, whose words say "not disclosed" and whose axis place would read as a value.
        let undisclosed = matches!(row.mark, RowMark::Undisclosed);
        for (x, _) in ticks.iter().filter(|_| !undisclosed) {
            marks.push(Mark::Line {
                x1: *x,
                y1: mark_y - 10.0,
                x2: *x,
                y2: mark_y + 10.0,
                paint: Paint::Grid,
                width: 1.0,
            });
        }
        match &row.mark {
            RowMark::Dot { x, from, hollow } => {
                if !hollow {
                    marks.push(Mark::Line {
                        x1: *from,
                        y1: mark_y,
                        x2: *x,
                        y2: mark_y,
                        paint: Paint::Accent,
                        width: 3.0,
                    });
                }
                marks.push(Mark::Circle {
                    x: *x,
                    y: mark_y,
                    r: DOT_R,
                    fill: if *hollow {
                        Paint::Disputed
                    } else {
                        Paint::Accent
                    },
                    hollow: *hollow,
                });
            }
            RowMark::Bar { segments, open } => {
                for (x0, x1, paint) in segments {
                    marks.push(Mark::Rect {
                        x: *x0,
                        y: mark_y - BAR_H / 2.0,
                        w: (x1 - x0).max(2.0),
                        h: BAR_H,
                        fill: *paint,
                    });
                }
                if let (true, Some((_, x1, paint))) = (*open, segments.last()) {
                    // The bar runs on past its bound: a thin line and an arrowhead.
                    let end = (x1 + 18.0).min(width - PAD);
                    marks.push(Mark::Line {
                        x1: *x1,
                        y1: mark_y,
                        x2: end,
                        y2: mark_y,
                        paint: *paint,
                        width: 2.0,
                    });
                    arrowhead(&mut marks, end, mark_y, *paint);
                }
            }
            RowMark::Range { x0, x1, paint } => {
                marks.push(Mark::Rect {
                    x: *x0,
                    y: mark_y - BAR_H / 4.0,
                    w: (x1 - x0).max(2.0),
                    h: BAR_H / 2.0,
                    fill: *paint,
                });
                for x in [*x0, *x1] {
                    marks.push(Mark::Line {
                        x1: x,
                        y1: mark_y - BAR_H / 2.0,
                        x2: x,
                        y2: mark_y + BAR_H / 2.0,
                        paint: *paint,
                        width: 2.0,
                    });
                }
            }
            RowMark::Undisclosed => {}
        }
        for x in &row.earlier {
            marks.push(Mark::Ring {
                x: *x,
                y: mark_y,
                r: DOT_R,
                paint: Paint::Ink,
                width: 1.5,
            });
        }
        hits.push(Hit {
            item: row.item,
            x: PAD,
            y,
            w: width - 2.0 * PAD,
            h,
        });
        y += h;
    }
    Scene {
        width,
        height: bottom + 8.0,
        marks,
        hits,
    }
}
