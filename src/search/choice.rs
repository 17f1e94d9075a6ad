//! The closed sets of named choices a request takes (`--sort date`,
//! `sort=date`; `--match`, the periods of a timeline, how terms are chosen,
//! `warta facets --by`, an export's table): each type lists its values with
//! their names and help, and parses a user's value with an error naming the
//! valid ones. Front ends (the command line, a server) take the values from
//! here instead of keeping copies.

use crate::search::Sort;
use crate::search::analytics::period::Period;
use crate::search::analytics::terms::TermsBy;
use crate::search::compile::Match;

/// A closed set of named values.
pub trait Choice: Copy + PartialEq + Send + Sync + 'static {
    /// Every value, in the order help lists them.
    const ALL: &'static [Self];

    /// The value's name, as a user types it.
    fn choice_name(self) -> &'static str;

    /// What the value does, for help texts.
    fn about(self) -> &'static str;

    /// The value named `name`; an error lists the valid names.
    fn parse_choice(name: &str) -> Result<Self, String> {
        Self::ALL.iter().copied().find(|v| v.choice_name() == name).ok_or_else(|| {
            let names: Vec<&str> = Self::ALL.iter().map(|v| v.choice_name()).collect();
            format!("unknown value `{name}` (valid: {})", names.join(", "))
        })
    }
}

impl Choice for Match {
    const ALL: &'static [Match] = &[Match::All, Match::Most, Match::Any];

    fn choice_name(self) -> &'static str {
        self.name()
    }

    fn about(self) -> &'static str {
        match self {
            Match::All => "Every word",
            Match::Most => "All of one or two words, all but one in four of longer queries",
            Match::Any => "At least one word",
        }
    }
}

impl Choice for Sort {
    const ALL: &'static [Sort] = &[Sort::Relevance, Sort::Date];

    fn choice_name(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Date => "date",
        }
    }

    fn about(self) -> &'static str {
        match self {
            Sort::Relevance => "Best match first",
            Sort::Date => "Newest first",
        }
    }
}

impl Choice for Period {
    const ALL: &'static [Period] = &[Period::Day, Period::Week, Period::Month, Period::Year];

    fn choice_name(self) -> &'static str {
        self.name()
    }

    fn about(self) -> &'static str {
        match self {
            Period::Day => "Days",
            Period::Week => "ISO weeks (Monday to Sunday)",
            Period::Month => "Months",
            Period::Year => "Years",
        }
    }
}

impl Choice for TermsBy {
    const ALL: &'static [TermsBy] = &[TermsBy::Significance, TermsBy::Frequency];

    fn choice_name(self) -> &'static str {
        match self {
            TermsBy::Significance => "significance",
            TermsBy::Frequency => "frequency",
        }
    }

    fn about(self) -> &'static str {
        match self {
            TermsBy::Significance => {
                "Words more frequent in the matches than in the whole index (JLH score); when none \
                 is, the most frequent words, with a note"
            }
            TermsBy::Frequency => {
                "The most frequent words of the matches, with the articles and occurrences of each"
            }
        }
    }
}

impl Choice for crate::search::analytics::facet_counts::FacetBy {
    const ALL: &'static [Self] = &Self::ALL;

    fn choice_name(self) -> &'static str {
        self.name()
    }

    fn about(self) -> &'static str {
        Self::about(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<T: Choice + std::fmt::Debug>() {
        for v in T::ALL {
            assert_eq!(T::parse_choice(v.choice_name()), Ok(*v));
            assert!(!v.about().is_empty());
        }
        assert!(T::parse_choice("nope").unwrap_err().contains("valid: "));
    }

    #[test]
    fn every_choice_parses_back_from_its_name() {
        round_trip::<Match>();
        round_trip::<Sort>();
        round_trip::<Period>();
        round_trip::<TermsBy>();
        round_trip::<crate::search::analytics::facet_counts::FacetBy>();
        assert_eq!(Sort::parse_choice("date"), Ok(Sort::Date));
    }
}
