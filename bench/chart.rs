//! A horizontal bar chart of benchmark results as a PNG, drawn by the crate (plotters' bitmap
//! backend, text and PNG encoding from [`breach_explainer::social`]), for `docs/bench/`.
//!
//!     cargo run -q --release --example bench_chart -- results.json chart.png [--title TEXT]
//!
//! `results.json` is a list of bars, in the order to draw them:
//! `[{"label": "No library", "value": 41.5, "unit": "ms", "highlight": false}, …]` (`unit` and
//! `highlight` optional; a highlighted bar is drawn in the accent colour). The fonts are the ones
//! the build sets the English social image in, asked of fontconfig (`--font FILE[#INDEX]` and
//! `--bold-font` choose others). Prints the chart's text alternative.
#![cfg_attr(target_arch = "wasm32", allow(dead_code))]

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    if let Err(e) = native::run(std::env::args().skip(1).collect()) {
        eprintln!("bench_chart: {e}");
        std::process::exit(1);
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use breach_explainer::render::Theme;
    use breach_explainer::social::{encode_png, Fonts};
    use plotters_backend::DrawingBackend;
    use plotters_bitmap::BitMapBackend;

    const WIDTH: u32 = 1200;
    const MARGIN: f32 = 32.0;
    const TITLE: f32 = 26.0;
    const TEXT: f32 = 19.0;
    const ROW: f32 = 44.0;
    const BAR: f32 = 26.0;

    /// One bar.
    struct Bar {
        label: String,
        value: f64,
        unit: String,
        highlight: bool,
    }

    fn bars(text: &str) -> Result<Vec<Bar>, String> {
        let json: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let list = json.as_array().ok_or("expected a list of bars")?;
        list.iter()
            .enumerate()
            .map(|(i, item)| {
                let label = item["label"].as_str().ok_or(format!("bar {i}: no label"))?;
                let value = item["value"]
                    .as_f64()
                    .filter(|v| v.is_finite() && *v >= 0.0)
                    .ok_or(format!("bar {i}: value must be a number ≥ 0"))?;
                Ok(Bar {
                    label: label.to_string(),
                    value,
                    unit: item["unit"].as_str().unwrap_or("").to_string(),
                    highlight: item["highlight"].as_bool().unwrap_or(false),
                })
            })
            .collect()
    }

    /// A value as the chart prints it: whole numbers from 100, one decimal below.
    fn number(v: f64, unit: &str) -> String {
        let n = if v >= 100.0 {
            format!("{v:.0}")
        } else {
            format!("{v:.1}")
        };
        if unit.is_empty() {
            n
        } else {
            format!("{n} {unit}")
        }
    }

    /// The font fontconfig picks for English text (the build's list for the social image).
    fn fc_match(style: &str) -> Option<String> {
        let pattern =
            format!("Liberation Sans,Arimo,Arial,Helvetica,Noto Sans,sans-serif:lang=en{style}");
        let out = std::process::Command::new("fc-match")
            .args(["-f", "%{file}#%{index}", &pattern])
            .output()
            .ok()?;
        let file = String::from_utf8(out.stdout).ok()?;
        (out.status.success() && !file.is_empty()).then_some(file)
    }

    pub fn run(args: Vec<String>) -> Result<(), String> {
        let mut paths = Vec::new();
        let (mut title, mut font, mut bold) = (None, None, None);
        let mut it = args.into_iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "--title" => title = it.next(),
                "--font" => font = it.next(),
                "--bold-font" => bold = it.next(),
                _ => paths.push(a),
            }
        }
        let [input, output] = paths.as_slice() else {
            return Err("usage: bench_chart RESULTS.json OUT.png [--title TEXT] [--font FILE[#INDEX]] [--bold-font FILE[#INDEX]]".into());
        };
        let title = title.unwrap_or_else(|| "Median, lower is faster".into());
        let text = std::fs::read_to_string(input).map_err(|e| format!("{input}: {e}"))?;
        let bars = bars(&text).map_err(|e| format!("{input}: {e}"))?;
        let font = font
            .or_else(|| fc_match(""))
            .ok_or("no font: fontconfig (fc-match) found none; give --font FILE")?;
        let bold = bold.or_else(|| fc_match(":weight=bold"));
        let fonts = Fonts::load(&font, bold.as_deref()).map_err(|e| e.to_string())?;
        let png = draw(&bars, &title, &fonts)?;
        std::fs::write(output, png).map_err(|e| format!("{output}: {e}"))?;
        // The text alternative: every bar in words.
        let words: Vec<String> = bars
            .iter()
            .map(|b| format!("{} {}", b.label, number(b.value, &b.unit)))
            .collect();
        println!("{title}: {}.", words.join("; "));
        Ok(())
    }

    fn draw(bars: &[Bar], title: &str, fonts: &Fonts) -> Result<Vec<u8>, String> {
        let theme = Theme::LIGHT;
        let height = (MARGIN * 2.0 + TITLE * 1.8 + ROW * bars.len() as f32).ceil() as u32;
        let label_width = bars
            .iter()
            .map(|b| fonts.regular.width(&b.label, TEXT))
            .fold(0.0, f32::max)
            .min(WIDTH as f32 * 0.45);
        let value_width = bars
            .iter()
            .map(|b| fonts.bold.width(&number(b.value, &b.unit), TEXT))
            .fold(0.0, f32::max);
        let x0 = MARGIN + label_width + 16.0;
        let room = WIDTH as f32 - MARGIN - value_width - 12.0 - x0;
        let max = bars.iter().map(|b| b.value).fold(0.0, f64::max);
        let mut rgb = vec![0u8; (WIDTH * height * 3) as usize];
        {
            let mut b = BitMapBackend::with_buffer(&mut rgb, (WIDTH, height));
            let draw_err = |e: plotters_backend::DrawingErrorKind<_>| e.to_string();
            b.draw_rect(
                (0, 0),
                (WIDTH as i32, height as i32),
                &theme.background,
                true,
            )
            .map_err(draw_err)?;
            let top = MARGIN + TITLE;
            fonts
                .bold
                .draw(&mut b, title, TITLE, theme.ink, (MARGIN, top))
                .map_err(|e| e.to_string())?;
            let mut y = top + TITLE * 0.8;
            for bar in bars {
                let centre = y + ROW / 2.0;
                let baseline = centre + TEXT * 0.35;
                let label_x = x0 - 16.0 - fonts.regular.width(&bar.label, TEXT);
                fonts
                    .regular
                    .draw(&mut b, &bar.label, TEXT, theme.ink, (label_x, baseline))
                    .map_err(|e| e.to_string())?;
                let length = if max > 0.0 {
                    (bar.value / max) as f32 * room
                } else {
                    0.0
                };
                let colour = if bar.highlight {
                    theme.accent
                } else {
                    theme.lanes[1]
                };
                let (bx0, by0) = (x0.round() as i32, (centre - BAR / 2.0).round() as i32);
                let (bx1, by1) = (
                    (x0 + length.max(1.0)).round() as i32,
                    (centre + BAR / 2.0).round() as i32,
                );
                b.draw_rect((bx0, by0), (bx1, by1), &colour, true)
                    .map_err(draw_err)?;
                fonts
                    .bold
                    .draw(
                        &mut b,
                        &number(bar.value, &bar.unit),
                        TEXT,
                        theme.ink,
                        (x0 + length.max(1.0) + 10.0, baseline),
                    )
                    .map_err(|e| e.to_string())?;
                y += ROW;
            }
            // The zero line the bars start from.
            let axis_top = (top + TITLE * 0.8).round() as i32;
            b.draw_rect(
                (x0.round() as i32 - 1, axis_top),
                (x0.round() as i32, y.round() as i32),
                &theme.muted,
                true,
            )
            .map_err(draw_err)?;
            b.present().map_err(draw_err)?;
        }
        encode_png(&rgb, (WIDTH, height)).map_err(|e| e.to_string())
    }
}
