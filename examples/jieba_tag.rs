//! The baseline of the whole-process comparison (`benches/compare.sh`): a
//! minimal jieba-rs tagging program. Each line of standard input is tagged
//! with the HMM on and printed as `word/tag` pairs.
//!
//! ```text
//! cargo run --release --example jieba_tag < input.txt
//! ```

use std::io::{self, BufRead, BufWriter, Write};

use jieba_rs::Jieba;

fn main() -> io::Result<()> {
    let jieba = Jieba::new();
    let mut out = BufWriter::new(io::stdout().lock());
    let mut line = String::new();
    let mut input = io::stdin().lock();
    loop {
        line.clear();
        if input.read_line(&mut line)? == 0 {
            break;
        }
        let text = line.trim_end_matches(['\n', '\r']);
        for (i, t) in jieba.tag(text, true).iter().enumerate() {
            if i > 0 {
                out.write_all(b" ")?;
            }
            write!(out, "{}/{}", t.word, t.tag)?;
        }
        out.write_all(b"\n")?;
    }
    out.flush()
}
