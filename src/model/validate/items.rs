//! One reader per kind of item: each checks its fields, reports what is wrong with its path,
//! and returns the item only when all of it is usable.

use super::reader::*;
use super::*;

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

pub(super) fn exposure(ck: &mut Checker, v: &Json, zone: i32) -> Option<Exposure> {
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

/// A count's `value` or an amount's `amount` (`field`), or its bounds, or `"disclosed": false`:
/// exactly one form.
fn figure(ck: &mut Checker, o: &Obj, field: &'static str) -> Option<Figure> {
    let forms: Vec<&'static str> = [field, "at_least", "at_most", "disclosed"]
        .into_iter()
        .filter(|k| o.get(k).is_some())
        .collect();
    // `at_least` with `at_most` is one form (a range); any other pair is two.
    let form_of = |k: &'static str| match k {
        "at_least" | "at_most" => "at_least",
        other => other,
    };
    let mut ok = true;
    if let Some(first) = forms.first() {
        for second in forms.iter().skip(1) {
            if form_of(second) != form_of(first) {
                ck.report(o.at(second), Problem::FigureTwice { first, second });
                ok = false;
            }
        }
    } else {
        ck.report(o.at(field), Problem::NoFigure { field });
        return None;
    }
    let exact = o.get(field).map(|v| ck.whole(v, o.at(field)));
    let low = o.get("at_least").map(|v| ck.whole(v, o.at("at_least")));
    let high = o.get("at_most").map(|v| ck.whole(v, o.at("at_most")));
    let disclosed = o.get("disclosed").map(|v| match v {
        Json::Bool(false) => Some(()),
        Json::Bool(true) => {
            ck.report(o.at("disclosed"), Problem::DisclosedNotFalse { field });
            None
        }
        other => {
            ck.wrong_type(o.at("disclosed"), Expected::Boolean, other);
            None
        }
    });
    if let (Some(Some(low)), Some(Some(high))) = (low, high) {
        if low > high {
            ck.report(o.at("at_most"), Problem::BoundsReversed { low, high });
            ok = false;
        }
    }
    if !ok {
        return None;
    }
    match (exact, low, high, disclosed) {
        (Some(n), None, None, None) => n.map(Figure::Exact),
        (None, Some(l), None, None) => l.map(Figure::AtLeast),
        (None, None, Some(h), None) => h.map(Figure::AtMost),
        (None, Some(l), Some(h), None) => Some(Figure::Between(l?, h?)),
        (None, None, None, Some(d)) => d.map(|()| Figure::NotDisclosed),
        // Two forms at once were reported above.
        _ => None,
    }
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

pub(super) fn count(
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
    let value = figure(ck, &o, "value");
    let approximate = o.flag(ck, "approximate");
    let unit = o.code::<Unit>(ck, "unit");
    let as_of = o.date(ck, "as_of");
    let reported_by = o.text(ck, "reported_by");
    let status = o
        .opt_code::<Status>(ck, "status")
        .map(|s| s.unwrap_or(Status::Reported));
    let lead = o.flag(ck, "lead");
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
            lead: lead?,
            adds_to: None,
            note: note?,
            sources: sources?,
        },
        adds_to,
    ))
}

pub(super) fn comparison(
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
                what: Counted::CountsToCompare,
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
            let code = c.unit.code();
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

pub(super) fn currency(ck: &mut Checker, o: &Obj, key: &str) -> Option<String> {
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

pub(super) fn money_item(ck: &mut Checker, v: &Json, path: String, ids: &mut Ids) -> Option<Money> {
    let o = ck.object(v, path, MONEY_FIELDS)?;
    let id = o.id(ck, "id");
    let id = ids.add(ck, id, o.at("id"));
    let series = match o.get("series") {
        None => Some(None),
        Some(v) => ck.id(v, o.at("series")).map(Some),
    };
    let kind = o.code::<MoneyKind>(ck, "kind");
    let subject = o.text(ck, "subject");
    let amount = figure(ck, &o, "amount");
    let status = o
        .opt_code::<Status>(ck, "status")
        .map(|s| s.unwrap_or(Status::Reported));
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
    let id = id?;
    Some(Money {
        note: note?,
        series: series?.unwrap_or_else(|| id.clone()),
        status: status?,
        id,
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

/// The ids of every list a change may name, in list order.
/// `None` for a list with a broken item (reported on its own).
pub(super) struct ListIds<'a> {
    pub(super) events: Option<Vec<&'a str>>,
    pub(super) counts: Option<Vec<&'a str>>,
    pub(super) exposure: Option<Vec<&'a str>>,
    pub(super) sources: Option<Vec<&'a str>>,
    pub(super) money: Option<Vec<&'a str>>,
    pub(super) data_classes: Option<Vec<&'a str>>,
    pub(super) corrections: Option<Vec<&'a str>>,
}

/// Where an id is in a list: `Ok(Some(i))`, `Ok(None)` when it is not there, `Err(())` when
/// the list cannot tell (one of its items is broken).
type Found = Result<Option<usize>, ()>;

impl ListIds<'_> {
    fn find(&self, list: ChangeList, id: &str) -> Found {
        let ids = match list {
            ChangeList::Events => &self.events,
            ChangeList::Counts => &self.counts,
            ChangeList::Exposure => &self.exposure,
            ChangeList::Sources => &self.sources,
            ChangeList::Money => &self.money,
            ChangeList::DataClasses => &self.data_classes,
            ChangeList::Corrections => &self.corrections,
        };
        ids.as_ref()
            .map(|ids| ids.iter().position(|x| *x == id))
            .ok_or(())
    }
}

/// The JSON path of a list a change names, as the checker's messages spell lists.
fn list_path(list: ChangeList) -> &'static str {
    match list {
        ChangeList::Exposure => "exposure.claims",
        other => other.code(),
    }
}

const ABOUT_FORMS: &[&str] = &[
    "\"events/<id>\"",
    "\"counts/<id>\"",
    "\"exposure/<claim id>\"",
    "\"sources/<id>\"",
    "\"money/<id>\"",
    "\"data_classes/<id>\"",
    "\"corrections/<id>\"",
];

pub(super) fn change(
    ck: &mut Checker,
    v: &Json,
    path: String,
    ids: &ListIds,
    removed: &[String],
) -> Option<Change> {
    let o = ck.object(v, path, CHANGE_FIELDS)?;
    let at = o.date(ck, "at");
    let kind = o.code::<ChangeKind>(ck, "kind");
    let about = o.need(ck, "about", Expected::String).and_then(|v| {
        let s = ck.string(v, o.at("about"))?;
        let parsed = s.split_once('/').and_then(|(list, id)| {
            let list = <ChangeList as super::super::codes::Coded>::from_code(list)?;
            Some((list, id.to_string()))
        });
        if parsed.is_none() {
            ck.report(
                o.at("about"),
                Problem::NotOneOf {
                    found: super::json::quote(&s),
                    allowed: ABOUT_FORMS,
                },
            );
        }
        let (list, id) = parsed?;
        let id = ck.id(&Json::String(id), o.at("about"))?;
        let found = ids.find(list, &id);
        let index = found.ok().flatten();
        // Only a removed item may be gone from its list (this entry, or another, says so).
        if found == Ok(None) && kind != Some(ChangeKind::Removed) && !removed.contains(&s) {
            ck.report(
                o.at("about"),
                Problem::UnknownReference {
                    id: id.clone(),
                    list: list_path(list),
                },
            );
            return None;
        }
        Some(ItemRef { list, id, index })
    });
    let replaces = match o.get("replaces") {
        None => Some(None),
        Some(v) => ck.id(v, o.at("replaces")).and_then(|id| {
            // In the list `about` names; when `about` is unusable its own problem says so.
            let list = about.as_ref()?.list;
            match ids.find(list, &id) {
                Ok(Some(i)) => Some(Some(ItemRef {
                    list,
                    id,
                    index: Some(i),
                })),
                // The dataset is refused for the broken item anyway.
                Err(()) => None,
                Ok(None) => {
                    ck.report(
                        o.at("replaces"),
                        Problem::UnknownReference {
                            id,
                            list: list_path(list),
                        },
                    );
                    None
                }
            }
        }),
    };
    let note = o.opt_text(ck, "note");
    let sources = o.sources(ck);
    Some(Change {
        at: at?,
        kind: kind?,
        about: about?,
        replaces: replaces?,
        note: note?,
        sources: sources?,
    })
}
