//! The exposure window: the accounts (claims) of when the data was exposed, and their
//! bounded start and end dates.

use super::super::reader::*;
use super::super::*;

pub(in crate::model::validate) fn exposure(
    ck: &mut Checker,
    v: &Json,
    zone: i32,
) -> Option<Exposure> {
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
                what: Counted::Claim,
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
    // The window drawn is an account that stands, never one the story has moved past.
    if let Some((k, c)) = preferred.and_then(|k| Some((k, claims.get(k)?))) {
        if !c.status.is_current() {
            ck.report(
                format!("exposure.claims[{k}].status"),
                Problem::NotOneOf {
                    found: format!("\"{}\" (the preferred account)", c.status.code()),
                    allowed: &["reported", "disputed-claim"],
                },
            );
        }
    }
    Some(Exposure {
        claims,
        preferred: preferred?,
    })
}

pub(super) fn claim(
    ck: &mut Checker,
    v: &Json,
    path: String,
    ids: &mut Ids,
    zone: i32,
) -> Option<Claim> {
    let o = ck.object(v, path, CLAIM_FIELDS)?;
    let id = o.id(ck, "id");
    let id = ids.add(ck, id, o.at("id"));
    let by = o.text(ck, "by");
    // Files written before `measures` told of unauthorised access only.
    let measures = o
        .opt_code::<Measures>(ck, "measures")
        .map(|m| m.unwrap_or(Measures::Access));
    let status = o
        .opt_code::<Status>(ck, "status")
        .map(|s| s.unwrap_or(Status::Reported));
    let start = edge(ck, &o, "start", false).and_then(|e| e.bound().copied());
    let end = edge(ck, &o, "end", true);
    // An end is before the start only when its latest possible date is before the start's
    // earliest: "no later than" an end, or an exact one, against an exact start or one "no
    // earlier than".
    let latest_end = end.and_then(|e| match e {
        End::At(Bound::On(d) | Bound::NoLaterThan(d)) => Some(d),
        End::At(Bound::NoEarlierThan(_)) | End::Ongoing | End::Unknown | End::NotStated => None,
    });
    let earliest_start = start.and_then(|b| match b {
        Bound::On(d) | Bound::NoEarlierThan(d) => Some(d),
        Bound::NoLaterThan(_) => None,
    });
    if let (Some(s), Some(e)) = (&earliest_start, &latest_end) {
        check_span(ck, s, e, o.at("end"), zone);
    }
    let note = o.opt_text(ck, "note");
    let sources = o.sources(ck);
    Some(Claim {
        id: id?,
        by: by?,
        measures: measures?,
        status: status?,
        start: start?,
        end: end?,
        note: note?,
        sources: sources?,
    })
}

/// A claim's `start` or `end`: a date, `{"no_later_than": DATE}`, `{"no_earlier_than": DATE}`,
/// and for an end (`open`) also `"ongoing"`, `"unknown"` or `"not-stated"`.
fn edge(ck: &mut Checker, o: &Obj, key: &str, open: bool) -> Option<End> {
    let v = o.need(ck, key, Expected::Date)?;
    let path = o.at(key);
    match v {
        Json::String(s) if open && s == "ongoing" => Some(End::Ongoing),
        Json::String(s) if open && s == "unknown" => Some(End::Unknown),
        Json::String(s) if open && s == "not-stated" => Some(End::NotStated),
        Json::String(_) => ck.date(v, path).map(|d| End::At(Bound::On(d))),
        Json::Object(_) => {
            let b = ck.object(v, path.clone(), BOUND_FIELDS)?;
            match (b.get("no_later_than"), b.get("no_earlier_than")) {
                (Some(d), None) => ck
                    .date(d, b.at("no_later_than"))
                    .map(|d| End::At(Bound::NoLaterThan(d))),
                (None, Some(d)) => ck
                    .date(d, b.at("no_earlier_than"))
                    .map(|d| End::At(Bound::NoEarlierThan(d))),
                (Some(_), Some(_)) | (None, None) => {
                    ck.report(path, Problem::BoundForm { open });
                    None
                }
            }
        }
        other => {
            ck.report(path, Problem::BoundForm { open });
            let _ = other;
            None
        }
    }
}
