//! A harness for instruction-count profiles: builds everything and warms it
//! up (jieba loads its part-of-speech model lazily, on the first unknown
//! word), then runs one workload over the benchmark documents (see
//! `benches/common/mod.rs`) inside `measured`, so callgrind can count that
//! alone:
//!
//! ```text
//! cargo build --release --example profile
//! valgrind --tool=callgrind --collect-atstart=no --toggle-collect='profile::measured' \
//!     target/release/examples/profile extract
//! ```
//!
//! Workloads: `jieba_cut`, `jieba_tag`, `tokenize`, `quantities`, `entities`,
//! `extract` (default), `whole_document`. Without valgrind it prints the time
//! taken, for a quick look.

#[path = "../benches/common/mod.rs"]
mod common;

use std::hint::black_box;
use std::time::Instant;

use jieba_rs::Jieba;
use zh_extract::Extractor;

#[inline(never)]
fn measured(work: &mut dyn FnMut() -> usize) -> usize {
    work()
}

fn main() {
    let mode = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "extract".to_owned());
    let corpus = common::corpus();
    let docs = common::news_documents(&corpus);
    let bytes = corpus.bytes();
    let jieba = Jieba::new();
    let extractor = match mode.as_str() {
        "quantities" | "tokenize" => Extractor::builder().entity_kinds([]).build(),
        "entities" => Extractor::builder().quantity_kinds([]).build(),
        _ => Extractor::builder().build(),
    }
    .expect("embedded defaults");
    // Warm up: lazy models, allocator.
    let warm = "宁波港集团有限公司设立200万元帮扶资金，粟光前当机立断。";
    black_box(jieba.tag(warm, true));
    black_box(extractor.extract(warm));
    let whole = docs.concat();
    let mut work: Box<dyn FnMut() -> usize> = match mode.as_str() {
        "jieba_cut" => Box::new(|| docs.iter().map(|d| jieba.cut(d, true).len()).sum()),
        "jieba_tag" => Box::new(|| docs.iter().map(|d| jieba.tag(d, true).len()).sum()),
        "tokenize" => Box::new(|| docs.iter().map(|d| extractor.tokenize(d).len()).sum()),
        "quantities" | "entities" | "extract" => Box::new(|| {
            docs.iter()
                .map(|d| {
                    let f = extractor.extract(d);
                    f.quantities.len() + f.entities.len()
                })
                .sum()
        }),
        "whole_document" => Box::new(|| {
            let f = extractor.extract(&whole);
            f.quantities.len() + f.entities.len()
        }),
        other => panic!("unknown workload {other:?}"),
    };
    let t = Instant::now();
    let n = measured(&mut *work);
    let elapsed = t.elapsed();
    println!(
        "{mode}: {n} items, {bytes} bytes, {:.1} ms, {:.2} MB/s",
        elapsed.as_secs_f64() * 1e3,
        bytes as f64 / elapsed.as_secs_f64() / 1e6
    );
}
