//! The explainer as a small element tree built from the dataset: the web module turns it into
//! DOM nodes (text always as text nodes), and natively it serialises to static HTML. One
//! description of the page, so the static fallback and the live page cannot drift apart.

use crate::describe::{self, charts as words, cite};
use crate::format;
use crate::i18n::{self, Ui};
use crate::layout::{charts, timeline, CharWidths};
use crate::model::figures::{all_counts, all_money, has_chart, rows, ChartKind};
use crate::model::{Dataset, Issue, Lang, SourceRef};
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

/// Everything the explainer shows. `drawing` is the width and theme to draw the charts at for
/// the static version (no JavaScript: no controls, tables open, pictures with their text
/// alternative); the live page passes `None` and draws them itself once it has measured its
/// container.
pub fn explainer(d: &Dataset, lang: Lang, drawing: Option<(f64, &Theme)>) -> El {
    let lang = d.page_lang(lang);
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
                .children(live.then(|| lang_switch(&d.languages, lang)).flatten())
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
        .children(corrections(d, lang))
        .children(live.then(|| get_the_data(lang)))
        .child(sources(d, lang))
        .children(
            d.breach
                .credit
                .as_ref()
                .map(|c| El::new("p").class("bx-credit").text(c.get(lang))),
        )
}

/// "한국어 | English": one button per language the dataset has complete text for (none when it
/// has one), each in its own language and marked with `lang` so screen readers pronounce it.
fn lang_switch(languages: &[Lang], current: Lang) -> Option<El> {
    if languages.len() < 2 {
        return None;
    }
    let buttons = languages.iter().map(|&l| {
        El::new("button")
            .attr("type", "button")
            .class("bx-button bx-lang")
            .attr("lang", l.code())
            .attr("data-lang-switch", l.code())
            .attr("aria-pressed", if l == current { "true" } else { "false" })
            .text(i18n::language_name(l))
    });
    Some(
        El::new("div")
            .class("bx-langs")
            .attr("role", "group")
            .attr("aria-label", i18n::ui(current, Ui::Language))
            .children(buttons),
    )
}

pub fn timeline_svg(d: &Dataset, lang: Lang, width: f64, theme: &Theme) -> String {
    let lang = d.page_lang(lang);
    let t = timeline::layout(d, lang, width, timeline::View::Window, &CharWidths);
    render::svg(&t.scene, theme).unwrap_or_default()
}

/// The key figures derived from the data, as a list above the timeline.
pub fn key_figures(d: &Dataset, lang: Lang) -> El {
    let items = describe::key_figures(d, lang).into_iter().map(|k| {
        El::new("li")
            .child(El::new("strong").text(k.strong))
            .text(k.rest)
    });
    El::new("ul")
        .class("bx-figures")
        .attr("aria-label", i18n::ui(lang, Ui::KeyFigures))
        .children(items)
}

/// `el` marked with the source's language when it is not the page's, so screen readers read a
/// title or publisher in its own language.
fn in_source_lang(el: El, s: &crate::model::Source, lang: Lang) -> El {
    let source_lang = describe::source_lang(s);
    if source_lang.split('-').next() == Some(lang.code()) {
        el
    } else {
        el.attr("lang", source_lang)
    }
}

/// A source's link: its title (a description in brackets), in the title's language.
fn source_link(s: &crate::model::Source, lang: Lang) -> El {
    in_source_lang(link(&s.url, &describe::source_title(s)), s, lang)
}

/// " — The Korea Herald", the publisher in the source's language.
fn publisher(s: &crate::model::Source, lang: Lang) -> [El; 1] {
    [in_source_lang(
        El::new("span").text(s.publisher.clone()),
        s,
        lang,
    )]
}

fn source_links(d: &Dataset, lang: Lang, refs: &[SourceRef]) -> El {
    El::new("ul")
        .class("bx-cites")
        .children(refs.iter().filter_map(|&r| {
            let s = d.sources.get(r)?;
            Some(
                El::new("li")
                    .child(source_link(s, lang))
                    .text(" — ")
                    .children(publisher(s, lang)),
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
                    .text(describe::event_when(d, lang, e)),
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
            li.child(source_links(d, lang, &a.sources))
        });
        panel = panel
            .child(El::new("h5").text(i18n::ui(lang, Ui::OtherAccounts)))
            .child(El::new("ul").class("bx-alts").children(alts));
    }
    panel
        .child(El::new("h5").text(i18n::ui(lang, Ui::Sources)))
        .child(source_links(d, lang, &e.sources))
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
    let alt = describe::timeline_alt(d, lang);
    let items = d.events_in_time_order().into_iter().filter_map(|i| {
        let e = d.events.get(i)?;
        // Other sources' dates for the event, with their notes and citations.
        let alternatives = e.alternatives.iter().map(|a| {
            let mut text = format!("{}: {}", a.by.get(lang), format::date(lang, &a.date, zone));
            if let Some(note) = &a.note {
                text.push_str(&format!(". {}", words::unpunctuated(note.get(lang))));
            }
            El::new("li").text(format!("{text}. {}", cite(&a.sources)))
        });
        let alternatives: Vec<El> = alternatives.collect();
        let has_alternatives = !alternatives.is_empty();
        Some(
            El::new("li")
                .attr("data-event", e.id.clone())
                .attr("data-lane", lane_code(e.lane))
                .child(
                    El::new("time")
                        .attr("datetime", format::iso(&e.date))
                        .text(describe::event_when(d, lang, e)),
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
                )))
                .children(has_alternatives.then(|| {
                    El::new("ul")
                        .class("bx-alts")
                        .attr("aria-label", i18n::ui(lang, Ui::OtherAccounts))
                        .children(alternatives)
                })),
        )
    });
    let claims = d
        .exposure
        .claims
        .iter()
        .map(|c| El::new("li").text(describe::claim_line(d, lang, c)));
    El::new("figure")
        .class("bx-figure bx-timeline")
        .child(
            El::new("figcaption")
                .child(El::new("h3").text(i18n::ui(lang, Ui::TimelineHeading)))
                .child(alt_paragraph(&alt)),
        )
        .child(key_figures(d, lang))
        .child(
            El::new("details")
                .class("bx-more bx-claims")
                .attr_if(!live, "open", "")
                .child(El::new("summary").text(i18n::ui(lang, Ui::Claims)))
                .child(El::new("ul").children(claims)),
        )
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
                .text(describe::source_line(d, lang, None)),
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

/// The corrections section; none when the dataset has no corrections.
fn corrections(d: &Dataset, lang: Lang) -> Option<El> {
    if d.corrections.is_empty() {
        return None;
    }
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
    Some(
        El::new("section")
            .class("bx-corrections")
            .child(El::new("h3").text(i18n::ui(lang, Ui::Corrections)))
            .child(El::new("ul").children(items)),
    )
}

fn sources(d: &Dataset, lang: Lang) -> El {
    let items = d.sources.iter().map(|s| {
        let mut meta = String::new();
        if let Some(via) = &s.via {
            meta.push_str(&format!(" ({} {via})", i18n::ui(lang, Ui::Via)));
        }
        if let Some(p) = &s.published {
            meta.push_str(&format!(", {}", format::date(lang, p, "")));
        }
        El::new("li")
            .child(source_link(s, lang))
            .text(" — ")
            .children(publisher(s, lang))
            .text(meta)
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

fn th_row(lang: Lang, keys: &[Ui]) -> El {
    El::new("tr").children(
        keys.iter()
            .map(|k| El::new("th").attr("scope", "col").text(i18n::ui(lang, *k))),
    )
}

/// The chart's data as a real table: every mark, and for money every amount in any currency.
fn chart_table(d: &Dataset, lang: Lang, kind: ChartKind) -> El {
    let zone = d.zone.label.get(lang);
    let note = |n: &Option<crate::model::Text>| n.as_ref().map_or("", |t| t.get(lang)).to_string();
    let (head, rows): (Vec<Ui>, Vec<El>) = match kind {
        ChartKind::Revisions | ChartKind::Comparison => (
            vec![
                Ui::Date,
                Ui::Subject,
                Ui::Figure,
                Ui::Unit,
                Ui::ReportedBy,
                Ui::Note,
                Ui::Sources,
            ],
            // The revisions table lists every count of the dataset, drawn or not, so no
            // authored figure is left out; the comparison's lists its bars.
            match kind {
                ChartKind::Revisions => all_counts(d),
                _ => rows(d, kind),
            }
            .into_iter()
            .filter_map(|i| {
                let c = d.counts.get(i)?;
                let sign = if c.adds_to.is_some() { "+" } else { "" };
                let mut figure = format::approx(
                    lang,
                    c.approximate,
                    format!("{sign}{}", format::exact(c.value)),
                );
                if let Some(status) = words::status_word(lang, c) {
                    figure = format!("{figure} ({status})");
                }
                Some(El::new("tr").children([
                    El::new("td").text(format::date(lang, &c.as_of, zone)),
                    El::new("td").text(c.subject.get(lang)),
                    El::new("td").class("bx-num").text(figure),
                    El::new("td").text(i18n::unit(lang, c.unit, c.value)),
                    El::new("td").text(c.reported_by.get(lang)),
                    El::new("td").text(note(&c.note)),
                    El::new("td").text(cite(&c.sources)),
                ]))
            })
            .collect(),
        ),
        ChartKind::Exposed => (
            vec![Ui::DataClass, Ui::Exposed, Ui::WhatToWatch, Ui::Sources],
            rows(d, kind)
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
                Ui::Note,
                Ui::Sources,
            ],
            all_money(d)
                .into_iter()
                .filter_map(|i| {
                    let m = d.money.get(i)?;
                    let parts: Vec<String> = m
                        .parts
                        .iter()
                        .map(|p| words::part_text(lang, m, p))
                        .collect();
                    let converted: Vec<String> = m
                        .converted
                        .iter()
                        .map(|c| words::converted_text(lang, c))
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
                        El::new("td").text(note(&m.note)),
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

/// The comparison's own title, as the author wrote it.
fn comparison_title(d: &Dataset, lang: Lang, kind: ChartKind) -> Option<El> {
    let c = d
        .comparisons
        .first()
        .filter(|_| kind == ChartKind::Comparison)?;
    Some(El::new("p").class("bx-subtitle").text(c.title.get(lang)))
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
    let alt = words::chart_alt(d, lang, kind);
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
                        .text(words::takeaway(d, lang, kind)),
                )
                .children(comparison_title(d, lang, kind)),
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
                        .text(words::chart_long(d, lang, kind)),
                )
                .child(chart_table(d, lang, kind)),
        )
        .child(
            El::new("p")
                .class("bx-source-line")
                .text(describe::source_line(d, lang, Some(kind))),
        )
        .children(live.then(|| downloads(lang, kind.key())))
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
