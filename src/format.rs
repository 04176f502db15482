//! Every number and date a reader sees is worded here, per language: one place to add a
//! language's rules (Korean groups large numbers by 만/억/조, English by thousands).
//!
//! Pure and deterministic: no host locale, no clock.

use crate::model::{Lang, Part, Precision, StoryDate};

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_EN_SHORT: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "November": an English month's name.
pub fn month_name(month: u32) -> &'static str {
    MONTHS_EN
        .get(month.wrapping_sub(1) as usize)
        .copied()
        .unwrap_or("")
}

pub fn month_short(lang: Lang, month: u32) -> String {
    match lang {
        Lang::En => MONTHS_EN_SHORT
            .get(month.wrapping_sub(1) as usize)
            .copied()
            .unwrap_or("")
            .to_string(),
        Lang::Ko => format!("{month}월"),
    }
}

/// A date at its real precision: "April 2025", "24 June 2025",
/// "18 November 2025, 22:52 UTC" / "2025년 4월", "2025년 6월 24일", "2025년 11월 18일 오후 10시 52분".
/// `zone_label` names the offset of times (e.g. "UTC").
/// Parts of a month or year: "early May 2017", "mid-May 2017", "late 2024" / "2017년 5월 초",
/// "2017년 5월 중순", "2024년 중반".
pub fn date(lang: Lang, d: &StoryDate, zone_label: &str) -> String {
    let part = d.part().unwrap_or(Part::Mid);
    match (lang, d.precision) {
        (Lang::En, Precision::Year) => format!("{}", d.year),
        (Lang::En, Precision::YearPart) => format!("{}{}", part_en(part), d.year),
        (Lang::En, Precision::Month) => format!("{} {}", month_name(d.month), d.year),
        (Lang::En, Precision::MonthPart) => {
            format!("{}{} {}", part_en(part), month_name(d.month), d.year)
        }
        (Lang::En, Precision::Day) => format!("{} {} {}", d.day, month_name(d.month), d.year),
        (Lang::En, Precision::Minute) => format!(
            "{} {} {}, {:02}:{:02} {zone_label}",
            d.day,
            month_name(d.month),
            d.year,
            d.minute / 60,
            d.minute % 60
        ),
        (Lang::Ko, Precision::Year) => format!("{}년", d.year),
        (Lang::Ko, Precision::YearPart) => {
            let p = match part {
                Part::Early => "초",
                Part::Mid => "중반",
                Part::Late => "말",
            };
            format!("{}년 {p}", d.year)
        }
        (Lang::Ko, Precision::Month) => format!("{}년 {}월", d.year, d.month),
        (Lang::Ko, Precision::MonthPart) => {
            let p = match part {
                Part::Early => "초",
                Part::Mid => "중순",
                Part::Late => "말",
            };
            format!("{}년 {}월 {p}", d.year, d.month)
        }
        (Lang::Ko, Precision::Day) => format!("{}년 {}월 {}일", d.year, d.month, d.day),
        (Lang::Ko, Precision::Minute) => {
            let (h, m) = (d.minute / 60, d.minute % 60);
            // Noon is 낮 12시 and midnight 오전 0시, as Korean newsrooms write them: "오후 12시"
            // and "오전 12시" are each read both ways.
            let half = match h {
                12 => "낮",
                h if h < 12 => "오전",
                _ => "오후",
            };
            let h12 = match h {
                0 | 12 => h,
                x => x % 12,
            };
            let minutes = if m == 0 {
                String::new()
            } else {
                format!(" {m}분")
            };
            format!(
                "{}년 {}월 {}일 {half} {h12}시{minutes}",
                d.year, d.month, d.day
            )
        }
    }
}

/// "early ", "mid-", "late ": before a month or a year.
fn part_en(part: Part) -> &'static str {
    match part {
        Part::Early => "early ",
        Part::Mid => "mid-",
        Part::Late => "late ",
    }
}

/// A short date for labels on the time axis and markers: "24 Jun", "6월 24일".
pub fn date_short(lang: Lang, d: &StoryDate) -> String {
    match (lang, d.precision) {
        (_, Precision::Year | Precision::YearPart) => date(lang, d, ""),
        (Lang::En, Precision::Month) => format!("{} {}", month_short(lang, d.month), d.year),
        (Lang::En, Precision::MonthPart) => format!(
            "{}{} {}",
            part_en(d.part().unwrap_or(Part::Mid)),
            month_short(lang, d.month),
            d.year
        ),
        (Lang::En, Precision::Day | Precision::Minute) => {
            format!("{} {}", d.day, month_short(lang, d.month))
        }
        (Lang::Ko, Precision::Month | Precision::MonthPart) => date(lang, d, ""),
        (Lang::Ko, Precision::Day | Precision::Minute) => format!("{}월 {}일", d.month, d.day),
    }
}

/// Digits with thousands separators: 33673817 → "33,673,817" (both languages use commas).
pub use crate::model::json::grouped as exact;

/// `value / unit` with at most 3 decimals when that is exact ("1.685", "134.79"), else one
/// decimal ("33.7" for 33,673,817): compact in text, exact figures go in tables.
fn scaled(value: u64, unit: u64) -> String {
    let whole = value / unit;
    let rest = value % unit;
    if rest == 0 {
        return exact(whole);
    }
    for decimals in 1..=3u32 {
        let step = unit / 10u64.pow(decimals);
        if step > 0 && rest.is_multiple_of(step) {
            let frac = rest / step;
            return format!(
                "{}.{:0width$}",
                exact(whole),
                frac,
                width = decimals as usize
            );
        }
    }
    // Round to one decimal, carrying into the whole part (9.96 → 10.0 → "10").
    // Counts and won amounts stay far below u64::MAX / 10 (1.8e18), so this cannot overflow.
    let tenths = value.saturating_mul(10).saturating_add(unit / 2) / unit;
    let (w, f) = (tenths / 10, tenths % 10);
    if f == 0 {
        exact(w)
    } else {
        format!("{}.{f}", exact(w))
    }
}

/// A size in bytes at its scale, in decimal units as reports give them: "1.7 GB", "650 MB",
/// "12 TB", "512 bytes" (Korean without the space: "1.7GB").
pub fn bytes(lang: Lang, n: u64) -> String {
    const SCALES: [(u64, &str); 5] = [
        (1_000_000_000_000_000, "PB"),
        (1_000_000_000_000, "TB"),
        (1_000_000_000, "GB"),
        (1_000_000, "MB"),
        (1_000, "KB"),
    ];
    let sp = match lang {
        Lang::En => " ",
        Lang::Ko => "",
    };
    for (unit, word) in SCALES {
        if n >= unit {
            return format!("{}{sp}{word}", scaled(n, unit));
        }
    }
    match lang {
        Lang::En => format!("{} {}", exact(n), if n == 1 { "byte" } else { "bytes" }),
        Lang::Ko => format!("{}바이트", exact(n)),
    }
}

/// Compact wording for text: "4,536", "33.7 million", "1.685 trillion" / "4,536", "3,370만",
/// "1조 6,850억".
pub fn compact(lang: Lang, n: u64) -> String {
    match lang {
        Lang::En => {
            const SCALES: [(u64, &str); 3] = [
                (1_000_000_000_000, "trillion"),
                (1_000_000_000, "billion"),
                (1_000_000, "million"),
            ];
            for (unit, word) in SCALES {
                if n >= unit {
                    return format!("{} {word}", scaled(n, unit));
                }
            }
            exact(n)
        }
        Lang::Ko => korean_units(n),
    }
}

/// Korean large numbers: groups of four digits named 조 (10^12), 억 (10^8), 만 (10^4). Text keeps
/// the two largest groups, rounding the rest (33,673,817 → "3,367만"; 51,217,221 → "5,122만";
/// 1,685,000,000,000 → "1조 6,850억"), as Korean newsrooms write compact figures; below a
/// million, the exact figure.
fn korean_units(n: u64) -> String {
    const UNITS: [(u64, &str); 3] = [
        (1_000_000_000_000, "조"),
        (100_000_000, "억"),
        (10_000, "만"),
    ];
    // Below 100만 the exact figure is as short and loses nothing, unless it is a round
    // number of 만 ("10만", never "100,000").
    if n < 1_000_000 && (n < 10_000 || !n.is_multiple_of(10_000)) {
        return exact(n);
    }
    // Round to the smaller of the two groups kept.
    let top = UNITS.iter().position(|(u, _)| n >= *u).unwrap_or(2);
    let step = UNITS.get(top + 1).map_or(10_000, |(u, _)| *u);
    let n = n.saturating_add(step / 2) / step * step;
    let mut parts = Vec::new();
    let mut rest = n;
    for (unit, word) in UNITS {
        let group = rest / unit;
        rest %= unit;
        if group > 0 {
            parts.push(format!("{}{word}", exact(group)));
        } else if !parts.is_empty() {
            parts.push(String::new());
        }
        if parts.len() == 2 {
            break;
        }
    }
    parts.retain(|p| !p.is_empty());
    parts.join(" ")
}

/// A currency's sign in English text (₩, $, €, £, ¥) or, in Korean, its name; an ISO code
/// this table does not know is written as the code itself.
fn currency_sign(lang: Lang, currency: &str) -> Option<&'static str> {
    Some(match (lang, currency) {
        (Lang::En, "KRW") => "₩",
        (Lang::En, "USD") => "$",
        (Lang::En, "EUR") => "€",
        (Lang::En, "GBP") => "£",
        (Lang::En, "JPY") => "¥",
        (Lang::Ko, "KRW") => "원",
        (Lang::Ko, "USD") => "달러",
        (Lang::Ko, "EUR") => "유로",
        (Lang::Ko, "GBP") => "파운드",
        (Lang::Ko, "JPY") => "엔",
        (Lang::Ko, "CNY") => "위안",
        (Lang::Ko, "AUD") => "호주 달러",
        (Lang::Ko, "CAD") => "캐나다 달러",
        _ => return None,
    })
}

/// Money in text: "₩624.7 billion", "$410 million", "£18.4 million" / "6,247억 원",
/// "4억 1,000만 달러", "1,840만 파운드".
pub fn money(lang: Lang, amount: u64, currency: &str) -> String {
    let number = match lang {
        Lang::En => compact(lang, amount),
        Lang::Ko => korean_units(amount),
    };
    // Korean puts a space between a grouped number and the currency's name.
    with_currency(lang, &number, currency, " ")
}

/// Exact money for tables and tooltips: "₩624,700,000,000" / "624,700,000,000원".
pub fn money_exact(lang: Lang, amount: u64, currency: &str) -> String {
    with_currency(lang, &exact(amount), currency, "")
}

/// A number with its currency: the sign before it in English, the name after it in Korean
/// (`korean_gap` between them), the ISO code after it where neither is known.
fn with_currency(lang: Lang, number: &str, currency: &str, korean_gap: &str) -> String {
    match (lang, currency_sign(lang, currency)) {
        (Lang::En, Some(sign)) => format!("{sign}{number}"),
        (Lang::Ko, Some(word)) => format!("{number}{korean_gap}{word}"),
        (_, None) => format!("{number} {currency}"),
    }
}

/// "about 33.7 million" / "약 3,370만" when a figure is approximate.
pub fn approx(lang: Lang, approximate: bool, text: String) -> String {
    match (approximate, lang) {
        (false, _) => text,
        (true, Lang::En) => format!("about {text}"),
        (true, Lang::Ko) => format!("약 {text}"),
    }
}

/// A whole number a reader counts with: "1,352" (separators from 1,000 on), negatives with a
/// minus sign. Used for day, month and item counts in sentences.
pub fn count(n: i64) -> String {
    let digits = exact(n.unsigned_abs());
    if n < 0 {
        format!("−{digits}")
    } else {
        digits
    }
}

/// "1 day" / "1,352 days": English plural by the number, with separators.
pub fn plural_en(n: i64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{} {many}", count(n))
    }
}

/// Small numbers in words for approximate spans ("about seven months"), figures from 11 on.
pub fn number_word_en(n: i64) -> String {
    const WORDS: [&str; 11] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    usize::try_from(n)
        .ok()
        .and_then(|i| WORDS.get(i))
        .map_or_else(|| count(n), |w| (*w).to_string())
}

/// Korean particles that change with the sound before them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Particle {
    /// 은/는
    Topic,
    /// 이/가
    Subject,
    /// 을/를
    Object,
    /// 으로/로 (로 also after ㄹ)
    Direction,
    /// 과/와
    And,
}

/// `word` followed by the form of `particle` its last sound takes: "4,536명은", "쿠팡은",
/// "3,370만으로", "탐지가". A trailing parenthesis is skipped ("인구(2024년)는" follows "인구").
/// Where the sound cannot be known (a Latin word), both forms are given: "SKT은(는)".
pub fn particle(word: &str, p: Particle) -> String {
    let (vowel_form, consonant_form) = match p {
        Particle::Topic => ("는", "은"),
        Particle::Subject => ("가", "이"),
        Particle::Object => ("를", "을"),
        Particle::Direction => ("로", "으로"),
        Particle::And => ("와", "과"),
    };
    let form = match final_sound(word) {
        Some(Final::Vowel) => vowel_form,
        Some(Final::Rieul) if p == Particle::Direction => vowel_form,
        Some(Final::Rieul | Final::Consonant) => consonant_form,
        None => {
            return format!("{word}{consonant_form}({vowel_form})");
        }
    };
    format!("{word}{form}")
}

enum Final {
    Vowel,
    Rieul,
    Consonant,
}

/// How the last syllable of `word` ends when read aloud in Korean.
fn final_sound(word: &str) -> Option<Final> {
    let mut text = word.trim_end();
    // Skip one trailing parenthetical (nested ones too): the particle follows the word before.
    if text.ends_with(')') {
        let mut depth = 0usize;
        for (i, c) in text.char_indices().rev() {
            match c {
                ')' => depth += 1,
                '(' => depth = depth.saturating_sub(1),
                _ => {}
            }
            if depth == 0 {
                text = text.get(..i).unwrap_or("").trim_end();
                break;
            }
        }
    }
    let digits_only: String = text.chars().filter(|c| *c != ',').collect();
    let last = digits_only.chars().last()?;
    if let Some(syllable) = (last as u32).checked_sub(0xAC00).filter(|s| *s < 11_172) {
        return Some(match syllable % 28 {
            0 => Final::Vowel,
            8 => Final::Rieul,
            _ => Final::Consonant,
        });
    }
    if last.is_ascii_digit() {
        // Read as Sino-Korean: the last non-zero digit, or the place name of trailing zeros
        // (십, 백, 천, 만…).
        let zeros = digits_only.chars().rev().take_while(|c| *c == '0').count();
        return Some(match zeros {
            0 => match last {
                '1' | '7' | '8' => Final::Rieul,
                '0' | '3' | '6' => Final::Consonant,
                _ => Final::Vowel,
            },
            1 => Final::Consonant, // 십
            2 => Final::Consonant, // 백
            _ => Final::Consonant, // 천, 만
        });
    }
    None
}
