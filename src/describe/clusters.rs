//! What is said of a cluster: several events of one lane drawn as one mark where they are too
//! crowded to draw one by one ("42 events, 3–9 Nov 2025"), and what the reader hears when one is
//! opened, zoomed into, or listed. Counts follow the number ("1 event", "2 events"); a span is
//! said from its first date to its last, at their precision, and in days where they are days
//! (each event's own time of day is in its own name).

use super::date_range;
use crate::format;
use crate::i18n;
use crate::model::{Lane, Lang, Precision, StoryDate};

/// "42 events" / "사건 42건".
pub fn event_count(lang: Lang, n: usize) -> String {
    let n = i64::try_from(n).unwrap_or(i64::MAX);
    match lang {
        Lang::En => format::plural_en(n, "event", "events"),
        Lang::Ko => format!("사건 {}건", format::count(n)),
    }
}

/// A date known to the day or the minute, as a day; others as they are.
fn as_day(d: &StoryDate) -> Option<StoryDate> {
    (d.precision >= Precision::Day).then_some(StoryDate {
        precision: Precision::Day,
        minute: 0,
        ..*d
    })
}

/// From `from` to `to`, compact where they share a month or a year: "3–9 November 2025",
/// "28 October – 9 November 2025", "April 2025 – November 2025" / "2025년 11월 3~9일",
/// "2025년 10월 28일~11월 9일". `short` uses short month names ("3–9 Nov 2025"), for drawn
/// labels.
pub fn span_words(lang: Lang, from: &StoryDate, to: &StoryDate, short: bool) -> String {
    let (Some(a), Some(b)) = (as_day(from), as_day(to)) else {
        // Months, parts of them and years: each end at its own precision.
        return date_range(lang, from, to, "");
    };
    // The last day in full; of the first, what differs from the last.
    let shared = match (a.year == b.year, a.month == b.month, a.day == b.day) {
        (true, true, true) => return day_words(lang, &b, short),
        (true, true, false) => 2,
        (true, false, _) => 1,
        _ => 0,
    };
    let last = day_words(lang, &b, short);
    match lang {
        Lang::En => {
            let month = month_words(a.month, short);
            match shared {
                2 => format!("{}–{last}", a.day),
                1 => format!("{} {month} – {last}", a.day),
                _ => format!("{} – {last}", day_words(lang, &a, short)),
            }
        }
        // "2025년 11월 3~9일", "2025년 10월 28일~11월 9일", "2025년 12월 28일~2026년 1월 3일".
        Lang::Ko => {
            let first = day_words(lang, &a, short);
            match shared {
                2 => format!("{}~{}일", first.trim_end_matches('일'), b.day),
                1 => format!("{first}~{}월 {}일", b.month, b.day),
                _ => format!("{first}~{last}"),
            }
        }
    }
}

fn month_words(month: u32, short: bool) -> String {
    match short {
        true => format::month_short(Lang::En, month),
        false => format::month_name(month).to_string(),
    }
}

/// "9 November 2025" ("9 Nov 2025" short) / "2025년 11월 9일".
fn day_words(lang: Lang, d: &StoryDate, short: bool) -> String {
    match lang {
        Lang::En => format!("{} {} {}", d.day, month_words(d.month, short), d.year),
        Lang::Ko => format::date(lang, d, ""),
    }
}

/// The label drawn beside a cluster: "42 events, 3–9 Nov 2025" / "사건 42건, 2025년 11월 3~9일".
pub fn cluster_label(lang: Lang, n: usize, from: &StoryDate, to: &StoryDate) -> String {
    format!(
        "{}, {}",
        event_count(lang, n),
        span_words(lang, from, to, true)
    )
}

/// A cluster's accessible name: "42 events, 3–9 November 2025 (The company)".
pub fn cluster_name(lang: Lang, n: usize, from: &StoryDate, to: &StoryDate, lane: Lane) -> String {
    format!(
        "{}, {} ({})",
        event_count(lang, n),
        span_words(lang, from, to, false),
        i18n::lane(lang, lane)
    )
}

/// Said when the timeline zooms into a cluster's dates: "Zoomed in to 3–9 November 2025: 57
/// events in these dates. Zoom out, or Escape, goes back."
pub fn zoomed(lang: Lang, from: &StoryDate, to: &StoryDate, shown: usize) -> String {
    let span = span_words(lang, from, to, false);
    let n = event_count(lang, shown);
    match lang {
        Lang::En => {
            format!("Zoomed in to {span}: {n} in these dates. Zoom out, or Escape, goes back.")
        }
        Lang::Ko => format!(
            "{} 확대: 이 기간의 {n}. 축소 버튼이나 Esc 키로 돌아갑니다.",
            format::particle(&span, format::Particle::Direction)
        ),
    }
}

/// Said when a cluster's events are listed instead (they share a time the axis cannot spread):
/// "42 events, 3 November 2025 (The company), listed below the timeline."
pub fn listed(lang: Lang, name: &str) -> String {
    match lang {
        Lang::En => format!("{name}, listed below the timeline."),
        Lang::Ko => format!("{name}: 타임라인 아래 목록에 있습니다."),
    }
}

/// A "show more" button: "Show 50 more (9,950 not shown)" / "50건 더 보기(9,950건 남음)".
pub fn show_more(lang: Lang, next: usize, left: usize) -> String {
    let (next, left) = (
        format::count(i64::try_from(next).unwrap_or(i64::MAX)),
        format::count(i64::try_from(left).unwrap_or(i64::MAX)),
    );
    match lang {
        Lang::En => format!("Show {next} more ({left} not shown)"),
        Lang::Ko => format!("{next}건 더 보기({left}건 남음)"),
    }
}

/// Said when more of a list is shown: "Showing 100 of 10,000 events." /
/// "사건 10,000건 중 100건 표시".
pub fn showing(lang: Lang, shown: usize, all: usize) -> String {
    let shown = format::count(i64::try_from(shown).unwrap_or(i64::MAX));
    match lang {
        Lang::En => format!("Showing {shown} of {}.", event_count(lang, all)),
        Lang::Ko => format!("{} 중 {shown}건 표시.", event_count(lang, all)),
    }
}
