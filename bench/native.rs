//! Benchmark (not a test): how the timeline grows with the number of events. For the default
//! dataset and generated datasets of 10², 10³, 10⁴ and 10⁵ events at phone and desktop widths:
//! layout and paint time, the SVG's bytes and elements, and the marks the keyboard reaches;
//! and the size of the static page (no JavaScript), which lists every event.
//!
//!     cargo run --release --example bench
#![cfg_attr(target_arch = "wasm32", allow(dead_code, unused_imports))]

use breach_explainer::layout::timeline::{self, View};
use breach_explainer::layout::CharWidths;
use breach_explainer::model::{self, json, Lang, Story};
use breach_explainer::page;
use breach_explainer::render::{self, Theme};
use std::time::Instant;

#[path = "../tests/synthetic/mod.rs"]
mod synthetic;

#[cfg(not(target_arch = "wasm32"))]
fn generated(n: usize) -> Story {
    match model::load(&generated_text(n), json::parse) {
        Ok((_, d)) => d,
        Err(issues) => panic!("generated dataset invalid: {}", issues[0]),
    }
}

/// A dataset of `n` events spread over 540 days and the five lanes, as JSON text (the same the
/// scale tests draw).
#[cfg(not(target_arch = "wasm32"))]
fn generated_text(n: usize) -> String {
    synthetic::dataset_text(&synthetic::spread(n))
}

/// One row of the growth table.
#[cfg(not(target_arch = "wasm32"))]
struct Measured {
    layout_ms: f64,
    paint_ms: f64,
    svg_bytes: usize,
    svg_elements: usize,
    /// Events and clusters the keyboard (and the listbox's options) reach.
    marks: usize,
    clusters: usize,
}

/// Layout and paint of the timeline, each the best of several runs.
#[cfg(not(target_arch = "wasm32"))]
fn measure(d: &Story, width: f64, view: View) -> Measured {
    let runs = if d.events.len() > 20_000 { 5 } else { 30 };
    let (mut layout_ms, mut paint_ms) = (f64::INFINITY, f64::INFINITY);
    let mut t = timeline::layout(d, Lang::En, width, view, &CharWidths);
    let mut svg = String::new();
    for _ in 0..runs {
        let start = Instant::now();
        t = timeline::layout(d, Lang::En, width, view, &CharWidths);
        layout_ms = layout_ms.min(start.elapsed().as_secs_f64() * 1000.0);
        let start = Instant::now();
        svg = render::svg(&t.scene, &Theme::LIGHT);
        paint_ms = paint_ms.min(start.elapsed().as_secs_f64() * 1000.0);
    }
    Measured {
        layout_ms,
        paint_ms,
        svg_bytes: svg.len(),
        svg_elements: svg.matches('<').count() - svg.matches("</").count(),
        marks: t.order.len(),
        clusters: t.clusters.len(),
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("loading a dataset (parse + validate + derive the story), best of 3 (ms):");
    for n in [1_000, 10_000, 100_000] {
        let text = generated_text(n);
        let mut best = f64::INFINITY;
        for _ in 0..3 {
            let start = Instant::now();
            assert!(model::load(&text, json::parse).is_ok());
            best = best.min(start.elapsed().as_secs_f64() * 1000.0);
        }
        println!(
            "  {n:>7} events  {best:>9.1} ms  ({} KB)",
            text.len() / 1024
        );
    }
    let default = breach_explainer::default_dataset().expect("default dataset");
    println!("timeline (whole story), native, best of several runs:");
    println!(
        "  {:<22} {:>5}  {:>9} {:>9} {:>8} {:>9} {:>6} {:>8}",
        "events", "width", "layout ms", "paint ms", "SVG KB", "SVG elts", "marks", "clusters"
    );
    let mut cases = vec![("default (Coupang 2025)".to_string(), default)];
    for n in [100, 1_000, 10_000, 100_000] {
        cases.push((format!("{n} generated"), generated(n)));
    }
    for (name, d) in &cases {
        for width in [320.0, 1280.0] {
            let m = measure(d, width, View::Story);
            println!(
                "  {name:<22} {width:>5} {:>9.3} {:>9.3} {:>8.1} {:>9} {:>6} {:>8}",
                m.layout_ms,
                m.paint_ms,
                m.svg_bytes as f64 / 1024.0,
                m.svg_elements,
                m.marks,
                m.clusters
            );
        }
    }
    // The static version lists every event (it is not the live page): how big it gets.
    println!("the static page (no JavaScript, drawn at 720 px), English:");
    for (name, d) in &cases {
        let start = Instant::now();
        let html = page::to_html(&page::explainer(d, Lang::En, Some(&Theme::LIGHT)));
        println!(
            "  {name:<22} {:>9.1} KB  {:>8.1} ms",
            html.len() as f64 / 1024.0,
            start.elapsed().as_secs_f64() * 1000.0
        );
    }
}
