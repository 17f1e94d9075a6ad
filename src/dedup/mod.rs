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
pub(crate) use minhash::splitmix64;
pub use minhash::{HASHES, SHINGLE, Signature, signature};

/// Estimated Jaccard similarity of the 3-word shingle sets at and above
/// which two bodies are the same story. A copy under another header and
/// footer with one of six paragraphs dropped scores about 0.65 (see the
/// test below); two different reports of the same event share names and
/// set phrases, not runs of three words, and score near 0 (below 0.2).
/// At 0.5 the LSH bands (32 of 4 slots) find a pair with probability 0.87,
/// at 0.65 with 0.997.
pub const THRESHOLD: f64 = 0.5;

#[cfg(test)]
mod tests {
    use super::*;

    // A fictional six-paragraph story, a syndicated copy of it, and another
    // report of the same event.
    const STORY: [&str; 6] = [
        "Dinas tenaga kerja kabupaten mencatat ratusan buruh pabrik tekstil kehilangan \
         pekerjaan sejak awal bulan karena pesanan ekspor turun tajam.",
        "Kepala dinas Rudi Hartanto mengatakan pihaknya membuka posko pengaduan di kantor \
         kecamatan agar buruh bisa melaporkan pesangon yang belum dibayar.",
        "\"Kami akan memanggil manajemen perusahaan pekan depan untuk meminta kejelasan,\" \
         kata Rudi kepada wartawan di kantornya.",
        "Menurut data dinas, sebagian besar pekerja yang dirumahkan sudah bekerja lebih dari \
         sepuluh tahun di pabrik tersebut.",
        "Serikat pekerja meminta pemerintah daerah memastikan hak jaminan sosial para buruh \
         tetap dibayarkan selama proses perundingan.",
        "Dinas juga menyiapkan pelatihan menjahit dan pemasaran daring bagi buruh yang ingin \
         membuka usaha sendiri.",
    ];
    const OTHER_REPORT: [&str; 4] = [
        "Ratusan buruh tekstil berunjuk rasa di depan gerbang pabrik menuntut pesangon yang \
         tertunda sejak bulan lalu.",
        "Rudi Hartanto dari dinas tenaga kerja menemui perwakilan buruh dan berjanji \
         memanggil manajemen perusahaan.",
        "Para buruh mengaku kesulitan membayar sewa rumah dan biaya sekolah anak setelah \
         dirumahkan.",
        "Polisi berjaga hingga massa membubarkan diri menjelang sore tanpa insiden.",
    ];

    fn sim(a: &str, b: &str) -> f64 {
        signature(a).unwrap().similarity(&signature(b).unwrap())
    }

    #[test]
    fn the_threshold_groups_copies_and_separates_reports_of_one_event() {
        let original = format!("Kota Lama (Kantor Berita) - {}", STORY.join("\n\n"));
        // Another outlet's header and footer, the fourth paragraph dropped.
        let mut kept: Vec<&str> = STORY.to_vec();
        kept.remove(3);
        let copy = format!(
            "KOTA LAMA, Harian Pesisir - {}\n\nIkuti berita terkini Harian Pesisir di kanal kami.",
            kept.join("\n\n")
        );
        let copy_sim = sim(&original, &copy);
        assert!(copy_sim >= THRESHOLD + 0.1, "copy: {copy_sim}");
        let other = format!("Kota Lama - {}", OTHER_REPORT.join("\n\n"));
        let other_sim = sim(&original, &other);
        assert!(other_sim < THRESHOLD - 0.3, "same event, other report: {other_sim}");
    }
}
