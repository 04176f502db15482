//! How long a span lasted, said at the precision of its dates: days between two days ("138
//! days", in years and months too when long), months or years between months or years ("about
//! seven months"), and nothing at all when both ends fall in one period (a span from "2023" to
//! "2023" is "in 2023", not "1 day").

use crate::format;
use crate::model::figures::{Known, Span};
use crate::model::{Lang, Precision};

/// A span's length in words, or that both ends fall within one period of its precision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Length {
    /// "138 days", "about 3 years and 8 months (1,352 days)", "about seven months" — always
    /// positive: the sentence says which way it runs.
    Some(String),
    /// Both ends in the same year (or month) at that precision: no length can be given.
    Within(Precision),
    /// An end given only as a bound at a coarser precision than a day, or a bound that leaves
    /// the span empty: nothing can be said of its length.
    Unknown,
}

const DAYS_PER_MONTH: f64 = 365.2425 / 12.0;

/// The length of `span`, without its sign.
pub fn length(lang: Lang, span: &Span) -> Length {
    // A bounded end: the days between the dates are a bound on the length, never the length.
    let bound = match span.known {
        Known::Exactly => None,
        Known::AtLeast => Some(("at least", "최소")),
        Known::AtMost => Some(("at most", "최대")),
    };
    if let Some((en, ko)) = bound {
        return match span.bound_days() {
            Some(days) if days > 0 => {
                let plain = match lang {
                    Lang::En => format!("{en} {}", format::plural_en(days, "day", "days")),
                    Lang::Ko => format!("{ko} {}일", format::count(days)),
                };
                Length::Some(plain)
            }
            _ => Length::Unknown,
        };
    }
    if let Some(days) = span.days() {
        return Length::Some(days_words(lang, days.abs()));
    }
    let months = (span.middle_days().abs() / DAYS_PER_MONTH).round() as i64;
    match span.precision() {
        Precision::Year => {
            let years = (months as f64 / 12.0).round() as i64;
            if years == 0 {
                Length::Within(Precision::Year)
            } else {
                Length::Some(about(lang, &years_months(lang, years, 0, true)))
            }
        }
        // Parts of a month: under a month, in weeks ("about two weeks"); the same part of a
        // month has no length.
        Precision::MonthPart if months == 0 => {
            let weeks = (span.middle_days().abs() / 7.0).round() as i64;
            if weeks == 0 {
                Length::Within(Precision::MonthPart)
            } else {
                Length::Some(about(lang, &weeks_words(lang, weeks)))
            }
        }
        Precision::YearPart if months == 0 => Length::Within(Precision::YearPart),
        Precision::YearPart
        | Precision::Month
        | Precision::MonthPart
        | Precision::Day
        | Precision::Minute => {
            if months == 0 {
                Length::Within(Precision::Month)
            } else {
                Length::Some(about(
                    lang,
                    &years_months(lang, months / 12, months % 12, true),
                ))
            }
        }
    }
}

/// "two weeks" / "2주".
fn weeks_words(lang: Lang, weeks: i64) -> String {
    match (lang, weeks) {
        (Lang::En, 1) => "one week".to_string(),
        (Lang::En, n) => format!("{} weeks", format::number_word_en(n)),
        (Lang::Ko, n) => format!("{n}주"),
    }
}

fn about(lang: Lang, words: &str) -> String {
    match lang {
        Lang::En => format!("about {words}"),
        Lang::Ko => format!("약 {words}"),
    }
}

/// "138 days"; from a year on, "about three years and eight months (1,352 days)".
fn days_words(lang: Lang, days: i64) -> String {
    let plain = match lang {
        Lang::En => format::plural_en(days, "day", "days"),
        // "하루 뒤", never "1일 뒤" (which reads as "on the 1st").
        Lang::Ko if days == 1 => "하루".to_string(),
        Lang::Ko if days == 2 => "이틀".to_string(),
        Lang::Ko if days == 3 => "사흘".to_string(),
        Lang::Ko => format!("{}일", format::count(days)),
    };
    if days < 365 {
        return plain;
    }
    let months = (days as f64 / DAYS_PER_MONTH).round() as i64;
    // Small numbers in words, as every other approximate span says them; in Korean the days
    // after a comma, since the sentence puts the dates in brackets right after.
    let ym = years_months(lang, months / 12, months % 12, true);
    match lang {
        Lang::En => format!("about {ym} ({plain})"),
        Lang::Ko => format!("약 {ym}, {plain}"),
    }
}

/// "3 years and 8 months", "seven months" / "3년 8개월", "7개월". `words`: small numbers in
/// English words (for approximate spans).
fn years_months(lang: Lang, years: i64, months: i64, words: bool) -> String {
    let num = |n: i64| {
        if words {
            format::number_word_en(n)
        } else {
            format::count(n)
        }
    };
    match lang {
        Lang::En => {
            let y = match years {
                1 => format!("{} year", num(1)),
                n => format!("{} years", num(n)),
            };
            let m = match months {
                1 => format!("{} month", num(1)),
                n => format!("{} months", num(n)),
            };
            match (years, months) {
                (0, _) => m,
                (_, 0) => y,
                _ => format!("{y} and {m}"),
            }
        }
        Lang::Ko => match (years, months) {
            (0, m) => format!("{m}개월"),
            (y, 0) => format!("{y}년"),
            (y, m) => format!("{y}년 {m}개월"),
        },
    }
}
