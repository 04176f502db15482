//! The count charts: how the count was revised (log scale), how it compares (bars with units),
//! what was exposed (tiles), and what it cost (bars in one currency, with parts).
//!
//! Each chart is a list of rows or tiles; every row names its figure, unit and source in text,
//! so colour never carries the meaning alone. Hits point into the dataset's own lists
//! (`counts`, `data_classes`, `money`) so the page can name and describe each mark.
//!
//! This file holds the shared sizes and picks the chart; `rows` draws rows of text over a mark
//! (the machinery every count chart shares), `bars` puts figures on a linear scale from zero,
//! and each chart kind has its own file: `counts` (revisions, comparison), `money`, `exposed`.

use super::measure::TextMeasure;
use super::Scene;
use crate::model::{Lang, Story};

mod bars;
mod counts;
mod exposed;
mod money;
mod rows;

pub use bars::linear_ticks;
use counts::{comparison, revisions};
use exposed::exposed;
use money::money;

const PAD: f64 = 12.0;
const AXIS_Y: f64 = 38.0;
const ROW_H: f64 = 62.0;
const LINE_H: f64 = 17.0;
const DOT_R: f64 = 6.0;
const BAR_H: f64 = 14.0;

pub use crate::model::figures::ChartKind;

pub fn layout(kind: ChartKind, d: &Story, lang: Lang, width: f64, m: &dyn TextMeasure) -> Scene {
    let width = width.max(200.0);
    match kind {
        ChartKind::Revisions => revisions(d, lang, width, m),
        ChartKind::Comparison => comparison(d, lang, width, m),
        ChartKind::Exposed => exposed(d, lang, width, m),
        ChartKind::Money => money(d, lang, width, m),
    }
}
