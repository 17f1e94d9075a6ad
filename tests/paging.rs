//! Paging through a search in text: each page's footer says what the next
//! `--offset` lists, the counted articles first, then those with only some of
//! the words.

use crate::util::{TestEnv, text};

/// Two articles with both words of `klaim nelayan`, three with one.
fn env() -> TestEnv {
    let env = TestEnv::new();
    let both = "Klaim JKM Nelayan di Ambon\n\nAmbon - Ahli waris nelayan mengajukan klaim JKM.\n";
    let some = "Nelayan Ambon Terdaftar\n\nAmbon - Nelayan di pesisir Ambon terdaftar sebagai peserta BPU.\n";
    for (i, page) in [both, both, some, some, some].iter().enumerate() {
        env.write(&format!("corpus/a{i}.txt"), page.replace("Ambon", &format!("Ambon {i}")));
    }
    let out = env.warta(&["index", "corpus", "--index", "index", "-q"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    env
}

fn footer(env: &TestEnv, offset: &str) -> String {
    let out = env.warta(&["search", "klaim nelayan", "--limit", "2", "--offset", offset]);
    let shown = text(&out.stdout);
    shown.lines().filter(|l| l.starts_with("… and")).collect::<Vec<_>>().join("\n")
}

#[test]
fn each_page_says_how_many_more_and_the_next_offset() {
    let env = env();
    // Page 1 holds both counted articles and says the others follow.
    assert_eq!(footer(&env, "0"), "… and 3 more with only some of the words: --offset 2");
    // Page 2 lists two of the three with only some of the words and says so of the third.
    assert_eq!(footer(&env, "2"), "… and 1 more with only some of the words: --offset 4");
    assert_eq!(footer(&env, "4"), "");
    let env_one = env;
    let out = env_one.warta(&["search", "klaim nelayan", "--limit", "1"]);
    assert!(text(&out.stdout).contains("… and 1 more: --offset 1"), "{}", text(&out.stdout));
}
