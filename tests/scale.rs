//! The timeline at scale: thousands of events stay a bounded drawing in which every event can
//! still be reached (drawn as itself, or inside exactly one cluster that says truly how many
//! events it holds and when), and a cluster zoomed into, again and again, ends with each of its
//! events drawn or listed. Times are printed by `bench/native.rs`, never asserted here.
#![cfg(not(target_arch = "wasm32"))]

use breach_explainer::describe::clusters::{
    cluster_label, cluster_name, event_count, listed, show_more, showing, span_words, zoomed,
};
use breach_explainer::layout::timeline::{self, cluster_id, Timeline, View};
use breach_explainer::layout::{CharWidths, Mark};
use breach_explainer::model::{json, story::from_tree, Lang, Story, StoryDate};
use breach_explainer::render::{self, Theme};
use proptest::prelude::*;

mod synthetic;

/// A dataset in English and Korean with an event at each `(day offset from 1 January 2025,
/// lane, precision)`: 0 a day, 1 a month, 2 a time of day, 3 a span of days.
fn dataset(events: &[(u32, u8, u8)]) -> Story {
    let events: Vec<(u32, usize, u8)> = events
        .iter()
        .map(|&(day, lane, precision)| (day, usize::from(lane), precision))
        .collect();
    parsed(&synthetic::dataset_text(&events))
}

/// `n` events spread over 540 days and the five lanes, as `bench/native.rs` makes them.
fn generated(n: usize) -> Story {
    parsed(&synthetic::dataset_text(&synthetic::spread(n)))
}

fn parsed(text: &str) -> Story {
    match json::parse(text)
        .map_err(|e| vec![e])
        .and_then(|j| from_tree(&j))
    {
        Ok(d) => d,
        Err(issues) => panic!("generated dataset invalid: {}", issues[0]),
    }
}

/// The events a view covers (what it must let the reader reach).
fn in_view(d: &Story, view: View) -> Vec<usize> {
    let zone = d.zone.offset;
    let (d0, d1) = timeline::domain(d, view);
    (0..d.events.len())
        .filter(|&i| {
            let e = &d.events[i];
            e.date.start(zone) < d1 && e.end.unwrap_or(e.date).end(zone) > d0
        })
        .collect()
}

/// Every event of the view is drawn as itself or inside exactly one cluster, and the keyboard
/// reaches every mark once; each cluster says its count and span truly, and has a target of at
/// least 24×24 px.
fn assert_reachable(d: &Story, lang: Lang, t: &Timeline, what: &str) {
    let zone = d.zone.offset;
    let n = d.events.len();
    let mut seen = vec![0u32; n];
    for p in &t.placed {
        seen[p.event] += 1;
    }
    for c in &t.clusters {
        assert!(c.events.len() >= 2, "{what}: a cluster of one");
        for &e in &c.events {
            seen[e] += 1;
        }
    }
    for i in in_view(d, t.view) {
        assert_eq!(seen[i], 1, "{what}: event {i} drawn {} times", seen[i]);
    }
    assert_eq!(
        seen.iter().map(|&s| s as usize).sum::<usize>(),
        t.events_shown()
    );
    // The keyboard's order: every mark once, in time order.
    let mut marks: Vec<usize> = t.placed.iter().map(|p| p.event).collect();
    marks.extend(t.clusters.iter().map(|c| cluster_id(n, c.events[0])));
    let mut order = t.order.clone();
    marks.sort_unstable();
    order.sort_unstable();
    assert_eq!(order, marks, "{what}: the keyboard reaches every mark once");
    for c in &t.clusters {
        let id = cluster_id(n, c.events[0]);
        assert_eq!(t.cluster(id), Some(c));
        let hit = t.scene.hits.iter().find(|h| h.item == id).expect("a hit");
        assert!(hit.w >= 24.0 && hit.h >= 24.0, "{what}: target {hit:?}");
        // The span: from the earliest date of its events to the latest, each within it.
        let earliest = c.events.iter().map(|&e| d.events[e].date.start(zone));
        let latest = c.events.iter().map(|&e| d.events[e].date.end(zone));
        assert_eq!(earliest.fold(f64::INFINITY, f64::min), c.from.start(zone));
        assert_eq!(latest.fold(f64::NEG_INFINITY, f64::max), c.to.end(zone));
        // What it says: its count, and its dates when it says them.
        let count = event_count(lang, c.events.len());
        let full = cluster_label(lang, c.events.len(), &c.from, &c.to);
        assert!(
            c.label == full || c.label == count || c.label.ends_with('…'),
            "{what}: label {:?} for {} events",
            c.label,
            c.events.len()
        );
        let name = cluster_name(lang, c.events.len(), &c.from, &c.to, c.lane);
        assert!(name.starts_with(&format!("{count}, ")), "{name}");
        // It is drawn: its label as a text mark, in bold.
        assert!(t.scene.marks.iter().any(|m| matches!(m,
            Mark::Text { text, bold: true, .. } if *text == c.label)));
    }
}

#[test]
fn ten_thousand_events_stay_a_small_drawing_with_every_event_reachable() {
    let d = generated(10_000);
    for width in [320.0, 768.0, 1280.0] {
        for view in [View::Story, View::Window] {
            for lang in [Lang::En, Lang::Ko] {
                let what = format!("{width} px {view:?} {lang:?}");
                let t = timeline::layout(&d, lang, width, view, &CharWidths);
                let svg = render::svg(&t.scene, &Theme::LIGHT);
                assert!(svg.len() <= 200 * 1024, "{what}: {} bytes", svg.len());
                assert!(
                    !t.clusters.is_empty(),
                    "{what}: crowded lanes are clustered"
                );
                // Bounded whatever the data: marks a reader can take in, and as many options.
                assert!(t.order.len() <= 5 * 48, "{what}: {} marks", t.order.len());
                assert_reachable(&d, lang, &t, &what);
            }
        }
    }
}

#[test]
fn a_hundred_thousand_events_lay_out_bounded() {
    let d = generated(100_000);
    for width in [320.0, 1280.0] {
        let t = timeline::layout(&d, Lang::En, width, View::Story, &CharWidths);
        let svg = render::svg(&t.scene, &Theme::LIGHT);
        assert!(svg.len() <= 200 * 1024, "{width}: {} bytes", svg.len());
        assert_reachable(&d, Lang::En, &t, &format!("10⁵ at {width}"));
    }
}

#[test]
fn the_datasets_in_the_repository_have_no_clusters() {
    for entry in std::fs::read_dir("data").unwrap().filter_map(|e| e.ok()) {
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let d = from_tree(&json::parse(&text).unwrap()).unwrap();
        for width in (200..=2600).step_by(20) {
            for view in [View::Window, View::Story] {
                for lang in d.languages.clone() {
                    let t = timeline::layout(&d, lang, f64::from(width), view, &CharWidths);
                    assert!(t.clusters.is_empty(), "{:?} at {width}", entry.path());
                    assert_eq!(
                        t.order,
                        t.placed.iter().map(|p| p.event).collect::<Vec<_>>()
                    );
                }
            }
        }
    }
}

/// Zooms into every cluster, and into the clusters each zoom shows, until every event of the
/// first one is drawn as itself or in a cluster no zoom can spread (which the page lists).
#[test]
fn zooming_into_a_cluster_ends_with_each_of_its_events_drawn_or_listed() {
    // Crowded days, and a crowd at one moment that no zoom spreads.
    let mut events: Vec<(u32, u8, u8)> = (0..3000).map(|i| ((i * 37 % 400) as u32, 1, 0)).collect();
    events.extend((0..40).map(|_| (200, 1, 0)));
    let d = dataset(&events);
    let t = timeline::layout(&d, Lang::En, 320.0, View::Story, &CharWidths);
    let mut reached = vec![false; d.events.len()];
    let mut listed = 0;
    let mut zooms = 0;
    // (view, cluster ids to open in it)
    let mut todo: Vec<(View, Timeline)> = vec![(View::Story, t)];
    while let Some((view, t)) = todo.pop() {
        for p in &t.placed {
            reached[p.event] = true;
        }
        for c in &t.clusters {
            match timeline::zoom(&d, c, view) {
                Some(inner) => {
                    zooms += 1;
                    assert!(zooms < 10_000, "zooming does not end");
                    let (a0, a1) = timeline::domain(&d, view);
                    let (b0, b1) = timeline::domain(&d, inner);
                    assert!(b1 - b0 <= 0.8 * (a1 - a0), "each zoom narrows the view");
                    let zoomed = timeline::layout(&d, Lang::En, 320.0, inner, &CharWidths);
                    // Every event of the cluster is in the zoomed view.
                    for &e in &c.events {
                        assert!(zoomed.holding(e).is_some(), "event {e} lost by the zoom");
                    }
                    assert_reachable(&d, Lang::En, &zoomed, "zoomed");
                    todo.push((inner, zoomed));
                }
                None => {
                    listed += 1;
                    for &e in &c.events {
                        reached[e] = true;
                    }
                }
            }
        }
    }
    assert!(reached.iter().all(|r| *r), "every event drawn or listed");
    assert!(listed >= 1, "the crowd at one moment is listed");
    assert!(zooms >= 1);
}

fn day(y: i32, m: u32, d: u32) -> StoryDate {
    date(&format!("{y}-{m:02}-{d:02}"))
}

fn date(s: &str) -> StoryDate {
    StoryDate::parse(s).expect("a date")
}

#[test]
fn cluster_words_count_and_span_truly_in_both_languages() {
    assert_eq!(event_count(Lang::En, 1), "1 event");
    assert_eq!(event_count(Lang::En, 2), "2 events");
    assert_eq!(event_count(Lang::En, 12_345), "12,345 events");
    assert_eq!(event_count(Lang::Ko, 1), "사건 1건");
    assert_eq!(event_count(Lang::Ko, 12_345), "사건 12,345건");
    let (a, b) = (day(2025, 11, 3), day(2025, 11, 9));
    assert_eq!(
        cluster_label(Lang::En, 42, &a, &b),
        "42 events, 3–9 Nov 2025"
    );
    assert_eq!(
        cluster_label(Lang::Ko, 42, &a, &b),
        "사건 42건, 2025년 11월 3~9일"
    );
    assert_eq!(
        cluster_name(Lang::En, 42, &a, &b, breach_explainer::model::Lane::Company),
        "42 events, 3–9 November 2025 (The company)"
    );
    let (a, b) = (day(2025, 10, 28), day(2025, 11, 9));
    assert_eq!(
        span_words(Lang::En, &a, &b, false),
        "28 October – 9 November 2025"
    );
    assert_eq!(
        span_words(Lang::Ko, &a, &b, false),
        "2025년 10월 28일~11월 9일"
    );
    let (a, b) = (day(2025, 12, 28), day(2026, 1, 3));
    assert_eq!(
        span_words(Lang::En, &a, &b, true),
        "28 Dec 2025 – 3 Jan 2026"
    );
    assert_eq!(
        span_words(Lang::Ko, &a, &b, true),
        "2025년 12월 28일~2026년 1월 3일"
    );
    assert_eq!(span_words(Lang::En, &a, &a, false), "28 December 2025");
    // A time of day is said as its day; months and years at their own precision.
    let t = date("2025-11-18T22:52+09:00");
    assert_eq!(
        span_words(Lang::En, &t, &day(2025, 11, 20), false),
        "18–20 November 2025"
    );
    let (m0, m1) = (date("2025-04"), date("2025-11"));
    assert_eq!(
        span_words(Lang::En, &m0, &m1, false),
        "April – November 2025"
    );
    assert_eq!(span_words(Lang::Ko, &m0, &m1, false), "2025년 4월~11월");
    // What the reader hears when a cluster opens, and when a list grows.
    let (a, b) = (day(2025, 11, 3), day(2025, 11, 9));
    assert_eq!(
        zoomed(Lang::En, &a, &b, 1),
        "Zoomed in to 3–9 November 2025: 1 event in these dates. Zoom out, or Escape, goes back."
    );
    assert_eq!(
        zoomed(Lang::Ko, &a, &b, 57),
        "2025년 11월 3~9일로 확대: 이 기간의 사건 57건. 축소 버튼이나 Esc 키로 돌아갑니다."
    );
    assert_eq!(
        zoomed(Lang::Ko, &day(2025, 1, 3), &day(2025, 1, 3), 2),
        "2025년 1월 3일로 확대: 이 기간의 사건 2건. 축소 버튼이나 Esc 키로 돌아갑니다."
    );
    assert_eq!(
        listed(Lang::Ko, "사건 60건, 2025년 3월 5일 (기업)"),
        "사건 60건, 2025년 3월 5일 (기업): 타임라인 아래 목록에 있습니다."
    );
    assert_eq!(show_more(Lang::En, 1, 1), "Show 1 more (1 not shown)");
    assert_eq!(show_more(Lang::Ko, 50, 9_950), "50건 더 보기(9,950건 남음)");
    assert_eq!(showing(Lang::En, 1, 1), "Showing 1 of 1 event.");
    assert_eq!(
        showing(Lang::Ko, 100, 10_000),
        "사건 10,000건 중 100건 표시."
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]
    /// Random crowds of events (days, months, times, spans; any lane) at random widths: every
    /// event is reachable once, no cluster lies about its count or its dates, and no two labels
    /// overlap.
    #[test]
    fn every_event_is_reachable_and_no_cluster_lies(
        events in prop::collection::vec((0u32..600, 0u8..5, 0u8..4), 1..400),
        width in 280.0f64..1600.0,
        story in any::<bool>(),
        korean in any::<bool>(),
    ) {
        let d = dataset(&events);
        let view = if story { View::Story } else { View::Window };
        let lang = if korean { Lang::Ko } else { Lang::En };
        let t = timeline::layout(&d, lang, width, view, &CharWidths);
        assert_reachable(&d, lang, &t, "random");
        let boxes = t.scene.text_boxes(&CharWidths);
        for (i, a) in boxes.iter().enumerate() {
            for b in boxes.iter().skip(i + 1) {
                prop_assert!(!(a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3), "labels overlap {:?} {:?}", a, b);
            }
        }
    }
}
