//! The count charts natively: generated takeaways and text alternatives, scales and ticks,
//! and colour contrast of both themes.
#![cfg(not(target_arch = "wasm32"))]

use breach_explainer::default_dataset;
use breach_explainer::describe::charts as words;
use breach_explainer::layout::charts::{self, linear_ticks, ChartKind};
use breach_explainer::layout::{CharWidths, LogScale, Mark};
use breach_explainer::model::figures::rows;
use breach_explainer::model::{json, story::from_tree, Lang};
use breach_explainer::render::Theme;
use plotters::style::RGBColor;

#[test]
fn takeaways_are_generated_from_the_data() {
    let d = default_dataset().unwrap();
    // One unit per line of findings: the accounts count is revised in accounts; records and
    // page views are other findings, never a count that "grew" into another unit.
    // One sentence (a phone reads it at a glance); the other findings are in the long
    // description, each as itself.
    let t = words::takeaway(&d, Lang::En, ChartKind::Revisions);
    assert_eq!(
        t,
        "The first count, 4,536 accounts (19 November 2025), was revised to about 33.7 million \
         accounts (29 November 2025) 10 days later."
    );
    let long = words::chart_long(&d, Lang::En, ChartKind::Revisions);
    assert!(
        long.contains("about 33,670,000 records, Coupang user records"),
        "{long}"
    );
    // A comparison in one unit has no caveat; a fraction, never "in three people".
    assert_eq!(
        words::takeaway(&d, Lang::En, ChartKind::Comparison),
        "About 37.55 million people (People affected, including non-members (PIPC)) is a number equal \
         to about three-quarters of 51.2 million people (Registered residents of South Korea)."
    );
    let ko = words::takeaway(&d, Lang::Ko, ChartKind::Comparison);
    assert!(ko.contains("약 4분의 3"), "{ko}");
    assert!(!ko.contains("명 중"), "{ko}");
    let money = words::takeaway(&d, Lang::En, ChartKind::Money);
    assert!(
        money.starts_with("The largest amount: Face value of vouchers"),
        "{money}"
    );
}

#[test]
fn text_alternatives_are_generated_from_the_data() {
    let d = default_dataset().unwrap();
    let n = |k| rows(&d, k).len();
    assert_eq!(
        words::chart_alt(&d, Lang::En, ChartKind::Exposed),
        format!(
            "Labelled tiles: {} kinds of data exposed, {} not exposed.",
            d.data_classes.iter().filter(|c| c.exposed).count(),
            d.data_classes.iter().filter(|c| !c.exposed).count()
        )
    );
    assert!(
        words::chart_alt(&d, Lang::En, ChartKind::Money).starts_with(&format!(
            "Bar chart from zero of {} amounts, largest first, from ₩1.685 trillion",
            n(ChartKind::Money)
        ))
    );
    // The long description names every mark with its exact figure.
    let long = words::chart_long(&d, Lang::En, ChartKind::Revisions);
    for exact in [
        "4,536 accounts",
        "about 33,700,000 accounts",
        "+165,455 accounts",
        "about 3,000 accounts (disputed claim, not a count)",
    ] {
        assert!(long.contains(exact), "{exact} in {long}");
    }
}

#[test]
fn the_text_follows_the_data() {
    let mut v: serde_json::Value =
        serde_json::from_str(breach_explainer::model::DEFAULT_DATASET).unwrap();
    // If the revision had come later and been smaller, the takeaway says so.
    for c in v["counts"].as_array_mut().unwrap() {
        if c["value"] == 33_700_000 {
            c["value"] = 20_000_000.into();
            c["as_of"] = "2025-12-05".into();
        }
    }
    let d = from_tree(&json::parse(&v.to_string()).unwrap()).unwrap();
    let t = words::takeaway(&d, Lang::En, ChartKind::Revisions);
    assert!(
        t.contains("was revised to about 20 million accounts (5 December 2025) 16 days later"),
        "{t}"
    );
}

#[test]
fn share_words_are_fractions_not_people() {
    assert_eq!(
        words::share_words(Lang::En, 33.7 / 51.2).as_deref(),
        Some("about two-thirds")
    );
    assert_eq!(
        words::share_words(Lang::En, 0.5).as_deref(),
        Some("about half")
    );
    assert_eq!(
        words::share_words(Lang::En, 0.26).as_deref(),
        Some("about a quarter")
    );
    assert_eq!(
        words::share_words(Lang::Ko, 33.7 / 51.2).as_deref(),
        Some("약 3분의 2")
    );
    assert_eq!(
        words::share_words(Lang::En, 0.02),
        None,
        "no fraction that far off"
    );
}

#[test]
fn log_scale_covers_four_thousand_to_forty_million_in_decades() {
    let s = LogScale::covering(&[4_536, 33_700_000, 37_500_000, 3_000], 0.0, 700.0);
    assert_eq!((s.e0, s.e1), (3, 8));
    assert_eq!(
        s.ticks(),
        vec![1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000]
    );
    assert_eq!(s.px(1_000), 0.0);
    assert_eq!(s.px(100_000_000), 700.0);
    assert!(
        (s.px(10_000) - 140.0).abs() < 1e-9,
        "each decade is the same width"
    );
    // A single value still gets a decade of room.
    let one = LogScale::covering(&[1_000], 0.0, 100.0);
    assert!(one.e1 > one.e0);
}

#[test]
fn linear_ticks_are_round_and_spaced() {
    assert_eq!(
        linear_ticks(51_217_221.0, 1000.0, 90.0),
        (0..=10).map(|k| f64::from(k) * 5e6).collect::<Vec<_>>()
    );
    assert_eq!(linear_ticks(1.685e12, 296.0, 90.0), vec![0.0, 1e12]);
    assert_eq!(linear_ticks(0.0, 100.0, 90.0), vec![0.0]);
}

#[test]
fn the_unit_of_every_bar_is_drawn() {
    let d = default_dataset().unwrap();
    let scene = charts::layout(ChartKind::Comparison, &d, Lang::En, 600.0, &CharWidths);
    let texts: Vec<&str> = scene
        .marks
        .iter()
        .filter_map(|m| match m {
            Mark::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    // Each bar's own unit, as the data gives it.
    let units: Vec<&str> = rows(&d, ChartKind::Comparison)
        .iter()
        .map(|&i| {
            breach_explainer::i18n::unit(
                Lang::En,
                d.counts[i].unit,
                d.counts[i].value.largest().unwrap_or(2),
            )
        })
        .collect();
    assert!(units.len() >= 3, "{units:?}");
    for unit in units {
        assert!(
            texts.iter().any(|t| t.ends_with(unit)),
            "a bar labelled in {unit}: {texts:?}"
        );
    }
    assert!(texts.contains(&"Different units on one axis: read each bar's unit"));
}

/// WCAG relative luminance and contrast ratio.
fn luminance(c: RGBColor) -> f64 {
    let f = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * f(c.0) + 0.7152 * f(c.1) + 0.0722 * f(c.2)
}

fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[test]
fn themes_meet_wcag_contrast() {
    for (name, t) in [("light", Theme::LIGHT), ("dark", Theme::DARK)] {
        // Text (1.4.3): 4.5:1 on the background and on the exposure band it sits on.
        for (what, c) in [("ink", t.ink), ("muted", t.muted)] {
            for (on, bg) in [
                ("background", t.background),
                ("band", t.band),
                ("uncertain band", t.band_uncertain),
            ] {
                let r = contrast(c, bg);
                assert!(r >= 4.5, "{name}: {what} on {on} is {r:.2}:1");
            }
        }
        // Marks (1.4.11): 3:1 against what they are drawn on.
        let marks = [
            ("accent", t.accent),
            ("accent2", t.accent2),
            ("disputed", t.disputed),
        ]
        .into_iter()
        .chain(t.lanes.iter().map(|c| ("lane", *c)));
        for (what, c) in marks {
            for (on, bg) in [("background", t.background), ("band", t.band)] {
                let r = contrast(c, bg);
                assert!(r >= 3.0, "{name}: {what} {c:?} on {on} is {r:.2}:1");
            }
        }
    }
}

/// `--bx-focus` in the stylesheet: the light value, then the dark one.
fn focus_colours() -> Vec<RGBColor> {
    let css = std::fs::read_to_string("www/explainer.css").unwrap();
    css.match_indices("--bx-focus: #")
        .map(|(i, m)| {
            let hex = &css[i + m.len()..i + m.len() + 6];
            let v = u32::from_str_radix(hex, 16).unwrap();
            RGBColor((v >> 16) as u8, (v >> 8) as u8, v as u8)
        })
        .collect()
}

#[test]
fn the_focus_ring_stands_out_on_everything_it_can_sit_on() {
    // WCAG 1.4.11: 3:1 against the page, the band and the uncertain band of each theme.
    let focus = focus_colours();
    assert!(
        focus.len() >= 2,
        "a light and a dark focus colour: {focus:?}"
    );
    for (name, t, ring) in [
        ("light", Theme::LIGHT, focus[0]),
        ("dark", Theme::DARK, focus[1]),
    ] {
        for (on, bg) in [
            ("background", t.background),
            ("band", t.band),
            ("uncertain band", t.band_uncertain),
        ] {
            let ratio = contrast(ring, bg);
            assert!(ratio >= 3.0, "{name} focus ring on the {on}: {ratio:.2}:1");
        }
    }
}

#[test]
fn shares_and_ratios_are_rounded_as_they_are_said() {
    use breach_explainer::describe::charts::share_words;
    // 55.7% is not "about three-fifths" (4.3 points away); 60.5% is.
    assert_eq!(share_words(Lang::En, 0.557), None);
    assert_eq!(
        share_words(Lang::En, 0.605).as_deref(),
        Some("about three-fifths")
    );
    // Marriott: 339 million against 131.5 million is 2.58 times: "about 2.6 times", never 3.
    let d = from_tree(
        &json::parse(&std::fs::read_to_string("data/marriott-2018.json").unwrap()).unwrap(),
    )
    .unwrap();
    let html =
        breach_explainer::page::to_html(&breach_explainer::page::explainer(&d, Lang::En, None));
    assert!(html.contains("about 2.6 times"), "the ratio to a tenth");
    assert!(!html.contains("about 3 times"));
}

fn data_file(name: &str) -> breach_explainer::model::Story {
    let text = std::fs::read_to_string(format!("data/{name}.json")).expect("dataset");
    from_tree(&json::parse(&text).unwrap()).expect("valid")
}

fn texts(scene: &breach_explainer::layout::Scene) -> Vec<String> {
    scene
        .marks
        .iter()
        .filter_map(|m| match m {
            Mark::Text { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_count_not_disclosed_has_no_place_on_the_axis_and_the_axis_names_its_unit() {
    // SK Telecom on its first day: one report, no figure.
    let d = data_file("skt-2025-day1");
    let scene = charts::layout(ChartKind::Revisions, &d, Lang::En, 400.0, &CharWidths);
    let drawn = scene
        .marks
        .iter()
        .filter(|m| {
            matches!(
                m,
                Mark::Circle { .. } | Mark::Ring { .. } | Mark::Rect { .. }
            )
        })
        .count();
    assert_eq!(drawn, 0, "a mark on the axis for a figure nobody gave");
    let said = texts(&scene).join(" | ");
    assert!(said.contains("not disclosed"), "{said}");
    // No figure at all: no axis whose numbers would measure nothing.
    assert!(!said.contains("Log scale"), "{said}");
    assert!(!said.contains(" | 10 | "), "{said}");
    // One unit: the axis names it.
    let d = data_file("toyota-2023");
    let scene = charts::layout(ChartKind::Revisions, &d, Lang::En, 400.0, &CharWidths);
    let said = texts(&scene).join(" | ");
    assert!(
        said.contains("Log scale: each gridline ×10 · people"),
        "{said}"
    );
    // Several units on one axis are said to differ, row by row.
    let d = default_dataset().unwrap();
    let scene = charts::layout(ChartKind::Revisions, &d, Lang::En, 600.0, &CharWidths);
    let said = texts(&scene).join(" | ");
    assert!(said.contains("units differ by row"), "{said}");
}

#[test]
fn a_superseded_amount_is_a_ring_on_the_bar_that_replaced_it() {
    // Marriott: the ICO's proposed £99.2 million, replaced by the £18.4 million it imposed.
    let d = data_file("marriott-2018");
    let rows = rows(&d, ChartKind::Money);
    assert!(rows
        .iter()
        .all(|&i| d.money[i].status != breach_explainer::model::Status::Superseded));
    let scene = charts::layout(ChartKind::Money, &d, Lang::En, 600.0, &CharWidths);
    let rings = scene
        .marks
        .iter()
        .filter(|m| matches!(m, Mark::Ring { .. }))
        .count();
    assert_eq!(rings, 1, "the proposed fine as an earlier figure");
    let said = texts(&scene).join(" | ");
    // Named as the earlier figure, never as a bar's own headline.
    assert!(
        said.contains("earlier: £99.2 million (9 July 2019)"),
        "{said}"
    );
    assert!(!said.contains("| £99.2 million"), "{said}");
    let takeaway = words::takeaway(&d, Lang::En, ChartKind::Money);
    assert!(
        takeaway.contains("It replaced an earlier figure: £99.2 million"),
        "{takeaway}"
    );
    assert!(
        !takeaway.starts_with("The largest amount: UK ICO's proposed"),
        "{takeaway}"
    );
}
