//! Counts and comparisons, and the figure each count or amount gives in exactly one form.

use super::super::reader::*;
use super::super::*;

/// A count's `value` or an amount's `amount` (`field`), or its bounds, or `"disclosed": false`:
/// exactly one form.
pub(super) fn figure(ck: &mut Checker, o: &Obj, field: &'static str) -> Option<Figure> {
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

pub(in crate::model::validate) fn count(
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

pub(in crate::model::validate) fn comparison(
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
