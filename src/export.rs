//! What a reader can take away: a figure as a standalone SVG with its title, source line and
//! credit drawn in, and the data as CSV and JSON. Pure: the DOM module only hands the result
//! to the browser as a download.

use crate::i18n::{self, Ui};
use crate::layout::charts::{self, ChartKind};
use crate::layout::measure::wrap;
use crate::layout::timeline::{self, View};
use crate::layout::{Anchor, CharWidths, Mark, Paint, Scene, SMALL};
use crate::model::{Lang, Story};
use crate::render::{self, Theme};

/// Which figure to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    Timeline(View),
    Chart(ChartKind),
}

const PAD: f64 = 12.0;
const TITLE: f64 = 17.0;

/// The figure at `width` px as an SVG document: explainer title and figure heading above, the
/// source line and the credit below, so the image carries its provenance wherever it goes.
pub fn figure_svg(d: &Story, lang: Lang, figure: Figure, width: f64, theme: &Theme) -> String {
    let width = width.max(280.0);
    let (scene, heading) = match figure {
        Figure::Timeline(view) => (
            timeline::layout(d, lang, width, view, &CharWidths).scene,
            i18n::ui(lang, Ui::TimelineHeading),
        ),
        Figure::Chart(kind) => (
            charts::layout(kind, d, lang, width, &CharWidths),
            match kind {
                ChartKind::Revisions => i18n::ui(lang, Ui::RevisionsHeading),
                ChartKind::Comparison => i18n::ui(lang, Ui::ComparisonHeading),
                ChartKind::Exposed => i18n::ui(lang, Ui::ExposedHeading),
                ChartKind::Money => i18n::ui(lang, Ui::MoneyHeading),
            },
        ),
    };
    let max = width - 2.0 * PAD;
    let mut head = Vec::new();
    let mut y = PAD + TITLE / 2.0;
    for line in wrap(&CharWidths, d.breach.title.get(lang), TITLE, true, max, 3) {
        head.push(text(line, y, TITLE, true, Paint::Ink));
        y += TITLE * 1.3;
    }
    head.push(text(
        heading.to_string(),
        y,
        SMALL + 1.0,
        true,
        Paint::Muted,
    ));
    y += 20.0;
    let body = scene.shifted(y);
    let mut foot_y = body.height + 12.0;
    let source = match figure {
        Figure::Timeline(_) => {
            crate::describe::source_line(d, lang, None, crate::describe::SourceForm::Full)
        }
        Figure::Chart(k) => {
            crate::describe::source_line(d, lang, Some(k), crate::describe::SourceForm::Full)
        }
    };
    let credit = d.breach.credit.as_ref().map(|c| c.get(lang).to_string());
    let mut foot = Vec::new();
    for para in std::iter::once(source).chain(credit) {
        for line in wrap(&CharWidths, &para, SMALL, false, max, 6) {
            foot.push(text(line, foot_y, SMALL, false, Paint::Muted));
            foot_y += 16.0;
        }
    }
    let mut marks = head;
    marks.extend(body.marks);
    marks.extend(foot);
    let scene = Scene {
        width,
        height: foot_y + PAD,
        marks,
        hits: Vec::new(),
    };
    render::svg(&scene, theme)
}

fn text(text: String, y: f64, size: f64, bold: bool, paint: Paint) -> Mark {
    Mark::Text {
        x: PAD,
        y,
        text,
        size,
        anchor: Anchor::Start,
        paint,
        bold,
    }
}

/// One CSV cell: quoted when needed, and never read as a formula by a spreadsheet (a leading
/// `=`, `+`, `-`, `@`, tab or carriage return from a dataset gets a `'`, as OWASP advises).
fn cell(out: &mut String, value: &str) {
    let guarded;
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        guarded = format!("'{value}");
        guarded.as_str()
    } else {
        value
    };
    if value.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

fn row(out: &mut String, cells: &[&str]) {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        cell(out, c);
    }
    out.push_str("\r\n");
}

fn urls(d: &Story, refs: &[usize]) -> String {
    refs.iter()
        .filter_map(|&r| d.sources.get(r))
        .map(|s| s.url.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every event as CSV (RFC 4180), in time order, with dates as written in the dataset.
pub fn events_csv(d: &Story, lang: Lang) -> String {
    let mut out = String::new();
    row(
        &mut out,
        &[
            "id",
            "date",
            "end",
            "lane",
            "title",
            "detail",
            "confidence",
            "sources",
        ],
    );
    for i in d.in_time_order.iter().copied() {
        let Some(e) = d.events.get(i) else { continue };
        let lane = e.lane.code();
        let end = e.end.as_ref().map(|d| d.iso()).unwrap_or_default();
        row(
            &mut out,
            &[
                &e.id,
                &e.date.iso(),
                &end,
                lane,
                e.title.get(lang),
                e.detail.get(lang),
                e.confidence.code(),
                &urls(d, &e.sources),
            ],
        );
    }
    out
}

/// Every count as CSV, exact values with their unit.
pub fn counts_csv(d: &Story, lang: Lang) -> String {
    let mut out = String::new();
    row(
        &mut out,
        &[
            "id",
            "series",
            "as_of",
            "value",
            "approximate",
            "unit",
            "subject",
            "reported_by",
            "status",
            "sources",
            "at_least",
            "at_most",
            "disclosed",
        ],
    );
    for c in &d.counts {
        // One form per row, as in the dataset: the exact value, its bounds, or not disclosed.
        let cell = |n: Option<u64>| n.map_or(String::new(), |n| n.to_string());
        use crate::model::Figure as F;
        let (value, low, high, disclosed) = match c.value {
            F::Exact(n) => (Some(n), None, None, ""),
            F::AtLeast(n) => (None, Some(n), None, ""),
            F::AtMost(n) => (None, None, Some(n), ""),
            F::Between(a, b) => (None, Some(a), Some(b), ""),
            F::NotDisclosed => (None, None, None, "false"),
        };
        let unit = c.unit.code();
        let status = c.status.code();
        row(
            &mut out,
            &[
                &c.id,
                &c.series,
                &c.as_of.iso(),
                &cell(value),
                if c.approximate { "true" } else { "false" },
                unit,
                c.subject.get(lang),
                c.reported_by.get(lang),
                status,
                &urls(d, &c.sources),
                &cell(low),
                &cell(high),
                disclosed,
            ],
        );
    }
    out
}
