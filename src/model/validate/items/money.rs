//! Amounts of money: currencies, parts and conversions.

use super::super::reader::*;
use super::super::*;
use super::counts::figure;

pub(super) fn currency(ck: &mut Checker, o: &Obj, key: &str) -> Option<String> {
    let s = o.string(ck, key)?;
    if s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase()) {
        Some(s)
    } else {
        ck.report(
            o.at(key),
            Problem::NotOneOf {
                found: crate::model::json::quote(&s),
                allowed: &["a three-letter ISO 4217 code such as KRW or USD"],
            },
        );
        None
    }
}

pub(in crate::model::validate) fn money_item(
    ck: &mut Checker,
    v: &Json,
    path: String,
    ids: &mut Ids,
) -> Option<Money> {
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
