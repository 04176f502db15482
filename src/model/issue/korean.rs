//! Each problem's message in Korean, for newsrooms and readers who read Korean.

use super::{Expected, NotDrawn, Problem};
use crate::model::Lang;

impl Problem {
    /// The message in Korean, for newsrooms and readers who read Korean.
    pub(super) fn korean(&self) -> String {
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
                crate::model::json::grouped(*low),
                crate::model::json::grouped(*high)
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
                crate::model::json::grouped(*limit as u64)
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
}
