//! Every kind of dataset problem gets a clear message with its JSON path, all at once, and no
//! input makes the validator panic.
#![cfg(not(target_arch = "wasm32"))]

use breach_explainer::model::{json, validate, DEFAULT_DATASET};
use serde_json::Value;

fn default_value() -> Value {
    serde_json::from_str(DEFAULT_DATASET).expect("the default dataset is JSON")
}

/// Validates a JSON value and returns every problem as "path: message".
fn problems(v: &Value) -> Vec<String> {
    let text = serde_json::to_string_pretty(v).expect("serialises");
    problems_of_text(&text)
}

fn problems_of_text(text: &str) -> Vec<String> {
    match json::parse(text) {
        Err(issue) => vec![issue.to_string()],
        Ok(tree) => match validate(&tree) {
            Ok(_) => Vec::new(),
            Err(issues) => issues.iter().map(|i| i.to_string()).collect(),
        },
    }
}

/// Applies `change` to the default dataset and returns the problems.
fn with(change: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut v = default_value();
    change(&mut v);
    problems(&v)
}

fn assert_has(problems: &[String], expected: &str) {
    assert!(
        problems.iter().any(|p| p == expected),
        "expected the problem\n  {expected}\ngot\n  {}",
        problems.join("\n  ")
    );
}

#[test]
fn the_default_dataset_is_valid() {
    assert_eq!(problems(&default_value()), Vec::<String>::new());
}

#[test]
fn malformed_json_names_line_and_column() {
    let p = problems_of_text(
        "{\n  \"format\": \"breach-explainer/1\",\n  \"id\": \"x\"\n  \"languages\": [\"en\"]\n}",
    );
    assert_eq!(
        p,
        vec!["the file is not valid JSON at line 4, column 3: expected `,` or `}`".to_string()]
    );
}

#[test]
fn wrong_types_say_what_was_expected_and_found() {
    let p = with(|v| {
        v["events"][3]["title"] = Value::from(42);
        v["counts"][0]["approximate"] = Value::from("yes");
        v["sources"] = Value::from("none");
    });
    assert_has(
        &p,
        "events[3].title: expected text in each language, like {\"en\": \"…\"}, found 42",
    );
    assert_has(
        &p,
        "counts[0].approximate: expected true or false, found \"yes\"",
    );
    assert_has(&p, "sources: expected a list ([ … ]), found \"none\"");
}

#[test]
fn missing_required_fields_are_named() {
    let p = with(|v| {
        v["events"][2].as_object_mut().unwrap().remove("date");
        v["breach"].as_object_mut().unwrap().remove("title");
        v["counts"][1].as_object_mut().unwrap().remove("unit");
    });
    assert_has(&p, "events[2].date: is missing; expected a date like \"2025\", \"2025-04\", \"2025-06-24\" or \"2025-11-18T22:52+09:00\"");
    assert_has(
        &p,
        "breach.title: is missing; expected text in each language, like {\"en\": \"…\"}",
    );
    assert_has(
        &p,
        "counts[1].unit: is missing; expected a string in quotes",
    );
}

#[test]
fn impossible_dates_are_refused() {
    let p = with(|v| {
        v["events"][14]["date"] = Value::from("2025-02-30");
        v["events"][15]["date"] = Value::from("2025-13");
        v["events"][16]["date"] = Value::from("18 Nov 2025");
        v["events"][17]["date"] = Value::from("2025-11-18T22:52");
        v["events"][18]["date"] = Value::from("2025-11-18T24:10+09:00");
    });
    assert_has(&p, "events[14].date: \"2025-02-30\" is not a calendar date");
    assert_has(&p, "events[15].date: \"2025-13\" is not a calendar date");
    assert_has(&p, "events[16].date: \"18 Nov 2025\" is not a date; expected a date like \"2025\", \"2025-04\", \"2025-06-24\" or \"2025-11-18T22:52+09:00\"");
    // The story's own offset is offered (Coupang's +09:00), ready to paste.
    assert_has(&p, "events[17].date: \"2025-11-18T22:52\" gives a time without its UTC offset; in the story's time zone it is \"2025-11-18T22:52+09:00\"");
    assert_has(
        &p,
        "events[18].date: \"2025-11-18T24:10+09:00\" is not a calendar date",
    );
    // 29 February exists in leap years only.
    assert!(with(|v| v["events"][14]["date"] = Value::from("2024-02-29")).is_empty());
}

#[test]
fn an_end_before_its_start_is_refused() {
    let p = with(|v| {
        v["exposure"]["claims"][0]["end"] = Value::from("2025-06-23");
        v["events"][0]["end"] = Value::from("2020-01");
    });
    assert_has(
        &p,
        "exposure.claims[0].end: the end 2025-06-23 is before the start 2025-06-24",
    );
    assert!(
        p.iter()
            .any(|m| m.starts_with("events[0].end: the end 2020-01 is before the start")),
        "{p:?}"
    );
    // A month may end on a day inside it.
    assert!(with(|v| {
        v["exposure"]["claims"][1]["start"] = Value::from("2025-11");
        v["exposure"]["claims"][1]["end"] = Value::from("2025-11-08");
    })
    .is_empty());
}

#[test]
fn counts_must_be_whole_numbers_of_zero_or_more() {
    let p = with(|v| {
        v["counts"][0]["value"] = Value::from(-5);
        v["counts"][1]["value"] = Value::from(33.7);
        v["counts"][2]["value"] = Value::from("33.7 million");
    });
    assert_has(
        &p,
        "counts[0].value: -5 is below 0; a count or an amount cannot be",
    );
    assert_has(&p, "counts[1].value: 33.7 is not a whole number of 0 or more (write 33700000, not \"33.7 million\")");
    assert_has(&p, "counts[2].value: \"33.7 million\" is not a whole number of 0 or more (write 33700000, not \"33.7 million\")");
}

#[test]
fn unknown_units_lanes_and_confidence_list_the_allowed_ones() {
    let p = with(|v| {
        v["counts"][0]["unit"] = Value::from("users");
        v["events"][0]["lane"] = Value::from("press");
    });
    assert_has(&p, "counts[0].unit: \"users\" is not one of: accounts, people, records, sim-records, subscribers, residents, gigabytes, bytes, page-views, files");
    assert_has(&p, "events[0].lane: \"press\" is not one of: breach, company, government, police-courts, context");
}

#[test]
fn references_to_unknown_sources_are_named() {
    let p = with(|v| {
        v["events"][7]["sources"] = serde_json::json!(["kh-1"]);
        v["counts"][0]["sources"] = serde_json::json!([]);
    });
    assert_has(
        &p,
        "events[7].sources[0]: \"kh-1\" is not the id of any source in \"sources\"",
    );
    assert_has(
        &p,
        "counts[0].sources: cites no source; every fact needs at least one",
    );
}

#[test]
fn duplicate_ids_point_at_the_first_use() {
    let p = with(|v| {
        let first = v["events"][0]["id"].clone();
        v["events"][5]["id"] = first.clone();
        let src = v["sources"][0]["id"].clone();
        v["sources"][1]["id"] = src.clone();
    });
    let first = default_value()["events"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let src = default_value()["sources"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_has(
        &p,
        &format!(
            "events[5].id: the id \"{first}\" is already used at events[0].id; ids must be unique"
        ),
    );
    assert_has(
        &p,
        &format!(
            "sources[1].id: the id \"{src}\" is already used at sources[0].id; ids must be unique"
        ),
    );
}

#[test]
fn only_web_addresses_become_links() {
    let p = with(|v| {
        v["sources"][3]["url"] = Value::from("javascript:alert(1)");
        v["sources"][4]["url"] = Value::from("data:text/html,<b>x</b>");
        v["sources"][5]["url"] = Value::from("//evil.example/x");
        v["sources"][6]["url"] = Value::from(" JavaScript:alert(1)");
    });
    for (i, url) in [
        (3, "javascript:alert(1)"),
        (4, "data:text/html,<b>x</b>"),
        (5, "//evil.example/x"),
        (6, " JavaScript:alert(1)"),
    ] {
        assert_has(&p, &format!("sources[{i}].url: \"{url}\" is not a web address (it must start with https:// or http://)"));
    }
    // Citations of a source with a bad address are not reported as unknown as well.
    assert!(
        !p.iter().any(|m| m.contains("is not the id of any source")),
        "{p:?}"
    );
}

#[test]
fn empty_titles_are_refused() {
    let p = with(|v| {
        v["events"][1]["title"]["en"] = Value::from("   ");
        v["sources"][2]["title"] = Value::from("");
    });
    assert_has(
        &p,
        "events[1].title.en: is empty; write something a reader can see",
    );
    assert_has(
        &p,
        "sources[2].title: is empty; write something a reader can see",
    );
}

#[test]
fn missing_translations_are_reported_per_field() {
    let p = with(|v| {
        v["breach"]["title"].as_object_mut().unwrap().remove("ko");
        v["events"][0]["detail"]
            .as_object_mut()
            .unwrap()
            .remove("ko");
    });
    assert_eq!(p.len(), 2, "{p:?}");
    assert_has(
        &p,
        "breach.title: has no \"ko\" text, but the dataset's \"languages\" lists \"ko\"",
    );
    assert_has(
        &p,
        "events[0].detail: has no \"ko\" text, but the dataset's \"languages\" lists \"ko\"",
    );
}

#[test]
fn typos_in_field_names_are_caught() {
    let p = with(|v| {
        let detail = v["events"][0]["detail"].clone();
        v["events"][0]
            .as_object_mut()
            .unwrap()
            .insert("detial".into(), detail);
    });
    // A likely misspelling names the field it is close to.
    assert!(p.iter().any(|m| m.starts_with("events[0].detial: \"detial\" is not a field here; did you mean \"detail\"? (known fields: id, date, end, lane, title, detail")), "{p:?}");
    // A key close to none keeps the plain message.
    let p = with(|v| {
        v["events"][0]
            .as_object_mut()
            .unwrap()
            .insert("colour".into(), "red".into());
    });
    assert!(p.iter().any(|m| m.starts_with("events[0].colour: \"colour\" is not a field here (a typo?); known fields: id, date, end, lane, title, detail")), "{p:?}");
}

#[test]
fn comparing_different_units_needs_consent() {
    let p = with(|v| v["comparisons"][0]["mixed_units"] = Value::from(false));
    assert_has(&p, "comparisons[0].counts: compares different units (people, accounts, subscribers, sim-records) on one axis; set \"mixed_units\": true if that is intended, so every bar shows its unit");
}

#[test]
fn every_problem_is_reported_at_once() {
    let p = with(|v| {
        v["events"][14]["date"] = Value::from("2025-02-30");
        v["counts"][0]["value"] = Value::from(-1);
        v["sources"][3]["url"] = Value::from("javascript:alert(1)");
        v["counts"][4]["unit"] = Value::from("users");
        v["events"][1]["title"]["en"] = Value::from("");
    });
    assert_eq!(p.len(), 5, "{p:#?}");
}

#[test]
fn the_top_level_must_be_an_object() {
    assert_eq!(
        problems_of_text("[]"),
        vec!["expected an object ({ … }), found a list".to_string()]
    );
    assert_eq!(
        problems_of_text("null"),
        vec!["expected an object ({ … }), found null".to_string()]
    );
}

/// A small deterministic generator, so the no-panic sweep is the same on every run.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

/// Replaces a random value somewhere in the tree with a random other value.
fn mutate(v: &mut Value, rng: &mut Lcg) {
    let replacements = [
        Value::Null,
        Value::from(true),
        Value::from(-1),
        Value::from(1.5),
        Value::from(""),
        Value::from("2025-02-30"),
        Value::from("javascript:x"),
        serde_json::json!([]),
        serde_json::json!({}),
        serde_json::json!({"en": ""}),
        Value::from(1e300),
    ];
    let stop = rng.next().is_multiple_of(4);
    let len = match v {
        Value::Object(m) => m.len(),
        Value::Array(a) => a.len(),
        _ => 0,
    };
    if len > 0 && !stop {
        let k = rng.next() as usize % len;
        let child = match v {
            Value::Object(m) => m.values_mut().nth(k),
            Value::Array(a) => a.get_mut(k),
            _ => None,
        };
        if let Some(child) = child {
            mutate(child, rng);
            return;
        }
    }
    *v = replacements[rng.next() as usize % replacements.len()].clone();
}

#[test]
fn no_input_makes_validation_panic() {
    let mut rng = Lcg(7);
    let base = default_value();
    for _ in 0..400 {
        let mut v = base.clone();
        for _ in 0..(1 + rng.next() % 4) {
            mutate(&mut v, &mut rng);
        }
        let p = problems(&v);
        // Each mutation either leaves a valid file or is reported with a path.
        assert!(p.iter().all(|m| !m.is_empty()));
    }
    // Every prefix of the file is either invalid JSON (with a position) or an incomplete dataset.
    for cut in (0..DEFAULT_DATASET.len()).step_by(997) {
        if let Some(prefix) = DEFAULT_DATASET.get(..cut) {
            let p = problems_of_text(prefix);
            assert!(!p.is_empty());
        }
    }
}

#[test]
fn problems_are_worded_in_korean_too() {
    let mut v = default_value();
    v["events"][14]["date"] = Value::from("2025-02-30");
    v["sources"][3]["url"] = Value::from("javascript:alert(1)");
    let text = serde_json::to_string(&v).unwrap();
    let issues = validate(&json::parse(&text).unwrap()).unwrap_err();
    let ko: Vec<String> = issues
        .iter()
        .map(|i| i.describe(breach_explainer::Lang::Ko))
        .collect();
    assert!(
        ko.contains(&"events[14].date: \"2025-02-30\"은(는) 달력에 없는 날짜입니다".to_string()),
        "{ko:?}"
    );
    assert!(ko.contains(&"sources[3].url: \"javascript:alert(1)\"은(는) 웹 주소가 아닙니다(https:// 또는 http://로 시작해야 합니다)".to_string()), "{ko:?}");
}

#[test]
fn a_dataset_written_for_version_0_1_still_passes() {
    // The Coupang file as it was published with 0.1 (before the corrections): files newsrooms
    // already wrote keep working.
    let text = std::fs::read_to_string("tests/fixtures/coupang-2025-v0.1.json").unwrap();
    let d = breach_explainer::validate(&breach_explainer::model::json::parse(&text).unwrap());
    assert!(d.is_ok(), "{:?}", d.err());
}

#[test]
fn check_notes_what_is_listed_but_not_drawn() {
    use breach_explainer::model::figures::listed_not_drawn;
    let text = std::fs::read_to_string("data/equifax-2017.json").unwrap();
    let d =
        breach_explainer::validate(&breach_explainer::model::json::parse(&text).unwrap()).unwrap();
    let notes: Vec<String> = listed_not_drawn(&d).iter().map(|n| n.to_string()).collect();
    assert!(
        notes
            .iter()
            .any(|n| n
                .starts_with("comparisons[1]: is listed in the comparison chart's description")),
        "{notes:?}"
    );
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("money[") && n.contains("is in GBP")),
        "{notes:?}"
    );
    // The default dataset has one comparison and one currency: nothing to note.
    assert!(listed_not_drawn(&breach_explainer::default_dataset().unwrap()).is_empty());
}

#[test]
fn numbers_out_of_range_and_spaced_addresses_get_their_own_words() {
    let p = with(|v| {
        v["counts"][0]["value"] = Value::from(-1e300);
        v["counts"][1]["value"] = Value::from(1e19);
        v["sources"][0]["url"] = Value::from("https://example.org/a b");
    });
    assert_has(&p, "counts[0].value: a negative number of 16 or more digits is below 0; a count or an amount cannot be");
    assert_has(&p, "counts[1].value: a number of 16 or more digits is too large to keep exactly; the largest is 9,007,199,254,740,991");
    assert_has(&p, "sources[0].url: \"https://example.org/a b\" has a space or line break in it; write a space as %20");
    // A refused count causes no second, follow-on problem in a count that adds to it.
    assert_eq!(p.len(), 3, "{p:#?}");
}

#[test]
fn check_never_prints_a_terminal_escape_from_the_dataset() {
    let mut v: Value = serde_json::from_str(breach_explainer::model::DEFAULT_DATASET).unwrap();
    v["sources"][0]["url"] = Value::from("\u{1b}]0;owned\u{7}javascript:x");
    let path = std::env::temp_dir().join("bx-escape-test.json");
    std::fs::write(&path, v.to_string()).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_breach-explainer"))
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    assert!(err.contains("\\u{1b}]0;owned\\u{7}javascript:x"), "{err}");
}
