//! Start-up cost in a fresh process: `Jieba::new()` against
//! `Extractor::new()` (which parses the same dictionary and loads the entity
//! model). Each is built in a separate, fresh process, several times in
//! turn; medians are reported.
//!
//! ```text
//! cargo run --release --example startup            # 15 runs of each
//! cargo run --release --example startup -- 31      # 31 runs of each
//! ```
//!
//! A child (`startup --child jieba|extractor|none`) prints the build time in
//! nanoseconds and its peak resident memory (VmHWM) in KB.

use std::process::Command;
use std::time::{Duration, Instant};

use jieba_rs::Jieba;
use zh_extract::Extractor;

fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).map(str::to_owned))
        })
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn child(what: &str) {
    let t = Instant::now();
    match what {
        "jieba" => drop(std::hint::black_box(Jieba::new())),
        "extractor" => drop(std::hint::black_box(Extractor::new())),
        "none" => {}
        other => panic!("unknown child mode {other:?}"),
    }
    println!("{} {}", t.elapsed().as_nanos(), peak_rss_kb());
}

struct Run {
    build: Duration,
    process: Duration,
    rss_kb: u64,
}

fn spawn(what: &str) -> Run {
    let exe = std::env::current_exe().expect("own path");
    let t = Instant::now();
    let out = Command::new(exe)
        .args(["--child", what])
        .output()
        .expect("spawn child");
    let process = t.elapsed();
    assert!(out.status.success(), "child {what} failed");
    let text = String::from_utf8_lossy(&out.stdout);
    let mut parts = text.split_whitespace();
    let ns: u64 = parts.next().and_then(|s| s.parse().ok()).expect("ns");
    let rss_kb: u64 = parts.next().and_then(|s| s.parse().ok()).expect("rss");
    Run {
        build: Duration::from_nanos(ns),
        process,
        rss_kb,
    }
}

fn median<T: Ord + Copy>(mut v: Vec<T>) -> T {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--child") {
        child(args.get(1).map(String::as_str).unwrap_or("none"));
        return;
    }
    let runs: usize = args.first().and_then(|s| s.parse().ok()).unwrap_or(15);
    let modes = ["none", "jieba", "extractor"];
    let mut results: Vec<Vec<Run>> = modes.iter().map(|_| Vec::new()).collect();
    // Interleaved, so a burst of load from elsewhere hits every mode alike.
    for _ in 0..runs {
        for (m, what) in modes.iter().enumerate() {
            results[m].push(spawn(what));
        }
    }
    println!("fresh-process start-up, {runs} runs each, medians:");
    println!(
        "{:<10} {:>12} {:>14} {:>12}",
        "build", "in-process", "whole process", "peak RSS"
    );
    let mut medians = Vec::new();
    for (what, runs) in modes.iter().zip(&results) {
        let build = median(runs.iter().map(|r| r.build).collect());
        let process = median(runs.iter().map(|r| r.process).collect());
        let rss = median(runs.iter().map(|r| r.rss_kb).collect());
        println!(
            "{:<10} {:>9.1} ms {:>11.1} ms {:>9.1} MB",
            what,
            build.as_secs_f64() * 1e3,
            process.as_secs_f64() * 1e3,
            rss as f64 / 1024.0
        );
        medians.push((build, process));
    }
    let (jb, jp) = medians[1];
    let (eb, ep) = medians[2];
    println!(
        "Extractor::new() / Jieba::new(): {:.2}x in-process, {:.2}x whole process",
        eb.as_secs_f64() / jb.as_secs_f64(),
        ep.as_secs_f64() / jp.as_secs_f64()
    );
    // Ratio per round (each round runs both back to back): less noisy.
    let per_round = median(
        results[1]
            .iter()
            .zip(&results[2])
            .map(|(j, e)| (e.build.as_secs_f64() / j.build.as_secs_f64() * 1000.0) as u64)
            .collect(),
    );
    println!(
        "median of per-round ratios (in-process): {:.2}x",
        per_round as f64 / 1000.0
    );
}
