//! Whole-document consistency: a name recognised at one mention is
//! recognised at its other mentions too, and an alias introduced as
//! `（以下简称华力）` names the same entity later on.

use std::collections::BTreeMap;

use aho_corasick::{AhoCorasick, MatchKind};

use super::{EntityModel, convention};
use crate::record::{Entity, EntityKind, Span};
use crate::segment::{self, Segmenter, Word};

/// Names shorter than this (in chars) are not propagated.
const MIN_CHARS: usize = 2;
/// Nor longer than this.
const MAX_CHARS: usize = 40;

fn kind_index(k: EntityKind) -> usize {
    match k {
        EntityKind::Person => 0,
        EntityKind::Place => 1,
        _ => 2,
    }
}

const KINDS: [EntityKind; 3] = [
    EntityKind::Person,
    EntityKind::Place,
    EntityKind::Organization,
];

/// Adds the other mentions of names and aliases; keeps `entities` sorted
/// and free of overlaps.
pub(crate) fn pass<'a>(
    _model: &EntityModel,
    segmenter: &Segmenter,
    text: &'a str,
    entities: &mut Vec<Entity<'a>>,
) {
    if entities.is_empty() {
        return;
    }
    entities.sort_by_key(|e| (e.span.start, e.span.end));
    // An alias introduced in the text names its entity's kind wherever the
    // tagger found it.
    let aliases = aliases(text, entities);
    // The text says what the alias is: a shorter name the tagger read
    // inside one of its mentions (`华锐` in `华锐传动`) gives way to it.
    if !aliases.is_empty() {
        let mut spans: Vec<(usize, usize)> = aliases
            .iter()
            .flat_map(|(a, _)| text.match_indices(a).map(|(s, a)| (s, s + a.len())))
            .collect();
        spans.sort_unstable();
        // The farthest end of the mentions so far.
        let reach: Vec<usize> = spans
            .iter()
            .scan(0, |m, &(_, me)| {
                *m = (*m).max(me);
                Some(*m)
            })
            .collect();
        entities.retain(|x| {
            let (s, e) = (x.span.start, x.span.end);
            // A mention that begins before the entity and reaches its
            // end, or begins with it and goes further, holds it.
            let before = spans.partition_point(|m| m.0 < s);
            let upto = spans.partition_point(|m| m.0 <= s);
            let outer = before > 0 && reach[before - 1] >= e;
            let longer = upto > before && spans[upto - 1].1 > e;
            !(outer || longer)
        });
    }
    for e in entities.iter_mut() {
        if let Some(&(_, kind)) = aliases.iter().find(|a| a.0 == e.text) {
            e.kind = kind;
        }
    }
    // How often each name was tagged as each kind.
    let mut names: BTreeMap<&'a str, [u32; 3]> = BTreeMap::new();
    for e in entities.iter() {
        let n = e.text.chars().count();
        if (MIN_CHARS..=MAX_CHARS).contains(&n) && !e.text.chars().any(char::is_whitespace) {
            names.entry(e.text).or_default()[kind_index(e.kind)] += 1;
        }
    }
    for (alias, kind) in aliases {
        names.entry(alias).or_default()[kind_index(kind)] += 1;
    }
    // Only names always tagged as the same kind.
    let mut patterns: Vec<&str> = Vec::new();
    let mut kinds: Vec<EntityKind> = Vec::new();
    for (name, counts) in &names {
        let nonzero: Vec<usize> = (0..3).filter(|&k| counts[k] > 0).collect();
        if nonzero.len() == 1 {
            patterns.push(name);
            kinds.push(KINDS[nonzero[0]]);
        }
    }
    if patterns.is_empty() {
        return;
    }
    let mut added = Vec::new();
    let mut words = Vec::new();
    let mut cursor = (0usize, 0usize); // (byte, char)
    let mut next_entity = 0usize;
    for (s, e, pattern) in mentions(text, &patterns) {
        while next_entity < entities.len() && entities[next_entity].span.end <= s {
            next_entity += 1;
        }
        if next_entity < entities.len() && entities[next_entity].span.start < e {
            continue; // overlaps a found entity (or is one)
        }
        if !boundary_ok(text, s, e) || cuts_a_word(segmenter, text, s, e, &mut words) {
            continue;
        }
        // As the tagger's own spans: no place or body inside a quoted
        // honour (`“上海市优秀志愿服务团队”`).
        if kinds[pattern] != EntityKind::Person && in_quoted_honour_at(text, s, e) {
            continue;
        }
        if kinds[pattern] == EntityKind::Place
            && convention::begins_nationality_field(text[e..].chars())
        {
            continue;
        }
        let char_start = cursor.1 + text[cursor.0..s].chars().count();
        let char_end = char_start + text[s..e].chars().count();
        cursor = (s, char_start);
        added.push(Entity {
            kind: kinds[pattern],
            text: &text[s..e],
            span: Span {
                start: s,
                end: e,
                char_start,
                char_end,
            },
        });
    }
    if added.is_empty() {
        return;
    }
    entities.extend(added);
    entities.sort_by_key(|e| (e.span.start, e.span.end));
}

/// Whether the bytes `s..e` of `text` lie inside a quoted honour
/// ([`convention::in_quoted_honour`], on the chars around them).
fn in_quoted_honour_at(text: &str, s: usize, e: usize) -> bool {
    const REACH: usize = 24;
    let mut window: Vec<char> = text[..s].chars().rev().take(REACH).collect();
    window.reverse();
    let start = window.len();
    window.extend(text[s..e].chars());
    let end = window.len();
    window.extend(text[e..].chars().take(REACH));
    convention::in_quoted_honour(&window, start, end)
}

/// Below this many names, or in a text shorter than [`SHORT_TEXT`] bytes,
/// searching for each name is cheaper than building an automaton (on the
/// benchmark's 2 KB news articles, half the instructions of the pass).
const FEW_NAMES: usize = 12;
const SHORT_TEXT: usize = 8 * 1024;

/// The non-overlapping mentions of `patterns` in `text`, leftmost first and
/// then longest, as `(start, end, pattern index)`.
fn mentions(text: &str, patterns: &[&str]) -> Vec<(usize, usize, usize)> {
    if patterns.len() >= FEW_NAMES && text.len() >= SHORT_TEXT {
        by_automaton(text, patterns)
    } else {
        by_search(text, patterns)
    }
}

fn by_automaton(text: &str, patterns: &[&str]) -> Vec<(usize, usize, usize)> {
    let Ok(ac) = AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::NoncontiguousNFA))
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns)
    else {
        return Vec::new();
    };
    ac.find_iter(text)
        .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
        .collect()
}

/// Every occurrence of every name, then the choice the automaton makes:
/// leftmost, then longest, never overlapping.
fn by_search(text: &str, patterns: &[&str]) -> Vec<(usize, usize, usize)> {
    let mut all = Vec::new();
    for (i, p) in patterns.iter().enumerate() {
        if p.is_empty() {
            continue;
        }
        let mut from = 0;
        while let Some(at) = text[from..].find(p) {
            let s = from + at;
            all.push((s, s + p.len(), i));
            from = s + text[s..].chars().next().map_or(1, char::len_utf8);
        }
    }
    all.sort_by_key(|&(s, e, i)| (s, std::cmp::Reverse(e), i));
    let mut out = Vec::new();
    let mut end = 0;
    for m in all {
        if m.0 >= end {
            end = m.1;
            out.push(m);
        }
    }
    out
}

/// A mention must not cut a run of Latin letters or digits.
fn boundary_ok(text: &str, s: usize, e: usize) -> bool {
    let before = text[..s].chars().next_back();
    let after = text[e..].chars().next();
    let first = text[s..e].chars().next();
    let last = text[s..e].chars().next_back();
    let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    !(alnum(before) && alnum(first) || alnum(after) && alnum(last))
}

/// Chars of context on each side that [`cuts_a_word`] segments at most.
const CONTEXT_CHARS: usize = 24;

/// Whether the mention `text[s..e]` begins or ends inside a word of its
/// clause as jieba cuts it (`中国` in `发展中国家`, `人大` in `人大代表` are
/// not mentions of those names).
fn cuts_a_word<'t>(
    segmenter: &Segmenter,
    text: &'t str,
    s: usize,
    e: usize,
    words: &mut Vec<Word<'t>>,
) -> bool {
    // Where jieba cuts anyway: the clause segments as it does in the text.
    let is_mark = |c: char| segment::splits_clauses(c) || c.is_whitespace();
    let before = text[..s]
        .char_indices()
        .rev()
        .take(CONTEXT_CHARS)
        .take_while(|&(_, c)| !is_mark(c))
        .last()
        .map_or(s, |(i, _)| i);
    let after = text[e..]
        .char_indices()
        .take(CONTEXT_CHARS)
        .take_while(|&(_, c)| !is_mark(c))
        .last()
        .map_or(e, |(i, c)| e + i + c.len_utf8());
    let clause = &text[before..after];
    segmenter.tag_into(clause, words);
    let start = text[before..s].chars().count();
    let end = start + text[s..e].chars().count();
    let inside = |at: usize| words.iter().any(|w| w.start < at && at < w.end);
    inside(start) || inside(end)
}

/// `X（以下简称Y）` and `X（简称“Y”）` right after an entity X: Y is an alias of X.
fn aliases<'a>(text: &'a str, entities: &[Entity<'a>]) -> Vec<(&'a str, EntityKind)> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices("简称") {
        // The opening bracket before `以下简称` / `简称`.
        let head = &text[..at];
        let head = head.strip_suffix("以下").unwrap_or(head);
        let head = head.trim_end_matches(['“', '"', ' ']);
        let Some(open) = head.strip_suffix('（').or_else(|| head.strip_suffix('(')) else {
            continue;
        };
        let x_end = open.len();
        let Some(x) = entities.iter().find(|e| e.span.end == x_end) else {
            continue;
        };
        let mut rest = &text[at + "简称".len()..];
        rest = rest.strip_prefix('为').unwrap_or(rest);
        rest = rest
            .strip_prefix(['“', '"', '「', '《', '‘'])
            .unwrap_or(rest);
        let len: usize = rest
            .chars()
            .take_while(|&c| crate::text::is_han(c) || c.is_ascii_alphanumeric())
            .map(char::len_utf8)
            .sum();
        let alias = &rest[..len];
        let n = alias.chars().count();
        if (MIN_CHARS..=12).contains(&n) {
            let after = rest[len..].chars().next();
            if matches!(
                after,
                Some('”' | '"' | '」' | '》' | '’' | '）' | ')' | '，' | '、' | ',')
            ) {
                out.push((alias, x.kind));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn 逐个查找与自动机一致() {
        let text = "华力集团华力公司与华力合作，哈哈哈，宁波宁波港宁波港集团，华力华力";
        let cases: &[&[&str]] = &[
            &["华力", "华力集团"],
            &["哈哈"],
            &["宁波", "宁波港", "宁波港集团", "港集团"],
            &["力公司", "华力", "公司与"],
            &["不在文中"],
        ];
        for patterns in cases {
            assert_eq!(
                by_search(text, patterns),
                by_automaton(text, patterns),
                "{patterns:?}"
            );
        }
    }

    #[test]
    fn 提及不切开词() {
        let segmenter = Segmenter::default();
        // (text, the mention, whether it cuts a word)
        let cases = [
            ("许多发展中国家的代表也来了", "中国", true),
            ("代表们来到中国，参加会议", "中国", false),
            ("宁波人王建国的同事说", "王建国", false),
            ("各级人大代表出席", "人大", true),
            ("中国", "中国", false),
        ];
        let mut words = Vec::new();
        for (text, mention, cuts) in cases {
            let s = text.find(mention).unwrap();
            let e = s + mention.len();
            assert_eq!(
                cuts_a_word(&segmenter, text, s, e, &mut words),
                cuts,
                "{text}: {mention}"
            );
        }
    }
}
