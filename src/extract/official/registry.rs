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
//! Users extend it with their own file of the same columns
//! ([`add_user_rows`], `warta index --officials FILE`): a row for a name
//! already known replaces the built-in row.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{LazyLock, OnceLock};

use crate::extract::article::Official;

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

/// The user's rows, set once before the registry is first used.
static USER_ROWS: OnceLock<Vec<KnownOfficial>> = OnceLock::new();
/// The text they came from (an index rebuilds when it changes).
static USER_TEXT: OnceLock<&'static str> = OnceLock::new();

/// The text of the user's registry rows (empty without them).
pub fn user_text() -> &'static str {
    USER_TEXT.get().copied().unwrap_or("")
}
/// Whether [`REGISTRY`] has been built (user rows come too late after that).
static BUILT: AtomicBool = AtomicBool::new(false);

static REGISTRY: LazyLock<Vec<KnownOfficial>> = LazyLock::new(|| {
    BUILT.store(true, Ordering::SeqCst);
    let mut rows: Vec<KnownOfficial> =
        parse(include_str!("registry.tsv")).into_iter().map(|(_, row)| row).collect();
    for user in USER_ROWS.get().into_iter().flatten() {
        rows.retain(|r| key(r.name) != key(user.name));
        rows.push(user.clone());
    }
    rows
});

/// The spelling key of each registry name ([`super::typo::spelling_key`]).
static SPELLING_KEYS: LazyLock<Vec<String>> =
    LazyLock::new(|| REGISTRY.iter().map(|k| super::typo::spelling_key(k.name)).collect());

/// The rows of a registry file, with their 1-based line numbers.
fn parse(text: &'static str) -> Vec<(usize, KnownOfficial)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty() && !l.starts_with("name\t"))
        .map(|(i, line)| {
            let cols: Vec<&'static str> = line.split('\t').collect();
            let col = |i: usize| cols.get(i).copied().unwrap_or("").trim();
            let row = KnownOfficial {
                name: col(0),
                aliases: col(1).split('|').map(str::trim).filter(|a| !a.is_empty()).collect(),
                organization: col(2),
                role: col(3),
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
    /// The registry was used before the user's rows were added.
    #[error("the registry of officials is already in use; add user rows first")]
    TooLate,
}

/// Adds a user's registry rows (the columns of `registry.tsv`: name,
/// aliases, organization, role; `#` comments and a header line allowed).
/// Must be called before any extraction in the process; returns the number
/// of rows.
pub fn add_user_rows(text: &str) -> Result<usize, RegistryError> {
    if BUILT.load(Ordering::SeqCst) {
        return Err(RegistryError::TooLate);
    }
    // Leaked once per process, like the embedded table it joins.
    let text: &'static str = Box::leak(text.to_string().into_boxed_str());
    let rows = user_rows(text)?;
    let count = rows.len();
    USER_ROWS.set(rows).map_err(|_| RegistryError::TooLate)?;
    let _ = USER_TEXT.set(text);
    Ok(count)
}

/// A user's rows, checked: complete, and no spelling shared by two people.
fn user_rows(text: &'static str) -> Result<Vec<KnownOfficial>, RegistryError> {
    let rows = parse(text);
    let mut owner: HashMap<String, &str> = HashMap::new();
    for (line, row) in &rows {
        if row.name.is_empty() || row.organization.is_empty() || row.role.is_empty() {
            return Err(RegistryError::Incomplete { line: *line });
        }
        for form in std::iter::once(row.name).chain(row.aliases.iter().copied()) {
            if owner.insert(key(form), row.name).is_some_and(|other| other != row.name) {
                return Err(RegistryError::Shared { line: *line, spelling: form.to_string() });
            }
        }
    }
    Ok(rows.into_iter().map(|(_, row)| row).collect())
}

/// Every known official.
pub fn known_officials() -> &'static [KnownOfficial] {
    &REGISTRY
}

/// A name as a lookup key: lowercase words without dots or commas
/// ("M. Zuhri  Bahri" → "m zuhri bahri").
fn key(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '.' || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every registry name and alias, by key. A key shared by two people maps to
/// neither (the parse test keeps the shipped file free of such keys).
static BY_KEY: LazyLock<HashMap<String, Option<usize>>> = LazyLock::new(|| {
    let mut map: HashMap<String, Option<usize>> = HashMap::new();
    for (i, o) in REGISTRY.iter().enumerate() {
        for form in std::iter::once(o.name).chain(o.aliases.iter().copied()) {
            map.entry(key(form)).and_modify(|v| *v = v.filter(|&j| j == i)).or_insert(Some(i));
        }
    }
    map
});

/// The known official written exactly `name` (any case, dots and spacing
/// ignored), under their registry name or one of their aliases.
pub fn lookup(name: &str) -> Option<&'static KnownOfficial> {
    BY_KEY.get(&key(name)).copied().flatten().map(|i| &REGISTRY[i])
}

/// The one known official of `organization`, holding an office of the same
/// kind as `role` (its first word: Direktur, Menteri, Gubernur …), whose name
/// or alias contains every word of `short` ("Anggoro" → "Anggoro Eko Cahyo").
/// Two candidates ("Anwar" at Kemnaker) resolve to none.
fn complete(short: &str, organization: &str, role: &str) -> Option<&'static KnownOfficial> {
    let words: Vec<String> = key(short).split(' ').map(str::to_string).collect();
    let head = key(role).split(' ').next().unwrap_or_default().to_string();
    let mut found = REGISTRY.iter().zip(KEY_WORDS.iter()).filter(|(o, k)| {
        o.organization.eq_ignore_ascii_case(organization)
            && !head.is_empty()
            && k.role.contains(&head)
            && k.forms.iter().any(|form| words.iter().all(|w| form.contains(w)))
    });
    let (first, _) = found.next()?;
    found.next().is_none().then_some(first)
}

/// The words of one registry row's keys, as [`complete`] compares them.
struct KeyWords {
    /// `key(role)` split at spaces.
    role: Vec<String>,
    /// `key(form)` split at spaces, for the name and each alias.
    forms: Vec<Vec<String>>,
}

/// [`KeyWords`] of every [`REGISTRY`] row, in its order: computed once
/// rather than for every candidate row of every mention.
static KEY_WORDS: LazyLock<Vec<KeyWords>> = LazyLock::new(|| {
    let words = |s: &str| key(s).split(' ').map(str::to_string).collect::<Vec<_>>();
    REGISTRY
        .iter()
        .map(|o| KeyWords {
            role: words(o.role),
            forms: std::iter::once(o.name).chain(o.aliases.iter().copied()).map(words).collect(),
        })
        .collect()
});

/// Files `official` under the registry: the registry's spelling when the
/// article's is a known spelling or a short form of a known official of the
/// same organisation; the office and organisation filled in when the article
/// gave none. The printed name is kept in `as_printed`. A short form is
/// completed only when the organisation and the kind of office agree. A one-word name
/// (Zainudin, Yassierli) is only taken for the registry's person when the
/// organisations agree or the article gives none.
pub fn normalize(official: &mut Official) {
    let org_agrees = |k: &KnownOfficial| {
        official.organization.as_deref().is_none_or(|o| o.eq_ignore_ascii_case(k.organization))
    };
    let one_word = !key(&official.name).contains(' ');
    let known = match lookup(&official.name) {
        Some(k) if !one_word || org_agrees(k) => Some(k),
        Some(_) => None,
        None => match (&official.organization, &official.role) {
            (Some(org), Some(role)) => complete(&official.name, org, role).or_else(|| {
                // Another spelling of a known person of the same body.
                let key = super::typo::spelling_key(&official.name);
                let mut alike = REGISTRY.iter().zip(SPELLING_KEYS.iter()).filter(|(k, kk)| {
                    k.organization.eq_ignore_ascii_case(org)
                        && super::typo::keys_alike(&official.name, &key, k.name, kk)
                });
                let (k, _) = alike.next()?;
                alike.next().is_none().then_some(k)
            }),
            _ => None,
        },
    };
    let Some(k) = known else { return };
    if official.organization.is_none() {
        official.organization = Some(k.organization.to_string());
    }
    if official.name != k.name {
        official.as_printed = Some(std::mem::replace(&mut official.name, k.name.to_string()));
    }
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
        normalize(&mut o);
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
        assert!(BY_KEY.values().all(Option::is_some), "a spelling shared by two people");
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
        normalize(&mut head);
        assert_eq!(head.as_printed, None);
        // Two known Anwar at Kemnaker: neither is chosen.
        let mut anwar = official("Anwar", Some("Kemnaker"));
        anwar.role = Some("Sekretaris Jenderal".into());
        normalize(&mut anwar);
        assert_eq!(anwar.as_printed, None);
    }

    #[test]
    fn one_word_names_need_the_organisation_to_agree() {
        assert_eq!(normalized("Zainudin", Some("BPJS Ketenagakerjaan")).0, "Zainudin");
        let mut o = official("Zainudin Jay", None);
        normalize(&mut o);
        assert_eq!(
            (o.name.as_str(), o.organization.as_deref()),
            ("Zainudin", Some("BPJS Ketenagakerjaan"))
        );
        // A Zainudin who is a regent is not the BPJS director.
        let mut regent = official("Zainudin", Some("Pemkab Lombok Timur"));
        normalize(&mut regent);
        assert_eq!(regent.as_printed, None);
    }

    #[test]
    fn name_words_are_lowercase_and_include_rare_surnames() {
        let words = known_name_words();
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
        normalize(&mut o);
        assert_eq!(o.name, "Abdur Rahman Irsyadi");
        assert_eq!(o.as_printed.as_deref(), Some("Abdurahman Irsyadi"));
        // Another body: another person.
        let mut o = Official {
            name: "Abdurahman Irsyadi".into(),
            role: Some("Ketua".into()),
            organization: Some("Apindo".into()),
            as_printed: None,
        };
        normalize(&mut o);
        assert_eq!(o.name, "Abdurahman Irsyadi");
    }

    #[test]
    fn key_words_follow_the_registry_rows() {
        assert_eq!(KEY_WORDS.len(), REGISTRY.len());
        for (o, k) in REGISTRY.iter().zip(KEY_WORDS.iter()) {
            assert_eq!(k.role.join(" "), key(o.role));
            assert_eq!(k.forms.len(), 1 + o.aliases.len());
            assert_eq!(k.forms[0].join(" "), key(o.name));
        }
    }
}
