//! Grouping signatures into stories: locality-sensitive hashing finds
//! candidate pairs (signatures that agree on a whole band of slots), a full
//! comparison confirms them, and union–find joins the confirmed pairs.
//!
//! The representative of a group (what `duplicate_of` points to) is
//! deterministic: the earliest date, then the smallest id; undated articles
//! come after dated ones.

use std::collections::HashMap;

use crate::dedup::minhash::{HASHES, Signature};

/// Slots per LSH band. With 128 slots: 32 bands of 4. A pair at similarity
/// 0.5 shares a band with probability 0.87, at 0.6 with 0.98.
const ROWS: usize = 4;

/// At most this many earlier members of one bucket are compared with each
/// newcomer (bounded work when thousands of bodies share boilerplate).
const MAX_PER_BUCKET: usize = 64;

/// One article to group.
#[derive(Clone, Debug)]
pub struct Item<'a> {
    /// Its id.
    pub id: &'a str,
    /// Its date as seconds since the epoch, if dated.
    pub date: Option<i64>,
    /// Its signature.
    pub signature: &'a Signature,
}

/// One story with two or more copies.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Group {
    /// The copy the others are `duplicate_of`.
    pub representative: String,
    /// Every copy, the representative included, sorted.
    pub members: Vec<String>,
}

/// Groups the items whose similarity reaches `threshold`. Only groups of
/// two or more are returned, sorted by representative.
pub fn group(items: &[Item], threshold: f64) -> Vec<Group> {
    let mut parent: Vec<usize> = (0..items.len()).collect();
    // One band at a time, as sorted (key, item) pairs: memory stays at one
    // small vector whatever the corpus size (a map of every band's buckets
    // took hundreds of MB at 100,000 articles).
    let full: Vec<usize> =
        (0..items.len()).filter(|&i| items[i].signature.0.len() == HASHES).collect();
    let mut keys: Vec<(u64, usize)> = Vec::with_capacity(full.len());
    for band in 0..HASHES / ROWS {
        keys.clear();
        keys.extend(full.iter().map(|&i| {
            let rows = &items[i].signature.0[band * ROWS..(band + 1) * ROWS];
            let key = rows.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, v| {
                (h ^ u64::from(*v)).wrapping_mul(0x0100_0000_01b3)
            });
            (key, i)
        }));
        keys.sort_unstable();
        for run in keys.chunk_by(|a, b| a.0 == b.0) {
            for (k, &(_, i)) in run.iter().enumerate().skip(1) {
                // The earliest members of the bucket, as items arrive in order.
                for &(_, j) in run[..k].iter().take(MAX_PER_BUCKET) {
                    if find(&mut parent, i) != find(&mut parent, j)
                        && items[i].signature.similarity(items[j].signature) >= threshold
                    {
                        union(&mut parent, i, j);
                    }
                }
            }
        }
    }
    let mut by_root: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..items.len() {
        let root = find(&mut parent, i);
        by_root.entry(root).or_default().push(i);
    }
    let mut groups: Vec<Group> = by_root
        .into_values()
        .filter(|m| m.len() > 1)
        .map(|members| {
            let first = members
                .iter()
                .map(|&i| &items[i])
                .min_by(|a, b| {
                    let key = |x: &Item| (x.date.is_none(), x.date.unwrap_or(0));
                    key(a).cmp(&key(b)).then_with(|| a.id.cmp(b.id))
                })
                .map(|x| x.id.to_string())
                .unwrap_or_default();
            let mut ids: Vec<String> = members.iter().map(|&i| items[i].id.to_string()).collect();
            ids.sort();
            Group { representative: first, members: ids }
        })
        .collect();
    groups.sort_by(|a, b| a.representative.cmp(&b.representative));
    groups
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedup::{THRESHOLD, signature};

    const P1: &str = "Pemerintah kabupaten meluncurkan program perlindungan bagi petani \
        penggarap yang selama ini bekerja tanpa jaminan apa pun.";
    const P2: &str = "Setiap petani yang terdaftar akan mendapat santunan bila mengalami \
        kecelakaan di sawah maupun dalam perjalanan menuju ladang.";
    const P3: &str = "Iuran bulanan peserta ditanggung anggaran daerah selama satu tahun \
        pertama sebelum dievaluasi oleh dinas terkait.";
    const P4: &str = "Kepala dinas berharap langkah itu ditiru kabupaten tetangga yang \
        memiliki banyak pekerja sektor pertanian.";

    fn sig(s: &str) -> Signature {
        signature(s).unwrap()
    }

    #[test]
    fn copies_group_and_the_earliest_is_the_representative() {
        let a = sig(&[P1, P2, P3, P4].join("\n\n"));
        let b = sig(&format!("Kota Baru (Warta Kita) - {}", [P1, P2, P4].join("\n\n")));
        let other = sig(&[
            P4,
            "Sama sekali lain: harga gabah naik di tingkat penggilingan \
            karena musim kemarau yang panjang dan pasokan berkurang drastis.",
        ]
        .join(" "));
        let items = [
            Item { id: "b.txt", date: Some(100), signature: &b },
            Item { id: "a.txt", date: Some(200), signature: &a },
            Item { id: "c.txt", date: Some(50), signature: &other },
        ];
        let groups = group(&items, THRESHOLD);
        assert_eq!(groups.len(), 1, "{groups:?}");
        assert_eq!(groups[0].representative, "b.txt");
        assert_eq!(groups[0].members, ["a.txt", "b.txt"]);
    }

    #[test]
    fn ties_on_date_go_to_the_smallest_id_and_undated_come_last() {
        let a = sig(P1);
        let items = [
            Item { id: "z", date: None, signature: &a },
            Item { id: "y", date: Some(7), signature: &a },
            Item { id: "x", date: Some(7), signature: &a },
        ];
        assert_eq!(group(&items, THRESHOLD)[0].representative, "x");
        let undated = [
            Item { id: "z", date: None, signature: &a },
            Item { id: "w", date: None, signature: &a },
        ];
        assert_eq!(group(&undated, THRESHOLD)[0].representative, "w");
    }

    #[test]
    fn nothing_to_group() {
        assert!(group(&[], THRESHOLD).is_empty());
        let a = sig(P1);
        assert!(group(&[Item { id: "a", date: None, signature: &a }], THRESHOLD).is_empty());
    }
}
