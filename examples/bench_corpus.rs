//! Prints the benchmark corpus (see `benches/common/mod.rs`) as `--lines`
//! input: `N` sentences per line (default 5), repeated until at least
//! `BYTES` bytes are printed (default: the corpus once).
//!
//! ```text
//! cargo run --release --example bench_corpus -- 5 4000000 > input.txt
//! ```

#[path = "../benches/common/mod.rs"]
mod common;

use std::io::{self, BufWriter, Write};

fn main() -> io::Result<()> {
    let mut args = std::env::args().skip(1);
    let per_line: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(5).max(1);
    let min_bytes: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(0);
    let corpus = common::corpus();
    let lines: Vec<String> = corpus
        .sentences
        .chunks(per_line)
        .map(|c| c.concat().replace(['\n', '\r'], " "))
        .collect();
    let mut out = BufWriter::new(io::stdout().lock());
    let mut written = 0usize;
    loop {
        for line in &lines {
            out.write_all(line.as_bytes())?;
            out.write_all(b"\n")?;
            written += line.len() + 1;
        }
        if written >= min_bytes {
            break;
        }
    }
    out.flush()
}
