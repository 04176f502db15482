//! What was exposed: tiles, not bars (kinds of data have no size to compare).

use super::{ChartKind, PAD};
use crate::i18n::{self, Ui};
use crate::layout::measure::{shorten, TextMeasure};
use crate::layout::{Anchor, Hit, Mark, Paint, Scene, TEXT};
use crate::model::{Lang, Story};

const TILE_H: f64 = 34.0;
const TILE_GAP: f64 = 8.0;

/// Tiles in two groups, "exposed" (filled) and "not exposed" (outlined, struck through), each
/// group headed in words.
pub(super) fn exposed(d: &Story, lang: Lang, width: f64, m: &dyn TextMeasure) -> Scene {
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
