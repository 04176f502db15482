//! Synthetic datasets of any size, for the scale tests (native and in the browser) and the
//! benchmarks: one envelope around events at chosen days, lanes and precisions, in English and
//! Korean. (Shared by `#[path]` from bench/native.rs.)
#![allow(dead_code)] // each user takes what it needs

use breach_explainer::model::date::{civil_from_days, days_from_civil};

pub const LANES: [&str; 5] = [
    "breach",
    "company",
    "government",
    "police-courts",
    "context",
];

/// A dataset as JSON text with an event at each `(day offset from 1 January 2025, lane,
/// precision)`: precision 0 a day, 1 a month, 2 a time of day, 3 a span of days.
pub fn dataset_text(events: &[(u32, usize, u8)]) -> String {
    let jan1 = days_from_civil(2025, 1, 1);
    let list: Vec<String> = events
        .iter()
        .enumerate()
        .map(|(i, &(offset, lane, precision))| {
            let (y, m, d) = civil_from_days(jan1 + i64::from(offset));
            let (y2, m2, d2) = civil_from_days(jan1 + i64::from(offset) + 3);
            let (date, end) = match precision % 4 {
                0 => (format!("{y}-{m:02}-{d:02}"), String::new()),
                1 => (format!("{y}-{m:02}"), String::new()),
                2 => (
                    format!("{y}-{m:02}-{d:02}T{:02}:{:02}+09:00", i % 24, i % 60),
                    String::new(),
                ),
                _ => (
                    format!("{y}-{m:02}-{d:02}"),
                    format!(r#","end":"{y2}-{m2:02}-{d2:02}""#),
                ),
            };
            format!(
                r#"{{"id":"e{i}","date":"{date}"{end},"lane":"{}","title":{{"en":"Event number {i} of the story","ko":"사건 {i}번"}},"detail":{{"en":"d","ko":"d"}},"confidence":"high","sources":["s"]}}"#,
                LANES[lane % LANES.len()]
            )
        })
        .collect();
    format!(
        r#"{{"format":"breach-explainer/1","id":"synthetic","languages":["en","ko"],
        "timezone":{{"offset":"+09:00","label":{{"en":"KST","ko":"KST"}}}},
        "breach":{{"organisation":{{"en":"Org","ko":"Org"}},"country":"KR","title":{{"en":"T","ko":"T"}},"summary":{{"en":"S","ko":"S"}}}},
        "sources":[{{"id":"s","publisher":"P","title":"T","url":"https://example.com/"}}],
        "exposure":{{"preferred":"c","claims":[{{"id":"c","by":{{"en":"Org","ko":"Org"}},"start":"2025-01-01","end":"2026-06-30","sources":["s"]}}]}},
        "events":[{}]}}"#,
        list.join(",")
    )
}

/// `n` day-precise events spread over 540 days and the five lanes (what the benchmarks draw).
pub fn spread(n: usize) -> Vec<(u32, usize, u8)> {
    (0..n)
        .map(|i| (((i * 7919) % 540) as u32, i % 5, 0))
        .collect()
}
