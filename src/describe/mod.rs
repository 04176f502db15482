//! Every sentence the explainer writes about the story, from typed facts, in each language: the
//! key figures, the text alternatives, the labels drawn on the timeline, event names, source
//! lines, and (in `charts`) everything said about the counts and the money.
//!
//! The rules that keep them true for any breach live here: spans are said at the precision of
//! their dates, zero and negative gaps are said as they are, plurals follow the number, and
//! units are named from the data. The page, the layout, the exports and the DOM module only
//! place these strings; none of them assembles a sentence of its own.
//!
//! This file holds the words every part shares (citations, sources, date ranges, the
//! confidence line). `timeline` says the timeline's part (key figures, text alternatives, event
//! names, the social card); `claims` the exposure window's accounts; `charts`, `takeaways`
//! and `tables` the count charts; `changes` the change log; `clusters` a cluster's name.

pub mod changes;
pub mod charts;
pub mod claims;
pub mod clusters;
pub mod measures;
mod span;
pub mod tables;
mod takeaways;
pub mod timeline;

pub use claims::{band_label, claim_line, other_claim_label};
pub use span::{length, Length};
pub use timeline::{
    event_name, event_when, event_words, gap_label, key_figures, latest_heading, latest_label,
    selected, social_alt, social_figures, timeline_alt, timeline_words, view_changed, EventWords,
    KeyFigure, TimelineWords,
};

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

fn noun(lang: Lang, en: &'static str, ko: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Ko => ko,
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
