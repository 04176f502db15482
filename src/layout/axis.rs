//! The timeline's time axis: ticks from the scale, labels that never collide, the last tick
//! labelled, and every run of months naming its year.

use super::measure::TextMeasure;
use super::scale::{time_ticks, TickUnit, TimeScale};
use super::{Anchor, Mark, Paint, SMALL};
use crate::format;
use crate::model::Lang;

/// The axis line's height in the timeline (the timeline places everything under it).
pub(super) const AXIS_Y: f64 = 30.0;
pub const PAD: f64 = 12.0;
const MIN_TICK_GAP: f64 = 64.0;

/// The time axis: a rule, ticks on calendar boundaries, labels that never touch.
pub(super) fn axis(marks: &mut Vec<Mark>, scale: &TimeScale, lang: Lang, m: &dyn TextMeasure) {
    marks.push(Mark::Line {
        x1: scale.x0,
        y1: AXIS_Y,
        x2: scale.x1,
        y2: AXIS_Y,
        paint: Paint::Muted,
        width: 1.0,
    });
    // Each label drawn so far: its mark's index, its right edge, its tick's year and whether it
    // names that year.
    struct Drawn {
        at: usize,
        right: f64,
        year: i32,
        names_year: bool,
    }
    let mut drawn: Vec<Drawn> = Vec::new();
    let right_edge = |drawn: &[Drawn]| drawn.last().map_or(f64::NEG_INFINITY, |l| l.right);
    // Labels start at their tick; at the right edge one ends at its tick instead.
    let place = |t: &super::scale::TimeTick, x: f64| {
        let text = tick_label(lang, t);
        let w = m.width(&text, SMALL, false);
        let (left, anchor) = if x + w <= scale.x1 + PAD {
            (x, Anchor::Start)
        } else {
            (x - w, Anchor::End)
        };
        (text, w, left, anchor)
    };
    // A label that names the year and has no room passes the year on to the next label, so no
    // run of months is left without its year.
    let mut owe_year = false;
    let ticks = time_ticks(scale, MIN_TICK_GAP);
    let last = ticks.len().saturating_sub(1);
    for (k, t) in ticks.into_iter().enumerate() {
        let x = scale.x(t.day as f64);
        marks.push(Mark::Line {
            x1: x,
            y1: AXIS_Y - 5.0,
            x2: x,
            y2: AXIS_Y,
            paint: Paint::Muted,
            width: 1.0,
        });
        let mut t = super::scale::TimeTick {
            shows_year: t.shows_year || owe_year,
            ..t
        };
        let (mut text, mut w, mut left, mut anchor) = place(&t, x);
        if k == last && left < right_edge(&drawn) + 8.0 && drawn.len() >= 2 {
            // The end of the axis matters more than the label before it: that one gives way
            // (and its year passes to this one).
            let before = drawn
                .get(drawn.len() - 2)
                .map_or(f64::NEG_INFINITY, |l| l.right);
            let prev = drawn.last().map(|l| (l.year, l.names_year));
            let candidate = super::scale::TimeTick {
                shows_year: t.shows_year || prev.is_some_and(|(y, named)| named && y == t.year),
                ..t
            };
            let placed = place(&candidate, x);
            if placed.2 >= before + 8.0 && placed.2 >= 0.0 {
                if let Some(l) = drawn.pop() {
                    marks.remove(l.at);
                }
                t = candidate;
                (text, w, left, anchor) = placed;
            }
        }
        if left < right_edge(&drawn) + 8.0 || left < 0.0 {
            owe_year = t.shows_year;
            continue;
        }
        owe_year = false;
        drawn.push(Drawn {
            at: marks.len(),
            right: left + w,
            year: t.year,
            names_year: t.shows_year,
        });
        marks.push(Mark::Text {
            x,
            y: AXIS_Y - 14.0,
            text,
            size: SMALL,
            anchor,
            paint: Paint::Muted,
            bold: false,
        });
    }
}

pub fn tick_label(lang: Lang, t: &super::scale::TimeTick) -> String {
    match (t.unit, lang) {
        (TickUnit::Year, Lang::En) => format!("{}", t.year),
        (TickUnit::Year, Lang::Ko) => format!("{}년", t.year),
        (TickUnit::Month, _) if t.shows_year => match lang {
            Lang::En => format!("{} {}", format::month_short(lang, t.month), t.year),
            Lang::Ko => format!("{}년 {}월", t.year, t.month),
        },
        (TickUnit::Month, _) => format::month_short(lang, t.month),
        (TickUnit::Day, Lang::En) if t.shows_year => {
            format!(
                "{} {} {}",
                t.dom,
                format::month_short(lang, t.month),
                t.year
            )
        }
        (TickUnit::Day, Lang::En) => format!("{} {}", t.dom, format::month_short(lang, t.month)),
        (TickUnit::Day, Lang::Ko) if t.shows_year => {
            format!("{}년 {}월 {}일", t.year, t.month, t.dom)
        }
        (TickUnit::Day, Lang::Ko) => format!("{}월 {}일", t.month, t.dom),
    }
}
