//! The reading machinery: a checker that collects every problem with its path, per-field
//! accessors on one JSON object, id registers, and the small shape checks (web addresses,
//! language tags, spans).

use super::super::codes::Coded;
use super::super::date::{DateError, Precision, StoryDate};
use super::super::issue::{Expected, Issue, Problem};
use super::super::json::Json;
use super::super::*;
use super::MAX_WHOLE;
use std::collections::{BTreeMap, BTreeSet};

/// Carries what every check needs: the issues so far, the declared languages, the source ids.
pub(super) struct Checker {
    pub(super) issues: Vec<Issue>,
    pub(super) languages: Vec<Lang>,
    /// Source ids and their positions, looked up once per citation (a dataset can cite tens
    /// of thousands of times: a linear scan made checking quadratic).
    pub(super) source_ids: BTreeMap<String, usize>,
    /// The story's UTC offset in minutes, once read: what a time without one is offered.
    pub(super) offset: Option<i32>,
}

/// One JSON object being read, with its path.
pub(super) struct Obj<'a> {
    path: String,
    entries: &'a [(String, Json)],
}

pub(super) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

pub(super) fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

impl Checker {
    pub(super) fn report(&mut self, path: String, problem: Problem) {
        self.issues.push(Issue::new(path, problem));
    }

    pub(super) fn wrong_type(&mut self, path: String, expected: Expected, found: &Json) {
        self.report(
            path,
            Problem::WrongType {
                expected,
                found: found.describe(),
            },
        );
    }

    /// Opens an object, reporting unknown fields (typos) and keys given twice.
    pub(super) fn object<'a>(
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
                        suggestion: closest(key, known),
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

    pub(super) fn list<'a>(&mut self, value: &'a Json, path: &str) -> Option<&'a [Json]> {
        match value {
            Json::Array(items) => Some(items),
            other => {
                self.wrong_type(path.to_string(), Expected::List, other);
                None
            }
        }
    }

    pub(super) fn string(&mut self, value: &Json, path: String) -> Option<String> {
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

    pub(super) fn text(&mut self, value: &Json, path: String) -> Option<Text> {
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

    pub(super) fn date(&mut self, value: &Json, path: String) -> Option<StoryDate> {
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
                    DateError::NoOffset => Problem::NoOffset {
                        found,
                        with: self.offset.map(|o| {
                            let sign = if o < 0 { '-' } else { '+' };
                            let o = o.unsigned_abs();
                            super::json::quote(&format!("{s}{sign}{:02}:{:02}", o / 60, o % 60))
                        }),
                    },
                };
                self.report(path, problem);
                None
            }
        }
    }

    pub(super) fn whole(&mut self, value: &Json, path: String) -> Option<u64> {
        match value {
            Json::Number(n) if *n >= 0.0 && n.fract() == 0.0 && *n <= MAX_WHOLE => Some(*n as u64),
            Json::Number(n) => {
                let found = crate::model::json::plain_number(*n);
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

    pub(super) fn boolean(&mut self, value: &Json, path: String) -> Option<bool> {
        match value {
            Json::Bool(b) => Some(*b),
            other => {
                self.wrong_type(path, Expected::Boolean, other);
                None
            }
        }
    }

    pub(super) fn id(&mut self, value: &Json, path: String) -> Option<String> {
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

    /// A coded value (`"breach"`, `"high"`…) as its enum variant, or a problem listing the codes.
    pub(super) fn code<T: Coded>(&mut self, value: &Json, path: String) -> Option<T> {
        let s = self.string(value, path.clone())?;
        let found = T::from_code(&s);
        let allowed = T::CODES;
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

    pub(super) fn url(&mut self, value: &Json, path: String) -> Option<String> {
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

    pub(super) fn sources(&mut self, value: &Json, path: String) -> Option<Vec<SourceRef>> {
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

/// The known field `key` is most likely a typo of: within two edits (one for names of up to
/// three letters), a swap of neighbours counting as one, letter case ignored; the first of the
/// nearest in `known`.
pub fn closest(key: &str, known: &[&'static str]) -> Option<&'static str> {
    // Field names are ASCII, and Unicode case tables would cost every reader 4 KB of wasm.
    let key: Vec<char> = key.chars().map(|c| c.to_ascii_lowercase()).collect();
    let most = if key.len() <= 3 { 1 } else { 2 };
    // Names past this are no typo of a field name; so each comparison stays small.
    if key.len() > 40 {
        return None;
    }
    known
        .iter()
        .filter_map(|k| {
            let target: Vec<char> = k.chars().collect();
            let d = edit_distance(&key, &target);
            (d <= most && key.len().abs_diff(target.len()) <= most).then_some((d, *k))
        })
        .min_by_key(|&(d, _)| d)
        .map(|(_, k)| k)
}

/// Edits (insert, delete, replace, or swap two neighbours) from `a` to `b`: the optimal string
/// alignment distance.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for (i, row) in d.chunks_mut(width).enumerate() {
        if let Some(first) = row.first_mut() {
            *first = i;
        }
    }
    for (j, cell) in d.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
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
    pub(super) fn get(&self, key: &str) -> Option<&'a Json> {
        self.entries
            .iter()
            .find(|(k, v)| k == key && !matches!(v, Json::Null))
            .map(|(_, v)| v)
    }

    pub(super) fn at(&self, key: &str) -> String {
        join(&self.path, key)
    }

    /// A required field: reports it missing with what was expected.
    pub(super) fn need(&self, ck: &mut Checker, key: &str, expected: Expected) -> Option<&'a Json> {
        let v = self.get(key);
        if v.is_none() {
            ck.report(self.at(key), Problem::Missing { expected });
        }
        v
    }

    pub(super) fn text(&self, ck: &mut Checker, key: &str) -> Option<Text> {
        let v = self.need(ck, key, Expected::Text)?;
        ck.text(v, self.at(key))
    }
    /// An optional text: `Some(None)` when absent, `None` when present but wrong.
    pub(super) fn opt_text(&self, ck: &mut Checker, key: &str) -> Option<Option<Text>> {
        match self.get(key) {
            None => Some(None),
            Some(v) => ck.text(v, self.at(key)).map(Some),
        }
    }
    pub(super) fn string(&self, ck: &mut Checker, key: &str) -> Option<String> {
        let v = self.need(ck, key, Expected::String)?;
        ck.string(v, self.at(key))
    }
    pub(super) fn opt_string(&self, ck: &mut Checker, key: &str) -> Option<Option<String>> {
        match self.get(key) {
            None => Some(None),
            Some(v) => ck.string(v, self.at(key)).map(Some),
        }
    }
    pub(super) fn id(&self, ck: &mut Checker, key: &str) -> Option<String> {
        let v = self.need(ck, key, Expected::Id)?;
        ck.id(v, self.at(key))
    }
    pub(super) fn date(&self, ck: &mut Checker, key: &str) -> Option<StoryDate> {
        let v = self.need(ck, key, Expected::Date)?;
        ck.date(v, self.at(key))
    }
    pub(super) fn opt_date(&self, ck: &mut Checker, key: &str) -> Option<Option<StoryDate>> {
        match self.get(key) {
            None => Some(None),
            Some(v) => ck.date(v, self.at(key)).map(Some),
        }
    }
    pub(super) fn whole(&self, ck: &mut Checker, key: &str) -> Option<u64> {
        let v = self.need(ck, key, Expected::WholeNumber)?;
        ck.whole(v, self.at(key))
    }
    pub(super) fn flag(&self, ck: &mut Checker, key: &str) -> Option<bool> {
        match self.get(key) {
            None => Some(false),
            Some(v) => ck.boolean(v, self.at(key)),
        }
    }
    pub(super) fn code<T: Coded>(&self, ck: &mut Checker, key: &str) -> Option<T> {
        let v = self.need(ck, key, Expected::String)?;
        ck.code(v, self.at(key))
    }
    pub(super) fn opt_code<T: Coded>(&self, ck: &mut Checker, key: &str) -> Option<Option<T>> {
        match self.get(key) {
            None => Some(None),
            Some(v) => ck.code(v, self.at(key)).map(Some),
        }
    }
    pub(super) fn sources(&self, ck: &mut Checker) -> Option<Vec<SourceRef>> {
        match self.get("sources") {
            None => {
                ck.report(self.at("sources"), Problem::NoSources);
                None
            }
            Some(v) => ck.sources(v, self.at("sources")),
        }
    }
    /// Each item of an optional list, with its path; an absent list is empty.
    pub(super) fn items(&self, ck: &mut Checker, key: &str) -> Vec<(String, &'a Json)> {
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
pub(super) struct Ids {
    /// Each id, with its position in its list and the path where it was first given.
    by_id: BTreeMap<String, (usize, String)>,
}

impl Ids {
    pub(super) fn add(
        &mut self,
        ck: &mut Checker,
        id: Option<String>,
        path: String,
    ) -> Option<String> {
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

    pub(super) fn position(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).map(|(at, _)| *at)
    }

    pub(super) fn len(&self) -> usize {
        self.by_id.len()
    }

    pub(super) fn positions(&self) -> BTreeMap<String, usize> {
        self.by_id
            .iter()
            .map(|(id, (at, _))| (id.clone(), *at))
            .collect()
    }
}

/// Pairs `end` with `start` and reports an end before the start.
pub(super) fn check_span(
    ck: &mut Checker,
    start: &StoryDate,
    end: &StoryDate,
    path: String,
    zone: i32,
) {
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
                start: start.iso(),
                end: end.iso(),
            },
        );
    }
}
