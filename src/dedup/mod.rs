//! Syndicated copies: the same story republished under another outlet's
//! header, with a few lines dropped or added. Each clean body gets a MinHash
//! [`Signature`] over its word shingles ([`minhash`]); signatures that agree
//! on at least [`THRESHOLD`] of their slots (an estimate of the Jaccard
//! similarity of the shingle sets) are grouped into one story ([`groups`]).
//!
//! This module knows nothing of tantivy: `index::copies` stores the
//! signatures and the groups.

pub mod groups;
pub mod minhash;

pub use groups::{Group, Item, group};
pub use minhash::{HASHES, SHINGLE, Signature, signature};

/// Estimated Jaccard similarity of the 3-word shingle sets at and above
/// which two bodies are the same story. A copy under another header and
/// footer with one of six paragraphs dropped scores about 0.75; two
/// different reports of the same event share names and set phrases, not
/// sentences, and score below 0.15.
pub const THRESHOLD: f64 = 0.5;
