//! Throughput of zh-extract beside jieba-rs on the same news documents in the
//! same run (`cargo bench --bench throughput`). Quote ratios, not absolute
//! figures: the machine is shared and noisy.
//!
//! Groups: `segmentation` (our tokenizer), `quantities` (entities off),
//! `entities` (quantities off), `extract` (everything), `whole_document`
//! (the corpus as one document); each also runs jieba-rs `cut(text, true)`
//! and `tag(text, true)` over the same documents. `startup` times
//! `Jieba::new()` beside `Extractor::new()`, which is cheap after the first
//! build in a process (dictionary and model are cached in statics): for
//! fresh-process start-up run `examples/startup.rs`.

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkGroup, Criterion, SamplingMode, Throughput, measurement::WallTime};
use jieba_rs::Jieba;
use zh_extract::Extractor;

fn configure(group: &mut BenchmarkGroup<'_, WallTime>, bytes: usize) {
    group
        .throughput(Throughput::Bytes(bytes as u64))
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
}

/// jieba-rs `cut` and `tag` (HMM on) over the same documents, in `group`.
fn jieba_baselines(group: &mut BenchmarkGroup<'_, WallTime>, jieba: &Jieba, docs: &[String]) {
    group.bench_function("jieba_cut_hmm", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for d in docs {
                n += jieba.cut(black_box(d), true).len();
            }
            n
        })
    });
    group.bench_function("jieba_tag_hmm", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for d in docs {
                n += jieba.tag(black_box(d), true).len();
            }
            n
        })
    });
}

fn throughput(c: &mut Criterion) {
    let corpus = common::corpus();
    let docs = common::news_documents(&corpus);
    let bytes = corpus.bytes();
    eprintln!(
        "bench corpus: {} documents of 10-20 sentences, {:.0} bytes on average",
        docs.len(),
        bytes as f64 / docs.len() as f64
    );
    let jieba = Jieba::new();
    let full = Extractor::new();
    let quantities_only = Extractor::builder().entity_kinds([]).build().unwrap();
    let entities_only = Extractor::builder().quantity_kinds([]).build().unwrap();

    let mut group = c.benchmark_group("segmentation");
    configure(&mut group, bytes);
    group.bench_function("zh_extract_tokenize", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for d in &docs {
                n += quantities_only.tokenize(black_box(d)).len();
            }
            n
        })
    });
    jieba_baselines(&mut group, &jieba, &docs);
    group.finish();

    for (name, extractor) in [
        ("quantities", &quantities_only),
        ("entities", &entities_only),
        ("extract", &full),
    ] {
        let mut group = c.benchmark_group(name);
        configure(&mut group, bytes);
        group.bench_function(format!("zh_extract_{name}"), |b| {
            b.iter(|| {
                let mut n = 0usize;
                for d in &docs {
                    let found = extractor.extract(black_box(d));
                    n += found.quantities.len() + found.entities.len();
                }
                n
            })
        });
        jieba_baselines(&mut group, &jieba, &docs);
        group.finish();
    }

    // The whole corpus as one document: the piece-cutting path.
    let whole = vec![docs.concat()];
    let mut group = c.benchmark_group("whole_document");
    configure(&mut group, bytes);
    group.bench_function("zh_extract_extract", |b| {
        b.iter(|| {
            let found = full.extract(black_box(&whole[0]));
            found.quantities.len() + found.entities.len()
        })
    });
    jieba_baselines(&mut group, &jieba, &whole);
    group.finish();
}

fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("startup");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    group.bench_function("jieba_new", |b| b.iter(Jieba::new));
    // After the first build the dictionary and model come from statics:
    // this is the cost of each further extractor in a process.
    let _first = Extractor::new();
    group.bench_function("extractor_new_cached", |b| b.iter(Extractor::new));
    // A user word forces a private copy of the dictionary.
    group.bench_function("extractor_with_user_word", |b| {
        b.iter(|| {
            Extractor::builder()
                .user_word("宁波港", Some(1000), Some("nt"))
                .build()
                .unwrap()
        })
    });
    group.finish();
}

criterion::criterion_group!(benches, throughput, startup);
criterion::criterion_main!(benches);
