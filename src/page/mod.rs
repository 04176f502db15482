//! The explainer as a small element tree built from the dataset: the web module turns it into
//! DOM nodes (text always as text nodes), and natively it serialises to static HTML. One
//! description of the page, so the static fallback and the live page cannot drift apart.

use crate::describe;
use crate::describe::charts::{self as words, ChartWords};
use crate::i18n::{self, Ui};
use crate::layout::{charts, timeline, CharWidths};
use crate::model::figures::ChartKind;
use crate::model::{Issue, Lang, Story};
use crate::render::{self, Theme};

mod el;
pub mod folding;
pub mod hooks;
pub mod lists;
mod sources;
mod tables;

pub use el::{to_html, El, Node};
use hooks::{Export, Part, Stage};
pub use hooks::{PagePart, Parts};
pub use lists::cluster_list;
use sources::{changes, corrections, source_links, sources};
use tables::table;

/// Everything the explainer shows. `drawing` is the theme to draw the figures in for the static
/// version: the same tree as the live one, controls and all, with each drawing made at every
/// width rung (`layout::TIMELINE_RUNGS`, `CHART_RUNGS`) for a container query to pick; the live page passes `None` and
/// draws them itself once it has measured its container. The two are the same height at any
/// width, so one replacing the other moves nothing.
pub fn explainer(d: &Story, lang: Lang, drawing: Option<&Theme>) -> El {
    match drawing {
        Some(theme) => explainer_parts(d, lang, Some(&static_drawer(d, lang, theme)), &Parts::All),
        None => explainer_parts(d, lang, None, &Parts::All),
    }
}

/// The explainer with the parts a host chose: each part shown open, folded behind its heading
/// (one tap away), or left out.
pub fn explainer_parts(d: &Story, lang: Lang, drawing: Drawer, parts: &Parts) -> El {
    let lang = d.page_lang(lang);
    let title = d.breach.title.get(lang);
    let live = drawing.is_none();
    // Each part as it is shown: open, or folded under a summary that carries its heading.
    let part = |which: PagePart, heading: &str, build: &dyn Fn(bool) -> Option<El>| -> Option<El> {
        let open = parts.show(which)?;
        let el = build(!open)?;
        Some(if open {
            el
        } else {
            El::new("details")
                .class("bx-part")
                .attr(hooks::PAGE_PART, which.code())
                .child(
                    El::new("summary").child(
                        El::new("h3")
                            .class("bx-part-title")
                            .text(heading.to_string()),
                    ),
                )
                .child(el)
        })
    };
    let head = || {
        El::new("header")
            .class("bx-head")
            .children(lang_switch(&d.languages, lang))
            .child(El::new("h2").class("bx-title").text(title))
            .child(
                El::new("p")
                    .class("bx-summary")
                    .text(d.breach.summary.get(lang)),
            )
            .children(updated_line(d, lang))
    };
    El::new("section")
        .class("bx")
        .attr("lang", lang.code())
        .attr("aria-label", title)
        .attr_if(!live, hooks::STATIC, "")
        // What the static version shows, so the live one that replaces it shows the same.
        .attr_if(!live, hooks::STATIC_PARTS, &parts.code())
        .children(parts.show(PagePart::Head).map(|_| head()))
        .children(part(
            PagePart::Timeline,
            i18n::ui(lang, Ui::TimelineHeading),
            &|_| Some(timeline_figure(d, lang, drawing)),
        ))
        .children(ChartKind::ALL.into_iter().filter_map(|k| {
            part(PagePart::Chart(k), words::heading(lang, k), &|folded| {
                d.has_chart(k)
                    .then(|| chart_figure(words::chart_words(d, lang, k), lang, k, drawing, folded))
            })
        }))
        .children(part(
            PagePart::Changes,
            i18n::ui(lang, Ui::WhatChanged),
            &|folded| changes(d, lang, folded),
        ))
        .children(part(
            PagePart::Corrections,
            i18n::ui(lang, Ui::Corrections),
            &|_| corrections(d, lang),
        ))
        .children(part(
            PagePart::Data,
            i18n::ui(lang, Ui::GetTheData),
            &|_| Some(get_the_data(lang)),
        ))
        .children(part(
            PagePart::Sources,
            i18n::ui(lang, Ui::SourcesHeading),
            &|_| Some(sources(d, lang)),
        ))
        .children(
            d.breach
                .credit
                .as_ref()
                .map(|c| El::new("p").class("bx-credit").text(c.get(lang))),
        )
}

/// "Updated 11 June 2026, 20:00 UTC. Event added: …" under the headline; none without
/// `updated`.
fn updated_line(d: &Story, lang: Lang) -> Option<El> {
    let line = describe::changes::updated_line(d, lang)?;
    Some(
        El::new("p")
            .class("bx-updated")
            .attr(hooks::PART, Part::Updated.code())
            .child(
                El::new("time")
                    .attr("datetime", line.datetime)
                    .text(line.when),
            )
            .text(".")
            .text_some(line.latest.map(|l| format!(" {l}"))),
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
            .attr(hooks::LANG_SWITCH, l.code())
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

/// The timeline's window view drawn `width` px wide.
pub fn timeline_svg(d: &Story, lang: Lang, width: f64, theme: &Theme) -> String {
    let lang = d.page_lang(lang);
    let t = timeline::layout(d, lang, width, timeline::View::Window, &CharWidths);
    render::svg(&t.scene, theme)
}

/// The key figures derived from the data, as a list above the timeline.
fn key_figures(figures: Vec<describe::KeyFigure>, lang: Lang) -> El {
    // The number and a few words; the full attributed sentence one tap away.
    let items = figures.into_iter().map(|k| {
        El::new("li").child(
            El::new("details")
                .class("bx-figure-more")
                .child(
                    El::new("summary")
                        .child(El::new("strong").text(k.strong.clone()))
                        .text(" ")
                        .child(El::new("span").text(k.label)),
                )
                .child(El::new("p").text(format!("{}{}", k.strong, k.rest))),
        )
    });
    El::new("ul")
        .class("bx-figures")
        .attr("aria-label", i18n::ui(lang, Ui::KeyFigures))
        .children(items)
}

/// The detail panel of one event: date at its real precision, detail, confidence, the other
/// accounts of its date with their sources, and its sources.
pub fn detail(d: &Story, lang: Lang, event: usize) -> El {
    detail_with(d, lang, event, false)
}

/// The detail panel of an event opened from a cluster's list, with a way back to the list.
pub fn detail_from_list(d: &Story, lang: Lang, event: usize) -> El {
    detail_with(d, lang, event, true)
}

fn detail_with(d: &Story, lang: Lang, event: usize, from_list: bool) -> El {
    let Some(e) = d.events.get(event) else {
        return El::new("div");
    };
    let mut panel = El::new("div")
        .class("bx-detail-body")
        .child(El::new("h4").text(e.title.get(lang)))
        .child(
            El::new("p").class("bx-date").child(
                El::new("time")
                    .attr("datetime", e.date.html_datetime())
                    .text(describe::event_when(d, lang, e)),
            ),
        )
        .child(El::new("p").text(e.detail.get(lang)))
        .child(
            El::new("p")
                .class("bx-meta")
                .text(describe::confidence_line(lang, e.confidence)),
        );
    if !e.alternatives.is_empty() {
        let alts = e.alternatives.iter().map(|a| {
            let mut li =
                El::new("li").child(El::new("strong").text(describe::other_account(d, lang, a)));
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
        .children(from_list.then(|| {
            El::new("button")
                .attr("type", "button")
                .attr(hooks::PART, Part::BackToList.code())
                .class("bx-button")
                .text(i18n::ui(lang, Ui::BackToList))
        }))
        .child(lists::close_button(lang))
}

fn view_button(lang: Lang, view: timeline::View, label: Ui, pressed: bool) -> El {
    El::new("button")
        .attr("type", "button")
        .class("bx-button")
        .attr(hooks::VIEW, hooks::view_code(view))
        .attr("aria-pressed", if pressed { "true" } else { "false" })
        .text(i18n::ui(lang, label))
}

fn timeline_figure(d: &Story, lang: Lang, drawing: Drawer) -> El {
    let w = describe::timeline::timeline_words(d, lang);
    El::new("figure")
        .class("bx-figure bx-timeline")
        .child(
            El::new("figcaption")
                .child(El::new("h3").text(i18n::ui(lang, Ui::TimelineHeading)))
                // The key figures below say it to everyone; the full sentence describes the
                // drawing (or, live, its listbox) for screen readers. The static version folds
                // and shows what the live one does, so that one replacing the other on the
                // reader's first touch moves nothing.
                .child(alt_paragraph(&w.alt, true)),
        )
        .child(key_figures(w.key_figures, lang))
        .child(
            El::new("details")
                .class("bx-more bx-claims")
                .child(El::new("summary").text(i18n::ui(lang, Ui::Claims)))
                .child(El::new("ul").children(w.claims.into_iter().map(|c| El::new("li").text(c)))),
        )
        .child(
            El::new("div")
                .class("bx-views")
                .attr("role", "group")
                .attr("aria-label", i18n::ui(lang, Ui::TimeSpan))
                .child(view_button(
                    lang,
                    timeline::View::Window,
                    Ui::ViewWindow,
                    true,
                ))
                .child(view_button(
                    lang,
                    timeline::View::Story,
                    Ui::ViewStory,
                    false,
                ))
                // Shown while the timeline is zoomed in on a cluster's dates.
                .child(
                    El::new("button")
                        .attr("type", "button")
                        .class("bx-button")
                        .attr(hooks::PART, Part::ZoomOut.code())
                        .attr("hidden", "")
                        .text(i18n::ui(lang, Ui::ZoomOut)),
                ),
        )
        .child(match drawing {
            None => stage(
                Stage::Timeline,
                i18n::ui(lang, Ui::EventsLabel),
                String::new(),
            ),
            Some(draw) => draw(Stage::Timeline, &w.alt),
        })
        .child(
            El::new("div")
                .class("bx-sr")
                .attr(hooks::PART, Part::Live.code())
                .attr("aria-live", "polite"),
        )
        .child(
            El::new("section")
                .class("bx-detail")
                .attr(hooks::PART, Part::Detail.code())
                .attr("aria-label", i18n::ui(lang, Ui::SelectedPrefix))
                .attr("hidden", ""),
        )
        .child(foot(
            lists::event_list(d, lang, drawing.is_none()),
            lang,
            Stage::Timeline,
        ))
        .child(El::new("p").class("bx-source-line").text(w.source_line))
}

/// Under a figure, one row: its data (a `details`) with the download buttons beside the
/// summary, where a phone has room for both.
fn foot(data: El, lang: Lang, stage: Stage) -> El {
    El::new("div")
        .class("bx-foot")
        .child(data)
        .child(downloads(lang, stage))
}

/// A figure's short text alternative, as a paragraph the DOM module finds by `data-bx="alt"`
/// and points the figure's listbox at (`aria-describedby`).
fn alt_paragraph(alt: &str, screen_readers_only: bool) -> El {
    El::new("p")
        .class(if screen_readers_only {
            "bx-alt bx-sr"
        } else {
            "bx-alt"
        })
        .attr(hooks::PART, Part::Alt.code())
        .text(alt)
}

/// Who fills a figure's place: `None` leaves it to the live explainer, which draws it at the
/// reader's width; the static version's writer passes [`static_drawer`]. (A function, so the
/// reader's wasm, which never draws a static version, carries none of its code.)
pub type Drawer<'a> = Option<&'a dyn Fn(Stage, &str) -> El>;

/// Draws each figure of the static version at every width rung, in `theme`.
pub fn static_drawer<'a>(
    d: &'a Story,
    lang: Lang,
    theme: &'a Theme,
) -> impl Fn(Stage, &str) -> El + 'a {
    move |stage, alt| {
        drawn_stage(stage, alt, |width| match stage {
            Stage::Timeline => timeline_svg(d, lang, width, theme),
            Stage::Chart(kind) => chart_svg(d, lang, kind, width, theme),
        })
    }
}

/// The static version's drawing: one picture per width rung, of which the figure's own width
/// shows one (a container query in `explainer.css`), named by the figure's text alternative.
/// It holds the keyboard stop the live drawing's listbox will hold, so focus has a place to
/// stay when one replaces the other.
fn drawn_stage(stage: Stage, alt: &str, draw: impl Fn(f64) -> String) -> El {
    let rungs: &[f64] = match stage {
        Stage::Timeline => &crate::layout::TIMELINE_RUNGS,
        Stage::Chart(_) => &crate::layout::CHART_RUNGS,
    };
    El::new("div")
        .class("bx-stage bx-rungs")
        .attr(hooks::PART, Part::Stage.code())
        .attr(hooks::STAGE, stage.code())
        .attr("role", "img")
        .attr("tabindex", "0")
        .attr("aria-label", alt)
        .children(rungs.iter().map(|&width| {
            El::new("div")
                .class("bx-svg bx-rung")
                .attr(hooks::RUNG, (width as u32).to_string())
                .svg(draw(width))
        }))
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
        .child(El::new("p").text(i18n::ui(lang, Ui::ErrorForReaders)))
        // The full list is for the page's editors: there, but folded away from readers (and in
        // the browser console and the host's `breach-explainer:error` event).
        .child(
            El::new("details")
                .class("bx-more")
                .child(El::new("summary").text(i18n::ui(lang, Ui::ErrorForEditors)))
                .child(El::new("p").text(format!("{} {file}", i18n::ui(lang, Ui::ErrorHelp))))
                .child(El::new("ul").class("bx-problems").children(items)),
        )
}

/// `file:line:column: path (the 4th event, "…"): message`, the line a dataset author reads
/// (and an editor jumps from), in `lang`; `file: …` when the place in the text is not known.
pub fn describe(file: &str, issue: &Issue, lang: Lang) -> String {
    match issue.at {
        Some(at) => format!("{file}:{}:{}: {}", at.line, at.column, issue.describe(lang)),
        None => format!("{file}: {}", issue.describe(lang)),
    }
}

pub fn chart_svg(d: &Story, lang: Lang, kind: ChartKind, width: f64, theme: &Theme) -> String {
    render::svg(&charts::layout(kind, d, lang, width, &CharWidths), theme)
}

/// The interactive part of a chart: the drawing, hidden from screen readers, under a listbox
/// of its marks (names and tooltips come from the data), and a tooltip.
fn stage(stage: Stage, label: &str, svg: String) -> El {
    El::new("div")
        .class("bx-stage")
        .attr(hooks::PART, Part::Stage.code())
        .attr(hooks::STAGE, stage.code())
        .child(
            El::new("div")
                .class("bx-svg")
                .attr(hooks::PART, Part::Svg.code())
                .attr("aria-hidden", "true")
                .svg(svg),
        )
        .child(
            El::new("div")
                .class("bx-list")
                .attr(hooks::PART, Part::Listbox.code())
                .attr("role", "listbox")
                .attr("tabindex", "0")
                .attr("aria-label", label),
        )
        .child(
            El::new("div")
                .class("bx-tip")
                .attr(hooks::PART, Part::Tip.code())
                .attr("role", "tooltip")
                .attr("hidden", ""),
        )
}

fn chart_figure(w: ChartWords, lang: Lang, kind: ChartKind, drawing: Drawer, folded: bool) -> El {
    El::new("figure")
        .class("bx-figure bx-chart")
        .attr(hooks::FIGURE, kind.key())
        .attr("aria-label", w.heading)
        .child(
            El::new("figcaption")
                // Folded, the figure's heading is the one its summary shows.
                .children((!folded).then(|| El::new("h3").text(w.heading)))
                .child(El::new("p").class("bx-takeaway").text(w.takeaway))
                .children(
                    w.subtitle
                        .map(|t| El::new("p").class("bx-subtitle").text(t)),
                )
                // The drawing's short alternative, for screen readers even while "Show the
                // data" is closed (the marks' listbox is described by it).
                .child(alt_paragraph(&w.alt, true)),
        )
        .child(match drawing {
            None => stage(
                Stage::Chart(kind),
                &format!("{} {}", w.heading, i18n::ui(lang, Ui::PointsLabel)),
                String::new(),
            ),
            Some(draw) => draw(Stage::Chart(kind), &w.alt),
        })
        .child(foot(
            El::new("details")
                .class("bx-more")
                .child(El::new("summary").text(i18n::ui(lang, Ui::ShowData)))
                .child(El::new("p").class("bx-long").text(w.long))
                .child(table(w.heading, w.table)),
            lang,
            Stage::Chart(kind),
        ))
        .child(El::new("p").class("bx-source-line").text(w.source_line))
}

/// Download buttons for a figure: the current view as SVG and PNG.
fn downloads(lang: Lang, stage: Stage) -> El {
    El::new("div")
        .class("bx-downloads")
        .attr("role", "group")
        .attr("aria-label", i18n::ui(lang, Ui::Download))
        .children(
            [(Export::Svg, "SVG"), (Export::Png, "PNG")]
                .into_iter()
                .map(|(format, label)| {
                    // Shown as "↓ SVG", named "Download SVG".
                    El::new("button")
                        .attr("type", "button")
                        .class("bx-button bx-small")
                        .attr(hooks::EXPORT, format.code())
                        .attr(hooks::FIGURE_KEY, stage.code())
                        .child(El::new("span").attr("aria-hidden", "true").text("↓ "))
                        .child(
                            El::new("span")
                                .class("bx-sr")
                                .text(format!("{} ", i18n::ui(lang, Ui::Download))),
                        )
                        .text(label)
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
                    (Export::EventsCsv, Ui::EventsCsv),
                    (Export::CountsCsv, Ui::CountsCsv),
                    (Export::Json, Ui::DatasetJson),
                ]
                .into_iter()
                .map(|(format, label)| {
                    El::new("button")
                        .attr("type", "button")
                        .class("bx-button bx-small")
                        .attr(hooks::EXPORT, format.code())
                        .text(i18n::ui(lang, label))
                }),
            ),
        )
}
