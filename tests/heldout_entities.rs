//! Team-written entity sets that no rule or model was fitted to, three in
//! the style of the hardest held-out floor (newsletter pages) and
//! one in the styles of the others (news, web, Weibo, profiles), annotated to `../shared/docs/entities.md` by helper sessions that did
//! not read the recogniser's code, tests or corpora. (The five sets
//! written before them were read for errors and are now training data:
//! `data/team/`, whose README tells their history.)
//!
//! - `data/heldout_entities_newsletter3.jsonl`: 30 newsletter pages from
//!   about 25 provinces (625 names), 15 as PDF text with 38 names across a
//!   line break. First scored 0.821 / 0.777 by lines (the build of the
//!   morning: 0.815 / 0.775). The odd pages' errors were read on
//!   2026-12-04 afternoon (quoted honours, a street's party committee:
//!   odd 0.842 -> 0.855), the even ones that evening (tables, a category
//!   noun acting with a body: 0.851 / 0.795): it is no longer untouched.
//!   With the team's documents in training: 0.917 / 0.873 (13 files),
//!   0.928 / 0.891 (19 files), 0.931 / 0.890 (26 files).
//! - `data/heldout_entities_newsletter4.jsonl`: 30 more pages (531 names,
//!   50 across a line break), written on 2026-12-04 evening; only
//!   measured, never read for errors. First scored 0.818 / 0.757 by lines
//!   (the build of 88eeb91); 0.818 / 0.759 with the evening's rules; 0.902
//!   / 0.843 with the team's documents in training (`data/team/`, which
//!   holds neither set; 13 files), 0.912 / 0.858 with 19, 0.915 / 0.855
//!   with 26 (seven sets in other styles; `data/team-round4/` tells why
//!   six more newsletter-lifting sets stay out), 0.914 / 0.858 with the
//!   nationality call of 2026-12-05 (the 26 files relabelled, retrained),
//!   0.917 / 0.858 once a line's final break was trimmed as in training.
//! - `data/heldout_entities_media.jsonl`: 40 texts that are not
//!   newsletters (620 names), ten each of modern news, web news, Weibo
//!   posts and profiles, written on 2026-12-04 night to check that the
//!   team's training documents, mostly newsletters, do not fit the model
//!   to newsletters alone; only measured, never read for errors. First
//!   scored 0.825 (0.794 with the build of 88eeb91, before the team
//!   corpus); 0.849 / 0.850 with the third round of team documents
//!   (modern news, web, Weibo, profiles), which it was written beside
//!   by other helpers. One line per text: whole and by lines read nearly
//!   the same. On 2026-12-05 its three `中国国籍` places were removed
//!   with the nationality call (617 names; `data/team/README.md`); the
//!   build of then read 0.851 on the new gold, 0.853 once retrained.
//! - `data/heldout_entities_newsletter5.jsonl`: 30 newsletter pages from
//!   30 provinces and regions (589 names), 15 as PDF text with 69 names
//!   across a line break, written on 2026-12-05 after the nationality
//!   call; only measured. First scored 0.940 / 0.860 by lines, by the
//!   build then shipped and by the retrained one alike.
//!
//! Scored as `cargo run --release --example evaluate -- FILE [--lines |
//! --flatten]` scores them: each document whole, cut at every line break,
//! and with every line break turned into a space (a document put on one
//! line; 2026-12-05: 0.868 / 0.839 / 0.828 on the three newsletter sets
//! before the view read such spaces as the breaks they were, 0.925 /
//! 0.914 / 0.934 after). The floors are today's figures minus 0.01.

use zh_extract::Extractor;
use zh_extract::train::{self, Sentence};

/// (file, documents, floor whole, floor by lines, floor on one line).
const SETS: [(&str, &str, usize, f64, f64, f64); 4] = [
    (
        "newsletter3",
        include_str!("data/heldout_entities_newsletter3.jsonl"),
        30,
        0.919,
        0.880,
        0.914,
    ),
    (
        "newsletter4",
        include_str!("data/heldout_entities_newsletter4.jsonl"),
        30,
        0.904,
        0.848,
        0.904,
    ),
    (
        "media",
        include_str!("data/heldout_entities_media.jsonl"),
        40,
        0.843,
        0.845,
        0.847,
    ),
    (
        "newsletter5",
        include_str!("data/heldout_entities_newsletter5.jsonl"),
        30,
        0.930,
        0.850,
        0.924,
    ),
];

fn f1(extractor: &Extractor, documents: &[Sentence]) -> f64 {
    train::score_extractor(extractor, documents).overall().f1()
}

#[test]
fn team_written_sets_keep_their_floors() {
    let extractor = Extractor::new();
    let mut below = Vec::new();
    for (name, gold, n, floor, floor_lines, floor_flat) in SETS {
        let documents = train::read_documents(gold.as_bytes()).expect("gold set reads");
        assert_eq!(documents.len(), n, "{name}");
        let whole = f1(&extractor, &documents);
        let lines = f1(&extractor, &train::split_lines(&documents));
        let flat = f1(&extractor, &train::flatten_lines(&documents));
        eprintln!(
            "{name}: F1 {whole:.4} whole (floor {floor}), {lines:.4} by lines (floor {floor_lines}), \
             {flat:.4} on one line (floor {floor_flat})"
        );
        if whole < floor {
            below.push(format!("{name}: F1 {whole:.4} < {floor}"));
        }
        if lines < floor_lines {
            below.push(format!("{name} by lines: F1 {lines:.4} < {floor_lines}"));
        }
        if flat < floor_flat {
            below.push(format!("{name} on one line: F1 {flat:.4} < {floor_flat}"));
        }
    }
    assert!(below.is_empty(), "{}", below.join("\n"));
}

/// `documents` rewritten char by char: `shape` gives each char's
/// replacement from the char before it and itself; a char lands on the
/// last char of its replacement, and entity offsets move with it.
fn reshaped(documents: &[Sentence], shape: impl Fn(Option<char>, char) -> String) -> Vec<Sentence> {
    documents
        .iter()
        .map(|d| {
            let (mut text, mut at, mut n) = (String::new(), Vec::new(), 0);
            let mut previous = None;
            for c in d.text.chars() {
                let replacement = shape(previous, c);
                n += replacement.chars().count();
                at.push(n - 1);
                text.push_str(&replacement);
                previous = Some(c);
            }
            Sentence {
                text,
                entities: d
                    .entities
                    .iter()
                    .map(|&(kind, s, e)| (kind, at[s], at[e - 1] + 1))
                    .collect(),
            }
        })
        .collect()
}

/// Lines padded with a space (ASCII, full-width or no-break) before their
/// break, or ended by `\r\n`, read as the clean page: the break is still
/// seen as the wrap it is. (Before 2026-12-05 a trailing space hid every
/// wrap: the newsletter pages read 0.872 / 0.838 / 0.829 so.)
#[test]
fn line_ends_do_not_change_the_names() {
    let extractor = Extractor::new();
    for (name, gold, ..) in SETS {
        let documents = train::read_documents(gold.as_bytes()).expect("gold set reads");
        let whole = f1(&extractor, &documents);
        for ending in [" \n", "\r\n", "\u{3000}\r\n", "\u{A0}\n"] {
            let moved = reshaped(&documents, |_, c| match c {
                '\n' => ending.to_owned(),
                _ => c.to_string(),
            });
            for (d, m) in documents.iter().zip(&moved) {
                for (&(_, s, e), &(_, ms, me)) in d.entities.iter().zip(&m.entities) {
                    let text = |t: &str, a, b| t.chars().skip(a).take(b - a).collect::<String>();
                    let span = text(&d.text, s, e);
                    assert_eq!(text(&m.text, ms, me).replace(ending, "\n"), span);
                }
            }
            let f = f1(&extractor, &moved);
            eprintln!("{name}, lines ended by {ending:?}: F1 {f:.4} (clean {whole:.4})");
            assert!(
                (f - whole).abs() < 0.002,
                "{name} {ending:?}: {f:.4} against {whole:.4}"
            );
        }
    }
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// A space between every two Han characters, as some PDF converters give
/// text.
fn letter_space(previous: Option<char>, c: char) -> String {
    if is_han(c) && previous.is_some_and(is_han) {
        format!(" {c}")
    } else {
        c.to_string()
    }
}

/// A space between a Han character and a digit, either way round
/// (`约 4200 元`), as web and Markdown style guides space numbers.
fn space_numbers(previous: Option<char>, c: char) -> String {
    let Some(p) = previous else {
        return c.to_string();
    };
    if (is_han(p) && c.is_ascii_digit()) || (p.is_ascii_digit() && is_han(c)) {
        format!(" {c}")
    } else {
        c.to_string()
    }
}

/// Chinese punctuation written in ASCII (`，` as `,`), as some pipelines
/// normalise text.
fn ascii_punctuation(_: Option<char>, c: char) -> String {
    let ascii = match c {
        '，' => ',',
        '。' => '.',
        '；' => ';',
        '：' => ':',
        '（' => '(',
        '）' => ')',
        '！' => '!',
        '？' => '?',
        _ => c,
    };
    ascii.to_string()
}

/// Pages reshaped as pipelines and converters leave them, and the floors
/// each set keeps so (newsletter3, newsletter4, media, newsletter5:
/// 2026-12-05's figures minus 0.01).
/// - Letter-spaced: 0.921 / 0.908 / 0.856 / 0.934 against 0.929 / 0.917 /
///   0.853 / 0.940 clean; 0.006 / 0.017 / 0.022 / 0.009 before the view
///   read through such spaces.
/// - ASCII punctuation: 0.930 / 0.921 / 0.853 / 0.938; 0.931 / 0.911 /
///   0.852 / 0.931 before the view read it as Chinese.
/// - Numbers spaced from Han characters (`约 4200 元`): 0.929 / 0.919 /
///   0.855 / 0.940; 0.929 / 0.921 / 0.855 / 0.940 before the view read
///   such text as unspaced, which mostly mends amounts (their words of
///   approximation); the names read as on the clean pages.
type Shape = fn(Option<char>, char) -> String;

const SHAPES: [(&str, Shape, [f64; 4]); 3] = [
    ("letter-spaced", letter_space, [0.911, 0.898, 0.846, 0.924]),
    (
        "numbers spaced",
        space_numbers,
        [0.918, 0.908, 0.844, 0.929],
    ),
    (
        "ASCII punctuation",
        ascii_punctuation,
        [0.920, 0.911, 0.843, 0.928],
    ),
];

#[test]
fn reshaped_pages_keep_their_floors() {
    let extractor = Extractor::new();
    let mut below = Vec::new();
    for (shape_name, shape, floors) in SHAPES {
        for ((name, gold, ..), floor) in SETS.into_iter().zip(floors) {
            let documents = train::read_documents(gold.as_bytes()).expect("gold set reads");
            let f = f1(&extractor, &reshaped(&documents, shape));
            eprintln!("{name}, {shape_name}: F1 {f:.4} (floor {floor})");
            if f < floor {
                below.push(format!("{name}, {shape_name}: F1 {f:.4} < {floor}"));
            }
        }
    }
    assert!(below.is_empty(), "{}", below.join("\n"));
}

/// The pages in traditional characters (OpenCC's `s2t`, as Hong Kong,
/// Macao and Taiwan write), and the floors each set keeps so: on
/// 2026-12-05 0.928 / 0.909 / 0.856 / 0.939 (newsletter3, newsletter4,
/// media, newsletter5), minus 0.01; 0.877 / 0.827 / 0.788 / 0.879 while
/// the view folded only a hand-made list of 386 traditional chars.
#[test]
fn traditional_pages_keep_their_floors() {
    let extractor = Extractor::new();
    let mut below = Vec::new();
    for ((name, gold, ..), floor) in SETS.into_iter().zip([0.918, 0.899, 0.846, 0.929]) {
        let mut documents = train::read_documents(gold.as_bytes()).expect("gold set reads");
        for d in &mut documents {
            let traditional = hanconv::s2t(&d.text);
            // The gold is in char offsets: s2t writes one char for one.
            assert_eq!(
                traditional.chars().count(),
                d.text.chars().count(),
                "{name}"
            );
            assert_ne!(traditional, d.text, "{name}: s2t changed nothing");
            d.text = traditional;
        }
        let f = f1(&extractor, &documents);
        eprintln!("{name}, traditional: F1 {f:.4} (floor {floor})");
        if f < floor {
            below.push(format!("{name}, traditional: F1 {f:.4} < {floor}"));
        }
    }
    assert!(below.is_empty(), "{}", below.join("\n"));
}
