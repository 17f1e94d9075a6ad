//! The content of one generated story, before any outlet dresses it: the
//! headline, the paragraphs and the facts they mention (place, date,
//! officials, programmes, figures). A syndicated copy reuses the story of
//! another article, so everything here depends on the story number only.

use std::fmt::Write;

use crate::synth::rng::Rng;
use crate::synth::tables::{FAMILY_NAMES, GIVEN_NAMES, Place, TABLES};
use crate::synth::vocab::VOCABULARY;

const WEEKDAYS: [&str; 7] = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"];
/// Full Indonesian month names.
pub const MONTHS: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
/// Abbreviated month names as page headers print them.
pub const MONTHS_SHORT: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];
const SPEECH_VERBS: &[&str] = &["kata", "ujar", "tutur", "jelas", "ucap", "tegas"];
const SPEECH_CLOSERS: &[&str] = &["ujarnya", "katanya", "jelasnya", "tuturnya", "pungkasnya"];
const REPORT_VERBS: &[&str] =
    &["menjelaskan", "menambahkan", "mengatakan", "menyebutkan", "mengungkapkan"];

/// A calendar day with its weekday.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Day {
    /// Year.
    pub year: i32,
    /// 1–12.
    pub month: u32,
    /// 1–31.
    pub day: u32,
}

impl Day {
    /// A random day from 2019 to 2025.
    fn random(rng: &mut Rng) -> Day {
        let year = 2019 + rng.below(7) as i32;
        let month = rng.range(1, 12) as u32;
        let last = crate::extract::days_in_month(year, month);
        Day { year, month, day: rng.range(1, last as usize) as u32 }
    }

    /// The Indonesian weekday name.
    pub fn weekday(&self) -> &'static str {
        // Days since 1970-01-01 (a Thursday), by Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        let days = era * 146_097 + doe - 719_468;
        // 1970-01-01 was a Thursday (index 3 from Monday).
        WEEKDAYS[(days + 3).rem_euclid(7) as usize]
    }

    /// "Selasa (23/1/2024)", the in-text form.
    pub fn in_text(&self) -> String {
        format!("{} ({}/{}/{})", self.weekday(), self.day, self.month, self.year)
    }
}

/// An official as the story names them.
#[derive(Clone, Debug)]
pub struct Person {
    /// The title and office before the name.
    pub title: String,
    /// The full name.
    pub name: String,
}

impl Person {
    /// The name used on later mentions (first word).
    pub fn short(&self) -> &str {
        self.name.split(' ').next().unwrap_or(&self.name)
    }
}

/// One story: what every copy of it shares.
#[derive(Clone, Debug)]
pub struct Story {
    /// The headline.
    pub title: String,
    /// The dateline city.
    pub city: Place,
    /// The province of the dateline city.
    pub province: String,
    /// When it happened (and was published).
    pub date: Day,
    /// The official quoted first.
    pub official: Person,
    /// Programme codes mentioned.
    pub programmes: Vec<String>,
    /// Paragraphs of the body, the first without its dateline.
    pub paragraphs: Vec<String>,
    /// Headlines of related stories, for "Baca juga" lines.
    pub related: Vec<String>,
}

/// `n` Zipf words, the first capitalised when `cap`.
fn words(rng: &mut Rng, n: usize, cap: bool, out: &mut String) {
    for i in 0..n {
        if i > 0 {
            out.push(' ');
        }
        let w = VOCABULARY.draw(rng);
        if cap && i == 0 {
            let mut chars = w.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push_str(w);
        }
        if i + 2 < n && rng.chance(0.06) {
            out.push(',');
        }
    }
}

/// `lo..=hi` lowercase words.
fn span(rng: &mut Rng, lo: usize, hi: usize, out: &mut String) {
    let n = rng.range(lo, hi);
    words(rng, n, false, out);
}

/// A sentence of `lo..=hi` words ending in a period.
fn sentence(rng: &mut Rng, lo: usize, hi: usize, out: &mut String) {
    let n = rng.range(lo, hi);
    words(rng, n, true, out);
    out.push('.');
}

/// A money, share or head-count figure.
fn figure(rng: &mut Rng) -> String {
    match rng.below(6) {
        0 => format!("Rp{},{} miliar", rng.range(1, 950), rng.below(10)),
        1 => format!("Rp{},{} triliun", rng.range(1, 40), rng.below(10)),
        2 => format!("{},{} persen", rng.range(1, 99), rng.below(10)),
        3 => format!("{}.{:03} peserta", rng.range(1, 900), rng.below(1000)),
        4 => format!("{} juta pekerja", rng.range(1, 60)),
        _ => format!("Rp{}.{:03} per bulan", rng.range(10, 999), rng.below(1000)),
    }
}

fn person_name(rng: &mut Rng) -> String {
    let given = rng.pick(GIVEN_NAMES).copied().unwrap_or("Budi");
    let family = rng.pick(FAMILY_NAMES).copied().unwrap_or("Santoso");
    if rng.chance(0.3) {
        let middle = rng.pick(GIVEN_NAMES).copied().unwrap_or("Nur");
        if middle != given {
            return format!("{given} {middle} {family}");
        }
    }
    format!("{given} {family}")
}

/// Years an invented office holder stays in office.
const TERM_YEARS: i32 = 2;

/// The holder of an invented office in a given year: the same person for
/// every story of that office and term, as in real coverage (and so facet
/// counts see repeated officials, not one new name per article).
fn office_holder(title: &str, year: i32) -> String {
    // FNV-1a of the title: stable across platforms and Rust versions.
    let hash = title
        .bytes()
        .fold(0xCBF2_9CE4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01B3));
    person_name(&mut Rng::for_item(hash, 0x0FF1CE, (year / TERM_YEARS) as u64))
}

/// An official tied to the dateline city, or a known one from the registry.
fn official(rng: &mut Rng, city: &Place, province: &str, year: i32) -> Person {
    let t = &*TABLES;
    if rng.chance(0.3)
        && let Some(known) = rng.pick(&t.officials)
    {
        return Person { title: known.title.clone(), name: known.name.clone() };
    }
    let title = match rng.below(5) {
        0 => format!("Kepala Kantor Cabang BPJS Ketenagakerjaan {}", city.short),
        1 => format!("Kepala Kantor Wilayah BPJS Ketenagakerjaan {province}"),
        2 => format!("Wali Kota {}", city.short),
        3 => format!("Gubernur {province}"),
        _ => format!("Kepala Dinas Tenaga Kerja {}", city.name),
    };
    let name = office_holder(&title, year);
    Person { title, name }
}

/// A headline: 6–12 words naming the agency or place, a programme and a figure.
fn headline(rng: &mut Rng, city: &Place, code: &str) -> String {
    let mut t = String::new();
    match rng.below(3) {
        0 => t.push_str("BPJS Ketenagakerjaan "),
        1 => {
            t.push_str(&city.short);
            t.push(' ');
        }
        _ => t.push_str("Pemkot "),
    }
    let n = rng.range(2, 4);
    words(rng, n, false, &mut t);
    let _ = write!(t, " {code} ");
    let n = rng.range(1, 3);
    words(rng, n, false, &mut t);
    if rng.chance(0.5) {
        let _ = write!(t, " {}", figure(rng));
    }
    if t.starts_with("Pemkot ") {
        let _ = write!(t, " di {}", city.short);
    }
    t
}

/// The story number `story` under `seed`.
pub fn story(seed: u64, story: u64) -> Story {
    let mut rng = Rng::for_item(seed, 0x5707, story);
    let t = &*TABLES;
    let city = rng.pick(&t.cities).cloned().unwrap_or_else(|| Place {
        name: "Jakarta".into(),
        short: "Jakarta".into(),
        is_city: true,
        province: 0,
    });
    let province = t.provinces.get(city.province).cloned().unwrap_or_default();
    let regencies: Vec<&Place> =
        t.regencies.iter().filter(|r| r.province == city.province).collect();
    let regency = rng.pick(&regencies).map_or_else(|| city.name.clone(), |r| r.name.clone());
    let date = Day::random(&mut rng);
    let nprog = rng.range(1, 3);
    let programmes: Vec<&crate::synth::tables::Programme> =
        (0..nprog).filter_map(|_| rng.pick(&t.programmes)).collect();
    let main = programmes.first().map_or(("JHT", "Jaminan Hari Tua"), |p| (&p.code, &p.name));
    let person = official(&mut rng, &city, &province, date.year);
    let second = official(&mut rng, &city, &province, date.year);

    let mut paragraphs = Vec::new();
    // Lead: agency, programme with its code, a figure, the day.
    let mut p = String::new();
    let _ = write!(p, "BPJS Ketenagakerjaan {} ", city.short);
    span(&mut rng, 4, 8, &mut p);
    let _ = write!(p, " {} ({}) ", main.1, main.0);
    span(&mut rng, 5, 10, &mut p);
    let _ = write!(p, " {} ", figure(&mut rng));
    span(&mut rng, 6, 12, &mut p);
    let _ = write!(p, " di {}, {}.", city.short, date.in_text());
    paragraphs.push(p);
    // Quote by the official, with title and speech verb.
    let mut p = String::from("\"");
    sentence(&mut rng, 10, 18, &mut p);
    p.push(' ');
    sentence(&mut rng, 8, 16, &mut p);
    p.pop();
    let verb = rng.pick(SPEECH_VERBS).copied().unwrap_or("kata");
    let _ = write!(p, ",\" {verb} {} {} di {}.", person.title, person.name, city.short);
    paragraphs.push(p);

    let body_paragraphs = rng.range(6, 10);
    for k in 0..body_paragraphs {
        let mut p = String::new();
        match (k + rng.below(5)) % 5 {
            0 => {
                let verb = rng.pick(REPORT_VERBS).copied().unwrap_or("mengatakan");
                let _ = write!(p, "{} {verb} ", person.short());
                span(&mut rng, 12, 22, &mut p);
                let _ = write!(p, " {} dan {}. ", regency, province);
                sentence(&mut rng, 12, 22, &mut p);
            }
            1 => {
                p.push('"');
                sentence(&mut rng, 10, 20, &mut p);
                p.pop();
                let closer = rng.pick(SPEECH_CLOSERS).copied().unwrap_or("ujarnya");
                let _ = write!(p, ",\" {closer}.");
            }
            2 => {
                let _ = write!(p, "Sepanjang {}, ", date.year);
                span(&mut rng, 8, 14, &mut p);
                let _ = write!(p, " {} ", figure(&mut rng));
                span(&mut rng, 6, 12, &mut p);
                let prog = rng.pick(&programmes).map_or(main.0, |p| p.code.as_str());
                let _ = write!(p, " {prog} dengan total {}. ", figure(&mut rng));
                sentence(&mut rng, 10, 18, &mut p);
            }
            3 => {
                let _ = write!(p, "{} {} ", second.title, second.name);
                span(&mut rng, 10, 18, &mut p);
                let _ = write!(
                    p,
                    " pada {} {} {}. ",
                    date.day,
                    MONTHS[date.month as usize - 1],
                    date.year
                );
                sentence(&mut rng, 10, 20, &mut p);
            }
            _ => {
                sentence(&mut rng, 12, 24, &mut p);
                p.push(' ');
                sentence(&mut rng, 10, 20, &mut p);
                p.push(' ');
                sentence(&mut rng, 8, 16, &mut p);
            }
        }
        paragraphs.push(p);
    }
    let related = (0..2)
        .map(|_| {
            let code = rng.pick(&t.programmes).map_or("JKK", |p| p.code.as_str());
            let c = rng.pick(&t.cities).unwrap_or(&city);
            headline(&mut rng, c, code)
        })
        .collect();
    Story {
        title: headline(&mut rng, &city, main.0),
        city,
        province,
        date,
        official: person,
        programmes: programmes.iter().map(|p| p.code.clone()).collect(),
        paragraphs,
        related,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays() {
        assert_eq!(Day { year: 2024, month: 11, day: 7 }.weekday(), "Kamis");
        assert_eq!(Day { year: 2024, month: 1, day: 23 }.weekday(), "Selasa");
        assert_eq!(Day { year: 2025, month: 5, day: 20 }.weekday(), "Selasa");
        assert_eq!(Day { year: 2020, month: 2, day: 29 }.weekday(), "Sabtu");
    }

    #[test]
    fn an_office_has_one_holder_per_term() {
        let t = "Wali Kota Medan";
        assert_eq!(office_holder(t, 2020), office_holder(t, 2021));
        let names: std::collections::HashSet<String> =
            (2019..2026).map(|y| office_holder(t, y)).collect();
        assert!(names.len() >= 2, "{names:?}");
    }

    #[test]
    fn stories_are_deterministic_and_sized() {
        let a = story(1, 42);
        let b = story(1, 42);
        assert_eq!(a.paragraphs, b.paragraphs);
        assert_eq!(a.title, b.title);
        assert_ne!(story(2, 42).paragraphs, a.paragraphs);
        let bytes: usize = (0..200).map(|i| story(9, i).paragraphs.join("\n\n").len()).sum();
        let avg = bytes / 200;
        assert!((2000..5000).contains(&avg), "average body {avg} bytes");
    }
}
