//! Throughput as a fraction of jieba-rs's, measured round by round:
//!
//! ```text
//! cargo run --release --example ratio [ROUNDS]
//! ```
//!
//! Each round times jieba-rs `cut(hmm)` and `tag(hmm)` and each of our
//! workloads (quantities only, entities only, full `extract`) once over the
//! benchmark documents (`benches/common`), back to back; a round's ratio is
//! jieba's time over ours. The report is the median of those ratios. On a
//! shared machine whose speed drifts by tens of percent from one second to
//! the next, this is steadier than comparing criterion's medians, which
//! are taken minutes apart.

#[path = "../benches/common/mod.rs"]
mod common;

use std::hint::black_box;
use std::time::Instant;

use jieba_rs::Jieba;
use zh_extract::Extractor;

fn time(work: &mut dyn FnMut() -> usize) -> f64 {
    let t = Instant::now();
    black_box(work());
    t.elapsed().as_secs_f64()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|r| r.parse().ok())
        .unwrap_or(15)
        .max(1);
    let corpus = common::corpus();
    let docs = common::news_documents(&corpus);
    let jieba = Jieba::new();
    let extractors = [
        ("quantities", Extractor::builder().entity_kinds([]).build()),
        ("entities", Extractor::builder().quantity_kinds([]).build()),
        ("extract", Extractor::builder().build()),
    ]
    .map(|(name, e)| (name, e.expect("embedded defaults")));
    let run = |e: &Extractor| {
        docs.iter()
            .map(|d| {
                let f = e.extract(d);
                f.quantities.len() + f.entities.len()
            })
            .sum::<usize>()
    };
    // Warm up: lazy models, allocator, caches.
    for (_, e) in &extractors {
        black_box(run(e));
    }
    let mut cut_times = Vec::new();
    let mut tag_times = Vec::new();
    let mut ours: Vec<(Vec<f64>, Vec<f64>, Vec<f64>)> = vec![Default::default(); 3];
    for _ in 0..rounds {
        let cut = time(&mut || docs.iter().map(|d| jieba.cut(d, true).len()).sum());
        let tag = time(&mut || docs.iter().map(|d| jieba.tag(d, true).len()).sum());
        cut_times.push(cut);
        tag_times.push(tag);
        for ((_, e), (times, vs_tag, vs_cut)) in extractors.iter().zip(&mut ours) {
            let t = time(&mut || run(e));
            times.push(t);
            vs_tag.push(tag / t);
            vs_cut.push(cut / t);
        }
    }
    println!(
        "{} documents, {} bytes, {rounds} rounds; medians",
        docs.len(),
        corpus.bytes()
    );
    println!(
        "{:<12} {:>10} {:>12} {:>12}",
        "workload", "time", "vs tag(hmm)", "vs cut(hmm)"
    );
    println!(
        "{:<12} {:>7.1} ms {:>12} {:>12}",
        "jieba cut",
        median(cut_times) * 1e3,
        "",
        "1.00"
    );
    println!(
        "{:<12} {:>7.1} ms {:>12} {:>12}",
        "jieba tag",
        median(tag_times) * 1e3,
        "1.00",
        ""
    );
    for ((name, _), (times, vs_tag, vs_cut)) in extractors.iter().zip(ours) {
        println!(
            "{name:<12} {:>7.1} ms {:>12.3} {:>12.3}",
            median(times) * 1e3,
            median(vs_tag),
            median(vs_cut)
        );
    }
}
