//! The stemmed view's memo tables, one set per thread, lent to each text's stream.
//!
//! tantivy builds each field's analyzer anew for every segment, and a segment writer holds
//! one stemmed analyzer per stemmed field (title, body, the quotes' scoped field). With a
//! memo of its own, each of them stemmed the words it met first (about 1,900 instructions for
//! each word new to a memo): every field's vocabulary again, and again for each segment. Now a
//! memo borrows its thread's tables for one text's stream ([`take`]) and gives them back when
//! the stream ends ([`give`]): the streams of one thread run one after another, so every
//! stemmed analyzer of the thread reads and fills the same tables. A memo's answer for a word
//! depends on the word alone (and on the dictionary and protected words, which key the
//! tables), so what the tables already hold never changes a term.
//!
//! Two streams of one thread alive at once (nothing in indexing does it) stay correct: the
//! second finds no tables to borrow and starts with empty ones; when both are given back the
//! thread keeps the larger set. At most [`KEPT`] sets (one per dictionary and protected words)
//! wait on a thread, each bounded by the memo's own capacity.

use std::cell::RefCell;
use std::sync::Arc;

use super::stem::{Dictionary, WordSet};
use super::word_table::WordTable;

/// Table sets kept on one thread at most.
pub const KEPT: usize = 8;

/// A memo's tables: words to where their terms lie, and the terms.
#[derive(Debug, Default)]
pub struct Tables {
    pub index: WordTable,
    pub terms: String,
}

/// The tables of one dictionary and protected words (kept alive here, so no other dictionary
/// can take its address while they wait).
struct Spare {
    dict: Arc<Dictionary>,
    keep: Arc<WordSet>,
    tables: Tables,
}

thread_local! {
    static SPARE: RefCell<Vec<Spare>> = const { RefCell::new(Vec::new()) };
}

/// Takes this thread's tables of `dict` and `keep`, if it has any (until they are given back).
pub fn take(dict: &Arc<Dictionary>, keep: &Arc<WordSet>) -> Option<Tables> {
    SPARE
        .try_with(|spare| {
            let mut spare = spare.borrow_mut();
            let at = spare
                .iter()
                .position(|s| Arc::ptr_eq(&s.dict, dict) && Arc::ptr_eq(&s.keep, keep))?;
            Some(spare.remove(at).tables)
        })
        .ok()
        .flatten()
}

/// Leaves `tables` on this thread for the next memo of `dict` and `keep`: the larger of them
/// and the tables already there, if any. Empty tables are not kept; the set given back longest ago gives way
/// when [`KEPT`] already wait.
pub fn give(dict: &Arc<Dictionary>, keep: &Arc<WordSet>, tables: Tables) {
    if tables.index.is_empty() {
        return;
    }
    // After the thread's storage is gone (a memo dropped while the thread exits), the tables
    // are simply freed.
    let _ = SPARE.try_with(|spare| {
        let mut spare = spare.borrow_mut();
        if let Some(there) =
            spare.iter_mut().find(|s| Arc::ptr_eq(&s.dict, dict) && Arc::ptr_eq(&s.keep, keep))
        {
            if tables.index.len() > there.tables.index.len() {
                there.tables = tables;
            }
            return;
        }
        if spare.len() >= KEPT {
            spare.remove(0);
        }
        spare.push(Spare { dict: Arc::clone(dict), keep: Arc::clone(keep), tables });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables(words: &[&str]) -> Tables {
        let mut t = Tables::default();
        for (i, w) in words.iter().enumerate() {
            t.index.insert(w, i as u64);
        }
        t
    }

    fn words(t: &Tables) -> usize {
        t.index.len()
    }

    #[test]
    fn tables_come_back_to_the_same_dictionary_only_and_the_larger_set_stays() {
        let dict = Dictionary::shared_default();
        let (keep, other) = (Arc::new(WordSet::default()), Arc::new(WordSet::default()));
        assert!(take(&dict, &keep).is_none());
        give(&dict, &keep, tables(&["a", "b"]));
        give(&dict, &other, tables(&["x", "y", "z"]));
        give(&dict, &keep, tables(&["c"]));
        assert_eq!(take(&dict, &keep).map(|t| words(&t)), Some(2));
        // Taken: lent out until given back.
        assert!(take(&dict, &keep).is_none());
        give(&dict, &keep, tables(&["a", "b"]));
        give(&dict, &keep, tables(&["a", "b", "c", "d"]));
        assert_eq!(take(&dict, &keep).map(|t| words(&t)), Some(4));
        assert_eq!(take(&dict, &other).map(|t| words(&t)), Some(3));
    }

    #[test]
    fn empty_tables_are_not_kept_and_at_most_kept_sets_wait() {
        let dict = Dictionary::shared_default();
        let keep = Arc::new(WordSet::default());
        give(&dict, &keep, Tables::default());
        assert!(take(&dict, &keep).is_none());
        let keeps: Vec<Arc<WordSet>> = (0..KEPT + 2).map(|_| Arc::default()).collect();
        for k in &keeps {
            give(&dict, k, tables(&["a"]));
        }
        // The two given back first gave way.
        let found: Vec<bool> = keeps.iter().map(|k| take(&dict, k).is_some()).collect();
        assert_eq!(found[..2], [false, false]);
        assert!(found[2..].iter().all(|&f| f));
    }

    #[test]
    fn each_thread_keeps_its_own() {
        let dict = Dictionary::shared_default();
        let keep = Arc::new(WordSet::default());
        give(&dict, &keep, tables(&["a"]));
        let (d, k) = (Arc::clone(&dict), Arc::clone(&keep));
        assert!(std::thread::spawn(move || take(&d, &k).is_none()).join().unwrap());
        assert!(take(&dict, &keep).is_some());
    }
}
