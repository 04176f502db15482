//! The charts of counts: how the count was revised (log scale) and how it compares with
//! other counts (bars with units).

use super::bars::{bars, BarValue};
use super::rows::{figure_mark, rows_chart, RowSpec};
use super::{ChartKind, DOT_R, PAD};
use crate::describe::charts::{figure_text, status_word};
use crate::describe::cite;
use crate::format;
use crate::i18n;
use crate::layout::measure::TextMeasure;
use crate::layout::scale::LogScale;
use crate::layout::{Paint, Scene};
use crate::model::{Lang, Status, Story};

pub(super) fn revisions(d: &Story, lang: Lang, width: f64, m: &dyn TextMeasure) -> Scene {
    let items = d.rows(ChartKind::Revisions);
    let rows_units: Vec<crate::model::Unit> = items
        .iter()
        .filter_map(|&i| Some(d.counts.get(i)?.unit))
        .collect();
    let values: Vec<u64> = items
        .iter()
        .filter_map(|&i| d.counts.get(i))
        .filter_map(|c| c.value.extent())
        .flat_map(|(low, high)| [low, high])
        .collect();
    let scale = LogScale::covering(&values, PAD + DOT_R, width - PAD - DOT_R);
    // No figure given at all: no axis, whose numbers would measure nothing.
    let ticks: Vec<(f64, String)> = scale
        .ticks()
        .into_iter()
        .filter(|_| !values.is_empty())
        .map(|v| (scale.px(v), format::compact(lang, v)))
        .collect();
    let rows = items
        .iter()
        .filter_map(|&i| {
            let c = d.counts.get(i)?;
            let disputed = c.status == Status::DisputedClaim;
            let mut headline = figure_text(lang, c);
            if let Some(status) = status_word(lang, c) {
                headline = format!("{headline} ({status})");
            }
            let context = format!(
                "{} · {} · {} {}",
                c.subject.get(lang),
                format::date(lang, &c.as_of, ""),
                c.reported_by.get(lang),
                cite(&c.sources)
            );
            Some(RowSpec {
                item: i,
                headline,
                context,
                earlier: Vec::new(),
                mark: figure_mark(
                    &c.value,
                    &|v| scale.px(v),
                    scale.p0,
                    Some(disputed),
                    if disputed {
                        Paint::Disputed
                    } else {
                        Paint::Accent
                    },
                ),
            })
        })
        .collect();
    // The ticks are bare numbers: the note names their unit, or says the rows' units differ.
    let mut units: Vec<crate::model::Unit> = Vec::new();
    for c in rows_units {
        if !units.contains(&c) {
            units.push(c);
        }
    }
    let note = match (units.as_slice(), lang) {
        _ if values.is_empty() => String::new(),
        ([one], _) => format!(
            "{} · {}",
            i18n::log_scale_note(lang),
            i18n::unit_noun(lang, *one)
        ),
        (_, Lang::En) => format!("{} · units differ by row", i18n::log_scale_note(lang)),
        (_, Lang::Ko) => format!("{} · 행마다 단위 다름", i18n::log_scale_note(lang)),
    };
    rows_chart(rows, &note, &ticks, width, m)
}

pub(super) fn comparison(d: &Story, lang: Lang, width: f64, m: &dyn TextMeasure) -> Scene {
    let mixed = d.comparisons.first().is_some_and(|c| c.mixed_units);
    let rows = d
        .rows(ChartKind::Comparison)
        .iter()
        .copied()
        .enumerate()
        .filter_map(|(k, i)| {
            let c = d.counts.get(i)?;
            // The breach itself first and in the accent colour; the others for scale.
            let paint = if k == 0 { Paint::Accent } else { Paint::Muted };
            let context = format!(
                "{} · {} · {} {}",
                c.subject.get(lang),
                c.reported_by.get(lang),
                format::date(lang, &c.as_of, ""),
                cite(&c.sources)
            );
            Some((
                i,
                figure_text(lang, c),
                context,
                BarValue::Figure(c.value, paint),
                Vec::new(),
            ))
        })
        .collect();
    let note = if mixed {
        i18n::mixed_units_note(lang)
    } else {
        i18n::linear_scale_note(lang)
    };
    bars(rows, note, &|v| format::compact(lang, v), width, m)
}
