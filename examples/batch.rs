//! Scaling of `Extractor::extract_batch` on 1,000+ documents: one rayon
//! thread against two (or `-- N` threads), the same shared `Extractor`.
//!
//! ```text
//! cargo run --release --example batch            # 1 vs 2 threads
//! cargo run --release --example batch -- 4       # 1 vs 4 threads
//! ```
//!
//! Documents are 1 to 5 sentences of the benchmark corpus (see
//! `benches/common/mod.rs`). Rounds alternate 1 thread and N threads; the
//! report gives the median and the best time of each and their ratios.
//! Wall time on a shared machine is noisy: the best times say what the code
//! can do, the medians what it did.

#[path = "../benches/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use zh_extract::Extractor;

const MIN_DOCUMENTS: usize = 1000;
const ROUNDS: usize = 15;

fn time_batch(extractor: &Extractor, docs: &[String], threads: usize) -> (Duration, usize) {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("thread pool");
    pool.install(|| {
        let t = Instant::now();
        let found = extractor.extract_batch(docs);
        let elapsed = t.elapsed();
        let n = found
            .iter()
            .map(|f| f.quantities.len() + f.entities.len())
            .sum();
        (elapsed, n)
    })
}

fn main() {
    let threads: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(2);
    let corpus = common::corpus();
    let mut docs = common::documents(&corpus.sentences, 1, 5);
    while docs.len() < MIN_DOCUMENTS {
        let again = docs.clone();
        docs.extend(again);
    }
    let bytes: usize = docs.iter().map(String::len).sum();
    println!(
        "{} documents, {} bytes; {} rounds of 1 thread vs {threads} threads",
        docs.len(),
        bytes,
        ROUNDS
    );
    let extractor = Extractor::new();
    // Warm up: page in the dictionary and model, grow the allocator.
    let (_, records) = time_batch(&extractor, &docs, threads);
    let mut one = Vec::new();
    let mut many = Vec::new();
    for _ in 0..ROUNDS {
        let (t1, n1) = time_batch(&extractor, &docs, 1);
        let (tn, nn) = time_batch(&extractor, &docs, threads);
        assert_eq!(n1, records);
        assert_eq!(nn, records);
        one.push(t1);
        many.push(tn);
    }
    one.sort();
    many.sort();
    let mb = |d: Duration| bytes as f64 / d.as_secs_f64() / 1e6;
    let (m1, mn) = (one[ROUNDS / 2], many[ROUNDS / 2]);
    let (b1, bn) = (one[0], many[0]);
    println!(
        "1 thread:  median {:7.1} ms ({:.2} MB/s), best {:7.1} ms",
        m1.as_secs_f64() * 1e3,
        mb(m1),
        b1.as_secs_f64() * 1e3
    );
    println!(
        "{threads} threads: median {:7.1} ms ({:.2} MB/s), best {:7.1} ms",
        mn.as_secs_f64() * 1e3,
        mb(mn),
        bn.as_secs_f64() * 1e3
    );
    println!(
        "scaling {threads} threads / 1: {:.2}x (medians), {:.2}x (best times)",
        m1.as_secs_f64() / mn.as_secs_f64(),
        b1.as_secs_f64() / bn.as_secs_f64()
    );
}
