//! The timeline's words: the key figures, the text alternatives, event names and dates, the
//! labels drawn on the timeline, what a view change announces, and the social card's figures.

use super::claims::*;
use super::*;

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

/// How a gap between two moments reads, whatever its sign and precision (`None` from
/// [`gap`] when an end is only a bound that allows no length).
pub(super) enum Gap {
    Later(String),
    /// Both in the same day, month or year (the span's precision).
    Same(Precision),
    Earlier(String),
}

/// "the same day" / "the same month" / "the same year" (En), "같은 날" / "같은 달" / "같은 해".
pub(super) fn same(lang: Lang, p: Precision) -> &'static str {
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

pub(super) fn gap(lang: Lang, span: &Span) -> Option<Gap> {
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
pub(super) fn between(lang: Lang, span: &Span, from: &str, to: &str) -> Option<KeyFigure> {
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

/// Other sources' dates for an event, in parentheses after the date a sentence uses:
/// " (an investigation gives 17 November 2025, 16:00 UTC)".
pub(super) fn other_accounts(d: &Story, lang: Lang, e: &Event) -> String {
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
pub(super) fn window(d: &Story) -> crate::model::Measures {
    d.exposure
        .preferred_claim()
        .map_or(crate::model::Measures::Access, |c| c.measures)
}

/// 은/는 after a Korean phrase, by its last syllable.
pub(super) fn topic_particle(phrase: &str) -> String {
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
