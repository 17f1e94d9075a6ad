//! Who a frame means: coreference within one article.
//!
//! The people known to an article are the officials the official finder
//! found (full names, roles) plus the speakers met so far. A phrase is
//! resolved, in order, by a full name inside it; by a first name or surname
//! of a known full name ("Asep" → "Asep Rahmat Suwanda"); by an office
//! matched against the officials' roles ("Menaker" → the Menteri
//! Ketenagakerjaan); and otherwise by the capitalised name as written (a
//! worker quoted by name). Short forms that are also ordinary words ("Hari",
//! day) count only next to a speech verb. Page credits are never speakers.

use super::lexicon;
#[cfg(test)]
use super::phrase::names_subject;
use super::phrase::{
    AGED, CREDIT, clean, head, introduced_name, is_opener, may_be_credit, name_run, strip_brackets,
};
use crate::extract::article::Official;
use crate::extract::words::{Word, runs, words as word_spans};

mod mentions;

/// At most this many people are tracked per article (bounded work).
const MAX_PEOPLE: usize = 64;

struct Person {
    name: String,
    words: Vec<String>,
    /// Lower-cased words of the role and organisation, titles spelled out.
    office: Vec<String>,
    role: Vec<String>,
    /// Passed in by the official finder (never replaced by a longer name).
    official: bool,
}

/// The people of one article.
pub(super) struct People<'a> {
    people: Vec<Person>,
    credits: Vec<Vec<String>>,
    /// The article's text (for `written_in_lowercase`).
    text: &'a str,
}

/// A resolved frame: the current speaker, or a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Speaker {
    Pronoun,
    Name(String),
}

fn starts_upper(word: &str) -> bool {
    word.starts_with(char::is_uppercase)
}

fn words(s: &str) -> Vec<String> {
    word_spans(s).map(|m| m.as_str().to_string()).collect()
}

fn office_words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in word_spans(s) {
        lexicon::push_office_word(w.as_str(), &mut out);
    }
    out
}

impl<'a> People<'a> {
    pub fn new(officials: &[Official], text: &'a str) -> Self {
        // A credit never spans lines, so each line that may hold one is
        // searched alone.
        let credits = text
            .split('\n')
            .filter(|line| may_be_credit(line))
            .filter_map(|line| CREDIT.captures(line))
            .flat_map(|c| {
                let line = c.get(1).map_or("", |m| m.as_str()).to_string();
                line.split([',', '/', '&', ';', '|']).map(words).collect::<Vec<_>>()
            })
            .filter(|w| !w.is_empty())
            .collect();
        let mut people = People { people: Vec::new(), credits, text };
        for o in officials.iter().take(MAX_PEOPLE) {
            let role = o.role.as_deref().unwrap_or("");
            let org = o.organization.as_deref().unwrap_or("");
            // The words of "{role} {org}" are the role's then the
            // organisation's: a word never holds a space.
            let role = office_words(role);
            let mut office = role.clone();
            office.extend(office_words(org));
            people.add(&o.name, office, role, true);
        }
        // "Dedi Kurniadi (34)": a person introduced with an age, usually a
        // worker later called by first name.
        for c in AGED.captures_iter(text) {
            let ws = c.get(1).map_or("", |m| m.as_str());
            let name: Vec<&str> =
                ws.split_whitespace().skip_while(|w| !lexicon::is_nameish(w)).collect();
            if name.len() >= 2 && name.iter().all(|w| lexicon::is_nameish(w)) {
                people.add(&name.join(" "), Vec::new(), Vec::new(), false);
            }
        }
        people
    }

    fn add(
        &mut self,
        name: &str,
        office: Vec<String>,
        role: Vec<String>,
        official: bool,
    ) -> Option<usize> {
        let w = words(name);
        if w.is_empty() || self.is_credit(&w) {
            return None;
        }
        if let Some(i) = self.people.iter().position(|p| p.words == w) {
            return Some(i);
        }
        if self.people.len() >= MAX_PEOPLE {
            return None;
        }
        self.people.push(Person { name: w.join(" "), words: w, office, role, official });
        Some(self.people.len() - 1)
    }

    fn is_credit(&self, name: &[String]) -> bool {
        self.credits.iter().any(|c| name.iter().all(|w| c.contains(w)))
    }

    /// Whether `name` (as resolved) is a page credit.
    pub fn is_credited(&self, name: &str) -> bool {
        // (Without credits there is nothing to split the name for.)
        !self.credits.is_empty() && self.is_credit(&words(name))
    }

    /// The known person whose name contains all of `short`, preferring one
    /// whose first word (particles aside) is `short`'s first word, then the
    /// earliest known.
    fn by_short(&self, short: &[&str]) -> Option<usize> {
        let first = short.first()?;
        let fits = |p: &Person| short.iter().all(|s| p.words.iter().any(|w| w == s));
        let leads = |p: &Person| {
            p.words.iter().find(|w| !lexicon::is_particle(w)).is_some_and(|w| w == first)
        };
        self.people
            .iter()
            .position(|p| fits(p) && leads(p))
            .or_else(|| self.people.iter().position(fits))
    }

    /// The one known official whose first word begins with `w` (four
    /// letters or more) and is longer: the article clips the name
    /// ("Syarif" for "Syarifuddin").
    fn by_clipped(&self, w: &str) -> Option<usize> {
        if w.chars().count() < 4 {
            return None;
        }
        let mut fits = self.people.iter().enumerate().filter(|(_, p)| {
            p.official && p.words.first().is_some_and(|f| f.len() > w.len() && f.starts_with(w))
        });
        let (i, _) = fits.next()?;
        fits.next().is_none().then_some(i)
    }

    /// The best official for an office phrase ("Kepala Kantor Cabang BPJS
    /// Ketenagakerjaan Kudus"), if exactly one fits best: words shared with
    /// the role and organisation count for it, role words missing from the
    /// phrase and phrase words foreign to the office count against it.
    fn by_office(&self, phrase: &str) -> Option<usize> {
        let t = office_words(phrase);
        if !t.iter().any(|w| lexicon::is_role_head(w)) {
            return None;
        }
        let mut best: Option<(i64, usize)> = None;
        let mut tie = false;
        for (k, p) in self.people.iter().enumerate() {
            if !p.role.iter().any(|r| lexicon::is_role_head(r) && t.contains(r)) {
                continue;
            }
            let hits = t.iter().filter(|w| p.office.contains(w)).count() as i64;
            let missing = p.role.iter().filter(|r| !t.contains(r)).count() as i64;
            // "Direktur Utama" is not the "Direktur Keuangan".
            let extra = t.len() as i64 - hits;
            let score = 2 * hits - missing - extra;
            match best {
                Some((s, _)) if s == score => tie = true,
                Some((s, _)) if s > score => {}
                _ => {
                    best = Some((score, k));
                    tie = false;
                }
            }
        }
        best.filter(|&(s, _)| s > 0 && !tie).map(|(_, k)| k)
    }

    /// Resolves the words naming a speaker after a verb ("kata …").
    pub fn resolve_phrase(&mut self, phrase: &str) -> Option<String> {
        let raw: Vec<&str> = phrase.split_whitespace().take(16).collect();
        let run = name_run(&raw);
        if let Some(m) = self.mentions(phrase).iter().find(|m| m.full) {
            let p = &self.people[m.person];
            // "Dedi" met before, "Dedi Mulyadi" now: the longer name wins.
            let longer = !p.official
                && run.len() > p.words.len()
                && run.len() <= 4
                && p.words.iter().all(|w| run.contains(&w.as_str()));
            if !longer {
                return Some(p.name.clone());
            }
        }
        let tokens: Vec<&str> = raw.iter().map(|t| clean(t)).filter(|t| !t.is_empty()).collect();
        // The run, or its last words, may be a known name ("Kudus Sugeng").
        for k in 0..run.len() {
            if let Some(i) = self.by_short(&run[k..]) {
                return Some(self.people[i].name.clone());
            }
        }
        if run.len() < 2
            && let Some(i) = self.by_office(phrase)
        {
            return Some(self.people[i].name.clone());
        }
        // "Syarif" for "Syarifuddin": a clipped first word of one known person.
        if let [w] = run[..]
            && let Some(i) = self.by_clipped(w)
        {
            return Some(self.people[i].name.clone());
        }
        let titled = tokens.iter().any(|t| !lexicon::is_nameish(t) && !lexicon::is_honorific(t));
        let plausible = match run.len() {
            0 => false,
            1 => !titled && !self.is_doubtful(run[0]),
            n => {
                // The word before the run in the phrase ("Jaminan").
                let before = raw
                    .iter()
                    .position(|t| clean(t) == run[0])
                    .and_then(|i| i.checked_sub(1))
                    .map(|i| raw[i]);
                n <= 4 && !self.is_programme_or_common(before, &run)
            }
        } && !run.iter().any(|w| lexicon::is_word_form(w));
        if !plausible {
            return None;
        }
        let i = self.add(&run.join(" "), Vec::new(), Vec::new(), false)?;
        Some(self.people[i].name.clone())
    }

    /// Resolves the subject of a prefixed speech verb from the text before
    /// it: a pronoun; the capitalised run right before the verb, read from
    /// its last comma-separated part ("Kepala …, Erfan Kurniawan,"); the last
    /// known person named in it, not as an object; or an appositive made of
    /// names only ("Salah satu ahli waris, Fatma Umanailo, …").
    pub fn resolve_subject(&mut self, prefix: &str) -> Option<Speaker> {
        let ws: Vec<Word> = runs(prefix).collect();
        let mut k = ws.len();
        while k > 0 && lexicon::is_adverb(clean(ws[k - 1].as_str())) {
            k -= 1;
        }
        let last = clean(ws.get(k.checked_sub(1)?)?.as_str());
        if lexicon::is_pronoun(last) || last.eq_ignore_ascii_case("pihaknya") {
            return Some(Speaker::Pronoun);
        }
        let mut j = k;
        while j > 0 && k - j < 16 {
            let raw = ws[j - 1].as_str();
            let w = clean(raw);
            let ok = w.starts_with(char::is_uppercase)
                || (w == "dan" && j < k)
                || (raw.starts_with('(') && !w.chars().any(char::is_alphabetic));
            if !ok {
                break;
            }
            j -= 1;
        }
        if j < k {
            let run = &prefix[ws[j].start()..ws[k - 1].end()];
            // "dari Dumai menyebut": a place after a preposition, not a subject.
            let opener = j == 0 || {
                let b = ws[j - 1].as_str();
                b.ends_with(',') || !b.chars().any(char::is_alphabetic) || is_opener(clean(b))
            };
            let parts: Vec<&str> = run.split(',').collect();
            for (n, part) in parts.iter().enumerate().rev() {
                let part = strip_brackets(part);
                if (n > 0 || opener)
                    && !part.trim().is_empty()
                    && let Some(name) = self.resolve_phrase(&part)
                {
                    return Some(Speaker::Name(name));
                }
            }
        }
        let mentions = self.mentions(prefix);
        if let Some(m) = mentions.iter().rev().find(|m| {
            let before = prefix[..m.start].split_whitespace().last().unwrap_or("");
            !lexicon::is_object_marker(clean(before)) && !self.is_doubtful_mention(m, prefix)
        }) {
            return Some(Speaker::Name(self.people[m.person].name.clone()));
        }
        for part in prefix.rsplit(',').take(4) {
            let part = strip_brackets(head(part.trim(), 120));
            let names = part.split_whitespace().map(clean);
            if (1..=5).contains(&part.split_whitespace().count())
                && names.clone().all(|t| lexicon::is_nameish(t) || lexicon::is_honorific(t))
                && let Some(name) = self.resolve_phrase(&part)
            {
                return Some(Speaker::Name(name));
            }
        }
        None
    }

    /// The known person a sentence is about, when one is its subject: named
    /// at its start, after capitalised words (a title) or adverbs, or after
    /// one short opening phrase ending in a comma.
    pub fn subject_of(&self, sentence: &str) -> Option<String> {
        let sentence = head(sentence, 600);
        if !self.may_mention(sentence) {
            return None;
        }
        // (About one word in six bytes: room for most sentences at once.)
        let mut ws: Vec<Word> = Vec::with_capacity(sentence.len() / 6 + 1);
        ws.extend(word_spans(sentence));
        let mentions = self.mentions_in(&ws, 8);
        let m = mentions.iter().find(|m| {
            let before = &sentence[..m.start];
            let (lead, clause) = match before.find(',') {
                Some(i) => (&before[..i], &before[i + 1..]),
                None => ("", before),
            };
            // A comma ends every word, so the lead's words are the
            // sentence's words up to it.
            let lead_ws = &ws[..ws.partition_point(|w| w.end() <= lead.len())];
            let lead_ok =
                lead.split_whitespace().count() <= 12 && self.mentions_in(lead_ws, 1).is_empty();
            let clause_ok = clause.split_whitespace().all(|w| {
                let c = clean(w);
                c.starts_with(char::is_uppercase)
                    || !c.chars().any(char::is_alphabetic)
                    || lexicon::is_adverb(c)
                    || ["sementara", "lanjut", "selain", "namun", "adapun"].contains(&c)
            });
            let next = sentence[m.end..].split_whitespace().next().unwrap_or("");
            let verb_next = lexicon::is_speech_verb(clean(next)) || lexicon::is_adverb(clean(next));
            lead_ok && clause_ok && (verb_next || !self.is_doubtful_mention(m, sentence))
        })?;
        Some(self.people[m.person].name.clone())
    }

    /// A person introduced at the start of a sentence by an appositive or
    /// an age ("Hasnah, istri almarhum, …", "Misnadi (47) …"): remembered,
    /// and returned as the sentence's subject.
    pub fn introduced(&mut self, sentence: &str) -> Option<String> {
        let run: Vec<&str> = introduced_name(sentence)?.split_whitespace().collect();
        let plausible = run.iter().all(|w| lexicon::is_nameish(w) && !lexicon::is_word_form(w))
            && (run.len() > 1 || !self.is_doubtful(run[0]))
            && (run.len() == 1 || !self.is_programme_or_common(None, &run));
        if !plausible {
            return None;
        }
        let i = self.add(&run.join(" "), Vec::new(), Vec::new(), false)?;
        Some(self.people[i].name.clone())
    }

    /// The full name of a speaker recorded under a short form, when the
    /// article later names exactly that person in full.
    pub fn full_name(&self, speaker: &str) -> String {
        let w = words(speaker);
        if self.people.iter().any(|p| p.official && p.words == w) {
            return speaker.to_string();
        }
        let longer = |p: &&Person| p.words.len() > w.len() && w.iter().all(|s| p.words.contains(s));
        let leads = |p: &&Person| p.words.first() == w.first();
        let mut fits = self.people.iter().filter(longer);
        let first = self.people.iter().filter(longer).find(leads);
        first.or_else(|| fits.next()).map_or_else(|| speaker.to_string(), |p| p.name.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn off(name: &str, role: &str, org: &str) -> Official {
        Official {
            name: name.into(),
            role: Some(role.into()),
            organization: Some(org.into()),
            as_printed: None,
        }
    }

    pub(super) fn people(text: &str) -> People<'_> {
        People::new(
            &[
                off("Asep Rahmat Suwanda", "Direktur Keuangan", "BPJS Ketenagakerjaan"),
                off("Hassanudin", "Pj. Gubernur", "Pemprov Sumatera Utara"),
                off("Hari Purnomo", "Kepala Kantor Wilayah Jawa Timur", "BPJS Ketenagakerjaan"),
                off("I Wayan Gde Budiarsa", "Ketua PMI", "PMI Bali"),
            ],
            text,
        )
    }

    fn name(p: &mut People, phrase: &str) -> Option<String> {
        p.resolve_phrase(phrase)
    }

    #[test]
    fn speakers_are_people_never_words() {
        let text = "Peserta Jaminan Hari Tua bertambah. Apalagi iuran murah. Dijelaskannya itu.";
        let mut p = people(text);
        for phrase in ["Dijelaskannya", "Apalagi", "Jaminan Hari Tua", "Ditambahkan"] {
            assert_eq!(name(&mut p, phrase), None, "{phrase}");
        }
        assert_eq!(name(&mut p, "Yohana Marpaung").as_deref(), Some("Yohana Marpaung"));
        assert_eq!(name(&mut p, "Ratih").as_deref(), Some("Ratih"));
        // A clipped first name of a known official.
        let mut p = People::new(&[off("Syarifuddin", "Kepala Dinas", "Disnaker Bengkulu")], "");
        assert_eq!(name(&mut p, "Syarif").as_deref(), Some("Syarifuddin"));
        assert_eq!(name(&mut p, "Syarifah Lubis").as_deref(), Some("Syarifah Lubis"));
        // A new two-word name whose words the article writes in lower case.
        let mut p = people("kerja keras dan bebas cemas");
        assert_eq!(name(&mut p, "Kerja Keras"), None);
    }

    #[test]
    fn phrases_resolve_by_full_name_short_form_and_office() {
        let mut p = people("");
        let cases = [
            ("Direktur Keuangan BPJS Ketenagakerjaan Asep Rahmat Suwanda", "Asep Rahmat Suwanda"),
            ("Asep", "Asep Rahmat Suwanda"),
            ("Pak Asep", "Asep Rahmat Suwanda"),
            ("Suwanda", "Asep Rahmat Suwanda"),
            ("Budiarsa", "I Wayan Gde Budiarsa"),
            ("Pj. Gubernur", "Hassanudin"),
            ("Gubernur Sumatera Utara", "Hassanudin"),
            ("Kepala Kantor Wilayah BPJS Ketenagakerjaan Jawa Timur", "Hari Purnomo"),
            ("Dirut", ""),
        ];
        for (phrase, want) in cases {
            assert_eq!(name(&mut p, phrase).unwrap_or_default(), want, "{phrase}");
        }
    }

    #[test]
    fn unknown_people_are_kept_as_written_but_not_places_or_offices() {
        let mut p = people("pada hari itu");
        assert_eq!(name(&mut p, "Slamet Riyadi").as_deref(), Some("Slamet Riyadi"));
        assert_eq!(name(&mut p, "Slamet").as_deref(), Some("Slamet Riyadi"));
        assert_eq!(name(&mut p, "Emil").as_deref(), Some("Emil"));
        for phrase in
            ["BPJS Ketenagakerjaan", "Kepala Dinas Kudus", "Kemnaker", "Jawa Timur", "Kamis"]
        {
            assert_eq!(name(&mut p, phrase), None, "{phrase}");
        }
    }

    #[test]
    fn subjects_before_verbs() {
        let mut p = people("");
        let cases = [
            ("Lebih lanjut dia ", Some(Speaker::Pronoun)),
            ("Pihaknya juga ", Some(Speaker::Pronoun)),
            ("Secara perinci, Asep ", Some(Speaker::Name("Asep Rahmat Suwanda".into()))),
            (
                "Bupati Deli Serdang, Rusli Nainggolan, ",
                Some(Speaker::Name("Rusli Nainggolan".into())),
            ),
            (
                "Misnadi (47), nelayan asal Kecamatan Muncar, ",
                Some(Speaker::Name("Misnadi".into())),
            ),
            ("Hassanudin saat dihubungi dari Medan ", Some(Speaker::Name("Hassanudin".into()))),
            ("Selain menemui Hassanudin, rombongan ", None),
            ("BPJS Ketenagakerjaan ", None),
        ];
        for (prefix, want) in cases {
            assert_eq!(p.resolve_subject(prefix), want, "{prefix}");
        }
        assert!(names_subject("BPJS Ketenagakerjaan juga ") && !names_subject("yang "));
    }

    #[test]
    fn sentence_subjects_and_introductions() {
        let mut p = people("hari ini");
        assert_eq!(
            p.subject_of("Asep juga hadir di sana.").as_deref(),
            Some("Asep Rahmat Suwanda")
        );
        assert_eq!(
            p.subject_of("Sementara itu, Hari Purnomo hadir.").as_deref(),
            Some("Hari Purnomo")
        );
        assert_eq!(p.subject_of("Hari ini Asep tidak hadir."), None);
        assert_eq!(p.subject_of("Rombongan menemui Asep di kantor."), None);
        assert_eq!(p.introduced("Hasnah, istri almarhum, menangis.").as_deref(), Some("Hasnah"));
        assert_eq!(p.introduced("Jakarta, ibu kota, ramai."), None);
    }

    #[test]
    fn office_words_of_role_and_organisation_are_those_of_both_joined() {
        let parts = ["", "Kepala Kantor", "Menaker", "Pj.", "Dirut BPJS-TK", "Émile d'Arc", " x "];
        for role in parts {
            for org in parts {
                let mut both = office_words(role);
                both.extend(office_words(org));
                assert_eq!(both, office_words(&format!("{role} {org}")), "{role:?} {org:?}");
            }
        }
    }

    #[test]
    fn short_forms_grow_into_full_names_but_officials_stay() {
        let mut p = people("");
        assert_eq!(name(&mut p, "Dedi").as_deref(), Some("Dedi"));
        assert_eq!(name(&mut p, "Dedi Kurniadi").as_deref(), Some("Dedi Kurniadi"));
        assert_eq!(p.full_name("Dedi"), "Dedi Kurniadi");
        assert_eq!(name(&mut p, "Ahmad Hassanudin").as_deref(), Some("Hassanudin"));
        assert_eq!(p.full_name("Hassanudin"), "Hassanudin");
    }

    #[test]
    fn credits_and_aged_names_are_read_from_the_page() {
        let p = People::new(&[], "Dedi Kurniadi (34) bekerja.\nPewarta: Juraidi\n  • Ahmad Faisal");
        assert!(
            p.is_credited("Juraidi") && p.is_credited("Ahmad Faisal") && !p.is_credited("Dedi")
        );
        assert_eq!(p.full_name("Dedi"), "Dedi Kurniadi");
    }

    #[test]
    fn introductions_need_a_capital_and_a_comma_or_bracket() {
        let mut p = people("");
        assert_eq!(p.introduced("Misnadi (47) melaut.").as_deref(), Some("Misnadi"));
        assert_eq!(p.introduced("ǅemal, nelayan tua, melaut."), None);
        assert_eq!(p.introduced("hasnah, istri almarhum, menangis."), None);
        assert_eq!(p.introduced("Hasnah menangis."), None);
    }
}
