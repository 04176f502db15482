//! The interface's own words, per language. Adding a language: a `Lang` variant, a `match`
//! arm in each function here, and its rules in `crate::format`.

use crate::model::{Confidence, Lane, Lang};

pub fn lane(lang: Lang, lane: Lane) -> &'static str {
    match (lang, lane) {
        (Lang::En, Lane::Breach) => "The breach",
        (Lang::En, Lane::Company) => "The company",
        (Lang::En, Lane::Government) => "Regulators and government",
        (Lang::En, Lane::PoliceCourts) => "Police and courts",
        (Lang::En, Lane::Context) => "Context",
        (Lang::Ko, Lane::Breach) => "유출",
        (Lang::Ko, Lane::Company) => "기업",
        (Lang::Ko, Lane::Government) => "규제 당국·정부",
        (Lang::Ko, Lane::PoliceCourts) => "경찰·법원",
        (Lang::Ko, Lane::Context) => "관련 맥락",
    }
}

pub fn confidence(lang: Lang, c: Confidence) -> &'static str {
    match (lang, c) {
        (Lang::En, Confidence::High) => "high",
        (Lang::En, Confidence::MediumHigh) => "medium-high",
        (Lang::En, Confidence::Medium) => "medium",
        (Lang::En, Confidence::Low) => "low",
        (Lang::Ko, Confidence::High) => "높음",
        (Lang::Ko, Confidence::MediumHigh) => "다소 높음",
        (Lang::Ko, Confidence::Medium) => "중간",
        (Lang::Ko, Confidence::Low) => "낮음",
    }
}

/// The words the JavaScript shows before the wasm runs (or when it cannot), by the name the
/// JavaScript knows them by. They live here with every other interface word; the build writes
/// them into `www/words.js` (`breach-explainer words`), and the reader's wasm carries none.
#[cfg(not(target_arch = "wasm32"))]
pub fn host_words(lang: Lang) -> [(&'static str, &'static str); 5] {
    match lang {
        Lang::En => [
            ("loading", "Loading…"),
            ("loadingData", "Loading the data…"),
            ("couldNotStart", "The interactive version could not start."),
            (
                "couldNotStartStatic",
                "The interactive version could not start, so this is the static version.",
            ),
            (
                "stale",
                "The latest data could not be loaded, so this is the version published with the article.",
            ),
        ],
        Lang::Ko => [
            ("loading", "불러오는 중…"),
            ("loadingData", "데이터를 불러오는 중…"),
            ("couldNotStart", "인터랙티브 버전을 시작하지 못했습니다."),
            (
                "couldNotStartStatic",
                "인터랙티브 버전을 시작하지 못해 정적 버전을 보여 드립니다.",
            ),
            (
                "stale",
                "최신 데이터를 불러오지 못해 게시 당시의 버전을 보여 드립니다.",
            ),
        ],
    }
}

/// A language's own name, for the language switch.
pub fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Ko => "한국어",
    }
}

/// Fixed interface strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ui {
    TimelineHeading,
    SourcesHeading,
    EventListSummary,
    ErrorHeading,
    ErrorHelp,
    ErrorForReaders,
    ErrorForEditors,
    Confidence,
    Sources,
    Date,
    Figure,
    Unit,
    ReportedBy,
    DisputedClaim,
    ContextFigure,
    Superseded,
    Via,
    Corrections,
    WrongClaim,
    Correct,
    SeenIn,
    ViewWindow,
    ViewStory,
    /// Back from a cluster's dates to the view before.
    ZoomOut,
    /// From an event picked in a cluster's list back to the list.
    BackToList,
    TimeSpan,
    EventsLabel,
    Close,
    OtherAccounts,
    SelectedPrefix,
    DetailsBelow,
    KeyFigures,
    Addition,
    Exposed,
    NotExposed,
    /// A count or amount for which no figure has been given.
    NotDisclosed,
    RevisionsHeading,
    ComparisonHeading,
    ExposedHeading,
    MoneyHeading,
    ShowData,
    PointsLabel,
    WhatToWatch,
    Amount,
    Kind,
    AsGiven,
    Parts,
    Subject,
    DataClass,
    Language,
    Download,
    GetTheData,
    EventsCsv,
    CountsCsv,
    DatasetJson,
    Note,
    Claims,
    Currency,
    InlineDataset,
    WhatChanged,
}

pub fn ui(lang: Lang, key: Ui) -> &'static str {
    use Ui::*;
    match lang {
        Lang::En => match key {
            TimelineHeading => "When it happened",
            SourcesHeading => "Sources",
            EventListSummary => "All events as a list",
            ErrorHeading => "This explainer cannot be shown",
            ErrorHelp => "The dataset has these problems:",
            ErrorForReaders => "Please try again later.",
            ErrorForEditors => "Details for the page's editors",
            Confidence => "Confidence",
            Sources => "Sources",
            Date => "Date",
            Figure => "Figure",
            Unit => "Unit",
            ReportedBy => "Reported by",
            DisputedClaim => "disputed claim, not a count",
            ContextFigure => "for comparison, not this breach",
            Superseded => "later revised",
            Via => "via",
            Corrections => "Corrections",
            WrongClaim => "What was reported",
            Correct => "What the sources say",
            SeenIn => "Seen in",
            ViewWindow => "Exposure window",
            ViewStory => "Whole story",
            ZoomOut => "Zoom out",
            BackToList => "Back to the list",
            TimeSpan => "Time span",
            EventsLabel => "Events on the timeline: arrow keys move between them, Enter opens one",
            Close => "Close",
            OtherAccounts => "Other accounts of this date",
            SelectedPrefix => "Selected",
            DetailsBelow => "details below the timeline",
            KeyFigures => "Key figures",
            Addition => "in addition to the earlier count",
            Exposed => "Exposed",
            NotExposed => "Not exposed",
            NotDisclosed => "not disclosed",
            RevisionsHeading => "How the count was revised",
            ComparisonHeading => "How it compares",
            ExposedHeading => "What was exposed",
            MoneyHeading => "Fines, compensation and losses",
            ShowData => "Show the data",
            PointsLabel => "Data points: arrow keys move between them",
            WhatToWatch => "What to watch for",
            Amount => "Amount",
            Kind => "Kind",
            AsGiven => "In another currency, as the source gave it",
            Parts => "Parts",
            Subject => "What",
            DataClass => "Data",
            Language => "Language",
            Download => "Download",
            GetTheData => "Get the data",
            EventsCsv => "Events (CSV)",
            CountsCsv => "Figures (CSV)",
            DatasetJson => "Whole dataset (JSON)",
            Note => "Note",
            Claims => "How long it lasted, by each account",
            Currency => "Currency",
            InlineDataset => "the dataset passed to mount()",
            WhatChanged => "What changed",
        },
        Lang::Ko => match key {
            TimelineHeading => "사건 경과",
            SourcesHeading => "출처",
            EventListSummary => "전체 사건 목록",
            ErrorHeading => "이 설명 자료를 표시할 수 없습니다",
            ErrorHelp => "데이터에 다음 문제가 있습니다:",
            ErrorForReaders => "잠시 후 다시 시도해 주세요.",
            ErrorForEditors => "페이지 편집자를 위한 자세한 내용",
            Confidence => "신뢰도",
            Sources => "출처",
            Date => "날짜",
            Figure => "수치",
            Unit => "단위",
            ReportedBy => "발표 주체",
            DisputedClaim => "검증되지 않은 주장",
            ContextFigure => "비교용, 이 사고의 수치 아님",
            Superseded => "이후 수정됨",
            Via => "원출처",
            Corrections => "바로잡습니다",
            WrongClaim => "보도된 내용",
            Correct => "출처가 확인한 사실",
            SeenIn => "등장한 곳",
            ViewWindow => "유출 기간",
            ViewStory => "전체 경과",
            ZoomOut => "축소",
            BackToList => "목록으로 돌아가기",
            TimeSpan => "기간",
            EventsLabel => "타임라인 사건: 화살표 키로 이동하고 Enter 키로 엽니다",
            Close => "닫기",
            OtherAccounts => "이 날짜에 대한 다른 설명",
            SelectedPrefix => "선택됨",
            DetailsBelow => "자세한 내용은 타임라인 아래에 있습니다",
            KeyFigures => "핵심 수치",
            Addition => "기존 집계에 추가",
            Exposed => "유출됨",
            NotExposed => "유출되지 않음",
            NotDisclosed => "공개되지 않음",
            RevisionsHeading => "피해 규모 집계의 변화",
            ComparisonHeading => "규모 비교",
            ExposedHeading => "유출된 정보",
            MoneyHeading => "과징금·보상·피해액",
            ShowData => "데이터 보기",
            PointsLabel => "데이터 항목: 화살표 키로 이동합니다",
            WhatToWatch => "주의할 점",
            Amount => "금액",
            Kind => "구분",
            AsGiven => "출처가 밝힌 다른 통화 환산액",
            Parts => "세부 내역",
            Subject => "내용",
            DataClass => "정보",
            Language => "언어",
            Download => "내려받기",
            GetTheData => "데이터 내려받기",
            EventsCsv => "사건 목록(CSV)",
            CountsCsv => "수치(CSV)",
            DatasetJson => "전체 데이터(JSON)",
            Note => "참고",
            Claims => "기간: 출처별 설명",
            Currency => "통화",
            InlineDataset => "mount()에 전달한 데이터",
            WhatChanged => "변경 내역",
        },
    }
}

pub fn unit(lang: Lang, u: crate::model::Unit, n: u64) -> &'static str {
    use crate::model::Unit::*;
    let one = n == 1;
    match lang {
        Lang::En => match u {
            Accounts if one => "account",
            Accounts => "accounts",
            People if one => "person",
            People => "people",
            Records if one => "record",
            Records => "records",
            SimRecords if one => "SIM record",
            SimRecords => "SIM records",
            Subscribers if one => "subscriber",
            Subscribers => "subscribers",
            Residents if one => "resident",
            Residents => "residents",
            Gigabytes => "GB",
            Bytes if one => "byte",
            Bytes => "bytes",
            PageViews if one => "page view",
            PageViews => "page views",
            Files if one => "file",
            Files => "files",
        },
        Lang::Ko => match u {
            Accounts => "계정(개)",
            People => "명",
            Records => "건",
            SimRecords => "유심 정보(건)",
            Subscribers => "가입자(명)",
            Residents => "주민등록 인구(명)",
            Gigabytes => "GB",
            Bytes => "바이트",
            PageViews => "조회 수(회)",
            Files => "파일(개)",
        },
    }
}

/// A number with its unit: "33.7 million accounts", "about 33.7 million accounts" /
/// "3,370만 개 계정", "4,536명", "가입자 약 2,324만 명" (약 goes right before the number).
pub fn quantity(
    lang: crate::model::Lang,
    u: crate::model::Unit,
    number: &str,
    n: u64,
    approximate: bool,
) -> String {
    use crate::model::Unit::*;
    match lang {
        Lang::En if u == Bytes && approximate => format!("about {number}"),
        Lang::En if u == Bytes => number.to_string(),
        Lang::En if approximate => format!("about {number} {}", unit(lang, u, n)),
        Lang::En => format!("{number} {}", unit(lang, u, n)),
        Lang::Ko => {
            // Korean counters follow digits directly ("4,536명") but take a space after a
            // unit word ("3,370만 명").
            let sp = if number.ends_with(|c: char| c.is_ascii_digit()) {
                ""
            } else {
                " "
            };
            let number = if approximate {
                format!("약 {number}")
            } else {
                number.to_string()
            };
            match u {
                Accounts => format!("{number}{sp}개 계정"),
                People => format!("{number}{sp}명"),
                Records => format!("{number}{sp}건"),
                SimRecords => format!("유심 정보 {number}{sp}건"),
                Subscribers => format!("가입자 {number}{sp}명"),
                Residents => format!("주민등록 인구 {number}{sp}명"),
                Gigabytes => format!("{number}GB"),
                // Said at its scale already ("1.7GB"): the number carries its unit.
                Bytes => number,
                PageViews => format!("조회 {number}{sp}회"),
                Files => format!("파일 {number}{sp}개"),
            }
        }
    }
}

/// What a unit counts, as a plain noun for sentences that name units ("accounts and
/// residents are different units").
pub fn unit_noun(lang: Lang, u: crate::model::Unit) -> &'static str {
    use crate::model::Unit::*;
    match lang {
        Lang::En => unit(lang, u, 2),
        Lang::Ko => match u {
            Accounts => "계정",
            People => "사람",
            Records => "정보 건수",
            SimRecords => "유심 정보 건수",
            Subscribers => "가입자",
            Residents => "주민등록 인구",
            Gigabytes | Bytes => "데이터 용량",
            PageViews => "조회 수",
            Files => "파일",
        },
    }
}

/// "kind" of money in words.
pub fn money_kind(lang: Lang, kind: crate::model::MoneyKind) -> &'static str {
    use crate::model::MoneyKind::*;
    match (lang, kind) {
        (Lang::En, Fine) => "fine",
        (Lang::En, Compensation) => "compensation",
        (Lang::En, Loss) => "loss",
        (Lang::Ko, Fine) => "과징금",
        (Lang::Ko, Compensation) => "보상",
        (Lang::Ko, Loss) => "피해액",
    }
}

pub fn log_scale_note(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Log scale: each gridline ×10",
        Lang::Ko => "로그 척도: 눈금마다 10배",
    }
}

pub fn linear_scale_note(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Bars start at zero",
        Lang::Ko => "막대는 0에서 시작",
    }
}

pub fn mixed_units_note(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Different units on one axis: read each bar's unit",
        Lang::Ko => "단위가 서로 다름: 막대마다 단위 확인",
    }
}
