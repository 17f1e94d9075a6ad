//! How a typed filter value meets a facet: the strategies of [`Resolve`],
//! and the tables behind them that say which values warta knows whether or
//! not an article of the index names them ([`Resolve::known`]): the
//! gazetteer's provinces and cities, the programmes, the organisations, the
//! publishers and the index's registry of officials.

use crate::extract::official::registry::Registry;
use crate::extract::{official, program, publisher, region};

/// How a value a user types (`--city Medan`, `official=Zainudin`) resolves
/// to the facet paths stored in the index: a few strategies, implemented
/// once in `search::filters::resolve`. A value no indexed path matches
/// matches nothing when warta's tables know it ([`Resolve::known`]), and is
/// an error with suggestions otherwise, not a silent empty result.
#[derive(Clone, Copy, Debug)]
pub enum Resolve {
    /// A fixed list knows every value (the gazetteer's provinces, the
    /// programme taxonomy): `find` gives the stored value of what was typed
    /// (an abbreviation, a code, a name), and the indexed value spelled so
    /// matches; one `find` does not know is an error suggesting from `all`.
    Listed {
        /// The stored value of a typed one.
        find: fn(&str) -> Option<String>,
        /// Every value, for suggestions.
        all: fn() -> Vec<String>,
    },
    /// The values indexed at the row's level spelled the same (case and
    /// spaces aside), or as `canonical` spells the typed value (a city's
    /// gazetteer name, an organisation's name for its alias).
    Spelled {
        /// The canonical spelling of a typed value, when it is a real one.
        canonical: fn(&str) -> Option<Known>,
        /// Whether suggestions name a value's parent (`Kupang (in Nusa
        /// Tenggara Timur)`: a district elsewhere is another place).
        parent: bool,
    },
    /// People's names as indexed at the row's level: the whole name (case
    /// and spaces aside) or the typed words, whole and in order, within it
    /// ("Zainudin", "Rahmat Suwanda").
    Name {
        /// Whether a whole-name match ends the search (else whole names and
        /// words count at once).
        whole_first: bool,
        /// Whether the index's registry of officials turns a press spelling
        /// into the registry's name, and knows the officials no article names.
        registry: bool,
    },
    /// The value as indexed (case and spaces aside) wins; otherwise the
    /// indexed values with the same `key`, or the key of the value's display
    /// name (`liputan6` finds `Liputan6.com`, an outlet's other spelling its
    /// display name).
    Keyed {
        /// A spelling's identity (empty: none).
        key: fn(&str) -> String,
        /// The display name of a spelling, when a table knows it.
        display: fn(&str) -> Option<String>,
    },
}

/// A value warta's own tables know, as they spell it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Known {
    /// The tables' spelling (`Jawa Timur` for `Jatim`, `detik.com` for `detikNews`).
    pub name: String,
    /// Where it lies, when that tells places apart (a city's province).
    pub parent: Option<String>,
}

impl Known {
    fn named(name: impl Into<String>) -> Known {
        Known { name: name.into(), parent: None }
    }
}

impl Resolve {
    /// What warta's tables make of a typed value, whether or not an article
    /// of the index names it: the gazetteer (provinces, cities), the
    /// programmes, the organisations, the publishers, and `officials` (the
    /// registry the index was built with) for people's names that use it.
    /// `None`: a value no table knows (people quoted have no table).
    pub fn known(&self, officials: &Registry, value: &str) -> Option<Known> {
        let value = value.trim();
        match *self {
            Resolve::Listed { find, .. } => find(value).map(Known::named),
            Resolve::Spelled { canonical, .. } => canonical(value),
            Resolve::Keyed { display, .. } => display(value).map(Known::named),
            Resolve::Name { registry: false, .. } => None,
            Resolve::Name { registry: true, .. } => {
                if let Some(o) = officials.lookup(value) {
                    return Some(Known::named(o.name.as_str()));
                }
                // Words of several officials' names ("Anggoro") stay as typed.
                let mut within = officials.officials().iter().filter(|o| {
                    name_matches(&o.name, value) || o.aliases.iter().any(|a| name_matches(a, value))
                });
                let first = within.next()?;
                let name = if within.next().is_none() { first.name.as_str() } else { value };
                Some(Known::named(name))
            }
        }
    }
}

/// Whether the typed words occur, in order and whole, in a stored name:
/// "Zainudin", "Asep", "Rahmat Suwanda" all match "Asep Rahmat Suwanda".
pub fn name_matches(stored: &str, typed: &str) -> bool {
    let stored: Vec<String> = stored.split_whitespace().map(|w| w.to_lowercase()).collect();
    let typed: Vec<String> = typed.split_whitespace().map(|w| w.to_lowercase()).collect();
    !typed.is_empty() && stored.windows(typed.len()).any(|w| w == typed.as_slice())
}

pub(super) fn province_name(value: &str) -> Option<String> {
    region::resolve_province(value).map(|p| p.name)
}

pub(super) fn province_names() -> Vec<String> {
    region::all_provinces().into_iter().map(|p| p.name).collect()
}

/// A city with its province.
pub(super) fn city(value: &str) -> Option<Known> {
    let city = region::resolve_city(value)?;
    let province = region::province_by_code(&city.province_code).map(|p| p.name);
    Some(Known { name: city.name, parent: province })
}

pub(super) fn organization(value: &str) -> Option<Known> {
    official::resolve_organization(value).map(Known::named)
}

pub(super) fn program_code(value: &str) -> Option<String> {
    program::resolve_program(value).map(String::from)
}

pub(super) fn program_codes() -> Vec<String> {
    program::program_codes().into_iter().map(String::from).collect()
}

pub(super) fn publisher_name(value: &str) -> Option<String> {
    publisher::publisher(value).map(String::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::facet_spec::FacetKind;

    fn known(kind: FacetKind, value: &str) -> Option<Known> {
        kind.spec().resolve.known(Registry::builtin(), value)
    }

    #[test]
    fn partial_names_match_whole_words_in_order() {
        assert!(name_matches("Asep Rahmat Suwanda", "asep"));
        assert!(name_matches("Asep Rahmat Suwanda", "Rahmat  Suwanda"));
        assert!(!name_matches("Asep Rahmat Suwanda", "Suwanda Asep"));
        assert!(!name_matches("Asep Rahmat Suwanda", "Ase"));
        assert!(!name_matches("Zainudin", ""));
    }

    /// Every facet with a table knows its values by the tables' spellings,
    /// whatever an index holds.
    #[test]
    fn the_tables_know_values_no_index_is_asked_about() {
        let name = |kind, value| known(kind, value).map(|k| k.name);
        assert_eq!(
            name(FacetKind::Province, "Papua Barat Daya").as_deref(),
            Some("Papua Barat Daya")
        );
        assert_eq!(
            name(FacetKind::Province, "DKI").as_deref(),
            Some("Daerah Khusus Ibukota Jakarta")
        );
        assert_eq!(name(FacetKind::Program, "jaminan hari tua").as_deref(), Some("JHT"));
        assert_eq!(name(FacetKind::Org, "BPJAMSOSTEK").as_deref(), Some("BPJS Ketenagakerjaan"));
        assert!(name(FacetKind::Source, "detik.com").is_some());
        assert_eq!(name(FacetKind::Source, "detik.com"), name(FacetKind::Source, "detikNews"));
        assert_eq!(
            name(FacetKind::Official, "Anggoro Eko Cahyo").as_deref(),
            Some("Anggoro Eko Cahyo")
        );
        assert_eq!(name(FacetKind::Official, "Eko Cahyo").as_deref(), Some("Anggoro Eko Cahyo"));
        // Words of two registry names are known, as typed.
        assert_eq!(name(FacetKind::Official, "anggoro").as_deref(), Some("anggoro"));
        for (kind, value) in [
            (FacetKind::Province, "Atlantis"),
            (FacetKind::City, "Jakarta"),
            (FacetKind::Official, "Zzyzx Qwerty"),
            (FacetKind::Source, "nosuch.example"),
            (FacetKind::Speaker, "Anggoro Eko Cahyo"),
        ] {
            assert_eq!(known(kind, value), None, "{kind:?} {value}");
        }
    }

    #[test]
    fn a_known_city_names_its_province() {
        let surabaya = known(FacetKind::City, "Surabaya").unwrap();
        assert_eq!(surabaya.parent.as_deref(), Some("Jawa Timur"));
        assert_eq!(known(FacetKind::Province, "Jatim").unwrap().parent, None);
    }
}
