//! Problems found in a dataset, in words a journalist understands.
//!
//! Each problem is data (what was expected, what was found) so the page can word it in the
//! reader's language; `Display` gives the English line `path: message`, and once
//! [`super::position::place`] has placed an issue, `path (the 4th event, "…"): message` (the
//! line and column are put before it by `page::describe`).

use super::line_column::Position;
use super::{Lang, Text};
use std::fmt;

/// What a field should hold, as said to a dataset author.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Object,
    List,
    Text,
    String,
    Boolean,
    WholeNumber,
    Date,
    /// A date and time with its UTC offset (`updated`).
    DateTime,
    Id,
    Url,
    Offset,
    LanguageCode,
}

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

#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The file is not JSON at all.
    Syntax {
        line: usize,
        column: usize,
        detail: String,
    },
    /// A comma after the last item of a list or an object (placed at the comma, where a
    /// parser names the bracket after it, often a line later).
    TrailingComma,
    /// The browser's JSON parser refused the text; its message names line and column.
    NotJson {
        detail: String,
    },
    /// The file could not be loaded: an HTTP status, or 0 and the browser's message when the
    /// server could not be reached.
    Load {
        url: String,
        status: u16,
        detail: String,
    },
    Missing {
        expected: Expected,
    },
    WrongType {
        expected: Expected,
        found: String,
    },
    Empty,
    NotADate {
        found: String,
    },
    NotOnCalendar {
        found: String,
    },
    NoOffset {
        found: String,
        /// The time with the story's own offset, when the dataset gives one.
        with: Option<String>,
    },
    EndBeforeStart {
        start: String,
        end: String,
    },
    /// A count or amount given in two forms at once (`value` and `at_least`, …).
    FigureTwice {
        first: &'static str,
        second: &'static str,
    },
    /// A count or amount in no form: no `value` (`amount`), bound or `"disclosed": false`.
    NoFigure {
        field: &'static str,
    },
    /// `at_least` above `at_most`.
    BoundsReversed {
        low: u64,
        high: u64,
    },
    /// `"disclosed"` is only ever `false`: a disclosed figure is given as the figure.
    DisclosedNotFalse {
        field: &'static str,
    },
    /// A bounded date that is not `{"no_later_than": DATE}` or `{"no_earlier_than": DATE}`.
    BoundForm {
        /// Whether `"ongoing"`, `"unknown"` and `"not-stated"` are allowed here (an end).
        open: bool,
    },
    NotWholeNumber {
        found: String,
    },
    /// A count or amount below zero.
    Negative {
        found: String,
    },
    /// A whole number past what JSON readers keep exactly (2^53 − 1).
    TooLargeNumber {
        found: String,
    },
    /// A web address with a space or line break in it.
    SpaceInWebAddress {
        found: String,
    },
    NotOneOf {
        found: String,
        allowed: &'static [&'static str],
    },
    BadId {
        found: String,
    },
    DuplicateId {
        id: String,
        first: String,
    },
    DuplicateField {
        name: String,
    },
    UnknownSource {
        id: String,
    },
    UnknownReference {
        id: String,
        list: &'static str,
    },
    NoSources,
    NotWebAddress {
        found: String,
    },
    MissingLanguage {
        lang: &'static str,
    },
    UnknownLanguage {
        found: String,
    },
    NotLanguageTag {
        found: String,
    },
    UnknownField {
        name: String,
        known: &'static [&'static str],
        /// The known field it is a likely typo of ("asof" → "as_of").
        suggestion: Option<&'static str>,
    },
    /// A second count marked `"lead": true`.
    LeadTwice {
        first: String,
    },
    MilestoneTwice {
        milestone: &'static str,
        first: String,
    },
    MixedUnits {
        units: String,
    },
    /// More figures than an explainer can show a reader (and a phone can hold).
    TooMany {
        max: usize,
        found: usize,
        what: &'static str,
    },
    TooFew {
        min: usize,
        what: Counted,
    },
    /// Nested deeper than any dataset needs (and than the parsers' stacks allow).
    TooDeep {
        limit: usize,
    },
    /// An object that contains itself: JSON cannot hold it.
    RefersToItself,
    /// More values than any dataset needs (a graph of shared references, say).
    TooLarge {
        limit: usize,
    },
    /// Not a problem: a note for the author that a fact is listed, not drawn.
    ListedNotDrawn {
        what: NotDrawn,
    },
}

/// What a list needs at least some of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    Language,
    Source,
    Event,
    Claim,
    CountsToCompare,
}

impl Counted {
    fn words(self, lang: Lang) -> &'static str {
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

/// What the explainer lists in text and tables rather than drawing, and why.
#[derive(Debug, Clone, PartialEq)]
pub enum NotDrawn {
    /// A comparison after the first: one comparison chart per explainer.
    Comparison,
    /// An amount in another currency than the chart's bars (no invented conversion).
    Currency { currency: String, main: String },
}

/// What kind of item of a list a problem is in, for "the 4th event".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Event,
    Source,
    Count,
    Comparison,
    DataClass,
    Amount,
    Correction,
    Change,
    Claim,
    Alternative,
    Part,
    Conversion,
    Item,
}

impl ItemKind {
    /// The kind of the items of the list under `key` (the format's list names).
    pub fn of_list(key: &str) -> ItemKind {
        match key {
            "events" => ItemKind::Event,
            "sources" => ItemKind::Source,
            "counts" => ItemKind::Count,
            "comparisons" => ItemKind::Comparison,
            "data_classes" => ItemKind::DataClass,
            "money" => ItemKind::Amount,
            "corrections" => ItemKind::Correction,
            "changes" => ItemKind::Change,
            "claims" => ItemKind::Claim,
            "alternatives" => ItemKind::Alternative,
            "parts" => ItemKind::Part,
            "converted" => ItemKind::Conversion,
            _ => ItemKind::Item,
        }
    }

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

/// One item of a list that a problem's path goes through: "the 4th event, "Police raid"".
#[derive(Debug, Clone, PartialEq)]
pub struct Within {
    pub kind: ItemKind,
    /// From 0, as in the path.
    pub index: usize,
    /// The item's title, label or id, as the dataset gives it.
    pub name: Option<Text>,
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

/// One problem at one place in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    /// A JSON path such as `events[14].date`; empty for the file as a whole.
    pub path: String,
    pub problem: Problem,
    /// Its line and column in the file, when the dataset was read from text (see
    /// [`super::position::place`]).
    pub at: Option<Position>,
    /// The list items its path goes through, outermost first, to say where it is in words.
    pub within: Box<[Within]>,
}

impl Issue {
    pub fn new(path: String, problem: Problem) -> Issue {
        Issue {
            path,
            problem,
            at: None,
            within: Box::new([]),
        }
    }

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

impl Problem {
    fn english(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Syntax {
                line,
                column,
                detail,
            } => write!(
                f,
                "the file is not valid JSON at line {line}, column {column}: {detail}"
            ),
            Problem::NotJson { detail } => write!(f, "the file is not valid JSON: {detail}"),
            Problem::TrailingComma => write!(
                f,
                "a comma after the last item of a list or object, which JSON does not allow: \
                 remove it"
            ),
            Problem::Load {
                url,
                status: 0,
                detail,
            } => {
                write!(
                    f,
                    "the file could not be loaded: {url} could not be reached ({detail})"
                )
            }
            Problem::Load {
                url,
                status,
                detail,
            } => write!(
                f,
                "the file could not be loaded: the server answered {status} {detail} for {url}"
            ),
            Problem::Missing { expected } => {
                write!(f, "is missing; expected {}", expected.describe(Lang::En))
            }
            Problem::WrongType { expected, found } => {
                write!(f, "expected {}, found {found}", expected.describe(Lang::En))
            }
            Problem::Empty => f.write_str("is empty; write something a reader can see"),
            Problem::NotADate { found } => write!(
                f,
                "{found} is not a date; expected {}",
                Expected::Date.describe(Lang::En)
            ),
            Problem::NotOnCalendar { found } => write!(f, "{found} is not a calendar date"),
            Problem::NoOffset { found, with: None } => write!(
                f,
                "{found} gives a time without its UTC offset; add it, like \"T22:52+09:00\""
            ),
            Problem::NoOffset {
                found,
                with: Some(with),
            } => write!(
                f,
                "{found} gives a time without its UTC offset; in the story's time zone it is {with}"
            ),
            Problem::EndBeforeStart { start, end } => {
                write!(f, "the end {end} is before the start {start}")
            }
            Problem::FigureTwice { first, second } => write!(
                f,
                "\"{second}\" cannot be given with \"{first}\"; give exactly one form: the figure, \
                 \"at_least\" and/or \"at_most\", or \"disclosed\": false"
            ),
            Problem::NoFigure { field } => write!(
                f,
                "is missing; give \"{field}\", \"at_least\" and/or \"at_most\", or \"disclosed\": \
                 false when no figure has been disclosed"
            ),
            Problem::BoundsReversed { low, high } => write!(
                f,
                "\"at_least\" {} is more than \"at_most\" {}",
                super::json::grouped(*low),
                super::json::grouped(*high)
            ),
            Problem::DisclosedNotFalse { field } => write!(
                f,
                "\"disclosed\" is only ever false (no figure yet); a disclosed figure is given as \
                 \"{field}\""
            ),
            Problem::BoundForm { open } => write!(
                f,
                "expected a date, {{\"no_later_than\": DATE}} or {{\"no_earlier_than\": DATE}}{}",
                if *open {
                    ", \"ongoing\" (access may be continuing), \"unknown\" (it ended; when is not known) or \"not-stated\" (the sources do not say)"
                } else {
                    ""
                }
            ),
            Problem::NotWholeNumber { found } => write!(
                f,
                "{found} is not a whole number of 0 or more (write 33700000, not \"33.7 million\")"
            ),
            Problem::Negative { found } => {
                write!(f, "{found} is below 0; a count or an amount cannot be")
            }
            Problem::TooLargeNumber { found } => write!(
                f,
                "{found} is too large to keep exactly; the largest is 9,007,199,254,740,991"
            ),
            Problem::SpaceInWebAddress { found } => write!(
                f,
                "{found} has a space or line break in it; write a space as %20"
            ),
            Problem::NotOneOf { found, allowed } => {
                write!(f, "{found} is not one of: {}", allowed.join(", "))
            }
            Problem::BadId { found } => write!(
                f,
                "{found} is not a usable id; use lower-case letters, digits and \"-\" only"
            ),
            Problem::DuplicateId { id, first } => {
                write!(
                    f,
                    "the id \"{id}\" is already used at {first}; ids must be unique"
                )
            }
            Problem::DuplicateField { name } => {
                write!(f, "\"{name}\" is given twice in the same object; keep one")
            }
            Problem::UnknownSource { id } => {
                write!(f, "\"{id}\" is not the id of any source in \"sources\"")
            }
            Problem::UnknownReference { id, list } => {
                write!(f, "\"{id}\" is not the id of any entry in \"{list}\"")
            }
            Problem::NoSources => f.write_str("cites no source; every fact needs at least one"),
            Problem::NotWebAddress { found } => write!(
                f,
                "{found} is not a web address (it must start with https:// or http://)"
            ),
            Problem::MissingLanguage { lang } => write!(
                f,
                "has no \"{lang}\" text, but the dataset's \"languages\" lists \"{lang}\""
            ),
            Problem::UnknownLanguage { found } => write!(
                f,
                "{found} is not a language the explainer speaks (it speaks: en, ko)"
            ),
            Problem::NotLanguageTag { found } => write!(
                f,
                "\"{found}\" is not a language code; write one like \"en\", \"ko\" or \"pt-BR\""
            ),
            Problem::UnknownField {
                name,
                known,
                suggestion: Some(s),
            } => write!(
                f,
                "\"{name}\" is not a field here; did you mean \"{s}\"? (known fields: {})",
                known.join(", ")
            ),
            Problem::UnknownField { name, known, .. } => write!(
                f,
                "\"{name}\" is not a field here (a typo?); known fields: {}",
                known.join(", ")
            ),
            Problem::LeadTwice { first } => write!(
                f,
                "another count already leads the explainer ({first}); mark one count \"lead\": true"
            ),
            Problem::MilestoneTwice { milestone, first } => write!(
                f,
                "the milestone \"{milestone}\" is already set at {first}; each may be used once"
            ),
            Problem::MixedUnits { units } => write!(
                f,
                "compares different units ({units}) on one axis; set \"mixed_units\": true \
                 if that is intended, so every bar shows its unit"
            ),
            Problem::TooFew { min, what } => {
                write!(f, "needs at least {min} {}", what.words(Lang::En))
            }
            Problem::TooMany { max, found, what } => write!(
                f,
                "has {} {what}; an explainer shows at most {max}: keep the figures the story is \
                 about and leave the rest to a linked table",
                crate::format::count(*found as i64)
            ),
            Problem::TooDeep { limit } => write!(
                f,
                "the data is nested more than {limit} levels deep; a dataset needs only a few"
            ),
            Problem::RefersToItself => {
                f.write_str("the data refers to itself (a cycle), which JSON cannot hold")
            }
            Problem::TooLarge { limit } => write!(
                f,
                "the data is too large: more than {} values",
                super::json::grouped(*limit as u64)
            ),
            Problem::ListedNotDrawn {
                what: NotDrawn::Comparison,
            } => f.write_str(
                "is listed in the comparison chart's description, not drawn: only the first \
                 comparison is drawn",
            ),
            Problem::ListedNotDrawn {
                what: NotDrawn::Currency { currency, main },
            } => write!(
                f,
                "is in {currency}: it is listed in the money table and takeaway, not drawn beside \
                 the bars in {main} (amounts are never converted)"
            ),
        }
    }

    /// The message in Korean, for newsrooms and readers who read Korean.
    fn korean(&self) -> String {
        match self {
            Problem::Syntax { line, column, detail } => {
                format!("{line}번째 줄 {column}번째 칸에서 JSON 형식이 올바르지 않습니다: {detail}")
            }
            Problem::NotJson { detail } => format!("JSON 형식이 올바르지 않습니다: {detail}"),
            Problem::TrailingComma => "목록이나 객체의 마지막 항목 뒤에 쉼표가 있습니다. JSON에서는 \
                 쓸 수 없으니 지워 주세요"
                .into(),
            Problem::Load { url, status: 0, detail } => {
                format!("파일을 불러오지 못했습니다: {url}에 연결할 수 없습니다({detail})")
            }
            Problem::Load { url, status, detail } => format!(
                "파일을 불러오지 못했습니다: 서버가 {url} 요청에 {status} {detail}(으)로 응답했습니다"
            ),
            Problem::Missing { expected } => {
                format!("값이 없습니다. {}이(가) 필요합니다", expected.describe(Lang::Ko))
            }
            Problem::WrongType { expected, found } => format!(
                "{}이(가) 필요한데 {found}이(가) 있습니다",
                expected.describe(Lang::Ko)
            ),
            Problem::Empty => "비어 있습니다. 독자에게 보일 내용을 적어 주세요".into(),
            Problem::NotADate { found } => format!(
                "{found}은(는) 날짜가 아닙니다. {}이(가) 필요합니다",
                Expected::Date.describe(Lang::Ko)
            ),
            Problem::NotOnCalendar { found } => format!("{found}은(는) 달력에 없는 날짜입니다"),
            Problem::NoOffset { found, with: None } => format!(
                "{found}에 UTC 시차가 없습니다. \"T22:52+09:00\"처럼 붙여 주세요"
            ),
            Problem::NoOffset {
                found,
                with: Some(with),
            } => format!("{found}에 UTC 시차가 없습니다. 이 데이터의 시간대로는 {with}입니다"),
            Problem::EndBeforeStart { start, end } => {
                format!("끝 {end}이(가) 시작 {start}보다 앞섭니다")
            }
            Problem::FigureTwice { first, second } => format!(
                "\"{second}\"은(는) \"{first}\"와(과) 함께 쓸 수 없습니다. 수치, \"at_least\"·\"at_most\", \
                 \"disclosed\": false 중 한 가지만 적어 주세요"
            ),
            Problem::NoFigure { field } => format!(
                "값이 없습니다. \"{field}\", \"at_least\"·\"at_most\", 또는 수치가 공개되지 않았으면 \
                 \"disclosed\": false를 적어 주세요"
            ),
            Problem::BoundsReversed { low, high } => format!(
                "\"at_least\" {}이(가) \"at_most\" {}보다 큽니다",
                super::json::grouped(*low),
                super::json::grouped(*high)
            ),
            Problem::DisclosedNotFalse { field } => format!(
                "\"disclosed\"에는 false(수치 미공개)만 쓸 수 있습니다. 공개된 수치는 \"{field}\"에 적어 주세요"
            ),
            Problem::BoundForm { open } => format!(
                "날짜, {{\"no_later_than\": 날짜}}, {{\"no_earlier_than\": 날짜}}{}이(가) 필요합니다",
                if *open {
                    ", \"ongoing\"(접근이 계속되고 있을 수 있음), \"unknown\"(끝났으나 시점을 모름), \"not-stated\"(출처가 밝히지 않음)"
                } else {
                    ""
                }
            ),
            Problem::NotWholeNumber { found } => format!(
                "{found}은(는) 0 이상의 정수가 아닙니다(\"3,370만\"이 아니라 33700000으로 적어 주세요)"
            ),
            Problem::Negative { found } => {
                format!("{found}은(는) 0보다 작습니다. 수치나 금액은 음수일 수 없습니다")
            }
            Problem::TooLargeNumber { found } => format!(
                "{found}은(는) 정확히 담기에는 너무 큽니다. 가장 큰 값은 9,007,199,254,740,991입니다"
            ),
            Problem::SpaceInWebAddress { found } => format!(
                "{found}에 공백이나 줄바꿈이 있습니다. 공백은 %20으로 적어 주세요"
            ),
            Problem::NotOneOf { found, allowed } => {
                format!("{found}은(는) 허용된 값이 아닙니다. 가능한 값: {}", allowed.join(", "))
            }
            Problem::BadId { found } => format!(
                "{found}은(는) id로 쓸 수 없습니다. 영문 소문자, 숫자, \"-\"만 써 주세요"
            ),
            Problem::DuplicateId { id, first } => {
                format!("id \"{id}\"는 이미 {first}에서 쓰였습니다. id는 겹치면 안 됩니다")
            }
            Problem::DuplicateField { name } => {
                format!("\"{name}\"이(가) 같은 객체에 두 번 있습니다. 하나만 남겨 주세요")
            }
            Problem::UnknownSource { id } => {
                format!("\"{id}\"는 \"sources\"에 있는 출처 id가 아닙니다")
            }
            Problem::UnknownReference { id, list } => {
                format!("\"{id}\"는 \"{list}\"에 있는 id가 아닙니다")
            }
            Problem::NoSources => "출처가 없습니다. 모든 사실에는 출처가 하나 이상 필요합니다".into(),
            Problem::NotWebAddress { found } => format!(
                "{found}은(는) 웹 주소가 아닙니다(https:// 또는 http://로 시작해야 합니다)"
            ),
            Problem::MissingLanguage { lang } => format!(
                "\"{lang}\" 텍스트가 없습니다. 데이터의 \"languages\"에 \"{lang}\"이(가) 있습니다"
            ),
            Problem::UnknownLanguage { found } => {
                format!("{found}은(는) 지원하지 않는 언어입니다(지원: en, ko)")
            }
            Problem::NotLanguageTag { found } => format!(
                "\"{found}\"은(는) 언어 코드가 아닙니다. \"en\", \"ko\", \"pt-BR\"처럼 적어 주세요"
            ),
            Problem::UnknownField { name, known, suggestion: Some(s) } => format!(
                "\"{name}\"은(는) 이곳에 없는 항목입니다. 혹시 \"{s}\"인가요? (가능한 항목: {})",
                known.join(", ")
            ),
            Problem::UnknownField { name, known, .. } => format!(
                "\"{name}\"은(는) 이곳에 없는 항목입니다(오타인가요?). 가능한 항목: {}",
                known.join(", ")
            ),
            Problem::LeadTwice { first } => format!(
                "이미 다른 수치({first})가 대표 수치입니다. \"lead\": true는 한 수치에만 쓸 수 있습니다"
            ),
            Problem::MilestoneTwice { milestone, first } => format!(
                "마일스톤 \"{milestone}\"은(는) 이미 {first}에 있습니다. 한 번만 쓸 수 있습니다"
            ),
            Problem::MixedUnits { units } => format!(
                "서로 다른 단위({units})를 한 축에서 비교합니다. 의도한 것이라면 \"mixed_units\": true로 \
                 표시해 주세요. 그러면 막대마다 단위가 표시됩니다"
            ),
            Problem::TooFew { min, what } => {
                format!("{} {min}개 이상 필요합니다", what.words(Lang::Ko))
            }
            Problem::TooMany { max, found, what } => format!(
                "{what} 항목이 {}개입니다. 설명 자료에는 최대 {max}개까지 보여 줄 수 있습니다. \
                 기사에 필요한 수치만 남기고 나머지는 별도 표로 연결해 주세요",
                crate::format::count(*found as i64)
            ),
            Problem::TooDeep { limit } => format!(
                "데이터가 {limit}단계보다 깊게 중첩돼 있습니다. 데이터에는 몇 단계면 충분합니다"
            ),
            Problem::RefersToItself => {
                "데이터가 자기 자신을 참조합니다(순환). JSON으로 나타낼 수 없습니다".into()
            }
            Problem::TooLarge { limit } => format!(
                "데이터가 너무 큽니다. 값이 {}개를 넘습니다",
                super::json::grouped(*limit as u64)
            ),
            Problem::ListedNotDrawn { what: NotDrawn::Comparison } => {
                "비교 그래프 설명에 나열되고 그려지지는 않습니다. 첫 번째 비교만 그래프로 그립니다"
                    .into()
            }
            Problem::ListedNotDrawn {
                what: NotDrawn::Currency { currency, main },
            } => format!(
                "{currency} 금액이라 금액 표와 요약 문장에 나열되고, {main} 막대 옆에 그려지지는 \
                 않습니다(환산하지 않습니다)"
            ),
        }
    }

    /// The message in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Ko => self.korean(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.english(f)
    }
}

impl Issue {
    /// `path (the 4th event, "Police raid"): message` in `lang`; without the words when the
    /// path is in no list item, without the path for the file as a whole.
    pub fn describe(&self, lang: Lang) -> String {
        if self.path.is_empty() {
            return self.problem.describe(lang);
        }
        match self.place_words(lang) {
            Some(place) => format!("{} ({place}): {}", self.path, self.problem.describe(lang)),
            None => format!("{}: {}", self.path, self.problem.describe(lang)),
        }
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}
