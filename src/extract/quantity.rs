//! The quantity scanner: one pass over the view's chars. At each place a
//! numeral can start, it reads the numeral ([`super::numeral`]) and what
//! stands around it: approximation words, a currency, a unit or classifier
//! ([`super::money`], [`super::count`], [`super::measure`],
//! [`super::percent`]), a second bound, a unit priced.
//!
//! Rules (documented in the README):
//! - dates, times and durations are not quantities (`2019年`, `3月8日`,
//!   `上午9时`, `3个月`); nor ordinals (`第二`, `前五名`), numerals inside
//!   names, idioms and set phrases (`十八届三中全会`, `三严三实`,
//!   `三番五次`), phone numbers, codes and versions (`V2.3.1`, `1.1.1.1元`);
//! - a lone `一` with a classifier is an article, not a count (`一个典型`);
//! - spans include approximation words (`约200人`, `3元左右`) and a unit
//!   priced when written with the amount (`15元/斤`, `每斤15元`).

use std::cell::RefCell;
use std::sync::LazyLock;

use rust_decimal::Decimal;

use super::count;
use super::measure::{self, MeasureUnit};
use super::money::{self, Currency, Step};
use super::numeral::{self, Numeral, is_numeral_char};
use super::percent::{self, PercentUnit};
use super::units::{Lexicon, UnitEntry, unit};
use crate::record::{Approx, QuantityKind};
use crate::segment::Word;
use crate::text::View;
use crate::value::Value;

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
    let scanner = Scanner {
        chars,
        words,
        word_at,
        parsed: RefCell::new([NO_PARSE; PARSE_CACHE]),
    };
    let first = out.len();
    let mut i = 0;
    while i < chars.len() {
        // Titles of works are names, not figures: 《三颗宝珠》.
        if chars[i] == '《' {
            if let Some(close) = title_end(chars, i) {
                i = close;
                continue;
            }
        }
        if !may_start(chars[i]) {
            i += 1;
            continue;
        }
        match scanner.at(i) {
            Next::Found(q) => {
                i = q.end.max(i + 1);
                out.push(q);
            }
            Next::Skip(end) => i = end.max(i + 1),
        }
    }
    join_bounds(chars, out, first);
}

/// `200元以上2000元以下`: a lower bound written right before an upper one,
/// of the same kind and unit, is one range (as `200至2000元` is). Records
/// from `first` on are joined in place.
fn join_bounds(chars: &[char], out: &mut Vec<FoundQuantity>, first: usize) {
    let mut kept = first;
    for r in first..out.len() {
        let q = out[r];
        if kept > first {
            if let Some(joined) = joined_bounds(chars, &out[kept - 1], &q) {
                out[kept - 1] = joined;
                continue;
            }
        }
        out[kept] = q;
        kept += 1;
    }
    out.truncate(kept);
}

fn joined_bounds(
    chars: &[char],
    low: &FoundQuantity,
    high: &FoundQuantity,
) -> Option<FoundQuantity> {
    let ends_with =
        |q: &FoundQuantity, word: &[char]| chars[..q.end.min(chars.len())].ends_with(word);
    let text = |u: &UnitRef| match *u {
        UnitRef::Static(s) => Err(s),
        UnitRef::Written(a, b) => Ok(chars.get(a..b)),
    };
    let same_per = match (&low.per, &high.per) {
        (None, None) => true,
        (Some(a), Some(b)) => text(a) == text(b),
        _ => false,
    };
    let ordered = match (low.min, high.max) {
        (Some(a), Some(b)) => a < b,
        _ => false,
    };
    let joins = low.end == high.start
        && low.kind == high.kind
        && low.approx == Approx::Over
        && high.approx == Approx::Under
        && ends_with(low, &['以', '上'])
        && (ends_with(high, &['以', '下']) || ends_with(high, &['以', '内']))
        && text(&low.unit) == text(&high.unit)
        && same_per
        && ordered;
    joins.then_some(FoundQuantity {
        end: high.end,
        approx: Approx::Range,
        max: high.max,
        object: high.object,
        ..*low
    })
}

/// One past the `》` that closes the title opened at `open`, if it closes
/// within a title's length and the same sentence.
fn title_end(chars: &[char], open: usize) -> Option<usize> {
    let limit = (open + 40).min(chars.len());
    let mut words = 0;
    for (p, &c) in chars.iter().enumerate().take(limit).skip(open + 1) {
        match c {
            // A title has words of its own besides any figure (《三颗宝珠》,
            // not 《200万元》).
            '》' => return (words >= 2).then_some(p + 1),
            c if crate::text::is_han(c) && !is_numeral_char(c) => words += 1,
            '《' | '。' | '\n' => return None,
            _ => {}
        }
    }
    None
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
    // `几百`, `上万`, `成千上万`, `每斤`, `摄氏`, `华氏`.
    for c in "0123456789-+.貳參陸萬億兩负負半数几上成每摄华".chars() {
        set(c);
    }
    for e in APPROX_PREFIXES {
        e.written.chars().take(1).for_each(&mut set);
    }
    for e in SET_PHRASES {
        e.written.chars().take(1).for_each(&mut set);
    }
    money::prefix_first_chars().for_each(&mut set);
    bits
});

/// Approximation words before a number.
static APPROX_PREFIXES: &[UnitEntry<Approx>] = &[
    unit("约", Approx::About, ""),
    unit("约合", Approx::About, ""),
    unit("约莫", Approx::About, ""),
    unit("大致", Approx::About, ""),
    unit("差不多", Approx::About, ""),
    unit("约为", Approx::About, ""),
    unit("大约", Approx::About, ""),
    unit("大概", Approx::About, ""),
    unit("近", Approx::Under, ""),
    unit("将近", Approx::Under, ""),
    unit("接近", Approx::Under, ""),
    unit("超过", Approx::Over, ""),
    unit("超", Approx::Over, ""),
    unit("逾", Approx::Over, ""),
    unit("至少", Approx::Over, ""),
    unit("最少", Approx::Over, ""),
    unit("不少于", Approx::Over, ""),
    unit("不低于", Approx::Over, ""),
    unit("最多", Approx::Under, ""),
    unit("不到", Approx::Under, ""),
    unit("不足", Approx::Under, ""),
    unit("不超过", Approx::Under, ""),
    unit("不多于", Approx::Under, ""),
    unit("不高于", Approx::Under, ""),
    unit("低于", Approx::Under, ""),
    unit("少于", Approx::Under, ""),
    unit("高于", Approx::Over, ""),
    unit("多于", Approx::Over, ""),
];

/// Words whose second char would otherwise read as an approximation word
/// (`节约3万元` saves 30,000; it is not "about 30,000").
const NOT_APPROX_WORDS: &[[char; 2]] = &[
    ['节', '约'],
    ['预', '约'],
    ['签', '约'],
    ['条', '约'],
    ['合', '约'],
    ['制', '约'],
    ['违', '约'],
    ['履', '约'],
    ['相', '约'],
    ['特', '约'],
    ['邀', '约'],
    ['赴', '约'],
    ['公', '约'],
    ['最', '近'],
    ['附', '近'],
    ['靠', '近'],
    ['临', '近'],
    ['邻', '近'],
    ['就', '近'],
    ['亲', '近'],
    ['贴', '近'],
    ['赶', '超'],
    ['高', '超'],
];

/// Approximation words after a quantity.
static APPROX_SUFFIXES: &[UnitEntry<Approx>] = &[
    unit("左右", Approx::About, ""),
    unit("上下", Approx::About, "班楼车文级游"),
    unit("以上", Approx::Over, ""),
    unit("及以上", Approx::Over, ""),
    unit("及以下", Approx::Under, ""),
    unit("之多", Approx::Over, ""),
    unit("有余", Approx::Over, ""),
    unit("出头", Approx::Over, ""),
    unit("开外", Approx::Over, ""),
    unit("以下", Approx::Under, ""),
    unit("以内", Approx::Under, ""),
    unit("之内", Approx::Under, ""),
    unit("不到", Approx::Under, ""),
    unit(
        "起",
        Approx::Over,
        "来义诉草码飞身火源点因见初先航步跑降落居",
    ),
];

/// Range connectors between two numbers.
fn is_connector(c: char) -> bool {
    matches!(c, '至' | '到' | '-' | '~' | '—' | '–' | '〜')
}

/// Where a unit can stand as the unit priced (see [`PricedUnit`]).
#[derive(Clone, Copy, Debug)]
struct PricedUnit {
    /// After `/` or `每` next to the amount: `15元/斤`, `每斤15元`.
    per: bool,
    /// A unit of goods that `每` prices from a distance (`每盒售价为38.5元`)
    /// or that follows the amount after `一` (`38元一斤`); not people,
    /// households or time (`每户可获得…`, `每月房租…` are no unit prices).
    goods: bool,
    /// A measure that, after `一`, introduces a price later in the clause
    /// (`一斤售价在15元`).
    intro: bool,
}

const PER: PricedUnit = PricedUnit {
    per: true,
    goods: false,
    intro: false,
};
const GOODS: PricedUnit = PricedUnit {
    per: false,
    goods: true,
    intro: false,
};
const PER_GOODS: PricedUnit = PricedUnit {
    per: true,
    goods: true,
    intro: false,
};
const PER_GOODS_INTRO: PricedUnit = PricedUnit {
    per: true,
    goods: true,
    intro: true,
};

/// Units that can be priced, with where (one table for the three uses).
static PRICED_UNITS: &[UnitEntry<PricedUnit>] = &[
    unit("斤", PER_GOODS_INTRO, ""),
    unit("市斤", PER_GOODS_INTRO, ""),
    unit("公斤", PER_GOODS_INTRO, ""),
    unit("千克", PER_GOODS_INTRO, ""),
    unit("克", PER_GOODS_INTRO, ""),
    unit("吨", PER_GOODS_INTRO, ""),
    unit("两", PER_GOODS_INTRO, ""),
    unit("米", PER, ""),
    unit("平方米", PER_GOODS_INTRO, ""),
    unit("平米", PER_GOODS_INTRO, ""),
    unit("㎡", PER, ""),
    unit("亩", PER_GOODS_INTRO, ""),
    unit("立方米", PER_GOODS_INTRO, ""),
    unit("方", PER, ""),
    unit("升", PER_GOODS_INTRO, ""),
    unit("人", PER, ""),
    unit("人次", PER, ""),
    unit("次", PER, ""),
    unit("月", PER, ""),
    unit("年", PER, ""),
    unit("天", PER, ""),
    unit("日", PER, ""),
    unit("晚", PER_GOODS, ""),
    unit("小时", PER, ""),
    unit("件", PER_GOODS, ""),
    unit("个", PER, ""),
    unit("台", PER_GOODS, ""),
    unit("套", PER_GOODS, ""),
    unit("户", PER, ""),
    unit("间", PER, ""),
    unit("张", PER_GOODS, ""),
    unit("份", PER_GOODS, ""),
    unit("瓶", PER_GOODS, ""),
    unit("箱", PER_GOODS, ""),
    unit("盒", PER_GOODS, ""),
    unit("袋", PER_GOODS, ""),
    unit("股", PER_GOODS, ""),
    unit("度", PER_GOODS, ""),
    unit("千瓦时", PER_GOODS, ""),
    unit("盎司", PER_GOODS, ""),
    unit("包", PER_GOODS, ""),
    unit("期", PER, ""),
    unit("头", PER_GOODS, ""),
    unit("只", PER_GOODS, ""),
    unit("支", PER_GOODS, ""),
    unit("罐", PER_GOODS, ""),
    unit("杯", PER_GOODS, ""),
    unit("碗", PER_GOODS, ""),
    unit("桶", PER_GOODS, ""),
    unit("kg", PER, ""),
    unit("g", PER, ""),
    unit("t", PER, ""),
    unit("m", PER, ""),
    unit("m2", PER, ""),
    unit("L", PER, ""),
    unit("km", PER, ""),
    unit("公里", PER, ""),
    unit("单", GOODS, ""),
    unit("条", GOODS, ""),
    unit("餐", GOODS, ""),
];

/// Set phrases and names with numerals in them that are not quantities.
static SET_PHRASES: &[UnitEntry<()>] = &[
    unit("四个全面", (), ""),
    unit("四个意识", (), ""),
    unit("四个自信", (), ""),
    unit("四个现代化", (), ""),
    unit("两个维护", (), ""),
    unit("两个确立", (), ""),
    unit("两个务必", (), ""),
    unit("三个代表", (), ""),
    unit("三个有利于", (), ""),
    unit("八项规定", (), ""),
    unit("三严三实", (), ""),
    unit("两学一做", (), ""),
    unit("五位一体", (), ""),
    unit("三去一降一补", (), ""),
    unit("三大攻坚战", (), ""),
    unit("五大发展理念", (), ""),
    unit("十三五", (), ""),
    unit("十四五", (), ""),
    unit("十五五", (), ""),
    unit("一带一路", (), ""),
    unit("一国两制", (), ""),
    unit("九二共识", (), ""),
    unit("五四青年节", (), ""),
    unit("五一劳动节", (), ""),
    unit("三八妇女节", (), ""),
    unit("六一儿童节", (), ""),
    unit("十一黄金周", (), ""),
    unit("双十一", (), ""),
    unit("双11", (), ""),
    unit("双十二", (), ""),
    unit("三农", (), ""),
    unit("六稳", (), ""),
    unit("六保", (), ""),
    unit("两会", (), ""),
    unit("两山", (), ""),
    unit("一把手", (), ""),
    unit("三番五次", (), ""),
    unit("三番两次", (), ""),
    unit("三令五申", (), ""),
    unit("五湖四海", (), ""),
    unit("七上八下", (), ""),
    unit("一五一十", (), ""),
    unit("十拿九稳", (), ""),
    unit("四面八方", (), ""),
    unit("三天两头", (), ""),
    unit("九牛一毛", (), ""),
    unit("三长两短", (), ""),
    unit("一干二净", (), ""),
    unit("千军万马", (), ""),
    unit("千家万户", (), ""),
    unit("万无一失", (), ""),
    unit("百里挑一", (), ""),
    unit("三中全会", (), ""),
    unit("四中全会", (), ""),
    unit("五中全会", (), ""),
    unit("六中全会", (), ""),
    unit("二中全会", (), ""),
    unit("一中全会", (), ""),
    unit("七中全会", (), ""),
];

/// Words just before a numeral that make it an ordinal or a rank.
const ORDINAL_WORDS: &[&str] = &[
    "第", "前", "头", "末", "倒数", "排名", "排行", "名列", "位列", "位居", "首", "No", "NO", "No.",
];

static APPROX_PREFIX_LEXICON: LazyLock<Lexicon<Approx>> =
    LazyLock::new(|| Lexicon::new(APPROX_PREFIXES));
static APPROX_SUFFIX_LEXICON: LazyLock<Lexicon<Approx>> =
    LazyLock::new(|| Lexicon::new(APPROX_SUFFIXES));
static PRICED_LEXICON: LazyLock<Lexicon<PricedUnit>> =
    LazyLock::new(|| Lexicon::new(PRICED_UNITS.iter().filter(|e| e.meaning.per)));
static PRICE_INTRO_LEXICON: LazyLock<Lexicon<PricedUnit>> =
    LazyLock::new(|| Lexicon::new(PRICED_UNITS.iter().filter(|e| e.meaning.intro)));
static GOODS_LEXICON: LazyLock<Lexicon<PricedUnit>> =
    LazyLock::new(|| Lexicon::new(PRICED_UNITS.iter().filter(|e| e.meaning.goods)));
static SET_PHRASE_LEXICON: LazyLock<Lexicon<()>> = LazyLock::new(|| Lexicon::new(SET_PHRASES));

/// The unit that follows a number.
#[derive(Clone, Copy, Debug)]
enum Hit {
    Money(Currency),
    Percent(PercentUnit),
    Measure(MeasureUnit),
    /// A classifier, as written over `start..end`.
    Count,
}

#[derive(Clone, Copy, Debug)]
struct UnitHit {
    hit: Hit,
    start: usize,
    end: usize,
}

impl UnitHit {
    fn unit_ref(&self) -> UnitRef {
        match self.hit {
            Hit::Money(c) => UnitRef::Static(c.code),
            Hit::Percent(p) => UnitRef::Static(p.symbol),
            Hit::Measure(m) => UnitRef::Static(m.symbol),
            Hit::Count => UnitRef::Written(self.start, self.end),
        }
    }

    /// Whether two hits name the same unit (for `3万元至5万元`).
    fn same_unit(&self, other: &UnitHit, chars: &[char]) -> bool {
        match (self.hit, other.hit) {
            (Hit::Money(a), Hit::Money(b)) => a.code == b.code && a.step == b.step,
            (Hit::Percent(a), Hit::Percent(b)) => a.symbol == b.symbol && a.shift == b.shift,
            (Hit::Measure(a), Hit::Measure(b)) => a.symbol == b.symbol,
            (Hit::Count, Hit::Count) => {
                chars[self.start..self.end] == chars[other.start..other.end]
            }
            _ => false,
        }
    }
}

/// How many numerals the scanner remembers (by position modulo this):
/// each position is asked about several times (is a numeral here? after
/// this prefix? read it), and reading one costs as much as the rest.
const PARSE_CACHE: usize = 8;

/// An empty slot of the numeral cache.
const NO_PARSE: (usize, Option<Numeral>) = (usize::MAX, None);

struct Scanner<'s, 'v> {
    chars: &'s [char],
    words: &'s [Word<'v>],
    word_at: &'s [u32],
    /// The numerals read lately, `(position, numeral::parse(chars, position))`.
    parsed: RefCell<[(usize, Option<Numeral>); PARSE_CACHE]>,
}

impl Scanner<'_, '_> {
    /// `numeral::parse(self.chars, at)`, remembered.
    fn parse(&self, at: usize) -> Option<Numeral> {
        let slot = at % PARSE_CACHE;
        let cached = self.parsed.borrow()[slot];
        if cached.0 == at {
            return cached.1;
        }
        let n = numeral::parse(self.chars, at);
        self.parsed.borrow_mut()[slot] = (at, n);
        n
    }

    /// A numeral (or a sign and a digit) starts at `at`.
    fn starts_numeral(&self, at: usize) -> bool {
        self.parse(at).is_some_and(|n| n.end > at)
    }

    fn word_containing(&self, at: usize) -> Option<&Word<'_>> {
        let index = *self.word_at.get(at)?;
        self.words.get(index as usize)
    }

    fn at(&self, i: usize) -> Next {
        let c = self.chars;
        if let Some(skip) = self.code_or_ordinal_before(i) {
            return Next::Skip(skip);
        }
        if let Some((_, end)) = SET_PHRASE_LEXICON.longest_at(c, i) {
            return Next::Skip(end);
        }
        let mut j = i;
        // Approximation word (at a word boundary: not the 近 of 最近).
        let mut prefix_approx = None;
        let glued = || {
            i > 0
                && NOT_APPROX_WORDS
                    .iter()
                    .any(|w| w[0] == c[i - 1] && w[1] == c[i])
        };
        if let Some((e, end)) = APPROX_PREFIX_LEXICON.longest_at(c, j) {
            if !glued() && self.numeral_or_prefix_follows(end) {
                prefix_approx = Some(e.meaning);
                j = end;
            }
        }
        // A unit priced, before the amount: 每斤15元.
        let mut per_prefix = None;
        if c.get(j) == Some(&'每') {
            if let Some((_, end)) = PRICED_LEXICON.longest_at(c, j + 1) {
                if self.numeral_or_prefix_follows(end) {
                    per_prefix = Some((end, UnitRef::Written(j + 1, end)));
                    j = end;
                }
            }
        }
        // A currency before the amount: ¥, US$, 人民币.
        let mut currency_prefix = None;
        if let Some((code, end)) = money::prefix_at(c, j) {
            if self.starts_numeral(end) {
                currency_prefix = Some(code);
                j = end;
            }
        }
        // 百分之三十, 千分之五.
        if currency_prefix.is_none() {
            if let Some((unit, end)) = percent::prefix_at(c, j) {
                if let Some(n) = self.parse(end) {
                    let mut parts = Parts::single(n, Hit::Percent(unit), prefix_approx);
                    let mut q_end = n.end;
                    // 百分之七十至九十五, 百分之三到百分之五.
                    if n.approx == Approx::Exact && c.get(n.end).copied().is_some_and(is_connector)
                    {
                        let mut p = n.end + 1;
                        if let Some((u2, e2)) = percent::prefix_at(c, p) {
                            if u2.shift == unit.shift {
                                p = e2;
                            }
                        }
                        if let Some(n2) = self.parse(p) {
                            if n2.end > p && n2.approx == Approx::Exact && n2.value.is_some() {
                                parts.second = Some(n2);
                                q_end = n2.end;
                            }
                        }
                    }
                    return Next::Found(self.finish(i, q_end, parts, None));
                }
            }
        }
        // 摄氏37度, 华氏98.6度: the scale before the number.
        let mut temperature_scale = None;
        if let Some((symbol, end)) = measure::scale_prefix_at(c, j) {
            if self.starts_numeral(end) || measure::below_zero_prefix(c, end).is_some() {
                temperature_scale = Some(symbol);
                j = end;
            }
        }
        // 零下5摄氏度.
        let mut below_zero = false;
        if let Some(end) = measure::below_zero_prefix(c, j) {
            if self.starts_numeral(end) {
                below_zero = true;
                j = end;
            }
        }
        if matches!(c.get(j), Some('-' | '+')) && j > 0 && c[j - 1].is_ascii_alphanumeric() {
            return Next::Skip(i + 1);
        }
        let first = match self.parse(j) {
            Some(n) => n,
            // 近百人, 逾千人: a bare multiplier after an approximation word.
            None if prefix_approx.is_some() => match lone_multiplier(c, j) {
                Some(n) => n,
                None => return Next::Skip(i + 1),
            },
            // 千余人, 百余名, 千亿元: a multiplier alone, when what follows
            // makes it an amount.
            None => {
                match lone_multiplier(c, j).filter(|n| lone_multiplier_is_amount(c, j, n.end)) {
                    Some(n) if matches!(c.get(n.end), Some('余' | '多')) => {
                        over_lone_multiplier(n)
                    }
                    Some(n) => n,
                    None => return Next::Skip(i + 1),
                }
            }
        };
        if first.end <= j {
            return Next::Skip(i + 1);
        }
        if let Some(skip) = self.inside_other_word(i, j, first.end) {
            return Next::Skip(skip);
        }
        let first = self.back_off_unit_multiplier(j, first);
        let first = about_lai(c, first);
        let first = if below_zero {
            self::below_zero(first)
        } else {
            first
        };
        let mut k = first.end;

        // `1e999元`: exponent notation is how formulas and codes are
        // written, not amounts; skip its whole run.
        if first.shape.scientific {
            return Next::Skip(self.ascii_run_end(j));
        }
        // `1.1.1.1`, `5G`, `A380`: a code, skip its whole run.
        if let Some(end) = self.code_after(k) {
            return Next::Skip(end);
        }

        let mut unit = self.unit_after(&first, j, k, currency_prefix);
        if let Some(u) = unit {
            k = u.end;
        }

        // 年薪30万, 月薪8000-12000: after a pay word a bare number is yuan.
        let pay = unit.is_none()
            && currency_prefix.is_none()
            && money::salary_multiplier(c, i, k).is_none()
            && money::after_pay_word(c, i);
        // A second bound: 3至5万元, 10-20人, 8500到3万港元, 3万元至5万元.
        let mut second = None;
        if first.approx == Approx::Exact
            && first.value.is_some()
            && c.get(k).copied().is_some_and(is_connector)
        {
            if let Some((n2, u2)) = self.second_bound(k + 1, currency_prefix) {
                let unit_ok = match (unit, u2) {
                    (None, Some(_)) => true,
                    (Some(a), Some(b)) => a.same_unit(&b, c),
                    (Some(_), None) => false,
                    (None, None) => currency_prefix.is_some() || pay,
                };
                if unit_ok && n2.approx == Approx::Exact && n2.value.is_some() {
                    second = Some(n2);
                    if u2.is_some() {
                        unit = u2;
                    }
                    k = u2.map_or(n2.end, |u| u.end);
                }
            }
        }

        // 月薪15-25k: a k/w after the second bound scales both.
        let pay_power = if pay && second.is_some() && unit.is_none() {
            money::salary_multiplier(c, i, k)
        } else {
            None
        };
        if pay_power.is_some() {
            k += 1;
        }
        if let Some(skip) = self.idiom_past(j, k) {
            return Next::Skip(skip);
        }
        let pay_currency = pay.then_some("CNY");
        let hit = match unit {
            Some(u) => Some(u),
            None => currency_prefix.or(pay_currency).map(|code| UnitHit {
                hit: Hit::Money(Currency {
                    code,
                    step: Step::Main,
                    compound_only: false,
                }),
                start: k,
                end: k,
            }),
        };

        let Some(hit) = hit else {
            // No unit: a salary in k/w, or a bare number.
            if let Some(power) = money::salary_multiplier(c, i, k) {
                let mut parts = Parts::single(first, Hit::Money(money_cny()), prefix_approx);
                parts.scale = power as i32;
                let mut end = k + 1;
                // 15k-25k: a second bound with the same suffix.
                if first.approx == Approx::Exact && c.get(end).copied().is_some_and(is_connector) {
                    if let Some(n2) = self.parse(end + 1) {
                        if n2.end > end + 1
                            && n2.approx == Approx::Exact
                            && n2.value.is_some()
                            && money::salary_multiplier(c, i, n2.end) == Some(power)
                        {
                            parts.second = Some(n2);
                            end = n2.end + 1;
                        }
                    }
                }
                return Next::Found(self.finish(i, end, parts, None));
            }
            // A bare number keeps no 每X before it (以每年3—10倍).
            let (start, prefix_approx) = match per_prefix {
                Some((after, _)) => (after, None),
                None => (i, prefix_approx),
            };
            return self.bare_number(start, j, first, prefix_approx);
        };

        // 这一块: a lone 一 before 块 is "a piece", not one yuan.
        if first.shape.lone_one && c[hit.start..hit.end] == ['块'] {
            return Next::Skip(hit.end);
        }
        // The article-like 一 (`一个典型`, `一场硬仗`) is not a count.
        if matches!(hit.hit, Hit::Count)
            && first.shape.lone_one
            && prefix_approx.is_none()
            && second.is_none()
        {
            return Next::Skip(hit.end);
        }
        // 38元一斤, 三块五一斤: the 一斤 only names the unit priced.
        let after_tenths = i >= 2
            && matches!(c[i - 2], '元' | '块')
            && (c[i - 1].is_ascii_digit() || is_numeral_char(c[i - 1]));
        if matches!(hit.hit, Hit::Measure(_) | Hit::Count)
            && first.shape.lone_one
            && i > 0
            && (matches!(c[i - 1], '元' | '块' | '钱' | '角' | '毛') || after_tenths)
        {
            return Next::Skip(hit.end);
        }
        // 一斤售价在15元: the 一斤 only introduces a price.
        if matches!(hit.hit, Hit::Measure(_))
            && first.shape.lone_one
            && PRICE_INTRO_LEXICON.contains(&c[hit.start..hit.end])
            && self.price_follows(hit.end)
        {
            return Next::Skip(hit.end);
        }
        if matches!(hit.hit, Hit::Count) {
            // 每10股派3.5元: "per ten shares", not ten shares.
            if j > 0 && c[j - 1] == '每' {
                return Next::Skip(hit.end);
            }
            // 07分: a clock reading, not a score.
            if first.shape.leading_zero {
                return Next::Skip(hit.end);
            }
            // 三个月, 两个多小时: durations.
            if count::starts_duration(c, hit.end) {
                return Next::Skip(hit.end);
            }
            // 十八届三中全会.
            if c[hit.start..hit.end] == ['届']
                && self
                    .parse(hit.end)
                    .is_some_and(|n| c[n.end..].starts_with(&['中', '全', '会']))
            {
                return Next::Skip(hit.end);
            }
        }

        let mut hit = hit;
        if let (Some(symbol), Hit::Measure(m)) = (temperature_scale, hit.hit) {
            if m.kind == QuantityKind::Temperature {
                hit.hit = Hit::Measure(MeasureUnit { symbol, ..m });
            }
        } else if temperature_scale.is_some() {
            return Next::Skip(hit.end);
        }
        // 港币5.8亿元: a generic 元 takes the currency named before it.
        if let (Some(code), Hit::Money(cur)) = (currency_prefix, hit.hit) {
            if cur.code == "CNY" && code != "CNY" {
                hit.hit = Hit::Money(Currency { code, ..cur });
            }
        }
        let mut parts = Parts::single(first, hit.hit, prefix_approx);
        parts.unit = Some(hit);
        parts.second = second;
        if let Some(power) = pay_power {
            parts.scale = power as i32;
        }
        // 八五折 pays 85%: two digits in a row are the percentage itself.
        if first.shape.digit_sequence {
            parts.scale = -1;
        }
        // Only a price or a measure keeps 每X in its span (每斤15元); a count
        // starts at its number (每户3人).
        let (start, per) = match per_prefix {
            Some((_, u)) if matches!(hit.hit, Hit::Money(_) | Hit::Measure(_)) => (i, Some(u)),
            Some((after, _)) => (after, None),
            None => (i, None),
        };
        parts.per_prefix_end = per.and(per_prefix.map(|(after, _)| after));
        let mut end = k;
        if matches!(hit.hit, Hit::Money(_)) && second.is_none() {
            end = self.money_compound(&mut parts, end);
        }
        if second.is_none()
            && matches!(hit.hit, Hit::Measure(_) | Hit::Money(_))
            && c.get(end) == Some(&'半')
            && !c
                .get(end + 1)
                .is_some_and(|&n| n == '年' || n == '天' || n == '小' || n == '月')
        {
            parts.half = true;
            end += 1;
        }
        let mut q = self.finish(start, end, parts, per);
        if matches!(hit.hit, Hit::Count) && q.end == hit.end {
            q.object = count::object_after(self.words, self.word_at, q.end);
        }
        Next::Found(q)
    }

    /// Everything that follows the unit and the assembled record.
    fn finish(
        &self,
        mut start: usize,
        end: usize,
        parts: Parts,
        per: Option<UnitRef>,
    ) -> FoundQuantity {
        let c = self.chars;
        let mut end = end;
        let mut approx = parts.numeral_approx();
        if approx == Approx::Exact {
            if let Some(a) = parts.prefix_approx {
                approx = a;
            }
        }
        // Suffix approximation: 3元左右, 500名以上, 3元多.
        let mut suffix_approx = None;
        let mut suffix_more = false;
        if let Some((e, e_end)) = APPROX_SUFFIX_LEXICON.longest_at(c, end) {
            suffix_approx = Some(e.meaning);
            end = e_end;
        } else if matches!(c.get(end), Some('多' | '余'))
            && matches!(parts.hit, Hit::Money(_) | Hit::Measure(_))
            && !c
                .get(end + 1)
                .is_some_and(|&n| crate::text::is_han(n) && n != '的' && n != '，')
        {
            suffix_approx = Some(Approx::Over);
            suffix_more = true;
            end += 1;
        }
        if let Some(a) = suffix_approx {
            if approx == Approx::Exact {
                approx = a;
            }
        }
        // A unit priced, after the amount: 15元/斤, 15元每斤.
        let mut per = per;
        // A unit written after the amount is the one priced: 每月3.2元/平方米.
        if matches!(parts.hit, Hit::Money(_) | Hit::Measure(_)) {
            let slash = match c.get(end) {
                Some('/') => Some(end + 1),
                Some('每') => Some(end + 1),
                _ => None,
            };
            if let Some(at) = slash {
                if let Some((_, u_end)) = PRICED_LEXICON.longest_at(c, at) {
                    if !c.get(u_end).is_some_and(|n| n.is_ascii_alphanumeric()) {
                        per = Some(UnitRef::Written(at, u_end));
                        end = u_end;
                        // 每月 before it is then a period, not the unit priced.
                        if let Some(after) = parts.per_prefix_end {
                            start = after;
                        }
                    }
                }
            }
        }
        // 38元一斤: the unit priced right after the amount.
        if per.is_none() && matches!(parts.hit, Hit::Money(_)) && c.get(end) == Some(&'一') {
            if let Some((_, u_end)) = GOODS_LEXICON.longest_at(c, end + 1) {
                if c[end + 1..u_end] != ['度'] {
                    per = Some(UnitRef::Written(end + 1, u_end));
                }
            }
        }
        if per.is_none() && matches!(parts.hit, Hit::Money(_)) {
            per = self.price_intro_before(start);
        }

        let (value, mut min, mut max) = parts.values();
        if parts.numeral_approx() == Approx::Exact && suffix_more {
            // 4斤多: 4..5, one unit of the last written digit.
            (min, max) = (value, value.and_then(next_step));
        } else if parts.numeral_approx() == Approx::Exact {
            // A word bounds one side: 超过500名 is at least 500, 不到12元
            // at most 12; 约 bounds neither.
            (min, max) = match approx {
                Approx::Over => (value, None),
                Approx::Under => (None, value),
                _ => (None, None),
            };
        }
        let unit = match parts.unit {
            Some(u) => u.unit_ref(),
            None => match parts.hit {
                Hit::Money(c) => UnitRef::Static(c.code),
                Hit::Percent(p) => UnitRef::Static(p.symbol),
                Hit::Measure(m) => UnitRef::Static(m.symbol),
                Hit::Count => UnitRef::Static(""),
            },
        };
        let kind = match parts.hit {
            Hit::Money(_) => QuantityKind::Money,
            Hit::Percent(_) => QuantityKind::Percent,
            Hit::Measure(m) => m.kind,
            Hit::Count => QuantityKind::Count,
        };
        FoundQuantity {
            kind,
            start,
            end,
            value,
            unit,
            approx,
            min,
            max,
            per,
            object: None,
        }
    }

    /// A noun word starts at `at` (`两块蛋糕`, not `18块成交`).
    fn noun_starts(&self, at: usize) -> bool {
        self.word_containing(at).is_some_and(|w| {
            let noun = (w.tag.starts_with('n') && !w.tag.starts_with("nr")) || w.tag == "vn";
            w.start == at && noun && !self.chars.get(at).copied().is_some_and(is_numeral_char)
        })
    }

    /// A numeral, or a currency sign and a numeral, starts at `at`.
    fn numeral_or_prefix_follows(&self, at: usize) -> bool {
        self.starts_numeral(at)
            || lone_multiplier(self.chars, at).is_some()
            || (self.chars.get(at) == Some(&'每')
                && PRICED_LEXICON
                    .longest_at(self.chars, at + 1)
                    .is_some_and(|(_, e)| self.starts_numeral(e)))
            || money::prefix_at(self.chars, at).is_some_and(|(_, e)| self.starts_numeral(e))
            || percent::prefix_at(self.chars, at).is_some()
    }

    /// An ordinal marker or a code glued before `i`: skip the numeral.
    fn code_or_ordinal_before(&self, i: usize) -> Option<usize> {
        let c = self.chars;
        if i == 0 {
            return None;
        }
        let before = c[i - 1];
        let starts_ascii_number = c[i].is_ascii_digit()
            || (matches!(c[i], '-' | '+' | '.') && c.get(i + 1).is_some_and(char::is_ascii_digit));
        if starts_ascii_number
            && (before.is_ascii_alphanumeric()
                || matches!(before, '.' | '_' | '/' | '#' | '@' | ':' | '-' | '\\'))
        {
            return Some(self.ascii_run_end(i));
        }
        let numeral_here = self.starts_numeral(i);
        if !numeral_here {
            return None;
        }
        // 9点30分, 3时20分: minutes of a time.
        if matches!(before, '点' | '时' | ':')
            && i >= 2
            && (c[i - 2].is_ascii_digit() || is_numeral_char(c[i - 2]))
        {
            return Some(self.parse(i).map_or(i + 1, |n| n.end));
        }
        if before == '第' {
            return Some(self.parse(i).map_or(i + 1, |n| n.end));
        }
        // The word that ends right before i, or that contains i and began before.
        let w = self.word_containing(i - 1)?;
        let text = w.text;
        let ordinal = if w.end == i {
            ORDINAL_WORDS.contains(&text)
        } else {
            w.start < i
                && ORDINAL_WORDS
                    .iter()
                    .any(|o| text.starts_with(o) && w.start + o.chars().count() == i)
        };
        ordinal.then(|| self.parse(i).map_or(i + 1, |n| n.end))
    }

    /// The numeral at `j..end` sits inside a word that is not a number:
    /// 唯一, 统一, 三番五次, 五四青年节. Returns where to go on.
    fn inside_other_word(&self, i: usize, j: usize, end: usize) -> Option<usize> {
        let w = self.word_containing(j)?;
        let numeric = matches!(w.tag, "m" | "mq" | "q" | "x" | "eng");
        if w.start < j && w.start < i && !numeric {
            return Some(w.end.max(end));
        }
        None
    }

    /// A name or idiom that starts with the numeral at `j` and runs past the
    /// quantity's end `k` (三心二意, 五四青年节): where to go on.
    fn idiom_past(&self, j: usize, k: usize) -> Option<usize> {
        let w = self.word_containing(j)?;
        let proper = matches!(w.tag, "i" | "l" | "nz" | "ns" | "nt" | "nr" | "nrt" | "j");
        (w.start == j && w.end > k && proper).then_some(w.end)
    }

    /// `5千克` reads as 5 kg, not 5000 g: give the multiplier back when it
    /// starts a unit.
    fn back_off_unit_multiplier(&self, j: usize, n: Numeral) -> Numeral {
        let c = self.chars;
        let last = n.end - 1;
        if last <= j || !matches!(c[last], '千' | '百' | '兆') {
            return n;
        }
        let starts_unit = measure::unit_at(c, last).is_some_and(|(_, e)| e > last + 1)
            || percent::suffix_at(c, last).is_some_and(|(_, e)| e > last + 1);
        if !starts_unit {
            return n;
        }
        match numeral::parse(&c[..last], j) {
            Some(shorter) if shorter.end == last => shorter,
            _ => n,
        }
    }

    /// After a numeral ending at `k`: `.` + digit (`1.1.1`), or letters that
    /// are no unit (`5G`, `3D`): the end of the code's run.
    fn code_after(&self, k: usize) -> Option<usize> {
        let c = self.chars;
        let next = *c.get(k)?;
        if next == '.' && c.get(k + 1).is_some_and(char::is_ascii_digit) {
            return Some(self.ascii_run_end(k));
        }
        if matches!(next, '_' | '@' | '#') {
            return Some(self.ascii_run_end(k));
        }
        if next.is_ascii_alphabetic()
            && measure::unit_at(c, k).is_none()
            && money::suffix_at(c, k).is_none()
            && (!matches!(next, 'k' | 'K' | 'w' | 'W')
                || c.get(k + 1).is_some_and(char::is_ascii_alphanumeric))
        {
            return Some(self.ascii_run_end(k));
        }
        None
    }

    fn ascii_run_end(&self, from: usize) -> usize {
        let c = self.chars;
        let mut e = from;
        while e < c.len()
            && (c[e].is_ascii_alphanumeric()
                || matches!(c[e], '.' | '_' | '-' | '/' | ':' | '#' | '@'))
        {
            e += 1;
        }
        e.max(from + 1)
    }

    /// The unit after a numeral that ends at `k`, allowing one space.
    fn unit_after(
        &self,
        n: &Numeral,
        j: usize,
        k: usize,
        currency_prefix: Option<&str>,
    ) -> Option<UnitHit> {
        let c = self.chars;
        let at = if c.get(k) == Some(&' ') && c.get(k + 1).is_some_and(|x| !x.is_whitespace()) {
            k + 1
        } else {
            k
        };
        let mut best: Option<UnitHit> = None;
        let mut consider = |hit: Hit, end: usize| {
            if best.is_none_or(|b| end > b.end) {
                best = Some(UnitHit {
                    hit,
                    start: at,
                    end,
                });
            }
        };
        if let Some((u, e)) = percent::suffix_at(c, at) {
            consider(Hit::Percent(u), e);
        }
        if let Some((u, e)) = money::suffix_at(c, at) {
            consider(Hit::Money(u), e);
        }
        if let Some((u, e)) = measure::unit_at(c, at) {
            consider(Hit::Measure(u), e);
        }
        if currency_prefix.is_none() {
            if let Some(e) = count::classifier_at(c, at)
                .or_else(|| count::classifier_cut_at(c, at, self.words, self.word_at))
            {
                consider(Hit::Count, e);
            }
        }
        let hit = best?;
        // 一九九七, 三三两两: digits in a row are years, codes or idioms.
        if n.shape.digit_sequence && !(n.end - j == 2 && c[hit.start..hit.end] == ['折']) {
            return None;
        }
        // A space is fine before Latin units and ISO codes only.
        if at != k && !c[at].is_ascii_alphabetic() && c[at] != '%' {
            return None;
        }
        match hit.hit {
            Hit::Money(cur) => {
                if cur.compound_only {
                    let alone_is_other = match cur.step {
                        Step::Hundredth => true,
                        _ => !n.shape.arabic,
                    };
                    if alone_is_other {
                        // 26分 alone is a score: a count, if 分 reads as one.
                        let arabic_ok =
                            n.shape.arabic || !count::arabic_digits_only(&c[hit.start..hit.end]);
                        return count::classifier_at(c, hit.start)
                            .filter(|&e| e == hit.end && currency_prefix.is_none() && arabic_ok)
                            .map(|_| UnitHit {
                                hit: Hit::Count,
                                ..hit
                            });
                    }
                }
                // 两块蛋糕: 块 before a noun is a classifier.
                if c[hit.start..hit.end] == ['块'] && self.noun_starts(hit.end) {
                    return Some(UnitHit {
                        hit: Hit::Count,
                        ..hit
                    });
                }
            }
            Hit::Measure(m) => {
                // 三两个人 is "two or three people"; 喝了二两白酒 is 100 g.
                if m.after_digits_only
                    && !n.shape.arabic
                    && (count::classifier_at(c, hit.end).is_some()
                        || n.approx != Approx::Exact
                        || (j > 0 && is_numeral_char(c[j - 1])))
                {
                    return None;
                }
                if m.needs_context
                    && !measure::temperature_context(c, j)
                    && measure::scale_prefix_at(c, j.saturating_sub(2)).is_none()
                {
                    return None;
                }
            }
            Hit::Count => {
                if !n.shape.arabic && count::arabic_digits_only(&c[hit.start..hit.end]) {
                    return None;
                }
            }
            Hit::Percent(_) => {}
        }
        Some(hit)
    }

    /// The second bound of a range starting at `at`, with its unit.
    fn second_bound(
        &self,
        at: usize,
        currency_prefix: Option<&str>,
    ) -> Option<(Numeral, Option<UnitHit>)> {
        let c = self.chars;
        let mut p = at;
        if let Some((code, end)) = money::prefix_at(c, p) {
            if currency_prefix.is_some_and(|cp| cp == code) {
                p = end;
            }
        }
        let negative = measure::below_zero_prefix(c, p);
        if let Some(end) = negative {
            p = end;
        }
        let n = self.parse(p)?;
        if n.end <= p || n.shape.scientific || self.code_after(n.end).is_some() {
            return None;
        }
        let n = self.back_off_unit_multiplier(p, n);
        let u = self.unit_after(&n, p, n.end, currency_prefix);
        Some((if negative.is_some() { below_zero(n) } else { n }, u))
    }

    /// Smaller units after a main one: 123元1角1分, 十块三毛, 3块5.
    fn money_compound(&self, parts: &mut Parts, end: usize) -> usize {
        let c = self.chars;
        let Some(UnitHit {
            hit: Hit::Money(first),
            ..
        }) = parts.unit
        else {
            return end;
        };
        let mut step = first.step;
        let mut end = end;
        while let Some(n) = self.parse(end) {
            if n.end <= end || n.approx != Approx::Exact {
                break;
            }
            let Some(v) = n.value else { break };
            match money::suffix_at(c, n.end) {
                Some((cur, u_end)) if cur.code == first.code && cur.step > step => {
                    parts.add_part(v, cur.step);
                    step = cur.step;
                    end = u_end;
                }
                Some(_) => break,
                None => {
                    // 一斤 after an amount names the unit priced (三块五一斤).
                    let priced_one = |p: usize| {
                        c.get(p) == Some(&'一')
                            && (measure::unit_at(c, p + 1).is_some()
                                || count::classifier_at(c, p + 1).is_some())
                    };
                    // 三块五一斤: the numeral read on into that 一.
                    let (n_end, v) = if n.end == end + 2 && priced_one(end + 1) {
                        match numeral::parse(&c[..end + 1], end).and_then(|d| d.value) {
                            Some(d) => (end + 1, d),
                            None => break,
                        }
                    } else {
                        (n.end, v)
                    };
                    // 3块5, 1元5: one digit right after the main unit is tenths.
                    let single = n_end == end + 1 && step == Step::Main;
                    // ... when nothing but punctuation, 的/钱 or a priced
                    // 一斤 follows it (not 一千二百零五元零花钱).
                    let ends_amount = c
                        .get(n_end)
                        .is_none_or(|&x| !x.is_alphanumeric() || matches!(x, '的' | '钱'))
                        || priced_one(n_end);
                    let unit_char = c[end - 1];
                    if single && ends_amount && c[end] != '零' && matches!(unit_char, '块' | '元')
                    {
                        parts.add_part(v, Step::Tenth);
                        end = n_end;
                    }
                    break;
                }
            }
        }
        end
    }

    /// A numeral with no unit: reported as a bare number unless it is part
    /// of a date, time, code or word.
    fn bare_number(&self, i: usize, j: usize, n: Numeral, prefix_approx: Option<Approx>) -> Next {
        let c = self.chars;
        let skip = Next::Skip(n.end);
        if n.value.is_none() || (n.shape.lone_one && prefix_approx.is_none()) {
            return skip;
        }
        if n.shape.leading_zero
            || (n.shape.integer_digits >= 7 && !n.shape.grouped && !n.shape.decimal)
        {
            return skip;
        }
        // Phone numbers and dates: 0574-87654321, 2023-03-08.
        let dash_digit =
            |p: usize| c.get(p) == Some(&'-') && c.get(p + 1).is_some_and(char::is_ascii_digit);
        if dash_digit(n.end) || (j >= 1 && c[j - 1] == '-' && j >= 2 && c[j - 2].is_ascii_digit()) {
            return Next::Skip(self.ascii_run_end(j));
        }
        if follows_time_word(c, n.end) {
            return skip;
        }
        // A lone Chinese digit glued to other Han characters is a word part.
        if !n.shape.arabic
            && n.end - j == 1
            && c.get(n.end).is_some_and(|&x| crate::text::is_han(x))
        {
            return skip;
        }
        let parts = Parts::single(n, Hit::Count, prefix_approx);
        let mut q = self.finish(i, n.end, parts, None);
        q.kind = QuantityKind::Number;
        q.unit = UnitRef::Static("");
        q.per = None;
        Next::Found(q)
    }

    /// Whether an amount of money follows soon in the clause (for `一斤…15元`).
    fn price_follows(&self, from: usize) -> bool {
        let c = self.chars;
        let limit = (from + 8).min(c.len());
        let mut p = from;
        while p < limit {
            if is_clause_break(c[p]) {
                return false;
            }
            if let Some(n) = self.parse(p) {
                if n.end > p {
                    return money::suffix_at(c, n.end).is_some();
                }
            }
            p += 1;
        }
        false
    }

    /// `一斤售价在15元`: a `一`/`每` + measure unit shortly before `start` in
    /// the same clause, with no other number in between.
    fn price_intro_before(&self, start: usize) -> Option<UnitRef> {
        let c = self.chars;
        let from = start.saturating_sub(10);
        let mut p = start;
        while p > from {
            p -= 1;
            if is_clause_break(c[p]) {
                return None;
            }
            // A dividend: 每10股派发现金红利3.5元 pays 3.5 yuan per 10 shares.
            if c[p] == '股' {
                let digits = c[..p]
                    .iter()
                    .rev()
                    .take_while(|x| x.is_ascii_digit())
                    .count();
                if digits > 0 && p > digits && c[p - digits - 1] == '每' {
                    return Some(UnitRef::Written(p - digits, p + 1));
                }
            }
            if matches!(c[p], '一' | '每') {
                // 每/一 + a unit of goods, then the price: 每盒售价为38.5元,
                // 一斤售价在15元 (not 一个月收入3000元, 每户可获得3万元).
                // 一度 is "at one point", not a kilowatt-hour.
                let unit = GOODS_LEXICON
                    .longest_at(c, p + 1)
                    .filter(|&(_, e)| !(c[p] == '一' && c[p + 1..e] == ['度']));
                if let Some((_, end)) = unit {
                    if end <= start
                        && !c[end..start]
                            .iter()
                            .any(|&x| x.is_ascii_digit() || is_numeral_char(x))
                    {
                        return Some(UnitRef::Written(p + 1, end));
                    }
                }
            }
            if c[p].is_ascii_digit() {
                return None;
            }
        }
        None
    }
}

/// `v` plus one unit of its last non-zero digit (4 → 5, 3000 → 4000,
/// 2.5 → 2.6); `None` for values beyond exact range.
fn next_step(v: Value) -> Option<Value> {
    let d = v.as_decimal()?.normalize();
    let scale = d.scale();
    let step = if scale > 0 {
        Decimal::new(1, scale)
    } else {
        let mut step = Decimal::ONE;
        let mut rest = d.abs();
        while !rest.is_zero() && (rest % Decimal::TEN).is_zero() {
            rest /= Decimal::TEN;
            step *= Decimal::TEN;
        }
        step
    };
    d.checked_add(step).map(Value::Exact)
}

/// `百`, `千`, `万` standing alone for 100, 1000, 10000.
fn lone_multiplier(c: &[char], at: usize) -> Option<Numeral> {
    let power_of = |ch: char| match ch {
        '百' => Some(2),
        '千' => Some(3),
        '万' => Some(4),
        '亿' => Some(8),
        _ => None,
    };
    let mut power = power_of(*c.get(at)?).filter(|&p| p < 8)?;
    let mut end = at + 1;
    // 百亿, 千万, 万亿: multipliers stack.
    while let Some(p) = c.get(end).and_then(|&ch| power_of(ch)) {
        if p <= power && p != 8 {
            break;
        }
        power += p;
        end += 1;
    }
    Some(Numeral {
        end,
        value: Some(Value::from_int(1).scale_pow10(power)),
        approx: Approx::Exact,
        min: None,
        max: None,
        trailing_scale: power,
        shape: numeral::Shape {
            chinese: true,
            ..numeral::Shape::default()
        },
    })
}

/// Whether the multiplier `c[at..end]` (no numeral before it) reads as an
/// amount: followed by `余`/`多` and a unit (`千余人`), or stacked and
/// followed by a currency (`千亿元`, `百万美元`). Alone, `千万` and `万人`
/// are as often words (`千万不要`, `万人空巷`).
fn lone_multiplier_is_amount(c: &[char], at: usize, end: usize) -> bool {
    match c.get(end) {
        Some('余' | '多') => unit_starts_at(c, end + 1),
        _ => end - at >= 2 && money::suffix_at(c, end).is_some(),
    }
}

/// Whether a currency, classifier or measure unit starts at `c[k]`.
fn unit_starts_at(c: &[char], k: usize) -> bool {
    money::suffix_at(c, k).is_some()
        || count::classifier_at(c, k).is_some()
        || measure::unit_at(c, k).is_some()
}

/// `十来个`, `二十来岁`, `百来人`: `来` after a round Chinese numeral and
/// before a unit is "about" (elsewhere it is the verb: `三十来了`).
fn about_lai(c: &[char], n: Numeral) -> Numeral {
    let round = n.end > 0 && matches!(c.get(n.end - 1), Some('十' | '百' | '千' | '万'));
    if c.get(n.end) == Some(&'来')
        && round
        && n.approx == Approx::Exact
        && n.shape.chinese
        && unit_starts_at(c, n.end + 1)
    {
        Numeral {
            end: n.end + 1,
            approx: Approx::About,
            ..n
        }
    } else {
        n
    }
}

/// `千余`: a lone multiplier and `余`/`多`, over it and under twice it (as
/// `4万余` is between 40000 and 50000).
fn over_lone_multiplier(n: Numeral) -> Numeral {
    let value = n.value.unwrap_or(Value::ZERO);
    Numeral {
        end: n.end + 1,
        approx: Approx::Over,
        min: Some(value),
        max: Some(value.add(value)),
        ..n
    }
}

/// The numeral below zero (`零下5`): value and bounds negated, bounds swapped.
fn below_zero(n: Numeral) -> Numeral {
    Numeral {
        value: n.value.map(Value::negated),
        min: n.max.map(Value::negated),
        max: n.min.map(Value::negated),
        ..n
    }
}

fn money_cny() -> Currency {
    Currency {
        code: "CNY",
        step: Step::Main,
        compound_only: false,
    }
}

fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '。' | '，' | '；' | '！' | '？' | '\n' | ',' | ';' | '、' | '：'
    )
}

/// A date, time or duration word follows: `2019年`, `3月`, `9时`, `5天`.
fn follows_time_word(c: &[char], at: usize) -> bool {
    match c.get(at) {
        Some('年' | '月' | '日' | '号' | '时' | '点' | '秒' | '天' | '周' | '世' | '岁' | '倍') => {
            !matches!(c.get(at), Some('倍'))
        }
        Some('分') => true,
        Some('小') => c.get(at + 1) == Some(&'时'),
        Some('个') => matches!(c.get(at + 1), Some('月' | '小' | '星' | '工')),
        Some('季') => c.get(at + 1) == Some(&'度'),
        Some('星') => c.get(at + 1) == Some(&'期'),
        Some(':') => c.get(at + 1).is_some_and(char::is_ascii_digit),
        _ => false,
    }
}

/// The pieces of one quantity before they become a record.
#[derive(Clone, Copy, Debug)]
struct Parts {
    first: Numeral,
    second: Option<Numeral>,
    hit: Hit,
    unit: Option<UnitHit>,
    prefix_approx: Option<Approx>,
    /// Added smaller money units, in the main unit (`1角1分` → 0.11).
    extra: Option<Value>,
    /// Extra power of ten (k/w salaries).
    scale: i32,
    half: bool,
    /// Where a 每X written before the amount ends (`每斤15元`).
    per_prefix_end: Option<usize>,
}

impl Parts {
    fn single(first: Numeral, hit: Hit, prefix_approx: Option<Approx>) -> Parts {
        Parts {
            first,
            second: None,
            hit,
            unit: None,
            prefix_approx,
            extra: None,
            scale: 0,
            half: false,
            per_prefix_end: None,
        }
    }

    fn numeral_approx(&self) -> Approx {
        if self.second.is_some() {
            Approx::Range
        } else {
            self.first.approx
        }
    }

    fn add_part(&mut self, v: Value, step: Step) {
        let factor = match step {
            Step::Main => Decimal::ONE,
            Step::Tenth => Decimal::new(1, 1),
            Step::Hundredth => Decimal::new(1, 2),
        };
        let part = v.mul(Value::Exact(factor));
        self.extra = Some(match self.extra {
            Some(e) => e.add(part),
            None => part,
        });
    }

    /// How every written number is scaled to the record's unit.
    fn transform(&self, v: Value) -> Value {
        let mut v = v;
        let first_step = match self.unit.map(|u| u.hit) {
            Some(Hit::Money(c)) => c.step,
            _ => Step::Main,
        };
        v = match first_step {
            Step::Main => v,
            Step::Tenth => v.mul(Value::Exact(Decimal::new(1, 1))),
            Step::Hundredth => v.mul(Value::Exact(Decimal::new(1, 2))),
        };
        let shift = self.scale
            + match self.hit {
                Hit::Percent(p) => i32::from(p.shift),
                _ => 0,
            };
        if shift > 0 {
            v = v.scale_pow10(shift as u32);
        } else if shift < 0 {
            v = v.mul(Value::Exact(Decimal::new(1, (-shift) as u32)));
        }
        v
    }

    /// (value, min, max) in the record's unit.
    fn values(&self) -> (Option<Value>, Option<Value>, Option<Value>) {
        let mut add = |v: Value| {
            let mut v = self.transform(v);
            if let Some(e) = self.extra {
                v = v.add(e);
            }
            if self.half {
                v = v.add(Value::Exact(Decimal::new(5, 1)));
            }
            v
        };
        if let Some(second) = self.second {
            let (Some(a), Some(b)) = (self.first.value, second.value) else {
                return (None, None, None);
            };
            // The shared multiplier: 3至5万 → 30000..50000, but 8500到3万
            // keeps 8500.
            let a = if self.first.trailing_scale == 0 && second.trailing_scale > 0 {
                let scaled = a.scale_pow10(second.trailing_scale);
                if scaled <= b { scaled } else { a }
            } else {
                a
            };
            let (lo, hi) = (add(a), add(b));
            let (lo, hi) = if hi < lo { (hi, lo) } else { (lo, hi) };
            return (Some(lo), Some(lo), Some(hi));
        }
        let value = self.first.value.map(&mut add);
        let min = self.first.min.map(&mut add);
        let max = self.first.max.map(&mut add);
        (value, min, max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starters_are_the_numerals_and_the_prefix_chars() {
        let starters = &*STARTERS;
        let may_start = |c: char| {
            let i = c as usize;
            i < 65536 && starters[i / 64] & (1 << (i % 64)) != 0
        };
        for c in "0123456789-+.〇零一二两三四五六七八九十百千万亿壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億兩负負半数几上成每摄华约近超逾人¥$".chars() {
            assert!(may_start(c), "{c}");
        }
        for c in "的是在有年月个兆点".chars() {
            assert!(!may_start(c), "{c}");
        }
    }

    #[test]
    fn one_price_table_for_three_uses() {
        let forms = |lexicon: &Lexicon<PricedUnit>, list: &str| {
            list.split(' ')
                .filter(|f| {
                    let chars: Vec<char> = f.chars().collect();
                    lexicon.contains(&chars)
                })
                .count()
        };
        assert_eq!(forms(&PRICE_INTRO_LEXICON, "斤 公斤 平方米 升 人 盒 单"), 4);
        assert_eq!(forms(&GOODS_LEXICON, "斤 盒 单 条 餐 人 月 米"), 5);
        assert_eq!(forms(&PRICED_LEXICON, "斤 盒 人 月 米 km 单 条 餐"), 6);
    }
}
