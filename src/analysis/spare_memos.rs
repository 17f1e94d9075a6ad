//! The stemmed view's memo tables, kept on a thread between the analyzers it builds.
//!
//! tantivy clones each field's analyzer for every new segment, and a clone of the stemmed
//! view's analyzer used to start with an empty memo: every segment stemmed its whole
//! vocabulary again (about 1,900 instructions for each word new to the memo). Now a memo's
//! tables go back to their thread when the memo is dropped, and the next memo of the same
//! dictionary and protected words built on that thread starts with them. A memo's answer for a
//! word depends on the word alone, so what the tables already hold never changes a term.
//!
//! Tables are handed out oldest first: a segment writer builds its fields' analyzers and drops
//! them in the same order, so each field gets back the tables it filled (the title's stay
//! small, the body's large). At most [`KEPT`] tables wait on a thread, each bounded by the
//! memo's own capacity.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::sync::Arc;

use super::stem::{Dictionary, WordSet};
use super::word_table::WordTable;

/// Tables kept on one thread at most.
pub const KEPT: usize = 8;

/// A memo's tables: words to where their terms lie, and the terms.
#[derive(Debug, Default)]
pub struct Tables {
    pub index: WordTable,
    pub terms: String,
}

/// Tables left by a dropped memo, with what they were computed from (kept alive here, so no
/// other dictionary can take its address while they wait).
struct Spare {
    dict: Arc<Dictionary>,
    keep: Arc<WordSet>,
    tables: Tables,
}

thread_local! {
    static SPARE: RefCell<VecDeque<Spare>> = const { RefCell::new(VecDeque::new()) };
}

/// The oldest tables left on this thread by a memo of `dict` and `keep`, if any.
pub fn take(dict: &Arc<Dictionary>, keep: &Arc<WordSet>) -> Option<Tables> {
    SPARE
        .try_with(|spare| {
            let mut spare = spare.borrow_mut();
            let at = spare
                .iter()
                .position(|s| Arc::ptr_eq(&s.dict, dict) && Arc::ptr_eq(&s.keep, keep))?;
            spare.remove(at).map(|s| s.tables)
        })
        .ok()
        .flatten()
}

/// Leaves `tables` on this thread for the next memo of `dict` and `keep`; the oldest tables
/// give way when [`KEPT`] already wait. Empty tables are not kept.
pub fn give(dict: &Arc<Dictionary>, keep: &Arc<WordSet>, tables: Tables) {
    if tables.index.is_empty() {
        return;
    }
    // After the thread's storage is gone (a memo dropped while the thread exits), the tables
    // are simply freed.
    let _ = SPARE.try_with(|spare| {
        let mut spare = spare.borrow_mut();
        if spare.len() >= KEPT {
            spare.pop_front();
        }
        spare.push_back(Spare { dict: Arc::clone(dict), keep: Arc::clone(keep), tables });
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
    fn tables_come_back_oldest_first_to_the_same_dictionary_only() {
        let dict = Dictionary::shared_default();
        let (keep, other) = (Arc::new(WordSet::default()), Arc::new(WordSet::default()));
        assert!(take(&dict, &keep).is_none());
        give(&dict, &keep, tables(&["a"]));
        give(&dict, &other, tables(&["x", "y", "z"]));
        give(&dict, &keep, tables(&["b", "c"]));
        assert_eq!(take(&dict, &keep).map(|t| words(&t)), Some(1));
        assert_eq!(take(&dict, &keep).map(|t| words(&t)), Some(2));
        assert!(take(&dict, &keep).is_none());
        assert_eq!(take(&dict, &other).map(|t| words(&t)), Some(3));
    }

    #[test]
    fn empty_tables_are_not_kept_and_at_most_kept_wait() {
        let dict = Dictionary::shared_default();
        let keep = Arc::new(WordSet::default());
        give(&dict, &keep, Tables::default());
        assert!(take(&dict, &keep).is_none());
        let names: Vec<String> = (0..KEPT + 2).map(|i| format!("w{i}")).collect();
        for n in 1..=KEPT + 2 {
            let some: Vec<&str> = names[..n].iter().map(String::as_str).collect();
            give(&dict, &keep, tables(&some));
        }
        // The two oldest gave way.
        let sizes: Vec<usize> =
            std::iter::from_fn(|| take(&dict, &keep)).map(|t| words(&t)).collect();
        assert_eq!(sizes, (3..=KEPT + 2).collect::<Vec<_>>());
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
