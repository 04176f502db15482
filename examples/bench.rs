//! Benchmark (not a test): layout + paint time of the timeline for the default dataset and
//! for generated datasets of 100, 1,000 and 10,000 events, at phone and desktop widths.
//!
//!     cargo run --release --example bench
#![cfg_attr(target_arch = "wasm32", allow(dead_code, unused_imports))]

use breach_explainer::layout::timeline::{self, View};
use breach_explainer::layout::CharWidths;
use breach_explainer::model::{json, validate, Dataset, Lang};
use breach_explainer::render::{self, Theme};
use std::time::Instant;

#[cfg(not(target_arch = "wasm32"))]
fn generated(n: usize) -> Dataset {
    match json::parse(&generated_text(n))
        .map_err(|e| vec![e])
        .and_then(|j| validate(&j))
    {
        Ok(d) => d,
        Err(issues) => panic!("generated dataset invalid: {}", issues[0]),
    }
}

/// A dataset of `n` events as JSON text.
#[cfg(not(target_arch = "wasm32"))]
fn generated_text(n: usize) -> String {
    let lanes = [
        "breach",
        "company",
        "government",
        "police-courts",
        "context",
    ];
    let events: Vec<String> = (0..n)
        .map(|i| {
            let day = 1 + (i * 7919) % 540; // spread over 2025 and the first half of 2026
            let (y, doy) = if day > 365 { (2026, day - 365) } else { (2025, day) };
            let (m, d) = month_day(y, doy);
            format!(
                r#"{{"id":"e{i}","date":"{y}-{m:02}-{d:02}","lane":"{}","title":{{"en":"Event number {i} of the story"}},"detail":{{"en":"d"}},"confidence":"high","sources":["s"]}}"#,
                lanes[i % lanes.len()]
            )
        })
        .collect();
    let text = format!(
        r#"{{"format":"breach-explainer/1","id":"bench","languages":["en"],
        "timezone":{{"offset":"+09:00","label":{{"en":"KST"}}}},
        "breach":{{"organisation":{{"en":"Org"}},"country":"KR","title":{{"en":"T"}},"summary":{{"en":"S"}}}},
        "sources":[{{"id":"s","publisher":"P","title":"T","url":"https://example.com/"}}],
        "exposure":{{"preferred":"c","claims":[{{"id":"c","by":{{"en":"Org"}},"start":"2025-01-01","end":"2026-06-30","sources":["s"]}}]}},
        "events":[{}]}}"#,
        events.join(",")
    );
    text
}

#[cfg(not(target_arch = "wasm32"))]
fn month_day(year: i32, mut doy: usize) -> (usize, usize) {
    let leap = year % 4 == 0;
    let lengths = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    for (i, len) in lengths.iter().enumerate() {
        if doy <= *len {
            return (i + 1, doy);
        }
        doy -= len;
    }
    (12, 31)
}

#[cfg(not(target_arch = "wasm32"))]
fn time(d: &Dataset, width: f64, view: View) -> (f64, usize) {
    let runs = if d.events.len() > 2000 { 3 } else { 30 };
    let mut best = f64::INFINITY;
    let mut bytes = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let t = timeline::layout(d, Lang::En, width, view, &CharWidths);
        let svg = render::svg(&t.scene, &Theme::LIGHT).unwrap_or_default();
        bytes = svg.len();
        best = best.min(start.elapsed().as_secs_f64() * 1000.0);
    }
    (best, bytes)
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("checking a dataset (parse + validate), best of 3 (ms):");
    for n in [1_000, 10_000, 100_000] {
        let text = generated_text(n);
        let mut best = f64::INFINITY;
        for _ in 0..3 {
            let start = Instant::now();
            let ok = json::parse(&text).map(|j| validate(&j).is_ok());
            assert_eq!(ok.ok(), Some(true));
            best = best.min(start.elapsed().as_secs_f64() * 1000.0);
        }
        println!(
            "  {n:>7} events  {best:>9.1} ms  ({} KB)",
            text.len() / 1024
        );
    }
    let default = breach_explainer::default_dataset().expect("default dataset");
    println!("timeline layout + SVG paint, best of several runs (ms):");
    let mut cases = vec![("default (Coupang 2025)", default)];
    for n in [100, 1_000, 10_000] {
        cases.push((
            Box::leak(format!("{n} generated events").into_boxed_str()),
            generated(n),
        ));
    }
    for (name, d) in &cases {
        for width in [320.0, 1280.0] {
            let (ms, bytes) = time(d, width, View::Story);
            println!(
                "  {name:<24} {width:>5} px  {ms:>9.3} ms  ({} KB of SVG)",
                bytes / 1024
            );
        }
    }
}
