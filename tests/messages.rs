//! Messages for people: every problem names its line and column (pointing at the right text),
//! the list item it is in by number and name, and a likely misspelling's field; in English and
//! Korean. The position scanner never panics, and `new` writes a dataset that passes `check`.
#![cfg(not(target_arch = "wasm32"))]

use breach_explainer::model::position::{self, locate, Position};
use breach_explainer::model::{json, validate, Issue, Json};
use breach_explainer::{page, Lang};
use proptest::prelude::*;
use serde_json::Value;

const REAL: &str = include_str!("../data/coupang-2025.json");

fn real() -> Value {
    serde_json::from_str(REAL).unwrap()
}

/// Every problem in `text`, placed as `check` places them.
fn issues(text: &str) -> Vec<Issue> {
    match json::parse(text) {
        Err(e) => {
            let mut v = vec![e];
            position::place(&mut v, None, Some(text));
            v
        }
        Ok(tree) => match validate(&tree) {
            Ok(_) => Vec::new(),
            Err(mut v) => {
                position::place(&mut v, Some(&tree), Some(text));
                v
            }
        },
    }
}

/// The text from a 1-based line and column (in characters) on, a BOM not counted.
fn text_at(text: &str, at: Position) -> &str {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut start = 0;
    for _ in 1..at.line {
        start += text[start..].find('\n').expect("the line exists") + 1;
    }
    let line = &text[start..];
    let offset = line
        .char_indices()
        .nth(at.column as usize - 1)
        .map_or(line.len(), |(i, _)| i);
    &line[offset..]
}

/// Replaces the first `from` after `anchor` with `to`.
fn replace_after(text: &str, anchor: &str, from: &str, to: &str) -> String {
    let a = text
        .find(anchor)
        .unwrap_or_else(|| panic!("{anchor} in the text"));
    let at = a + text[a..]
        .find(from)
        .unwrap_or_else(|| panic!("{from} after {anchor}"));
    format!("{}{to}{}", &text[..at], &text[at + from.len()..])
}

/// Deletes the line holding the first `needle` after `anchor`.
fn delete_line_after(text: &str, anchor: &str, needle: &str) -> String {
    let a = text.find(anchor).unwrap();
    let at = a + text[a..].find(needle).unwrap();
    let start = text[..at].rfind('\n').unwrap() + 1;
    let end = at + text[at..].find('\n').unwrap() + 1;
    format!("{}{}", &text[..start], &text[end..])
}

struct Broken {
    text: String,
    event_title: (String, String),
    source_id: String,
    source_title: String,
    claim_id: String,
}

/// The real dataset with five deliberate mistakes, made in its text.
fn broken() -> Broken {
    let v = real();
    let event = &v["events"][3];
    let event_id = format!("\"id\": \"{}\"", event["id"].as_str().unwrap());
    let date = format!("\"date\": \"{}\"", event["date"].as_str().unwrap());
    // 1. A wrong date in the 4th event.
    let text = replace_after(REAL, &event_id, &date, "\"date\": \"2025-13-45\"");
    // 2. No url in the 2nd source.
    let source_id = v["sources"][1]["id"].as_str().unwrap().to_string();
    let text = delete_line_after(&text, &format!("\"id\": \"{source_id}\""), "\"url\": ");
    // 3. `as_of` misspelt in the 1st count.
    let count0 = format!("\"id\": \"{}\"", v["counts"][0]["id"].as_str().unwrap());
    let text = replace_after(&text, &count0, "\"as_of\"", "\"asof\"");
    // 4. An unknown key in a nested object: the 2nd exposure claim's `note` as `notes`.
    let claim_id = v["exposure"]["claims"][1]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let text = replace_after(
        &text,
        &format!("\"id\": \"{claim_id}\""),
        "\"note\"",
        "\"notes\"",
    );
    // 5. A wrong type in `counts`: a number in words.
    let count2 = format!("\"id\": \"{}\"", v["counts"][2]["id"].as_str().unwrap());
    let value = format!("\"value\": {}", v["counts"][2]["value"]);
    let text = replace_after(&text, &count2, &value, "\"value\": \"33.7 million\"");
    Broken {
        text,
        event_title: (
            event["title"]["en"].as_str().unwrap().into(),
            event["title"]["ko"].as_str().unwrap().into(),
        ),
        source_id,
        source_title: v["sources"][1]["title"].as_str().unwrap().into(),
        claim_id,
    }
}

fn find<'a>(issues: &'a [Issue], path: &str) -> &'a Issue {
    issues
        .iter()
        .find(|i| i.path == path)
        .unwrap_or_else(|| panic!("a problem at {path} in {issues:#?}"))
}

/// Checks each mistake's line and column against the text there, and its words.
fn assert_placed(b: &Broken, text: &str) {
    let all = issues(text);
    let at = |path: &str| text_at(text, find(&all, path).at.expect("a position"));

    assert!(
        at("events[3].date").starts_with("\"2025-13-45\""),
        "{}",
        at("events[3].date")
    );
    let date = find(&all, "events[3].date");
    assert_eq!(
        date.describe(Lang::En),
        format!(
            "events[3].date (the 4th event, \"{}\"): \"2025-13-45\" is not a calendar date",
            b.event_title.0
        )
    );
    assert_eq!(
        date.describe(Lang::Ko),
        format!(
            "events[3].date (4번째 사건 '{}'): \"2025-13-45\"은(는) 달력에 없는 날짜입니다",
            b.event_title.1
        )
    );

    // A missing key: its object, which holds the source's id.
    let source = at("sources[1].url");
    assert!(source.starts_with('{'), "{source}");
    let object_start = &source[..source.find('}').unwrap()];
    assert!(object_start.contains(&b.source_id), "{object_start}");
    assert!(find(&all, "sources[1].url")
        .describe(Lang::En)
        .starts_with(&format!(
            "sources[1].url (the 2nd source, \"{}…\"): is missing; expected a web address",
            b.source_title.chars().take(40).collect::<String>()
        )));

    assert!(
        at("counts[0].asof").starts_with("\"asof\": "),
        "{}",
        at("counts[0].asof")
    );
    let asof = find(&all, "counts[0].asof");
    assert!(asof
        .describe(Lang::En)
        .contains("\"asof\" is not a field here; did you mean \"as_of\"?"));
    assert!(asof.describe(Lang::Ko).contains("혹시 \"as_of\"인가요?"));
    assert!(asof.describe(Lang::Ko).contains("(1번째 수치 '"));

    assert!(at("exposure.claims[1].notes").starts_with("\"notes\": "));
    let notes = find(&all, "exposure.claims[1].notes").describe(Lang::En);
    assert!(notes.contains("did you mean \"note\"?"), "{notes}");
    assert!(
        notes.contains("(the 2nd account of the exposure, \""),
        "{notes}"
    );
    let _ = &b.claim_id;

    assert!(at("counts[2].value").starts_with("\"33.7 million\""));
    assert!(find(&all, "counts[2].value")
        .describe(Lang::En)
        .starts_with("counts[2].value (the 3rd count, \""));
}

#[test]
fn each_mistake_is_placed_at_its_text_and_named() {
    let b = broken();
    assert_placed(&b, &b.text);
}

#[test]
fn crlf_line_ends_and_a_bom_do_not_move_the_places() {
    let b = broken();
    let crlf = format!("\u{feff}{}", b.text.replace('\n', "\r\n"));
    assert_placed(&b, &crlf);
    let lf: Vec<_> = issues(&b.text).iter().map(|i| i.at).collect();
    let other: Vec<_> = issues(&crlf).iter().map(|i| i.at).collect();
    assert_eq!(lf, other);
}

#[test]
fn check_prints_file_line_column_in_both_languages() {
    let b = broken();
    let path = std::env::temp_dir().join("bx-messages-broken.json");
    std::fs::write(&path, &b.text).unwrap();
    for (lang, words) in [
        ("en", "did you mean \"as_of\"?"),
        ("ko", "혹시 \"as_of\"인가요?"),
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_breach-explainer"))
            .args(["check", path.to_str().unwrap(), "--lang", lang])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        let all = issues(&b.text);
        let asof = find(&all, "counts[0].asof");
        let at = asof.at.unwrap();
        let line = format!(
            "bx-messages-broken.json:{}:{}: counts[0].asof (",
            at.line, at.column
        );
        assert!(
            err.lines()
                .any(|l| l.starts_with(&line) && l.contains(words)),
            "{err}"
        );
        let expected = page::describe(
            "bx-messages-broken.json",
            asof,
            Lang::from_tag(lang).unwrap(),
        );
        assert!(err.lines().any(|l| l == expected), "{expected}\n{err}");
    }
}

#[test]
fn syntax_errors_count_columns_in_characters() {
    let text = "{\"가\": 1,\n \"나다\": x}";
    let all = issues(text);
    assert_eq!(
        all[0].to_string(),
        "the file is not valid JSON at line 2, column 8: expected value"
    );
    assert_eq!(all[0].at, Some(Position { line: 2, column: 8 }));
    assert!(text_at(text, all[0].at.unwrap()).starts_with('x'));
}

#[test]
fn browser_parse_errors_are_placed_from_their_message() {
    let text = "{\n  \"가\": 1,\n  x\n}";
    let firefox =
        "JSON.parse: expected double-quoted property name at line 3 column 3 of the JSON data";
    assert_eq!(
        position::from_browser_message(text, firefox),
        Some(Position { line: 3, column: 3 })
    );
    let chrome = "Unexpected token x in JSON at position 14";
    assert_eq!(
        position::from_browser_message(text, chrome),
        Some(Position { line: 3, column: 3 })
    );
    assert_eq!(
        position::from_browser_message(text, "JSON Parse error: Unexpected identifier \"x\""),
        None
    );
}

#[test]
fn a_dataset_given_without_text_is_named_but_not_placed() {
    let b = broken();
    let tree = json::parse(&b.text).unwrap();
    let mut all = validate(&tree).unwrap_err();
    position::place(&mut all, Some(&tree), None);
    let date = find(&all, "events[3].date");
    assert_eq!(date.at, None);
    assert!(date.describe(Lang::En).contains("(the 4th event, "));
    assert!(page::describe("x.json", date, Lang::En).starts_with("x.json: events[3].date ("));
}

#[test]
fn unplaced_issues_read_as_before() {
    // Without `place`, messages are as they were: `path: message`.
    let b = broken();
    let all = validate(&json::parse(&b.text).unwrap()).unwrap_err();
    assert!(all
        .iter()
        .any(|i| i.to_string() == "events[3].date: \"2025-13-45\" is not a calendar date"));
}

#[test]
fn nested_items_are_named_inside_out() {
    let mut v = real();
    let events = v["events"].as_array_mut().unwrap();
    let (i, e) = events
        .iter_mut()
        .enumerate()
        .find(|(_, e)| e.get("alternatives").is_some())
        .expect("an event with other dates");
    e["alternatives"][0]["date"] = Value::from("someday");
    let title = e["title"]["en"].as_str().unwrap().to_string();
    let text = serde_json::to_string_pretty(&v).unwrap();
    let all = issues(&text);
    let path = format!("events[{i}].alternatives[0].date");
    let issue = find(&all, &path);
    assert!(text_at(&text, issue.at.unwrap()).starts_with("\"someday\""));
    assert!(issue.describe(Lang::En).starts_with(&format!(
        "{path} (the 1st other date of the {} event, \"{title}\"): ",
        ordinal(i + 1)
    )));
    assert!(issue
        .describe(Lang::Ko)
        .contains(&format!("{}번째 사건 '", i + 1)));
    assert!(issue.describe(Lang::Ko).contains("'의 1번째 다른 날짜): "));
}

fn ordinal(n: usize) -> String {
    let s = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{s}")
}

#[test]
fn a_key_given_twice_is_placed_at_its_second_key() {
    let text = "{\n  \"id\": \"a\",\n  \"id\": \"b\"\n}";
    let all = issues(text);
    let twice = find(&all, "id");
    assert_eq!(twice.at, Some(Position { line: 3, column: 3 }));
}

#[test]
fn new_writes_a_dataset_that_passes_check() {
    for langs in ["en", "ko", "en,ko", "ko,en"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_breach-explainer"))
            .args(["new", "--lang", langs])
            .output()
            .unwrap();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(issues(&text).is_empty(), "{:#?}", issues(&text));
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["$schema"], "../schema/breach-explainer-1.schema.json");
        assert!(v["_comment"].as_str().unwrap().len() > 40);
        assert_eq!(
            v["languages"].as_array().unwrap().len(),
            langs.split(',').count()
        );
        let path = std::env::temp_dir().join(format!("bx-new-{langs}.json"));
        std::fs::write(&path, &text).unwrap();
        let check = std::process::Command::new(env!("CARGO_BIN_EXE_breach-explainer"))
            .args(["check", path.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(check.status.success());
        assert!(String::from_utf8_lossy(&check.stdout).contains(": ok — "));
    }
    // The template's sample is labelled fictional in each language.
    let text = breach_explainer::template::template(&[Lang::En, Lang::Ko]);
    assert!(text.contains("fictional") && text.contains("가상의"));
    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_breach-explainer"))
        .args(["new", "--lang", "fr"])
        .output()
        .unwrap();
    assert!(!bad.status.success());
}

#[test]
fn deep_and_huge_texts_are_scanned_without_overflow() {
    let deep = "[".repeat(1_000_000);
    assert_eq!(
        position::position(&deep, "[0][0][0]"),
        Some(Position { line: 1, column: 4 })
    );
    // Many items and many asked-for paths: one pass.
    let mut text = String::from("{\"events\": [");
    for i in 0..200_000 {
        if i > 0 {
            text.push(',');
        }
        text.push_str("\n{\"date\": \"2025\"}");
    }
    text.push_str("]}");
    let paths: Vec<String> = (0..200_000).map(|i| format!("events[{i}].date")).collect();
    let refs: Vec<&str> = paths.iter().map(String::as_str).collect();
    let spots = locate(&text, &refs);
    assert_eq!(
        spots[199_999].value,
        Some(Position {
            line: 200_001,
            column: 10
        })
    );
}

/// A JSON value with unique keys (so a path names one place), keys drawn to exercise escapes,
/// non-ASCII letters and the characters that separate paths only in values.
fn arbitrary_json() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        (-1e6f64..1e6).prop_map(Json::Number),
        "[a-z가-힣\"\\\\\n\u{1}😀 ]{0,6}".prop_map(Json::String),
    ];
    leaf.prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..5).prop_map(Json::Array),
            proptest::collection::btree_map("[a-z가-힣\"\\\\\n\u{1}😀_ ]{0,5}", inner, 0..5)
                .prop_map(|m| Json::Object(m.into_iter().collect())),
        ]
    })
}

/// Each value's path as the validator writes it, and the character its text starts with.
fn paths(v: &Json, path: String, out: &mut Vec<(String, char)>) {
    let first = match v {
        Json::Null => 'n',
        Json::Bool(true) => 't',
        Json::Bool(false) => 'f',
        Json::Number(n) if *n < 0.0 => '-',
        Json::Number(_) => '#',
        Json::String(_) => '"',
        Json::Array(_) => '[',
        Json::Object(_) => '{',
    };
    out.push((path.clone(), first));
    match v {
        Json::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                paths(item, format!("{path}[{i}]"), out);
            }
        }
        Json::Object(entries) => {
            for (k, item) in entries {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                paths(item, p, out);
            }
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_scanner_never_panics(text in any::<String>(), path in any::<String>()) {
        let _ = locate(&text, &[&path, "", "a", "[0]", "a.b[1]"]);
        let _ = position::from_browser_message(&text, &path);
    }

    #[test]
    fn the_scanner_never_panics_on_json_like_text(
        text in "[\\[\\]{}\":,\\\\u0-9a-fA-FD\n\r \u{feff}가]{0,80}",
    ) {
        let _ = locate(&text, &["", "a", "[0]", "u[0].a", "\u{fffd}"]);
    }

    #[test]
    fn every_value_is_found_where_it_starts(v in arbitrary_json(), crlf in any::<bool>()) {
        let mut text = breach_explainer::model::json::to_text(&v);
        if crlf {
            text = text.replace('\n', "\r\n");
        }
        let mut all = Vec::new();
        paths(&v, String::new(), &mut all);
        // Paths can coincide ("a" holding "b" and a key "a.b" are not generated, but an array
        // index and a key can); check those that name one place.
        let mut seen = std::collections::BTreeMap::new();
        for (p, _) in &all {
            *seen.entry(p.clone()).or_insert(0) += 1;
        }
        let refs: Vec<&str> = all.iter().map(|(p, _)| p.as_str()).collect();
        let spots = locate(&text, &refs);
        for ((p, first), spot) in all.iter().zip(spots) {
            if seen[p] > 1 {
                continue;
            }
            let at = spot.value.expect("every value is found");
            let c = text_at(&text, at).chars().next().unwrap();
            if *first == '#' {
                prop_assert!(c.is_ascii_digit(), "{p}: {c}");
            } else {
                prop_assert_eq!(c, *first, "{}", p);
            }
        }
    }
}

#[test]
fn a_reader_that_stops_reading_ends_the_output_quietly() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    // `breach-explainer html data.json | head -c 100`: the pipe closes after 100 bytes.
    let mut child = Command::new(env!("CARGO_BIN_EXE_breach-explainer"))
        .args(["html", "data/coupang-2025.json", "--lang", "en"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let mut first = [0u8; 100];
    child
        .stdout
        .take()
        .expect("stdout")
        .read_exact(&mut first)
        .expect("the start of the page");
    let out = child.wait_with_output().expect("ends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.status.success(), "{:?} {stderr}", out.status);
}

#[test]
fn more_figures_than_a_reader_can_be_shown_is_one_clear_problem() {
    // 10,000 counts made 201,227 nodes on a reader's page; the checker says what to do instead.
    let mut v = real();
    let first = v["counts"][0].clone();
    let many: Vec<Value> = (0..10_000)
        .map(|k| {
            let mut c = first.clone();
            c["id"] = format!("count-{k}").into();
            c
        })
        .collect();
    v["counts"] = many.into();
    let text = serde_json::to_string_pretty(&v).unwrap();
    let found = issues(&text);
    let too_many = find(&found, "counts");
    let line = page::describe("many.json", too_many, Lang::En);
    assert!(
        line.contains("has 10,000 counts; an explainer shows at most 200"),
        "{line}"
    );
    assert!(page::describe("many.json", too_many, Lang::Ko).contains("최대 200개"));
    // 200 are still fine.
    v["counts"] = Value::Array(v["counts"].as_array().unwrap()[..200].to_vec());
    assert!(issues(&v.to_string())
        .iter()
        .all(|i| i.path.as_str() != "counts"));
}

#[test]
fn a_trailing_comma_is_named_at_the_comma_not_a_line_later() {
    let text = "{\n  \"format\": \"breach-explainer/1\",\n  \"languages\": [\"en\",\n  ]\n}\n";
    // Natively (serde_json) and as a browser says it (the bracket on the next line).
    let browser = Issue::new(
        String::new(),
        breach_explainer::model::Problem::NotJson {
            detail: "Unexpected token ']', ...\"[\"en\",\n  ]\n}\n\" is not valid JSON (line 4 column 3)".into(),
        },
    );
    for mut found in [issues(text), vec![browser]] {
        position::place(&mut found, None, Some(text));
        let i = &found[0];
        assert_eq!(
            i.at,
            Some(Position {
                line: 3,
                column: 21
            }),
            "{i:?}"
        );
        assert_eq!(text_at(text, i.at.unwrap()).chars().next(), Some(','));
        let line = page::describe("tc.json", i, Lang::En);
        assert!(line.contains("a comma after the last item"), "{line}");
        assert!(page::describe("tc.json", i, Lang::Ko).contains("쉼표"));
    }
}
