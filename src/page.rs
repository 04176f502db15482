//! The explainer as a small element tree built from the dataset: the web module turns it into
//! DOM nodes (text always as text nodes), and natively it serialises to static HTML. One
//! description of the page, so the static fallback and the live page cannot drift apart.

use crate::format;
use crate::i18n::{self, Ui};
use crate::layout::charts::{self, ChartKind};
use crate::layout::{timeline, CharWidths};
use crate::model::{CountStatus, Dataset, Issue, Lang, SourceRef};
use crate::render::{self, Theme};
use crate::svg::escape;

/// A node of the page. `Svg` holds markup produced by [`render::svg`], whose text is escaped by
/// the SVG writer; every other string is text.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    El(El),
    Text(String),
    Svg(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct El {
    pub tag: &'static str,
    pub attrs: Vec<(&'static str, String)>,
    pub children: Vec<Node>,
}

impl El {
    pub fn new(tag: &'static str) -> El {
        El {
            tag,
            attrs: Vec::new(),
            children: Vec::new(),
        }
    }
    pub fn attr(mut self, name: &'static str, value: impl Into<String>) -> El {
        self.attrs.push((name, value.into()));
        self
    }
    /// An attribute only when `on` (`open` on details in the static version).
    pub fn attr_if(self, on: bool, name: &'static str, value: &str) -> El {
        if on {
            self.attr(name, value)
        } else {
            self
        }
    }
    pub fn class(self, c: &'static str) -> El {
        self.attr("class", c)
    }
    pub fn text(mut self, t: impl Into<String>) -> El {
        self.children.push(Node::Text(t.into()));
        self
    }
    pub fn child(mut self, c: El) -> El {
        self.children.push(Node::El(c));
        self
    }
    pub fn svg(mut self, markup: String) -> El {
        self.children.push(Node::Svg(markup));
        self
    }
    pub fn children(mut self, cs: impl IntoIterator<Item = El>) -> El {
        self.children.extend(cs.into_iter().map(Node::El));
        self
    }
    /// The first descendant (or self) with `data-bx` equal to `key`.
    pub fn find(&self, key: &str) -> Option<&El> {
        if self.attrs.iter().any(|(n, v)| *n == "data-bx" && v == key) {
            return Some(self);
        }
        self.children.iter().find_map(|c| match c {
            Node::El(e) => e.find(key),
            _ => None,
        })
    }
    /// All text below this element, as a reader would hear it (SVG excluded).
    pub fn text_content(&self) -> String {
        let mut out = String::new();
        for c in &self.children {
            match c {
                Node::Text(t) => out.push_str(t),
                Node::El(e) => out.push_str(&e.text_content()),
                Node::Svg(_) => {}
            }
        }
        out
    }
}

/// A link from the dataset: only validated web addresses reach here, opened in a new tab without
/// giving the target a handle on this page.
fn link(url: &str, text: &str) -> El {
    El::new("a")
        .attr("href", url)
        .attr("rel", "noopener noreferrer")
        .attr("target", "_blank")
        .text(text)
}

fn lane_code(lane: crate::model::Lane) -> &'static str {
    let i = crate::model::Lane::ALL
        .iter()
        .position(|l| *l == lane)
        .unwrap_or(0);
    crate::model::Lane::CODES.get(i).copied().unwrap_or("")
}

/// "[3, 7]": citations by number in the sources list.
fn cite(refs: &[SourceRef]) -> String {
    let nums: Vec<String> = refs.iter().map(|r| (r + 1).to_string()).collect();
    format!("[{}]", nums.join(", "))
}

/// Everything the explainer shows. `drawing` is the width and theme to draw the charts at for
/// the static version (no JavaScript: no controls, tables open, pictures with their text
/// alternative); the live page passes `None` and draws them itself once it has measured its
/// container.
pub fn explainer(d: &Dataset, lang: Lang, drawing: Option<(f64, &Theme)>) -> El {
    let title = d.breach.title.get(lang);
    let live = drawing.is_none();
    El::new("section")
        .class("bx")
        .attr("lang", lang.code())
        .attr("aria-label", title)
        .attr_if(!live, "data-static", "")
        .child(
            El::new("header")
                .class("bx-head")
                .children(live.then(|| lang_switch(lang)))
                .child(El::new("h2").class("bx-title").text(title))
                .child(
                    El::new("p")
                        .class("bx-summary")
                        .text(d.breach.summary.get(lang)),
                ),
        )
        .child(timeline_figure(d, lang, drawing))
        .children(
            ChartKind::ALL
                .into_iter()
                .filter(|k| has_chart(d, *k))
                .map(|k| chart_figure(d, lang, k, drawing)),
        )
        .child(corrections(d, lang))
        .children(live.then(|| get_the_data(lang)))
        .child(sources(d, lang))
        .children(
            d.breach
                .credit
                .as_ref()
                .map(|c| El::new("p").class("bx-credit").text(c.get(lang))),
        )
}

/// "한국어 | English": each button in its own language, marked with `lang` so screen readers
/// pronounce it right.
fn lang_switch(current: Lang) -> El {
    let buttons = [(Lang::Ko, "한국어"), (Lang::En, "English")]
        .into_iter()
        .map(|(l, name)| {
            El::new("button")
                .attr("type", "button")
                .class("bx-button bx-lang")
                .attr("lang", l.code())
                .attr("data-lang-switch", l.code())
                .attr("aria-pressed", if l == current { "true" } else { "false" })
                .text(name)
        });
    El::new("div")
        .class("bx-langs")
        .attr("role", "group")
        .attr("aria-label", i18n::ui(current, Ui::Language))
        .children(buttons)
}

pub fn timeline_svg(d: &Dataset, lang: Lang, width: f64, theme: &Theme) -> String {
    let t = timeline::layout(d, lang, width, timeline::View::Window, &CharWidths);
    render::svg(&t.scene, theme).unwrap_or_default()
}

/// The timeline's text alternative, generated from the data.
pub fn timeline_alt(d: &Dataset, lang: Lang) -> String {
    let f = crate::model::figures(d);
    let zone = d.zone.label.get(lang);
    let claim = d.exposure.preferred_claim();
    let org = d.breach.organisation.get(lang);
    let mut parts = Vec::new();
    if let (Some(c), Some(days)) = (claim, f.exposure_days) {
        parts.push(match lang {
            Lang::En => format!(
                "Timeline. {org}'s data was exposed for {days} days, from {} to {}.",
                format::date(lang, &c.start, zone),
                format::date(lang, &c.end, zone)
            ),
            Lang::Ko => format!(
                "타임라인. {org}의 데이터는 {}부터 {}까지 {days}일간 노출됐다.",
                format::date(lang, &c.start, zone),
                format::date(lang, &c.end, zone)
            ),
        });
    }
    if let (Some(e), Some(days)) = (
        d.milestone(crate::model::Milestone::Detected),
        f.access_to_detection_days,
    ) {
        parts.push(match lang {
            Lang::En => format!(
                "It was detected on {}, {days} days after access began.",
                format::date(lang, &e.date, zone)
            ),
            Lang::Ko => format!(
                "접근이 시작된 지 {days}일 뒤인 {}에 탐지됐다.",
                format::date(lang, &e.date, zone)
            ),
        });
    }
    if let (Some(e), Some(days)) = (
        d.milestone(crate::model::Milestone::Disclosed),
        f.detection_to_disclosure_days,
    ) {
        parts.push(match lang {
            Lang::En => format!(
                "The first public disclosure followed {days} days later, on {}.",
                format::date(lang, &e.date, zone)
            ),
            Lang::Ko => format!(
                "첫 공개는 {days}일 뒤인 {}에 이뤄졌다.",
                format::date(lang, &e.date, zone)
            ),
        });
    }
    parts.join(" ")
}

/// The key figures derived from the data, as a list above the timeline.
pub fn key_figures(d: &Dataset, lang: Lang) -> El {
    use i18n::KeyFigure::*;
    let f = crate::model::figures(d);
    let items = [
        (Exposure, f.exposure_days),
        (ToDetection, f.access_to_detection_days),
        (ToDisclosure, f.detection_to_disclosure_days),
        (ToRevision, f.first_count_to_revision_days),
    ]
    .into_iter()
    .filter_map(|(which, days)| {
        let (number, what) = i18n::key_figure(lang, which, days?);
        Some(
            El::new("li")
                .child(El::new("strong").text(number))
                .text(format!(" {what}")),
        )
    });
    El::new("ul")
        .class("bx-figures")
        .attr("aria-label", i18n::ui(lang, Ui::KeyFigures))
        .children(items)
}

/// An event's accessible name: its date at real precision, then its title.
pub fn event_name(d: &Dataset, lang: Lang, event: usize) -> String {
    d.events
        .get(event)
        .map(|e| {
            format!(
                "{}: {}",
                format::date(lang, &e.date, d.zone.label.get(lang)),
                e.title.get(lang)
            )
        })
        .unwrap_or_default()
}

fn source_links(d: &Dataset, refs: &[SourceRef]) -> El {
    El::new("ul")
        .class("bx-cites")
        .children(refs.iter().filter_map(|&r| {
            let s = d.sources.get(r)?;
            Some(
                El::new("li")
                    .child(link(&s.url, &s.title))
                    .text(format!(" — {}", s.publisher)),
            )
        }))
}

/// The detail panel of one event: date at its real precision, detail, confidence, the other
/// accounts of its date with their sources, and its sources.
pub fn detail(d: &Dataset, lang: Lang, event: usize) -> El {
    let Some(e) = d.events.get(event) else {
        return El::new("div");
    };
    let zone = d.zone.label.get(lang);
    let mut panel = El::new("div")
        .class("bx-detail-body")
        .child(El::new("h4").text(e.title.get(lang)))
        .child(
            El::new("p").class("bx-date").child(
                El::new("time")
                    .attr("datetime", format::iso(&e.date))
                    .text(format::date(lang, &e.date, zone)),
            ),
        )
        .child(El::new("p").text(e.detail.get(lang)))
        .child(El::new("p").class("bx-meta").text(format!(
            "{}: {}",
            i18n::ui(lang, Ui::Confidence),
            i18n::confidence(lang, e.confidence)
        )));
    if !e.alternatives.is_empty() {
        let alts = e.alternatives.iter().map(|a| {
            let mut li = El::new("li").child(El::new("strong").text(format!(
                "{}: {}",
                a.by.get(lang),
                format::date(lang, &a.date, zone)
            )));
            if let Some(note) = &a.note {
                li = li.text(format!(". {}", note.get(lang)));
            }
            li.child(source_links(d, &a.sources))
        });
        panel = panel
            .child(El::new("h5").text(i18n::ui(lang, Ui::OtherAccounts)))
            .child(El::new("ul").class("bx-alts").children(alts));
    }
    panel
        .child(El::new("h5").text(i18n::ui(lang, Ui::Sources)))
        .child(source_links(d, &e.sources))
        .child(
            El::new("button")
                .attr("type", "button")
                .attr("data-bx", "close")
                .class("bx-button")
                .text(i18n::ui(lang, Ui::Close)),
        )
}

fn view_button(lang: Lang, key: &'static str, label: Ui, pressed: bool) -> El {
    El::new("button")
        .attr("type", "button")
        .class("bx-button")
        .attr("data-view", key)
        .attr("aria-pressed", if pressed { "true" } else { "false" })
        .text(i18n::ui(lang, label))
}

fn timeline_figure(d: &Dataset, lang: Lang, drawing: Option<(f64, &Theme)>) -> El {
    let live = drawing.is_none();
    let zone = d.zone.label.get(lang);
    let alt = timeline_alt(d, lang);
    let items = d.events_in_time_order().into_iter().filter_map(|i| {
        let e = d.events.get(i)?;
        Some(
            El::new("li")
                .attr("data-event", e.id.clone())
                .attr("data-lane", lane_code(e.lane))
                .child(
                    El::new("time")
                        .attr("datetime", format::iso(&e.date))
                        .text(format::date(lang, &e.date, zone)),
                )
                .text(" — ")
                .child(El::new("strong").text(e.title.get(lang)))
                .text(format!(". {} ", e.detail.get(lang)))
                .child(El::new("span").class("bx-meta").text(format!(
                    "{}: {}. {} {}",
                    i18n::ui(lang, Ui::Confidence),
                    i18n::confidence(lang, e.confidence),
                    i18n::ui(lang, Ui::Sources),
                    cite(&e.sources)
                ))),
        )
    });
    El::new("figure")
        .class("bx-figure bx-timeline")
        .child(
            El::new("figcaption")
                .child(El::new("h3").text(i18n::ui(lang, Ui::TimelineHeading)))
                .child(alt_paragraph(&alt)),
        )
        .child(key_figures(d, lang))
        .children(live.then(|| {
            El::new("div")
                .class("bx-views")
                .attr("role", "group")
                .attr("aria-label", i18n::ui(lang, Ui::TimeSpan))
                .child(view_button(lang, "window", Ui::ViewWindow, true))
                .child(view_button(lang, "story", Ui::ViewStory, false))
        }))
        .child(match drawing {
            None => stage("timeline", i18n::ui(lang, Ui::EventsLabel), String::new()),
            Some((width, theme)) => picture(&alt, timeline_svg(d, lang, width, theme)),
        })
        .children(live.then(|| {
            El::new("div")
                .class("bx-sr")
                .attr("data-bx", "live")
                .attr("aria-live", "polite")
        }))
        .children(live.then(|| {
            El::new("section")
                .class("bx-detail")
                .attr("data-bx", "detail")
                .attr("aria-label", i18n::ui(lang, Ui::SelectedPrefix))
                .attr("hidden", "")
        }))
        .child(
            El::new("details")
                .class("bx-more")
                .attr_if(!live, "open", "")
                .child(El::new("summary").text(i18n::ui(lang, Ui::EventListSummary)))
                .child(El::new("ol").class("bx-events").children(items)),
        )
        .child(
            El::new("p")
                .class("bx-source-line")
                .text(source_line(d, lang, None)),
        )
        .children(live.then(|| downloads(lang, "timeline")))
}

/// A figure's short text alternative, as a paragraph the DOM module finds by `data-bx="alt"`
/// and points the figure's listbox at (`aria-describedby`).
fn alt_paragraph(alt: &str) -> El {
    El::new("p")
        .class("bx-alt")
        .attr("data-bx", "alt")
        .text(alt)
}

/// The static version's picture: the drawing with its text alternative as its name.
fn picture(alt: &str, svg: String) -> El {
    El::new("div")
        .class("bx-svg")
        .attr("role", "img")
        .attr("aria-label", alt)
        .svg(svg)
}

fn corrections(d: &Dataset, lang: Lang) -> El {
    let items = d.corrections.iter().map(|c| {
        El::new("li")
            .child(
                El::new("p")
                    .child(El::new("strong").text(format!("{}: ", i18n::ui(lang, Ui::WrongClaim))))
                    .text(c.claim.get(lang)),
            )
            .child(
                El::new("p")
                    .child(El::new("strong").text(format!("{}: ", i18n::ui(lang, Ui::Correct))))
                    .text(format!("{} {}", c.correct.get(lang), cite(&c.sources))),
            )
            .child(El::new("p").class("bx-meta").text(format!(
                "{}: {}",
                i18n::ui(lang, Ui::SeenIn),
                c.seen_in.get(lang)
            )))
    });
    El::new("section")
        .class("bx-corrections")
        .child(El::new("h3").text(i18n::ui(lang, Ui::Corrections)))
        .child(El::new("ul").children(items))
}

fn sources(d: &Dataset, lang: Lang) -> El {
    let items = d.sources.iter().map(|s| {
        let mut meta = format!(" — {}", s.publisher);
        if let Some(via) = &s.via {
            meta.push_str(&format!(" ({} {via})", i18n::ui(lang, Ui::Via)));
        }
        if let Some(p) = &s.published {
            meta.push_str(&format!(", {}", format::date(lang, p, "")));
        }
        El::new("li").child(link(&s.url, &s.title)).text(meta)
    });
    El::new("section")
        .class("bx-sources")
        .child(El::new("h3").text(i18n::ui(lang, Ui::SourcesHeading)))
        .child(El::new("ol").children(items))
}

/// Shown instead of the explainer when the dataset cannot be used: never a blank box.
pub fn problems(file: &str, issues: &[Issue], lang: Lang) -> El {
    let items = issues
        .iter()
        .map(|i| El::new("li").child(El::new("code").text(describe(file, i, lang))));
    El::new("section")
        .class("bx bx-error")
        .attr("lang", lang.code())
        .attr("role", "alert")
        .child(
            El::new("h2")
                .class("bx-title")
                .text(i18n::ui(lang, Ui::ErrorHeading)),
        )
        .child(El::new("p").text(format!("{} {file}", i18n::ui(lang, Ui::ErrorHelp))))
        .child(El::new("ul").class("bx-problems").children(items))
}

/// `file: path: message`, the line a dataset author reads, in `lang`.
pub fn describe(file: &str, issue: &Issue, lang: Lang) -> String {
    format!("{file}: {}", issue.describe(lang))
}

/// Static HTML of an element tree, escaped.
pub fn to_html(el: &El) -> String {
    let mut out = String::new();
    write_el(&mut out, el);
    out
}

fn write_el(out: &mut String, el: &El) {
    out.push('<');
    out.push_str(el.tag);
    for (n, v) in &el.attrs {
        out.push(' ');
        out.push_str(n);
        out.push_str("=\"");
        escape(out, v);
        out.push('"');
    }
    out.push('>');
    for c in &el.children {
        match c {
            Node::El(e) => write_el(out, e),
            Node::Text(t) => escape(out, t),
            Node::Svg(s) => out.push_str(s),
        }
    }
    out.push_str("</");
    out.push_str(el.tag);
    out.push('>');
}

/// Whether the dataset has anything for a chart (a breach without fines has no money chart).
pub fn has_chart(d: &Dataset, kind: ChartKind) -> bool {
    match kind {
        ChartKind::Revisions => !charts::revision_rows(d).is_empty(),
        ChartKind::Comparison => !charts::comparison_rows(d).is_empty(),
        ChartKind::Exposed => !d.data_classes.is_empty(),
        ChartKind::Money => !charts::money_rows(d).is_empty(),
    }
}

pub fn chart_svg(d: &Dataset, lang: Lang, kind: ChartKind, width: f64, theme: &Theme) -> String {
    render::svg(&charts::layout(kind, d, lang, width, &CharWidths), theme).unwrap_or_default()
}

fn heading(kind: ChartKind) -> Ui {
    match kind {
        ChartKind::Revisions => Ui::RevisionsHeading,
        ChartKind::Comparison => Ui::ComparisonHeading,
        ChartKind::Exposed => Ui::ExposedHeading,
        ChartKind::Money => Ui::MoneyHeading,
    }
}

/// "about two in three" for a share; `None` when no simple fraction is within 5 points.
pub fn share_words(lang: Lang, share: f64) -> Option<String> {
    const FRACTIONS: [(u32, u32); 12] = [
        (1, 10),
        (1, 5),
        (1, 4),
        (1, 3),
        (2, 5),
        (1, 2),
        (3, 5),
        (2, 3),
        (3, 4),
        (4, 5),
        (9, 10),
        (1, 1),
    ];
    let (n, k) = FRACTIONS.iter().copied().min_by(|a, b| {
        let da = (f64::from(a.0) / f64::from(a.1) - share).abs();
        let db = (f64::from(b.0) / f64::from(b.1) - share).abs();
        da.total_cmp(&db)
    })?;
    if (f64::from(n) / f64::from(k) - share).abs() > 0.05 {
        return None;
    }
    const WORDS: [&str; 11] = [
        "", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    Some(match lang {
        Lang::En if n == k => "about as many as".to_string(),
        Lang::En => format!(
            "about {} in {}",
            WORDS.get(n as usize).copied().unwrap_or(""),
            WORDS.get(k as usize).copied().unwrap_or("")
        ),
        Lang::Ko if n == k => "약 전체".to_string(),
        Lang::Ko => format!("약 {k}명 중 {n}명"),
    })
}

/// The chart's one-line takeaway, generated from the data.
pub fn takeaway(d: &Dataset, lang: Lang, kind: ChartKind) -> String {
    match kind {
        ChartKind::Revisions => {
            let rows: Vec<_> = charts::revision_rows(d)
                .into_iter()
                .filter_map(|i| d.counts.get(i))
                .filter(|c| c.status != CountStatus::DisputedClaim && c.adds_to.is_none())
                .collect();
            let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
                return String::new();
            };
            let days = crate::model::figures(d).first_count_to_revision_days;
            let peak = rows
                .iter()
                .find(|c| c.value >= first.value.saturating_mul(100));
            match (lang, peak, days) {
                (Lang::En, Some(p), Some(n)) => format!(
                    "The first count, {}, grew to {} in {n} days; the latest figure is {}.",
                    charts::figure_text(lang, first),
                    charts::figure_text(lang, p),
                    charts::figure_text(lang, last)
                ),
                (Lang::Ko, Some(p), Some(n)) => format!(
                    "첫 집계 {}은 {n}일 만에 {}으로 늘었고, 최신 집계는 {}이다.",
                    charts::figure_text(lang, first),
                    charts::figure_text(lang, p),
                    charts::figure_text(lang, last)
                ),
                (Lang::En, _, _) => format!(
                    "From {} to {}.",
                    charts::figure_text(lang, first),
                    charts::figure_text(lang, last)
                ),
                (Lang::Ko, _, _) => format!(
                    "{}에서 {}으로.",
                    charts::figure_text(lang, first),
                    charts::figure_text(lang, last)
                ),
            }
        }
        ChartKind::Comparison => {
            let rows: Vec<_> = charts::comparison_rows(d)
                .into_iter()
                .filter_map(|i| d.counts.get(i))
                .collect();
            let (Some(first), Some(largest)) = (rows.first(), rows.iter().max_by_key(|c| c.value))
            else {
                return String::new();
            };
            let share = first.value as f64 / largest.value.max(1) as f64;
            let words =
                share_words(lang, share).unwrap_or_else(|| format!("{}%", (share * 100.0).round()));
            let caveat = first.unit != largest.unit;
            match lang {
                Lang::En => capitalise(&format!(
                    "{} ({}) equal {words} of the {} ({}){}.",
                    charts::figure_text(lang, first),
                    first.subject.get(lang),
                    charts::figure_text(lang, largest),
                    largest.subject.get(lang),
                    if caveat {
                        "; they are different units, so this gives a sense of scale, not a head count"
                    } else {
                        ""
                    }
                )),
                Lang::Ko => format!(
                    "{}은 {}({})의 {words}에 해당한다{}.",
                    charts::figure_text(lang, first),
                    charts::figure_text(lang, largest),
                    largest.subject.get(lang),
                    if caveat {
                        ". 계정 수는 사람 수와 같지 않으므로 규모를 가늠하는 수치다"
                    } else {
                        ""
                    }
                ),
            }
        }
        ChartKind::Exposed => {
            let names = |exposed: bool| -> Vec<&str> {
                d.data_classes
                    .iter()
                    .filter(|c| c.exposed == exposed)
                    .map(|c| c.label.get(lang))
                    .collect()
            };
            let (yes, no) = (names(true), names(false));
            match lang {
                Lang::En => format!(
                    "Exposed: {}. Not exposed: {}.",
                    yes.join(", ").to_lowercase_first(),
                    no.join(", ").to_lowercase_first()
                ),
                Lang::Ko => format!(
                    "유출: {}. 유출되지 않음: {}.",
                    yes.join(", "),
                    no.join(", ")
                ),
            }
        }
        ChartKind::Money => {
            let rows: Vec<_> = charts::money_rows(d)
                .into_iter()
                .filter_map(|i| d.money.get(i))
                .collect();
            let Some(top) = rows.first() else {
                return String::new();
            };
            match lang {
                Lang::En => format!(
                    "The largest amount: {}, {}.",
                    top.subject.get(lang),
                    charts::money_text(lang, top)
                ),
                Lang::Ko => format!(
                    "가장 큰 금액은 {}의 {}이다.",
                    top.subject.get(lang),
                    charts::money_text(lang, top)
                ),
            }
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        // ASCII only: Korean has no case, and Unicode case tables cost the wasm ~10 KB.
        Some(f) => std::iter::once(f.to_ascii_uppercase()).chain(c).collect(),
        None => String::new(),
    }
}

trait LowerFirst {
    fn to_lowercase_first(&self) -> String;
}
impl LowerFirst for str {
    /// "Names, Email addresses" → "names, email addresses" for use inside a sentence.
    fn to_lowercase_first(&self) -> String {
        self.split(", ")
            .map(|w| {
                // Leave acronyms and names alone ("SIM", "KISA"): only "Names" → "names".
                let mut c = w.chars();
                match (c.next(), c.clone().next()) {
                    (Some(f), Some(second)) if second.is_ascii_lowercase() => {
                        std::iter::once(f.to_ascii_lowercase()).chain(c).collect()
                    }
                    _ => w.to_string(),
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The chart's short text alternative: what kind of chart, how many marks, the range.
pub fn chart_alt(d: &Dataset, lang: Lang, kind: ChartKind) -> String {
    let items = chart_items(d, kind);
    let n = items.len();
    let count_at = |i: Option<&usize>| i.and_then(|&i| d.counts.get(i));
    match kind {
        ChartKind::Revisions | ChartKind::Comparison => {
            let (Some(first), Some(last)) = (count_at(items.first()), count_at(items.last()))
            else {
                return String::new();
            };
            let f = |c: &crate::model::Count| {
                format!(
                    "{} ({})",
                    charts::figure_text(lang, c),
                    format::date(lang, &c.as_of, "")
                )
            };
            match (lang, kind) {
                (Lang::En, ChartKind::Revisions) => format!(
                    "Dot chart on a log scale of {n} reported figures in date order, from {} to {}.",
                    f(first),
                    f(last)
                ),
                (Lang::Ko, ChartKind::Revisions) => format!(
                    "발표된 수치 {n}건을 날짜순으로 나타낸 로그 척도 점 그래프: {}부터 {}까지.",
                    f(first),
                    f(last)
                ),
                (Lang::En, _) => format!(
                    "Bar chart from zero of {n} figures, each with its own unit, from {} to {}.",
                    charts::figure_text(lang, first),
                    charts::figure_text(lang, last)
                ),
                (Lang::Ko, _) => format!(
                    "수치 {n}건을 0에서 시작하는 막대로 나타낸 그래프(막대마다 단위 표시): {}부터 {}까지.",
                    charts::figure_text(lang, first),
                    charts::figure_text(lang, last)
                ),
            }
        }
        ChartKind::Exposed => {
            let yes = d.data_classes.iter().filter(|c| c.exposed).count();
            match lang {
                Lang::En => format!(
                    "Labelled tiles: {yes} kinds of data exposed, {} not exposed.",
                    n - yes
                ),
                Lang::Ko => format!(
                    "유출된 정보 {yes}종과 유출되지 않은 정보 {}종을 나타낸 목록.",
                    n - yes
                ),
            }
        }
        ChartKind::Money => {
            let money_at = |i: Option<&usize>| i.and_then(|&i| d.money.get(i));
            let (Some(top), Some(bottom)) = (money_at(items.first()), money_at(items.last()))
            else {
                return String::new();
            };
            match lang {
                Lang::En => format!(
                    "Bar chart from zero of {n} amounts, largest first, from {} to {}.",
                    charts::money_text(lang, top),
                    charts::money_text(lang, bottom)
                ),
                Lang::Ko => format!(
                    "금액 {n}건을 큰 순서로 나타낸 막대그래프: {}부터 {}까지.",
                    charts::money_text(lang, top),
                    charts::money_text(lang, bottom)
                ),
            }
        }
    }
}

/// The chart's long description: every mark in words, with exact figures.
pub fn chart_long(d: &Dataset, lang: Lang, kind: ChartKind) -> String {
    let items: Vec<String> = chart_items(d, kind)
        .into_iter()
        .map(|i| chart_item(d, lang, kind, i).0)
        .collect();
    items.join("; ") + "."
}

/// The marks of a chart, in reading (and keyboard) order.
pub fn chart_items(d: &Dataset, kind: ChartKind) -> Vec<usize> {
    match kind {
        ChartKind::Revisions => charts::revision_rows(d),
        ChartKind::Comparison => charts::comparison_rows(d),
        ChartKind::Exposed => {
            crate::model::sorted_by_key((0..d.data_classes.len()).collect(), &|i| {
                if d.data_classes.get(i).is_some_and(|c| c.exposed) {
                    0.0
                } else {
                    1.0
                }
            })
        }
        ChartKind::Money => charts::money_rows(d),
    }
}

/// One mark's accessible name and its tooltip lines, with exact figures.
pub fn chart_item(d: &Dataset, lang: Lang, kind: ChartKind, item: usize) -> (String, Vec<String>) {
    let zone = "";
    match kind {
        ChartKind::Revisions | ChartKind::Comparison => {
            let Some(c) = d.counts.get(item) else {
                return Default::default();
            };
            let number = format!(
                "{}{}",
                if c.adds_to.is_some() { "+" } else { "" },
                format::exact(c.value)
            );
            let mut exact = format::approx(
                lang,
                c.approximate,
                i18n::quantity(lang, c.unit, &number, c.value),
            );
            if c.status == CountStatus::DisputedClaim {
                exact = format!("{exact} ({})", i18n::ui(lang, Ui::DisputedClaim));
            }
            let when = format!(
                "{} · {}",
                format::date(lang, &c.as_of, zone),
                c.reported_by.get(lang)
            );
            let lines = vec![exact, c.subject.get(lang).to_string(), when];
            (lines.join(", "), lines)
        }
        ChartKind::Exposed => {
            let Some(c) = d.data_classes.get(item) else {
                return Default::default();
            };
            let status = i18n::ui(
                lang,
                if c.exposed {
                    Ui::Exposed
                } else {
                    Ui::NotExposed
                },
            );
            let lines = vec![
                format!("{}: {status}", c.label.get(lang)),
                c.advice.get(lang).to_string(),
            ];
            (lines.join(". "), lines)
        }
        ChartKind::Money => {
            let Some(m) = d.money.get(item) else {
                return Default::default();
            };
            let mut lines = vec![
                format::approx(
                    lang,
                    m.approximate,
                    format::money_exact(lang, m.amount, &m.currency),
                ),
                m.subject.get(lang).to_string(),
                format::date(lang, &m.date, zone),
            ];
            for p in &m.parts {
                lines.push(format!(
                    "{}: {}",
                    p.label.get(lang),
                    format::money_exact(lang, p.amount, &m.currency)
                ));
            }
            for c in &m.converted {
                lines.push(i18n::as_given(
                    lang,
                    &format::money_exact(lang, c.amount, &c.currency),
                    &format::date(lang, &c.as_of, zone),
                ));
            }
            (lines.join(", "), lines)
        }
    }
}

fn th_row(lang: Lang, keys: &[Ui]) -> El {
    El::new("tr").children(
        keys.iter()
            .map(|k| El::new("th").attr("scope", "col").text(i18n::ui(lang, *k))),
    )
}

/// The chart's data as a real table.
fn chart_table(d: &Dataset, lang: Lang, kind: ChartKind) -> El {
    let zone = d.zone.label.get(lang);
    let (head, rows): (Vec<Ui>, Vec<El>) = match kind {
        ChartKind::Revisions | ChartKind::Comparison => (
            vec![
                Ui::Date,
                Ui::Subject,
                Ui::Figure,
                Ui::Unit,
                Ui::ReportedBy,
                Ui::Sources,
            ],
            chart_items(d, kind)
                .into_iter()
                .filter_map(|i| {
                    let c = d.counts.get(i)?;
                    let mut figure = format::approx(lang, c.approximate, format::exact(c.value));
                    if c.adds_to.is_some() {
                        figure = format!("+{figure} ({})", i18n::ui(lang, Ui::Addition));
                    }
                    match c.status {
                        CountStatus::DisputedClaim => {
                            figure = format!("{figure} ({})", i18n::ui(lang, Ui::DisputedClaim))
                        }
                        CountStatus::Superseded => {
                            figure = format!("{figure} ({})", i18n::ui(lang, Ui::Superseded))
                        }
                        CountStatus::Reported => {}
                    }
                    Some(El::new("tr").children([
                        El::new("td").text(format::date(lang, &c.as_of, zone)),
                        El::new("td").text(c.subject.get(lang)),
                        El::new("td").class("bx-num").text(figure),
                        El::new("td").text(i18n::unit(lang, c.unit, c.value)),
                        El::new("td").text(c.reported_by.get(lang)),
                        El::new("td").text(cite(&c.sources)),
                    ]))
                })
                .collect(),
        ),
        ChartKind::Exposed => (
            vec![Ui::DataClass, Ui::Exposed, Ui::WhatToWatch, Ui::Sources],
            chart_items(d, kind)
                .into_iter()
                .filter_map(|i| {
                    let c = d.data_classes.get(i)?;
                    Some(El::new("tr").children([
                        El::new("td").text(c.label.get(lang)),
                        El::new("td").text(i18n::ui(
                            lang,
                            if c.exposed {
                                Ui::Exposed
                            } else {
                                Ui::NotExposed
                            },
                        )),
                        El::new("td").text(c.advice.get(lang)),
                        El::new("td").text(cite(&c.sources)),
                    ]))
                })
                .collect(),
        ),
        ChartKind::Money => (
            vec![
                Ui::Subject,
                Ui::Kind,
                Ui::Date,
                Ui::Amount,
                Ui::Parts,
                Ui::AsGiven,
                Ui::Sources,
            ],
            chart_items(d, kind)
                .into_iter()
                .filter_map(|i| {
                    let m = d.money.get(i)?;
                    let parts: Vec<String> = m
                        .parts
                        .iter()
                        .map(|p| {
                            format!(
                                "{}: {}",
                                p.label.get(lang),
                                format::money_exact(lang, p.amount, &m.currency)
                            )
                        })
                        .collect();
                    let converted: Vec<String> = m
                        .converted
                        .iter()
                        .map(|c| {
                            format!(
                                "{} ({})",
                                format::money_exact(lang, c.amount, &c.currency),
                                format::date(lang, &c.as_of, zone)
                            )
                        })
                        .collect();
                    Some(El::new("tr").children([
                        El::new("td").text(m.subject.get(lang)),
                        El::new("td").text(i18n::money_kind(lang, m.kind)),
                        El::new("td").text(format::date(lang, &m.date, zone)),
                        El::new("td").class("bx-num").text(format::approx(
                            lang,
                            m.approximate,
                            format::money_exact(lang, m.amount, &m.currency),
                        )),
                        El::new("td").text(parts.join("; ")),
                        El::new("td").text(converted.join("; ")),
                        El::new("td").text(cite(&m.sources)),
                    ]))
                })
                .collect(),
        ),
    };
    El::new("table")
        .child(El::new("caption").text(i18n::ui(lang, heading(kind))))
        .child(El::new("thead").child(th_row(lang, &head)))
        .child(El::new("tbody").children(rows))
}

fn chart_sources(d: &Dataset, kind: ChartKind) -> Vec<SourceRef> {
    let items = chart_items(d, kind);
    let mut all: Vec<SourceRef> = match kind {
        ChartKind::Revisions | ChartKind::Comparison => items
            .iter()
            .filter_map(|&i| d.counts.get(i))
            .flat_map(|c| c.sources.iter().copied())
            .collect(),
        ChartKind::Exposed => items
            .iter()
            .filter_map(|&i| d.data_classes.get(i))
            .flat_map(|c| c.sources.iter().copied())
            .collect(),
        ChartKind::Money => items
            .iter()
            .filter_map(|&i| d.money.get(i))
            .flat_map(|m| {
                m.sources
                    .iter()
                    .chain(m.converted.iter().flat_map(|c| c.sources.iter()))
                    .copied()
            })
            .collect(),
    };
    all.sort_unstable();
    all.dedup();
    all
}

/// The interactive part of a chart: the drawing, hidden from screen readers, under a listbox
/// of its marks (names and tooltips come from the data), and a tooltip.
fn stage(key: &'static str, label: &str, svg: String) -> El {
    El::new("div")
        .class("bx-stage")
        .attr("data-bx", "stage")
        .attr("data-chart", key)
        .child(
            El::new("div")
                .class("bx-svg")
                .attr("data-bx", "svg")
                .attr("aria-hidden", "true")
                .svg(svg),
        )
        .child(
            El::new("div")
                .class("bx-list")
                .attr("data-bx", "listbox")
                .attr("role", "listbox")
                .attr("tabindex", "0")
                .attr("aria-label", label),
        )
        .child(
            El::new("div")
                .class("bx-tip")
                .attr("data-bx", "tip")
                .attr("role", "tooltip")
                .attr("hidden", ""),
        )
}

fn chart_figure(d: &Dataset, lang: Lang, kind: ChartKind, drawing: Option<(f64, &Theme)>) -> El {
    let alt = chart_alt(d, lang, kind);
    let live = drawing.is_none();
    El::new("figure")
        .class("bx-figure bx-chart")
        .attr("data-figure", kind.key())
        .child(
            El::new("figcaption")
                .child(El::new("h3").text(i18n::ui(lang, heading(kind))))
                .child(
                    El::new("p")
                        .class("bx-takeaway")
                        .text(takeaway(d, lang, kind)),
                ),
        )
        .child(match drawing {
            None => stage(
                kind.key(),
                &format!(
                    "{} {}",
                    i18n::ui(lang, heading(kind)),
                    i18n::ui(lang, Ui::PointsLabel)
                ),
                String::new(),
            ),
            Some((width, theme)) => picture(&alt, chart_svg(d, lang, kind, width, theme)),
        })
        .child(
            El::new("details")
                .class("bx-more")
                .attr_if(!live, "open", "")
                .child(El::new("summary").text(i18n::ui(lang, Ui::ShowData)))
                .child(alt_paragraph(&alt))
                .child(
                    El::new("p")
                        .class("bx-long")
                        .text(chart_long(d, lang, kind)),
                )
                .child(chart_table(d, lang, kind)),
        )
        .child(
            El::new("p")
                .class("bx-source-line")
                .text(source_line(d, lang, Some(kind))),
        )
        .children(live.then(|| downloads(lang, kind.key())))
}

/// "Sources: The Korea Herald, … [1, 6, 13]" for a chart, or for the timeline (`None`), whose
/// events cite too many to list: the publishers most cited, then how many sources in all.
pub fn source_line(d: &Dataset, lang: Lang, kind: Option<ChartKind>) -> String {
    let cited = match kind {
        Some(k) => chart_sources(d, k),
        None => {
            let mut all: Vec<SourceRef> = d
                .events
                .iter()
                .flat_map(|e| e.sources.iter().copied())
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
    match kind {
        Some(_) => format!(
            "{}: {} {}",
            i18n::ui(lang, Ui::Sources),
            publishers.join(", "),
            cite(&cited)
        ),
        None => {
            let shown: Vec<&str> = publishers.iter().take(6).copied().collect();
            match lang {
                Lang::En => format!(
                    "Sources: {} and others — {} sources in all, listed below",
                    shown.join(", "),
                    cited.len()
                ),
                Lang::Ko => format!(
                    "출처: {} 등 — 모두 {}건, 아래 목록 참조",
                    shown.join(", "),
                    cited.len()
                ),
            }
        }
    }
}

/// Download buttons for a figure: the current view as SVG and PNG.
fn downloads(lang: Lang, key: &'static str) -> El {
    El::new("div")
        .class("bx-downloads")
        .attr("role", "group")
        .attr("aria-label", i18n::ui(lang, Ui::Download))
        .children(
            [("svg", "SVG"), ("png", "PNG")]
                .into_iter()
                .map(|(format, label)| {
                    El::new("button")
                        .attr("type", "button")
                        .class("bx-button bx-small")
                        .attr("data-export", format)
                        .attr("data-figure-key", key)
                        .text(format!("{} {label}", i18n::ui(lang, Ui::Download)))
                }),
        )
}

/// "Get the data": the figures and the events as CSV, the whole dataset as JSON.
fn get_the_data(lang: Lang) -> El {
    El::new("section")
        .class("bx-data")
        .child(El::new("h3").text(i18n::ui(lang, Ui::GetTheData)))
        .child(
            El::new("div").class("bx-downloads").children(
                [
                    ("events-csv", Ui::EventsCsv),
                    ("counts-csv", Ui::CountsCsv),
                    ("json", Ui::DatasetJson),
                ]
                .into_iter()
                .map(|(format, label)| {
                    El::new("button")
                        .attr("type", "button")
                        .class("bx-button bx-small")
                        .attr("data-export", format)
                        .text(i18n::ui(lang, label))
                }),
            ),
        )
}
