//! What a reader takes away from a mounted explainer: a figure as SVG or PNG, the data as CSV
//! or JSON, started as downloads.

use super::dom::*;
use super::state::{Kind, Shown, State};
use crate::export::Figure;
use crate::page::hooks::Export;
use crate::render::Theme;
use wasm_bindgen::prelude::*;

impl State {
    /// A figure as a standalone SVG; the timeline in its current view.
    pub(super) fn figure_svg(&self, kind: Kind) -> Option<String> {
        let d = self.dataset()?;
        let figure = match kind {
            Kind::Chart(k) => Figure::Chart(k),
            Kind::Timeline => Figure::Timeline(self.reading.view),
        };
        // Exports are drawn light: they go into documents and slides, not this page.
        Some(crate::export::figure_svg(
            &d,
            self.lang,
            figure,
            self.width.max(640.0),
            &Theme::LIGHT,
        ))
    }

    /// (file name, MIME type, text) for a data download; `None` for a figure's formats.
    pub(super) fn data_export(&self, format: Export) -> Option<(String, &'static str, String)> {
        let Shown::Live { dataset: d, raw } = &self.shown else {
            return None;
        };
        let base = format!("{}-{}", d.id, self.lang.code());
        match format {
            Export::EventsCsv => Some((
                format!("{base}-events.csv"),
                "text/csv",
                crate::export::events_csv(d, self.lang),
            )),
            Export::CountsCsv => Some((
                format!("{base}-figures.csv"),
                "text/csv",
                crate::export::counts_csv(d, self.lang),
            )),
            Export::Json => Some((
                format!("{}.json", d.id),
                "application/json",
                crate::model::json::to_text(raw),
            )),
            Export::Svg | Export::Png => None,
        }
    }

    /// Starts a download of whatever a download button asks for.
    pub(super) fn export(&mut self, format: Export, figure: Option<Kind>) -> Result<(), JsValue> {
        let what = figure.map_or(format.code().to_string(), |k| {
            format!("{}:{}", k.code(), format.code())
        });
        self.tell_host("export", JsValue::from_str(&what))?;
        let Some(d) = self.dataset() else {
            return Ok(());
        };
        if let Some((name, mime, text)) = self.data_export(format) {
            return download(&name, &data_url(mime, &text));
        }
        let Some((kind, svg)) = figure.and_then(|k| Some((k, self.figure_svg(k)?))) else {
            return Ok(());
        };
        let name = format!("{}-{}-{}", d.id, kind.code(), self.lang.code());
        match format {
            Export::Svg => download(&format!("{name}.svg"), &data_url("image/svg+xml", &svg)),
            Export::Png => download_png(&format!("{name}.png"), &svg),
            _ => Ok(()),
        }
    }
}
