//! How long a span lasted, said at the precision of its dates: days between two days ("138
//! days", in years and months too when long), months or years between months or years ("about
//! seven months"), and nothing at all when both ends fall in one period (a span from "2023" to
//! "2023" is "in 2023", not "1 day").

use crate::format;
use crate::model::figures::Span;
use crate::model::{Lang, Precision};

/// A span's length in words, or that both ends fall within one period of its precision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Length {
    /// "138 days", "about 3 years and 8 months (1,352 days)", "about seven months" — always
    /// positive: the sentence says which way it runs.
    Some(String),
    /// Both ends in the same year (or month) at that precision: no length can be given.
    Within(Precision),
}

const DAYS_PER_MONTH: f64 = 365.2425 / 12.0;

/// The length of `span`, without its sign.
pub fn length(lang: Lang, span: &Span) -> Length {
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
        _ => {
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

fn about(lang: Lang, words: &str) -> String {
    match lang {
        Lang::En => format!("about {words}"),
        Lang::Ko => format!("약 {words}"),
    }
}

/// "138 days"; from a year on, "about 3 years and 8 months (1,352 days)".
fn days_words(lang: Lang, days: i64) -> String {
    let plain = match lang {
        Lang::En => format::plural_en(days, "day", "days"),
        Lang::Ko => format!("{}일", format::count(days)),
    };
    if days < 365 {
        return plain;
    }
    let months = (days as f64 / DAYS_PER_MONTH).round() as i64;
    let ym = years_months(lang, months / 12, months % 12, false);
    match lang {
        Lang::En => format!("about {ym} ({plain})"),
        Lang::Ko => format!("약 {ym}({plain})"),
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
