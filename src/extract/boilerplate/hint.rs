//! The cheap tests run on a line before a caption or line rule's regex:
//! each rule's [`Hint`], and the [`Gate`] it is run as (its searchers built
//! once).

use memchr::memmem;

/// A cheap necessary condition for a caption rule to match a trimmed line.
#[derive(Clone, Copy, Debug)]
pub(super) enum Hint {
    /// The line ends with this character.
    EndsWith(char),
    /// The line contains one of these strings.
    Contains(&'static [&'static str]),
    /// The line's first byte is one of these.
    StartsWith(&'static [u8]),
    /// The line has a dot followed by one of these ASCII words (without a
    /// dot), in any ASCII case (a byte search jumps from dot to dot).
    DotThen(&'static [&'static str]),
    /// The line has a `.`, `!` or `?`, then white space, then this ASCII
    /// text in any ASCII case.
    StopThen(&'static str),
    /// The line has a `/`. [`Gate::allows_given`] takes the answer from its
    /// caller, who looks once for every rule that needs one.
    Slash,
    /// All of these hold.
    All(&'static [Hint]),
}

impl Hint {
    /// Whether a line with this hint may match its rule.
    pub(super) fn allows(self, line: &str) -> bool {
        match self {
            Hint::EndsWith(c) => line.ends_with(c),
            Hint::Contains(needles) => {
                needles.iter().any(|n| memmem::find(line.as_bytes(), n.as_bytes()).is_some())
            }
            Hint::StartsWith(bytes) => line.bytes().next().is_some_and(|b| bytes.contains(&b)),
            Hint::DotThen(words) => {
                // The words hold no dot, so the text after a dot starts with
                // one exactly when the piece up to the next dot does.
                let bytes = line.as_bytes();
                memchr::memchr_iter(b'.', bytes).any(|i| {
                    words.iter().any(|w| {
                        bytes
                            .get(i + 1..i + 1 + w.len())
                            .is_some_and(|b| b.eq_ignore_ascii_case(w.as_bytes()))
                    })
                })
            }
            Hint::StopThen(word) => {
                memchr::memchr3_iter(b'.', b'!', b'?', line.as_bytes()).any(|i| {
                    // The byte at `i` is a whole ASCII character.
                    let rest = &line[i + 1..];
                    rest.starts_with(char::is_whitespace)
                        && rest
                            .trim_start()
                            .as_bytes()
                            .get(..word.len())
                            .is_some_and(|b| b.eq_ignore_ascii_case(word.as_bytes()))
                })
            }
            Hint::Slash => has_slash(line),
            Hint::All(hints) => hints.iter().all(|h| h.allows(line)),
        }
    }
}

/// The caption hints ready to run, in table order: a `Contains` hint's
/// needles get `memchr` finders built once, since every line is tested for
/// them and `str::contains` prepares a searcher on each call.
pub(super) enum Gate {
    Hint(Hint),
    Finders(Vec<memmem::Finder<'static>>),
    /// Several needles that start with two distinct bytes: one `memchr2`
    /// pass over the line, each hit compared with the needles.
    FirstBytes(u8, u8, &'static [&'static str]),
    All(Vec<Gate>),
}

impl Gate {
    pub(super) fn new(hint: Hint) -> Self {
        match hint {
            Hint::Contains(needles) if needles.len() > 1 => {
                let mut firsts: Vec<u8> = needles.iter().filter_map(|n| n.bytes().next()).collect();
                firsts.sort_unstable();
                firsts.dedup();
                match firsts[..] {
                    [a, b] if needles.iter().all(|n| !n.is_empty()) => {
                        Gate::FirstBytes(a, b, needles)
                    }
                    _ => Gate::Finders(
                        needles.iter().map(|n| memmem::Finder::new(n.as_bytes())).collect(),
                    ),
                }
            }
            Hint::Contains(needles) => {
                Gate::Finders(needles.iter().map(|n| memmem::Finder::new(n.as_bytes())).collect())
            }
            Hint::All(hints) => Gate::All(hints.iter().map(|&h| Gate::new(h)).collect()),
            other => Gate::Hint(other),
        }
    }
}

/// Whether `line` has a `/` ([`Hint::Slash`]).
pub(super) fn has_slash(line: &str) -> bool {
    memchr::memchr(b'/', line.as_bytes()).is_some()
}

impl Gate {
    /// [`Hint::allows`], by the prepared finders where there are some.
    #[cfg(test)]
    pub(super) fn allows(&self, line: &str) -> bool {
        self.allows_given(line, has_slash(line))
    }

    /// [`Gate::allows`] with [`has_slash`] of the line already known.
    pub(super) fn allows_given(&self, line: &str, slash: bool) -> bool {
        match self {
            Gate::Hint(Hint::Slash) => slash,
            Gate::Hint(hint) => hint.allows(line),
            Gate::Finders(finders) => finders.iter().any(|f| f.find(line.as_bytes()).is_some()),
            Gate::FirstBytes(a, b, needles) => {
                let bytes = line.as_bytes();
                memchr::memchr2_iter(*a, *b, bytes)
                    .any(|i| needles.iter().any(|n| bytes[i..].starts_with(n.as_bytes())))
            }
            Gate::All(gates) => gates.iter().all(|g| g.allows_given(line, slash)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`Hint::DotThen`] as first written: the pieces between dots.
    fn dot_then_by_split(words: &[&str], line: &str) -> bool {
        line.split('.').skip(1).any(|after| {
            words.iter().any(|w| {
                after
                    .as_bytes()
                    .get(..w.len())
                    .is_some_and(|b| b.eq_ignore_ascii_case(w.as_bytes()))
            })
        })
    }

    proptest::proptest! {
        #[test]
        fn dot_then_agrees_with_splitting_at_dots(line in "(?:[a-z ]{0,4}|\\.|jp|JPG|pn|Png|webp|gif|é){0,8}") {
            let words: &'static [&'static str] = &["jp", "png", "webp", "gif"];
            proptest::prop_assert_eq!(Hint::DotThen(words).allows(&line), dot_then_by_split(words, &line));
        }
    }

    #[test]
    fn stop_then_needs_white_space_between() {
        assert!(Hint::StopThen("do").allows("a.\u{a0} DOk x"));
        assert!(!Hint::StopThen("do").allows("a.do dok") && !Hint::StopThen("do").allows("do."));
    }

    #[test]
    fn needles_with_two_first_bytes_share_one_pass() {
        let needles: &'static [&'static str] = &["Foto", "FOTO", "Dok", "DOK"];
        let gate = Gate::new(Hint::Contains(needles));
        assert!(matches!(gate, Gate::FirstBytes(b'D', b'F', _)));
        for line in ["", "F", "Fot", "a Foto", "xDOK", "Do k", "DOKU", "foto dok", "FFoto", "DDok"]
        {
            assert_eq!(gate.allows(line), Hint::Contains(needles).allows(line), "{line:?}");
        }
        let three: &'static [&'static str] = &["ab", "cd", "ef"];
        assert!(matches!(Gate::new(Hint::Contains(three)), Gate::Finders(_)));
    }
}
