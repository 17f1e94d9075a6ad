//! Any text through both analysis views: offsets lie inside the text on
//! character boundaries and positions never go backwards. (Idempotent
//! stemming is a proptest property in `src/analysis/stem/`.)
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use warta::analysis::{AnalysisConfig, View};

static CONFIG: LazyLock<AnalysisConfig> = LazyLock::new(AnalysisConfig::default);

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for view in View::ALL {
        let tokens = CONFIG.analyze(view, text);
        let mut last = 0;
        for t in &tokens {
            assert!(t.start <= t.end && t.end <= text.len());
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            assert!(t.position >= last);
            last = t.position;
        }
    }
});
