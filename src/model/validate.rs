//! From a JSON tree to a [`Dataset`], reporting every problem at once with its JSON path.
//!
//! The walk never stops at the first problem: each field is checked on its own, a broken item
//! is left out of the result, and the list of issues names all of them. Nothing here can panic
//! on any input.

use super::date::{DateError, StoryDate};
use super::issue::{Expected, Issue, Problem};
use super::json::Json;
use super::*;
use std::collections::{BTreeMap, BTreeSet};

const TOP_FIELDS: &[&str] = &[
    "$schema",
    "format",
    "id",
    "languages",
    "timezone",
    "breach",
    "sources",
    "exposure",
    "events",
    "counts",
    "comparisons",
    "data_classes",
    "money",
    "corrections",
];
const ZONE_FIELDS: &[&str] = &["offset", "label"];
const BREACH_FIELDS: &[&str] = &["organisation", "country", "title", "summary", "credit"];
const SOURCE_FIELDS: &[&str] = &[
    "id",
    "publisher",
    "title",
    "title_kind",
    "lang",
    "url",
    "published",
    "via",
];
const EXPOSURE_FIELDS: &[&str] = &["claims", "preferred"];
const CLAIM_FIELDS: &[&str] = &["id", "by", "start", "end", "note", "sources"];
const EVENT_FIELDS: &[&str] = &[
    "id",
    "date",
    "end",
    "lane",
    "title",
    "detail",
    "confidence",
    "milestone",
    "sources",
    "alternatives",
];
const ALTERNATIVE_FIELDS: &[&str] = &["date", "by", "note", "sources"];
const COUNT_FIELDS: &[&str] = &[
    "id",
    "series",
    "subject",
    "value",
    "approximate",
    "unit",
    "as_of",
    "reported_by",
    "status",
    "adds_to",
    "note",
    "sources",
];
const COMPARISON_FIELDS: &[&str] = &["id", "title", "counts", "mixed_units"];
const DATA_CLASS_FIELDS: &[&str] = &["id", "label", "exposed", "advice", "sources"];
const MONEY_FIELDS: &[&str] = &[
    "id",
    "kind",
    "subject",
    "amount",
    "currency",
    "approximate",
    "date",
    "parts",
    "converted",
    "note",
    "sources",
];
const PART_FIELDS: &[&str] = &["label", "amount"];
const CONVERTED_FIELDS: &[&str] = &["amount", "currency", "as_of", "sources"];
const CORRECTION_FIELDS: &[&str] = &["id", "claim", "correct", "seen_in", "sources"];

pub const FORMAT: &str = "breach-explainer/1";
const FORMATS: &[&str] = &[FORMAT];

/// Whole numbers above 2^53 cannot be told apart in JSON readers; no breach count gets there.
const MAX_WHOLE: f64 = 9_007_199_254_740_991.0;

/// Carries what every check needs: the issues so far, the declared languages, the source ids.
struct Checker {
    issues: Vec<Issue>,
    languages: Vec<Lang>,
    /// Source ids and their positions, looked up once per citation (a dataset can cite tens
    /// of thousands of times: a linear scan made checking quadratic).
    source_ids: BTreeMap<String, usize>,
}

/// One JSON object being read, with its path.
struct Obj<'a> {
    path: String,
    entries: &'a [(String, Json)],
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

impl Checker {
    fn report(&mut self, path: String, problem: Problem) {
        self.issues.push(Issue::new(path, problem));
    }

    fn wrong_type(&mut self, path: String, expected: Expected, found: &Json) {
        self.report(
            path,
            Problem::WrongType {
                expected,
                found: found.describe(),
            },
        );
    }

    /// Opens an object, reporting unknown fields (typos) and keys given twice.
    fn object<'a>(
        &mut self,
        value: &'a Json,
        path: String,
        known: &'static [&'static str],
    ) -> Option<Obj<'a>> {
        let Json::Object(entries) = value else {
            self.wrong_type(path, Expected::Object, value);
            return None;
        };
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        for (key, _) in entries.iter() {
            // Keys starting with `_` are the author's comments (JSON has none of its own).
            if key.starts_with('_') {
                continue;
            }
            if !known.contains(&key.as_str()) {
                self.report(
                    join(&path, key),
                    Problem::UnknownField {
                        name: key.clone(),
                        known,
                    },
                );
            } else if !seen.insert(key.as_str()) {
                self.report(
                    join(&path, key),
                    Problem::DuplicateField { name: key.clone() },
                );
            }
        }
        Some(Obj { path, entries })
    }

    fn list<'a>(&mut self, value: &'a Json, path: &str) -> Option<&'a [Json]> {
        match value {
            Json::Array(items) => Some(items),
            other => {
                self.wrong_type(path.to_string(), Expected::List, other);
                None
            }
        }
    }

    fn string(&mut self, value: &Json, path: String) -> Option<String> {
        match value {
            Json::String(s) if s.trim().is_empty() => {
                self.report(path, Problem::Empty);
                None
            }
            Json::String(s) => Some(s.clone()),
            other => {
                self.wrong_type(path, Expected::String, other);
                None
            }
        }
    }

    fn text(&mut self, value: &Json, path: String) -> Option<Text> {
        let Json::Object(entries) = value else {
            self.wrong_type(path, Expected::Text, value);
            return None;
        };
        let mut values = Vec::new();
        let mut ok = true;
        for (code, v) in entries {
            let here = join(&path, code);
            let Some(lang) = Lang::from_tag(code).filter(|l| l.code() == code) else {
                self.report(
                    here,
                    Problem::UnknownLanguage {
                        found: super::json::quote(code),
                    },
                );
                ok = false;
                continue;
            };
            match self.string(v, here) {
                Some(s) => values.push((lang, s)),
                None => ok = false,
            }
        }
        for lang in self.languages.clone() {
            if !entries.iter().any(|(code, _)| code == lang.code()) {
                self.report(path.clone(), Problem::MissingLanguage { lang: lang.code() });
                ok = false;
            }
        }
        ok.then(|| Text::new(values))
    }

    fn date(&mut self, value: &Json, path: String) -> Option<StoryDate> {
        let Json::String(s) = value else {
            self.wrong_type(path, Expected::Date, value);
            return None;
        };
        match StoryDate::parse(s) {
            Ok(d) => Some(d),
            Err(e) => {
                let found = super::json::quote(s);
                let problem = match e {
                    DateError::Shape => Problem::NotADate { found },
                    DateError::NotOnCalendar => Problem::NotOnCalendar { found },
                    DateError::NoOffset => Problem::NoOffset { found },
                };
                self.report(path, problem);
                None
            }
        }
    }

    fn whole(&mut self, value: &Json, path: String) -> Option<u64> {
        match value {
            Json::Number(n) if *n >= 0.0 && n.fract() == 0.0 && *n <= MAX_WHOLE => Some(*n as u64),
            Json::Number(n) => {
                let found = crate::format::plain_number(*n);
                self.report(
                    path,
                    if *n < 0.0 {
                        Problem::Negative { found }
                    } else if *n > MAX_WHOLE {
                        Problem::TooLargeNumber { found }
                    } else {
                        Problem::NotWholeNumber { found }
                    },
                );
                None
            }
            Json::String(s) => {
                self.report(
                    path,
                    Problem::NotWholeNumber {
                        found: super::json::quote(s),
                    },
                );
                None
            }
            other => {
                self.wrong_type(path, Expected::WholeNumber, other);
                None
            }
        }
    }

    fn boolean(&mut self, value: &Json, path: String) -> Option<bool> {
        match value {
            Json::Bool(b) => Some(*b),
            other => {
                self.wrong_type(path, Expected::Boolean, other);
                None
            }
        }
    }

    fn id(&mut self, value: &Json, path: String) -> Option<String> {
        let s = self.string(value, path.clone())?;
        let ok = s
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if ok {
            Some(s)
        } else {
            self.report(
                path,
                Problem::BadId {
                    found: super::json::quote(&s),
                },
            );
            None
        }
    }

    fn one_of(
        &mut self,
        value: &Json,
        path: String,
        allowed: &'static [&'static str],
    ) -> Option<usize> {
        let s = self.string(value, path.clone())?;
        let found = allowed.iter().position(|a| *a == s);
        if found.is_none() {
            self.report(
                path,
                Problem::NotOneOf {
                    found: super::json::quote(&s),
                    allowed,
                },
            );
        }
        found
    }

    fn url(&mut self, value: &Json, path: String) -> Option<String> {
        let s = self.string(value, path.clone())?;
        if is_web_address(&s) {
            Some(s)
        } else if is_web_address(&s.replace(|c: char| c.is_whitespace() || c.is_control(), "")) {
            self.report(
                path,
                Problem::SpaceInWebAddress {
                    found: super::json::quote(&s),
                },
            );
            None
        } else {
            self.report(
                path,
                Problem::NotWebAddress {
                    found: super::json::quote(&s),
                },
            );
            None
        }
    }

    fn sources(&mut self, value: &Json, path: String) -> Option<Vec<SourceRef>> {
        let items = self.list(value, &path)?;
        if items.is_empty() {
            self.report(path, Problem::NoSources);
            return None;
        }
        let mut refs = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let here = index(&path, i);
            let Some(id) = self.string(item, here.clone()) else {
                ok = false;
                continue;
            };
            match self.source_ids.get(&id) {
                Some(&r) => refs.push(r),
                None => {
                    self.report(here, Problem::UnknownSource { id });
                    ok = false;
                }
            }
        }
        ok.then_some(refs)
    }
}

/// Only `https:` and `http:` links reach the page: a `javascript:` or `data:` address in a
/// dataset must never become a link a reader can click.
/// A BCP 47 language tag of the simple kinds a source's language needs: `en`, `ko`, `pt-BR`,
/// `zh-Hant` (letters and digits in `-`-separated pieces, starting with 2–3 letters).
pub fn is_language_tag(s: &str) -> bool {
    let mut pieces = s.split('-');
    let primary = pieces.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && pieces
            .all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

pub fn is_web_address(s: &str) -> bool {
    let lower = s.trim_start().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    matches!(rest, Some(host) if !host.is_empty() && !host.starts_with('/'))
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

impl<'a> Obj<'a> {
    fn get(&self, key: &str) -> Option<&'a Json> {
        self.entries
            .iter()
            .find(|(k, v)| k == key && !matches!(v, Json::Null))
            .map(|(_, v)| v)
    }

    fn at(&self, key: &str) -> String {
        join(&self.path, key)
    }

    /// A required field: reports it missing with what was expected.
    fn need(&self, ck: &mut Checker, key: &str, expected: Expected) -> Option<&'a Json> {
        let v = self.get(key);
        if v.is_none() {
            ck.report(self.at(key), Problem::Missing { expected });
        }
        v
    }

    fn text(&self, ck: &mut Checker, key: &str) -> Option<Text> {
        let v = self.need(ck, key, Expected::Text)?;
        ck.text(v, self.at(key))
    }
    /// An optional text: `Some(None)` when absent, `None` when present but wrong.
    fn opt_text(&self, ck: &mut Checker, key: &str) -> Option<Option<Text>> {
        match self.get(key) {
            None => Some(None),
            Some(v) => ck.text(v, self.at(key)).map(Some),
        }
    }
    fn string(&self, ck: &mut Checker, key: &str) -> Option<String> {
        let v = self.need(ck, key, Expected::String)?;
        ck.string(v, self.at(key))
    }
    fn opt_string(&self, ck: &mut Checker, key: &str) -> Option<Option<String>> {
        match self.get(key) {
            None => Some(None),
            Some(v) => ck.string(v, self.at(key)).map(Some),
        }
    }
    fn id(&self, ck: &mut Checker, key: &str) -> Option<String> {
        let v = self.need(ck, key, Expected::Id)?;
        ck.id(v, self.at(key))
    }
    fn date(&self, ck: &mut Checker, key: &str) -> Option<StoryDate> {
        let v = self.need(ck, key, Expected::Date)?;
        ck.date(v, self.at(key))
    }
    fn opt_date(&self, ck: &mut Checker, key: &str) -> Option<Option<StoryDate>> {
        match self.get(key) {
            None => Some(None),
            Some(v) => ck.date(v, self.at(key)).map(Some),
        }
    }
    fn whole(&self, ck: &mut Checker, key: &str) -> Option<u64> {
        let v = self.need(ck, key, Expected::WholeNumber)?;
        ck.whole(v, self.at(key))
    }
    fn flag(&self, ck: &mut Checker, key: &str) -> Option<bool> {
        match self.get(key) {
            None => Some(false),
            Some(v) => ck.boolean(v, self.at(key)),
        }
    }
    fn one_of(
        &self,
        ck: &mut Checker,
        key: &str,
        allowed: &'static [&'static str],
    ) -> Option<usize> {
        let v = self.need(ck, key, Expected::String)?;
        ck.one_of(v, self.at(key), allowed)
    }
    fn opt_one_of(
        &self,
        ck: &mut Checker,
        key: &str,
        allowed: &'static [&'static str],
    ) -> Option<Option<usize>> {
        match self.get(key) {
            None => Some(None),
            Some(v) => ck.one_of(v, self.at(key), allowed).map(Some),
        }
    }
    fn sources(&self, ck: &mut Checker) -> Option<Vec<SourceRef>> {
        match self.get("sources") {
            None => {
                ck.report(self.at("sources"), Problem::NoSources);
                None
            }
            Some(v) => ck.sources(v, self.at("sources")),
        }
    }
    /// Each item of an optional list, with its path; an absent list is empty.
    fn items(&self, ck: &mut Checker, key: &str) -> Vec<(String, &'a Json)> {
        let path = self.at(key);
        match self.get(key) {
            None => Vec::new(),
            Some(v) => ck
                .list(v, &path)
                .unwrap_or(&[])
                .iter()
                .enumerate()
                .map(|(i, item)| (index(&path, i), item))
                .collect(),
        }
    }
}

/// Remembers ids of one list so a second use can point at the first.
#[derive(Default)]
struct Ids {
    /// Each id, with its position in its list and the path where it was first given.
    by_id: BTreeMap<String, (usize, String)>,
}

impl Ids {
    fn add(&mut self, ck: &mut Checker, id: Option<String>, path: String) -> Option<String> {
        let id = id?;
        if let Some((_, first)) = self.by_id.get(&id) {
            ck.report(
                path,
                Problem::DuplicateId {
                    id,
                    first: first.clone(),
                },
            );
            return None;
        }
        let at = self.by_id.len();
        self.by_id.insert(id.clone(), (at, path));
        Some(id)
    }

    fn position(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).map(|(at, _)| *at)
    }

    fn len(&self) -> usize {
        self.by_id.len()
    }

    fn positions(&self) -> BTreeMap<String, usize> {
        self.by_id
            .iter()
            .map(|(id, (at, _))| (id.clone(), *at))
            .collect()
    }
}

/// Pairs `end` with `start` and reports an end before the start.
fn check_span(ck: &mut Checker, start: &StoryDate, end: &StoryDate, path: String, zone: i32) {
    // Compare periods: "2025-04" may end on "2025-04-14" (inside that month), not in March.
    let before = if end.precision == Precision::Minute {
        end.start(zone) < start.start(zone)
    } else {
        end.end(zone) <= start.start(zone)
    };
    if before {
        ck.report(
            path,
            Problem::EndBeforeStart {
                start: crate::format::iso(start),
                end: crate::format::iso(end),
            },
        );
    }
}

/// Validates a parsed dataset. `Err` holds every problem found, in file order by section.
pub fn validate(root: &Json) -> Result<Dataset, Vec<Issue>> {
    let mut ck = Checker {
        issues: Vec::new(),
        languages: Vec::new(),
        source_ids: BTreeMap::new(),
    };
    let Some(top) = ck.object(root, String::new(), TOP_FIELDS) else {
        return Err(ck.issues);
    };

    if let Some(v) = top.need(&mut ck, "format", Expected::String) {
        ck.one_of(v, top.at("format"), FORMATS);
    }
    let id = top.id(&mut ck, "id");

    // Languages first: every text below is checked against them.
    let mut languages = Vec::new();
    if let Some(v) = top.need(&mut ck, "languages", Expected::List) {
        for (i, item) in ck.list(v, "languages").unwrap_or(&[]).iter().enumerate() {
            let here = index("languages", i);
            let Some(code) = ck.string(item, here.clone()) else {
                continue;
            };
            match Lang::ALL.into_iter().find(|l| l.code() == code) {
                Some(l) if !languages.contains(&l) => languages.push(l),
                Some(_) => {}
                None => ck.report(
                    here,
                    Problem::UnknownLanguage {
                        found: super::json::quote(&code),
                    },
                ),
            }
        }
        if languages.is_empty() && matches!(v, Json::Array(_)) {
            ck.report(
                "languages".into(),
                Problem::TooFew {
                    min: 1,
                    what: "language",
                },
            );
        }
    }
    ck.languages = languages.clone();

    // Sources next: every fact below cites them by id.
    let mut sources = Vec::new();
    let mut source_ids = Ids::default();
    if top.need(&mut ck, "sources", Expected::List).is_some() {
        let items = top.items(&mut ck, "sources");
        if items.is_empty() {
            ck.report(
                "sources".into(),
                Problem::TooFew {
                    min: 1,
                    what: "source",
                },
            );
        }
        for (path, item) in items {
            // Keep the id even when the rest of the source is broken, so citations of it do not
            // produce a second, misleading "unknown source" message.
            if let Some(source) = source(&mut ck, item, path.clone(), &mut source_ids) {
                sources.push(source);
            }
        }
    }
    ck.source_ids = source_ids.positions();
    // Citations are indices into the validated list, so broken sources must not shift them.
    let sources_complete = sources.len() == ck.source_ids.len();

    let zone = top
        .need(&mut ck, "timezone", Expected::Object)
        .and_then(|v| {
            let o = ck.object(v, "timezone".into(), ZONE_FIELDS)?;
            let offset = o.need(&mut ck, "offset", Expected::Offset).and_then(|v| {
                let s = ck.string(v, o.at("offset"))?;
                let parsed = StoryDate::parse(&format!("2000-01-01T00:00{s}")).ok();
                if parsed.is_none() {
                    ck.wrong_type(o.at("offset"), Expected::Offset, v);
                }
                parsed.map(|d| d.offset)
            });
            let label = o.text(&mut ck, "label");
            Some(Zone {
                offset: offset?,
                label: label?,
            })
        });
    let zone_offset = zone.as_ref().map_or(0, |z| z.offset);

    let breach = top.need(&mut ck, "breach", Expected::Object).and_then(|v| {
        let o = ck.object(v, "breach".into(), BREACH_FIELDS)?;
        let organisation = o.text(&mut ck, "organisation");
        let country = o.string(&mut ck, "country");
        let title = o.text(&mut ck, "title");
        let summary = o.text(&mut ck, "summary");
        let credit = o.opt_text(&mut ck, "credit");
        Some(Breach {
            organisation: organisation?,
            country: country?,
            title: title?,
            summary: summary?,
            credit: credit?,
        })
    });

    let exposure = top
        .need(&mut ck, "exposure", Expected::Object)
        .and_then(|v| exposure(&mut ck, v, zone_offset));

    let mut events = Vec::new();
    if top.need(&mut ck, "events", Expected::List).is_some() {
        let mut ids = Ids::default();
        let mut milestones: Vec<(Milestone, String)> = Vec::new();
        let items = top.items(&mut ck, "events");
        if items.is_empty() {
            ck.report(
                "events".into(),
                Problem::TooFew {
                    min: 1,
                    what: "event",
                },
            );
        }
        for (path, item) in items {
            if let Some(e) = event(&mut ck, item, path.clone(), &mut ids, zone_offset) {
                if let Some(m) = e.milestone {
                    if let Some((_, first)) = milestones.iter().find(|(seen, _)| *seen == m) {
                        let code = Milestone::CODES
                            [Milestone::ALL.iter().position(|x| *x == m).unwrap_or(0)];
                        ck.report(
                            join(&path, "milestone"),
                            Problem::MilestoneTwice {
                                milestone: code,
                                first: first.clone(),
                            },
                        );
                        continue;
                    }
                    milestones.push((m, join(&path, "milestone")));
                }
                events.push(e);
            }
        }
    }

    let mut counts = Vec::new();
    let mut count_ids = Ids::default();
    let mut additions = Vec::new();
    for (path, item) in top.items(&mut ck, "counts") {
        if let Some((c, adds_to)) = count(&mut ck, item, path.clone(), &mut count_ids) {
            if let Some(target) = adds_to {
                additions.push((counts.len(), target, join(&path, "adds_to")));
            }
            counts.push(c);
        }
    }
    // `adds_to` may name a count further down the list, so it is resolved once all are read.
    // Positions in `count_ids` equal positions in `counts` only when no count was refused; a
    // refused count has its own problem and causes no follow-on one here.
    let counts_complete = counts.len() == count_ids.len();
    for (at, target, path) in additions {
        match count_ids.position(&target) {
            Some(i) if counts_complete && i != at => {
                if let Some(c) = counts.get_mut(at) {
                    c.adds_to = Some(i);
                }
            }
            Some(_) if !counts_complete => {}
            _ => ck.report(
                path,
                Problem::UnknownReference {
                    id: target,
                    list: "counts",
                },
            ),
        }
    }

    let mut comparisons = Vec::new();
    let mut comparison_ids = Ids::default();
    for (path, item) in top.items(&mut ck, "comparisons") {
        if let Some(c) = comparison(
            &mut ck,
            item,
            path,
            &mut comparison_ids,
            &count_ids,
            &counts,
        ) {
            comparisons.push(c);
        }
    }

    let mut data_classes = Vec::new();
    let mut class_ids = Ids::default();
    for (path, item) in top.items(&mut ck, "data_classes") {
        if let Some(c) = data_class(&mut ck, item, path, &mut class_ids) {
            data_classes.push(c);
        }
    }

    let mut money = Vec::new();
    let mut money_ids = Ids::default();
    for (path, item) in top.items(&mut ck, "money") {
        if let Some(m) = money_item(&mut ck, item, path, &mut money_ids) {
            money.push(m);
        }
    }

    let mut corrections = Vec::new();
    let mut correction_ids = Ids::default();
    for (path, item) in top.items(&mut ck, "corrections") {
        if let Some(c) = correction(&mut ck, item, path, &mut correction_ids) {
            corrections.push(c);
        }
    }

    if !ck.issues.is_empty() || !sources_complete || !counts_complete {
        return Err(ck.issues);
    }
    match (id, zone, breach, exposure) {
        (Some(id), Some(zone), Some(breach), Some(exposure)) => Ok(Dataset {
            id,
            languages,
            zone,
            breach,
            sources,
            exposure,
            events,
            counts,
            comparisons,
            data_classes,
            money,
            corrections,
        }),
        // Every None above was reported; this arm only keeps the function total.
        _ => Err(ck.issues),
    }
}

fn source(ck: &mut Checker, v: &Json, path: String, ids: &mut Ids) -> Option<Source> {
    let o = ck.object(v, path.clone(), SOURCE_FIELDS)?;
    let id = o.id(ck, "id");
    let id = ids.add(ck, id, o.at("id"));
    let publisher = o.string(ck, "publisher");
    let title = o.string(ck, "title");
    let url = o
        .need(ck, "url", Expected::Url)
        .and_then(|v| ck.url(v, o.at("url")));
    let title_kind = o.opt_one_of(ck, "title_kind", &TitleKind::CODES);
    let lang = o.opt_string(ck, "lang");
    if let Some(Some(tag)) = &lang {
        if !is_language_tag(tag) {
            ck.report(o.at("lang"), Problem::NotLanguageTag { found: tag.clone() });
        }
    }
    let published = o.opt_date(ck, "published");
    let via = o.opt_string(ck, "via");
    Some(Source {
        id: id?,
        publisher: publisher?,
        title: title?,
        title_kind: match title_kind? {
            Some(1) => TitleKind::Description,
            _ => TitleKind::Headline,
        },
        lang: lang?,
        url: url?,
        published: published?,
        via: via?,
    })
}

fn exposure(ck: &mut Checker, v: &Json, zone: i32) -> Option<Exposure> {
    let o = ck.object(v, "exposure".into(), EXPOSURE_FIELDS)?;
    let mut ids = Ids::default();
    let mut claims = Vec::new();
    o.need(ck, "claims", Expected::List);
    let items = o.items(ck, "claims");
    if items.is_empty() && o.get("claims").is_some() {
        ck.report(
            o.at("claims"),
            Problem::TooFew {
                min: 1,
                what: "claim",
            },
        );
    }
    let mut complete = true;
    for (path, item) in items {
        match claim(ck, item, path, &mut ids, zone) {
            Some(c) => claims.push(c),
            None => complete = false,
        }
    }
    let preferred_id = o.id(ck, "preferred")?;
    let preferred = claims.iter().position(|c| c.id == preferred_id);
    if preferred.is_none() && complete {
        ck.report(
            o.at("preferred"),
            Problem::UnknownReference {
                id: preferred_id,
                list: "exposure.claims",
            },
        );
    }
    Some(Exposure {
        claims,
        preferred: preferred?,
    })
}

fn claim(ck: &mut Checker, v: &Json, path: String, ids: &mut Ids, zone: i32) -> Option<Claim> {
    let o = ck.object(v, path, CLAIM_FIELDS)?;
    let id = o.id(ck, "id");
    let id = ids.add(ck, id, o.at("id"));
    let by = o.text(ck, "by");
    let start = o.date(ck, "start");
    let end = o.date(ck, "end");
    if let (Some(s), Some(e)) = (&start, &end) {
        check_span(ck, s, e, o.at("end"), zone);
    }
    let note = o.opt_text(ck, "note");
    let sources = o.sources(ck);
    Some(Claim {
        id: id?,
        by: by?,
        start: start?,
        end: end?,
        note: note?,
        sources: sources?,
    })
}

fn event(ck: &mut Checker, v: &Json, path: String, ids: &mut Ids, zone: i32) -> Option<Event> {
    let o = ck.object(v, path, EVENT_FIELDS)?;
    let id = o.id(ck, "id");
    let id = ids.add(ck, id, o.at("id"));
    let date = o.date(ck, "date");
    let end = o.opt_date(ck, "end");
    if let (Some(s), Some(Some(e))) = (&date, &end) {
        check_span(ck, s, e, o.at("end"), zone);
    }
    let lane = o
        .one_of(ck, "lane", &Lane::CODES)
        .and_then(|i| Lane::ALL.get(i).copied());
    let title = o.text(ck, "title");
    let detail = o.text(ck, "detail");
    let confidence = o
        .one_of(ck, "confidence", &Confidence::CODES)
        .and_then(|i| {
            [
                Confidence::Low,
                Confidence::Medium,
                Confidence::MediumHigh,
                Confidence::High,
            ]
            .get(i)
            .copied()
        });
    let milestone = o
        .opt_one_of(ck, "milestone", &Milestone::CODES)
        .map(|m| m.and_then(|i| Milestone::ALL.get(i).copied()));
    let sources = o.sources(ck);
    let mut alternatives = Vec::new();
    let mut alternatives_ok = true;
    for (alt_path, item) in o.items(ck, "alternatives") {
        match alternative(ck, item, alt_path) {
            Some(a) => alternatives.push(a),
            None => alternatives_ok = false,
        }
    }
    if !alternatives_ok {
        return None;
    }
    Some(Event {
        id: id?,
        date: date?,
        end: end?,
        lane: lane?,
        title: title?,
        detail: detail?,
        confidence: confidence?,
        milestone: milestone?,
        sources: sources?,
        alternatives,
    })
}

fn alternative(ck: &mut Checker, v: &Json, path: String) -> Option<Alternative> {
    let o = ck.object(v, path, ALTERNATIVE_FIELDS)?;
    let date = o.date(ck, "date");
    let by = o.text(ck, "by");
    let note = o.opt_text(ck, "note");
    let sources = o.sources(ck);
    Some(Alternative {
        date: date?,
        by: by?,
        note: note?,
        sources: sources?,
    })
}

fn count(
    ck: &mut Checker,
    v: &Json,
    path: String,
    ids: &mut Ids,
) -> Option<(Count, Option<String>)> {
    let o = ck.object(v, path, COUNT_FIELDS)?;
    let id = o.id(ck, "id");
    let id = ids.add(ck, id, o.at("id"));
    let series = o.id(ck, "series");
    let subject = o.text(ck, "subject");
    let value = o.whole(ck, "value");
    let approximate = o.flag(ck, "approximate");
    let unit = o
        .one_of(ck, "unit", &Unit::CODES)
        .and_then(|i| Unit::ALL.get(i).copied());
    let as_of = o.date(ck, "as_of");
    let reported_by = o.text(ck, "reported_by");
    let status = o
        .opt_one_of(ck, "status", &CountStatus::CODES)
        .map(|s| match s {
            Some(1) => CountStatus::Superseded,
            Some(2) => CountStatus::DisputedClaim,
            _ => CountStatus::Reported,
        });
    let adds_to = match o.get("adds_to") {
        None => Some(None),
        Some(v) => ck.id(v, o.at("adds_to")).map(Some),
    };
    let note = o.opt_text(ck, "note");
    let sources = o.sources(ck);
    let adds_to = adds_to?;
    Some((
        Count {
            id: id?,
            series: series?,
            subject: subject?,
            value: value?,
            approximate: approximate?,
            unit: unit?,
            as_of: as_of?,
            reported_by: reported_by?,
            status: status?,
            adds_to: None,
            note: note?,
            sources: sources?,
        },
        adds_to,
    ))
}

fn unit_code(u: Unit) -> &'static str {
    Unit::ALL
        .iter()
        .position(|x| *x == u)
        .and_then(|i| Unit::CODES.get(i))
        .copied()
        .unwrap_or("")
}

fn comparison(
    ck: &mut Checker,
    v: &Json,
    path: String,
    ids: &mut Ids,
    count_ids: &Ids,
    counts: &[Count],
) -> Option<Comparison> {
    let o = ck.object(v, path, COMPARISON_FIELDS)?;
    let id = o.id(ck, "id");
    let id = ids.add(ck, id, o.at("id"));
    let title = o.text(ck, "title");
    let mixed_units = o.flag(ck, "mixed_units");
    o.need(ck, "counts", Expected::List);
    let items = o.items(ck, "counts");
    if items.len() < 2 && o.get("counts").is_some() {
        ck.report(
            o.at("counts"),
            Problem::TooFew {
                min: 2,
                what: "counts to compare",
            },
        );
    }
    let mut refs = Vec::new();
    let mut ok = true;
    for (item_path, item) in items {
        let Some(cid) = ck.string(item, item_path.clone()) else {
            ok = false;
            continue;
        };
        match count_ids.position(&cid) {
            Some(i) => refs.push(i),
            None => {
                ck.report(
                    item_path,
                    Problem::UnknownReference {
                        id: cid,
                        list: "counts",
                    },
                );
                ok = false;
            }
        }
    }
    // The unit guard: accounts next to SIM records only when the dataset says so.
    if ok && mixed_units == Some(false) {
        let mut units: Vec<&str> = Vec::new();
        for c in refs.iter().filter_map(|&i| counts.get(i)) {
            let code = unit_code(c.unit);
            if !units.contains(&code) {
                units.push(code);
            }
        }
        if units.len() > 1 {
            ck.report(
                o.at("counts"),
                Problem::MixedUnits {
                    units: units.join(", "),
                },
            );
            ok = false;
        }
    }
    if !ok {
        return None;
    }
    Some(Comparison {
        id: id?,
        title: title?,
        counts: refs,
        mixed_units: mixed_units?,
    })
}

fn data_class(ck: &mut Checker, v: &Json, path: String, ids: &mut Ids) -> Option<DataClass> {
    let o = ck.object(v, path, DATA_CLASS_FIELDS)?;
    let id = o.id(ck, "id");
    let id = ids.add(ck, id, o.at("id"));
    let label = o.text(ck, "label");
    let exposed = o
        .need(ck, "exposed", Expected::Boolean)
        .and_then(|v| ck.boolean(v, o.at("exposed")));
    let advice = o.text(ck, "advice");
    let sources = o.sources(ck);
    Some(DataClass {
        id: id?,
        label: label?,
        exposed: exposed?,
        advice: advice?,
        sources: sources?,
    })
}

fn currency(ck: &mut Checker, o: &Obj, key: &str) -> Option<String> {
    let s = o.string(ck, key)?;
    if s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase()) {
        Some(s)
    } else {
        ck.report(
            o.at(key),
            Problem::NotOneOf {
                found: super::json::quote(&s),
                allowed: &["a three-letter ISO 4217 code such as KRW or USD"],
            },
        );
        None
    }
}

fn money_item(ck: &mut Checker, v: &Json, path: String, ids: &mut Ids) -> Option<Money> {
    let o = ck.object(v, path, MONEY_FIELDS)?;
    let id = o.id(ck, "id");
    let id = ids.add(ck, id, o.at("id"));
    let kind = o.one_of(ck, "kind", &MoneyKind::CODES).and_then(|i| {
        [MoneyKind::Fine, MoneyKind::Compensation, MoneyKind::Loss]
            .get(i)
            .copied()
    });
    let subject = o.text(ck, "subject");
    let amount = o.whole(ck, "amount");
    let currency_code = currency(ck, &o, "currency");
    let approximate = o.flag(ck, "approximate");
    let date = o.date(ck, "date");
    let mut all_ok = true;
    let mut parts = Vec::new();
    for (part_path, item) in o.items(ck, "parts") {
        let part = ck.object(item, part_path, PART_FIELDS).and_then(|p| {
            let label = p.text(ck, "label");
            let amount = p.whole(ck, "amount");
            Some(MoneyPart {
                label: label?,
                amount: amount?,
            })
        });
        match part {
            Some(p) => parts.push(p),
            None => all_ok = false,
        }
    }
    let mut converted = Vec::new();
    for (conv_path, item) in o.items(ck, "converted") {
        let conv = ck.object(item, conv_path, CONVERTED_FIELDS).and_then(|c| {
            let amount = c.whole(ck, "amount");
            let cur = currency(ck, &c, "currency");
            let as_of = c.date(ck, "as_of");
            let sources = c.sources(ck);
            Some(Converted {
                amount: amount?,
                currency: cur?,
                as_of: as_of?,
                sources: sources?,
            })
        });
        match conv {
            Some(c) => converted.push(c),
            None => all_ok = false,
        }
    }
    let note = o.opt_text(ck, "note");
    let sources = o.sources(ck);
    if !all_ok {
        return None;
    }
    Some(Money {
        note: note?,
        id: id?,
        kind: kind?,
        subject: subject?,
        amount: amount?,
        currency: currency_code?,
        approximate: approximate?,
        date: date?,
        parts,
        converted,
        sources: sources?,
    })
}

fn correction(ck: &mut Checker, v: &Json, path: String, ids: &mut Ids) -> Option<Correction> {
    let o = ck.object(v, path, CORRECTION_FIELDS)?;
    let id = o.id(ck, "id");
    let id = ids.add(ck, id, o.at("id"));
    let claim = o.text(ck, "claim");
    let correct = o.text(ck, "correct");
    let seen_in = o.text(ck, "seen_in");
    let sources = o.sources(ck);
    Some(Correction {
        id: id?,
        claim: claim?,
        correct: correct?,
        seen_in: seen_in?,
        sources: sources?,
    })
}
