//! Scores the quantity extractor against a gold JSON Lines file.
//!
//! ```text
//! cargo run --release --example score_quantities -- tests/data/heldout_quantities.jsonl
//! ```
//!
//! Each gold line: `{"text": ..., "quantities": [{"kind", "text", "value",
//! "unit", "approx", "min", "max", "per", "object"}]}`. Prints span
//! precision/recall/F1 on (kind, text), the accuracy of every field on the
//! matched spans, and every mismatch with its document.

use std::process::ExitCode;

#[path = "../tests/common/heldout_score.rs"]
mod heldout_score;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: score_quantities GOLD.jsonl");
        return ExitCode::from(2);
    };
    let gold = match std::fs::read_to_string(&path) {
        Ok(gold) => gold,
        Err(e) => {
            eprintln!("score_quantities: {path}: {e}");
            return ExitCode::from(2);
        }
    };
    match heldout_score::score(&gold) {
        Ok(score) => {
            println!("{}", score.summary());
            println!("\nmismatches ({} documents):", score.mismatches.len());
            for m in &score.mismatches {
                println!("{m}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("score_quantities: {e}");
            ExitCode::from(2)
        }
    }
}
