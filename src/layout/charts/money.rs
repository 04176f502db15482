//! What it cost: amounts as bars in one currency, with their parts and earlier figures.

use super::bars::{bars, BarValue};
use super::ChartKind;
use crate::describe::charts::{converted_text, earlier_figures, money_standing_text, money_text};
use crate::describe::cite;
use crate::format;
use crate::i18n;
use crate::layout::measure::TextMeasure;
use crate::layout::{Paint, Scene};
use crate::model::{Lang, Story};

pub(super) fn money(d: &Story, lang: Lang, width: f64, m: &dyn TextMeasure) -> Scene {
    let currency = d.main_currency().unwrap_or("").to_string();
    let rows = d
        .rows(ChartKind::Money)
        .iter()
        .copied()
        .filter_map(|i| {
            let item = d.money.get(i)?;
            let mut context = format!(
                "{} · {}",
                item.subject.get(lang),
                format::date(lang, &item.date, "")
            );
            if !item.parts.is_empty() {
                let parts: Vec<String> = item
                    .parts
                    .iter()
                    .map(|p| {
                        format!(
                            "{} {}",
                            p.label.get(lang),
                            format::money(lang, p.amount, &item.currency)
                        )
                    })
                    .collect();
                context.push_str(&format!(" · {}", parts.join(" + ")));
            }
            if let Some(e) = earlier_figures(d, lang, i) {
                context.push_str(&match lang {
                    Lang::En => format!(" · earlier: {e}"),
                    Lang::Ko => format!(" · 이전 수치: {e}"),
                });
            }
            for c in &item.converted {
                context.push_str(&format!(" · {}", converted_text(lang, c)));
            }
            context.push_str(&format!(" {}", cite(&item.sources)));
            // Parts (the breach and the data-collection parts of a fine) as segments.
            // Parts only of an exact amount; a bound or a range is drawn as itself.
            let parts = if item.parts.is_empty() || item.amount.exact().is_none() {
                BarValue::Figure(item.amount, Paint::Accent)
            } else {
                BarValue::Parts(
                    item.parts
                        .iter()
                        .enumerate()
                        .map(|(k, p)| {
                            (
                                p.amount,
                                if k % 2 == 0 {
                                    Paint::Accent
                                } else {
                                    Paint::Accent2
                                },
                            )
                        })
                        .collect(),
                )
            };
            let earlier = d
                .earlier_money(i)
                .iter()
                .copied()
                .filter_map(|k| d.money.get(k)?.amount.largest())
                .collect();
            let mut headline = money_standing_text(lang, item, money_text(lang, item));
            // The rings on the bar, named where a phone reader looks: "£18.4 million · earlier
            // £99.2 million".
            let earlier_said: Vec<String> = d
                .earlier_money(i)
                .iter()
                .copied()
                .filter_map(|k| Some(money_text(lang, d.money.get(k)?)))
                .collect();
            if !earlier_said.is_empty() {
                headline.push_str(&match lang {
                    Lang::En => format!(" · earlier {}", earlier_said.join(", ")),
                    Lang::Ko => format!(" · 이전 {}", earlier_said.join(", ")),
                });
            }
            Some((i, headline, context, parts, earlier))
        })
        .collect();
    bars(
        rows,
        i18n::linear_scale_note(lang),
        &|v| format::money(lang, v, &currency),
        width,
        m,
    )
}
