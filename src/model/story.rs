//! The story: a valid dataset with everything the explainer derives from it, computed once
//! when the dataset is loaded. The layers above (`describe`, `layout`, `page`, `export`,
//! `social`, `web`) only read it; none of them applies a rule of `figures` again.

use super::figures::{self, ChartKind, Figures};
use super::{validate, Dataset, Issue, Json};
use std::ops::Deref;

/// A dataset and what follows from it. It derefs to the [`Dataset`], so its facts read as
/// before (`story.events`); the derived values are its own fields.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    data: Dataset,
    /// Spans between the milestones, and the headline count's revision.
    pub figures: Figures,
    /// Each chart's marks in reading order, by [`ChartKind::index`] (`figures::rows`).
    rows: [Vec<usize>; 4],
    /// What each chart's table lists (`figures::table_counts`, every amount for money).
    tables: [Vec<usize>; 4],
    /// The headline count's series in its unit, in the order reported
    /// (`figures::series_in_unit`).
    pub lead_series: Vec<usize>,
    /// Event indices in time order (`Dataset::events_in_time_order`).
    pub in_time_order: Vec<usize>,
    /// Change indices, newest first (`Dataset::changes_newest_first`).
    pub newest_first: Vec<usize>,
    /// The currency the money chart draws (the most common one).
    pub main_currency: Option<String>,
    /// For each amount, the superseded amounts of its series, oldest first.
    earlier_money: Vec<Vec<usize>>,
}

impl Story {
    pub fn new(data: Dataset) -> Story {
        let rows = ChartKind::ALL.map(|k| figures::rows(&data, k));
        let tables = ChartKind::ALL.map(|k| match k {
            ChartKind::Money => figures::all_money(&data),
            ChartKind::Exposed => rows[k.index()].clone(),
            _ => figures::table_counts(&data, k),
        });
        Story {
            figures: figures::figures(&data),
            rows,
            tables,
            lead_series: data
                .lead_count()
                .map(|head| figures::series_in_unit(&data, head))
                .unwrap_or_default(),
            in_time_order: data.events_in_time_order(),
            newest_first: data.changes_newest_first(),
            main_currency: figures::main_currency(&data).map(str::to_string),
            earlier_money: (0..data.money.len())
                .map(|i| figures::earlier_money(&data, i))
                .collect(),
            data,
        }
    }

    /// A chart's marks, in reading (and keyboard) order.
    pub fn rows(&self, kind: ChartKind) -> &[usize] {
        &self.rows[kind.index()]
    }

    /// What a chart's table lists, in its order.
    pub fn table(&self, kind: ChartKind) -> &[usize] {
        &self.tables[kind.index()]
    }

    /// Whether the dataset has anything for a chart (a breach without fines has no money
    /// chart; the money chart also lists amounts in currencies it does not draw).
    pub fn has_chart(&self, kind: ChartKind) -> bool {
        match kind {
            ChartKind::Money => !self.money.is_empty(),
            _ => !self.rows(kind).is_empty(),
        }
    }

    pub fn main_currency(&self) -> Option<&str> {
        self.main_currency.as_deref()
    }

    /// The superseded amounts an amount revised, oldest first.
    pub fn earlier_money(&self, of: usize) -> &[usize] {
        self.earlier_money.get(of).map_or(&[], Vec::as_slice)
    }

    /// The latest change, when the dataset has a change log.
    pub fn latest_change(&self) -> Option<&super::Change> {
        self.newest_first.first().and_then(|&i| self.changes.get(i))
    }

    /// The dataset itself (what `json` writes back, what `sheets` reads).
    pub fn dataset(&self) -> &Dataset {
        &self.data
    }
}

impl Deref for Story {
    type Target = Dataset;
    fn deref(&self) -> &Dataset {
        &self.data
    }
}

/// A JSON tree checked and turned into a story, or every problem in it.
pub fn from_tree(tree: &Json) -> Result<Story, Vec<Issue>> {
    validate(tree).map(Story::new)
}

/// The one way in for a dataset file's text: parsed with `parse` (the crate's own parser, or
/// the browser's), validated and derived; or every problem, each placed at its line and column
/// in `text` (in an author's build: the reader's wasm leaves the scanner out, feature
/// `authoring`). The tree comes back too, as loaded, for the JSON download.
pub fn load(
    text: &str,
    parse: impl Fn(&str) -> Result<Json, Issue>,
) -> Result<(Json, Story), Vec<Issue>> {
    let placed = |issues: Vec<Issue>, tree: Option<&Json>| {
        #[cfg(feature = "authoring")]
        let issues = {
            let mut issues = issues;
            super::position::place(&mut issues, tree, Some(text));
            issues
        };
        #[cfg(not(feature = "authoring"))]
        let _ = tree;
        issues
    };
    let tree = parse(text).map_err(|e| placed(vec![e], None))?;
    match from_tree(&tree) {
        Ok(story) => Ok((tree, story)),
        Err(issues) => Err(placed(issues, Some(&tree))),
    }
}
