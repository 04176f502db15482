//! Every sentence the explainer writes about the story, from typed facts, in each language: the
//! key figures, the text alternatives, the labels drawn on the timeline, event names, source
//! lines, and (in [`charts`]) everything said about the counts and the money.
//!
//! The rules that keep them true for any breach live here: spans are said at the precision of
//! their dates, zero and negative gaps are said as they are, plurals follow the number, and
//! units are named from the data. The page, the layout, the exports and the DOM module only
//! place these strings; none of them assembles a sentence of its own.

pub mod changes;
pub mod charts;
pub mod clusters;
pub mod measures;
mod span;
pub mod tables;
mod takeaways;

pub use span::{length, Length};

use crate::format::{self, particle, Particle};
use crate::i18n::{self, Ui};
use crate::model::figures::{claim_span, ChartKind, Span};
use crate::model::{
    Alternative, Bound, Claim, Confidence, End, Event, Lang, Milestone, Precision, Source,
    SourceRef, Story, StoryDate, TitleKind,
};

/// "[3, 7]": citations by number in the sources list.
pub fn cite(refs: &[SourceRef]) -> String {
    let nums: Vec<String> = refs.iter().map(|r| (r + 1).to_string()).collect();
    format!("[{}]", nums.join(", "))
}

/// A source's title as the reader sees it: a description the author wrote (not the published
/// headline) is shown in brackets.
pub fn source_title(s: &Source) -> String {
    match s.title_kind {
        TitleKind::Headline => s.title.clone(),
        TitleKind::Description => format!("[{}]", s.title),
    }
}

/// The language of a source's title: as the author gave it, else read off its script (Hangul
/// is Korean; other letters are taken as English, the language of most wire copy).
pub fn source_lang(s: &Source) -> String {
    if let Some(tag) = &s.lang {
        return tag.clone();
    }
    let hangul = s
        .title
        .chars()
        .any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c));
    if hangul { "ko" } else { "en" }.to_string()
}

/// "24 June – 8 November 2025", "April – November 2025", "2014 – 10 September 2018".
pub fn date_range(lang: Lang, from: &StoryDate, to: &StoryDate, zone: &str) -> String {
    let (a, b) = (format::date(lang, from, zone), format::date(lang, to, zone));
    if a == b {
        return a;
    }
    // Days or months of one year say the year once ("30–31 December 2025", "April – November
    // 2025" / "2025년 12월 30~31일", "2025년 4월~11월"); other precisions in full.
    let plain = |d: &StoryDate| matches!(d.precision, Precision::Day | Precision::Month);
    if plain(from) && from.precision == to.precision && from.year == to.year {
        let day = from.precision == Precision::Day;
        return match lang {
            Lang::En if day && from.month == to.month => format!("{}–{b}", from.day),
            // "24 June 2025" → "24 June", "April 2025" → "April".
            Lang::En => format!("{} – {b}", a.rsplit_once(' ').map_or(&*a, |(head, _)| head)),
            Lang::Ko if day && from.month == to.month => {
                format!("{}~{}일", a.trim_end_matches('일'), to.day)
            }
            Lang::Ko if day => format!("{a}~{}월 {}일", to.month, to.day),
            Lang::Ko => format!("{a}~{}월", to.month),
        };
    }
    match lang {
        Lang::En => format!("{a} – {b}"),
        Lang::Ko => format!("{a}~{b}"),
    }
}

/// "Confidence: high": how sure the sources are of an event.
pub fn confidence_line(lang: Lang, c: Confidence) -> String {
    format!(
        "{}: {}",
        i18n::ui(lang, Ui::Confidence),
        i18n::confidence(lang, c)
    )
}

/// Another account of an event's date: "Yonhap: 18 November 2025".
pub fn other_account(d: &Story, lang: Lang, a: &Alternative) -> String {
    let zone = d.zone.label.get(lang);
    format!("{}: {}", a.by.get(lang), format::date(lang, &a.date, zone))
}

/// When an event happened, with its end when it spans time.
pub fn event_when(d: &Story, lang: Lang, e: &Event) -> String {
    let zone = d.zone.label.get(lang);
    match &e.end {
        Some(end) => date_range(lang, &e.date, end, zone),
        None => format::date(lang, &e.date, zone),
    }
}

/// The heading over the latest event where it falls after the exposure window: "Latest (25
/// events after this view)".
pub fn latest_heading(lang: Lang, after: usize) -> String {
    match (lang, after) {
        (Lang::En, 1) => "Latest, after this view".to_string(),
        (Lang::En, n) => format!("Latest ({n} events after this view)"),
        (Lang::Ko, 1) => "최근 (이 구간 이후)".to_string(),
        (Lang::Ko, n) => format!("최근 (이 구간 이후 사건 {n}건)"),
    }
}

/// The latest event's label where no axis places it: "3 December 2026: Fine announced".
pub fn latest_label(d: &Story, lang: Lang, event: usize) -> String {
    d.events
        .get(event)
        .map(|e| format!("{}: {}", event_when(d, lang, e), e.title.get(lang)))
        .unwrap_or_default()
}

/// An event's accessible name: when, its title, and its lane (the company, the government,
/// another incident…), which the drawing shows by position and colour.
pub fn event_name(d: &Story, lang: Lang, event: usize) -> String {
    d.events
        .get(event)
        .map(|e| {
            format!(
                "{}: {} ({})",
                event_when(d, lang, e),
                e.title.get(lang),
                crate::i18n::lane(lang, e.lane)
            )
        })
        .unwrap_or_default()
}

/// What the live region says when an event is selected: "Selected: 18 November 2025: The
/// company detects the breach. Details below the timeline."
pub fn selected(d: &Story, lang: Lang, event: usize) -> String {
    use crate::i18n::{ui, Ui};
    format!(
        "{}: {}. {}.",
        ui(lang, Ui::SelectedPrefix),
        charts::unpunctuated(&event_name(d, lang, event)),
        ui(lang, Ui::DetailsBelow)
    )
}

/// What the live region says when the timeline's view changes: "Whole story: all 38 events",
/// "Exposure window: 20 of 38 events".
pub fn view_changed(lang: Lang, whole_story: bool, shown: usize, all: usize) -> String {
    use crate::i18n::{ui, Ui};
    let name = ui(
        lang,
        if whole_story {
            Ui::ViewStory
        } else {
            Ui::ViewWindow
        },
    );
    let (shown, all) = (shown as i64, all as i64);
    match (lang, shown == all) {
        (Lang::En, true) => format!("{name}: all {}", format::plural_en(all, "event", "events")),
        (Lang::En, false) => format!(
            "{name}: {} of {}",
            format::count(shown),
            format::plural_en(all, "event", "events")
        ),
        (Lang::Ko, true) => format!("{name}: 사건 {all}건 전체"),
        (Lang::Ko, false) => format!("{name}: 사건 {all}건 중 {shown}건"),
    }
}

/// A key figure: the length in bold, then what it measures.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyFigure {
    pub strong: String,
    /// The rest of the full, attributed sentence after `strong`.
    pub rest: String,
    /// What `strong` measures in a few words, with whose dates where sources disagree: what a
    /// phone shows before the reader opens the full sentence.
    pub label: String,
}

/// Who gave a claim's dates, in a few words: the name before any parenthesis, "…" when more
/// was cut ("A company…" for "A company (start, 24 June) and a minister (end)").
fn who_short(by: &str) -> String {
    // (A char pattern: a string pattern would pull a substring searcher into the wasm.)
    let cut = by.find(['(', ',']);
    match cut {
        Some(at) if at > 0 => format!("{}…", by.get(..at).unwrap_or(by).trim_end()),
        _ => by.to_string(),
    }
}

/// Who gives the dates a derived figure uses, where sources disagree: " by the dates of X".
/// An attribution after the figure and its dates, in the author's own words for the account
/// (" — Government joint probe (February 2026)"), which need no article ("by the dates of
/// Government joint probe" would).
fn by_whose(d: &Story, lang: Lang, claim: &Claim) -> String {
    if d.exposure.current().count() < 2 {
        return String::new();
    }
    match lang {
        Lang::En => format!(" \u{2014} {}", claim.by.get(lang)),
        Lang::Ko => format!("({} 기준)", claim.by.get(lang)),
    }
}

/// Where sources disagree, a figure measured from the first figure's dates says so briefly
/// (the first figure names whose dates they are).
fn same_dates(d: &Story, lang: Lang, _claim: &Claim) -> String {
    if d.exposure.current().count() < 2 {
        return String::new();
    }
    match lang {
        Lang::En => ", by the same dates".to_string(),
        Lang::Ko => ", 같은 기준".to_string(),
    }
}

/// A claim's period: its length (`None` when both ends fall in one year or month, or when an
/// end is open or a bound too coarse to count days from), its dates, and its dates with
/// "counting the first and last day" where both ends are days.
struct Period {
    len: Option<String>,
    range: String,
    dates: String,
    shape: Shape,
}

/// What a claim's ends are: two dates, dates of which one or both is a bound, or an end that is
/// ongoing or not known.
#[derive(Clone, Copy, PartialEq)]
enum Shape {
    Closed,
    Bounded,
    Open,
}

/// "no later than 13 May 2025" / "늦어도 2025년 5월 13일": a bound as it is, or the date.
fn bound_text(lang: Lang, b: &Bound, zone: &str) -> String {
    let date = format::date(lang, b.date(), zone);
    match (lang, b) {
        (_, Bound::On(_)) => date,
        (Lang::En, Bound::NoLaterThan(_)) => format!("no later than {date}"),
        (Lang::En, Bound::NoEarlierThan(_)) => format!("no earlier than {date}"),
        (Lang::Ko, Bound::NoLaterThan(_)) => format!("늦어도 {date}"),
        (Lang::Ko, Bound::NoEarlierThan(_)) => format!("빨라도 {date}"),
    }
}

/// A claim whose end is open: "began no later than 13 May 2025 and may be continuing", "began
/// on 2 March 2024 and has ended; when is not known". `sentence`: Korean ends as a sentence.
/// What is known of an end that is not a date.
#[derive(Clone, Copy)]
enum OpenEnd {
    Ongoing,
    Ended,
    NotStated,
}

fn open_phrase(lang: Lang, start: &Bound, end: OpenEnd, zone: &str, sentence: bool) -> String {
    let began = match (lang, start) {
        (_, Bound::On(d)) => on_date(lang, d, zone),
        (Lang::En, _) => bound_text(lang, start, zone),
        (Lang::Ko, _) => format!("{}에", bound_text(lang, start, zone)),
    };
    use OpenEnd::*;
    match (lang, end, sentence) {
        (Lang::En, Ongoing, _) => format!("began {began} and may be continuing"),
        (Lang::En, Ended, _) => format!("began {began} and has ended; when is not known"),
        (Lang::En, NotStated, _) => {
            format!("began {began}; the sources do not say when or whether it ended")
        }
        (Lang::Ko, Ongoing, false) => format!("{began} 시작됐고 지금도 계속되고 있을 수 있음"),
        (Lang::Ko, Ongoing, true) => format!("{began} 시작됐고 지금도 계속되고 있을 수 있다"),
        (Lang::Ko, Ended, false) => {
            format!("{began} 시작돼 끝났으나 언제 끝났는지는 알려지지 않음")
        }
        (Lang::Ko, Ended, true) => {
            format!("{began} 시작돼 끝났으나 언제 끝났는지는 알려지지 않았다")
        }
        (Lang::Ko, NotStated, false) => {
            format!("{began} 시작됐으며 끝났는지, 언제 끝났는지는 출처에 없음")
        }
        (Lang::Ko, NotStated, true) => {
            format!("{began} 시작됐으며 끝났는지, 언제 끝났는지는 출처에 나와 있지 않다")
        }
    }
}

/// A claim's dates in words: "24 June – 8 November 2025", "from no later than 13 May 2025 to 8
/// November 2025", "began no later than 13 May 2025 and may be continuing".
fn claim_range(lang: Lang, c: &Claim, zone: &str, sentence: bool) -> (String, Shape) {
    match (&c.start, &c.end) {
        (Bound::On(s), End::At(Bound::On(e))) => (date_range(lang, s, e, zone), Shape::Closed),
        (_, End::At(end)) => {
            let (a, b) = (
                bound_text(lang, &c.start, zone),
                bound_text(lang, end, zone),
            );
            let range = match lang {
                Lang::En => format!("from {a} to {b}"),
                Lang::Ko => format!("{a}부터 {b}까지"),
            };
            (range, Shape::Bounded)
        }
        (_, End::Ongoing) => (
            open_phrase(lang, &c.start, OpenEnd::Ongoing, zone, sentence),
            Shape::Open,
        ),
        (_, End::Unknown) => (
            open_phrase(lang, &c.start, OpenEnd::Ended, zone, sentence),
            Shape::Open,
        ),
        (_, End::NotStated) => (
            open_phrase(lang, &c.start, OpenEnd::NotStated, zone, sentence),
            Shape::Open,
        ),
    }
}

fn claim_period(d: &Story, lang: Lang, c: &Claim) -> Period {
    claim_period_as(d, lang, c, false)
}

fn claim_period_as(d: &Story, lang: Lang, c: &Claim, sentence: bool) -> Period {
    let span = claim_span(c);
    let (range, shape) = claim_range(lang, c, d.zone.label.get(lang), sentence);
    // A single day needs no "counting the first and last day".
    let counting = match (span.and_then(|s| s.days()).is_some_and(|n| n > 1), lang) {
        (false, _) => "",
        (true, Lang::En) => ", counting the first and last day",
        (true, Lang::Ko) => ", 첫날과 마지막 날 포함",
    };
    Period {
        len: span.and_then(|span| match span::length(lang, &span) {
            Length::Some(len) => Some(len),
            Length::Within(_) | Length::Unknown => None,
        }),
        dates: format!("{range}{counting}"),
        range,
        shape,
    }
}

impl Period {
    /// The key figure's bold part: the length, or "In 2023" when there is none, or the dates
    /// themselves where an end is a bound or open.
    fn strong(&self, lang: Lang) -> String {
        let single = !self.range.contains(['–', '~']);
        match (&self.len, self.shape, lang, single) {
            (Some(len), _, _, _) => len.clone(),
            (None, Shape::Bounded | Shape::Open, Lang::En, _) => capitalise(&self.range),
            (None, Shape::Bounded | Shape::Open, Lang::Ko, _) => self.range.clone(),
            // Both ends within one period, or a length too coarse to say: the dates alone
            // ("2012", "2012 – July 2012"), never "In 2012 of …" nor "Within 2012 – …".
            (None, Shape::Closed, Lang::En, _) => capitalise(&self.range),
            (None, Shape::Closed, Lang::Ko, _) => self.range.clone(),
        }
    }
    /// The dates after the bold part; empty when the bold part already is the dates.
    fn after(&self) -> &str {
        if self.len.is_some() {
            &self.dates
        } else {
            ""
        }
    }
    /// Whether the bold part is the dates in words (a claim without a length), which "of
    /// unauthorised access" cannot follow.
    fn is_phrase(&self) -> bool {
        self.len.is_none()
    }

    /// The dates as a time of a sentence: "in 2012", "from no later than … to …", "24 June –
    /// 8 November 2025" after "took place".
    fn when(&self) -> String {
        match self.shape {
            Shape::Closed => format!("in {}", self.range),
            Shape::Bounded | Shape::Open => self.range.clone(),
        }
    }
}

/// How a gap between two moments reads, whatever its sign and precision (`None` from
/// [`gap`] when an end is only a bound that allows no length).
enum Gap {
    Later(String),
    /// Both in the same day, month or year (the span's precision).
    Same(Precision),
    Earlier(String),
}

/// "the same day" / "the same month" / "the same year" (En), "같은 날" / "같은 달" / "같은 해".
fn same(lang: Lang, p: Precision) -> &'static str {
    match (lang, p) {
        (Lang::En, Precision::Year) => "the same year",
        (Lang::En, Precision::YearPart) => "the same part of the year",
        (Lang::En, Precision::Month) => "the same month",
        (Lang::En, Precision::MonthPart) => "the same part of the month",
        (Lang::En, Precision::Day | Precision::Minute) => "the same day",
        (Lang::Ko, Precision::Year) => "같은 해",
        (Lang::Ko, Precision::YearPart | Precision::MonthPart) => "같은 시기",
        (Lang::Ko, Precision::Month) => "같은 달",
        (Lang::Ko, Precision::Day | Precision::Minute) => "같은 날",
    }
}

/// "on 24 June 2025" but "in July 2012", "in 2012".
pub fn on_date(lang: Lang, date: &StoryDate, zone: &str) -> String {
    let text = format::date(lang, date, zone);
    match (lang, date.precision) {
        (
            Lang::En,
            Precision::Year | Precision::YearPart | Precision::Month | Precision::MonthPart,
        ) => format!("in {text}"),
        (Lang::En, Precision::Day | Precision::Minute) => format!("on {text}"),
        (Lang::Ko, _) => format!("{text}에"),
    }
}

fn gap(lang: Lang, span: &Span) -> Option<Gap> {
    Some(match span::length(lang, span) {
        Length::Within(_) => Gap::Same(span.precision()),
        Length::Unknown => return None,
        Length::Some(len) => {
            // A bounded span has a length only when its days are positive.
            let sign = span
                .days()
                .or(span.bound_days())
                .map_or(span.middle_days(), |n| n as f64)
                .total_cmp(&0.0);
            match sign {
                std::cmp::Ordering::Less => Gap::Earlier(len),
                std::cmp::Ordering::Equal => Gap::Same(span.precision()),
                std::cmp::Ordering::Greater => Gap::Later(len),
            }
        }
    })
}

/// "147 days from the start of access to detection", "the same day", "1 day earlier: …".
fn between(lang: Lang, span: &Span, from: &str, to: &str) -> Option<KeyFigure> {
    let (strong, rest) = match (gap(lang, span)?, lang) {
        (Gap::Later(len), Lang::En) => (len, format!(" from {from} to {to}")),
        (Gap::Later(len), Lang::Ko) => (len, format!(": {from}부터 {to}까지")),
        (Gap::Same(p), Lang::En) => (capitalise(same(lang, p)), format!(": {from} and {to}")),
        (Gap::Same(p), Lang::Ko) => (
            same(lang, p).to_string(),
            format!(": {} {to}", particle(from, Particle::And)),
        ),
        (Gap::Earlier(len), Lang::En) => (len, format!(" earlier: {to} came before {from}")),
        (Gap::Earlier(len), Lang::Ko) => (
            len,
            format!(
                " 먼저: {} {from}보다 앞섰다",
                particle(to, Particle::Subject)
            ),
        ),
    };
    // The label is the sentence itself, before any note on whose dates it uses.
    let label = rest
        .trim_start_matches([' ', ':'])
        .trim_start_matches("earlier: ")
        .to_string();
    Some(KeyFigure {
        strong,
        rest,
        label,
    })
}

fn noun(lang: Lang, en: &'static str, ko: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Ko => ko,
    }
}

/// Other sources' dates for an event, in parentheses after the date a sentence uses:
/// " (an investigation gives 17 November 2025, 16:00 UTC)".
fn other_accounts(d: &Story, lang: Lang, e: &Event) -> String {
    if e.alternatives.is_empty() {
        return String::new();
    }
    let zone = d.zone.label.get(lang);
    let list: Vec<String> = e
        .alternatives
        .iter()
        .map(|a| {
            let when = format::date(lang, &a.date, zone);
            match lang {
                Lang::En => format!("{} gives {when}", a.by.get(lang)),
                Lang::Ko => format!("{}: {when}", a.by.get(lang)),
            }
        })
        .collect();
    match lang {
        Lang::En => format!(" ({})", list.join("; ")),
        Lang::Ko => format!("({})", list.join("; ")),
    }
}

/// The key figures derived from the data: how long access lasted (by each claim's dates), how
/// long until detection and disclosure, and how soon the headline count was revised.
pub fn key_figures(d: &Story, lang: Lang) -> Vec<KeyFigure> {
    let f = d.figures;
    let mut out = Vec::new();
    let preferred = d.exposure.preferred_claim();
    if let Some(c) = preferred {
        let p = claim_period(d, lang, c);
        let what = measures::noun(lang, c.measures);
        let rest = match (lang, p.is_phrase()) {
            (Lang::En, false) => {
                format!(" of {what}{}{}", colon(p.after()), by_whose(d, lang, c))
            }
            (Lang::En, true) => format!(": {what}{}", by_whose(d, lang, c)),
            (Lang::Ko, false) => {
                format!(" {what}{}{}", by_whose(d, lang, c), colon(p.after()))
            }
            (Lang::Ko, true) => format!(": {what}{}", by_whose(d, lang, c)),
        };
        let label = match (lang, d.exposure.current().count() > 1) {
            (Lang::En, true) => format!("{what} · {}", who_short(c.by.get(lang))),
            (Lang::Ko, true) => format!("{what} · {} 기준", who_short(c.by.get(lang))),
            (_, false) => what.to_string(),
        };
        out.push(KeyFigure {
            strong: p.strong(lang),
            rest,
            label,
        });
        // Accounts the story has moved past are history, listed with the claims, not figures.
        for other in d.exposure.current().filter(|o| o.id != c.id) {
            let p = claim_period(d, lang, other);
            let rest = match lang {
                Lang::En => format!("{} \u{2014} {}", colon(p.after()), other.by.get(lang)),
                Lang::Ko => format!(" ({} 기준){}", other.by.get(lang), colon(p.after())),
            };
            let who = who_short(other.by.get(lang));
            out.push(KeyFigure {
                strong: p.strong(lang),
                rest,
                label: match lang {
                    Lang::En => who.to_string(),
                    Lang::Ko => format!("{who} 기준"),
                },
            });
        }
    }
    let detected = d.milestone(Milestone::Detected);
    let detection_note = detected.map_or(String::new(), |e| other_accounts(d, lang, e));
    if let Some(span) = &f.access_to_detection {
        let start = match lang {
            Lang::En => format!("the start of {}", measures::short(lang, window(d))),
            Lang::Ko => format!("{} 시작", measures::short(lang, window(d))),
        };
        if let Some(mut k) = between(lang, span, &start, noun(lang, "detection", "탐지")) {
            k.rest
                .push_str(&preferred.map_or(String::new(), |c| same_dates(d, lang, c)));
            k.rest.push_str(&detection_note);
            out.push(k);
        }
    }
    if let Some(span) = &f.detection_to_disclosure {
        out.extend(between(
            lang,
            span,
            noun(lang, "detection", "탐지"),
            noun(lang, "the first public disclosure", "첫 공개"),
        ));
    }
    if let Some(r) = f.revision {
        if let (Some(a), Some(b)) = (d.counts.get(r.first), d.counts.get(r.revised)) {
            let span = Span::exact(a.as_of, b.as_of, false);
            let undisclosed = a.value == crate::model::Figure::NotDisclosed;
            let (from, to) = match (lang, undisclosed) {
                // No count is no first count: the wait is from the first report without one.
                (Lang::En, true) => (
                    "the first report (no count)".to_string(),
                    format!("the first count ({})", charts::figure_text(lang, b)),
                ),
                (Lang::Ko, true) => (
                    "수치 없는 첫 발표".to_string(),
                    format!("첫 집계({})", charts::figure_text(lang, b)),
                ),
                (Lang::En, false) => (
                    format!("the first count ({})", charts::figure_text(lang, a)),
                    format!("its first revision ({})", charts::figure_text(lang, b)),
                ),
                (Lang::Ko, false) => (
                    format!("첫 집계({})", charts::figure_text(lang, a)),
                    format!("첫 수정({})", charts::figure_text(lang, b)),
                ),
            };
            out.extend(between(lang, &span, &from, &to).map(|mut k| {
                // The counts themselves are one tap away, in the full sentence.
                k.label = match (lang, undisclosed) {
                    (Lang::En, true) => "from the first report to the first count".into(),
                    (Lang::Ko, true) => "첫 발표부터 첫 집계까지".into(),
                    (Lang::En, false) => "from the first count to its revision".into(),
                    (Lang::Ko, false) => "첫 집계부터 수정까지".into(),
                };
                k
            }));
        }
    }
    out
}

/// The label over the timeline's band: "Unauthorised access: 138 days" (the preferred claim).
pub fn band_label(d: &Story, lang: Lang) -> Vec<String> {
    let Some(c) = d.exposure.preferred_claim() else {
        return Vec::new();
    };
    let p = claim_period(d, lang, c);
    let len = p.len.unwrap_or(p.range);
    // Short: the drawing has no room for whose dates; the key figures and alt say it. Longest
    // first; a narrow drawing takes the first that fits, so the length is never cut.
    let label = measures::label(lang, c.measures);
    match lang {
        Lang::En => vec![format!("{label}: {len}"), len],
        Lang::Ko => vec![format!("{label} {len}"), len],
    }
}

/// The label of another claim's span beside the band: "Government probe: April – November 2025".
pub fn other_claim_label(d: &Story, lang: Lang, c: &Claim) -> String {
    let (range, _) = claim_range(lang, c, d.zone.label.get(lang), false);
    format!("{}: {range}", c.by.get(lang))
}

/// The label of the bracket from the end of access to detection and disclosure:
/// "10 days to detection, 2 more to disclosure"; "detected 1 day before access ended".
pub fn gap_label(d: &Story, lang: Lang) -> Option<String> {
    let f = d.figures;
    let what = measures::short(lang, window(d));
    let first = match (gap(lang, f.end_to_detection.as_ref()?)?, lang) {
        (Gap::Later(len), Lang::En) => format!("{len} to detection"),
        (Gap::Later(len), Lang::Ko) => format!("탐지까지 {len}"),
        (Gap::Same(p), Lang::En) => format!("detected {} {what} ended", same(lang, p)),
        (Gap::Same(p), Lang::Ko) => format!("{what} 종료와 {} 탐지", same(lang, p)),
        (Gap::Earlier(len), Lang::En) => format!("detected {len} before {what} ended"),
        (Gap::Earlier(len), Lang::Ko) => format!("{what} 종료 {len} 전 탐지"),
    };
    let second = f
        .detection_to_disclosure
        .and_then(|s| gap(lang, &s))
        .map(|g| match (g, lang) {
            (Gap::Later(len), Lang::En) => format!(", disclosed {len} later"),
            (Gap::Later(len), Lang::Ko) => format!(", {len} 뒤 공개"),
            (Gap::Same(p), Lang::En) => format!(", disclosed {}", same(lang, p)),
            (Gap::Same(p), Lang::Ko) => format!(", {} 공개", same(lang, p)),
            (Gap::Earlier(len), Lang::En) => format!(", disclosed {len} before detection"),
            (Gap::Earlier(len), Lang::Ko) => format!(", 탐지 {len} 전 공개"),
        });
    Some(first + &second.unwrap_or_default())
}

/// The timeline's text alternative: the period of access by each claim, then detection and
/// disclosure relative to it.
pub fn timeline_alt(d: &Story, lang: Lang) -> String {
    let f = d.figures;
    let zone = d.zone.label.get(lang);
    let mut parts = vec![match lang {
        Lang::En => "Timeline.".to_string(),
        Lang::Ko => "타임라인.".to_string(),
    }];
    let org = d.breach.organisation.get(lang);
    for (k, c) in d.exposure.claims.iter().enumerate() {
        let p = claim_period_as(d, lang, c, true);
        let by = c.by.get(lang);
        let preferred = k == d.exposure.preferred;
        let what = measures::subject(lang, c.measures, org);
        parts.push(match (lang, preferred, &p.len) {
            (Lang::En, true, None) if p.shape == Shape::Open => {
                format!("{by}: {what} {}.", p.range)
            }
            (Lang::Ko, true, None) if p.shape == Shape::Open => {
                format!("{by} 기준, {what}{} {}.", topic_particle(&what), p.range)
            }
            (Lang::Ko, true, None) if p.shape == Shape::Bounded => format!(
                "{what}{} {by} 기준 {} 있었다.",
                topic_particle(&what),
                p.range
            ),
            (Lang::En, true, Some(len)) => {
                format!("{by}: {what} lasted {len}, {}.", p.dates)
            }
            (Lang::En, true, None) => format!("{by}: {what} took place {}.", p.when()),
            // "Government joint probe (February 2026): about seven months, …": the author's
            // name for the account as it stands, never "By the dates of Government …", which
            // would need an article the data does not give.
            (Lang::En, false, _) => format!(
                "{by}{}: {}{}{}.",
                standing_after(lang, c),
                decapitalise(&p.strong(lang)),
                of_other_kind(d, lang, c, p.is_phrase()),
                sep(p.after())
            ),
            (Lang::Ko, true, Some(len)) => {
                format!("{what} 기간은 {by} 기준 {len}({})이다.", p.dates)
            }
            (Lang::Ko, true, None) => format!(
                "{what}{} {by} 기준 {} 중에 있었다.",
                topic_particle(&what),
                p.range
            ),
            (Lang::Ko, false, _) => format!(
                "{by} 기준{}: {}{}{}.",
                standing_after(lang, c),
                of_other_kind(d, lang, c, p.is_phrase()),
                p.strong(lang),
                paren(p.after())
            ),
        });
    }
    if let Some(e) = d.milestone(Milestone::Detected) {
        let when = on_date(lang, &e.date, zone);
        let what = measures::short(lang, window(d));
        let what_ko = particle(what, Particle::Subject);
        let relation = f
            .end_to_detection
            .and_then(|s| gap(lang, &s))
            .map(|g| match (g, lang) {
                (Gap::Later(len), Lang::En) => format!(", {len} after {what} ended"),
                (Gap::Later(len), Lang::Ko) => format!("{what_ko} 끝나고 {len} 뒤인 "),
                (Gap::Same(p), Lang::En) => format!(", {} {what} ended", same(lang, p)),
                (Gap::Same(p), Lang::Ko) => format!("{what_ko} 끝난 것과 {} ", same(lang, p)),
                (Gap::Earlier(len), Lang::En) => format!(", {len} before {what} ended"),
                (Gap::Earlier(len), Lang::Ko) => format!("{what_ko} 끝나기 {len} 전인 "),
            });
        parts.push(match lang {
            Lang::En => format!(
                "It was detected {when}{}{}.",
                relation.unwrap_or_default(),
                other_accounts(d, lang, e)
            ),
            Lang::Ko => format!(
                "{}{when} 탐지됐다{}.",
                relation.unwrap_or_default(),
                other_accounts(d, lang, e)
            ),
        });
    }
    if let (Some(e), Some(g)) = (
        d.milestone(Milestone::Disclosed),
        f.detection_to_disclosure.and_then(|s| gap(lang, &s)),
    ) {
        let when = on_date(lang, &e.date, zone);
        parts.push(match (g, lang) {
            (Gap::Later(len), Lang::En) => {
                format!("The first public disclosure came {len} later, {when}.")
            }
            (Gap::Later(len), Lang::Ko) => format!("첫 공개는 {len} 뒤인 {when} 이뤄졌다."),
            (Gap::Same(p), Lang::En) => {
                format!(
                    "It was disclosed in {} as detection, {when}.",
                    same(lang, p)
                )
            }
            (Gap::Same(p), Lang::Ko) => format!("탐지와 {} {when} 공개됐다.", same(lang, p)),
            (Gap::Earlier(len), Lang::En) => {
                format!("It was disclosed {when}, {len} before the detection date given.")
            }
            (Gap::Earlier(len), Lang::Ko) => {
                format!("공개는 밝혀진 탐지 시점보다 {len} 이른 {when} 이뤄졌다.")
            }
        });
    }
    parts.join(" ")
}

fn sep(dates: &str) -> String {
    if dates.is_empty() {
        String::new()
    } else {
        format!(", {dates}")
    }
}

fn paren(dates: &str) -> String {
    if dates.is_empty() {
        String::new()
    } else {
        format!("({dates})")
    }
}

/// One exposure claim in full, for the list under the timeline: who, when, how long, why.
pub fn claim_line(d: &Story, lang: Lang, c: &Claim) -> String {
    let p = claim_period(d, lang, c);
    let by = format!("{}{}", c.by.get(lang), standing_after(lang, c));
    let mut line = match lang {
        Lang::En => format!("{by}: {}{}", decapitalise(&p.strong(lang)), sep(p.after())),
        Lang::Ko => format!("{by}: {}{}", p.strong(lang), paren(p.after())),
    };
    if let Some(note) = &c.note {
        line.push_str(". ");
        line.push_str(&charts::unpunctuated(note.get(lang)));
    }
    line.push_str(". ");
    line.push_str(&cite(&c.sources));
    line
}

/// What another account measures, where it is not what the window drawn measures: " of data
/// copied out" after its length (", data copied out" after dates) / "외부 유출 " before it.
fn of_other_kind(d: &Story, lang: Lang, c: &Claim, phrase: bool) -> String {
    if c.measures == window(d) {
        return String::new();
    }
    let what = measures::noun(lang, c.measures);
    match (lang, phrase) {
        (Lang::En, false) => format!(" of {what}"),
        (Lang::En, true) => format!(", {what}"),
        (Lang::Ko, _) => format!("{what} "),
    }
}

/// " (later revised)" after an account the story has moved past; nothing for one that stands.
fn standing_after(lang: Lang, c: &Claim) -> String {
    match (charts::standing(lang, c.status), lang) {
        (Some(w), Lang::En) => format!(" ({w})"),
        (Some(w), Lang::Ko) => format!("({w})"),
        (None, _) => String::new(),
    }
}

fn colon(dates: &str) -> String {
    if dates.is_empty() {
        String::new()
    } else {
        format!(": {dates}")
    }
}

/// How a figure names its sources: `Brief` under a figure on the page, whose list of sources
/// is further down; `Full` in an exported image, which stands alone.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SourceForm {
    Brief,
    Full,
}

/// "Sources: The Korea Herald, Yonhap and others — 19 sources, listed below" under a figure
/// (`None`: the timeline); in full, every publisher the figure cites, for an export.
pub fn source_line(d: &Story, lang: Lang, kind: Option<ChartKind>, form: SourceForm) -> String {
    let cited = match kind {
        Some(k) => charts::chart_sources(d, k),
        None => {
            let mut all: Vec<SourceRef> = d
                .events
                .iter()
                .flat_map(|e| e.sources.iter().copied())
                .chain(
                    d.exposure
                        .claims
                        .iter()
                        .flat_map(|c| c.sources.iter().copied()),
                )
                .collect();
            all.sort_unstable();
            all.dedup();
            all
        }
    };
    let mut publishers: Vec<&str> = Vec::new();
    for s in cited.iter().filter_map(|&r| d.sources.get(r)) {
        if !publishers.contains(&s.publisher.as_str()) {
            publishers.push(&s.publisher);
        }
    }
    let label = crate::i18n::ui(lang, crate::i18n::Ui::Sources);
    if form == SourceForm::Full {
        return format!("{label}: {}", publishers.join(", "));
    }
    // A phone shows three lines at most; each mark names its own sources.
    const SHOWN: usize = 3;
    let shown = publishers
        .iter()
        .take(SHOWN)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    let more = publishers.len() > SHOWN;
    let n = cited.len() as i64;
    match (lang, more) {
        (Lang::En, true) => format!(
            "{label}: {shown} and others — {}, listed below",
            format::plural_en(n, "source", "sources")
        ),
        (Lang::En, false) => format!(
            "{label}: {shown} — {}, listed below",
            format::plural_en(n, "source", "sources")
        ),
        (Lang::Ko, true) => format!("{label}: {shown} 등 — {n}건, 아래 목록 참조"),
        (Lang::Ko, false) => format!("{label}: {shown} — {n}건, 아래 목록 참조"),
    }
}

/// The first letter in upper case, for a generated sentence that starts with a word from the
/// data. ASCII only: Korean has no case, and Unicode case tables cost the wasm ~10 KB.
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => std::iter::once(f.to_ascii_uppercase()).chain(c).collect(),
        None => String::new(),
    }
}

/// The first letter in lower case, for a generated phrase placed inside a sentence.
fn decapitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => std::iter::once(f.to_ascii_lowercase()).chain(c).collect(),
        None => String::new(),
    }
}

/// The key figures a social image shows: the page's, without the other accounts' periods (the
/// first figure says whose dates it uses, and the page lists the rest), each capitalised.
pub fn social_figures(d: &Story, lang: Lang) -> Vec<KeyFigure> {
    let mut all = key_figures(d, lang);
    if d.exposure.preferred_claim().is_some() {
        let others = d.exposure.current().count().saturating_sub(1);
        all.drain(1..(1 + others).min(all.len()));
    }
    // Each figure opens a line of its own on the card.
    for k in &mut all {
        k.strong = capitalise(&k.strong);
    }
    all
}

/// A social image's text alternative: the headline, then each figure it shows as a sentence.
pub fn social_alt(d: &Story, lang: Lang, shown: &[KeyFigure]) -> String {
    let title = charts::unpunctuated(d.breach.title.get(lang));
    std::iter::once(title)
        .chain(
            shown
                .iter()
                .map(|k| capitalise(&format!("{}{}", k.strong, k.rest))),
        )
        .map(|s| format!("{s}."))
        .collect::<Vec<_>>()
        .join(" ")
}

/// What the drawn window measures (the preferred claim's; access when there is none).
fn window(d: &Story) -> crate::model::Measures {
    d.exposure
        .preferred_claim()
        .map_or(crate::model::Measures::Access, |c| c.measures)
}

/// 은/는 after a Korean phrase, by its last syllable.
fn topic_particle(phrase: &str) -> String {
    particle(phrase, Particle::Topic)
        .strip_prefix(phrase)
        .unwrap_or("은")
        .to_string()
}

/// Everything the timeline's part of the page says about the story, finished: the page only
/// places it (the events' own lines come one at a time, see [`event_words`]).
pub struct TimelineWords {
    /// The drawing's text alternative.
    pub alt: String,
    pub key_figures: Vec<KeyFigure>,
    /// Every account of the exposure window, one line each.
    pub claims: Vec<String>,
    /// "Sources: …" under the timeline.
    pub source_line: String,
}

pub fn timeline_words(d: &Story, lang: Lang) -> TimelineWords {
    TimelineWords {
        alt: timeline_alt(d, lang),
        key_figures: key_figures(d, lang),
        claims: d
            .exposure
            .claims
            .iter()
            .map(|c| claim_line(d, lang, c))
            .collect(),
        source_line: source_line(d, lang, None, SourceForm::Brief),
    }
}

/// One event in "All events as a list", in words: when (in words and as a `datetime`), its
/// title and detail, its lane, confidence and citations, and the other accounts of its date.
pub struct EventWords {
    pub datetime: String,
    pub when: String,
    pub title: String,
    pub detail: String,
    /// "Attack. Confidence: high. Sources [3]".
    pub meta: String,
    /// "Yonhap: 18 November 2025. Its note. [4]", one per other account.
    pub accounts: Vec<String>,
}

pub fn event_words(d: &Story, lang: Lang, event: usize) -> Option<EventWords> {
    let e = d.events.get(event)?;
    let accounts = e
        .alternatives
        .iter()
        .map(|a| {
            let mut text = other_account(d, lang, a);
            if let Some(note) = &a.note {
                text.push_str(&format!(". {}", charts::unpunctuated(note.get(lang))));
            }
            format!("{text}. {}", cite(&a.sources))
        })
        .collect();
    Some(EventWords {
        datetime: e.date.html_datetime(),
        when: event_when(d, lang, e),
        title: e.title.get(lang).to_string(),
        detail: e.detail.get(lang).to_string(),
        meta: format!(
            "{}. {}. {} {}",
            i18n::lane(lang, e.lane),
            confidence_line(lang, e.confidence),
            i18n::ui(lang, Ui::Sources),
            cite(&e.sources)
        ),
        accounts,
    })
}
