//! The facets in one table: each row says what a facet is called (in JSON,
//! `--facets`, `warta facets --by`, messages), which index field holds its
//! paths and how an [`Article`] gives them, which level of them it counts,
//! which filter flag (and HTTP parameter) selects by it, how a typed value
//! resolves, and whether a `field:` prefix in a query names it.
//!
//! The table lives in `index` because it describes index fields: the schema
//! creates one facet field per distinct `field` of the rows and a document
//! fills each from its first row's `paths`; `search` (filters, counting,
//! choices), the command line and the server read the same rows, and so do
//! a hit's metadata line and the export columns for a row shown as
//! [`Shown::Values`]. Adding a facet is its `Article` field, a
//! [`FacetKind`] variant and a row here.

use tantivy::schema::Facet;

use crate::extract::{Article, program, publisher, region};

mod resolve;
pub use resolve::{Known, Resolve, name_matches};
use resolve::{
    city, organization, program_code, program_codes, province_name, province_names, publisher_name,
};

/// Which level of a facet path a facet counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// The first path segment (`/A/b` → `A`).
    Top,
    /// The second path segment (`/A/b` → `b`).
    Leaf,
}

/// Which facet a filter value, a count or a column belongs to: an
/// identifier of a row of [`FACETS`] (its position in the table).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FacetKind {
    /// `--province`
    Province,
    /// `--city`
    City,
    /// `--official`
    Official,
    /// `--org`
    Org,
    /// `--program`
    Program,
    /// `--source`
    Source,
    /// `--quoted-by`
    Speaker,
}

/// One facet.
#[derive(Clone, Copy, Debug)]
pub struct FacetSpec {
    /// The facet.
    pub kind: FacetKind,
    /// Its name: the key of the JSON `facets` object, `--facets` and
    /// `warta facets --by` value.
    pub name: &'static str,
    /// The index field holding its paths (a facet field; rows may share one,
    /// each counting another level).
    pub field: &'static str,
    /// An article's paths in that field (`/Province/City`); rows sharing a
    /// field give the same paths, and the document takes the first row's.
    pub paths: fn(&Article) -> Vec<Facet>,
    /// The path level it counts.
    pub level: Level,
    /// The filter flag selecting by it: `--province` (`--quoted-by` for speakers).
    pub filter: &'static str,
    /// The HTTP parameter selecting by it: `province=` (`quoted_by=`).
    pub param: &'static str,
    /// Whether every selecting command takes the filter (`search`,
    /// `facets`, `timeline`, `terms`, exports and their HTTP endpoints);
    /// speakers' `--quoted-by` is search's own, as it also scopes the words.
    pub shared: bool,
    /// The filter's value, in help texts (`--province <NAME>`).
    pub value_name: &'static str,
    /// The filter's help text.
    pub filter_help: &'static str,
    /// The HTTP parameter's description in the OpenAPI document.
    pub param_help: &'static str,
    /// What an "unknown value" error without close suggestions says is
    /// valid; `None`: the `warta facets` command that lists the values.
    pub hint: Option<fn() -> String>,
    /// Whether a query may name it as a `field:` prefix.
    pub query_prefix: bool,
    /// What its values are, for help texts.
    pub about: &'static str,
    /// How a typed filter value resolves to indexed paths.
    pub resolve: Resolve,
    /// Its label in the web UI: Indonesian, English.
    pub label: [&'static str; 2],
    /// Whether the web UI shows a panel of its counts (click to filter).
    pub panel: bool,
    /// The facet counted within each value by `warta facets --by` (a
    /// province's cities; JSON `cities`, CSV `province,city`).
    pub nested: Option<FacetKind>,
    /// How a hit, `warta show` and the exports show an article's values.
    pub shown: Shown,
}

/// How a hit (its text line and `--json`), `warta show` and the exports
/// (CSV and JSON Lines hit tables, Parquet, OpenSearch) show a facet's
/// values of an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    /// By code of its own, from the article's metadata fields, in a format
    /// the contract fixes (officials with role and organisation, provinces
    /// with their codes, speakers in the order they are quoted …).
    Own,
    /// From the row alone: the values of its paths at its level, each once,
    /// in the order of the paths ([`FacetSpec::values`]). A hit carries them
    /// as a list under the facet's name (a `--json` key, a CSV column after
    /// the fixed ones, a Parquet `list<string>` column, an OpenSearch keyword
    /// field), and its text line as `name: a, b`. The name must not be a key
    /// a hit already has (a test checks).
    Values,
}

/// How many facets there are.
pub const FACET_COUNT: usize = FACETS.len();

/// Every facet, in the order of [`FacetKind::ALL`] and of the JSON `facets` object.
pub const FACETS: &[FacetSpec] = &[
    FacetSpec {
        kind: FacetKind::Province,
        name: "province",
        field: "region",
        paths: region_paths,
        level: Level::Top,
        filter: "province",
        param: "province",
        shared: true,
        value_name: "NAME",
        filter_help: "Only articles naming this province (name, abbreviation such as Jatim, or code). Repeatable: ORed",
        param_help: "Province name, abbreviation or code (Jatim, Jawa Timur, 35). Repeat for OR.",
        hint: Some(province_hint),
        query_prefix: true,
        about: "Provinces, each with its cities",
        resolve: Resolve::Listed { find: province_name, all: province_names },
        label: ["Provinsi", "Province"],
        panel: true,
        nested: Some(FacetKind::City),
        shown: Shown::Own,
    },
    FacetSpec {
        kind: FacetKind::City,
        name: "city",
        field: "region",
        paths: region_paths,
        level: Level::Leaf,
        filter: "city",
        param: "city",
        shared: true,
        value_name: "NAME",
        filter_help: "Only articles naming this regency, city or town. Repeatable",
        param_help: "Regency, city or town. Repeat for OR.",
        hint: None,
        query_prefix: true,
        about: "Regencies, cities and towns",
        resolve: Resolve::Spelled { canonical: city, parent: true },
        label: ["Kota/kabupaten", "City/regency"],
        panel: true,
        nested: None,
        shown: Shown::Own,
    },
    FacetSpec {
        kind: FacetKind::Official,
        name: "official",
        field: "official",
        paths: official_paths,
        level: Level::Leaf,
        filter: "official",
        param: "official",
        shared: true,
        value_name: "NAME",
        filter_help: "Only articles naming this official (full name or part of it). Repeatable",
        param_help: "Official's name, whole or in part. Repeat for OR.",
        hint: None,
        query_prefix: true,
        about: "Officials",
        resolve: Resolve::Name { whole_first: false, registry: true },
        label: ["Pejabat", "Official"],
        panel: true,
        nested: None,
        shown: Shown::Own,
    },
    FacetSpec {
        kind: FacetKind::Org,
        name: "org",
        field: "official",
        paths: official_paths,
        level: Level::Top,
        filter: "org",
        param: "org",
        shared: true,
        value_name: "NAME",
        filter_help: "Only articles naming an official of this organisation (BPJS Ketenagakerjaan, Kemnaker …). Repeatable",
        param_help: "Organisation by name or alias (BPJAMSOSTEK, Kemnaker). Repeat for OR.",
        hint: None,
        query_prefix: true,
        about: "Officials' organisations",
        resolve: Resolve::Spelled { canonical: organization, parent: false },
        label: ["Organisasi", "Organisation"],
        panel: true,
        nested: None,
        shown: Shown::Own,
    },
    FacetSpec {
        kind: FacetKind::Program,
        name: "program",
        field: "program",
        paths: program_paths,
        level: Level::Top,
        filter: "program",
        param: "program",
        shared: true,
        value_name: "CODE",
        filter_help: "Only articles naming this programme (JKK, JHT, JKP, \"jaminan hari tua\" …). Repeatable",
        param_help: "Programme code or name (JHT, jaminan hari tua). Repeat for OR.",
        hint: Some(program_hint),
        query_prefix: true,
        about: "Programmes",
        resolve: Resolve::Listed { find: program_code, all: program_codes },
        label: ["Program", "Programme"],
        panel: true,
        nested: None,
        shown: Shown::Own,
    },
    FacetSpec {
        kind: FacetKind::Source,
        name: "source",
        field: "source",
        paths: source_paths,
        level: Level::Top,
        filter: "source",
        param: "source",
        shared: true,
        value_name: "NAME",
        filter_help: "Only articles from this publisher. Repeatable",
        param_help: "Publisher (ANTARA, liputan6). Repeat for OR.",
        hint: None,
        query_prefix: true,
        about: "Publishers",
        resolve: Resolve::Keyed { key: publisher::publisher_identity, display: publisher_name },
        label: ["Sumber", "Source"],
        panel: true,
        nested: None,
        shown: Shown::Own,
    },
    FacetSpec {
        kind: FacetKind::Speaker,
        name: "speaker",
        field: "speaker",
        paths: speaker_paths,
        level: Level::Top,
        filter: "quoted-by",
        param: "quoted_by",
        shared: false,
        value_name: "NAME",
        filter_help: "Search only what this person said (direct and reported speech); snippets show the quotes. Repeatable",
        param_help: "Search only what these people said (names, whole or in part). Repeat for OR.",
        hint: None,
        query_prefix: false,
        about: "People quoted",
        resolve: Resolve::Name { whole_first: true, registry: false },
        label: ["Narasumber", "People quoted"],
        panel: false,
        nested: None,
        shown: Shown::Own,
    },
];

impl FacetSpec {
    /// An article's values of this facet, as [`Shown::Values`] shows them:
    /// the segment of each path at the row's level (a path without that
    /// level gives none), each value once, in the order of the paths.
    pub fn values(&self, article: &Article) -> Vec<String> {
        let depth = match self.level {
            Level::Top => 0,
            Level::Leaf => 1,
        };
        let mut values: Vec<String> = Vec::new();
        for path in (self.paths)(article) {
            if let Some(value) = path.to_path().get(depth)
                && !values.iter().any(|v| v == value)
            {
                values.push((*value).to_string());
            }
        }
        values
    }
}

impl FacetKind {
    /// Every facet, in the table's order (that of the JSON contract's
    /// `facets` object).
    pub const ALL: [FacetKind; FACET_COUNT] = {
        let mut all = [FacetKind::Province; FACET_COUNT];
        let mut i = 0;
        while i < FACET_COUNT {
            all[i] = FACETS[i].kind;
            i += 1;
        }
        all
    };

    /// The facet of a name as the JSON `facets` object and `warta facets
    /// --by` spell it (`province`, …, `speaker`).
    pub fn from_name(name: &str) -> Option<FacetKind> {
        FACETS.iter().find(|s| s.name == name).map(|s| s.kind)
    }

    /// The facet of a `field:` prefix, if it names one.
    pub fn from_field(name: &str) -> Option<FacetKind> {
        let spec = FACETS.iter().find(|s| s.name == name)?;
        spec.query_prefix.then_some(spec.kind)
    }

    /// Singular name used in messages.
    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// This facet's row of [`FACETS`].
    pub fn spec(self) -> &'static FacetSpec {
        &FACETS[self.index()]
    }

    /// Its position in [`FACETS`] (and in [`FacetKind::ALL`]).
    pub fn index(self) -> usize {
        self as usize
    }
}

/// The first row naming each facet field, in the table's order: one per
/// field of the schema.
pub fn field_rows() -> impl Iterator<Item = &'static FacetSpec> {
    FACETS
        .iter()
        .enumerate()
        .filter(|(i, s)| !FACETS[..*i].iter().any(|t| t.field == s.field))
        .map(|(_, s)| s)
}

/// Organisation segment used for officials whose organisation is unknown.
pub const NO_ORGANIZATION: &str = "(none)";

/// `region`: `/Province` for each province without a city named,
/// `/Province/City` for each city.
pub fn region_paths(article: &Article) -> Vec<Facet> {
    let mut facets = Vec::new();
    for p in &article.provinces {
        let cities: Vec<&str> = article
            .cities
            .iter()
            .filter(|c| c.province_code == p.code)
            .map(|c| c.name.as_str())
            .collect();
        if cities.is_empty() {
            facets.push(Facet::from_path([p.name.as_str()]));
        }
        for city in cities {
            facets.push(Facet::from_path([p.name.as_str(), city]));
        }
    }
    // A city whose province is somehow missing from the list still counts.
    for c in &article.cities {
        if !article.provinces.iter().any(|p| p.code == c.province_code)
            && let Some(p) = region::province_by_code(&c.province_code)
        {
            facets.push(Facet::from_path([p.name.as_str(), c.name.as_str()]));
        }
    }
    facets
}

/// `official`: `/Organisation/Person` ([`NO_ORGANIZATION`] when unknown);
/// a regional office named without a person is `/Office`, so it stays
/// findable by `--org`.
pub fn official_paths(article: &Article) -> Vec<Facet> {
    let mut facets = Vec::new();
    for o in &article.officials {
        let org = o.organization.as_deref().unwrap_or(NO_ORGANIZATION);
        facets.push(Facet::from_path([org, o.name.as_str()]));
    }
    for office in &article.offices {
        if !article.officials.iter().any(|o| o.organization.as_deref() == Some(office)) {
            facets.push(Facet::from_path([office.as_str()]));
        }
    }
    facets
}

/// `program`: `/CODE`.
pub fn program_paths(article: &Article) -> Vec<Facet> {
    article.programs.iter().map(|code| Facet::from_path([code])).collect()
}

/// `source`: `/Publisher`.
pub fn source_paths(article: &Article) -> Vec<Facet> {
    article.source.iter().map(|s| Facet::from_path([s])).collect()
}

/// `speaker`: `/Full Name` for each person quoted, once.
pub fn speaker_paths(article: &Article) -> Vec<Facet> {
    let mut speakers: Vec<&str> = article.quotes.iter().map(|q| q.speaker.as_str()).collect();
    speakers.sort_unstable();
    speakers.dedup();
    speakers.into_iter().map(|s| Facet::from_path([s])).collect()
}

fn province_hint() -> String {
    "give a province name (Jawa Timur), a news abbreviation (Jatim) or a two-digit code (11-96)"
        .into()
}

fn program_hint() -> String {
    let codes = program::program_codes().join(", ");
    format!("programme codes are {codes} (names such as \"jaminan hari tua\" work too)")
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
        let mut names: Vec<&str> = FACETS.iter().map(|s| s.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), FACETS.len());
    }

    #[test]
    fn hints_say_what_is_valid() {
        let hint = |kind: FacetKind| kind.spec().hint.map(|h| h()).unwrap_or_default();
        assert!(hint(FacetKind::Program).contains("JKK, JKM"));
        assert!(hint(FacetKind::Province).contains("Jatim"));
        assert!(FacetKind::Official.spec().hint.is_none());
    }
}

#[cfg(test)]
mod path_tests {
    use super::*;
    use crate::extract::quote::Quote;
    use crate::extract::{CityRef, Official, ProvinceRef};

    fn sample() -> Article {
        let quote =
            |speaker: &str| Quote { speaker: speaker.into(), text: "x".into(), direct: true };
        Article {
            source: Some("ANTARA".into()),
            provinces: vec![
                ProvinceRef { code: "35".into(), name: "Jawa Timur".into() },
                ProvinceRef { code: "12".into(), name: "Sumatera Utara".into() },
            ],
            cities: vec![CityRef { name: "Surabaya".into(), province_code: "35".into() }],
            officials: vec![Official {
                name: "Budi Santoso".into(),
                role: None,
                organization: None,
                as_printed: None,
            }],
            offices: vec!["Kanwil Contoh".into()],
            programs: vec!["JHT".into()],
            quotes: vec![quote("Zainudin"), quote("Asep Rahmat"), quote("Zainudin")],
            ..Article::default()
        }
    }

    fn strings(facets: Vec<Facet>) -> Vec<String> {
        facets.iter().map(|f| f.to_string()).collect()
    }

    #[test]
    fn region_paths_nest_cities_under_provinces() {
        assert_eq!(strings(region_paths(&sample())), ["/Jawa Timur/Surabaya", "/Sumatera Utara"]);
    }

    #[test]
    fn every_field_has_its_paths() {
        let a = sample();
        assert_eq!(strings(official_paths(&a)), ["/(none)/Budi Santoso", "/Kanwil Contoh"]);
        assert_eq!(strings(program_paths(&a)), ["/JHT"]);
        assert_eq!(strings(source_paths(&a)), ["/ANTARA"]);
        assert_eq!(strings(speaker_paths(&a)), ["/Asep Rahmat", "/Zainudin"]);
    }

    #[test]
    fn rows_sharing_a_field_give_the_same_paths() {
        let a = sample();
        for spec in FACETS {
            let first = field_rows().find(|f| f.field == spec.field).unwrap();
            assert_eq!(strings((spec.paths)(&a)), strings((first.paths)(&a)), "{}", spec.name);
        }
        let fields: Vec<&str> = field_rows().map(|s| s.field).collect();
        assert_eq!(fields, ["region", "official", "program", "source", "speaker"]);
    }

    /// A row's values are its paths' segments at its level, each once, in
    /// the paths' order; a path without that level gives none.
    #[test]
    fn values_are_the_paths_at_the_rows_level_each_once() {
        let a = sample();
        assert_eq!(FacetKind::Official.spec().values(&a), ["Budi Santoso"]);
        assert_eq!(FacetKind::Org.spec().values(&a), ["(none)", "Kanwil Contoh"]);
        assert_eq!(FacetKind::Province.spec().values(&a), ["Jawa Timur", "Sumatera Utara"]);
        assert_eq!(FacetKind::City.spec().values(&a), ["Surabaya"]);
        assert_eq!(FacetKind::Speaker.spec().values(&a), ["Asep Rahmat", "Zainudin"]);
        let row = crate::test_support::credited_row();
        assert_eq!(
            row.values(&crate::test_support::credited_article()),
            ["Rina Wulandari", "Dedi Prasetyo"]
        );
        assert!(row.values(&a).is_empty());
    }
}
