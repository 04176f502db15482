//! The exposure window's accounts in words: each claim's dates at their precision, its
//! bounds and open ends, its length, and whose account it is.

use super::timeline::*;
use super::*;

/// Who gave a claim's dates, in a few words: the name before any parenthesis, "…" when more
/// was cut ("A company…" for "A company (start, 24 June) and a minister (end)").
pub(super) fn who_short(by: &str) -> String {
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
pub(super) fn by_whose(d: &Story, lang: Lang, claim: &Claim) -> String {
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
pub(super) fn same_dates(d: &Story, lang: Lang, _claim: &Claim) -> String {
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
pub(super) struct Period {
    pub(super) len: Option<String>,
    pub(super) range: String,
    pub(super) dates: String,
    pub(super) shape: Shape,
}

/// What a claim's ends are: two dates, dates of which one or both is a bound, or an end that is
/// ongoing or not known.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Shape {
    Closed,
    Bounded,
    Open,
}

/// "no later than 13 May 2025" / "늦어도 2025년 5월 13일": a bound as it is, or the date.
pub(super) fn bound_text(lang: Lang, b: &Bound, zone: &str) -> String {
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
pub(super) enum OpenEnd {
    Ongoing,
    Ended,
    NotStated,
}

pub(super) fn open_phrase(
    lang: Lang,
    start: &Bound,
    end: OpenEnd,
    zone: &str,
    sentence: bool,
) -> String {
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
pub(super) fn claim_range(lang: Lang, c: &Claim, zone: &str, sentence: bool) -> (String, Shape) {
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

pub(super) fn claim_period(d: &Story, lang: Lang, c: &Claim) -> Period {
    claim_period_as(d, lang, c, false)
}

pub(super) fn claim_period_as(d: &Story, lang: Lang, c: &Claim, sentence: bool) -> Period {
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
    pub(super) fn strong(&self, lang: Lang) -> String {
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
    pub(super) fn after(&self) -> &str {
        if self.len.is_some() {
            &self.dates
        } else {
            ""
        }
    }
    /// Whether the bold part is the dates in words (a claim without a length), which "of
    /// unauthorised access" cannot follow.
    pub(super) fn is_phrase(&self) -> bool {
        self.len.is_none()
    }

    /// The dates as a time of a sentence: "in 2012", "from no later than … to …", "24 June –
    /// 8 November 2025" after "took place".
    pub(super) fn when(&self) -> String {
        match self.shape {
            Shape::Closed => format!("in {}", self.range),
            Shape::Bounded | Shape::Open => self.range.clone(),
        }
    }
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

pub(super) fn sep(dates: &str) -> String {
    if dates.is_empty() {
        String::new()
    } else {
        format!(", {dates}")
    }
}

pub(super) fn paren(dates: &str) -> String {
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
pub(super) fn of_other_kind(d: &Story, lang: Lang, c: &Claim, phrase: bool) -> String {
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
pub(super) fn standing_after(lang: Lang, c: &Claim) -> String {
    match (charts::standing(lang, c.status), lang) {
        (Some(w), Lang::En) => format!(" ({w})"),
        (Some(w), Lang::Ko) => format!("({w})"),
        (None, _) => String::new(),
    }
}

pub(super) fn colon(dates: &str) -> String {
    if dates.is_empty() {
        String::new()
    } else {
        format!(": {dates}")
    }
}
