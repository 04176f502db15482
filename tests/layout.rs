//! Layout, scales, derived figures and rendering, natively: the same code the browser runs.
#![cfg(not(target_arch = "wasm32"))]

use breach_explainer::layout::charts::{self, ChartKind};
use breach_explainer::layout::scale::{time_ticks, TickUnit, TimeScale};
use breach_explainer::layout::timeline::{self, View};
use breach_explainer::layout::{CharWidths, Mark, Scene, TextMeasure};
use breach_explainer::model::date::days_from_civil;
use breach_explainer::model::{figures, json, story::from_tree, Lang, Story};
use breach_explainer::{default_dataset, page, render};
use proptest::prelude::*;

fn coupang() -> Story {
    default_dataset().expect("the default dataset is valid")
}

#[test]
fn derived_figures_for_the_default_dataset() {
    let d = coupang();
    let f = figures(&d);
    let days = |s: Option<breach_explainer::model::figures::Span>| s.and_then(|s| s.days());
    // 24 June to 8 November 2025, both days counted.
    assert_eq!(days(f.exposure), Some(138));
    // 24 June to 18 November (Coupang's detection time).
    assert_eq!(days(f.access_to_detection), Some(147));
    assert_eq!(days(f.end_to_detection), Some(10));
    // 18 November to the first public notice on 20 November.
    assert_eq!(days(f.detection_to_disclosure), Some(2));
    // 4,536 in the 19 November report to 33.7 million on 29 November.
    let r = f.revision.expect("the headline count was revised");
    assert_eq!(d.counts[r.first].value.exact(), Some(4536));
    assert_eq!(d.counts[r.revised].value.exact(), Some(33_700_000));
}

#[test]
fn derived_figures_follow_the_data() {
    let mut v: serde_json::Value =
        serde_json::from_str(breach_explainer::model::DEFAULT_DATASET).unwrap();
    v["exposure"]["claims"][0]["start"] = "2025-06-01".into();
    let d = from_tree(&json::parse(&v.to_string()).unwrap()).unwrap();
    assert_eq!(figures(&d).exposure.and_then(|s| s.days()), Some(161));
    assert_eq!(
        figures(&d).access_to_detection.and_then(|s| s.days()),
        Some(170)
    );
    // A month-precision start gives no day count at all.
    v["exposure"]["claims"][0]["start"] = "2025-06".into();
    let d = from_tree(&json::parse(&v.to_string()).unwrap()).unwrap();
    assert_eq!(figures(&d).exposure.and_then(|s| s.days()), None);
}

fn day(y: i32, m: u32, d: u32) -> f64 {
    days_from_civil(y, m, d) as f64
}

#[test]
fn ticks_suit_spans_from_one_day_to_twenty_years() {
    let cases = [
        (day(2025, 11, 18), day(2025, 11, 19), 600.0, TickUnit::Day),
        (day(2025, 11, 1), day(2025, 12, 1), 600.0, TickUnit::Day),
        (day(2025, 6, 1), day(2025, 12, 1), 1200.0, TickUnit::Day),
        (day(2025, 6, 1), day(2025, 12, 1), 300.0, TickUnit::Month),
        (day(2025, 1, 1), day(2026, 7, 1), 600.0, TickUnit::Month),
        (day(2005, 1, 1), day(2025, 1, 1), 600.0, TickUnit::Year),
    ];
    for (d0, d1, width, unit) in cases {
        let scale = TimeScale::new(d0, d1, 0.0, width);
        let ticks = time_ticks(&scale, 64.0);
        assert!(!ticks.is_empty(), "no ticks for {d0}..{d1} at {width}");
        assert!(
            ticks.iter().all(|t| t.unit == unit),
            "{unit:?} expected for {d0}..{d1} at {width}"
        );
        for pair in ticks.windows(2) {
            let gap = scale.x(pair[1].day as f64) - scale.x(pair[0].day as f64);
            assert!(gap >= 40.0, "ticks {gap}px apart");
        }
        assert!(ticks[0].shows_year, "the first tick names its year");
        match unit {
            TickUnit::Month => assert!(ticks.iter().all(|t| t.dom == 1)),
            TickUnit::Year => assert!(ticks.iter().all(|t| t.dom == 1 && t.month == 1)),
            TickUnit::Day => {}
        }
    }
    // A year boundary inside a month axis is labelled with the new year.
    let scale = TimeScale::new(day(2025, 6, 1), day(2026, 7, 1), 0.0, 900.0);
    let ticks = time_ticks(&scale, 64.0);
    let jan = ticks
        .iter()
        .find(|t| t.year == 2026 && t.month == 1)
        .expect("January 2026 tick");
    assert!(jan.shows_year);
    assert_eq!(timeline::tick_label(Lang::En, jan), "Jan 2026");
    assert_eq!(timeline::tick_label(Lang::Ko, jan), "2026년 1월");
}

fn overlaps(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// No two labels overlap, no label covers a marker, and everything stays inside the scene.
fn assert_clean(scene: &Scene, what: &str) {
    let boxes = scene.text_boxes(&CharWidths);
    for (i, a) in boxes.iter().enumerate() {
        assert!(
            a.0 >= -0.5 && a.2 <= scene.width + 0.5,
            "{what}: label {i} {a:?} leaves the {}px scene",
            scene.width
        );
        for b in boxes.iter().skip(i + 1) {
            assert!(!overlaps(*a, *b), "{what}: labels overlap {a:?} {b:?}");
        }
    }
    for m in &scene.marks {
        if let Mark::Circle { x, y, r, .. } = m {
            let c = (x - r, y - r, x + r, y + r);
            for b in &boxes {
                assert!(
                    !overlaps(c, *b),
                    "{what}: a label {b:?} covers the marker at ({x}, {y})"
                );
            }
        }
    }
}

#[test]
fn the_default_timeline_is_clean_at_every_width() {
    let d = coupang();
    for width in (280..=1600).step_by(40) {
        for view in [View::Window, View::Story] {
            for lang in [Lang::En, Lang::Ko] {
                let t = timeline::layout(&d, lang, f64::from(width), view, &CharWidths);
                assert_clean(&t.scene, &format!("{view:?} {lang:?} at {width}px"));
            }
        }
        for kind in ChartKind::ALL {
            for lang in [Lang::En, Lang::Ko] {
                let scene = charts::layout(kind, &d, lang, f64::from(width), &CharWidths);
                assert_clean(&scene, &format!("{kind:?} {lang:?} at {width}px"));
            }
        }
    }
}

#[test]
fn every_event_in_view_is_placed_and_hit() {
    let d = coupang();
    let t = timeline::layout(&d, Lang::En, 1280.0, View::Story, &CharWidths);
    let in_story: Vec<&str> = d
        .events
        .iter()
        .filter(|e| e.date.year >= 2025)
        .map(|e| e.id.as_str())
        .collect();
    for id in &in_story {
        let i = d.event_index(id).unwrap();
        let p = t
            .placed
            .iter()
            .find(|p| p.event == i)
            .unwrap_or_else(|| panic!("{id} not placed"));
        assert_eq!(
            t.scene.hit_test(p.x, p.y),
            Some(i),
            "the marker of {id} answers the pointer"
        );
    }
    assert_eq!(t.scene.hit_test(-10.0, -10.0), None);
    // Placed in time order.
    let starts: Vec<f64> = t
        .placed
        .iter()
        .map(|p| d.events[p.event].date.middle(540))
        .collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn the_exposure_band_spans_the_preferred_claim_and_the_earlier_start_is_labelled() {
    let d = coupang();
    let t = timeline::layout(&d, Lang::En, 1000.0, View::Story, &CharWidths);
    let texts: Vec<&str> = t
        .scene
        .marks
        .iter()
        .filter_map(|m| match m {
            Mark::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert!(
        texts.contains(&"Unauthorised access: 138 days"),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.ends_with(": April – November 2025")),
        "{texts:?}"
    );
    let band = t.scene.marks.iter().find_map(|m| match m {
        Mark::Rect {
            x,
            w,
            fill: breach_explainer::layout::Paint::Band,
            ..
        } => Some((*x, *w)),
        _ => None,
    });
    let (x, w) = band.expect("a band");
    let start = t.scale.x(day(2025, 6, 24));
    let end = t.scale.x(day(2025, 11, 9));
    assert!(
        (x - start).abs() < 1.0 && (x + w - end).abs() < 1.0,
        "band {x}..{} vs {start}..{end}",
        x + w
    );
}

/// Random datasets: events at random days with random lanes and label lengths (English and
/// Korean), laid out at random widths.
fn random_dataset(events: &[(u32, u8, u8, bool)]) -> Story {
    let words = [
        "Access",
        "report",
        "Coupang",
        "police",
        "fine",
        "개인정보",
        "유출",
        "발표",
        "regulator",
        "count",
    ];
    let lanes = [
        "breach",
        "company",
        "government",
        "police-courts",
        "context",
    ];
    let events: Vec<serde_json::Value> = events
        .iter()
        .enumerate()
        .map(|(i, &(offset, lane, len, korean))| {
            let date = days_from_civil(2025, 6, 1) + i64::from(offset);
            let (y, m, dd) = breach_explainer::model::date::civil_from_days(date);
            let title: Vec<&str> = (0..=len)
                .map(|k| words[(usize::from(k) + i + usize::from(korean) * 5) % words.len()])
                .collect();
            serde_json::json!({
                "id": format!("e{i}"),
                "date": format!("{y:04}-{m:02}-{dd:02}"),
                "lane": lanes[usize::from(lane) % lanes.len()],
                "title": {"en": title.join(" ")},
                "detail": {"en": "detail"},
                "confidence": "high",
                "sources": ["s"]
            })
        })
        .collect();
    let v = serde_json::json!({
        "format": "breach-explainer/1", "id": "random", "languages": ["en"],
        "timezone": {"offset": "+09:00", "label": {"en": "KST"}},
        "breach": {"organisation": {"en": "Org"}, "country": "KR", "title": {"en": "T"}, "summary": {"en": "S"}},
        "sources": [{"id": "s", "publisher": "P", "title": "T", "url": "https://example.com/"}],
        "exposure": {"preferred": "c", "claims": [{"id": "c", "by": {"en": "Org"}, "start": "2025-06-01", "end": "2025-11-30", "sources": ["s"]}]},
        "events": events
    });
    from_tree(&json::parse(&v.to_string()).unwrap()).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn random_timelines_never_overlap_and_keep_every_event(
        events in prop::collection::vec((0u32..200, 0u8..5, 0u8..6, any::<bool>()), 1..60),
        width in 280.0f64..1600.0,
        story in any::<bool>(),
    ) {
        let d = random_dataset(&events);
        let view = if story { View::Story } else { View::Window };
        let t = timeline::layout(&d, Lang::En, width, view, &CharWidths);
        assert_clean(&t.scene, "random");
        // Every event inside the view is drawn, as itself or in a cluster where a lane is too
        // crowded (tests/scale.rs checks clusters), and reachable by pointer at its mark.
        let (d0, d1) = timeline::domain(&d, view);
        let in_view = d.events.iter().filter(|e| e.date.start(540) < d1 && e.date.end(540) > d0).count();
        // The exposure window also draws the story's latest event when it comes after.
        let later = !story && d.events.iter().any(|e| e.date.start(540) >= d1);
        prop_assert_eq!(t.events_shown(), in_view + usize::from(later));
        for c in &t.clusters {
            let id = timeline::cluster_id(d.events.len(), c.events[0]);
            prop_assert_eq!(t.scene.hit_test((c.x + c.x_end) / 2.0, c.y), Some(id));
        }
        if story {
            // The whole story holds every event but context incidents from other times.
            let story_events = d.events.iter().filter(|e| e.lane != breach_explainer::model::Lane::Context).count();
            prop_assert!(in_view >= story_events);
        }
        for p in &t.placed {
            prop_assert_eq!(t.scene.hit_test(p.x, p.y), Some(p.event));
            prop_assert!(!p.label.is_empty());
        }
    }
}

#[test]
fn text_measure_is_never_narrower_for_wider_scripts() {
    let m = CharWidths;
    assert!(m.width("유출", 13.0, false) > m.width("ab", 13.0, false));
    assert!(m.width("Bold", 13.0, true) > m.width("Bold", 13.0, false));
}

#[test]
fn svg_output_escapes_dataset_text() {
    let mut v: serde_json::Value =
        serde_json::from_str(breach_explainer::model::DEFAULT_DATASET).unwrap();
    v["events"][10]["title"]["en"] = "<script>alert(1)</script> & <b>".into();
    let d = from_tree(&json::parse(&v.to_string()).unwrap()).unwrap();
    let t = timeline::layout(&d, Lang::En, 1600.0, View::Story, &CharWidths);
    let svg = render::svg(&t.scene, &render::Theme::LIGHT);
    assert!(!svg.contains("<script>"));
    assert!(!svg.contains("<b>"));
    assert!(svg.contains("&lt;script&gt;"), "the title is drawn as text");
    let html = page::to_html(&page::explainer(&d, Lang::En, Some(&render::Theme::LIGHT)));
    assert!(
        !html.contains("<script>")
            && html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;")
    );
}

#[test]
fn the_page_lists_every_source_as_a_safe_link() {
    let d = coupang();
    let el = page::explainer(&d, Lang::En, Some(&render::Theme::LIGHT));
    let html = page::to_html(&el);
    for s in &d.sources {
        let escaped = s.url.replace('&', "&amp;");
        assert!(
            html.contains(&format!("href=\"{escaped}\"")),
            "{} is linked",
            s.url
        );
    }
    assert_eq!(
        html.matches("rel=\"noopener noreferrer\"").count(),
        d.sources.len()
    );
    let text = el.text_content();
    assert!(text.contains("138 days of unauthorised access"), "{text}");
}

#[test]
fn the_timeline_alternative_says_whose_dates_it_uses() {
    let d = coupang();
    let alt = breach_explainer::describe::timeline_alt(&d, Lang::En);
    assert!(
        alt.starts_with(
            "Timeline. Coupang and the science ministry, as first stated: Unauthorised access to \
             data held by Coupang lasted 138 days, 24 June – 8 November 2025, counting the first \
             and last day."
        ),
        "{alt}"
    );
    // The other account of the window, at its own precision, and the other detection date.
    assert!(
        alt.contains(
            ". Government joint probe (February 2026): about seven months, April – November 2025."
        ),
        "{alt}"
    );
    // Named as the author names it, never "By the dates of Government …" (no article).
    assert!(!alt.contains("y the dates of"), "{alt}");
    assert!(
        alt.contains(
            "It was detected on 18 November 2025, 22:52 KST, 10 days after access ended ("
        ),
        "{alt}"
    );
    assert!(alt.contains("gives 17 November 2025, 16:00 KST"), "{alt}");
}

#[test]
fn our_svg_writer_draws_what_plotters_own_svg_backend_draws() {
    // The same scene through both plotters backends: the same marks, element for element.
    let d = coupang();
    let t = timeline::layout(&d, Lang::Ko, 900.0, View::Story, &CharWidths);
    let ours = render::svg(&t.scene, &render::Theme::LIGHT);
    let mut theirs = String::new();
    {
        let mut backend =
            plotters::backend::SVGBackend::with_string(&mut theirs, (900, t.scene.height as u32));
        render::paint(&t.scene, &render::Theme::LIGHT, &mut backend).unwrap();
    }
    for tag in ["<text", "<circle", "<line", "<rect"] {
        assert_eq!(
            ours.matches(tag).count(),
            theirs.matches(tag).count(),
            "{tag} elements"
        );
    }
    // And the text content is the same, escaped the same way.
    let texts = |svg: &str| -> Vec<String> {
        svg.split("<text")
            .skip(1)
            .map(|t| {
                t.split('>')
                    .nth(1)
                    .unwrap_or("")
                    .split('<')
                    .next()
                    .unwrap_or("")
                    .trim()
                    // The same apostrophe, escaped two valid ways.
                    .replace("&apos;", "&#39;")
            })
            .collect()
    };
    assert_eq!(texts(&ours), texts(&theirs));
    assert!(
        ours.len() < theirs.len(),
        "ours is the more compact ({} vs {} bytes)",
        ours.len(),
        theirs.len()
    );
}

#[test]
fn dates_known_only_to_the_month_are_drawn_as_uncertain_and_bracket_nothing() {
    let mut v: serde_json::Value =
        serde_json::from_str(breach_explainer::model::DEFAULT_DATASET).unwrap();
    let preferred = v["exposure"]["preferred"].clone();
    for c in v["exposure"]["claims"].as_array_mut().unwrap() {
        if c["id"] == preferred {
            c["start"] = "2025-06".into();
            c["end"] = "2025-11".into();
        }
    }
    let d = from_tree(&json::parse(&v.to_string()).unwrap()).unwrap();
    let t = timeline::layout(&d, Lang::En, 1000.0, View::Window, &CharWidths);
    let fills: Vec<(f64, f64, bool)> = t
        .scene
        .marks
        .iter()
        .filter_map(|m| match m {
            Mark::Rect { x, w, fill, .. } => match fill {
                breach_explainer::layout::Paint::Band => Some((*x, *w, true)),
                breach_explainer::layout::Paint::BandUncertain => Some((*x, *w, false)),
                _ => None,
            },
            _ => None,
        })
        .collect();
    let solid = fills.iter().find(|f| f.2).expect("a solid band");
    let light = fills.iter().find(|f| !f.2).expect("a lighter band");
    // The solid band starts after June and ends before November; the lighter one covers both.
    assert!(
        solid.0 > light.0 && solid.0 + solid.1 < light.0 + light.1,
        "{fills:?}"
    );
    // No bracket from a month-precise end: no day count drawn.
    let texts: Vec<&str> = t
        .scene
        .marks
        .iter()
        .filter_map(|m| match m {
            Mark::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert!(
        !texts.iter().any(|t| t.contains("to detection")),
        "{texts:?}"
    );
}

#[test]
fn every_axis_label_run_names_its_year() {
    // For every dataset in data/, both views and phone to desktop widths: each year whose
    // months are labelled on the axis is named by at least one label ("Jul 2015", "2015년 7월").
    for entry in std::fs::read_dir("data").unwrap().filter_map(|e| e.ok()) {
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let d = from_tree(&json::parse(&text).unwrap()).unwrap();
        for view in [View::Window, View::Story] {
            for width in [280.0, 320.0, 375.0, 768.0, 1280.0] {
                for lang in d.languages.clone() {
                    let t = timeline::layout(&d, lang, width, view, &CharWidths);
                    let ticks = time_ticks(&t.scale, 64.0);
                    let labels: Vec<(i32, &str)> = t
                        .scene
                        .marks
                        .iter()
                        .filter_map(|m| match m {
                            Mark::Text { x, y, text, .. } if *y < 30.0 => ticks
                                .iter()
                                .find(|k| (t.scale.x(k.day as f64) - x).abs() < 0.01)
                                .map(|k| (k.year, text.as_str())),
                            _ => None,
                        })
                        .collect();
                    // The last tick is labelled too (ending at its tick at the right edge).
                    let last = ticks.last().expect("ticks");
                    let last_x = t.scale.x(last.day as f64);
                    assert!(
                        t.scene.marks.iter().any(|m| matches!(m, Mark::Text { x, y, .. } if *y < 30.0 && (x - last_x).abs() < 0.01)),
                        "{:?} {view:?} {width}: the last tick is unlabelled: {labels:?}",
                        entry.path()
                    );
                    for (year, _) in &labels {
                        assert!(
                            labels.iter().any(|(_, l)| l.contains(&year.to_string())),
                            "{:?} {view:?} {width}: no label names {year}: {labels:?}",
                            entry.path()
                        );
                    }
                }
            }
        }
    }
}

/// The static version shows the rung the live one draws at: `explainer.css` has one container
/// query per rung of each ladder, with the same bounds (in em, so the reader's text size counts
/// as it does in `State::layout_width`).
#[test]
fn the_stylesheet_shows_the_rung_the_live_explainer_draws() {
    use breach_explainer::layout::{rung, CHART_RUNGS, TIMELINE_RUNGS};
    let css = include_str!("../www/explainer.css");
    let em = |px: f64| format!("{}em", px / 16.0);
    for (selector, rungs) in [
        (".bx-rungs[data-chart=\"timeline\"]", &TIMELINE_RUNGS[..]),
        (".bx-rungs:not([data-chart=\"timeline\"])", &CHART_RUNGS[..]),
    ] {
        for (i, &r) in rungs.iter().enumerate() {
            let lo = (i > 0).then(|| em(r));
            let hi = rungs.get(i + 1).map(|&n| em(n));
            let condition = match (lo, hi) {
                (Some(lo), Some(hi)) => format!("({lo} <= width < {hi})"),
                (None, Some(hi)) => format!("(width < {hi})"),
                (Some(lo), None) => format!("({lo} <= width)"),
                (None, None) => unreachable!("a ladder has rungs"),
            };
            let rule = format!(
                "@container {condition} {{ {selector} > .bx-rung[data-rung=\"{r}\"] {{ display: block; }} }}"
            );
            assert!(css.contains(&rule), "explainer.css lacks {rule}");
            // And the live explainer picks that rung inside those bounds.
            assert_eq!(rung(rungs, r), r);
            assert_eq!(rung(rungs, r + 0.5), r);
        }
        assert_eq!(
            rung(rungs, 100.0),
            rungs[0],
            "a box narrower than every rung"
        );
    }
}

#[test]
fn a_label_too_long_for_its_room_is_cut_after_a_whole_word() {
    use breach_explainer::layout::measure::shorten;
    let m = CharWidths;
    let text = "Emergency meeting, probe launched";
    let full = m.width(text, 12.0, false);
    let first = m.width("Emergency…", 12.0, false).ceil() as usize;
    for max in (first..full as usize).step_by(7) {
        let cut = shorten(&m, text, 12.0, false, max as f64).expect("a word fits");
        assert!(
            m.width(&cut, 12.0, false) <= max as f64,
            "{cut:?} fits {max}"
        );
        let kept = cut.trim_end_matches('…');
        assert!(
            text.strip_prefix(kept)
                .is_some_and(|rest| rest.starts_with(' ') || rest.starts_with(", ")),
            "{cut:?} ends at a word's end (room {max} px)"
        );
    }
    // A single word too long for its room is still cut, by character.
    let cut = shorten(&m, "Unauthorised", 12.0, false, 40.0).expect("a character fits");
    assert!(cut.ends_with('…') && cut.len() < "Unauthorised…".len());
}

#[test]
fn the_default_view_draws_the_latest_event_of_every_story() {
    // A developing story's newest news is in the timeline a reader first sees, at phone and
    // desktop widths, with its date in words where it falls after the exposure window.
    for entry in std::fs::read_dir("data").unwrap().filter_map(|e| e.ok()) {
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let d = from_tree(&json::parse(&text).unwrap()).unwrap();
        let latest = *d.events_in_time_order().last().expect("events");
        for lang in d.languages.clone() {
            for width in [320.0, 375.0, 1280.0] {
                let t = timeline::layout(&d, lang, width, View::Window, &CharWidths);
                let held = t.placed.iter().any(|p| p.event == latest)
                    || t.clusters.iter().any(|c| c.events.contains(&latest));
                assert!(
                    held,
                    "{:?} {lang:?} {width}: the latest event is not drawn",
                    entry.path()
                );
            }
        }
    }
}
