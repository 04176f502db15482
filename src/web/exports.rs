//! What a reader takes away from a mounted explainer: a figure as SVG or PNG, the data as CSV
//! or JSON, started as downloads.

use super::dom::*;
use super::state::State;
use crate::layout::charts::ChartKind;
use crate::render::Theme;
use wasm_bindgen::prelude::*;

impl State {
    pub(super) fn figure_svg(&self, key: &str) -> Option<String> {
        let d = self.dataset.as_ref()?;
        let figure = match ChartKind::from_key(key) {
            Some(k) => crate::export::Figure::Chart(k),
            None if key == "timeline" => crate::export::Figure::Timeline(self.view),
            None => return None,
        };
        // Exports are drawn light: they go into documents and slides, not this page.
        Some(crate::export::figure_svg(
            d,
            self.lang,
            figure,
            self.width.max(640.0),
            &Theme::LIGHT,
        ))
    }

    /// (file name, MIME type, text) for a data download.
    pub(super) fn data_export(&self, format: &str) -> Option<(String, &'static str, String)> {
        let d = self.dataset.as_ref()?;
        let base = format!("{}-{}", d.id, self.lang.code());
        match format {
            "events-csv" => Some((
                format!("{base}-events.csv"),
                "text/csv",
                crate::export::events_csv(d, self.lang),
            )),
            "counts-csv" => Some((
                format!("{base}-figures.csv"),
                "text/csv",
                crate::export::counts_csv(d, self.lang),
            )),
            "json" => Some((
                format!("{}.json", d.id),
                "application/json",
                crate::export::json_text(self.raw.as_ref()?),
            )),
            _ => None,
        }
    }

    /// Starts a download of whatever a `data-export` button asks for.
    pub(super) fn export(&self, format: &str, figure: Option<String>) -> Result<(), JsValue> {
        let Some(d) = &self.dataset else {
            return Ok(());
        };
        if let Some((name, mime, text)) = self.data_export(format) {
            return download(&name, &data_url(mime, &text));
        }
        let key = figure.unwrap_or_default();
        let Some(svg) = self.figure_svg(&key) else {
            return Ok(());
        };
        let name = format!("{}-{key}-{}", d.id, self.lang.code());
        match format {
            "svg" => download(&format!("{name}.svg"), &data_url("image/svg+xml", &svg)),
            "png" => download_png(&format!("{name}.png"), &svg),
            _ => Ok(()),
        }
    }
}
