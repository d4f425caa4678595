//! Writes a large input for the memory benchmark (`benches/memory.sh`).
//!
//! ```text
//! cargo run --release --example gen_large -- SHAPE MEGABYTES > big.txt
//!   line      one line: the sample newsletter's sentences, no line break
//!   lines     the newsletter's lines, over and over (for --lines)
//!   nopunct   one line with no punctuation or space at all
//! ```

use std::io::{self, BufWriter, Write};

const SAMPLE: &str = include_str!("data/newsletter.txt");

fn main() -> io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let shape = args.first().map_or("line", String::as_str);
    let megabytes: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(30);
    let unit: String = match shape {
        "line" => SAMPLE.replace(['\n', '\r'], ""),
        "lines" => SAMPLE.to_owned(),
        "nopunct" => SAMPLE.chars().filter(|c| c.is_alphanumeric()).collect(),
        other => {
            eprintln!("gen_large: unknown shape {other:?} (line, lines, nopunct)");
            std::process::exit(2);
        }
    };
    let target = megabytes * 1_000_000;
    let mut out = BufWriter::new(io::stdout().lock());
    let mut written = 0;
    while written + unit.len() <= target {
        out.write_all(unit.as_bytes())?;
        written += unit.len();
    }
    if shape == "lines" {
        out.write_all(b"\n")?;
    }
    out.flush()
}
