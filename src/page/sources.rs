//! Sources and corrections: every source listed with its title (a description in brackets)
//! and publisher in their own language, and the corrections of widely copied claims.

use super::el::{link, El};
use crate::describe::{self, cite};
use crate::format;
use crate::i18n::{self, Ui};
use crate::model::{Lang, SourceRef, Story};

/// `el` marked with the source's language when it is not the page's, so screen readers read a
/// title or publisher in its own language.
pub(super) fn in_source_lang(el: El, s: &crate::model::Source, lang: Lang) -> El {
    let source_lang = describe::source_lang(s);
    if source_lang.split('-').next() == Some(lang.code()) {
        el
    } else {
        el.attr("lang", source_lang)
    }
}

/// A source's link: its title (a description in brackets), in the title's language.
pub(super) fn source_link(s: &crate::model::Source, lang: Lang) -> El {
    in_source_lang(link(&s.url, &describe::source_title(s)), s, lang)
}

/// " — The Korea Herald", the publisher in the source's language.
pub(super) fn publisher(s: &crate::model::Source, lang: Lang) -> [El; 1] {
    [in_source_lang(
        El::new("span").text(s.publisher.clone()),
        s,
        lang,
    )]
}

pub(super) fn source_links(d: &Story, lang: Lang, refs: &[SourceRef]) -> El {
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

pub(super) fn sources(d: &Story, lang: Lang) -> El {
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
    // Said once, where the brackets are: a description is never passed off as a headline.
    let described = d
        .sources
        .iter()
        .any(|s| s.title_kind == crate::model::TitleKind::Description);
    El::new("section")
        .class("bx-sources")
        .child(El::new("h3").text(i18n::ui(lang, Ui::SourcesHeading)))
        .children(described.then(|| {
            El::new("p").class("bx-note").text(match lang {
                Lang::En => "Titles in [brackets] describe a source; they are not its headline.",
                Lang::Ko => "[대괄호] 안의 제목은 출처의 실제 제목이 아니라 내용을 설명한 것이다.",
            })
        }))
        .child(El::new("ol").children(items))
}

/// The corrections section; none when the dataset has no corrections.
pub(super) fn corrections(d: &Story, lang: Lang) -> Option<El> {
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

/// "What changed": the change log, newest first, each change with its date, its sentence, its
/// note and its sources; none without a change log. `folded`: its heading is the part's summary.
pub(super) fn changes(d: &Story, lang: Lang, folded: bool) -> Option<El> {
    if d.changes.is_empty() {
        return None;
    }
    let items = crate::describe::changes::entries(d, lang)
        .into_iter()
        .map(|c| {
            El::new("li")
                .child(El::new("time").attr("datetime", c.datetime).text(c.when))
                .text(" — ")
                .child(El::new("strong").text(c.sentence))
                .text_some(c.note.map(|n| format!(" {n}")))
                // Cited by number, as every fact outside the details panel is.
                .text(format!(" {}", c.cite))
        });
    Some(
        El::new("section")
            .class("bx-changes-part")
            .children((!folded).then(|| El::new("h3").text(i18n::ui(lang, Ui::WhatChanged))))
            .child(El::new("ol").class("bx-changes").children(items)),
    )
}
