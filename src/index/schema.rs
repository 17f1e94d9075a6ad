//! The one place that builds the index's fields: those named here, and one
//! facet field per distinct field of the facet table
//! ([`crate::index::facet_spec::FACETS`]).
//!
//! Every other module reaches fields through [`Fields`], never by string, so
//! a renamed or retyped field is a compile error rather than an empty result.
//! Handles are looked up by name in the schema an index was written with, so
//! the order fields were added in is not part of the format.
//! When the schema changes in a way old indexes cannot be read with, bump
//! [`FORMAT_VERSION`]: `warta search` then asks for a rebuild instead of
//! returning wrong answers.

use tantivy::schema::{
    DateOptions, DateTimePrecision, FAST, FacetOptions, Field, IndexRecordOption, STORED, STRING,
    Schema, TextFieldIndexing, TextOptions,
};

use crate::analysis::View;
use crate::index::facet_spec::{FACET_COUNT, FACETS, FacetKind, field_rows};

/// Version of the on-disk layout (schema, analyzers, stored metadata).
/// 2: exact and stemmed views of title and body. 3: quotes by speaker.
/// 4: MinHash signatures and a fast id (syndicated copies, `copies.json`).
/// 5: `path` indexed (incremental re-indexing deletes by path).
/// 6: stemmed body without positions; one-permutation MinHash signatures.
/// 7: quotes analysed by the scoped analyzers (plain text in the document).
/// 8: quotes scoped by the speaker's slot in the article, not by name;
/// stemmed quotes without positions. 9: `peserta` a root of the stemmer
/// (the stemmed views no longer join it to `serta`).
pub const FORMAT_VERSION: u32 = 9;

/// Field names, as they appear in `field:term` queries and in the schema.
pub mod names {
    /// Stable article id: the path relative to the corpus root (`#N` for the
    /// N-th article of a JSON Lines file).
    pub const ID: &str = "id";
    /// Path relative to the corpus root.
    pub const PATH: &str = "path";
    /// Headline, stemmed view, stored.
    pub const TITLE: &str = "title";
    /// Clean body, stemmed view, stored; term frequencies without positions.
    pub const BODY: &str = "body";
    /// Headline, exact view.
    pub const TITLE_EXACT: &str = "title_exact";
    /// Clean body, exact view.
    pub const BODY_EXACT: &str = "body_exact";
    /// Publication date (fast field: range filters and sorting).
    pub const DATE: &str = "date";
    /// Everything else extraction found, as stored JSON.
    pub const META: &str = "meta";
    /// What people said, stemmed view, each term prefixed by its speaker's
    /// slot in the article (`0|jht`: the first speaker said "JHT").
    pub const SAID: &str = "said";
    /// What people said, exact view, each term prefixed by its speaker's slot.
    pub const SAID_EXACT: &str = "said_exact";
    /// Which speaker has which slot in the article: `zainudin#0`.
    pub const SPEAKER_SLOT: &str = "speaker_slot";
    /// MinHash signature of the clean body (fast bytes; see `dedup`).
    pub const MINHASH: &str = "minhash";
}

/// Handles to every field of the schema.
#[derive(Clone, Copy, Debug)]
pub struct Fields {
    /// See [`names::ID`].
    pub id: Field,
    /// See [`names::PATH`].
    pub path: Field,
    /// See [`names::TITLE`].
    pub title: Field,
    /// See [`names::BODY`].
    pub body: Field,
    /// See [`names::TITLE_EXACT`].
    pub title_exact: Field,
    /// See [`names::BODY_EXACT`].
    pub body_exact: Field,
    /// See [`names::DATE`].
    pub date: Field,
    /// See [`names::META`].
    pub meta: Field,
    /// See [`names::SAID`].
    pub said: Field,
    /// See [`names::SAID_EXACT`].
    pub said_exact: Field,
    /// See [`names::SPEAKER_SLOT`].
    pub speaker_slot: Field,
    /// See [`names::MINHASH`].
    pub minhash: Field,
    /// The facet field of each row of the facet table (rows sharing a field
    /// share its handle); see [`Fields::facet`].
    pub facets: [Field; FACET_COUNT],
}

impl Fields {
    /// The index field holding a facet's paths.
    pub fn facet(&self, kind: FacetKind) -> Field {
        self.facets[kind.index()]
    }

    /// The handles of a schema's fields by name; `None` when one is missing.
    fn lookup(schema: &Schema) -> Option<Fields> {
        let f = |name: &str| schema.get_field(name).ok();
        let mut facets = [Field::from_field_id(0); FACET_COUNT];
        for (slot, spec) in facets.iter_mut().zip(FACETS) {
            *slot = f(spec.field)?;
        }
        Some(Fields {
            id: f(names::ID)?,
            path: f(names::PATH)?,
            title: f(names::TITLE)?,
            body: f(names::BODY)?,
            title_exact: f(names::TITLE_EXACT)?,
            body_exact: f(names::BODY_EXACT)?,
            date: f(names::DATE)?,
            meta: f(names::META)?,
            said: f(names::SAID)?,
            said_exact: f(names::SAID_EXACT)?,
            speaker_slot: f(names::SPEAKER_SLOT)?,
            minhash: f(names::MINHASH)?,
            facets,
        })
    }
}

/// Builds the schema and the field handles.
pub fn build_schema() -> (Schema, Fields) {
    let schema = schema();
    // Every name looked up was just added.
    let fields =
        Fields::lookup(&schema).unwrap_or_else(|| unreachable!("schema without its fields"));
    (schema, fields)
}

/// The schema of a new index.
fn schema() -> Schema {
    let mut b = Schema::builder();
    let indexed = |v: View, record: IndexRecordOption| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default().set_tokenizer(v.analyzer_name()).set_index_option(record),
        )
    };
    let view = |v: View| indexed(v, IndexRecordOption::WithFreqsAndPositions);
    // What people said: records of speaker slot and quote, analysed into
    // terms prefixed by the slot (`analysis::scoped`), with positions.
    let scoped = |v: View, record: IndexRecordOption| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(v.scoped_analyzer_name())
                .set_index_option(record),
        )
    };
    // The stemmed body keeps no positions: phrases are exact wording and
    // search the exact view, so positions there would only be written, never
    // read. They were a third of the body's postings and of indexing time.
    let stemmed_body = indexed(View::Stemmed, IndexRecordOption::WithFreqs);
    b.add_text_field(names::ID, STRING | STORED | FAST);
    b.add_text_field(names::PATH, STRING | STORED);
    b.add_text_field(names::TITLE, view(View::Stemmed).set_stored());
    b.add_text_field(names::BODY, stemmed_body.set_stored());
    b.add_text_field(names::TITLE_EXACT, view(View::Exact));
    b.add_text_field(names::BODY_EXACT, view(View::Exact));
    b.add_date_field(
        names::DATE,
        DateOptions::default().set_indexed().set_fast().set_precision(DateTimePrecision::Seconds),
    );
    b.add_text_field(names::META, STORED);
    // Like the body: phrases are exact wording, so only the exact view
    // of quotes keeps positions.
    b.add_text_field(names::SAID, scoped(View::Stemmed, IndexRecordOption::WithFreqs));
    b.add_text_field(
        names::SAID_EXACT,
        scoped(View::Exact, IndexRecordOption::WithFreqsAndPositions),
    );
    b.add_text_field(names::SPEAKER_SLOT, STRING);
    b.add_bytes_field(names::MINHASH, FAST);
    // One facet field per field of the facet table (`/Province/City` …).
    for spec in field_rows() {
        b.add_facet_field(spec.field, FacetOptions::default());
    }
    b.build()
}

/// Looks the field handles up in a schema read from disk; `None` when the
/// schema is not ours (a field missing, added or of another type). The
/// fields are found by name, in whatever order the index was written with.
pub fn fields_of(schema: &Schema) -> Option<Fields> {
    let ours = self::schema();
    let same = schema.num_fields() == ours.num_fields()
        && ours.fields().all(|(_, entry)| {
            schema.get_field(entry.name()).is_ok_and(|f| schema.get_field_entry(f) == entry)
        });
    if same { Fields::lookup(schema) } else { None }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_round_trips_through_json() {
        let (schema, _) = build_schema();
        let json = serde_json::to_string(&schema).unwrap();
        let back: Schema = serde_json::from_str(&json).unwrap();
        assert!(fields_of(&back).is_some());
    }

    /// The order fields were added in before the facet fields came from
    /// the facet table: an index written then is still read, by name.
    #[test]
    fn fields_are_found_by_name_in_any_order() {
        let ours = schema();
        let mut b = Schema::builder();
        let mut entries: Vec<_> = ours.fields().map(|(_, e)| e.clone()).collect();
        entries.reverse();
        for e in entries {
            b.add_field(e);
        }
        let reversed = b.build();
        let (fields, back) = (build_schema().1, fields_of(&reversed).unwrap());
        assert_ne!(fields.id, back.id);
        assert_eq!(reversed.get_field_name(back.id), names::ID);
        for spec in FACETS {
            assert_eq!(reversed.get_field_name(back.facet(spec.kind)), spec.field);
        }
    }

    #[test]
    fn a_foreign_schema_is_not_ours() {
        let mut b = Schema::builder();
        b.add_text_field("title", STRING);
        assert!(fields_of(&b.build()).is_none());
    }
}
