//! A synthetic corpus of Indonesian-news-like articles, for benchmarks and
//! load tests (`warta gen`, hidden from normal help).
//!
//! Real corpora cannot ship with the repository, and the benchmark needs
//! any size on demand. Each article is a pure function of `(seed, number)`:
//! the same options give byte-identical corpora, any article can be made on
//! its own (criterion benches make a few in memory), and generation runs on
//! all cores. Articles carry what the reader and the extractor look for —
//! several outlets' datelines and chrome ([`outlet`]), places, officials
//! with titles and speech verbs, programmes, figures and dates ([`story`],
//! drawn from the extractor's own tables, [`tables`]) — in a Zipf-like
//! vocabulary of affixed Indonesian word forms ([`vocab`]). A share of
//! articles are syndicated copies: another article's story under another
//! outlet's header and footer, with one paragraph dropped.

pub mod outlet;
pub mod rng;
pub mod story;
pub mod tables;
pub mod vocab;
mod write;

pub use write::{GenReport, write_corpus};

use rng::Rng;
use serde::Serialize;

/// Articles per subfolder of a generated corpus.
pub const FILES_PER_FOLDER: u64 = 1000;

/// What to generate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GenOptions {
    /// Seed of every random choice.
    pub seed: u64,
    /// Share of articles that are syndicated copies of an earlier one (0–1).
    pub copies: f64,
}

impl Default for GenOptions {
    fn default() -> Self {
        GenOptions { seed: 1, copies: 0.05 }
    }
}

/// One generated article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GenArticle {
    /// Relative path in the corpus, e.g. `0001/a0001234.txt`.
    pub id: String,
    /// The headline.
    pub title: String,
    /// The page after the headline: dateline, body, chrome and footer.
    pub body: String,
    /// A plausible page address.
    pub url: String,
    /// The outlet's printed name.
    #[serde(skip)]
    pub outlet: &'static str,
    /// The number of the story it tells (its own number unless it is a copy).
    #[serde(skip)]
    pub story: u64,
}

impl GenArticle {
    /// The `.txt` page: headline, blank line, the rest.
    pub fn page(&self) -> String {
        format!("{}\n\n{}", self.title, self.body)
    }
}

/// The relative path of article `n`.
pub fn article_path(n: u64) -> String {
    format!("{:04}/a{n:07}.txt", n / FILES_PER_FOLDER)
}

const COPY_STREAM: u64 = 0xC0B1;
const OUTLET_STREAM: u64 = 0x07E7;

/// The story article `n` tells: its own, or (for a copy) an earlier one's.
pub fn story_of(opts: &GenOptions, n: u64) -> u64 {
    let mut k = n;
    loop {
        let mut rng = Rng::for_item(opts.seed, COPY_STREAM, k);
        if k > 0 && rng.chance(opts.copies) {
            k = rng.below(k as usize) as u64;
        } else {
            return k;
        }
    }
}

fn outlet_index(opts: &GenOptions, n: u64) -> usize {
    Rng::for_item(opts.seed, OUTLET_STREAM, n).below(outlet::OUTLETS.len())
}

/// Article number `n` of the corpus `opts` describes.
pub fn article(opts: &GenOptions, n: u64) -> GenArticle {
    let story_n = story_of(opts, n);
    let story = story::story(opts.seed, story_n);
    let mut rng = Rng::for_item(opts.seed, OUTLET_STREAM ^ 1, n);
    let mut which = outlet_index(opts, n);
    let drop = if story_n != n {
        // A copy: another outlet than the original's, one paragraph fewer.
        let original = outlet_index(opts, story_n);
        if which == original {
            which = (which + 1) % outlet::OUTLETS.len();
        }
        Some(rng.range(1, story.paragraphs.len().saturating_sub(1).max(1)))
    } else {
        None
    };
    let out = &outlet::OUTLETS[which];
    let page = outlet::render(&story, out, drop, &mut rng);
    let body = page.get(story.title.len()..).unwrap_or("").trim_start().to_string();
    let slug: Vec<String> =
        story.title.split_whitespace().take(8).map(|w| w.to_lowercase().replace(',', "")).collect();
    GenArticle {
        id: article_path(n),
        url: format!("https://www.{}/berita/{n}/{}", out.domain, slug.join("-")),
        title: story.title,
        body,
        outlet: out.name,
        story: story_n,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{RawArticle, extract};

    #[test]
    fn articles_are_deterministic() {
        let opts = GenOptions::default();
        for n in [0, 1, 17, 999, 12_345] {
            assert_eq!(article(&opts, n), article(&opts, n));
        }
        let other = GenOptions { seed: 2, ..opts };
        assert_ne!(article(&opts, 3).body, article(&other, 3).body);
    }

    #[test]
    fn paths_are_sharded() {
        assert_eq!(article_path(0), "0000/a0000000.txt");
        assert_eq!(article_path(1234), "0001/a0001234.txt");
    }

    #[test]
    fn a_share_are_syndicated_copies() {
        let opts = GenOptions { seed: 4, copies: 0.2 };
        let copies: Vec<u64> = (0..500).filter(|&n| story_of(&opts, n) != n).collect();
        assert!((60..140).contains(&copies.len()), "{}", copies.len());
        let n = copies[0];
        let (copy, original) = (article(&opts, n), article(&opts, story_of(&opts, n)));
        assert_eq!(copy.title, original.title);
        assert_ne!(copy.outlet, original.outlet);
        assert!(copy.body.len() < original.body.len() + 200);
        let none = GenOptions { copies: 0.0, ..opts };
        assert!((0..200).all(|n| story_of(&none, n) == n));
    }

    /// The extractor finds what the generator put in, for most articles.
    #[test]
    fn extract_finds_the_generated_facts() {
        let opts = GenOptions::default();
        let sample = 200u64;
        let mut found = [0usize; 6];
        for n in 0..sample {
            let a = article(&opts, n);
            let s = story::story(opts.seed, a.story);
            let x = extract(&RawArticle::Plain(a.page()));
            let checks = [
                x.title.as_deref() == Some(s.title.as_str()),
                x.dateline.as_deref().is_some_and(|d| d.eq_ignore_ascii_case(&s.city.short)),
                x.date.is_some_and(|d| d.year == s.date.year),
                x.provinces.iter().any(|p| p.name == s.province),
                x.officials.iter().any(|o| o.name == s.official.name),
                s.programmes.first().is_some_and(|p| x.programs.contains(p)),
            ];
            for (slot, ok) in found.iter_mut().zip(checks) {
                *slot += usize::from(ok);
            }
        }
        let names = ["title", "dateline", "date", "province", "official", "programme"];
        for (name, hits) in names.iter().zip(found) {
            eprintln!("{name}: {hits}/{sample}");
            assert!(hits * 100 >= sample as usize * 90, "{name}: {hits}/{sample} found");
        }
    }
}
