//! Prints the segmentation of each line of standard input: `word/tag` pairs.
//!
//! ```text
//! echo 共有200万元 | cargo run --release --example tokenize
//! ```

use std::io::{self, BufRead};

use zh_extract::Extractor;

fn main() -> io::Result<()> {
    let extractor = Extractor::builder()
        .entity_kinds([])
        .build()
        .expect("embedded defaults");
    for line in io::stdin().lock().lines() {
        let line = line?;
        let words: Vec<String> = extractor
            .tokenize(&line)
            .iter()
            .map(|t| format!("{}/{}", t.text, t.tag))
            .collect();
        println!("{}", words.join(" "));
    }
    Ok(())
}
