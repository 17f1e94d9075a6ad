//! The registry of known officials (`registry.tsv`): real office holders of
//! this beat with the spellings the press uses. It does three things:
//! normalises spellings ("Asep Rahmat Suwanda" is filed under the registry's
//! "Asep Rahmat Suwandha", so the facet holds one person), completes short
//! forms when the organisation agrees ("Direktur Utama BPJS Ketenagakerjaan
//! Anggoro" → "Anggoro Eko Cahyo"), and keeps the words of these names away
//! from the stemmer (`Rhosidien`, `Marbun` stay whole).
//!
//! It never makes someone an official: only people the article names with an
//! office are looked up.
//!
//! A [`Registry`] is a value: the built-in one ([`Registry::builtin`]), or
//! the built-in rows with a user's file of the same columns
//! ([`Registry::with_user_rows`], `warta index --officials FILE`; a row for a
//! name already known replaces the built-in row). An open index holds the
//! registry it was built with, so two indexes in one process each resolve
//! their own officials, and extraction takes the registry to use as an
//! argument (`extract::extract_with`): nothing about it is process-wide but
//! the shipped rows, parsed once.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::extract::article::Official;
use crate::extract::words::push_lowercase;

/// One known official.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KnownOfficial {
    /// The name as the registry spells it.
    pub name: String,
    /// Other spellings and short forms seen in the press.
    pub aliases: Vec<String>,
    /// Canonical organisation.
    pub organization: String,
    /// The office (with changes over time, free text).
    pub role: String,
}

impl KnownOfficial {
    /// The name, then each alias.
    fn forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// Known officials with their look-up tables.
#[derive(Clone, Debug)]
pub struct Registry {
    rows: Vec<KnownOfficial>,
    /// Every name and alias, by key; a key shared by two people maps to neither.
    by_key: HashMap<String, Option<usize>>,
    /// The words of each row's keys, in row order.
    key_words: Vec<KeyWords>,
    /// The spelling key of each name ([`super::typo::spelling_key`]).
    spelling_keys: Vec<String>,
    /// The user's rows as given (empty without them): an index rebuilds
    /// when they change.
    user_text: String,
}

static BUILTIN: LazyLock<Registry> = LazyLock::new(|| {
    Registry::from_rows(parse(include_str!("registry.tsv")).into_iter().map(|(_, r)| r).collect())
});

impl Registry {
    /// The shipped registry (`registry.tsv`).
    pub fn builtin() -> &'static Registry {
        &BUILTIN
    }

    /// The shipped registry with a user's rows (the columns of
    /// `registry.tsv`: name, aliases, organization, role; `#` comments and a
    /// header line allowed). An empty text gives the shipped registry.
    pub fn with_user_rows(text: &str) -> Result<Registry, RegistryError> {
        let users = user_rows(text)?;
        let mut rows = BUILTIN.rows.clone();
        for user in &users {
            rows.retain(|r| key(&r.name) != key(&user.name));
        }
        rows.extend(users);
        let mut registry = Registry::from_rows(rows);
        registry.user_text = text.to_string();
        Ok(registry)
    }

    fn from_rows(rows: Vec<KnownOfficial>) -> Registry {
        let mut by_key: HashMap<String, Option<usize>> = HashMap::new();
        for (i, o) in rows.iter().enumerate() {
            for form in o.forms() {
                by_key
                    .entry(key(form))
                    .and_modify(|v| *v = v.filter(|&j| j == i))
                    .or_insert(Some(i));
            }
        }
        let words = |s: &str| key(s).split(' ').map(str::to_string).collect::<Vec<_>>();
        let key_words = rows
            .iter()
            .map(|o| KeyWords { role: words(&o.role), forms: o.forms().map(words).collect() })
            .collect();
        let spelling_keys = rows.iter().map(|k| super::typo::spelling_key(&k.name)).collect();
        Registry { rows, by_key, key_words, spelling_keys, user_text: String::new() }
    }

    /// The text of the user's rows (empty without them).
    pub fn user_text(&self) -> &str {
        &self.user_text
    }

    /// Every known official.
    pub fn officials(&self) -> &[KnownOfficial] {
        &self.rows
    }

    /// The known official written exactly `name` (any case, dots and spacing
    /// ignored), under their registry name or one of their aliases.
    pub fn lookup(&self, name: &str) -> Option<&KnownOfficial> {
        self.lookup_key(&key(name))
    }

    /// [`Registry::lookup`] of a name's [`key`].
    fn lookup_key(&self, key: &str) -> Option<&KnownOfficial> {
        self.by_key.get(key).copied().flatten().map(|i| &self.rows[i])
    }

    /// The one known official of `organization`, holding an office of the
    /// same kind as `role` (its first word: Direktur, Menteri, Gubernur …),
    /// whose name or alias contains every word of `short` ("Anggoro" →
    /// "Anggoro Eko Cahyo"). Two candidates ("Anwar" at Kemnaker) resolve to none.
    /// `short_key` is `short`'s [`key`].
    fn complete(&self, short_key: &str, organization: &str, role: &str) -> Option<&KnownOfficial> {
        let words: Vec<&str> = short_key.split(' ').collect();
        let head = first_key_word(role);
        let mut found = self.rows.iter().zip(&self.key_words).filter(|(o, k)| {
            o.organization.eq_ignore_ascii_case(organization)
                && !head.is_empty()
                && k.role.contains(&head)
                && k.forms.iter().any(|form| words.iter().all(|w| form.iter().any(|f| f == w)))
        });
        let (first, _) = found.next()?;
        found.next().is_none().then_some(first)
    }

    /// Files `official` under the registry: the registry's spelling when the
    /// article's is a known spelling or a short form of a known official of
    /// the same organisation; the office and organisation filled in when the
    /// article gave none. The printed name is kept in `as_printed`. A short
    /// form is completed only when the organisation and the kind of office
    /// agree. A one-word name (Zainudin, Yassierli) is only taken for the
    /// registry's person when the organisations agree or the article gives none.
    pub fn normalize(&self, official: &mut Official) {
        let org_agrees = |k: &KnownOfficial| {
            official.organization.as_deref().is_none_or(|o| o.eq_ignore_ascii_case(&k.organization))
        };
        let name_key = key(&official.name);
        let one_word = !name_key.contains(' ');
        let known = match self.lookup_key(&name_key) {
            Some(k) if !one_word || org_agrees(k) => Some(k),
            Some(_) => None,
            None => match (&official.organization, &official.role) {
                (Some(org), Some(role)) => self.complete(&name_key, org, role).or_else(|| {
                    // Another spelling of a known person of the same body.
                    let key = super::typo::spelling_key(&official.name);
                    let long = super::typo::long_key(&key);
                    let mut alike = self.rows.iter().zip(&self.spelling_keys).filter(|(k, kk)| {
                        k.organization.eq_ignore_ascii_case(org)
                            && super::typo::keys_alike_given(
                                &official.name,
                                &key,
                                long,
                                &k.name,
                                kk,
                            )
                    });
                    let (k, _) = alike.next()?;
                    alike.next().is_none().then_some(k)
                }),
                _ => None,
            },
        };
        let Some(k) = known else { return };
        if official.organization.is_none() {
            official.organization = Some(k.organization.clone());
        }
        if official.name != k.name {
            official.as_printed = Some(std::mem::replace(&mut official.name, k.name.clone()));
        }
    }

    /// Every word (3+ letters) of every known name and alias, lowercase.
    pub fn name_words(&self) -> Vec<String> {
        let mut words: Vec<String> = self
            .rows
            .iter()
            .flat_map(KnownOfficial::forms)
            .flat_map(str::split_whitespace)
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
            .filter(|w| w.chars().count() >= 3)
            .collect();
        words.sort();
        words.dedup();
        words
    }
}

/// The rows of a registry file, with their 1-based line numbers.
fn parse(text: &str) -> Vec<(usize, KnownOfficial)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty() && !l.starts_with("name\t"))
        .map(|(i, line)| {
            let cols: Vec<&str> = line.split('\t').collect();
            let col = |i: usize| cols.get(i).copied().unwrap_or("").trim();
            let row = KnownOfficial {
                name: col(0).to_string(),
                aliases: col(1)
                    .split('|')
                    .map(str::trim)
                    .filter(|a| !a.is_empty())
                    .map(str::to_string)
                    .collect(),
                organization: col(2).to_string(),
                role: col(3).to_string(),
            };
            (i + 1, row)
        })
        .collect()
}

/// Why a user's registry file was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RegistryError {
    /// A row without a name, organisation or role.
    #[error("line {line}: a row needs name, aliases, organization and role (tab-separated)")]
    Incomplete {
        /// 1-based line number.
        line: usize,
    },
    /// One spelling given to two people.
    #[error("line {line}: \"{spelling}\" is already the name or alias of another person")]
    Shared {
        /// 1-based line number.
        line: usize,
        /// The spelling.
        spelling: String,
    },
}

/// A user's rows, checked: complete, and no spelling shared by two people.
fn user_rows(text: &str) -> Result<Vec<KnownOfficial>, RegistryError> {
    let rows = parse(text);
    let mut owner: HashMap<String, &str> = HashMap::new();
    for (line, row) in &rows {
        if row.name.is_empty() || row.organization.is_empty() || row.role.is_empty() {
            return Err(RegistryError::Incomplete { line: *line });
        }
        for form in row.forms() {
            if owner.insert(key(form), &row.name).is_some_and(|other| other != row.name) {
                return Err(RegistryError::Shared { line: *line, spelling: form.to_string() });
            }
        }
    }
    Ok(rows.into_iter().map(|(_, row)| row).collect())
}

/// A name as a lookup key: lowercase words without dots or commas
/// ("M. Zuhri  Bahri" → "m zuhri bahri").
fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split(|c: char| c.is_whitespace() || c == '.' || c == ',') {
        if word.is_empty() {
            continue;
        }
        // A lowercased word is never empty, so a space goes between words.
        if !out.is_empty() {
            out.push(' ');
        }
        push_lowercase(&mut out, word);
    }
    out
}

/// The first word of `key(name)`, without the rest.
fn first_key_word(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '.' || c == ',')
        .find(|w| !w.is_empty())
        .map(str::to_lowercase)
        .unwrap_or_default()
}

/// The words of one registry row's keys, as [`Registry::complete`] compares
/// them (computed once rather than for every candidate row of every mention).
#[derive(Clone, Debug)]
struct KeyWords {
    /// `key(role)` split at spaces.
    role: Vec<String>,
    /// `key(form)` split at spaces, for the name and each alias.
    forms: Vec<Vec<String>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_is_complete_and_every_name_unique() {
        let mut names = std::collections::HashSet::new();
        let registry = Registry::builtin();
        assert!(registry.officials().len() >= 40);
        for o in registry.officials() {
            assert!(
                !o.name.is_empty() && !o.organization.is_empty() && !o.role.is_empty(),
                "{o:?}"
            );
            assert!(names.insert(o.name.as_str()), "{} twice", o.name);
            for a in &o.aliases {
                assert!(names.insert(a), "alias {a} shared");
            }
        }
    }

    /// [`key`] as first written: each word lowered on its own, joined.
    fn key_by_words(name: &str) -> String {
        name.split(|c: char| c.is_whitespace() || c == '.' || c == ',')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join(" ")
    }

    proptest::proptest! {
        #[test]
        fn key_agrees_with_lowering_word_by_word(name in "[A-Za-zÉéΣσ\u{130}\u{212a}., \t\u{a0}]{0,16}") {
            proptest::prop_assert_eq!(key(&name), key_by_words(&name));
        }

        #[test]
        fn the_first_key_word_is_the_keys_first(role in "[A-Za-zÉé., \t]{0,12}") {
            let key = key(&role);
            proptest::prop_assert_eq!(first_key_word(&role), key.split(' ').next().unwrap_or_default());
        }
    }

    fn official(name: &str, org: Option<&str>) -> Official {
        Official {
            name: name.into(),
            role: Some("Direktur".into()),
            organization: org.map(str::to_string),
            as_printed: None,
        }
    }

    fn normalized(name: &str, org: Option<&str>) -> (String, Option<String>) {
        let mut o = official(name, org);
        Registry::builtin().normalize(&mut o);
        (o.name, o.as_printed)
    }

    #[test]
    fn user_rows_are_checked() {
        let rows = user_rows(
            "# mine\nname\taliases\torganization\trole\n\
             Siti Aminah\tSiti A.|Bu Siti\tPemkab Sleman\tBupati\n",
        )
        .unwrap();
        assert_eq!(rows[0].aliases, ["Siti A.", "Bu Siti"]);
        assert_eq!(
            user_rows("Siti Aminah\t\tPemkab Sleman\n"),
            Err(RegistryError::Incomplete { line: 1 })
        );
        let shared = user_rows("A Satu\tAS\tX\tKetua\nB Dua\tAS\tY\tKetua\n").unwrap_err();
        assert_eq!(
            shared.to_string(),
            "line 2: \"AS\" is already the name or alias of another person"
        );
    }

    #[test]
    fn every_key_names_one_person() {
        let by_key = &Registry::builtin().by_key;
        assert!(by_key.values().all(Option::is_some), "a spelling shared by two people");
    }

    #[test]
    fn press_spellings_are_filed_under_the_registry_name() {
        let bpjs = Some("BPJS Ketenagakerjaan");
        assert_eq!(
            normalized("Asep Rahmat Suwanda", bpjs),
            ("Asep Rahmat Suwandha".into(), Some("Asep Rahmat Suwanda".into()))
        );
        assert_eq!(normalized("M. Zuhri Bahri", None).0, "Muhammad Zuhri Bahri");
        assert_eq!(
            normalized("Pramudya Iriawan Buntoro", bpjs),
            ("Pramudya Iriawan Buntoro".into(), None)
        );
    }

    #[test]
    fn short_forms_complete_only_within_the_same_organisation() {
        let bpjs = Some("BPJS Ketenagakerjaan");
        assert_eq!(normalized("Anggoro", bpjs).0, "Anggoro Eko Cahyo");
        assert_eq!(normalized("Suwandha", bpjs).0, "Asep Rahmat Suwandha");
        // Another Anggoro, of another office, stays who the article says.
        assert_eq!(normalized("Anggoro", Some("Pemprov Jawa Tengah")), ("Anggoro".into(), None));
        // Without an organisation, a short form is not enough.
        assert_eq!(normalized("Anggoro", None), ("Anggoro".into(), None));
        // A branch head called Anggoro is not the president director.
        let mut head = official("Anggoro", bpjs);
        head.role = Some("Kepala Kantor Cabang Semarang".into());
        Registry::builtin().normalize(&mut head);
        assert_eq!(head.as_printed, None);
        // Two known Anwar at Kemnaker: neither is chosen.
        let mut anwar = official("Anwar", Some("Kemnaker"));
        anwar.role = Some("Sekretaris Jenderal".into());
        Registry::builtin().normalize(&mut anwar);
        assert_eq!(anwar.as_printed, None);
    }

    #[test]
    fn one_word_names_need_the_organisation_to_agree() {
        assert_eq!(normalized("Zainudin", Some("BPJS Ketenagakerjaan")).0, "Zainudin");
        let mut o = official("Zainudin Jay", None);
        Registry::builtin().normalize(&mut o);
        assert_eq!(
            (o.name.as_str(), o.organization.as_deref()),
            ("Zainudin", Some("BPJS Ketenagakerjaan"))
        );
        // A Zainudin who is a regent is not the BPJS director.
        let mut regent = official("Zainudin", Some("Pemkab Lombok Timur"));
        Registry::builtin().normalize(&mut regent);
        assert_eq!(regent.as_printed, None);
    }

    #[test]
    fn name_words_are_lowercase_and_include_rare_surnames() {
        let words = Registry::builtin().name_words();
        for w in ["rhosidien", "marbun", "zainudin", "suwandha", "suwanda"] {
            assert!(words.iter().any(|x| x == w), "{w}");
        }
        assert!(words.iter().all(|w| *w == w.to_lowercase()));
    }

    #[test]
    fn other_spellings_of_a_known_person_of_the_same_body_are_filed_under_the_registry() {
        let mut o = Official {
            name: "Abdurahman Irsyadi".into(),
            role: Some("Direktur Human Capital".into()),
            organization: Some("BPJS Ketenagakerjaan".into()),
            as_printed: None,
        };
        Registry::builtin().normalize(&mut o);
        assert_eq!(o.name, "Abdur Rahman Irsyadi");
        assert_eq!(o.as_printed.as_deref(), Some("Abdurahman Irsyadi"));
        // Another body: another person.
        let mut o = Official {
            name: "Abdurahman Irsyadi".into(),
            role: Some("Ketua".into()),
            organization: Some("Apindo".into()),
            as_printed: None,
        };
        Registry::builtin().normalize(&mut o);
        assert_eq!(o.name, "Abdurahman Irsyadi");
    }

    #[test]
    fn key_words_follow_the_registry_rows() {
        let r = Registry::builtin();
        assert_eq!(r.key_words.len(), r.rows.len());
        for (o, k) in r.rows.iter().zip(&r.key_words) {
            assert_eq!(k.role.join(" "), key(&o.role));
            assert_eq!(k.forms.len(), 1 + o.aliases.len());
            assert_eq!(k.forms[0].join(" "), key(&o.name));
        }
    }

    #[test]
    fn a_user_registry_is_its_own_value() {
        // A fictional regional official, in one registry only.
        let mine = Registry::with_user_rows(
            "Ratna Dewi Kusumawati	Bu Ratna Dewi	Pemkab Sleman	Bupati
             Anggoro Eko Cahyo	Pak Anggoro	BPJS Ketenagakerjaan	Direktur Utama
",
        )
        .unwrap();
        assert_eq!(
            mine.lookup("bu ratna dewi").map(|k| k.name.as_str()),
            Some("Ratna Dewi Kusumawati")
        );
        assert!(Registry::builtin().lookup("Bu Ratna Dewi").is_none());
        // A user row replaces the built-in row of the same name.
        let anggoro = mine.officials().iter().filter(|k| k.name == "Anggoro Eko Cahyo").count();
        assert_eq!(anggoro, 1);
        assert!(mine.lookup("Pak Anggoro").is_some());
        assert!(mine.name_words().iter().any(|w| w == "kusumawati"));
        assert_eq!(
            Registry::with_user_rows("").unwrap().officials().len(),
            Registry::builtin().officials().len()
        );
    }
}
