//! What a reader takes away: figure SVGs with their provenance, CSV that spreadsheets read
//! safely, and JSON that round-trips.
#![cfg(not(target_arch = "wasm32"))]

use breach_explainer::export::{counts_csv, events_csv, figure_svg, Figure};
use breach_explainer::layout::charts::ChartKind;
use breach_explainer::layout::timeline::View;
use breach_explainer::model::json::to_text as json_text;
use breach_explainer::model::{json, story::from_tree, Lang, DEFAULT_DATASET};
use breach_explainer::render::Theme;

fn dataset_with(change: impl FnOnce(&mut serde_json::Value)) -> breach_explainer::model::Story {
    let mut v: serde_json::Value = serde_json::from_str(DEFAULT_DATASET).unwrap();
    change(&mut v);
    from_tree(&json::parse(&v.to_string()).unwrap()).unwrap()
}

#[test]
fn a_figure_svg_carries_its_title_sources_and_credit() {
    let d = breach_explainer::default_dataset().unwrap();
    for (figure, heading) in [
        (Figure::Timeline(View::Window), "When it happened"),
        (
            Figure::Chart(ChartKind::Revisions),
            "How the count was revised",
        ),
        (
            Figure::Chart(ChartKind::Money),
            "Fines, compensation and losses",
        ),
    ] {
        let svg = figure_svg(&d, Lang::En, figure, 800.0, &Theme::LIGHT);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"800\""));
        assert!(svg.ends_with("</svg>"));
        assert!(svg.contains(&format!(">{}</text>", d.breach.title.get(Lang::En))));
        assert!(svg.contains(&format!(">{heading}</text>")), "{heading}");
        assert!(svg.contains(">Sources: "), "source line in {heading}");
        assert!(svg.contains("Compiled from"), "credit in {heading}");
    }
    let ko = figure_svg(
        &d,
        Lang::Ko,
        Figure::Chart(ChartKind::Comparison),
        640.0,
        &Theme::LIGHT,
    );
    assert!(ko.contains(">출처: "), "the Korean export is in Korean");
}

#[test]
fn csv_has_a_row_per_item_and_quotes_what_needs_it() {
    let d = breach_explainer::default_dataset().unwrap();
    let events = events_csv(&d, Lang::En);
    let lines: Vec<&str> = events.trim_end().split("\r\n").collect();
    assert_eq!(lines[0], "id,date,end,lane,title,detail,confidence,sources");
    assert_eq!(lines.len(), 1 + d.events.len());
    assert!(lines.iter().any(
        |l| l.starts_with("detected,2025-11-18T22:52+09:00,,company,Coupang detects the breach,\"")
    ));
    let counts = counts_csv(&d, Lang::En);
    assert!(
        counts.contains("\r\ncoupang-33-7m,coupang-accounts,2025-11-29,33700000,true,accounts,")
    );
}

#[test]
fn csv_cells_are_never_read_as_formulas() {
    let d = dataset_with(|v| {
        v["events"][0]["title"]["en"] = "=HYPERLINK(\"http://x\")".into();
        v["events"][1]["title"]["en"] = "+1 more, \"quoted\"".into();
        v["events"][2]["title"]["en"] = "\t=1+1".into();
        v["events"][3]["title"]["en"] = "\r=1+1".into();
    });
    let csv = events_csv(&d, Lang::En);
    // A tab or carriage return before a formula is still a formula to some spreadsheets.
    assert!(csv.contains(",'\t=1+1,"), "{csv}");
    assert!(csv.contains(",\"'\r=1+1\","), "{csv}");
    assert!(csv.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","), "{csv}");
    assert!(csv.contains(",\"'+1 more, \"\"quoted\"\"\","), "{csv}");
}

#[test]
fn json_export_round_trips() {
    let tree = json::parse(DEFAULT_DATASET).unwrap();
    let text = json_text(&tree);
    assert_eq!(json::parse(&text).unwrap(), tree);
    // Pretty, and Korean stays readable (not \u-escaped).
    assert!(text.contains("\n  \"format\": \"breach-explainer/1\""));
    assert!(text.contains("쿠팡"));
}

#[test]
fn json_export_keeps_any_number_in_comments_and_schema_exactly() {
    // The checker does not read `_` comments or `$schema`, so any number can be there; the
    // export must give each back unchanged, and as JSON.
    let numbers = "[0, -0.0, 12.5, 0.1, 1e-7, -5.69192656830282e-37, 5e-324, 2.980584960010591e108, \
                   1.7976931348623157e308, 9007199254740993, 6.432370578548959e18, -123456.7890123, 0.3333333333333333]";
    let text = DEFAULT_DATASET.replacen('{', &format!("{{\"_numbers\": {numbers}, "), 1);
    let tree = json::parse(&text).unwrap();
    assert!(from_tree(&tree).is_ok());
    let exported = json_text(&tree);
    assert_eq!(json::parse(&exported).ok(), Some(tree), "{exported}");
    assert!(exported.contains("\"_numbers\": [\n    0,\n    0,\n    12.5,\n    0.1,\n"));
}
