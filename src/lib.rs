//! breach-explainer: an embeddable, accessible explainer of a data breach — a timeline of the
//! exposure window and what followed, and charts of the affected counts — from a sourced dataset.
//!
//! The rings, inner to outer; each module uses only those before it:
//!
//! 1. [`model`] — the dataset: JSON tree, calendar dates, validation, derived figures.
//! 2. [`format`](mod@format), [`i18n`], [`describe`] — every number, date, interface word and
//!    generated sentence, per language.
//! 3. [`layout`] — pure layout into a [`layout::Scene`] of plain marks (scales, ticks, label
//!    packing, hit regions), tested natively.
//! 4. [`render`], [`svg`] — a scene painted onto any plotters `DrawingBackend`.
//! 5. [`page`], [`export`] — the explainer as an element tree (live DOM and static HTML), and
//!    what a reader takes away (SVG, CSV, JSON); `sheets` (feature `sheets`) — a dataset as CSV
//!    sheets for spreadsheet authoring and back, pure (its wasm32 part gives the editor the two
//!    conversions without touching the DOM).
//! 6. [`reading`] — what the reader is looking at (view, zooms, selection, lists, each figure's
//!    active mark and tooltip) as a plain value; `apply(input) -> changes`, tested natively.
//! 7. `web` — the only module that touches the DOM (wasm32 only): decodes events into inputs
//!    and paints the changes.
//!
//! `src/main.rs` is the native command: `check` a dataset, render it as static `html`, draw its
//! `social` image ([`social`], native only), `import`/`export` it as spreadsheet sheets.

/// Every sentence about the story, generated from typed facts, per language.
pub mod describe;
/// What a reader takes away: a figure as SVG with title and sources, the data as CSV and JSON.
pub mod export;
/// Numbers, dates and money worded per language (one place for locale rules).
pub mod format;
/// The interface's own words, per language.
pub mod i18n;
/// Pure layout: scales, ticks, label packing and hit testing, into a scene of plain marks.
pub mod layout;
/// The dataset: JSON tree, calendar dates, validation with JSON paths, derived figures.
pub mod model;
/// Whole documents from a dataset: the explainer as static HTML (also the DOM's blueprint).
pub mod page;
/// What the reader is looking at, and how each key, click and button changes it (pure).
pub mod reading;
/// Paints a scene onto any plotters backend (SVG natively and in the browser).
pub mod render;
/// Spreadsheet authoring: a dataset as CSV sheets (one per list, one column per language) and
/// back, without loss (feature `sheets`).
#[cfg(feature = "sheets")]
pub mod sheets;
/// The social image: the headline and key figures as a PNG, for the shell page's og:image.
#[cfg(not(target_arch = "wasm32"))]
pub mod social;
/// A plotters backend that writes compact SVG (integer coordinates, no font layer).
pub mod svg;
/// The commented template dataset `breach-explainer new` writes (native only).
#[cfg(not(target_arch = "wasm32"))]
pub mod template;
/// The only module that touches the DOM: mount, listeners, destroy.
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use model::{validate, Dataset, Issue, Lang};

/// The wasm's allocator: small freed blocks kept by size in front of lol_alloc's free list.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod small_blocks;

// SAFETY: wasm32 in the browser runs this module on one thread; lol_alloc's free-list allocator
// and the small blocks in front of it are sound there (AssumeSingleThreaded documents exactly
// this requirement).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<
    small_blocks::SmallBlocks<lol_alloc::FreeListAllocator>,
> = unsafe {
    lol_alloc::AssumeSingleThreaded::new(small_blocks::SmallBlocks::new(
        lol_alloc::FreeListAllocator::new(),
    ))
};

/// The default dataset compiled into the crate, loaded as every dataset is.
#[cfg(all(not(target_arch = "wasm32"), feature = "embedded-default"))]
pub fn default_dataset() -> Result<model::Story, Vec<Issue>> {
    model::load(model::DEFAULT_DATASET, model::json::parse).map(|(_, story)| story)
}
