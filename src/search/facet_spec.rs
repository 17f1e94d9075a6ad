//! The facets in one table: each row says what a facet is called (in JSON,
//! `--facets`, `warta facets --by`, messages), which index field holds its
//! paths and which level of them it counts, which filter flag (and HTTP
//! parameter) selects by it, and whether a `field:` prefix in a query names
//! it. [`FacetKind`]'s names, the counting collector's columns, the filters'
//! fields and the command line's choices all read this table.

use crate::index::names;
use crate::search::filters::FacetKind;

/// Which level of a facet path a facet counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// The first path segment (`/A/b` → `A`).
    Top,
    /// The second path segment (`/A/b` → `b`).
    Leaf,
}

/// One facet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FacetSpec {
    /// The facet.
    pub kind: FacetKind,
    /// Its name: the key of the JSON `facets` object, `--facets` and
    /// `warta facets --by` value.
    pub name: &'static str,
    /// The index field holding its paths (`index::names`).
    pub field: &'static str,
    /// The path level it counts.
    pub level: Level,
    /// The filter selecting by it: `--province` on the command line,
    /// `province=` as an HTTP parameter (`quoted-by` / `quoted_by` for speakers).
    pub filter: &'static str,
    /// Whether every selecting command takes the filter (`search`,
    /// `facets`, `timeline`, `terms`, exports and their HTTP endpoints);
    /// speakers' `--quoted-by` is search's own, as it also scopes the words.
    pub shared: bool,
    /// The filter's value, in help texts (`--province <NAME>`).
    pub value_name: &'static str,
    /// The filter's help text.
    pub filter_help: &'static str,
    /// Whether a query may name it as a `field:` prefix.
    pub query_prefix: bool,
    /// What its values are, for help texts.
    pub about: &'static str,
}

/// How many facets there are.
pub const FACET_COUNT: usize = 7;

/// Every facet, in the order of [`FacetKind::ALL`] and of the JSON `facets` object.
pub const FACETS: [FacetSpec; FACET_COUNT] = [
    FacetSpec {
        kind: FacetKind::Province,
        name: "province",
        field: names::REGION,
        level: Level::Top,
        filter: "province",
        shared: true,
        value_name: "NAME",
        filter_help: "Only articles naming this province (name, abbreviation such as Jatim, or code). Repeatable: ORed",
        query_prefix: true,
        about: "Provinces, each with its cities",
    },
    FacetSpec {
        kind: FacetKind::City,
        name: "city",
        field: names::REGION,
        level: Level::Leaf,
        filter: "city",
        shared: true,
        value_name: "NAME",
        filter_help: "Only articles naming this regency, city or town. Repeatable",
        query_prefix: true,
        about: "Regencies, cities and towns",
    },
    FacetSpec {
        kind: FacetKind::Official,
        name: "official",
        field: names::OFFICIAL,
        level: Level::Leaf,
        filter: "official",
        shared: true,
        value_name: "NAME",
        filter_help: "Only articles naming this official (full name or part of it). Repeatable",
        query_prefix: true,
        about: "Officials",
    },
    FacetSpec {
        kind: FacetKind::Org,
        name: "org",
        field: names::OFFICIAL,
        level: Level::Top,
        filter: "org",
        shared: true,
        value_name: "NAME",
        filter_help: "Only articles naming an official of this organisation (BPJS Ketenagakerjaan, Kemnaker …). Repeatable",
        query_prefix: true,
        about: "Officials' organisations",
    },
    FacetSpec {
        kind: FacetKind::Program,
        name: "program",
        field: names::PROGRAM,
        level: Level::Top,
        filter: "program",
        shared: true,
        value_name: "CODE",
        filter_help: "Only articles naming this programme (JKK, JHT, JKP, \"jaminan hari tua\" …). Repeatable",
        query_prefix: true,
        about: "Programmes",
    },
    FacetSpec {
        kind: FacetKind::Source,
        name: "source",
        field: names::SOURCE,
        level: Level::Top,
        filter: "source",
        shared: true,
        value_name: "NAME",
        filter_help: "Only articles from this publisher. Repeatable",
        query_prefix: true,
        about: "Publishers",
    },
    FacetSpec {
        kind: FacetKind::Speaker,
        name: "speaker",
        field: names::SPEAKER,
        level: Level::Top,
        filter: "quoted-by",
        shared: false,
        value_name: "NAME",
        filter_help: "Search only what this person said (direct and reported speech); snippets show the quotes. Repeatable",
        query_prefix: false,
        about: "People quoted",
    },
];

impl FacetKind {
    /// This facet's row of [`FACETS`].
    pub fn spec(self) -> &'static FacetSpec {
        &FACETS[self.index()]
    }

    /// Its position in [`FACETS`] (and in [`FacetKind::ALL`]).
    pub fn index(self) -> usize {
        self as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_follow_the_kinds_and_names_are_unique() {
        for (i, (spec, kind)) in FACETS.iter().zip(FacetKind::ALL).enumerate() {
            assert_eq!(spec.kind, kind, "row {i}");
            assert_eq!(kind.spec().name, kind.name());
            assert_eq!(FacetKind::from_name(spec.name), Some(kind));
        }
        let fields =
            [names::REGION, names::OFFICIAL, names::PROGRAM, names::SOURCE, names::SPEAKER];
        assert!(FACETS.iter().all(|s| fields.contains(&s.field)), "filters::field_of knows them");
        let mut names: Vec<&str> = FACETS.iter().map(|s| s.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), FACETS.len());
    }
}
