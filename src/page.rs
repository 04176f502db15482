//! The explainer as a small element tree built from the dataset: the web module turns it into
//! DOM nodes (text always as text nodes), and natively it serialises to static HTML. One
//! description of the page, so the static fallback and the live page cannot drift apart.

use crate::format;
use crate::i18n::{self, Ui};
use crate::layout::{counts, timeline, CharWidths};
use crate::model::{Count, CountStatus, Dataset, Issue, Lang, SourceRef};
use crate::render::{self, Theme};

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

/// Everything the explainer shows, at `width` CSS px.
pub fn explainer(d: &Dataset, lang: Lang, width: f64, theme: &Theme) -> El {
    let title = d.breach.title.get(lang);
    El::new("section")
        .class("bx")
        .attr("lang", lang.code())
        .attr("aria-label", title)
        .child(
            El::new("header")
                .class("bx-head")
                .child(El::new("h2").class("bx-title").text(title))
                .child(
                    El::new("p")
                        .class("bx-summary")
                        .text(d.breach.summary.get(lang)),
                ),
        )
        .child(timeline_figure(d, lang, width, theme))
        .child(counts_figure(d, lang, width, theme))
        .child(corrections(d, lang))
        .child(sources(d, lang))
        .children(
            d.breach
                .credit
                .as_ref()
                .map(|c| El::new("p").class("bx-credit").text(c.get(lang))),
        )
}

/// A chart's picture: the SVG behind one accessible name (the text alternative).
pub fn picture(key: &'static str, alt: &str, markup: String) -> El {
    El::new("div")
        .class("bx-svg")
        .attr("data-bx", key)
        .attr("role", "img")
        .attr("aria-label", alt)
        .svg(markup)
}

pub fn timeline_svg(d: &Dataset, lang: Lang, width: f64, theme: &Theme) -> String {
    let t = timeline::layout(d, lang, width, timeline::View::Window, &CharWidths);
    render::svg(&t.scene, theme).unwrap_or_default()
}

pub fn counts_svg(d: &Dataset, lang: Lang, width: f64, theme: &Theme) -> String {
    render::svg(&counts::layout(d, lang, width, &CharWidths), theme).unwrap_or_default()
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

fn timeline_figure(d: &Dataset, lang: Lang, width: f64, theme: &Theme) -> El {
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
                .child(El::new("p").class("bx-alt").text(alt)),
        )
        .child(key_figures(d, lang))
        .child(
            El::new("div")
                .class("bx-views")
                .attr("role", "group")
                .attr("aria-label", i18n::ui(lang, Ui::TimeSpan))
                .child(view_button(lang, "window", Ui::ViewWindow, true))
                .child(view_button(lang, "story", Ui::ViewStory, false)),
        )
        .child(
            El::new("div")
                .class("bx-stage")
                .attr("data-bx", "stage")
                .child(
                    El::new("div")
                        .class("bx-svg")
                        .attr("data-bx", "timeline")
                        .attr("aria-hidden", "true")
                        .svg(timeline_svg(d, lang, width, theme)),
                )
                .child(
                    El::new("div")
                        .class("bx-list")
                        .attr("data-bx", "listbox")
                        .attr("role", "listbox")
                        .attr("tabindex", "0")
                        .attr("aria-label", i18n::ui(lang, Ui::EventsLabel)),
                )
                .child(
                    El::new("div")
                        .class("bx-tip")
                        .attr("data-bx", "tip")
                        .attr("role", "tooltip")
                        .attr("hidden", ""),
                ),
        )
        .child(
            El::new("div")
                .class("bx-sr")
                .attr("data-bx", "live")
                .attr("aria-live", "polite"),
        )
        .child(
            El::new("section")
                .class("bx-detail")
                .attr("data-bx", "detail")
                .attr("aria-label", i18n::ui(lang, Ui::SelectedPrefix))
                .attr("hidden", ""),
        )
        .child(
            El::new("details")
                .class("bx-more")
                .child(El::new("summary").text(i18n::ui(lang, Ui::EventListSummary)))
                .child(El::new("ol").class("bx-events").children(items)),
        )
}

/// The revision chart's text alternative: first figure, the revision, the latest figure.
pub fn counts_alt(d: &Dataset, lang: Lang) -> String {
    let rows: Vec<&Count> = counts::revision_rows(d)
        .into_iter()
        .filter_map(|i| d.counts.get(i))
        .filter(|c| c.status != CountStatus::DisputedClaim)
        .collect();
    let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
        return String::new();
    };
    let f = |c: &Count| {
        format!(
            "{} ({}, {})",
            counts::figure_text(lang, c),
            c.reported_by.get(lang),
            format::date(lang, &c.as_of, "")
        )
    };
    match lang {
        Lang::En => format!(
            "How the count was revised, on a log scale: from {} to {}, in {} reported figures.",
            f(first),
            f(last),
            rows.len()
        ),
        Lang::Ko => format!(
            "피해 규모 수치의 변화(로그 척도): {}에서 {}까지, 발표 {}건.",
            f(first),
            f(last),
            rows.len()
        ),
    }
}

fn counts_figure(d: &Dataset, lang: Lang, width: f64, theme: &Theme) -> El {
    let alt = counts_alt(d, lang);
    let head = El::new("tr").children(
        [Ui::Date, Ui::Figure, Ui::Unit, Ui::ReportedBy, Ui::Sources]
            .into_iter()
            .map(|k| El::new("th").attr("scope", "col").text(i18n::ui(lang, k))),
    );
    let body = counts::revision_rows(d).into_iter().filter_map(|i| {
        let c = d.counts.get(i)?;
        let mut figure = format::approx(lang, c.approximate, format::exact(c.value));
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
            El::new("td").text(format::date(lang, &c.as_of, d.zone.label.get(lang))),
            El::new("td").class("bx-num").text(figure),
            El::new("td").text(i18n::unit(lang, c.unit, c.value)),
            El::new("td").text(c.reported_by.get(lang)),
            El::new("td").text(cite(&c.sources)),
        ]))
    });
    let cited: Vec<SourceRef> = {
        let mut all: Vec<SourceRef> = counts::revision_rows(d)
            .into_iter()
            .filter_map(|i| d.counts.get(i))
            .flat_map(|c| c.sources.iter().copied())
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    };
    let publishers: Vec<&str> = {
        let mut p: Vec<&str> = Vec::new();
        for s in cited.iter().filter_map(|&r| d.sources.get(r)) {
            if !p.contains(&s.publisher.as_str()) {
                p.push(&s.publisher);
            }
        }
        p
    };
    El::new("figure")
        .class("bx-figure bx-counts")
        .child(
            El::new("figcaption")
                .child(El::new("h3").text(i18n::ui(lang, Ui::CountsHeading)))
                .child(El::new("p").class("bx-alt").text(alt.clone())),
        )
        .child(picture("counts", &alt, counts_svg(d, lang, width, theme)))
        .child(
            El::new("details")
                .class("bx-more")
                .child(El::new("summary").text(i18n::ui(lang, Ui::CountsTableSummary)))
                .child(
                    El::new("table")
                        .child(El::new("caption").text(i18n::ui(lang, Ui::CountsHeading)))
                        .child(El::new("thead").child(head))
                        .child(El::new("tbody").children(body)),
                ),
        )
        .child(El::new("p").class("bx-source-line").text(format!(
            "{}: {} {}",
            i18n::ui(lang, Ui::Sources),
            publishers.join(", "),
            cite(&cited)
        )))
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
        .map(|i| El::new("li").child(El::new("code").text(describe(file, i))));
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

/// `file: path: message`, the line a dataset author reads.
pub fn describe(file: &str, issue: &Issue) -> String {
    format!("{file}: {issue}")
}

/// Static HTML of an element tree, escaped.
pub fn to_html(el: &El) -> String {
    let mut out = String::new();
    write_el(&mut out, el);
    out
}

fn escape(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
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
