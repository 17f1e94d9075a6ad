//! Small articles written for these tests (people are fictional; places,
//! programmes and agencies are real), in the shapes scraped pages take.

/// ANTARA-style page: Surabaya dateline, a "Baca juga" link, byline, a
/// parenthesised date in the body.
pub const ANTARA_JATIM: &str = "\
Klaim JHT di Jawa Timur naik, BPJS Ketenagakerjaan percepat layanan daring

Surabaya (ANTARA) - BPJS Ketenagakerjaan Kantor Wilayah Jawa Timur mencatat klaim Jaminan Hari Tua (JHT) naik tajam pada Kamis (7/11/2024), terutama dari pekerja pabrik di Sidoarjo.

\"Kami menambah loket daring agar pekerja tidak perlu antre,\" kata Direktur Pelayanan BPJS Ketenagakerjaan Sri Handayani Wibowo di Surabaya.

Baca juga: Pekerja muda diminta rutin cek saldo jaminan

Menurut Sri, perlindungan Jaminan Kecelakaan Kerja (JKK) juga diperluas bagi pekerja pelabuhan Tanjung Perak.

Pewarta: Agus Setiawan
Editor: Maya Lestari
Copyright © ANTARA 2024
";

/// IDN Times-style page with a date header line and a minister.
pub const IDN_JAKARTA: &str = "\
Menaker minta perusahaan daftarkan korban PHK ke program JKP

Senin, 24 Juli 2023 10:21 WIB

Jakarta, IDN Times -- Menteri Ketenagakerjaan Bambang Wiratmo meminta perusahaan mendaftarkan pekerjanya agar korban pemutusan hubungan kerja bisa menerima Jaminan Kehilangan Pekerjaan (JKP).

\"Manfaat uang tunai JKP hanya bisa diterima bila iuran tertib dibayar,\" ujar Bambang di Jakarta.

Ia menambahkan bahwa pelatihan kerja tetap tersedia bagi peserta yang terkena PHK.

Baca Juga: Lowongan kerja bagi korban PHK dibuka di Tangerang

Topik:

  • Rina Kartika

Berita Terkini Lainnya
";

/// A scraper's JSON object.
pub const JSON_SUMUT: &str = r#"{
  "title": "Pemprov Sumut tanggung iuran pekerja rentan lewat gerakan SERTAKAN",
  "maintext": "Medan - Pemerintah Provinsi Sumatera Utara menanggung iuran ribuan pekerja Bukan Penerima Upah (BPU) di Medan.\n\nGubernur Sumatera Utara Togar Simanjuntak mengajak perusahaan ikut Gerakan Nasional SERTAKAN. \"Kita lindungi pekerja rentan bersama-sama,\" katanya.",
  "date_publish": "2021-03-02 09:30:00",
  "source_domain": "kompas.com",
  "url": "https://regional.kompas.com/read/2021/03/02/contoh"
}"#;

/// JSON Lines with a broken middle line.
pub const JSONL_BATCH: &str = concat!(
    r#"{"title": "Nelayan Denpasar daftar BPJS Ketenagakerjaan lewat JMO", "text": "Denpasar - Ratusan nelayan di Denpasar, Bali, mendaftar melalui aplikasi JMO (Jamsostek Mobile). \"Daftarnya cepat,\" ujar Wayan Sudarma, Kepala Kantor Cabang BPJS Ketenagakerjaan Denpasar.", "date": "2020-06-15", "source": "Bali Post"}"#,
    "\n",
    r#"{"title": "rusak", "text": "#,
    "\n",
    r#"{"title": "Ahli waris pekerja di Banjarmasin terima santunan JKM", "body": "Banjarmasin - Ahli waris pekerja di Banjarmasin, Kalimantan Selatan, menerima santunan Jaminan Kematian (JKM) dari BPJS Ketenagakerjaan.", "date_publish": "2025-01-20"}"#,
    "\n"
);

/// [`JSONL_BATCH`] without its broken line: every line indexes.
pub fn jsonl_without_the_broken_line() -> String {
    JSONL_BATCH.lines().filter(|l| !l.contains("rusak")).map(|l| format!("{l}\n")).collect()
}
