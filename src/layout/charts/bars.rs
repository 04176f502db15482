//! Bars on one linear scale from zero, with the round ticks that measure them: what the
//! comparison and money charts draw.

use super::rows::{figure_mark, rows_chart, RowMark, RowSpec};
use super::PAD;
use crate::layout::measure::TextMeasure;
use crate::layout::scale::LinearScale;
use crate::layout::{Paint, Scene};
use crate::model::Figure;

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
pub(super) enum BarValue {
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
pub(super) type BarRow = (usize, String, String, BarValue, Vec<u64>);

/// Bars on one linear scale from zero.
pub(super) fn bars(
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
