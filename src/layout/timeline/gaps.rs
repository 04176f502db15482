//! The gap from the end of access to detection and disclosure, drawn as a bracket.

use super::{GAP_Y, PAD};
use crate::describe;
use crate::layout::measure::{shorten, TextMeasure};
use crate::layout::scale::TimeScale;
use crate::layout::{Anchor, Mark, Paint, SMALL};
use crate::model::{Lang, Milestone, Story};

/// The gap from the end of access to detection and on to disclosure: a bracket with ticks at
/// each milestone and one label, so the reader sees how long nobody noticed.
pub(super) fn gaps(
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
