//! Everything said about the dataset's change log: "Updated …" under the headline, each change
//! as a sentence ("Count revised from 4,536 to 33.7 million accounts", "Event added: …"), and
//! what the live explainer says when a newer version replaces the one on screen.

use super::charts::{figure_text, money_text, unpunctuated};
use super::claims::{bound_text, claim_range};
use super::{cite, source_title};
use crate::format::{self, particle, Particle};
use crate::model::{
    Bound, Change, ChangeKind, ChangeList, Claim, Count, End, Figure, Lang, Precision, Status,
    Story, StoryDate,
};

/// `date` moved into the story's zone (`offset` minutes east of UTC): a time given in another
/// offset is said as the story's clock shows it, never in the reader's zone.
fn in_zone(date: &StoryDate, offset: i32) -> StoryDate {
    if date.precision != Precision::Minute || date.offset == offset {
        return *date;
    }
    let minutes = date.first_day() * 1440 + i64::from(date.minute) - i64::from(date.offset)
        + i64::from(offset);
    let (year, month, day) = crate::model::date::civil_from_days(minutes.div_euclid(1440));
    StoryDate {
        year,
        month,
        day,
        minute: minutes.rem_euclid(1440) as u32,
        offset,
        ..*date
    }
}

/// "Updated 11 June 2026, 20:00 UTC" / "2026년 6월 11일 오후 8시(UTC) 업데이트"; none without
/// `updated`.
pub fn updated(d: &Story, lang: Lang) -> Option<String> {
    let when = in_zone(d.updated.as_ref()?, d.zone.offset);
    let text = format::date(lang, &when, d.zone.label.get(lang));
    Some(match lang {
        Lang::En => format!("Updated {text}"),
        // The Korean clock does not name its zone; the label follows it.
        Lang::Ko => format!("{text}({}) 업데이트", d.zone.label.get(lang)),
    })
}

/// The machine-readable `datetime` of `updated`, as the file gives it.
pub fn updated_iso(d: &Story) -> Option<String> {
    d.updated.as_ref().map(StoryDate::iso)
}

/// When a change was made, at its precision: "29 November 2025".
pub fn change_when(d: &Story, lang: Lang, c: &Change) -> String {
    let at = in_zone(&c.at, d.zone.offset);
    format::date(lang, &at, d.zone.label.get(lang))
}

fn verb(lang: Lang, kind: ChangeKind) -> &'static str {
    match (lang, kind) {
        (Lang::En, ChangeKind::Added) => "added",
        (Lang::En, ChangeKind::Revised) => "revised",
        (Lang::En, ChangeKind::Corrected) => "corrected",
        (Lang::En, ChangeKind::Removed) => "removed",
        (Lang::Ko, ChangeKind::Added) => "추가",
        (Lang::Ko, ChangeKind::Revised) => "수정",
        (Lang::Ko, ChangeKind::Corrected) => "정정",
        (Lang::Ko, ChangeKind::Removed) => "삭제",
    }
}

/// What kind of item a list holds, as the subject of a change: "Event", "사건".
fn noun(lang: Lang, list: ChangeList) -> &'static str {
    match (lang, list) {
        (Lang::En, ChangeList::Events) => "Event",
        (Lang::En, ChangeList::Counts) => "Count",
        (Lang::En, ChangeList::Exposure) => "Account of the exposure",
        (Lang::En, ChangeList::Sources) => "Source",
        (Lang::En, ChangeList::Money) => "Amount",
        (Lang::En, ChangeList::DataClasses) => "Kind of data",
        (Lang::En, ChangeList::Corrections) => "Correction",
        (Lang::Ko, ChangeList::Events) => "사건",
        (Lang::Ko, ChangeList::Counts) => "수치",
        (Lang::Ko, ChangeList::Exposure) => "노출 기간 설명",
        (Lang::Ko, ChangeList::Sources) => "출처",
        (Lang::Ko, ChangeList::Money) => "금액",
        (Lang::Ko, ChangeList::DataClasses) => "유출 정보 항목",
        (Lang::Ko, ChangeList::Corrections) => "정정 항목",
    }
}

/// The item's own name, as the page shows it: an event's title, a count with its unit…
fn item_name(d: &Story, lang: Lang, list: ChangeList, index: usize) -> Option<String> {
    Some(match list {
        ChangeList::Events => d.events.get(index)?.title.get(lang).to_string(),
        ChangeList::Counts => count_name(lang, d.counts.get(index)?),
        ChangeList::Exposure => d.exposure.claims.get(index)?.by.get(lang).to_string(),
        ChangeList::Sources => source_title(d.sources.get(index)?),
        ChangeList::Money => {
            let m = d.money.get(index)?;
            format!(
                "{}, {}",
                unpunctuated(m.subject.get(lang)),
                money_text(lang, m)
            )
        }
        ChangeList::DataClasses => d.data_classes.get(index)?.label.get(lang).to_string(),
        // The wrong claim a correction puts right, quoted: never said as if it were a fact.
        ChangeList::Corrections => {
            let claim = unpunctuated(d.corrections.get(index)?.claim.get(lang));
            match lang {
                Lang::En => format!("\u{201c}{claim}\u{201d}"),
                Lang::Ko => format!("‘{claim}’"),
            }
        }
    })
}

/// "from A to B" / "A에서 B로".
fn from_to(lang: Lang, from: &str, to: &str) -> String {
    match lang {
        Lang::En => format!("from {from} to {to}"),
        Lang::Ko => format!("{from}에서 {}", particle(to, Particle::Direction)),
    }
}

/// A count's name in a change: what was counted, then the figure ("Additional customer accounts
/// affected, +165,455 accounts"): a figure alone never says what it counts.
fn count_name(lang: Lang, c: &Count) -> String {
    format!(
        "{}, {}",
        unpunctuated(c.subject.get(lang)),
        figure_text(lang, c)
    )
}

/// Whether a figure is a bound or range rather than one number: a change between the two is
/// said as "now … ; earlier …", never as a move up or down.
fn is_bound(f: &Figure) -> bool {
    // "Not disclosed" is no figure to move from or to: "now not disclosed; earlier 4,536".
    matches!(
        f,
        Figure::AtLeast(_) | Figure::AtMost(_) | Figure::Between(..) | Figure::NotDisclosed
    )
}

/// A revised count said against the one it replaces, naming what was counted: "Customer
/// accounts exposed, from 4,536 to about 33.7 million accounts"; in full on both sides when
/// the units differ (a new finding, not a new total); "still …" when the figure did not move;
/// "now at least 800 million records; earlier about 885 million records" when a bound replaces
/// a figure or the other way round.
fn count_from_to(d: &Story, lang: Lang, old: usize, new: usize) -> Option<String> {
    let (a, b) = (d.counts.get(old)?, d.counts.get(new)?);
    let subject = unpunctuated(b.subject.get(lang));
    let to = figure_text(lang, b);
    let full_from = figure_text(lang, a);
    if full_from == to {
        return Some(match lang {
            Lang::En => format!("{subject}, still {to}"),
            Lang::Ko => format!("{subject}, 여전히 {to}"),
        });
    }
    if is_bound(&a.value) != is_bound(&b.value) || (is_bound(&a.value) && a.value != b.value) {
        return Some(match lang {
            Lang::En => format!("{subject}, now {to}; earlier {full_from}"),
            Lang::Ko => format!("{subject}, 현재 {to}(이전 {full_from})"),
        });
    }
    // "from 4,536 to 33.7 million accounts": the unit once, when both are exact in one unit.
    let from = match (lang, a.value, a.unit == b.unit) {
        (Lang::En, Figure::Exact(n), true) => {
            format::approx(lang, a.approximate, format::compact(lang, n))
        }
        _ => full_from,
    };
    Some(format!("{subject}, {}", from_to(lang, &from, &to)))
}

/// Whether two dates name the same time at their precisions (8 November lies in November).
fn same_period(a: &StoryDate, b: &StoryDate, zone: i32) -> bool {
    let inside = |x: &StoryDate, y: &StoryDate| {
        x.start(zone) >= y.start(zone) && x.end(zone) <= y.end(zone).max(y.start(zone))
    };
    a == b || inside(a, b) || inside(b, a)
}

/// Whether two bounds say the same: the same kind of bound on the same period.
fn same_bound(a: &Bound, b: &Bound, zone: i32) -> bool {
    std::mem::discriminant(a) == std::mem::discriminant(b) && same_period(a.date(), b.date(), zone)
}

fn same_end(a: &End, b: &End, zone: i32) -> bool {
    match (a, b) {
        (End::At(x), End::At(y)) => same_bound(x, y, zone),
        _ => a == b,
    }
}

/// An end in words: its date or bound, or what is known of it ("may be continuing").
fn end_text(lang: Lang, c: &Claim, zone: &str) -> String {
    match &c.end {
        End::At(b) => bound_text(lang, b, zone),
        End::Ongoing | End::Unknown | End::NotStated => claim_range(lang, c, zone, false).0,
    }
}

/// A revised account of the exposure against the one it replaces: "Start of access revised from
/// 24 June 2025 to April 2025"; the end, or the whole period, when that is what moved.
fn claim_from_to(d: &Story, lang: Lang, kind: ChangeKind, old: &Claim, new: &Claim) -> String {
    let zone = d.zone.label.get(lang);
    let z = d.zone.offset;
    let v = verb(lang, kind);
    // What moved, named by what the window measures: "Start of access", "End of the exposure".
    let (en, ko) = (
        super::measures::short(Lang::En, new.measures),
        super::measures::label(Lang::Ko, new.measures),
    );
    let (what_en, what_ko, from, to) = match (
        same_bound(&old.start, &new.start, z),
        same_end(&old.end, &new.end, z),
    ) {
        (false, true) => (
            format!("Start of {en}"),
            format!("{ko} 시작 시점"),
            bound_text(lang, &old.start, zone),
            bound_text(lang, &new.start, zone),
        ),
        (true, false) => (
            format!("End of {en}"),
            format!("{ko} 종료 시점"),
            end_text(lang, old, zone),
            end_text(lang, new, zone),
        ),
        _ => (
            format!("Period of {en}"),
            format!("{ko} 기간"),
            claim_range(lang, old, zone, false).0,
            claim_range(lang, new, zone, false).0,
        ),
    };
    match lang {
        Lang::En => format!("{what_en} {v} {}", from_to(lang, &from, &to)),
        Lang::Ko => format!("{what_ko} {v}: {}", from_to(lang, &from, &to)),
    }
}

/// One change as a sentence, without a closing full stop: "Count revised from 4,536 to 33.7
/// million accounts", "Event added: Record PIPC fine", "Event removed" / "수치 수정: 4,536개
/// 계정에서 3,370만 개 계정으로", "사건 추가: …", "사건 삭제".
pub fn change_sentence(d: &Story, lang: Lang, c: &Change) -> String {
    let list = c.about.list;
    let v = verb(lang, c.kind);
    // A figure that is not the breach's own is never announced as a count.
    let context = list == ChangeList::Counts
        && c.about
            .index
            .and_then(|i| d.counts.get(i))
            .is_some_and(|x| x.status == Status::Context);
    // A party's claim is announced as a claim, never as a count.
    let claim = list == ChangeList::Counts
        && c.about
            .index
            .and_then(|i| d.counts.get(i))
            .is_some_and(|x| x.status == Status::DisputedClaim);
    let n = match (context, claim, lang) {
        (true, _, Lang::En) => "Figure for comparison",
        (true, _, Lang::Ko) => "비교용 수치",
        (_, true, Lang::En) => "Claim (unverified)",
        (_, true, Lang::Ko) => "검증되지 않은 주장",
        _ => noun(lang, list),
    };
    let current = c.about.index.filter(|_| c.kind != ChangeKind::Removed);
    let replaced = c.replaces.as_ref().and_then(|r| r.index);
    // Said against what it replaces, when there is one.
    if let (Some(new), Some(old)) = (current, replaced) {
        match list {
            ChangeList::Counts => {
                if let Some(ft) = count_from_to(d, lang, old, new) {
                    return format!("{n} {v}: {ft}");
                }
            }
            ChangeList::Exposure => {
                if let (Some(a), Some(b)) = (d.exposure.claims.get(old), d.exposure.claims.get(new))
                {
                    return claim_from_to(d, lang, c.kind, a, b);
                }
            }
            ChangeList::Money => {
                if let (Some(a), Some(b)) = (d.money.get(old), d.money.get(new)) {
                    // One amount re-estimated: its name once, then what moved.
                    let (from, to) = (money_text(lang, a), money_text(lang, b));
                    let subject = unpunctuated(b.subject.get(lang));
                    let moved = if from == to {
                        match lang {
                            Lang::En => format!("still {to}"),
                            Lang::Ko => format!("여전히 {to}"),
                        }
                    } else if is_bound(&a.amount) || is_bound(&b.amount) {
                        match lang {
                            Lang::En => format!("now {to}; earlier {from}"),
                            Lang::Ko => format!("현재 {to}(이전 {from})"),
                        }
                    } else {
                        from_to(lang, &from, &to)
                    };
                    if a.subject == b.subject || a.series == b.series || from == to {
                        return format!("{n} {v}: {subject}, {moved}");
                    }
                }
                if let (Some(a), Some(b)) =
                    (item_name(d, lang, list, old), item_name(d, lang, list, new))
                {
                    return format!("{n} {v}: {}", from_to(lang, &a, &b));
                }
            }
            _ => {
                if let (Some(a), Some(b)) =
                    (item_name(d, lang, list, old), item_name(d, lang, list, new))
                {
                    let ft = from_to(lang, &a, &b);
                    return match lang {
                        Lang::En => format!("{n} {v} {ft}"),
                        Lang::Ko => format!("{n} {v}: {ft}"),
                    };
                }
            }
        }
    }
    // An entry the item's figure has moved on from since names what was counted or paid, not
    // today's figure, which it never said.
    let moved_on = d
        .changes
        .iter()
        .skip_while(|x| !std::ptr::eq(*x, c))
        .skip(1)
        .any(|x| {
            x.about.list == list
                && x.about.id == c.about.id
                && matches!(x.kind, ChangeKind::Revised | ChangeKind::Corrected)
        });
    let name = |i: usize| match list {
        ChangeList::Counts if moved_on => Some(d.counts.get(i)?.subject.get(lang).to_string()),
        ChangeList::Money if moved_on => Some(d.money.get(i)?.subject.get(lang).to_string()),
        _ => item_name(d, lang, list, i),
    };
    match current.and_then(name) {
        Some(name) => format!("{n} {v}: {}", unpunctuated(&name)),
        // A running record: the entry stays when its item is later removed.
        None if c.kind != ChangeKind::Removed => match lang {
            Lang::En => format!("{n} {v} (since removed)"),
            Lang::Ko => format!("{n} {v}(이후 삭제됨)"),
        },
        None => format!("{n} {v}"),
    }
}

/// The change in the list: its sentence, its note and its sources' numbers: "Count revised
/// from 4,536 to 33.7 million accounts. The revised disclosure. [3, 14]".
pub fn change_line(d: &Story, lang: Lang, c: &Change) -> String {
    let mut line = change_sentence(d, lang, c);
    if let Some(note) = &c.note {
        line.push_str(". ");
        line.push_str(&unpunctuated(note.get(lang)));
    }
    line.push_str(". ");
    line.push_str(&cite(&c.sources));
    line
}

/// The line under the headline: when the dataset was updated (in words and as a `datetime`),
/// and its latest change.
pub struct UpdatedLine {
    pub when: String,
    pub datetime: String,
    pub latest: Option<String>,
}

/// "Updated 11 June 2026, 20:00 UTC. Event added: …"; none without `updated`.
pub fn updated_line(d: &Story, lang: Lang) -> Option<UpdatedLine> {
    Some(UpdatedLine {
        when: updated(d, lang)?,
        datetime: updated_iso(d).unwrap_or_default(),
        latest: latest(d, lang),
    })
}

/// One entry of "What changed": when (in words and as a `datetime`), its sentence with its
/// full stop, the author's note, and the citations.
pub struct Entry {
    pub datetime: String,
    pub when: String,
    pub sentence: String,
    pub note: Option<String>,
    pub cite: String,
}

/// The change log, newest first, in words.
pub fn entries(d: &Story, lang: Lang) -> Vec<Entry> {
    d.newest_first
        .iter()
        .filter_map(|&i| {
            let c = d.changes.get(i)?;
            Some(Entry {
                datetime: c.at.html_datetime(),
                when: change_when(d, lang, c),
                sentence: format!("{}.", change_sentence(d, lang, c)),
                note: c
                    .note
                    .as_ref()
                    .map(|n| format!("{}.", super::charts::unpunctuated(n.get(lang)))),
                cite: cite(&c.sources),
            })
        })
        .collect()
}

/// The latest change as a sentence with its full stop, for under the headline.
pub fn latest(d: &Story, lang: Lang) -> Option<String> {
    d.latest_change()
        .map(|c| format!("{}.", change_sentence(d, lang, c)))
}

/// The visible note after a newer version replaced the one on screen: "Updated just now: Event
/// added: Record PIPC fine." / "방금 업데이트됨: …".
pub fn updated_now(d: &Story, lang: Lang) -> String {
    updated_ago(d, lang, 0)
}

/// The same note as it ages while the reader stays: "Updated 5 minutes ago: …", "Updated 2
/// hours ago: …" / "5분 전 업데이트됨: …".
pub fn updated_ago(d: &Story, lang: Lang, minutes: u32) -> String {
    let (hours, days) = (minutes / 60, minutes / (24 * 60));
    let when = match lang {
        Lang::En => match (minutes, hours, days) {
            (0, ..) => "just now".to_string(),
            (m, 0, _) => format!("{} ago", format::plural_en(m.into(), "minute", "minutes")),
            (_, h, 0) => format!("{} ago", format::plural_en(h.into(), "hour", "hours")),
            (.., n) => format!("{} ago", format::plural_en(n.into(), "day", "days")),
        },
        Lang::Ko => match (minutes, hours, days) {
            (0, ..) => "방금".to_string(),
            (m, 0, _) => format!("{m}분 전"),
            (_, h, 0) => format!("{h}시간 전"),
            (.., n) => format!("{n}일 전"),
        },
    };
    let what = latest(d, lang);
    match (lang, what) {
        (Lang::En, Some(w)) => format!("Updated {when}: {w}"),
        (Lang::En, None) => format!("Updated {when}."),
        (Lang::Ko, Some(w)) => format!("{when} 업데이트됨: {w}"),
        (Lang::Ko, None) => format!("{when} 업데이트됨."),
    }
}

/// Said when the event a reader had open is gone from the newer version.
pub fn selection_removed(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "The event you had open was removed in this update.",
        Lang::Ko => "열어 두신 사건은 이번 업데이트에서 삭제됐습니다.",
    }
}
