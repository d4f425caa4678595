//! Team-written entity sets in the styles the held-out floors
//! name, annotated to `../shared/docs/entities.md` by four helper
//! sessions that did not read the recogniser's code, tests or corpora:
//!
//! - `data/heldout_entities_newsletter.jsonl`: 45 union, company,
//!   hospital, school and community newsletter pages (490 names), ten of
//!   them PDF text with wraps inside names, page furniture and numbered
//!   headings. First scored at 0.823 (whole documents) and 0.797
//!   (`--lines`); its errors then led to the convention rules of
//!   2026-12-04 afternoon (streets, units before posts, joining verbs,
//!   quoted honours, familiar names, headings: 0.900 / 0.864), so it is
//!   no longer held out. The five-model ensemble shipped after them read
//!   it at 0.888 / 0.854; quoted aliases then brought it to 0.899 / 0.863,
//!   the 300,000-feature ensemble to 0.907 / 0.875.
//! - `data/heldout_entities_news.jsonl`: 60 modern news, web and Weibo
//!   texts (448 names). Only measured: 0.761 at first, 0.777 after those
//!   rules, 0.796 with the ensemble model, 0.798 with the later rules,
//!   0.797 with the 300,000-feature ensemble; never looked at for errors
//!   until the last rule (places cut back to their names: 0.809), whose
//!   changes on it were looked at.
//! - `data/heldout_entities_newsletter2.jsonl`: 40 more newsletter pages,
//!   set outside Zhejiang (492 names), written after those rules. First
//!   scored 0.882 whole and 0.846 by lines; the errors of its odd-numbered
//!   documents were then read (0.902 -> 0.924: quoted aliases, units after
//!   a branch, departments as category nouns), the even-numbered ones
//!   never (0.863, unchanged). The 300,000-feature ensemble: 0.901 / 0.858.
//! - `data/heldout_entities_news2.jsonl`: 60 more modern news texts, ten
//!   of them Weibo or web posts (406 names; rare surnames, foreign names,
//!   short forms, aliases, hard negatives), written 2026-12-04 after all
//!   of the above. First scored 0.842 with the 200,000-feature ensemble,
//!   0.845 with the 300,000-feature one (one line per text: whole and by
//!   lines are the same). The errors of its odd-numbered texts were then
//!   read (a place before `人民政府` is that body: 0.847; organizations
//!   cut back to their names: 0.850); the even ones never.
//!
//! On 2026-12-04 afternoon the person errors of all four sets were read
//! (whole documents), and newsletter2's errors by lines: the rules for
//! surnames after roles, familiar names before a verb, lists, bodies'
//! ends and suffixes cut by a line came from them and from PD's dev
//! lists (newsletter 0.923 / 0.896, news 0.815, newsletter2 0.914 /
//! 0.881, news2 0.853). None of the four is held out any more.
//! - `data/heldout_entities_mixed.jsonl`: 70 texts written that afternoon
//!   by another helper from entities.md alone (821 names): 20 in the style
//!   of People's Daily 1998-2005 (committee lists, short forms), 20
//!   newsletters (ten as PDF text, 12 names across a line break), 10
//!   listed-company biographies, 20 web news and Weibo posts. First
//!   scored 0.846 / 0.840 by lines (the build of the morning: 0.845 /
//!   0.838); the errors of its odd-numbered texts were then read
//!   (branches, compound surnames, events, division short forms, managers'
//!   posts: odd 0.852 -> 0.871), the even ones never (0.840 -> 0.840).
//!   Then its even newsletters' errors were read too, when the next set
//!   came to replace it as the untouched one (0.866 / 0.857 now).
//! - `data/heldout_entities_newsletter3.jsonl`: 30 newsletter pages from
//!   about 25 provinces (625 names), 15 as PDF text with 38 names across a
//!   line break, written last by a helper from entities.md alone. First
//!   scored 0.821 / 0.777 by lines (the build of the morning: 0.815 /
//!   0.775). The odd pages' errors were read (quoted honours, a street's
//!   party committee: odd 0.842 -> 0.855); the even ones never (0.797,
//!   unchanged).
//!
//! Scored as `cargo run --release --example evaluate -- FILE [--lines]`
//! scores them: each document whole, and cut at every line break. The
//! floors are today's figures minus 0.01.

use zh_extract::Extractor;
use zh_extract::train::{self, Sentence};

/// (file, documents, floor whole, floor by lines).
const SETS: [(&str, &str, usize, f64, f64); 6] = [
    (
        "newsletter",
        include_str!("data/heldout_entities_newsletter.jsonl"),
        45,
        0.913,
        0.886,
    ),
    (
        "news",
        include_str!("data/heldout_entities_news.jsonl"),
        60,
        0.805,
        0.805,
    ),
    (
        "newsletter2",
        include_str!("data/heldout_entities_newsletter2.jsonl"),
        40,
        0.904,
        0.871,
    ),
    (
        "news2",
        include_str!("data/heldout_entities_news2.jsonl"),
        60,
        0.843,
        0.843,
    ),
    (
        "mixed",
        include_str!("data/heldout_entities_mixed.jsonl"),
        70,
        0.856,
        0.847,
    ),
    (
        "newsletter3",
        include_str!("data/heldout_entities_newsletter3.jsonl"),
        30,
        0.817,
        0.773,
    ),
];

fn f1(extractor: &Extractor, documents: &[Sentence]) -> f64 {
    train::score_extractor(extractor, documents).overall().f1()
}

#[test]
fn team_written_sets_keep_their_floors() {
    let extractor = Extractor::new();
    let mut below = Vec::new();
    for (name, gold, n, floor, floor_lines) in SETS {
        let documents = train::read_documents(gold.as_bytes()).expect("gold set reads");
        assert_eq!(documents.len(), n, "{name}");
        let whole = f1(&extractor, &documents);
        let lines = f1(&extractor, &train::split_lines(&documents));
        eprintln!(
            "{name}: F1 {whole:.4} whole (floor {floor}), {lines:.4} by lines (floor {floor_lines})"
        );
        if whole < floor {
            below.push(format!("{name}: F1 {whole:.4} < {floor}"));
        }
        if lines < floor_lines {
            below.push(format!("{name} by lines: F1 {lines:.4} < {floor_lines}"));
        }
    }
    assert!(below.is_empty(), "{}", below.join("\n"));
}
