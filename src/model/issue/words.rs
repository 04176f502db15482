//! The words a problem's message names things with, in English and Korean: what a field
//! should hold, what a list needs, and which item of which list the problem is in ("the 4th
//! event, \"Police raid\""). Apart from the messages themselves, which use them.

use super::{Counted, Expected, Issue, ItemKind};
use crate::model::Lang;

impl Expected {
    pub fn describe(self, lang: Lang) -> &'static str {
        if lang == Lang::Ko {
            return match self {
                Expected::Object => "객체({ … })",
                Expected::List => "목록([ … ])",
                Expected::Text => "언어별 텍스트(예: {\"en\": \"…\", \"ko\": \"…\"})",
                Expected::String => "따옴표로 감싼 문자열",
                Expected::Boolean => "true 또는 false",
                Expected::WholeNumber => "따옴표 없는 0 이상의 정수",
                Expected::Date => {
                    "\"2025\", \"2025-04\", \"2025-06-24\", \"2025-11-18T22:52+09:00\" 형식의 날짜"
                }
                Expected::DateTime => {
                    "\"2025-11-29T18:00+09:00\" 형식의 UTC 시차가 있는 날짜와 시각"
                }
                Expected::Id => "영문 소문자, 숫자, \"-\"로 된 id",
                Expected::Url => "https:// 또는 http://로 시작하는 웹 주소",
                Expected::Offset => "\"+09:00\" 형식의 UTC 시차",
                Expected::LanguageCode => "\"en\", \"ko\" 같은 언어 코드",
            };
        }
        match self {
            Expected::Object => "an object ({ … })",
            Expected::List => "a list ([ … ])",
            Expected::Text => "text in each language, like {\"en\": \"…\"}",
            Expected::String => "a string in quotes",
            Expected::Boolean => "true or false",
            Expected::WholeNumber => "a whole number of 0 or more, without quotes",
            Expected::Date => {
                "a date like \"2025\", \"2025-04\", \"2025-06-24\" or \"2025-11-18T22:52+09:00\""
            }
            Expected::DateTime => {
                "a date and time with its UTC offset, like \"2025-11-29T18:00+09:00\""
            }
            Expected::Id => "an id of lower-case letters, digits and \"-\"",
            Expected::Url => "a web address starting with https:// or http://",
            Expected::Offset => "a UTC offset like \"+09:00\"",
            Expected::LanguageCode => "a language code like \"en\" or \"ko\"",
        }
    }
}

impl Counted {
    pub(super) fn words(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::En, Counted::Language) => "language",
            (Lang::En, Counted::Source) => "source",
            (Lang::En, Counted::Event) => "event",
            (Lang::En, Counted::Claim) => "claim",
            (Lang::En, Counted::CountsToCompare) => "counts to compare",
            // With the subject particle each takes.
            (Lang::Ko, Counted::Language) => "언어가",
            (Lang::Ko, Counted::Source) => "출처가",
            (Lang::Ko, Counted::Event) => "사건이",
            (Lang::Ko, Counted::Claim) => "주장이",
            (Lang::Ko, Counted::CountsToCompare) => "비교할 수치가",
        }
    }
}

impl ItemKind {
    fn words(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::En, ItemKind::Event) => "event",
            (Lang::En, ItemKind::Source) => "source",
            (Lang::En, ItemKind::Count) => "count",
            (Lang::En, ItemKind::Comparison) => "comparison",
            (Lang::En, ItemKind::DataClass) => "kind of data",
            (Lang::En, ItemKind::Amount) => "amount",
            (Lang::En, ItemKind::Correction) => "correction",
            (Lang::En, ItemKind::Change) => "change",
            (Lang::En, ItemKind::Claim) => "account of the exposure",
            (Lang::En, ItemKind::Alternative) => "other date",
            (Lang::En, ItemKind::Part) => "part",
            (Lang::En, ItemKind::Conversion) => "conversion",
            (Lang::En, ItemKind::Item) => "item",
            (Lang::Ko, ItemKind::Event) => "사건",
            (Lang::Ko, ItemKind::Source) => "출처",
            (Lang::Ko, ItemKind::Count) => "수치",
            (Lang::Ko, ItemKind::Comparison) => "비교",
            (Lang::Ko, ItemKind::DataClass) => "데이터 종류",
            (Lang::Ko, ItemKind::Amount) => "금액",
            (Lang::Ko, ItemKind::Correction) => "정정",
            (Lang::Ko, ItemKind::Change) => "변경 기록",
            (Lang::Ko, ItemKind::Claim) => "노출 기간 주장",
            (Lang::Ko, ItemKind::Alternative) => "다른 날짜",
            (Lang::Ko, ItemKind::Part) => "세부 항목",
            (Lang::Ko, ItemKind::Conversion) => "환산",
            (Lang::Ko, ItemKind::Item) => "항목",
        }
    }
}

/// "1st", "2nd", "3rd", "4th", "11th", "21st".
fn ordinal_en(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// A name from the dataset, cut to 40 characters.
fn short(name: &str) -> String {
    let mut out: String = name.chars().take(40).collect();
    if name.chars().nth(40).is_some() {
        out.push('…');
    }
    out
}

impl Issue {
    /// The items the problem is in, in words: "the 1st other date of the 4th event, "Police
    /// raid"" / "4번째 사건 '경찰 압수수색'의 1번째 다른 날짜".
    pub fn place_words(&self, lang: Lang) -> Option<String> {
        let (outer, inner) = self.within.split_first()?;
        let name = outer.name.as_ref().map(|t| short(t.get(lang)));
        let n = outer.index + 1;
        let noun = outer.kind.words(lang);
        Some(match lang {
            Lang::En => {
                let mut out = String::new();
                for w in inner.iter().rev() {
                    out.push_str(&format!(
                        "the {} {} of ",
                        ordinal_en(w.index + 1),
                        w.kind.words(lang)
                    ));
                }
                out.push_str(&format!("the {} {noun}", ordinal_en(n)));
                if let Some(name) = name {
                    out.push_str(&format!(", \"{name}\""));
                }
                out
            }
            Lang::Ko => {
                let mut out = format!("{n}번째 {noun}");
                if let Some(name) = name {
                    out.push_str(&format!(" '{name}'"));
                }
                for w in inner {
                    out.push_str(&format!("의 {}번째 {}", w.index + 1, w.kind.words(lang)));
                }
                out
            }
        })
    }
}
