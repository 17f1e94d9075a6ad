//! `copies.bin`: the groups of syndicated copies as a lookup table that a
//! search reads in one go and uses where it lies, without parsing.
//!
//! `copies.json` stays the record people and tools read; this file is
//! written beside it after it, from the same groups, and names the
//! `copies.json` it was made with (size and modification time). A table
//! that does not match the `copies.json` beside it (one written by an
//! older warta, or a damaged one) is not used: the JSON is read instead.
//!
//! Layout, little-endian: `WCPB`, version (u32), the JSON's size and
//! modification time (u64 ns), groups G and members M (u32 each), then
//! M member-id hashes (u64, sorted), the group of each (u32), G + 1 group
//! starts in member order (u32), G representatives (u32 member numbers),
//! M + 1 offsets of the member ids (u32) and the ids' bytes.

use std::fs;
use std::path::Path;
use std::time::UNIX_EPOCH;

use crate::dedup::Group;

/// The table's file in the index folder.
pub const TABLE_FILE: &str = "copies.bin";

const MAGIC: &[u8; 4] = b"WCPB";
const VERSION: u32 = 1;
const HEADER: usize = 4 + 4 + 8 + 8 + 4 + 4;

/// Size and modification time (ns) of a file, the table's key to its JSON.
pub fn stamp(path: &Path) -> Option<(u64, u64)> {
    let meta = fs::metadata(path).ok()?;
    let mtime = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some((meta.len(), u64::try_from(mtime.as_nanos()).ok()?))
}

/// The table of `groups` (member ids in each group's order), keyed to a
/// JSON file of size and time `json`. `hash` is the lookup hash of an id.
/// None when it would not fit (more than 4 GiB of ids).
pub fn encode(groups: &[Group], json: (u64, u64), hash: fn(&str) -> u64) -> Option<Vec<u8>> {
    let members: usize = groups.iter().map(|g| g.members.len()).sum();
    let mut by_hash: Vec<(u64, u32)> = Vec::with_capacity(members);
    let mut starts = Vec::with_capacity(groups.len() + 1);
    let mut reps = Vec::with_capacity(groups.len());
    let mut offsets = Vec::with_capacity(members + 1);
    let mut blob = Vec::new();
    let mut member = 0u32;
    for (g, group) in groups.iter().enumerate() {
        let g = u32::try_from(g).ok()?;
        starts.push(member);
        let rep = group.members.iter().position(|m| *m == group.representative).unwrap_or(0);
        reps.push(member + u32::try_from(rep).ok()?);
        for m in &group.members {
            by_hash.push((hash(m), g));
            offsets.push(u32::try_from(blob.len()).ok()?);
            blob.extend_from_slice(m.as_bytes());
            member += 1;
        }
    }
    starts.push(member);
    offsets.push(u32::try_from(blob.len()).ok()?);
    // Stable: an id in two groups keeps them in group order (the later answers).
    by_hash.sort_by_key(|&(h, _)| h);

    let mut out = Vec::with_capacity(HEADER + members * 16 + groups.len() * 8 + blob.len() + 8);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&json.0.to_le_bytes());
    out.extend_from_slice(&json.1.to_le_bytes());
    out.extend_from_slice(&u32::try_from(groups.len()).ok()?.to_le_bytes());
    out.extend_from_slice(&member.to_le_bytes());
    by_hash.iter().for_each(|(h, _)| out.extend_from_slice(&h.to_le_bytes()));
    by_hash.iter().for_each(|(_, g)| out.extend_from_slice(&g.to_le_bytes()));
    for v in starts.iter().chain(&reps).chain(&offsets) {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&blob);
    Some(out)
}

/// A table read from `copies.bin`, used in place.
#[derive(Clone, Debug)]
pub struct Table {
    bytes: Vec<u8>,
    groups: usize,
    members: usize,
}

impl Table {
    /// The table in `bytes` when it is whole and keyed to a JSON file of
    /// size and time `json`; None otherwise.
    pub fn new(bytes: Vec<u8>, json: (u64, u64)) -> Option<Table> {
        if bytes.len() < HEADER || &bytes[..4] != MAGIC || read_u32(&bytes, 4)? != VERSION {
            return None;
        }
        if (read_u64(&bytes, 8)?, read_u64(&bytes, 16)?) != json {
            return None;
        }
        let groups = read_u32(&bytes, 24)? as usize;
        let members = read_u32(&bytes, 28)? as usize;
        let table = Table { bytes, groups, members };
        let blob = table.blob_start()?;
        let last = table.offset(members)?;
        // Every offset within the ids, in order; every start and representative a member.
        let ordered = (0..members).all(|m| table.offset(m) <= table.offset(m + 1));
        let starts_ok = (0..groups).all(|g| table.start(g) <= table.start(g + 1))
            && table.start(groups) == Some(members);
        let reps_ok = (0..groups).all(|g| {
            table.rep(g).is_some_and(|r| Some(r) >= table.start(g) && Some(r) < table.start(g + 1))
        });
        let groups_ok = (0..members).all(|i| table.group_at(i).is_some_and(|g| g < groups));
        (blob.checked_add(last)? == table.bytes.len()
            && ordered
            && starts_ok
            && reps_ok
            && groups_ok)
            .then_some(table)
    }

    fn hashes_at(&self) -> usize {
        HEADER
    }

    fn group_of_at(&self) -> usize {
        HEADER + self.members * 8
    }

    fn starts_at(&self) -> usize {
        self.group_of_at() + self.members * 4
    }

    fn reps_at(&self) -> usize {
        self.starts_at() + (self.groups + 1) * 4
    }

    fn offsets_at(&self) -> usize {
        self.reps_at() + self.groups * 4
    }

    fn blob_start(&self) -> Option<usize> {
        self.offsets_at().checked_add((self.members + 1) * 4)
    }

    fn hash(&self, i: usize) -> Option<u64> {
        read_u64(&self.bytes, self.hashes_at() + i * 8)
    }

    fn group_at(&self, i: usize) -> Option<usize> {
        read_u32(&self.bytes, self.group_of_at() + i * 4).map(|g| g as usize)
    }

    fn start(&self, g: usize) -> Option<usize> {
        read_u32(&self.bytes, self.starts_at() + g * 4).map(|s| s as usize)
    }

    fn rep(&self, g: usize) -> Option<usize> {
        read_u32(&self.bytes, self.reps_at() + g * 4).map(|r| r as usize)
    }

    fn offset(&self, m: usize) -> Option<usize> {
        read_u32(&self.bytes, self.offsets_at() + m * 4).map(|o| o as usize)
    }

    /// Member `m`'s id.
    fn member(&self, m: usize) -> Option<&str> {
        let base = self.blob_start()?;
        let bytes = self.bytes.get(base + self.offset(m)?..base + self.offset(m + 1)?)?;
        std::str::from_utf8(bytes).ok()
    }

    /// The group holding `id`, whose hash is `h`; the later of two.
    pub fn group_of(&self, id: &str, h: u64) -> Option<usize> {
        // First entry with a hash not below h.
        let (mut lo, mut hi) = (0, self.members);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.hash(mid)? < h {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let mut end = lo;
        while end < self.members && self.hash(end)? == h {
            end += 1;
        }
        (lo..end).rev().filter_map(|i| self.group_at(i)).find(|&g| {
            let (Some(a), Some(b)) = (self.start(g), self.start(g + 1)) else { return false };
            (a..b).any(|m| self.member(m) == Some(id))
        })
    }

    /// Group `g`'s representative id.
    pub fn representative(&self, g: usize) -> Option<&str> {
        self.member(self.rep(g)?)
    }

    /// How many articles group `g` holds.
    pub fn size(&self, g: usize) -> usize {
        match (self.start(g), self.start(g + 1)) {
            (Some(a), Some(b)) => b.saturating_sub(a),
            _ => 0,
        }
    }

    /// Every group, as `copies.json` holds them.
    pub fn groups(&self) -> Vec<Group> {
        (0..self.groups)
            .map(|g| {
                let (a, b) = (self.start(g).unwrap_or(0), self.start(g + 1).unwrap_or(0));
                Group {
                    representative: self.representative(g).unwrap_or_default().to_string(),
                    members: (a..b).filter_map(|m| self.member(m)).map(str::to_string).collect(),
                }
            })
            .collect()
    }
}

fn read_u32(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at.checked_add(4)?)?.try_into().ok()?))
}

fn read_u64(bytes: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(bytes.get(at..at.checked_add(8)?)?.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups() -> Vec<Group> {
        let g = |rep: &str, members: &[&str]| Group {
            representative: rep.into(),
            members: members.iter().map(|m| m.to_string()).collect(),
        };
        vec![
            g("a/1.txt", &["a/1.txt", "b/2.txt"]),
            g("c/3.txt", &["d/4.txt", "c/3.txt", "e/5.txt"]),
        ]
    }

    fn fnv(s: &str) -> u64 {
        s.bytes()
            .fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
    }

    #[test]
    fn a_table_answers_like_its_groups() {
        let bytes = encode(&groups(), (10, 20), fnv).expect("encoded");
        let t = Table::new(bytes, (10, 20)).expect("whole");
        assert_eq!(t.groups(), groups());
        let g = t.group_of("e/5.txt", fnv("e/5.txt")).expect("member");
        assert_eq!((t.representative(g), t.size(g)), (Some("c/3.txt"), 3));
        assert_eq!(t.group_of("z.txt", fnv("z.txt")), None);
        // Another id under a member's hash is told apart.
        assert_eq!(t.group_of("x.txt", fnv("b/2.txt")), None);
    }

    #[test]
    fn a_table_of_another_json_or_damaged_is_not_used() {
        let bytes = encode(&groups(), (10, 20), fnv).expect("encoded");
        assert!(Table::new(bytes.clone(), (10, 21)).is_none());
        for cut in [0, 3, HEADER, bytes.len() - 1] {
            assert!(Table::new(bytes[..cut].to_vec(), (10, 20)).is_none(), "cut at {cut}");
        }
        let mut flipped = bytes.clone();
        let at = HEADER + 5 * 8 + 4 * 5; // the first group's start
        flipped[at] = 200;
        assert!(Table::new(flipped, (10, 20)).is_none());
        let empty = encode(&[], (0, 0), fnv).expect("encoded");
        assert!(Table::new(empty, (0, 0)).expect("empty").groups().is_empty());
    }

    proptest::proptest! {
        #[test]
        fn groups_come_back_as_they_went_in(
            sizes in proptest::collection::vec(2usize..5, 0..20), rep in 0usize..5
        ) {
            let mut n = 0;
            let groups: Vec<Group> = sizes.iter().map(|&k| {
                let members: Vec<String> = (0..k).map(|i| format!("p{}/{}.txt", n + i, i)).collect();
                n += k;
                Group { representative: members[rep % k].clone(), members }
            }).collect();
            let t = Table::new(encode(&groups, (1, 2), fnv).expect("encoded"), (1, 2)).expect("whole");
            proptest::prop_assert_eq!(t.groups(), groups.clone());
            for g in &groups {
                for m in &g.members {
                    let found = t.group_of(m, fnv(m)).expect("member");
                    proptest::prop_assert_eq!(t.representative(found), Some(g.representative.as_str()));
                }
            }
        }
    }
}
