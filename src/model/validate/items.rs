//! One reader per kind of item: each checks its fields, reports what is wrong with its path,
//! and returns the item only when all of it is usable.
//!
//! This file holds the readers of the simple lists (sources, events, kinds of data,
//! corrections); the lists with more to check have a file each: `exposure` (claims and their
//! bounded dates), `counts` (figures, counts and comparisons), `money`, `changes`.

use super::reader::*;
use super::*;

mod changes;
mod counts;
mod exposure;
mod money;

pub(super) use changes::{change, ListIds};
pub(super) use counts::{comparison, count};
pub(super) use exposure::exposure;
pub(super) use money::money_item;

pub(super) fn source(ck: &mut Checker, v: &Json, path: String, ids: &mut Ids) -> Option<Source> {
    let o = ck.object(v, path.clone(), SOURCE_FIELDS)?;
    let id = o.id(ck, "id");
    let id = ids.add(ck, id, o.at("id"));
    let publisher = o.string(ck, "publisher");
    let title = o.string(ck, "title");
    let url = o
        .need(ck, "url", Expected::Url)
        .and_then(|v| ck.url(v, o.at("url")));
    let title_kind = o.opt_code::<TitleKind>(ck, "title_kind");
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
        title_kind: title_kind?.unwrap_or_default(),
        lang: lang?,
        url: url?,
        published: published?,
        via: via?,
    })
}

pub(super) fn event(
    ck: &mut Checker,
    v: &Json,
    path: String,
    ids: &mut Ids,
    zone: i32,
) -> Option<Event> {
    let o = ck.object(v, path, EVENT_FIELDS)?;
    let id = o.id(ck, "id");
    let id = ids.add(ck, id, o.at("id"));
    let date = o.date(ck, "date");
    let end = o.opt_date(ck, "end");
    if let (Some(s), Some(Some(e))) = (&date, &end) {
        check_span(ck, s, e, o.at("end"), zone);
    }
    let lane = o.code::<Lane>(ck, "lane");
    let title = o.text(ck, "title");
    let detail = o.text(ck, "detail");
    let confidence = o.code::<Confidence>(ck, "confidence");
    let milestone = o.opt_code::<Milestone>(ck, "milestone");
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

pub(super) fn alternative(ck: &mut Checker, v: &Json, path: String) -> Option<Alternative> {
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

pub(super) fn data_class(
    ck: &mut Checker,
    v: &Json,
    path: String,
    ids: &mut Ids,
) -> Option<DataClass> {
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

pub(super) fn correction(
    ck: &mut Checker,
    v: &Json,
    path: String,
    ids: &mut Ids,
) -> Option<Correction> {
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
