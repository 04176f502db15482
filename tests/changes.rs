//! The change log: `updated` and `changes[]` are checked like every other part of the format,
//! and each change is said in a sentence in every language.
#![cfg(not(target_arch = "wasm32"))]

use breach_explainer::describe::changes;
use breach_explainer::model::{json, story::from_tree, Lang, Story, DEFAULT_DATASET};
use serde_json::{json, Value};

fn default_value() -> Value {
    serde_json::from_str(DEFAULT_DATASET).expect("the default dataset is JSON")
}

fn problems(v: &Value) -> Vec<String> {
    let tree = json::parse(&v.to_string()).expect("JSON");
    match from_tree(&tree) {
        Ok(_) => Vec::new(),
        Err(mut issues) => {
            breach_explainer::model::position::place(&mut issues, Some(&tree), None);
            issues.iter().map(|i| i.describe(Lang::En)).collect()
        }
    }
}

fn problems_ko(v: &Value) -> Vec<String> {
    let tree = json::parse(&v.to_string()).expect("JSON");
    match from_tree(&tree) {
        Ok(_) => Vec::new(),
        Err(mut issues) => {
            breach_explainer::model::position::place(&mut issues, Some(&tree), None);
            issues.iter().map(|i| i.describe(Lang::Ko)).collect()
        }
    }
}

fn dataset(v: &Value) -> Story {
    from_tree(&json::parse(&v.to_string()).expect("JSON")).expect("valid")
}

/// The default dataset with only `changes` as given.
fn with_changes(changes: Value) -> Value {
    let mut v = default_value();
    v["changes"] = changes;
    v
}

#[test]
fn the_default_datasets_change_log_is_valid() {
    let d = dataset(&default_value());
    assert!(d.updated.is_some());
    assert!(d.changes.len() >= 5);
}

#[test]
fn a_good_change_log_is_accepted_and_a_removed_item_need_not_exist() {
    let v = with_changes(json!([
        { "at": "2025-11-29", "kind": "revised", "about": "counts/coupang-33-7m",
          "replaces": "coupang-first-count", "sources": ["chosunbiz-20251129"] },
        { "at": "2025-12-01T09:00+09:00", "kind": "removed", "about": "events/gone-event",
          "note": { "en": "It was a duplicate", "ko": "중복이었다" }, "sources": ["donga-20251201"] },
        { "at": "2026-02", "kind": "corrected", "about": "exposure/government-probe",
          "sources": ["kh-10673625"] }
    ]));
    assert_eq!(problems(&v), Vec::<String>::new());
}

#[test]
fn a_broken_change_log_names_every_problem() {
    let v = with_changes(json!([
        { "at": "2025-11-29", "kind": "revised", "about": "counts/no-such-count",
          "replaces": "coupang-first-count", "sources": ["chosunbiz-20251129"] },
        { "at": "2025-11-30", "kind": "added", "about": "events/detected",
          "replaces": "no-such-event", "sources": ["chosunbiz-20251129"] },
        { "at": "yesterday", "kind": "changed", "about": "people/x", "sources": [] },
        { "at": "2025-11-30", "kind": "added", "about": "events/detected", "sources": ["nope"],
          "who": "me" }
    ]));
    let p = problems(&v);
    let expected = [
        "changes[0].about (the 1st change, \"counts/no-such-count\"): \"no-such-count\" is not the id of any entry in \"counts\"",
        "changes[1].replaces (the 2nd change, \"events/detected\"): \"no-such-event\" is not the id of any entry in \"events\"",
        "changes[2].at (the 3rd change, \"people/x\"): \"yesterday\" is not a date; expected a date like \"2025\", \"2025-04\", \"2025-06-24\" or \"2025-11-18T22:52+09:00\"",
        "changes[2].kind (the 3rd change, \"people/x\"): \"changed\" is not one of: added, revised, corrected, removed",
        "changes[3].sources[0] (the 4th change, \"events/detected\"): \"nope\" is not the id of any source in \"sources\"",
    ];
    for e in expected {
        assert!(
            p.iter().any(|x| x == e),
            "expected\n  {e}\ngot\n  {}",
            p.join("\n  ")
        );
    }
    assert!(
        p.iter()
            .any(|x| x.starts_with("changes[2].about") && x.contains("\"events/<id>\"")),
        "{p:#?}"
    );
    assert!(
        p.iter().any(|x| x.starts_with("changes[2].sources")),
        "{p:#?}"
    );
    assert!(
        p.iter()
            .any(|x| x.starts_with("changes[3].who") && x.contains("not a field")),
        "{p:#?}"
    );
    // In Korean too, in the same places.
    let ko = problems_ko(&v);
    assert_eq!(ko.len(), p.len());
    assert!(
        ko.iter()
            .any(|x| x.starts_with("changes[0].about (1번째 변경 기록")),
        "{ko:#?}"
    );
}

#[test]
fn updated_is_a_date_and_time_and_is_needed_with_changes() {
    let mut v = default_value();
    v.as_object_mut().unwrap().remove("updated");
    assert_eq!(
        problems(&v),
        ["updated: is missing; expected a date and time with its UTC offset, like \"2025-11-29T18:00+09:00\""]
    );
    v["updated"] = json!("2025-11-29");
    assert_eq!(
        problems(&v),
        ["updated: expected a date and time with its UTC offset, like \"2025-11-29T18:00+09:00\", found \"2025-11-29\""]
    );
    v["updated"] = json!("2025-11-29T18:00");
    assert_eq!(problems(&v).len(), 1);
    assert!(problems_ko(&v)[0].starts_with("updated: "));
    // Without a change log, `updated` is optional.
    v.as_object_mut().unwrap().remove("updated");
    v.as_object_mut().unwrap().remove("changes");
    assert_eq!(problems(&v), Vec::<String>::new());
}

#[test]
fn a_revised_count_is_said_against_the_count_it_replaces() {
    let v = with_changes(json!([
        { "at": "2025-11-29", "kind": "revised", "about": "counts/coupang-33-7m",
          "replaces": "coupang-first-count", "sources": ["chosunbiz-20251129"] }
    ]));
    let d = dataset(&v);
    let c = &d.changes[0];
    assert_eq!(
        changes::change_sentence(&d, Lang::En, c),
        "Count revised: Coupang accounts exposed, from 4,536 to about 33.7 million accounts"
    );
    assert_eq!(
        changes::change_sentence(&d, Lang::Ko, c),
        "수치 수정: 쿠팡 유출 계정, 4,536개 계정에서 약 3,370만 개 계정으로"
    );
}

#[test]
fn a_revised_account_names_the_dates_that_moved() {
    let v = with_changes(json!([
        { "at": "2026-02-10", "kind": "revised", "about": "exposure/government-probe",
          "replaces": "coupang-stated", "sources": ["kh-10673625"] }
    ]));
    let d = dataset(&v);
    let c = &d.changes[0];
    assert_eq!(
        changes::change_sentence(&d, Lang::En, c),
        "Start of access revised from 24 June 2025 to April 2025"
    );
    assert_eq!(
        changes::change_sentence(&d, Lang::Ko, c),
        "무단 접근 시작 시점 수정: 2025년 6월 24일에서 2025년 4월로"
    );
}

#[test]
fn the_default_datasets_changes_read_as_sentences() {
    let d = dataset(&default_value());
    let said = |lang| -> Vec<String> {
        d.changes
            .iter()
            .map(|c| changes::change_sentence(&d, lang, c))
            .collect()
    };
    let en = said(Lang::En);
    for s in [
        "Count revised: Coupang accounts exposed, from 4,536 to about 33.7 million accounts",
        // Two current accounts: the probe's is added beside Coupang's, never said to replace it.
        "Account of the exposure added: Government joint probe (February 2026)",
        "Count added: Additional Coupang accounts affected, +165,455 accounts",
        "Event added: Record PIPC fine",
    ] {
        assert!(en.iter().any(|x| x == s), "{s:?} not in {en:#?}");
    }
    assert!(!en.iter().any(|x| x.contains("access revised")), "{en:#?}");
    // The latest, under the headline: the last change written on the newest date.
    assert_eq!(
        changes::latest(&d, Lang::En).as_deref(),
        Some("Count corrected: People affected, including non-members (PIPC), about 37.55 million people.")
    );
    assert_eq!(
        changes::updated(&d, Lang::En).as_deref(),
        Some("Updated 7 December 2026, 22:40 KST")
    );
    assert_eq!(
        changes::updated(&d, Lang::Ko).as_deref(),
        Some("2026년 12월 7일 오후 10시 40분(한국시간) 업데이트")
    );
}

#[test]
fn updated_is_said_in_the_storys_zone_not_the_files_offset() {
    let mut v = default_value();
    v["updated"] = json!("2026-06-11T23:30Z");
    let d = dataset(&v);
    assert_eq!(
        changes::updated(&d, Lang::En).as_deref(),
        Some("Updated 12 June 2026, 08:30 KST")
    );
}
#[test]
fn the_static_version_shows_updated_and_what_changed() {
    let d = dataset(&default_value());
    for (lang, updated, heading) in [
        (
            Lang::En,
            "Updated 7 December 2026, 22:40 KST",
            "What changed",
        ),
        (
            Lang::Ko,
            "2026년 12월 7일 오후 10시 40분(한국시간) 업데이트",
            "변경 내역",
        ),
    ] {
        let html = breach_explainer::page::to_html(&breach_explainer::page::explainer(
            &d,
            lang,
            Some(&breach_explainer::render::Theme::LIGHT),
        ));
        assert!(html.contains(updated), "{lang:?}: {updated}");
        assert!(html.contains(heading), "{lang:?}: {heading}");
        assert!(html.contains("datetime=\"2026-12-07T22:40+09:00\""));
        // The list, newest first, each change with its date and sources.
        let newest = html
            .find("Record PIPC fine")
            .or_else(|| html.find("역대 최대 과징금"));
        assert!(newest.is_some());
        let list = &html[html.find("bx-changes").expect("the list")..];
        let first = list.find("2026").unwrap();
        let last = list.find("2025").unwrap();
        assert!(first < last, "{lang:?}: newest first");
    }
}

/// The default dataset with `counts[i]` changed by `f` and one change: `about` replacing
/// `replaces`.
fn revision_of(i: usize, f: impl Fn(&mut Value), about: &str, replaces: &str) -> Story {
    let mut v = with_changes(json!([
        { "at": "2025-11-29", "kind": "revised", "about": format!("counts/{about}"),
          "replaces": replaces, "sources": ["chosunbiz-20251129"] }
    ]));
    f(&mut v["counts"][i]);
    dataset(&v)
}

#[test]
fn a_revision_that_did_not_move_the_figure_says_so_once() {
    // Both the first count and its revision: not disclosed.
    let mut v = with_changes(json!([
        { "at": "2025-11-29", "kind": "revised", "about": "counts/coupang-33-7m",
          "replaces": "coupang-first-count", "sources": ["chosunbiz-20251129"] }
    ]));
    for i in [0, 1] {
        let c = v["counts"][i].as_object_mut().unwrap();
        c.remove("value");
        c.insert("disclosed".into(), json!(false));
    }
    let d = dataset(&v);
    let en = changes::change_sentence(&d, Lang::En, &d.changes[0]);
    let ko = changes::change_sentence(&d, Lang::Ko, &d.changes[0]);
    assert!(
        en.contains("still not disclosed") && !en.contains(" from "),
        "{en}"
    );
    assert!(ko.contains("여전히") && !ko.contains("에서"), "{ko}");
}

#[test]
fn a_bound_that_replaces_a_figure_is_said_as_now_and_earlier_never_as_a_move() {
    let d = revision_of(
        1,
        |c| {
            let c = c.as_object_mut().unwrap();
            c.remove("value");
            c.remove("approximate");
            c.insert("at_least".into(), json!(30_000_000));
        },
        "coupang-33-7m",
        "coupang-first-count",
    );
    let en = changes::change_sentence(&d, Lang::En, &d.changes[0]);
    assert!(
        en.contains("now at least 30 million accounts; earlier 4,536 accounts"),
        "{en}"
    );
    assert!(!en.contains(" from "), "{en}");
}

#[test]
fn a_figure_marked_context_is_never_announced_as_a_count() {
    let mut v = with_changes(json!([
        { "at": "2025-11-29", "kind": "added", "about": "counts/kr-population-2024",
          "sources": ["chosunbiz-20251129"] }
    ]));
    let i = v["counts"]
        .as_array()
        .unwrap()
        .iter()
        .position(|c| c["id"] == "kr-population-2024")
        .unwrap();
    v["counts"][i]["status"] = json!("context");
    let d = dataset(&v);
    let en = changes::change_sentence(&d, Lang::En, &d.changes[0]);
    assert!(
        en.starts_with("Figure for comparison added: Registered residents of South Korea"),
        "{en}"
    );
    let ko = changes::change_sentence(&d, Lang::Ko, &d.changes[0]);
    assert!(ko.starts_with("비교용 수치 추가"), "{ko}");
    // Nor drawn as a revision of the count.
    assert!(!breach_explainer::model::figures::rows(
        &d,
        breach_explainer::model::figures::ChartKind::Revisions
    )
    .contains(&i));
}

#[test]
fn a_change_log_is_a_running_record_an_added_item_may_later_be_removed() {
    let v = with_changes(json!([
        { "at": "2025-11-29", "kind": "added", "about": "events/early-rumour", "sources": ["chosunbiz-20251129"] },
        { "at": "2025-12-01", "kind": "removed", "about": "events/early-rumour",
          "note": { "en": "It was a rumour", "ko": "소문이었다" }, "sources": ["donga-20251201"] }
    ]));
    assert_eq!(problems(&v), Vec::<String>::new());
    let d = dataset(&v);
    assert_eq!(
        changes::change_sentence(&d, Lang::En, &d.changes[0]),
        "Event added (since removed)"
    );
    assert_eq!(
        changes::change_sentence(&d, Lang::Ko, &d.changes[0]),
        "사건 추가(이후 삭제됨)"
    );
    assert_eq!(
        changes::change_sentence(&d, Lang::En, &d.changes[1]),
        "Event removed"
    );
    // Without the removal, the added item must exist.
    let v = with_changes(json!([
        { "at": "2025-11-29", "kind": "added", "about": "events/early-rumour", "sources": ["chosunbiz-20251129"] }
    ]));
    assert_eq!(problems(&v).len(), 1);
}

#[test]
fn the_note_after_an_update_ages_in_words_of_its_language() {
    let d = dataset(&default_value());
    let latest = changes::latest(&d, Lang::En).unwrap();
    for (minutes, en, ko) in [
        (0, "Updated just now", "방금 업데이트됨"),
        (1, "Updated 1 minute ago", "1분 전 업데이트됨"),
        (59, "Updated 59 minutes ago", "59분 전 업데이트됨"),
        (125, "Updated 2 hours ago", "2시간 전 업데이트됨"),
        (3 * 24 * 60, "Updated 3 days ago", "3일 전 업데이트됨"),
    ] {
        assert_eq!(
            changes::updated_ago(&d, Lang::En, minutes),
            format!("{en}: {latest}")
        );
        assert!(changes::updated_ago(&d, Lang::Ko, minutes).starts_with(&format!("{ko}: ")));
    }
}
