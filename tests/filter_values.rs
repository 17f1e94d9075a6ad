//! Filter values through the real binary: an unknown value is an error naming
//! the flag (with the filter that knows it, or the command listing every
//! value); a value warta knows that no article names is a note and status 1.

use crate::cli_contract::{run, small};

#[test]
fn filter_values_are_errors_when_unknown_and_a_note_when_no_article_names_them() {
    let env = small();
    // Known organisation, no official of it in this index: status 1 with a note saying why.
    let (code, out, err) = run(&env, &["search", "JHT", "--index", "index", "--org", "Kemenkes"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(out.starts_with("no articles match \"JHT\" with --org Kemenkes"), "{out}");
    assert!(err.contains("no article in this index names the org \"Kemenkes\""), "{err}");
    // Unknown values are errors, status 2.
    let (code, _, _) =
        run(&env, &["search", "JHT", "--index", "index", "--org", "Kementerian Kelautan Zz"]);
    assert_eq!(code, Some(2));
    // A city suggestion names its province, so a place elsewhere is not mistaken for the one meant.
    let (code, _, err) = run(&env, &["search", "JHT", "--index", "index", "--city", "Semedan"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("did you mean Medan (in Sumatera Utara)?"), "{err}");
    // Every table warta keeps knows values no article here names: status 1 and a note each.
    for (flag, value) in [
        ("--source", "detik.com"),
        ("--source", "detikNews"),
        ("--official", "Anggoro"),
        ("--province", "Papua Barat Daya"),
        ("--program", "JKP"),
        ("--city", "Kupang"),
    ] {
        let (code, _, err) = run(&env, &["search", "*", "--index", "index", flag, value]);
        assert_eq!(code, Some(1), "{flag} {value}: {err}");
        let note = format!("note: no article in this index names the {} \"{value}\"; ", &flag[2..]);
        assert!(err.contains(&note), "{err}");
    }
    let (code, out, _) =
        run(&env, &["search", "*", "--index", "index", "--source", "detik.com", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!((code, v["total"].as_u64()), (Some(1), Some(0)));
    assert!(v["notes"][0].as_str().unwrap_or("").contains("names the source \"detik.com\""), "{v}");
    // A value of another filter names it; an unknown one, the command listing every value.
    for (flag, value, hint) in [
        ("--city", "Jakarta", "Jakarta is a province (Daerah Khusus Ibukota Jakarta): use"),
        ("--city", "DKI", "DKI is a province (Daerah Khusus Ibukota Jakarta): use --province DKI"),
        ("--province", "Surabaya", "Surabaya is a city in Jawa Timur: use --city Surabaya"),
        ("--source", "nosuch", "`warta facets --by source --top 1` lists every source value"),
    ] {
        let (code, _, err) = run(&env, &["search", "*", "--index", "index", flag, value]);
        assert_eq!(code, Some(2), "{flag} {value}");
        assert!(err.contains(&format!("unknown {}", &flag[2..])) && err.contains(hint), "{err}");
    }
}
