//! How outlets dress a story as a scraped page: the header date line, the
//! dateline shape, "Baca juga" links, ad chrome, credits and the copyright
//! footer — one shape per outlet family the reader handles (ANTARA, IDN
//! Times, Liputan6, detik, "Site.com, CITY —" and "CITY, SITE.CO.ID –").

use std::fmt::Write;

use crate::synth::rng::Rng;
use crate::synth::story::{Day, MONTHS, MONTHS_SHORT, Story};
use crate::synth::tables::{FAMILY_NAMES, GIVEN_NAMES};

/// The page shape of an outlet family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// "Medan (ANTARA) - …", Pewarta/Editor credits, copyright footer.
    Agency,
    /// "Jakarta, IDN Times -- …".
    CityPublisher,
    /// "Liputan6.com, Medan …" (no dash).
    Liputan6,
    /// Date header, "Medan - …", ad chrome, "(abc/xyz)" writer codes.
    BareCity,
    /// "Bisnis.com, PALEMBANG — …".
    SiteCity,
    /// "PALEMBANG, KORANPALPRES.COM – …".
    CitySite,
}

/// An outlet: its printed name, its domain and its page shape.
#[derive(Clone, Copy, Debug)]
pub struct Outlet {
    /// The name as the dateline prints it.
    pub name: &'static str,
    /// The web domain, for URLs.
    pub domain: &'static str,
    shape: Shape,
}

/// The outlets articles are spread over.
pub const OUTLETS: &[Outlet] = &[
    Outlet { name: "ANTARA", domain: "antaranews.com", shape: Shape::Agency },
    Outlet { name: "IDN Times", domain: "idntimes.com", shape: Shape::CityPublisher },
    Outlet { name: "Liputan6.com", domain: "liputan6.com", shape: Shape::Liputan6 },
    Outlet { name: "detikcom", domain: "detik.com", shape: Shape::BareCity },
    Outlet { name: "Bisnis.com", domain: "bisnis.com", shape: Shape::SiteCity },
    Outlet { name: "jpnn.com", domain: "jpnn.com", shape: Shape::SiteCity },
    Outlet { name: "KORANPALPRES.COM", domain: "koranpalpres.com", shape: Shape::CitySite },
    Outlet { name: "tvOnenews.com", domain: "tvonenews.com", shape: Shape::CityPublisher },
];

fn initials(rng: &mut Rng) -> String {
    (0..3).map(|_| char::from(b'a' + rng.below(26) as u8)).collect()
}

fn credit_name(rng: &mut Rng) -> String {
    let given = rng.pick(GIVEN_NAMES).copied().unwrap_or("Sri");
    let family = rng.pick(FAMILY_NAMES).copied().unwrap_or("Utomo");
    format!("{given} {family}")
}

fn header_date(rng: &mut Rng, d: Day, short: bool) -> String {
    let (h, m) = (rng.range(6, 22), rng.below(60));
    let month =
        if short { MONTHS_SHORT[d.month as usize - 1] } else { MONTHS[d.month as usize - 1] };
    format!("{}, {} {month} {} {h:02}:{m:02} WIB", d.weekday(), d.day, d.year)
}

/// The page text of `story` as `outlet` publishes it. `drop` removes one
/// body paragraph (syndicated copies); `rng` varies the chrome.
pub fn render(story: &Story, outlet: &Outlet, drop: Option<usize>, rng: &mut Rng) -> String {
    let mut page = String::with_capacity(4096);
    page.push_str(&story.title);
    page.push_str("\n\n");
    let city = &story.city.short;
    let upper = city.to_uppercase();
    match outlet.shape {
        Shape::BareCity => {
            let _ = write!(page, "{}\n\n", header_date(rng, story.date, true));
        }
        Shape::SiteCity | Shape::CitySite | Shape::CityPublisher if rng.chance(0.5) => {
            let _ = write!(page, "{}\n\n", header_date(rng, story.date, false));
        }
        _ => {}
    }
    let dateline = match outlet.shape {
        Shape::Agency => format!("{city} (ANTARA) - "),
        Shape::CityPublisher => format!("{city}, {} -- ", outlet.name),
        Shape::Liputan6 => format!("Liputan6.com, {city} "),
        Shape::BareCity => format!("{city} - "),
        Shape::SiteCity => format!("{}, {upper} — ", outlet.name),
        Shape::CitySite => format!("{upper}, {} – ", outlet.name),
    };
    let mut related = story.related.iter();
    let mut written = 0;
    for (i, paragraph) in story.paragraphs.iter().enumerate() {
        if Some(i) == drop && i > 0 {
            continue;
        }
        if i == 0 {
            page.push_str(&dateline);
        }
        page.push_str(paragraph);
        page.push_str("\n\n");
        written += 1;
        if (written == 2 || written == 5)
            && let Some(r) = related.next()
        {
            let label = ["Baca juga", "BACA JUGA", "Baca Juga"][rng.below(3)];
            let _ = write!(page, "{label}: {r}\n\n");
        }
        if written == 3 && outlet.shape == Shape::BareCity {
            page.push_str("ADVERTISEMENT\n\nSCROLL TO CONTINUE WITH CONTENT\n\n");
        }
    }
    match outlet.shape {
        Shape::Agency => {
            let _ = write!(
                page,
                "Pewarta: {}\nEditor: {}\nCopyright © ANTARA {}\n",
                credit_name(rng),
                credit_name(rng),
                story.date.year
            );
        }
        Shape::CityPublisher => {
            let _ = write!(
                page,
                "Editor: {}\n\nBaca artikel {} lainnya\n",
                credit_name(rng),
                outlet.name
            );
        }
        Shape::Liputan6 => {
            page.push_str("Saksikan Video Pilihan Berikut Ini\n\n");
            let _ = writeln!(page, "Penulis: {}", credit_name(rng));
        }
        Shape::BareCity => {
            let _ = writeln!(page, "({}/{})", initials(rng), initials(rng));
        }
        Shape::SiteCity | Shape::CitySite => {
            let _ = write!(
                page,
                "Reporter : {}\nEditor : {}\nShare:\n",
                credit_name(rng),
                credit_name(rng)
            );
        }
    }
    page
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::story::story;

    #[test]
    fn every_outlet_renders_title_first_and_its_dateline() {
        let s = story(5, 5);
        for outlet in OUTLETS {
            let page = render(&s, outlet, None, &mut Rng::new(1));
            assert!(page.starts_with(&s.title));
            assert!(page.contains(&s.city.short) || page.contains(&s.city.short.to_uppercase()));
            assert!(page.len() > 1500);
        }
    }

    #[test]
    fn dropping_a_paragraph_shortens_the_page() {
        let s = story(5, 6);
        let full = render(&s, &OUTLETS[0], None, &mut Rng::new(1));
        let copy = render(&s, &OUTLETS[0], Some(2), &mut Rng::new(1));
        assert!(copy.len() < full.len());
        assert!(!copy.contains(&s.paragraphs[2]));
    }
}
