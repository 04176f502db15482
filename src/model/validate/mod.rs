//! From a JSON tree to a [`Dataset`], reporting every problem at once with its JSON path.
//!
//! The walk never stops at the first problem: each field is checked on its own, a broken item
//! is left out of the result, and the list of issues names all of them. Nothing here can panic
//! on any input.

use super::date::StoryDate;
use super::issue::{Expected, Issue, Problem};
use super::json::Json;
use super::*;
use std::collections::BTreeMap;

mod items;
mod reader;

use items::*;
use reader::*;
pub use reader::{is_language_tag, is_web_address};

/// The top-level fields in the order the format documents them (the sheets write this order).
pub const TOP_FIELDS: &[&str] = &[
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
    "updated",
    "changes",
];

pub(super) const ZONE_FIELDS: &[&str] = &["offset", "label"];

pub(super) const BREACH_FIELDS: &[&str] =
    &["organisation", "country", "title", "summary", "credit"];

pub(super) const SOURCE_FIELDS: &[&str] = &[
    "id",
    "publisher",
    "title",
    "title_kind",
    "lang",
    "url",
    "published",
    "via",
];

pub(super) const EXPOSURE_FIELDS: &[&str] = &["claims", "preferred"];

pub(super) const CLAIM_FIELDS: &[&str] = &[
    "id", "by", "measures", "status", "start", "end", "note", "sources",
];

pub(super) const BOUND_FIELDS: &[&str] = &["no_later_than", "no_earlier_than"];

pub(super) const EVENT_FIELDS: &[&str] = &[
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

pub(super) const ALTERNATIVE_FIELDS: &[&str] = &["date", "by", "note", "sources"];

pub(super) const COUNT_FIELDS: &[&str] = &[
    "id",
    "series",
    "subject",
    "value",
    "at_least",
    "at_most",
    "disclosed",
    "approximate",
    "unit",
    "as_of",
    "reported_by",
    "status",
    "lead",
    "adds_to",
    "note",
    "sources",
];

pub(super) const COMPARISON_FIELDS: &[&str] = &["id", "title", "counts", "mixed_units"];

pub(super) const DATA_CLASS_FIELDS: &[&str] = &["id", "label", "exposed", "advice", "sources"];

pub(super) const MONEY_FIELDS: &[&str] = &[
    "id",
    "series",
    "kind",
    "subject",
    "amount",
    "at_least",
    "at_most",
    "disclosed",
    "currency",
    "approximate",
    "date",
    "parts",
    "converted",
    "status",
    "note",
    "sources",
];

pub(super) const PART_FIELDS: &[&str] = &["label", "amount"];

pub(super) const CONVERTED_FIELDS: &[&str] = &["amount", "currency", "as_of", "sources"];

pub(super) const CORRECTION_FIELDS: &[&str] = &["id", "claim", "correct", "seen_in", "sources"];

pub(super) const CHANGE_FIELDS: &[&str] = &["at", "kind", "about", "replaces", "note", "sources"];

codes! {
    /// The versions of the format this validator reads.
    pub enum FormatVersion {
        V1 = "breach-explainer/1",
    }
}

pub const FORMAT: &str = "breach-explainer/1";

/// Whole numbers above 2^53 cannot be told apart in JSON readers; no breach count gets there.
pub(super) const MAX_WHOLE: f64 = 9_007_199_254_740_991.0;

/// Validates a parsed dataset. `Err` holds every problem found, in file order by section.
pub fn validate(root: &Json) -> Result<Dataset, Vec<Issue>> {
    let mut ck = Checker {
        issues: Vec::new(),
        languages: Vec::new(),
        source_ids: BTreeMap::new(),
        offset: None,
    };
    let Some(top) = ck.object(root, String::new(), TOP_FIELDS) else {
        return Err(ck.issues);
    };

    if let Some(v) = top.need(&mut ck, "format", Expected::String) {
        ck.code::<FormatVersion>(v, top.at("format"));
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
                    what: Counted::Language,
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
                    what: Counted::Source,
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
    ck.offset = zone.as_ref().map(|z| z.offset);

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
                    what: Counted::Event,
                },
            );
        }
        for (path, item) in items {
            if let Some(e) = event(&mut ck, item, path.clone(), &mut ids, zone_offset) {
                if let Some(m) = e.milestone {
                    if let Some((_, first)) = milestones.iter().find(|(seen, _)| *seen == m) {
                        let code = m.code();
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
    too_many(&mut ck, &top, "counts");
    too_many(&mut ck, &top, "money");
    let mut lead_at: Option<String> = None;
    for (path, item) in top.items(&mut ck, "counts") {
        if let Some((c, adds_to)) = count(&mut ck, item, path.clone(), &mut count_ids) {
            if let Some(target) = adds_to {
                additions.push((counts.len(), target, join(&path, "adds_to")));
            }
            if c.lead {
                match &lead_at {
                    Some(first) => ck.report(
                        join(&path, "lead"),
                        Problem::LeadTwice {
                            first: first.clone(),
                        },
                    ),
                    None => lead_at = Some(join(&path, "lead")),
                }
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

    // The change log last: it names items of every list above.
    let updated = match top.get("updated") {
        None => Some(None),
        Some(v) => ck.date(v, "updated".into()).and_then(|d| {
            if d.precision == Precision::Minute {
                Some(Some(d))
            } else {
                ck.wrong_type("updated".into(), Expected::DateTime, v);
                None
            }
        }),
    };
    let mut changes = Vec::new();
    {
        // A list with a broken item has its own problem; references into it are not checked
        // (they would only repeat it).
        let given = |list: &Json| match list {
            Json::Array(items) => items.len(),
            _ => usize::MAX,
        };
        let whole = |key: &str, got: usize| -> bool { top.get(key).map_or(0, given) == got };
        let claims_given = top
            .get("exposure")
            .and_then(|e| match e {
                Json::Object(fields) => fields
                    .iter()
                    .find(|(k, _)| k == "claims")
                    .map(|(_, v)| given(v)),
                _ => None,
            })
            .unwrap_or(usize::MAX);
        let ids = ListIds {
            events: whole("events", events.len())
                .then(|| events.iter().map(|e| e.id.as_str()).collect()),
            counts: whole("counts", counts.len())
                .then(|| counts.iter().map(|c| c.id.as_str()).collect()),
            exposure: exposure
                .as_ref()
                .filter(|x| x.claims.len() == claims_given)
                .map(|x| x.claims.iter().map(|c| c.id.as_str()).collect()),
            sources: whole("sources", sources.len())
                .then(|| sources.iter().map(|s| s.id.as_str()).collect()),
            money: whole("money", money.len())
                .then(|| money.iter().map(|m| m.id.as_str()).collect()),
            data_classes: whole("data_classes", data_classes.len())
                .then(|| data_classes.iter().map(|c| c.id.as_str()).collect()),
            corrections: whole("corrections", corrections.len())
                .then(|| corrections.iter().map(|c| c.id.as_str()).collect()),
        };
        // A running record: an entry may name an item the log says was removed, before or
        // after it (its "added" entry stays when the item goes).
        let field = |e: &Json, key: &str| match e {
            Json::Object(fields) => {
                fields
                    .iter()
                    .find(|(k, _)| k == key)
                    .and_then(|(_, v)| match v {
                        Json::String(s) => Some(s.clone()),
                        _ => None,
                    })
            }
            _ => None,
        };
        let removed: Vec<String> = match top.get("changes") {
            Some(Json::Array(entries)) => entries
                .iter()
                .filter(|e| field(e, "kind").as_deref() == Some("removed"))
                .filter_map(|e| field(e, "about"))
                .collect(),
            _ => Vec::new(),
        };
        for (path, item) in top.items(&mut ck, "changes") {
            if let Some(c) = change(&mut ck, item, path, &ids, &removed) {
                changes.push(c);
            }
        }
    }
    if top.get("changes").is_some() && top.get("updated").is_none() {
        ck.report(
            "updated".into(),
            Problem::Missing {
                expected: Expected::DateTime,
            },
        );
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
            updated: updated.flatten(),
            changes,
        }),
        // Every None above was reported; this arm only keeps the function total.
        _ => Err(ck.issues),
    }
}

/// The most counts, or amounts, one explainer shows: each is a bar, a table row and a sentence,
/// and 10,000 made 200,000 nodes on a reader's phone.
pub const MOST_FIGURES: usize = 200;

fn too_many(ck: &mut Checker, top: &Obj, list: &'static str) {
    let found = match top.get(list) {
        Some(Json::Array(items)) => items.len(),
        _ => return,
    };
    if found > MOST_FIGURES {
        ck.report(
            list.into(),
            Problem::TooMany {
                max: MOST_FIGURES,
                found,
                what: list,
            },
        );
    }
}
