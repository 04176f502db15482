//! In real browsers (wasm-pack test --chrome / --firefox): mounting, error messages in the
//! element, text as text, and destroy leaving nothing behind.
#![cfg(target_arch = "wasm32")]

use breach_explainer::model::DEFAULT_DATASET;
use breach_explainer::web::Explainer;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::*;

/// The default dataset with one change, as JSON text.
fn changed(from: &str, to: &str) -> String {
    assert!(DEFAULT_DATASET.contains(from), "{from} is in the dataset");
    DEFAULT_DATASET.replacen(from, to, 1)
}

/// The 1-based line and column (in characters) where `needle` first starts in `text`.
fn line_column(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).expect("in the text");
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

#[wasm_bindgen_test]
fn check_dataset_gives_each_problem_its_place() {
    use breach_explainer::web::check::check_dataset;
    let get = |o: &JsValue, k: &str| js_sys::Reflect::get(o, &k.into()).unwrap();
    assert_eq!(
        js_sys::Array::from(&check_dataset(DEFAULT_DATASET, "x.json", None)).length(),
        0
    );
    let data = changed("\"as_of\"", "\"asof\"");
    let found = js_sys::Array::from(&check_dataset(&data, "x.json", Some("ko".into())));
    let (line, column) = line_column(&data, "\"asof\"");
    let asof = found
        .iter()
        .find(|o| get(o, "path").as_string().as_deref() == Some("counts[0].asof"))
        .expect("the misspelt key");
    assert_eq!(get(&asof, "line").as_f64(), Some(line as f64));
    assert_eq!(get(&asof, "column").as_f64(), Some(column as f64));
    let message = get(&asof, "message").as_string().unwrap();
    assert!(
        message.starts_with("counts[0].asof (1번째 수치 '")
            && message.contains("혹시 \"as_of\"인가요?"),
        "{message}"
    );
    // Not JSON: one problem for the whole file, placed where the browser says.
    let broken = js_sys::Array::from(&check_dataset("{\n  oops\n}", "x.json", None));
    assert_eq!(broken.length(), 1);
    let only = broken.get(0);
    assert_eq!(get(&only, "path").as_string().as_deref(), Some(""));
    assert_eq!(get(&only, "line").as_f64(), Some(2.0));
    assert!(get(&only, "message")
        .as_string()
        .unwrap()
        .starts_with("the file is not valid JSON: "));
}

#[wasm_bindgen_test]
fn mounts_the_default_dataset() {
    let el = host(800);
    let ex = mount(
        el.clone(),
        JsValue::UNDEFINED,
        None,
        Some("en".into()),
        None,
    );
    assert!(ex.problems().is_empty());
    assert!(text(&el, ".bx-title").contains("Coupang"));
    let svg = el
        .query_selector("[data-chart=timeline] svg")
        .unwrap()
        .expect("timeline drawn");
    // Drawn at the widest rung the host holds, shown at the host's width.
    assert_eq!(svg.get_attribute("width").as_deref(), Some("720"));
    assert_eq!(svg.get_bounding_client_rect().width().round(), 800.0);
    assert!(el
        .query_selector("[data-chart=revisions] svg")
        .unwrap()
        .is_some());
    let root = el.query_selector(".bx").unwrap().unwrap();
    assert_eq!(root.get_attribute("lang").as_deref(), Some("en"));
    el.remove();
}

#[wasm_bindgen_test]
async fn a_folded_part_is_built_and_drawn_when_first_opened() {
    let el = host(800);
    el.remove_attribute("data-parts").unwrap();
    let _ex = mount(
        el.clone(),
        JsValue::UNDEFINED,
        None,
        Some("en".into()),
        None,
    );
    let money = el
        .query_selector("details[data-part=money]")
        .unwrap()
        .expect("the money part, folded");
    assert!(!text(&money, "summary").is_empty(), "its heading is there");
    assert!(
        money
            .query_selector("[data-chart=money]")
            .unwrap()
            .is_none(),
        "not built while folded"
    );
    money
        .dyn_ref::<web_sys::HtmlDetailsElement>()
        .unwrap()
        .set_open(true);
    // `toggle` comes after the change; on a loaded machine, a few frames later.
    let mut svg = None;
    for _ in 0..60 {
        next_frames(1).await;
        svg = money.query_selector("[data-chart=money] svg").unwrap();
        if svg.is_some() {
            break;
        }
    }
    let svg = svg.expect("built and drawn when opened");
    assert_eq!(svg.get_bounding_client_rect().width().round(), 800.0);
    assert!(
        el.query_selector("[data-chart=money] [role=option]")
            .unwrap()
            .is_some(),
        "its marks are named options"
    );
    el.remove();
}

#[wasm_bindgen_test]
fn an_invalid_dataset_shows_its_problems_in_the_element() {
    let el = host(600);
    let data = changed("\"2025-06-24\"", "\"2025-02-30\"");
    let ex = mount(
        el.clone(),
        JsValue::from_str(&data),
        Some("my-breach.json".into()),
        None,
        None,
    );
    let problems = ex.problems();
    assert_eq!(problems.len(), 1, "{problems:?}");
    // Given as text, the problem names its line and column: those of the wrong date.
    let (line, column) = line_column(&data, "\"2025-02-30\"");
    assert!(
        problems[0].starts_with(&format!("my-breach.json:{line}:{column}: ")),
        "{}",
        problems[0]
    );
    assert!(
        problems[0].ends_with(": \"2025-02-30\" is not a calendar date"),
        "{}",
        problems[0]
    );
    let shown = text(&el, ".bx-problems");
    assert!(
        shown.contains("\"2025-02-30\" is not a calendar date"),
        "{shown}"
    );
    assert_eq!(
        el.query_selector(".bx-error")
            .unwrap()
            .unwrap()
            .get_attribute("role")
            .as_deref(),
        Some("alert")
    );
    el.remove();
}

#[wasm_bindgen_test]
fn malformed_json_is_reported_with_its_position() {
    let el = host(600);
    let ex = mount(
        el.clone(),
        JsValue::from_str("{\n  \"id\": \"x\",\n  oops\n}"),
        Some("broken.json".into()),
        None,
        None,
    );
    let p = ex.problems();
    assert_eq!(p.len(), 1);
    assert!(
        p[0].starts_with("broken.json:3:3: the file is not valid JSON: "),
        "{}",
        p[0]
    );
    // Chromium and Firefox both name the line (and column) in their own words.
    assert!(p[0].contains("line 3"), "{}", p[0]);
    el.remove();
}

#[wasm_bindgen_test]
fn a_dataset_object_is_validated_too() {
    let el = host(600);
    let obj = js_sys::JSON::parse(&changed(
        "\"https://www.koreaherald.com/article/10673625\"",
        "\"javascript:alert(1)\"",
    ))
    .unwrap();
    let ex = mount(el.clone(), obj, None, None, None);
    let p = ex.problems();
    assert!(!p.is_empty());
    assert!(
        p.iter()
            .all(|m| m.starts_with("the dataset passed to mount(): sources[")),
        "{p:?}"
    );
    assert!(
        p[0].contains("\"javascript:alert(1)\" is not a web address"),
        "{p:?}"
    );
    assert!(el
        .query_selector("a[href^='javascript']")
        .unwrap()
        .is_none());
    el.remove();
}

#[wasm_bindgen_test]
fn a_load_failure_is_shown_not_a_blank_box() {
    let el = host(600);
    let ex = Explainer::load_failed(
        el.clone(),
        "missing.json".into(),
        "https://example.org/missing.json".into(),
        404,
        "Not Found".into(),
        None,
    );
    assert_eq!(
        ex.problems(),
        vec![
            "missing.json: the file could not be loaded: the server answered 404 Not Found for https://example.org/missing.json"
                .to_string()
        ]
    );
    el.remove();
    let el = host(600);
    let ex = Explainer::load_failed(
        el.clone(),
        "missing.json".into(),
        "https://example.org/missing.json".into(),
        404,
        "Not Found".into(),
        Some("ko".into()),
    );
    assert_eq!(
        ex.problems(),
        vec!["missing.json: 파일을 불러오지 못했습니다: 서버가 https://example.org/missing.json 요청에 404 Not Found(으)로 응답했습니다".to_string()]
    );
    assert!(text(&el, ".bx-error h2").contains("표시할 수 없습니다"));
    assert!(text(&el, ".bx-error").contains("404"));
    el.remove();
}

#[wasm_bindgen_test]
fn dataset_text_reaches_the_page_as_text() {
    let el = host(700);
    let title = "Coupang data breach: 33.7 million accounts, unnoticed for months";
    let data = changed(title, "<img src=x onerror=alert(1)><b>Bold</b>");
    let ex = mount(el.clone(), JsValue::from_str(&data), None, None, None);
    assert!(ex.problems().is_empty(), "{:?}", ex.problems());
    assert_eq!(
        text(&el, ".bx-title"),
        "<img src=x onerror=alert(1)><b>Bold</b>"
    );
    assert!(el.query_selector("img").unwrap().is_none());
    assert!(el.query_selector(".bx-title b").unwrap().is_none());
    el.remove();
}

#[wasm_bindgen_test]
async fn the_charts_follow_the_container_width() {
    let el = host(900);
    let _ex = mount(el.clone(), JsValue::UNDEFINED, None, None, None);
    el.set_attribute("style", "width: 360px").unwrap();
    next_frames(3).await;
    let svg = el
        .query_selector("[data-chart=timeline] svg")
        .unwrap()
        .unwrap();
    assert_eq!(svg.get_attribute("width").as_deref(), Some("360"));
    el.remove();
}
