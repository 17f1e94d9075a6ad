//! The registry of known officials (`registry.tsv`): real office holders of
//! this beat with the spellings the press uses. Today it keeps the words of
//! their names away from the stemmer (`Rhosidien`, `Marbun` stay whole);
//! normalising spellings and resolving short references against it is the
//! next step of extraction.

use std::sync::LazyLock;

/// One known official.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KnownOfficial {
    /// The name as the registry spells it.
    pub name: &'static str,
    /// Other spellings and short forms seen in the press.
    pub aliases: Vec<&'static str>,
    /// Canonical organisation.
    pub organization: &'static str,
    /// The office (with changes over time, free text).
    pub role: &'static str,
}

static REGISTRY: LazyLock<Vec<KnownOfficial>> =
    LazyLock::new(|| parse(include_str!("registry.tsv")));

fn parse(text: &'static str) -> Vec<KnownOfficial> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty() && !l.starts_with("name\t"))
        .map(|line| {
            let cols: Vec<&'static str> = line.split('\t').collect();
            let col = |i: usize| cols.get(i).copied().unwrap_or("").trim();
            KnownOfficial {
                name: col(0),
                aliases: col(1).split('|').map(str::trim).filter(|a| !a.is_empty()).collect(),
                organization: col(2),
                role: col(3),
            }
        })
        .collect()
}

/// Every known official.
pub fn known_officials() -> &'static [KnownOfficial] {
    &REGISTRY
}

/// Every word (3+ letters) of every known name and alias, lowercase.
pub fn known_name_words() -> Vec<String> {
    let mut words: Vec<String> = REGISTRY
        .iter()
        .flat_map(|o| std::iter::once(o.name).chain(o.aliases.iter().copied()))
        .flat_map(str::split_whitespace)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| w.chars().count() >= 3)
        .collect();
    words.sort();
    words.dedup();
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_is_complete_and_every_name_unique() {
        let mut names = std::collections::HashSet::new();
        assert!(known_officials().len() >= 40);
        for o in known_officials() {
            assert!(
                !o.name.is_empty() && !o.organization.is_empty() && !o.role.is_empty(),
                "{o:?}"
            );
            assert!(names.insert(o.name), "{} twice", o.name);
            for a in &o.aliases {
                assert!(names.insert(a), "alias {a} shared");
            }
        }
    }

    #[test]
    fn name_words_are_lowercase_and_include_rare_surnames() {
        let words = known_name_words();
        for w in ["rhosidien", "marbun", "zainudin", "suwandha", "suwanda"] {
            assert!(words.iter().any(|x| x == w), "{w}");
        }
        assert!(words.iter().all(|w| *w == w.to_lowercase()));
    }
}
