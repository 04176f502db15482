//! The interface's own words, per language. Adding a language: a `Lang` variant, a `match`
//! arm in each function here, and its rules in `crate::format`.

use crate::model::{Confidence, Lane, Lang};

pub fn lane(lang: Lang, lane: Lane) -> &'static str {
    match (lang, lane) {
        (Lang::En, Lane::Breach) => "The breach",
        (Lang::En, Lane::Company) => "The company",
        (Lang::En, Lane::Government) => "Regulators and government",
        (Lang::En, Lane::PoliceCourts) => "Police and courts",
        (Lang::En, Lane::Context) => "Context: other incidents",
        (Lang::Ko, Lane::Breach) => "유출",
        (Lang::Ko, Lane::Company) => "기업",
        (Lang::Ko, Lane::Government) => "규제 당국·정부",
        (Lang::Ko, Lane::PoliceCourts) => "경찰·법원",
        (Lang::Ko, Lane::Context) => "관련 사건",
    }
}

pub fn confidence(lang: Lang, c: Confidence) -> &'static str {
    match (lang, c) {
        (Lang::En, Confidence::High) => "high",
        (Lang::En, Confidence::MediumHigh) => "medium-high",
        (Lang::En, Confidence::Medium) => "medium",
        (Lang::En, Confidence::Low) => "low",
        (Lang::Ko, Confidence::High) => "높음",
        (Lang::Ko, Confidence::MediumHigh) => "중상",
        (Lang::Ko, Confidence::Medium) => "중간",
        (Lang::Ko, Confidence::Low) => "낮음",
    }
}

/// Fixed interface strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ui {
    TimelineHeading,
    CountsHeading,
    SourcesHeading,
    EventListSummary,
    CountsTableSummary,
    ErrorHeading,
    ErrorHelp,
    Confidence,
    Sources,
    Date,
    Event,
    Figure,
    Unit,
    ReportedBy,
    DisputedClaim,
    Superseded,
    Via,
    Published,
    Corrections,
    WrongClaim,
    Correct,
    SeenIn,
}

pub fn ui(lang: Lang, key: Ui) -> &'static str {
    use Ui::*;
    match lang {
        Lang::En => match key {
            TimelineHeading => "When it happened",
            CountsHeading => "How many were affected",
            SourcesHeading => "Sources",
            EventListSummary => "All events as a list",
            CountsTableSummary => "The figures as a table",
            ErrorHeading => "This explainer cannot be shown",
            ErrorHelp => "The dataset has these problems:",
            Confidence => "Confidence",
            Sources => "Sources",
            Date => "Date",
            Event => "Event",
            Figure => "Figure",
            Unit => "Unit",
            ReportedBy => "Reported by",
            DisputedClaim => "disputed claim, not a count",
            Superseded => "later revised",
            Via => "via",
            Published => "published",
            Corrections => "Corrections",
            WrongClaim => "Widely reported",
            Correct => "What the sources say",
            SeenIn => "Seen in",
        },
        Lang::Ko => match key {
            TimelineHeading => "사건 경과",
            CountsHeading => "피해 규모",
            SourcesHeading => "출처",
            EventListSummary => "전체 사건 목록",
            CountsTableSummary => "수치 표로 보기",
            ErrorHeading => "이 설명 자료를 표시할 수 없습니다",
            ErrorHelp => "데이터에 다음 문제가 있습니다:",
            Confidence => "신뢰도",
            Sources => "출처",
            Date => "날짜",
            Event => "사건",
            Figure => "수치",
            Unit => "단위",
            ReportedBy => "발표 주체",
            DisputedClaim => "검증되지 않은 주장",
            Superseded => "이후 정정됨",
            Via => "원출처",
            Published => "게재",
            Corrections => "바로잡습니다",
            WrongClaim => "널리 퍼진 주장",
            Correct => "출처가 확인한 사실",
            SeenIn => "등장한 곳",
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
            PageViews if one => "page view",
            PageViews => "page views",
        },
        Lang::Ko => match u {
            Accounts => "계정",
            People => "명",
            Records => "건",
            SimRecords => "건 (유심 정보)",
            Subscribers => "명 (가입자)",
            Residents => "명 (주민)",
            Gigabytes => "GB",
            PageViews => "회 조회",
        },
    }
}

/// "Exposed for 138 days" / "138일간 노출".
pub fn exposed_for(lang: Lang, days: i64) -> String {
    match lang {
        Lang::En => format!("Exposed for {days} days"),
        Lang::Ko => format!("{days}일간 노출"),
    }
}

/// The label of another claim's earlier start: "Government probe: from April 2025".
pub fn earlier_start(lang: Lang, by: &str, date: &str) -> String {
    match lang {
        Lang::En => format!("{by}: from {date}"),
        Lang::Ko => format!("{by}: {date}부터"),
    }
}
