//! One left-to-right pass over a text: its sentences, the quotations in
//! them and the frames around them, with the current speaker remembered
//! for `katanya`, `dia` and `-nya`.

use super::frames::{self, Who};
use super::marks::{self, Sentence, Span};
use super::people::{People, Speaker};
use super::phrase::names_subject;
use super::{Quote, is_chrome};
use crate::extract::words::join_words;

/// One left-to-right pass over a text, remembering the current speaker.
pub(super) struct Scanner<'a, 'p> {
    pub text: &'a str,
    pub people: &'a mut People<'p>,
    /// Headlines: direct quotes with an explicit speaker only.
    pub headline: bool,
    /// The most recent named speaker or subject, for `katanya`, `dia`, `-nya`.
    pub last: Option<String>,
}

impl Scanner<'_, '_> {
    pub fn run(&mut self, out: &mut Vec<Quote>) {
        let spans = marks::quote_spans(self.text);
        let mut announced: Option<String> = None;
        let (mut line_start, mut seen) = (0, 0);
        // Whether the line at `.0` is chrome, asked once per line.
        let mut chrome: Option<(usize, bool)> = None;
        for s in marks::sentences(self.text, &spans) {
            let pending = announced.take();
            if let Some(i) = self.text[seen..s.start].rfind('\n') {
                line_start = seen + i + 1;
            }
            seen = s.start;
            let skip = match chrome {
                Some((at, skip)) if at == line_start => skip,
                _ => is_chrome(self.text[line_start..].trim_start()),
            };
            chrome = Some((line_start, skip));
            if skip {
                continue;
            }
            let sentence = &self.text[s.start..s.end];
            let mut said = !s.quotes.is_empty() && self.direct(&s, &spans, pending, out);
            if !said && !self.headline {
                said = self.indirect(sentence, out);
                if s.quotes.is_empty() && sentence.ends_with(':') {
                    // "Ia mengatakan:" announces the quotation that follows.
                    announced = frames::before_quote(sentence).and_then(|w| self.resolve(w));
                }
            }
            if !said && !self.headline {
                if let Some(name) = self.people.subject_of(sentence) {
                    self.last = Some(name);
                } else if let Some(name) = self.people.introduced(sentence) {
                    self.last = Some(name);
                }
            }
        }
    }

    fn resolve(&mut self, who: Who<'_>) -> Option<String> {
        let speaker = match who {
            Who::Pronoun => Speaker::Pronoun,
            Who::Phrase(p) => Speaker::Name(self.people.resolve_phrase(p)?),
            Who::Subject(p) => self.people.resolve_subject(p)?,
        };
        match speaker {
            Speaker::Pronoun if self.headline => None,
            Speaker::Pronoun => self.last.clone(),
            Speaker::Name(n) => Some(n),
        }
    }

    /// The quotations of one sentence; true when one was attributed.
    fn direct(
        &mut self,
        s: &Sentence,
        spans: &[Span],
        pending: Option<String>,
        out: &mut Vec<Quote>,
    ) -> bool {
        let text = self.text;
        let mut cursor = s.start;
        let mut said = false;
        for (i, &q) in s.quotes.iter().enumerate() {
            let span = &spans[q];
            let before = &text[cursor..span.open];
            let next = s.quotes.get(i + 1).map_or(s.end, |&n| spans[n].open);
            let after = text.get(span.close_end..next).unwrap_or("");
            let who = frames::after_quote(after).or_else(|| frames::before_quote(before));
            let speaker = match who {
                // The subject of the words before the quote, if any, else the
                // current speaker.
                Some(Who::Pronoun) if !self.headline => {
                    self.people.subject_of(&text[s.start..span.open]).or_else(|| self.last.clone())
                }
                Some(w) => self.resolve(w),
                None if i == 0 && before.trim().is_empty() => pending.clone(),
                None => None,
            };
            cursor = span.close_end;
            if let Some(name) = speaker {
                said |= self.emit(name, &span.content(text), true, out);
            }
        }
        said
    }

    /// Reported speech in a sentence without attributed quotations.
    fn indirect(&mut self, sentence: &str, out: &mut Vec<Quote>) -> bool {
        let mut unknown_subject = false;
        for (who, clause) in frames::indirect(sentence) {
            if let Some(name) = self.resolve(who) {
                // A quotation whose closing mark was lost: `"…, kata X.`
                let direct = clause.trim_start().starts_with(marks::is_mark);
                return self.emit(name, &clause, direct, out);
            }
            unknown_subject |= matches!(who, Who::Subject(p) if names_subject(p));
        }
        if unknown_subject {
            // Someone we cannot name spoke: `katanya` no longer means the
            // previous speaker.
            self.last = None;
        }
        false
    }

    fn emit(&mut self, speaker: String, text: &str, direct: bool, out: &mut Vec<Quote>) -> bool {
        if self.people.is_credited(&speaker) {
            return false;
        }
        let joined = join_words(text);
        let text = joined
            .trim_matches(|c: char| marks::is_mark(c) || c.is_whitespace())
            .trim_end_matches([',', ';', ':', ' '])
            .to_string();
        if !text.chars().any(char::is_alphabetic) {
            return false;
        }
        self.last = Some(speaker.clone());
        out.push(Quote { speaker, text, direct });
        true
    }
}
