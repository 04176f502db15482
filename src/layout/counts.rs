//! How the count was revised: each reported figure of the headline series at its date, on a
//! log scale so that 4,536 and 37.5 million are both readable, with its unit and who reported it.
//! A party's disputed claim is drawn hollow and labelled as a claim, not as a count.

use super::measure::{shorten, TextMeasure};
use super::scale::LogScale;
use super::{Anchor, Hit, Mark, Paint, Scene, SMALL, TEXT};
use crate::format;
use crate::i18n::{self, Ui};
use crate::model::{Count, CountStatus, Dataset, Lang};

const PAD: f64 = 12.0;
const AXIS_Y: f64 = 22.0;
const ROW_H: f64 = 62.0;
const DOT_R: f64 = 6.0;

/// The counts the revision chart shows, in date order: the series of the first count in the file
/// (the story's headline figure) and every disputed claim.
pub fn revision_rows(d: &Dataset) -> Vec<usize> {
    let Some(series) = d.counts.first().map(|c| c.series.as_str()) else {
        return Vec::new();
    };
    let mut rows: Vec<usize> = (0..d.counts.len())
        .filter(|&i| {
            d.counts
                .get(i)
                .is_some_and(|c| c.series == series || c.status == CountStatus::DisputedClaim)
        })
        .collect();
    rows.sort_by_key(|&i| d.counts.get(i).map_or(0, |c| c.as_of.first_day()));
    rows
}

/// "4,536 accounts" / "about 37.5 million people": compact, with its unit.
pub fn figure_text(lang: Lang, c: &Count) -> String {
    let n = format::compact(lang, c.value);
    let unit = i18n::unit(lang, c.unit, c.value);
    let text = match lang {
        crate::model::Lang::Ko => format!("{n}{unit}"),
        crate::model::Lang::En => format!("{n} {unit}"),
    };
    format::approx(lang, c.approximate, text)
}

pub fn layout(d: &Dataset, lang: Lang, width: f64, m: &dyn TextMeasure) -> Scene {
    let width = width.max(200.0);
    let rows = revision_rows(d);
    let values: Vec<u64> = rows
        .iter()
        .filter_map(|&i| d.counts.get(i))
        .map(|c| c.value)
        .collect();
    let scale = LogScale::covering(&values, PAD + DOT_R, width - PAD - DOT_R);
    let mut marks = Vec::new();
    let mut hits = Vec::new();
    let top = AXIS_Y + 8.0;
    let bottom = top + rows.len() as f64 * ROW_H;

    // Decade gridlines with labels that never collide.
    let mut right_edge = f64::NEG_INFINITY;
    for v in scale.ticks() {
        let x = scale.px(v);
        marks.push(Mark::Line {
            x1: x,
            y1: AXIS_Y + 4.0,
            x2: x,
            y2: bottom,
            paint: Paint::Grid,
            width: 1.0,
        });
        let text = format::compact(lang, v);
        let w = m.width(&text, SMALL, false);
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
            y: AXIS_Y - 6.0,
            text,
            size: SMALL,
            anchor,
            paint: Paint::Muted,
            bold: false,
        });
    }

    for (row, &i) in rows.iter().enumerate() {
        let Some(c) = d.counts.get(i) else { continue };
        let y = top + row as f64 * ROW_H;
        let disputed = c.status == CountStatus::DisputedClaim;
        // Two lines: the figure with its unit, then when and who, so neither is cut on phones.
        let mut figure = figure_text(lang, c);
        if disputed {
            figure = format!("{figure} ({})", i18n::ui(lang, Ui::DisputedClaim));
        }
        let context = format!(
            "{} · {}",
            format::date(lang, &c.as_of, ""),
            c.reported_by.get(lang)
        );
        let max = width - 2.0 * PAD;
        marks.push(Mark::Text {
            x: PAD,
            y: y + 9.0,
            text: shorten(m, &figure, TEXT, true, max).unwrap_or_default(),
            size: TEXT,
            anchor: Anchor::Start,
            paint: Paint::Ink,
            bold: true,
        });
        marks.push(Mark::Text {
            x: PAD,
            y: y + 26.0,
            text: shorten(m, &context, SMALL, false, max).unwrap_or_default(),
            size: SMALL,
            anchor: Anchor::Start,
            paint: Paint::Muted,
            bold: false,
        });
        let x = scale.px(c.value);
        let dot_y = y + 46.0;
        if !disputed {
            marks.push(Mark::Line {
                x1: scale.p0,
                y1: dot_y,
                x2: x,
                y2: dot_y,
                paint: Paint::Accent,
                width: 3.0,
            });
        }
        marks.push(Mark::Circle {
            x,
            y: dot_y,
            r: DOT_R,
            fill: if disputed {
                Paint::Disputed
            } else {
                Paint::Accent
            },
            hollow: disputed,
        });
        hits.push(Hit {
            item: i,
            x: PAD,
            y,
            w: width - 2.0 * PAD,
            h: ROW_H,
        });
    }
    Scene {
        width,
        height: bottom + 8.0,
        marks,
        hits,
    }
}
