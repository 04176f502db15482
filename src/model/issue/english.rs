//! Each problem's message in English: `Display` for [`Problem`], the line `check` prints.

use super::{Expected, NotDrawn, Problem};
use crate::model::Lang;
use std::fmt;

impl Problem {
    fn english(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Syntax {
                line,
                column,
                detail,
            } => write!(
                f,
                "the file is not valid JSON at line {line}, column {column}: {detail}"
            ),
            Problem::NotJson { detail } => write!(f, "the file is not valid JSON: {detail}"),
            Problem::TrailingComma => write!(
                f,
                "a comma after the last item of a list or object, which JSON does not allow: \
                 remove it"
            ),
            Problem::Load {
                url,
                status: 0,
                detail,
            } => {
                write!(
                    f,
                    "the file could not be loaded: {url} could not be reached ({detail})"
                )
            }
            Problem::Load {
                url,
                status,
                detail,
            } => write!(
                f,
                "the file could not be loaded: the server answered {status} {detail} for {url}"
            ),
            Problem::Missing { expected } => {
                write!(f, "is missing; expected {}", expected.describe(Lang::En))
            }
            Problem::WrongType { expected, found } => {
                write!(f, "expected {}, found {found}", expected.describe(Lang::En))
            }
            Problem::Empty => f.write_str("is empty; write something a reader can see"),
            Problem::NotADate { found } => write!(
                f,
                "{found} is not a date; expected {}",
                Expected::Date.describe(Lang::En)
            ),
            Problem::NotOnCalendar { found } => write!(f, "{found} is not a calendar date"),
            Problem::NoOffset { found, with: None } => write!(
                f,
                "{found} gives a time without its UTC offset; add it, like \"T22:52+09:00\""
            ),
            Problem::NoOffset {
                found,
                with: Some(with),
            } => write!(
                f,
                "{found} gives a time without its UTC offset; in the story's time zone it is {with}"
            ),
            Problem::EndBeforeStart { start, end } => {
                write!(f, "the end {end} is before the start {start}")
            }
            Problem::FigureTwice { first, second } => write!(
                f,
                "\"{second}\" cannot be given with \"{first}\"; give exactly one form: the figure, \
                 \"at_least\" and/or \"at_most\", or \"disclosed\": false"
            ),
            Problem::NoFigure { field } => write!(
                f,
                "is missing; give \"{field}\", \"at_least\" and/or \"at_most\", or \"disclosed\": \
                 false when no figure has been disclosed"
            ),
            Problem::BoundsReversed { low, high } => write!(
                f,
                "\"at_least\" {} is more than \"at_most\" {}",
                crate::model::json::grouped(*low),
                crate::model::json::grouped(*high)
            ),
            Problem::DisclosedNotFalse { field } => write!(
                f,
                "\"disclosed\" is only ever false (no figure yet); a disclosed figure is given as \
                 \"{field}\""
            ),
            Problem::BoundForm { open } => write!(
                f,
                "expected a date, {{\"no_later_than\": DATE}} or {{\"no_earlier_than\": DATE}}{}",
                if *open {
                    ", \"ongoing\" (access may be continuing), \"unknown\" (it ended; when is not known) or \"not-stated\" (the sources do not say)"
                } else {
                    ""
                }
            ),
            Problem::NotWholeNumber { found } => write!(
                f,
                "{found} is not a whole number of 0 or more (write 33700000, not \"33.7 million\")"
            ),
            Problem::Negative { found } => {
                write!(f, "{found} is below 0; a count or an amount cannot be")
            }
            Problem::TooLargeNumber { found } => write!(
                f,
                "{found} is too large to keep exactly; the largest is 9,007,199,254,740,991"
            ),
            Problem::SpaceInWebAddress { found } => write!(
                f,
                "{found} has a space or line break in it; write a space as %20"
            ),
            Problem::NotOneOf { found, allowed } => {
                write!(f, "{found} is not one of: {}", allowed.join(", "))
            }
            Problem::BadId { found } => write!(
                f,
                "{found} is not a usable id; use lower-case letters, digits and \"-\" only"
            ),
            Problem::DuplicateId { id, first } => {
                write!(
                    f,
                    "the id \"{id}\" is already used at {first}; ids must be unique"
                )
            }
            Problem::DuplicateField { name } => {
                write!(f, "\"{name}\" is given twice in the same object; keep one")
            }
            Problem::UnknownSource { id } => {
                write!(f, "\"{id}\" is not the id of any source in \"sources\"")
            }
            Problem::UnknownReference { id, list } => {
                write!(f, "\"{id}\" is not the id of any entry in \"{list}\"")
            }
            Problem::NoSources => f.write_str("cites no source; every fact needs at least one"),
            Problem::NotWebAddress { found } => write!(
                f,
                "{found} is not a web address (it must start with https:// or http://)"
            ),
            Problem::MissingLanguage { lang } => write!(
                f,
                "has no \"{lang}\" text, but the dataset's \"languages\" lists \"{lang}\""
            ),
            Problem::UnknownLanguage { found } => write!(
                f,
                "{found} is not a language the explainer speaks (it speaks: en, ko)"
            ),
            Problem::NotLanguageTag { found } => write!(
                f,
                "\"{found}\" is not a language code; write one like \"en\", \"ko\" or \"pt-BR\""
            ),
            Problem::UnknownField {
                name,
                known,
                suggestion: Some(s),
            } => write!(
                f,
                "\"{name}\" is not a field here; did you mean \"{s}\"? (known fields: {})",
                known.join(", ")
            ),
            Problem::UnknownField { name, known, .. } => write!(
                f,
                "\"{name}\" is not a field here (a typo?); known fields: {}",
                known.join(", ")
            ),
            Problem::LeadTwice { first } => write!(
                f,
                "another count already leads the explainer ({first}); mark one count \"lead\": true"
            ),
            Problem::MilestoneTwice { milestone, first } => write!(
                f,
                "the milestone \"{milestone}\" is already set at {first}; each may be used once"
            ),
            Problem::MixedUnits { units } => write!(
                f,
                "compares different units ({units}) on one axis; set \"mixed_units\": true \
                 if that is intended, so every bar shows its unit"
            ),
            Problem::TooFew { min, what } => {
                write!(f, "needs at least {min} {}", what.words(Lang::En))
            }
            Problem::TooMany { max, found, what } => write!(
                f,
                "has {} {what}; an explainer shows at most {max}: keep the figures the story is \
                 about and leave the rest to a linked table",
                crate::format::count(*found as i64)
            ),
            Problem::TooDeep { limit } => write!(
                f,
                "the data is nested more than {limit} levels deep; a dataset needs only a few"
            ),
            Problem::RefersToItself => {
                f.write_str("the data refers to itself (a cycle), which JSON cannot hold")
            }
            Problem::TooLarge { limit } => write!(
                f,
                "the data is too large: more than {} values",
                crate::model::json::grouped(*limit as u64)
            ),
            Problem::ListedNotDrawn {
                what: NotDrawn::Comparison,
            } => f.write_str(
                "is listed in the comparison chart's description, not drawn: only the first \
                 comparison is drawn",
            ),
            Problem::ListedNotDrawn {
                what: NotDrawn::Currency { currency, main },
            } => write!(
                f,
                "is in {currency}: it is listed in the money table and takeaway, not drawn beside \
                 the bars in {main} (amounts are never converted)"
            ),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.english(f)
    }
}
