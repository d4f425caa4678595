//! The quantity scanner: one pass over the view's chars. At each place a
//! numeral can start, it reads what stands before the numeral, the numeral
//! ([`super::numeral`]), asks the one unit table ([`super::units`]) once,
//! and reads what follows: a second bound, a smaller money unit, an
//! approximation word, a unit priced.
//!
//! Where things are:
//! - [`scan`]: the walk over one position, from prefixes to the record;
//! - [`unit`]: which unit a numeral takes, and the rules that read a
//!   form otherwise in context (`26分` a score, `两块蛋糕` pieces);
//! - [`approx`]: approximation words (`约`, `左右`, `余`, `来`) and lone
//!   multipliers (`千余人`);
//! - [`range`]: second bounds (`3至5万元`, `10-20人`) and joined bounds
//!   (`200元以上2000元以下`);
//! - [`price`]: unit prices (`15元/斤`, `每斤15元`, `一斤售价在15元`);
//! - [`compound`]: compound amounts (`123元1角1分`, `3块5`, `五毛五`,
//!   `七成五`, `一米八`);
//! - [`bare`]: numbers with no unit (salaries in `k`/`w`, bare numbers);
//! - [`colloquial`]: `两个亿`, `一块五`, `伍万元整`;
//! - [`refuse`]: what is not a quantity (dates, ordinals, codes, idioms,
//!   set phrases, titles of works, web and e-mail addresses, file paths);
//! - [`parts`]: the pieces of one quantity and how they become a record.
//!
//! Rules (documented in the README):
//! - dates, times and durations are not quantities (`2019年`, `3月8日`,
//!   `上午9时`, `3个月`); nor ordinals (`第二`, `前五名`), numerals inside
//!   names, idioms and set phrases (`十八届三中全会`, `三严三实`,
//!   `三番五次`), phone numbers, codes and versions (`V2.3.1`, `1.1.1.1元`),
//!   nor anything inside an address, a path or percent-encoded text;
//! - a lone `一` with a classifier is an article, not a count (`一个典型`);
//! - spans include approximation words (`约200人`, `3元左右`) and a unit
//!   priced when written with the amount (`15元/斤`, `每斤15元`).

mod approx;
mod bare;
mod colloquial;
mod compound;
mod parts;
mod price;
mod range;
mod refuse;
mod scan;
mod unit;

use std::sync::LazyLock;

use crate::record::{Approx, QuantityKind};
use crate::segment::Word;
use crate::text::View;
use crate::value::Value;

use super::money;
use super::numeral::is_numeral_char;

/// A unit as the record will show it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UnitRef {
    /// A canonical name (`CNY`, `kg`, `%`).
    Static(&'static str),
    /// As written in the text, over these view chars (a classifier).
    Written(usize, usize),
}

/// A quantity found in a view, in view char indices.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct FoundQuantity {
    pub kind: QuantityKind,
    pub start: usize,
    pub end: usize,
    pub value: Option<Value>,
    pub unit: UnitRef,
    pub approx: Approx,
    pub min: Option<Value>,
    pub max: Option<Value>,
    pub per: Option<UnitRef>,
    pub object: Option<(usize, usize)>,
}

/// Appends the quantities of `view` to `out`, sorted, never overlapping.
/// `word_at` is a buffer reused from call to call.
pub(crate) fn find(
    view: &View,
    words: &[Word<'_>],
    word_at: &mut Vec<u32>,
    out: &mut Vec<FoundQuantity>,
) {
    let chars = &view.chars[..];
    // The index of the word that holds each char (`u32::MAX`: none).
    word_at.clear();
    word_at.resize(chars.len() + 1, u32::MAX);
    for (index, w) in words.iter().enumerate() {
        let end = w.end.min(chars.len());
        if w.start < end {
            word_at[w.start..end].fill(index as u32);
        }
    }
    let scanner = scan::Scanner::new(chars, words, word_at);
    let first = out.len();
    let mut i = 0;
    while i < chars.len() {
        // Titles of works are names, not figures: 《三颗宝珠》.
        if chars[i] == '《'
            && let Some(close) = refuse::title_end(chars, i)
        {
            i = close;
            continue;
        }
        // Web and e-mail addresses, file paths, percent-encoded text.
        let token_start =
            chars[i].is_ascii_graphic() && (i == 0 || !chars[i - 1].is_ascii_graphic());
        if token_start && let Some(end) = refuse::link_end(chars, i) {
            i = end;
            continue;
        }
        if !may_start(chars[i]) {
            i += 1;
            continue;
        }
        match scanner.at(i) {
            Next::Found(q) => {
                i = q.end.max(i + 1);
                scanner.last_end.set(q.end);
                out.push(q);
            }
            Next::Skip(end) => i = end.max(i + 1),
        }
    }
    range::join_bounds(chars, out, first);
}

/// What the scanner does after looking at one position.
enum Next {
    Found(FoundQuantity),
    /// Nothing here; go on at this index (past a code or an ordinal whole).
    Skip(usize),
}

/// Whether a quantity may start at `c` (see [`STARTERS`]).
fn may_start(c: char) -> bool {
    let i = c as usize;
    i < 65536 && STARTERS[i / 64] & (1 << (i % 64)) != 0
}

/// Whether `c` can be the figure of a quantity (every quantity has one):
/// a clause without such a char holds none.
pub(crate) fn is_figure_char(c: char) -> bool {
    c.is_ascii_digit()
        || is_numeral_char(c)
        || matches!(c, '半' | '貳' | '參' | '陸' | '萬' | '億' | '兩')
}

/// Chars at which a quantity can start: digits, numeral characters, and the
/// first chars of prefixes (approximation words, currencies, `百分之`, `每`,
/// `零下`, `摄氏`), as a bitmap over the Basic Multilingual Plane.
static STARTERS: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; 1024];
    let mut set = |c: char| {
        let i = c as usize;
        if i < 65536 {
            bits[i / 64] |= 1 << (i % 64);
        }
    };
    ('\u{3000}'..='\u{9FFF}')
        .filter(|&c| is_numeral_char(c))
        .for_each(&mut set);
    // Signs, traditional forms, and the first chars of `负`, `半`, `数十`,
    // `几百`, `上万`, `成千上万`, `每斤`, `摄氏`, `华氏`, `对折`.
    for c in "0123456789-+.貳參陸萬億兩负負半数几上成每摄华对".chars() {
        set(c);
    }
    approx::prefix_first_chars().for_each(&mut set);
    refuse::set_phrase_first_chars().for_each(&mut set);
    money::prefix_first_chars().for_each(&mut set);
    bits
});

/// A mark that ends a clause: prices, intros and pay words look no further.
fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '。' | '，' | '；' | '！' | '？' | '\n' | ',' | ';' | '、' | '：'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starters_are_the_numerals_and_the_prefix_chars() {
        for c in "0123456789-+.〇零一二两三四五六七八九十百千万亿壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億兩负負半数几上成每摄华约近超逾人¥$".chars() {
            assert!(may_start(c), "{c}");
        }
        for c in "的是在有年月个兆点".chars() {
            assert!(!may_start(c), "{c}");
        }
    }
}
