//! The dataset `breach-explainer new` writes: every field of the format once, with a `_`
//! comment saying in plain words what it holds, and sample values of a clearly fictional breach
//! that pass `check` as they are. All its words are here, in English and Korean: the comments
//! in the first language asked for, the sample texts in each.

use crate::model::json::to_text as json_text;
use crate::model::{Json, Lang};

/// Builds the template in one set of `languages` (at least one; the first words the comments).
struct Writer<'a> {
    languages: &'a [Lang],
}

type Entry = (String, Json);

impl Writer<'_> {
    /// A comment entry `_key` in the comments' language.
    fn note(&self, key: &str, en: &str, ko: &str) -> Entry {
        let words = match self.languages.first() {
            Some(Lang::Ko) => ko,
            _ => en,
        };
        (format!("_{key}"), Json::String(words.into()))
    }

    /// A text a reader sees, in each language of the dataset.
    fn text(&self, en: &str, ko: &str) -> Json {
        Json::Object(
            self.languages
                .iter()
                .map(|l| {
                    let words = if *l == Lang::Ko { ko } else { en };
                    (l.code().to_string(), Json::String(words.into()))
                })
                .collect(),
        )
    }
}

fn s(v: &str) -> Json {
    Json::String(v.into())
}

fn e(key: &str, v: Json) -> Entry {
    (key.to_string(), v)
}

fn obj(entries: Vec<Entry>) -> Json {
    Json::Object(entries)
}

fn cites(ids: &[&str]) -> Json {
    Json::Array(ids.iter().map(|i| s(i)).collect())
}

/// The template as JSON text, for `languages` (none given: English).
pub fn template(languages: &[Lang]) -> String {
    let languages = if languages.is_empty() {
        &[Lang::En][..]
    } else {
        languages
    };
    let w = Writer { languages };
    let source = |id: &str, title: &str, url: &str, published: &str| {
        obj(vec![
            e("id", s(id)),
            e("publisher", s("Example News (fictional)")),
            e("title", s(title)),
            e("lang", s("en")),
            e("url", s(url)),
            e("published", s(published)),
        ])
    };
    let root = obj(vec![
        e("$schema", s("../schema/breach-explainer-1.schema.json")),
        w.note(
            "comment",
            "A dataset for breach-explainer, made by `breach-explainer new`. EVERYTHING IN IT IS \
             A FICTIONAL EXAMPLE (Example Shop, Example News, the .example addresses): replace \
             each value with the facts of your breach, each fact with its sources. Keys starting \
             with _ are comments the explainer ignores; delete them when you no longer need \
             them. Check the file with: breach-explainer check FILE",
            "breach-explainer 데이터 파일입니다(`breach-explainer new`로 만듦). 안의 내용은 모두 \
             가상의 예시입니다(Example Shop, Example News, .example 주소): 값마다 실제 유출 \
             사건의 사실로 바꾸고, 사실마다 출처를 달아 주세요. _로 시작하는 키는 설명(주석)이라 \
             explainer가 읽지 않습니다. 필요 없으면 지워도 됩니다. 파일 검사: breach-explainer \
             check 파일",
        ),
        w.note(
            "schema",
            "$schema lets an editor such as VS Code complete and check fields as you type; the \
             path is relative to this file.",
            "$schema가 있으면 VS Code 같은 편집기가 입력하는 동안 항목을 자동 완성하고 검사합니다. \
             경로는 이 파일 기준입니다.",
        ),
        e("format", s("breach-explainer/1")),
        w.note(
            "id",
            "A short name for this dataset: lower-case letters, digits and -.",
            "이 데이터의 짧은 이름: 영문 소문자, 숫자, -만 씁니다.",
        ),
        e("id", s("example-shop-2025")),
        w.note(
            "languages",
            "The languages the explainer is written in (en, ko). Every text below has one entry \
             per language listed here.",
            "설명을 쓰는 언어(en, ko). 아래 모든 텍스트에는 여기 적은 언어마다 하나씩 값이 있어야 \
             합니다.",
        ),
        e(
            "languages",
            Json::Array(languages.iter().map(|l| s(l.code())).collect()),
        ),
        w.note(
            "timezone",
            "The time zone of the place where the story happens. Dates and times in the file are \
             in it and are shown in it, never converted.",
            "사건이 일어난 곳의 시간대. 파일의 날짜와 시각은 이 시간대 기준이며 변환하지 않고 \
             그대로 보여 줍니다.",
        ),
        e(
            "timezone",
            obj(vec![
                w.note(
                    "offset",
                    "Its offset from UTC, like +09:00 for Korea.",
                    "UTC와의 시차. 한국은 +09:00.",
                ),
                e("offset", s("+00:00")),
                e("label", w.text("UTC", "협정 세계시")),
            ]),
        ),
        w.note(
            "breach",
            "Who was breached, and the headline and summary readers see first.",
            "유출된 곳, 그리고 독자가 처음 보는 제목과 요약.",
        ),
        e(
            "breach",
            obj(vec![
                e("organisation", w.text("Example Shop", "예시 쇼핑")),
                w.note(
                    "country",
                    "The country's two-letter code (ISO 3166), like KR or US.",
                    "나라의 두 글자 코드(ISO 3166). 예: KR, US.",
                ),
                e("country", s("ZZ")),
                e(
                    "title",
                    w.text(
                        "Example Shop breach (a fictional example): 450,000 accounts",
                        "예시 쇼핑 개인정보 유출(가상의 예시): 45만 개 계정",
                    ),
                ),
                e(
                    "summary",
                    w.text(
                        "A fictional example: details of about 450,000 Example Shop accounts \
                         leaked for six weeks before the company noticed.",
                        "가상의 예시: 예시 쇼핑 계정 약 45만 개의 정보가 회사가 알아채기 전까지 \
                         6주 동안 유출됐다.",
                    ),
                ),
                w.note(
                    "credit",
                    "Optional: who compiled the facts, shown at the end.",
                    "선택: 사실을 정리한 사람이나 곳. 맨 끝에 보입니다.",
                ),
                e(
                    "credit",
                    w.text(
                        "Compiled from fictional reports, as an example.",
                        "예시로, 가상의 보도를 바탕으로 정리했다.",
                    ),
                ),
            ]),
        ),
        w.note(
            "sources",
            "Every publication a fact comes from. Facts below cite them by id. title_kind is \
             \"description\" when the title is yours rather than the published headline; via \
             names a wire service.",
            "사실의 출처가 되는 모든 보도·문서. 아래 사실들은 id로 출처를 겁니다. 제목이 실제 \
             기사 제목이 아니라 직접 쓴 설명이면 title_kind를 \"description\"으로, 통신사 기사면 \
             via에 통신사 이름을 적습니다.",
        ),
        e(
            "sources",
            Json::Array(vec![
                source(
                    "example-news-1",
                    "Example Shop says customer data leaked (fictional)",
                    "https://news.example/example-shop-breach",
                    "2025-03-01",
                ),
                source(
                    "example-news-2",
                    "Example Shop's breach was larger than first said (fictional)",
                    "https://news.example/example-shop-revised-count",
                    "2025-03-20",
                ),
            ]),
        ),
        w.note(
            "exposure",
            "How long attackers had access, by each account of it (a company's, a regulator's…); \
             preferred is the id of the one the timeline draws.",
            "공격자가 접근할 수 있었던 기간을 주체별로(회사, 규제 기관 등) 적습니다. preferred는 \
             타임라인에 그릴 주장의 id입니다.",
        ),
        e(
            "exposure",
            obj(vec![
                e(
                    "claims",
                    Json::Array(vec![obj(vec![
                        e("id", s("company")),
                        e("by", w.text("Example Shop", "예시 쇼핑")),
                        w.note(
                            "measures",
                            "What the window is a window of: \"access\" (an attacker's), \"copying-out\" (data copied out), \"open-to-anyone\" (data left open, such as an unprotected database, with no one's access established) or \"not-stated\".",
                            "기간이 무엇의 기간인지: \"access\"(공격자의 접근), \"copying-out\"(데이터 반출), \"open-to-anyone\"(누구의 접근도 확인되지 않은 채 데이터가 공개돼 있던 상태) 또는 \"not-stated\".",
                        ),
                        e("measures", s("access")),
                        w.note(
                            "start",
                            "Dates at the precision the sources give: \"2025\", \"2025-01\", \
                             \"2025-01-10\" or \"2025-01-10T08:00+00:00\".",
                            "날짜는 출처가 밝힌 만큼만: \"2025\", \"2025-01\", \"2025-01-10\", \
                             \"2025-01-10T08:00+00:00\".",
                        ),
                        e("start", s("2025-01-10")),
                        e("end", s("2025-02-20")),
                        e("sources", cites(&["example-news-1"])),
                    ])]),
                ),
                e("preferred", s("company")),
            ]),
        ),
        w.note(
            "events",
            "What happened, one event per mark on the timeline. lane: breach, company, \
             government, police-courts or context. confidence: low, medium, medium-high or high. \
             milestone (each once at most): access-start, access-end, detected, disclosed or \
             complaint; the key figures are worked out from them.",
            "일어난 일. 사건 하나가 타임라인의 표시 하나입니다. lane: breach, company, \
             government, police-courts, context. confidence: low, medium, medium-high, high. \
             milestone(각각 한 번까지): access-start, access-end, detected, disclosed, \
             complaint. 핵심 수치는 이것들로 계산합니다.",
        ),
        e(
            "events",
            Json::Array(vec![
                event(
                    &w,
                    ("access-start", "2025-01-10", "breach", "access-start"),
                    ("Attackers get in", "공격자 침입"),
                    (
                        "Attackers first reach the customer database (fictional).",
                        "공격자가 처음으로 고객 데이터베이스에 접근했다(가상).",
                    ),
                ),
                event(
                    &w,
                    ("detected", "2025-02-20", "company", "detected"),
                    ("Breach detected", "유출 탐지"),
                    (
                        "Example Shop notices unusual downloads (fictional).",
                        "예시 쇼핑이 비정상적인 다운로드를 알아챘다(가상).",
                    ),
                ),
                event(
                    &w,
                    ("disclosed", "2025-03-01T09:30+00:00", "company", "disclosed"),
                    ("Breach disclosed", "유출 공개"),
                    (
                        "Example Shop tells customers their details leaked (fictional).",
                        "예시 쇼핑이 고객에게 정보 유출을 알렸다(가상).",
                    ),
                ),
            ]),
        ),
        w.note(
            "counts",
            "How many were affected, each figure as reported and when. series groups the \
             revisions of one figure; value is a plain whole number (450000, not \"450k\"); unit: \
             accounts, people, records, sim-records, subscribers, residents, gigabytes, bytes (a \
             size as the whole number of bytes: 1700000000 is shown as 1.7 GB), page-views or files; status: reported, superseded, disputed-claim or context (a figure for \
             comparison, not this breach's); lead: true on the one count the explainer leads with.",
            "피해 규모. 수치마다 누가 언제 밝혔는지 적습니다. series는 같은 수치의 수정들을 \
             묶습니다. value는 따옴표 없는 정수(450000). unit: accounts, people, records, \
             sim-records, subscribers, residents, gigabytes, bytes(1700000000은 1.7GB로 표시), \
             page-views, files. status: reported, \
             superseded, disputed-claim, context(비교용, 이 사고의 수치 아님). lead: true는 \
             설명 자료가 앞세우는 수치 하나에 적습니다.",
        ),
        e(
            "counts",
            Json::Array(vec![
                count(
                    &w,
                    ("first-count", 120_000, "2025-03-01", "superseded", false),
                    "example-news-1",
                ),
                count(
                    &w,
                    // A bound: the company said "at least 450,000".
                    ("revised-count", 450_000, "2025-03-20", "reported", true),
                    "example-news-2",
                ),
            ]),
        ),
        w.note(
            "comparisons",
            "Optional: a bar chart comparing counts, by their ids, in one unit.",
            "선택: 같은 단위의 수치들을 id로 골라 비교하는 막대그래프.",
        ),
        e("comparisons", Json::Array(Vec::new())),
        w.note(
            "data_classes",
            "What kinds of data were exposed (exposed: true) or not (false), with advice for \
             readers.",
            "유출된(exposed: true) 또는 유출되지 않은(false) 정보의 종류와 독자를 위한 조언.",
        ),
        e(
            "data_classes",
            Json::Array(vec![obj(vec![
                e("id", s("email")),
                e("label", w.text("Email addresses", "이메일 주소")),
                e("exposed", Json::Bool(true)),
                e(
                    "advice",
                    w.text(
                        "Expect emails pretending to be Example Shop.",
                        "예시 쇼핑을 사칭하는 이메일에 주의하세요.",
                    ),
                ),
                e("sources", cites(&["example-news-1"])),
            ])]),
        ),
        w.note(
            "money",
            "Optional: fines, compensation or losses (kind: fine, compensation or loss), in whole \
             units of a currency given by its ISO 4217 code, never converted. A revised estimate \
             or a reduced fine: give both the same series and mark the earlier one \
             \"status\": \"superseded\".",
            "선택: 과징금, 보상, 손실(kind: fine, compensation, loss). 금액은 ISO 4217 통화 \
             코드와 함께 정수로 적고, 환산하지 않습니다. 추정치가 바뀌거나 과징금이 줄었다면 \
             두 항목에 같은 series를 주고 이전 것에 \"status\": \"superseded\"를 적습니다.",
        ),
        e(
            "money",
            Json::Array(vec![obj(vec![
                e("id", s("fine")),
                e("kind", s("fine")),
                e(
                    "subject",
                    w.text(
                        "Expected fine from the (fictional) data regulator",
                        "(가상의) 개인정보 감독 기관의 예상 과징금",
                    ),
                ),
                // A range: "between $500,000 and $1 million".
                e("at_least", Json::Number(500_000.0)),
                e("at_most", Json::Number(1_000_000.0)),
                e("currency", s("USD")),
                e("date", s("2025-06")),
                e("sources", cites(&["example-news-2"])),
            ])]),
        ),
        w.note(
            "corrections",
            "Optional: wrong claims widely repeated, each with the sourced fact (fields: id, \
             claim, correct, seen_in, sources).",
            "선택: 널리 퍼진 잘못된 주장과 출처가 있는 사실(항목: id, claim, correct, seen_in, \
             sources).",
        ),
        e("corrections", Json::Array(Vec::new())),
        w.note(
            "changes",
            "Optional, for a developing story: what changed since the first version, kept as a \
             running record (entries stay when their item is later removed). Each entry: at \
             (date), kind (added, revised, corrected, removed), about (list/id), replaces (the \
             id it revises), sources; updated says when the file last changed.",
            "선택, 진행 중인 사건에: 첫 판 이후 바뀐 내용을 쌓아 가는 기록(나중에 삭제된 항목의 \
             기록도 남깁니다). 항목마다 at(날짜), kind(added, revised, corrected, removed), \
             about(목록/id), replaces(수정한 항목의 id), sources. updated는 파일을 마지막으로 \
             고친 때입니다.",
        ),
        e("updated", s("2025-03-20T18:00+00:00")),
        e(
            "changes",
            Json::Array(vec![
                obj(vec![
                    e("at", s("2025-03-01")),
                    e("kind", s("added")),
                    e("about", s("counts/first-count")),
                    e("sources", cites(&["example-news-1"])),
                ]),
                obj(vec![
                    e("at", s("2025-03-20")),
                    e("kind", s("revised")),
                    e("about", s("counts/revised-count")),
                    e("replaces", s("first-count")),
                    e("sources", cites(&["example-news-2"])),
                ]),
            ]),
        ),
    ]);
    json_text(&root)
}

/// One event: (id, date, lane, milestone), title, detail.
fn event(
    w: &Writer,
    facts: (&str, &str, &str, &str),
    title: (&str, &str),
    detail: (&str, &str),
) -> Json {
    let (id, date, lane, milestone) = facts;
    obj(vec![
        e("id", s(id)),
        e("date", s(date)),
        e("lane", s(lane)),
        e("title", w.text(title.0, title.1)),
        e("detail", w.text(detail.0, detail.1)),
        e("confidence", s("high")),
        e("milestone", s(milestone)),
        e("sources", cites(&["example-news-1"])),
    ])
}

/// One count: (id, value, as of, status, whether the value is only a lower bound), its source.
fn count(w: &Writer, facts: (&str, u64, &str, &str, bool), source: &str) -> Json {
    let (id, value, as_of, status, at_least) = facts;
    let mut fields = vec![
        e("id", s(id)),
        e("series", s("accounts")),
        e(
            "subject",
            w.text("Example Shop accounts exposed", "예시 쇼핑 유출 계정"),
        ),
        e(
            if at_least { "at_least" } else { "value" },
            Json::Number(value as f64),
        ),
        e("unit", s("accounts")),
        e("as_of", s(as_of)),
        e("reported_by", w.text("Example Shop", "예시 쇼핑")),
        e("status", s(status)),
        e("sources", cites(&[source])),
    ];
    // The first count of the series the explainer leads with, said so rather than left to
    // the order of the list.
    if id == "first-count" {
        fields.insert(fields.len() - 1, e("lead", Json::Bool(true)));
    }
    obj(fields)
}
