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
//! taken, for a quick look; `profile WORKLOAD N` runs it N times and reports
//! the fastest and the median.

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
    // An optional second argument repeats the workload and reports the
    // fastest and the median run (for quick A/B runs on a noisy machine).
    let rounds: usize = std::env::args()
        .nth(2)
        .and_then(|r| r.parse().ok())
        .unwrap_or(1);
    let mut times = Vec::with_capacity(rounds);
    let mut n = 0;
    for _ in 0..rounds.max(1) {
        let t = Instant::now();
        n = measured(&mut *work);
        times.push(t.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let (fastest, median) = (times[0], times[times.len() / 2]);
    println!(
        "{mode}: {n} items, {bytes} bytes, {:.1} ms (median {:.1} ms of {}), {:.2} MB/s",
        fastest * 1e3,
        median * 1e3,
        times.len(),
        bytes as f64 / fastest / 1e6
    );
}
