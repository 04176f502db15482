//! The change log: each change names an item of a list (`about`, `replaces`), checked
//! against the ids of every list.

use super::super::reader::*;
use super::super::*;

/// The ids of every list a change may name, in list order.
/// `None` for a list with a broken item (reported on its own).
pub(in crate::model::validate) struct ListIds<'a> {
    pub(in crate::model::validate) events: Option<Vec<&'a str>>,
    pub(in crate::model::validate) counts: Option<Vec<&'a str>>,
    pub(in crate::model::validate) exposure: Option<Vec<&'a str>>,
    pub(in crate::model::validate) sources: Option<Vec<&'a str>>,
    pub(in crate::model::validate) money: Option<Vec<&'a str>>,
    pub(in crate::model::validate) data_classes: Option<Vec<&'a str>>,
    pub(in crate::model::validate) corrections: Option<Vec<&'a str>>,
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

pub(in crate::model::validate) fn change(
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
            let list = <ChangeList as crate::model::codes::Coded>::from_code(list)?;
            Some((list, id.to_string()))
        });
        if parsed.is_none() {
            ck.report(
                o.at("about"),
                Problem::NotOneOf {
                    found: crate::model::json::quote(&s),
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
