//! Exact strings for every number and date format, per language.
#![cfg(not(target_arch = "wasm32"))]

use breach_explainer::format::{compact, date, exact, money, money_exact};
use breach_explainer::model::{Lang, StoryDate};

fn d(s: &str) -> StoryDate {
    StoryDate::parse(s).unwrap()
}

#[test]
fn dates_at_each_precision() {
    let cases = [
        ("2025", "2025", "2025년"),
        ("2025-04", "April 2025", "2025년 4월"),
        ("2025-06-24", "24 June 2025", "2025년 6월 24일"),
        (
            "2025-11-18T22:52+09:00",
            "18 November 2025, 22:52 KST",
            "2025년 11월 18일 오후 10시 52분",
        ),
        (
            "2025-11-27T04:42+09:00",
            "27 November 2025, 04:42 KST",
            "2025년 11월 27일 오전 4시 42분",
        ),
        (
            "2025-04-19T23:00+09:00",
            "19 April 2025, 23:00 KST",
            "2025년 4월 19일 오후 11시",
        ),
        (
            "2025-06-01T12:00+09:00",
            "1 June 2025, 12:00 KST",
            "2025년 6월 1일 낮 12시",
        ),
        (
            "2025-01-01T00:05+09:00",
            "1 January 2025, 00:05 KST",
            "2025년 1월 1일 오전 0시 5분",
        ),
    ];
    for (iso, en, ko) in cases {
        assert_eq!(date(Lang::En, &d(iso), "KST"), en);
        assert_eq!(date(Lang::Ko, &d(iso), "KST"), ko);
    }
}

#[test]
fn counts_compact_and_exact() {
    let cases: [(u64, &str, &str, &str); 13] = [
        (0, "0", "0", "0"),
        (4_536, "4,536", "4,536", "4,536"),
        (165_455, "165,455", "165,455", "165,455"),
        (33_700_000, "33.7 million", "3,370만", "33,700,000"),
        (33_673_817, "33.7 million", "3,367만", "33,673,817"),
        (37_500_000, "37.5 million", "3,750만", "37,500,000"),
        (51_217_221, "51.2 million", "5,122만", "51,217,221"),
        (1_000_000, "1 million", "100만", "1,000,000"),
        (
            134_790_000_000,
            "134.79 billion",
            "1,347억 9,000만",
            "134,790,000,000",
        ),
        // A round number of 만 in 만 ("약 10만 명", never "약 100,000명"); others exact.
        (10_000, "10,000", "1만", "10,000"),
        (100_000, "100,000", "10만", "100,000"),
        (165_455, "165,455", "165,455", "165,455"),
        (9_960_000, "9.96 million", "996만", "9,960,000"),
    ];
    for (n, en, ko, ex) in cases {
        assert_eq!(compact(Lang::En, n), en, "{n}");
        assert_eq!(compact(Lang::Ko, n), ko, "{n}");
        assert_eq!(exact(n), ex);
    }
    // Rounding carries into the whole part.
    assert_eq!(compact(Lang::En, 9_999_999), "10 million");
}

#[test]
fn money_in_each_language() {
    assert_eq!(money(Lang::En, 624_700_000_000, "KRW"), "₩624.7 billion");
    assert_eq!(money(Lang::Ko, 624_700_000_000, "KRW"), "6,247억 원");
    assert_eq!(money(Lang::En, 1_685_000_000_000, "KRW"), "₩1.685 trillion");
    assert_eq!(money(Lang::Ko, 1_685_000_000_000, "KRW"), "1조 6,850억 원");
    assert_eq!(money(Lang::En, 134_790_000_000, "KRW"), "₩134.79 billion");
    assert_eq!(money(Lang::En, 410_000_000, "USD"), "$410 million");
    assert_eq!(money(Lang::Ko, 44_500_000_000, "KRW"), "445억 원");
    assert_eq!(
        money_exact(Lang::En, 624_700_000_000, "KRW"),
        "₩624,700,000,000"
    );
    assert_eq!(
        money_exact(Lang::Ko, 624_700_000_000, "KRW"),
        "624,700,000,000원"
    );
}

#[test]
fn counts_with_their_units() {
    use breach_explainer::i18n::quantity;
    use breach_explainer::model::Unit;
    let cases = [
        (
            Unit::Accounts,
            33_700_000,
            "33.7 million accounts",
            "3,370만 개 계정",
        ),
        (Unit::Accounts, 4_536, "4,536 accounts", "4,536개 계정"),
        (
            Unit::People,
            37_500_000,
            "37.5 million people",
            "3,750만 명",
        ),
        (
            Unit::Records,
            33_673_817,
            "33.7 million records",
            "3,367만 건",
        ),
        (
            Unit::SimRecords,
            26_950_000,
            "26.95 million SIM records",
            "유심 정보 2,695만 건",
        ),
        (
            Unit::Subscribers,
            23_244_649,
            "23.2 million subscribers",
            "가입자 2,324만 명",
        ),
        (
            Unit::Residents,
            51_217_221,
            "51.2 million residents",
            "주민등록 인구 5,122만 명",
        ),
        (Unit::Accounts, 1, "1 account", "1개 계정"),
        (Unit::Files, 1_200_000, "1.2 million files", "파일 120만 개"),
        (Unit::Files, 1, "1 file", "파일 1개"),
    ];
    for (unit, n, en, ko) in cases {
        assert_eq!(
            quantity(Lang::En, unit, &compact(Lang::En, n), n, false),
            en
        );
        assert_eq!(
            quantity(Lang::Ko, unit, &compact(Lang::Ko, n), n, false),
            ko
        );
    }
}

#[test]
fn dates_do_not_depend_on_the_machine_time_zone() {
    // Positions are calendar days of the story's zone; a time given in UTC moves into KST.
    let kst = d("2025-11-18T22:52+09:00");
    let utc = d("2025-11-18T13:52Z");
    assert_eq!(kst.start(540), utc.start(540));
    assert_eq!(d("2025-06-24").first_day(), 20263);
}

#[test]
fn numbers_in_messages_are_written_as_the_author_wrote_them() {
    use breach_explainer::model::json::plain_number;
    for (n, text) in [
        (-5.0, "-5"),
        (33.7, "33.7"),
        (0.05, "0.05"),
        (12.0, "12"),
        (1.0e-7, "0"),
        (123456.125, "123456.125"),
    ] {
        assert_eq!(plain_number(n), text);
    }
}

#[test]
fn a_range_within_one_year_says_the_year_once() {
    use breach_explainer::describe::date_range;
    let d = |s: &str| StoryDate::parse(s).expect("a date");
    let cases = [
        (
            "2025-12-30",
            "2025-12-31",
            "30–31 December 2025",
            "2025년 12월 30~31일",
        ),
        (
            "2025-06-24",
            "2025-11-08",
            "24 June – 8 November 2025",
            "2025년 6월 24일~11월 8일",
        ),
        (
            "2025-04",
            "2025-11",
            "April – November 2025",
            "2025년 4월~11월",
        ),
        (
            "2014",
            "2018-09-10",
            "2014 – 10 September 2018",
            "2014년~2018년 9월 10일",
        ),
        (
            "2024-12-30",
            "2025-01-02",
            "30 December 2024 – 2 January 2025",
            "2024년 12월 30일~2025년 1월 2일",
        ),
    ];
    for (a, b, en, ko) in cases {
        assert_eq!(date_range(Lang::En, &d(a), &d(b), ""), en);
        assert_eq!(date_range(Lang::Ko, &d(a), &d(b), ""), ko);
    }
}

/// The words the JavaScript shows before the wasm runs (`breach-explainer words`, written into
/// www/words.js by the build): every one in both languages, under the same names, the Korean
/// ones in Korean.
#[test]
fn host_words_are_in_every_language() {
    use breach_explainer::i18n::host_words;
    let names = |l| host_words(l).map(|(k, _)| k);
    assert_eq!(names(Lang::En), names(Lang::Ko));
    for lang in Lang::ALL {
        for (name, text) in host_words(lang) {
            assert!(!text.trim().is_empty(), "{name} is empty in {lang:?}");
        }
    }
    for (name, text) in host_words(Lang::Ko) {
        assert!(
            text.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c)),
            "{name} is not Korean: {text}"
        );
    }
}
