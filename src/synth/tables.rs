//! The facts generated articles are about, read from the extractor's own
//! tables so that every place, programme and official the generator writes
//! is one the extractor can find: cities and regencies
//! (`extract/region/regencies.tsv`), provinces, programmes
//! (`extract/program/programs.tsv`) and known officials
//! (`extract/official/registry.tsv`). Person names for invented local
//! officials come from two short lists of common Indonesian names.

use std::sync::LazyLock;

const PROVINCES: &str = include_str!("../extract/region/provinces.tsv");
const REGENCIES: &str = include_str!("../extract/region/regencies.tsv");
const PROGRAMS: &str = include_str!("../extract/program/programs.tsv");
const REGISTRY: &str = include_str!("../extract/official/registry.tsv");

/// Common Indonesian given names (single words, no real person intended).
pub const GIVEN_NAMES: &[&str] = &[
    "Agus", "Budi", "Dewi", "Eko", "Fajar", "Gita", "Hendra", "Indra", "Joko", "Kartika",
    "Lestari", "Made", "Nur", "Putu", "Rahmat", "Sri", "Teguh", "Wahyu", "Yusuf", "Ayu", "Bayu",
    "Citra", "Dimas", "Endang", "Fitri", "Galih", "Hesti", "Irfan", "Jamal", "Komang", "Lukman",
    "Maya", "Nanda", "Oki", "Purnama", "Ratna", "Slamet", "Tri", "Umar", "Vina", "Wulan", "Yanti",
    "Zulkifli",
];

/// Common Indonesian family or second names.
pub const FAMILY_NAMES: &[&str] = &[
    "Santoso",
    "Wibowo",
    "Saputra",
    "Hidayat",
    "Nugroho",
    "Siregar",
    "Nasution",
    "Harahap",
    "Simanjuntak",
    "Pratama",
    "Kurniawan",
    "Setiawan",
    "Susanti",
    "Lubis",
    "Tanjung",
    "Wijaya",
    "Hakim",
    "Rahman",
    "Syahputra",
    "Purba",
    "Sinaga",
    "Manurung",
    "Gunawan",
    "Hartono",
    "Utomo",
    "Permana",
    "Ramadhan",
    "Sembiring",
    "Pohan",
    "Daulay",
];

/// A city (or regency capital) with its province.
#[derive(Clone, Debug)]
pub struct Place {
    /// "Surabaya", or "Kabupaten Sidoarjo" for a regency.
    pub name: String,
    /// The name alone, as a dateline prints it ("Surabaya").
    pub short: String,
    /// Whether this is a city (kota) rather than a regency.
    pub is_city: bool,
    /// Index into [`Tables::provinces`].
    pub province: usize,
}

/// A programme: code and full name.
#[derive(Clone, Debug)]
pub struct Programme {
    /// "JHT".
    pub code: String,
    /// "Jaminan Hari Tua".
    pub name: String,
}

/// A known official: how the press writes title and name.
#[derive(Clone, Debug)]
pub struct KnownOfficial {
    /// "Direktur Utama BPJS Ketenagakerjaan".
    pub title: String,
    /// "Anggoro Eko Cahyo".
    pub name: String,
}

/// Everything the generator draws facts from.
pub struct Tables {
    /// Province names.
    pub provinces: Vec<String>,
    /// Cities (kota) only; datelines use these.
    pub cities: Vec<Place>,
    /// Regencies (kabupaten).
    pub regencies: Vec<Place>,
    /// Programmes of BPJS Ketenagakerjaan.
    pub programmes: Vec<Programme>,
    /// Officials from the registry.
    pub officials: Vec<KnownOfficial>,
}

/// The tables, parsed once.
pub static TABLES: LazyLock<Tables> = LazyLock::new(Tables::load);

fn rows(tsv: &str) -> impl Iterator<Item = Vec<&str>> {
    // Skip comments and the column header (its first cell is a lowercase word).
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|l| l.split('\t').collect::<Vec<_>>())
}

impl Tables {
    fn load() -> Self {
        let mut codes = Vec::new();
        let mut provinces = Vec::new();
        for row in rows(PROVINCES) {
            if let [code, name, ..] = row.as_slice() {
                codes.push((*code).to_string());
                provinces.push((*name).to_string());
            }
        }
        let (mut cities, mut regencies) = (Vec::new(), Vec::new());
        for row in rows(REGENCIES) {
            let [_, prov, kind, name, ..] = row.as_slice() else { continue };
            let Some(province) = codes.iter().position(|c| c == prov) else { continue };
            let is_city = *kind == "Kota";
            let place = Place {
                name: if is_city { (*name).to_string() } else { format!("Kabupaten {name}") },
                short: (*name).to_string(),
                is_city,
                province,
            };
            if is_city { cities.push(place) } else { regencies.push(place) }
        }
        let programmes = rows(PROGRAMS)
            .filter_map(|row| match row.as_slice() {
                [code, name, ..] => {
                    Some(Programme { code: (*code).to_string(), name: (*name).to_string() })
                }
                _ => None,
            })
            .collect();
        let officials = rows(REGISTRY)
            .filter_map(|row| match row.as_slice() {
                [name, _, org, role, ..] => known_official(name, org, role),
                _ => None,
            })
            .collect();
        Tables { provinces, cities, regencies, programmes, officials }
    }
}

/// The title as the press writes it before a registry name, for the simple
/// roles ("Direktur Keuangan BPJS Ketenagakerjaan", "Menteri
/// Ketenagakerjaan", "Gubernur Jawa Timur"); `None` for compound roles.
fn known_official(name: &str, org: &str, role: &str) -> Option<KnownOfficial> {
    let role = role.split(';').next()?.trim();
    if name.is_empty() || role.is_empty() || role.contains(',') || role.contains('/') {
        return None;
    }
    let title = if let Some(province) = org.strip_prefix("Pemprov ") {
        format!("{role} {province}")
    } else if org == "Kemnaker" && role.contains("Ketenagakerjaan") {
        role.to_string()
    } else if org == "BPJS Ketenagakerjaan" {
        // "Kepala Kantor Wilayah Jawa Timur" → "Kepala Kantor Wilayah BPJS Ketenagakerjaan Jawa Timur".
        let office = ["Kepala Kantor Wilayah", "Kepala Kantor Cabang", "Deputi Direktur Wilayah"]
            .into_iter()
            .find(|o| role.starts_with(o));
        match office {
            Some(o) => format!("{o} BPJS Ketenagakerjaan{}", &role[o.len()..]),
            None => format!("{role} BPJS Ketenagakerjaan"),
        }
    } else {
        format!("{role} {org}")
    };
    Some(KnownOfficial { title, name: name.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_load() {
        let t = &*TABLES;
        assert_eq!(t.provinces.len(), 38);
        assert!(t.cities.len() > 90, "{}", t.cities.len());
        assert!(t.regencies.len() > 400);
        assert!(t.programmes.iter().any(|p| p.code == "JHT" && p.name == "Jaminan Hari Tua"));
        assert!(t.officials.len() > 30);
        assert!(
            t.cities
                .iter()
                .any(|c| c.short == "Surabaya" && t.provinces[c.province] == "Jawa Timur")
        );
    }

    #[test]
    fn registry_titles() {
        let o = known_official("A B", "BPJS Ketenagakerjaan", "Kepala Kantor Wilayah Jawa Timur");
        assert_eq!(
            o.map(|o| o.title).as_deref(),
            Some("Kepala Kantor Wilayah BPJS Ketenagakerjaan Jawa Timur")
        );
        let o = known_official("A B", "Pemprov Jawa Timur", "Gubernur");
        assert_eq!(o.map(|o| o.title).as_deref(), Some("Gubernur Jawa Timur"));
        assert!(known_official("A", "X", "Menteri PPN/Kepala Bappenas").is_none());
    }
}
