//! A bound on the documents waiting for tantivy's indexing threads.
//!
//! tantivy's `IndexWriter` queues up to 10,000 documents for its threads.
//! While a thread serialises a finished segment (seconds, at 100,000 articles)
//! it takes none, and the extraction workers fill that queue: about 10 KB a
//! document (body twice, title, metadata, quotes), so some 100 MB of peak
//! memory that buys no speed. Each document therefore travels with a
//! [`Permit`] from a fixed pool of [`Permits`]; the writer's feeder waits for
//! a free one before adding a document, and the permit returns to the pool
//! when tantivy drops the document after indexing it.
//!
//! The bound is soft: a feeder that waited [`MAX_WAIT`] adds the document
//! anyway (without a permit), so a writer whose threads stopped (they report
//! the error on the next call) can never hang the build.

use std::time::Duration;

use crossbeam_channel::{Receiver, Sender};
use tantivy::TantivyDocument;
use tantivy::schema::Document;

/// Documents queued for the writer's threads at most (but see [`MAX_WAIT`]).
pub const DEFAULT_PERMITS: usize = 1_000;

/// Longest wait for a permit before a document is added without one.
pub const MAX_WAIT: Duration = Duration::from_secs(1);

/// A pool of permits, each good for one queued document.
pub struct Permits {
    take: Sender<()>,
    give_back: Receiver<()>,
}

impl Permits {
    /// A pool of `n` permits (at least one).
    pub fn new(n: usize) -> Self {
        let (take, give_back) = crossbeam_channel::bounded(n.max(1));
        Permits { take, give_back }
    }

    /// Waits (at most [`MAX_WAIT`]) for a free permit and attaches it to
    /// `doc`.
    pub fn queue(&self, doc: TantivyDocument) -> QueuedDoc {
        let permit = self
            .take
            .send_timeout((), MAX_WAIT)
            .ok()
            .map(|()| Permit { give_back: self.give_back.clone() });
        QueuedDoc { doc, _permit: permit }
    }

    /// Permits in use: documents added and not yet indexed.
    #[cfg(test)]
    fn in_use(&self) -> usize {
        self.take.len()
    }
}

/// One document's claim on the pool, given back when dropped.
pub struct Permit {
    give_back: Receiver<()>,
}

impl Drop for Permit {
    fn drop(&mut self) {
        // The pool holds one message per permit in use: never empty here.
        let _ = self.give_back.try_recv();
    }
}

/// A document and its permit: what the index writer takes.
pub struct QueuedDoc {
    doc: TantivyDocument,
    _permit: Option<Permit>,
}

impl Document for QueuedDoc {
    type Value<'a> = <TantivyDocument as Document>::Value<'a>;
    type FieldsValuesIter<'a> = <TantivyDocument as Document>::FieldsValuesIter<'a>;

    fn iter_fields_and_values(&self) -> Self::FieldsValuesIter<'_> {
        self.doc.iter_fields_and_values()
    }

    fn into_tantivy_document(self) -> TantivyDocument {
        self.doc
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    #[test]
    fn permits_return_to_the_pool_when_documents_are_dropped() {
        let permits = Permits::new(2);
        let a = permits.queue(TantivyDocument::default());
        let b = permits.queue(TantivyDocument::default());
        assert_eq!(permits.in_use(), 2);
        drop(a);
        assert_eq!(permits.in_use(), 1);
        drop(b);
        assert_eq!(permits.in_use(), 0);
    }

    #[test]
    fn a_full_pool_waits_at_most_max_wait_then_adds_without_a_permit() {
        let permits = Permits::new(1);
        let _held = permits.queue(TantivyDocument::default());
        let started = Instant::now();
        let extra = permits.queue(TantivyDocument::default());
        assert!(started.elapsed() >= MAX_WAIT);
        assert!(extra._permit.is_none());
        drop(extra);
        assert_eq!(permits.in_use(), 1);
    }

    #[test]
    fn a_document_keeps_its_fields() {
        let (_, fields) = crate::index::schema::build_schema();
        let mut doc = TantivyDocument::default();
        doc.add_text(fields.id, "a.txt");
        let queued = Permits::new(1).queue(doc.clone());
        assert_eq!(queued.iter_fields_and_values().count(), 1);
        assert_eq!(queued.into_tantivy_document(), doc);
    }
}
