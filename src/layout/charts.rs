//! The count charts: how the count was revised (log scale), how it compares (bars with units),
//! what was exposed (tiles), and what it cost (bars in one currency, with parts).
//!
//! Each chart is a list of rows or tiles; every row names its figure, unit and source in text,
//! so colour never carries the meaning alone. Hits point into the dataset's own lists
//! (`counts`, `data_classes`, `money`) so the page can name and describe each mark.

use super::measure::{shorten, wrap, TextMeasure};
use super::scale::{LinearScale, LogScale};
use super::{Anchor, Hit, Mark, Paint, Scene, SMALL, TEXT};
use crate::describe::charts::{
    converted_text, earlier_figures, figure_text, money_standing_text, money_text, status_word,
};
use crate::describe::cite;
use crate::format;
use crate::i18n::{self, Ui};
use crate::model::{Figure, Lang, Status, Story};

const PAD: f64 = 12.0;
const AXIS_Y: f64 = 38.0;
const ROW_H: f64 = 62.0;
const LINE_H: f64 = 17.0;
const DOT_R: f64 = 6.0;
const BAR_H: f64 = 14.0;

pub use crate::model::figures::ChartKind;

pub fn layout(kind: ChartKind, d: &Story, lang: Lang, width: f64, m: &dyn TextMeasure) -> Scene {
    let width = width.max(200.0);
    match kind {
        ChartKind::Revisions => revisions(d, lang, width, m),
        ChartKind::Comparison => comparison(d, lang, width, m),
        ChartKind::Exposed => exposed(d, lang, width, m),
        ChartKind::Money => money(d, lang, width, m),
    }
}

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
enum RowMark {
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
fn figure_mark(
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

struct RowSpec {
    item: usize,
    headline: String,
    context: String,
    mark: RowMark,
    /// Earlier figures of the same amount, since revised: rings on the row.
    earlier: Vec<f64>,
}

/// Rows of text with a mark under each, over gridlines: the shape of the count charts.
fn rows_chart(
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

fn revisions(d: &Story, lang: Lang, width: f64, m: &dyn TextMeasure) -> Scene {
    let items = d.rows(ChartKind::Revisions);
    let rows_units: Vec<crate::model::Unit> = items
        .iter()
        .filter_map(|&i| Some(d.counts.get(i)?.unit))
        .collect();
    let values: Vec<u64> = items
        .iter()
        .filter_map(|&i| d.counts.get(i))
        .filter_map(|c| c.value.extent())
        .flat_map(|(low, high)| [low, high])
        .collect();
    let scale = LogScale::covering(&values, PAD + DOT_R, width - PAD - DOT_R);
    // No figure given at all: no axis, whose numbers would measure nothing.
    let ticks: Vec<(f64, String)> = scale
        .ticks()
        .into_iter()
        .filter(|_| !values.is_empty())
        .map(|v| (scale.px(v), format::compact(lang, v)))
        .collect();
    let rows = items
        .iter()
        .filter_map(|&i| {
            let c = d.counts.get(i)?;
            let disputed = c.status == Status::DisputedClaim;
            let mut headline = figure_text(lang, c);
            if let Some(status) = status_word(lang, c) {
                headline = format!("{headline} ({status})");
            }
            let context = format!(
                "{} · {} · {} {}",
                c.subject.get(lang),
                format::date(lang, &c.as_of, ""),
                c.reported_by.get(lang),
                cite(&c.sources)
            );
            Some(RowSpec {
                item: i,
                headline,
                context,
                earlier: Vec::new(),
                mark: figure_mark(
                    &c.value,
                    &|v| scale.px(v),
                    scale.p0,
                    Some(disputed),
                    if disputed {
                        Paint::Disputed
                    } else {
                        Paint::Accent
                    },
                ),
            })
        })
        .collect();
    // The ticks are bare numbers: the note names their unit, or says the rows' units differ.
    let mut units: Vec<crate::model::Unit> = Vec::new();
    for c in rows_units {
        if !units.contains(&c) {
            units.push(c);
        }
    }
    let note = match (units.as_slice(), lang) {
        _ if values.is_empty() => String::new(),
        ([one], _) => format!(
            "{} · {}",
            i18n::log_scale_note(lang),
            i18n::unit_noun(lang, *one)
        ),
        (_, Lang::En) => format!("{} · units differ by row", i18n::log_scale_note(lang)),
        (_, Lang::Ko) => format!("{} · 행마다 단위 다름", i18n::log_scale_note(lang)),
    };
    rows_chart(rows, &note, &ticks, width, m)
}

/// Round steps (1, 2 or 5 × 10^k) at least `min_gap` px apart on a 0-based linear scale.
pub fn linear_ticks(max: f64, span_px: f64, min_gap: f64) -> Vec<f64> {
    if max <= 0.0 || span_px <= 0.0 {
        return vec![0.0];
    }
    let raw = max * min_gap / span_px;
    // An integer power (powi): the wasm then needs no general `pow`.
    let mag = 10f64.powi(raw.log10().floor() as i32);
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|f| f * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let mut ticks = Vec::new();
    let mut v = 0.0;
    while v <= max * 1.0001 {
        ticks.push(v);
        v += step;
    }
    ticks
}

/// What one bar's row draws: parts of an exact amount, or one figure as far as it is known.
enum BarValue {
    Parts(Vec<(u64, Paint)>),
    Figure(Figure, Paint),
}

impl BarValue {
    fn largest(&self) -> u64 {
        match self {
            BarValue::Parts(parts) => parts.iter().map(|(v, _)| *v).sum(),
            BarValue::Figure(f, _) => f.largest().unwrap_or(0),
        }
    }
}

/// One bar's row: (item, headline, context, what it draws, earlier figures since revised).
type BarRow = (usize, String, String, BarValue, Vec<u64>);

/// Bars on one linear scale from zero.
fn bars(
    rows: Vec<BarRow>,
    note: &str,
    format_tick: &dyn Fn(u64) -> String,
    width: f64,
    m: &dyn TextMeasure,
) -> Scene {
    let max = rows
        .iter()
        .map(|(_, _, _, value, earlier)| {
            value
                .largest()
                .max(earlier.iter().copied().max().unwrap_or(0))
        })
        .max()
        .unwrap_or(1)
        .max(1);
    let scale = LinearScale {
        v0: 0.0,
        v1: max as f64,
        p0: PAD,
        p1: width - PAD,
    };
    let ticks: Vec<(f64, String)> = linear_ticks(max as f64, width - 2.0 * PAD, 90.0)
        .into_iter()
        .map(|v| (scale.px(v), format_tick(v as u64)))
        .collect();
    let rows = rows
        .into_iter()
        .map(|(item, headline, context, value, earlier)| {
            let mark = match value {
                BarValue::Parts(parts) => {
                    let mut acc = 0u64;
                    let segments = parts
                        .into_iter()
                        .map(|(value, paint)| {
                            // A 2 px gap between parts, so they are told apart without colour.
                            let gap = if acc > 0 { 2.0 } else { 0.0 };
                            let x0 = scale.px(acc as f64) + gap;
                            acc += value;
                            (x0, scale.px(acc as f64), paint)
                        })
                        .collect();
                    RowMark::Bar {
                        segments,
                        open: false,
                    }
                }
                BarValue::Figure(f, paint) => {
                    figure_mark(&f, &|v| scale.px(v as f64), scale.p0, None, paint)
                }
            };
            RowSpec {
                item,
                headline,
                context,
                mark,
                earlier: earlier.into_iter().map(|v| scale.px(v as f64)).collect(),
            }
        })
        .collect();
    rows_chart(rows, note, &ticks, width, m)
}

fn comparison(d: &Story, lang: Lang, width: f64, m: &dyn TextMeasure) -> Scene {
    let mixed = d.comparisons.first().is_some_and(|c| c.mixed_units);
    let rows = d
        .rows(ChartKind::Comparison)
        .iter()
        .copied()
        .enumerate()
        .filter_map(|(k, i)| {
            let c = d.counts.get(i)?;
            // The breach itself first and in the accent colour; the others for scale.
            let paint = if k == 0 { Paint::Accent } else { Paint::Muted };
            let context = format!(
                "{} · {} · {} {}",
                c.subject.get(lang),
                c.reported_by.get(lang),
                format::date(lang, &c.as_of, ""),
                cite(&c.sources)
            );
            Some((
                i,
                figure_text(lang, c),
                context,
                BarValue::Figure(c.value, paint),
                Vec::new(),
            ))
        })
        .collect();
    let note = if mixed {
        i18n::mixed_units_note(lang)
    } else {
        i18n::linear_scale_note(lang)
    };
    bars(rows, note, &|v| format::compact(lang, v), width, m)
}

fn money(d: &Story, lang: Lang, width: f64, m: &dyn TextMeasure) -> Scene {
    let currency = d.main_currency().unwrap_or("").to_string();
    let rows = d
        .rows(ChartKind::Money)
        .iter()
        .copied()
        .filter_map(|i| {
            let item = d.money.get(i)?;
            let mut context = format!(
                "{} · {}",
                item.subject.get(lang),
                format::date(lang, &item.date, "")
            );
            if !item.parts.is_empty() {
                let parts: Vec<String> = item
                    .parts
                    .iter()
                    .map(|p| {
                        format!(
                            "{} {}",
                            p.label.get(lang),
                            format::money(lang, p.amount, &item.currency)
                        )
                    })
                    .collect();
                context.push_str(&format!(" · {}", parts.join(" + ")));
            }
            if let Some(e) = earlier_figures(d, lang, i) {
                context.push_str(&match lang {
                    Lang::En => format!(" · earlier: {e}"),
                    Lang::Ko => format!(" · 이전 수치: {e}"),
                });
            }
            for c in &item.converted {
                context.push_str(&format!(" · {}", converted_text(lang, c)));
            }
            context.push_str(&format!(" {}", cite(&item.sources)));
            // Parts (the breach and the data-collection parts of a fine) as segments.
            // Parts only of an exact amount; a bound or a range is drawn as itself.
            let parts = if item.parts.is_empty() || item.amount.exact().is_none() {
                BarValue::Figure(item.amount, Paint::Accent)
            } else {
                BarValue::Parts(
                    item.parts
                        .iter()
                        .enumerate()
                        .map(|(k, p)| {
                            (
                                p.amount,
                                if k % 2 == 0 {
                                    Paint::Accent
                                } else {
                                    Paint::Accent2
                                },
                            )
                        })
                        .collect(),
                )
            };
            let earlier = d
                .earlier_money(i)
                .iter()
                .copied()
                .filter_map(|k| d.money.get(k)?.amount.largest())
                .collect();
            let mut headline = money_standing_text(lang, item, money_text(lang, item));
            // The rings on the bar, named where a phone reader looks: "£18.4 million · earlier
            // £99.2 million".
            let earlier_said: Vec<String> = d
                .earlier_money(i)
                .iter()
                .copied()
                .filter_map(|k| Some(money_text(lang, d.money.get(k)?)))
                .collect();
            if !earlier_said.is_empty() {
                headline.push_str(&match lang {
                    Lang::En => format!(" · earlier {}", earlier_said.join(", ")),
                    Lang::Ko => format!(" · 이전 {}", earlier_said.join(", ")),
                });
            }
            Some((i, headline, context, parts, earlier))
        })
        .collect();
    bars(
        rows,
        i18n::linear_scale_note(lang),
        &|v| format::money(lang, v, &currency),
        width,
        m,
    )
}

const TILE_H: f64 = 34.0;
const TILE_GAP: f64 = 8.0;

/// Tiles in two groups, "exposed" (filled) and "not exposed" (outlined, struck through), each
/// group headed in words.
fn exposed(d: &Story, lang: Lang, width: f64, m: &dyn TextMeasure) -> Scene {
    let mut marks = Vec::new();
    let mut hits = Vec::new();
    let mut y = 4.0;
    for exposed in [true, false] {
        let items: Vec<usize> = d
            .rows(ChartKind::Exposed)
            .iter()
            .copied()
            .filter(|&i| d.data_classes.get(i).is_some_and(|c| c.exposed == exposed))
            .collect();
        if items.is_empty() {
            continue;
        }
        let heading = i18n::ui(lang, if exposed { Ui::Exposed } else { Ui::NotExposed });
        marks.push(Mark::Text {
            x: PAD,
            y: y + 9.0,
            text: heading.to_string(),
            size: TEXT,
            anchor: Anchor::Start,
            paint: Paint::Ink,
            bold: true,
        });
        y += 24.0;
        let mut x = PAD;
        for i in items {
            let Some(c) = d.data_classes.get(i) else {
                continue;
            };
            let max_w = width - 2.0 * PAD;
            let label =
                shorten(m, c.label.get(lang), TEXT, false, max_w - 20.0).unwrap_or_default();
            let w = (m.width(&label, TEXT, false) + 20.0).min(max_w);
            if x + w > width - PAD && x > PAD {
                x = PAD;
                y += TILE_H + TILE_GAP;
            }
            marks.push(Mark::Rect {
                x,
                y,
                w,
                h: TILE_H,
                fill: if exposed { Paint::Band } else { Paint::Surface },
            });
            // Outline for every tile (4 sides), doubled on "not exposed" ones.
            let edge = if exposed { Paint::Accent } else { Paint::Muted };
            for (x1, y1, x2, y2) in [
                (x, y, x + w, y),
                (x, y + TILE_H, x + w, y + TILE_H),
                (x, y, x, y + TILE_H),
                (x + w, y, x + w, y + TILE_H),
            ] {
                marks.push(Mark::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    paint: edge,
                    width: if exposed { 2.0 } else { 1.0 },
                });
            }
            marks.push(Mark::Text {
                x: x + 10.0,
                y: y + TILE_H / 2.0,
                text: label,
                size: TEXT,
                anchor: Anchor::Start,
                paint: Paint::Ink,
                bold: false,
            });
            hits.push(Hit {
                item: i,
                x,
                y,
                w,
                h: TILE_H,
            });
            x += w + TILE_GAP;
        }
        y += TILE_H + 16.0;
    }
    Scene {
        width,
        height: y,
        marks,
        hits,
    }
}
