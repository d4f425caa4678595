//! What is not a quantity though it holds a numeral: titles of works
//! (`《三颗宝珠》`), set phrases and idioms (`三严三实`, `三番五次`),
//! ordinals and ranks (`第二`, `前五名`), times (`9点30分`), codes and
//! versions (`V2.3.1`, `1.1.1.1元`, `5G`), numerals inside other words
//! (`唯一`), and a unit that a numeral's context refuses (`一个典型`,
//! `三个月`, `这一块`).

use std::sync::LazyLock;

use super::scan::Scanner;
use super::unit::UnitHit;
use crate::extract::count;
use crate::extract::lexicon::{Lexicon, UnitEntry, unit};
use crate::extract::numeral::{Numeral, is_numeral_char};
use crate::extract::units::{self, Unit};

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

static SET_PHRASE_LEXICON: LazyLock<Lexicon<()>> = LazyLock::new(|| Lexicon::new(SET_PHRASES));

/// The first chars of the set phrases.
pub(super) fn set_phrase_first_chars() -> impl Iterator<Item = char> {
    SET_PHRASES.iter().filter_map(|e| e.written.chars().next())
}

/// Words that name what follows as an identifier, not an amount
/// (`批号20240315B`, `订单号：2023`).
const IDENTIFIER_WORDS: &[&str] = &[
    "批号",
    "编号",
    "型号",
    "货号",
    "单号",
    "工号",
    "学号",
    "账号",
    "帐号",
    "序号",
    "代码",
    "代号",
    "车牌号",
    "条码",
    "证号",
];

/// Whether an identifier word ends right before `i` (a colon or spaces
/// between them aside).
fn identifier_word_before(c: &[char], i: usize) -> bool {
    let mut p = i;
    while p > 0 && matches!(c[p - 1], ' ' | ':' | '：') {
        p -= 1;
    }
    IDENTIFIER_WORDS.iter().any(|w| {
        let n = w.chars().count();
        p >= n && c[p - n..p].iter().copied().eq(w.chars())
    })
}

impl Scanner<'_, '_> {
    /// A numeral at `i` that is no quantity start: glued to a code or an
    /// ordinal before it, or a set phrase. Where to go on.
    pub(super) fn refused_start(&self, i: usize) -> Option<usize> {
        if let Some(skip) = self.code_or_ordinal_before(i) {
            return Some(skip);
        }
        SET_PHRASE_LEXICON
            .longest_at(self.chars, i)
            .map(|(_, end)| end)
    }

    /// An ordinal marker or a code glued before `i`: skip the numeral.
    pub(super) fn code_or_ordinal_before(&self, i: usize) -> Option<usize> {
        let c = self.chars;
        if i == 0 {
            return None;
        }
        let before = c[i - 1];
        let connector_before = i == self.after_connector.get();
        let starts_ascii_number = c[i].is_ascii_digit()
            || (matches!(c[i], '-' | '+' | '.') && c.get(i + 1).is_some_and(char::is_ascii_digit));
        if starts_ascii_number
            && !connector_before
            && (before.is_ascii_alphanumeric()
                || matches!(before, '.' | '_' | '/' | '#' | '@' | ':' | '-' | '\\'))
        {
            return Some(self.ascii_run_end(i));
        }
        if starts_ascii_number && identifier_word_before(c, i) {
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
        // 第3名, 第 3 名.
        if before == '第' || (before == ' ' && i >= 2 && c[i - 2] == '第') {
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
    pub(super) fn inside_other_word(&self, i: usize, j: usize, end: usize) -> Option<usize> {
        let w = self.word_containing(j)?;
        let numeric = matches!(w.tag, "m" | "mq" | "q" | "x" | "eng");
        // 从三到五千元: jieba glued the connector after the numeral too.
        let range_word = w.end == end + 1 && matches!(self.chars.get(end), Some('到' | '至'));
        if w.start < j && w.start < i && !numeric && !range_word {
            return Some(w.end.max(end));
        }
        None
    }

    /// A name or idiom that starts with the numeral at `j` and runs past the
    /// quantity's end `k` (三心二意, 五四青年节): where to go on.
    pub(super) fn idiom_past(&self, j: usize, k: usize) -> Option<usize> {
        let w = self.word_containing(j)?;
        let proper = matches!(w.tag, "i" | "l" | "nz" | "ns" | "nt" | "nr" | "nrt" | "j");
        (w.start == j && w.end > k && proper).then_some(w.end)
    }

    /// `5千克` reads as 5 kg, not 5000 g: give the multiplier back when it
    /// After a numeral ending at `k`: `.` + digit (`1.1.1`), or letters that
    /// are no unit (`5G`, `3D`): the end of the code's run.
    pub(super) fn code_after(&self, k: usize) -> Option<usize> {
        let c = self.chars;
        let next = *c.get(k)?;
        if next == '.' && c.get(k + 1).is_some_and(char::is_ascii_digit) {
            return Some(self.ascii_run_end(k));
        }
        if matches!(next, '_' | '@' | '#') {
            return Some(self.ascii_run_end(k));
        }
        if next.is_ascii_alphabetic()
            && units::measure_at(c, k).is_none()
            && units::currency_at(c, k).is_none()
            && (!matches!(next, 'k' | 'K' | 'w' | 'W')
                || c.get(k + 1).is_some_and(char::is_ascii_alphanumeric))
        {
            return Some(self.ascii_run_end(k));
        }
        None
    }

    pub(super) fn ascii_run_end(&self, from: usize) -> usize {
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

    /// A number and `秒` at `at` (`5分30秒`).
    fn seconds_follow(&self, at: usize) -> bool {
        self.parse(at)
            .is_some_and(|n| n.end > at && self.chars.get(n.end) == Some(&'秒'))
    }

    /// A unit the numeral's context refuses: `这一块` (a piece), the
    /// article-like `一个典型`, the `一斤` of `38元一斤` or `一斤售价在15元`
    /// (it only names the unit priced), `每10股` (per ten shares), `07分`
    /// (a clock reading), `三个月` (a duration), `十八届三中全会`. Where to
    /// go on.
    pub(super) fn refused_unit(
        &self,
        i: usize,
        j: usize,
        first: &Numeral,
        prefix_approx: bool,
        range: bool,
        hit: UnitHit,
    ) -> Option<usize> {
        let c = self.chars;
        let skip = Some(hit.end);
        let lone_one = first.shape.lone_one;
        if lone_one && c[hit.start..hit.end] == ['块'] && !self.one_kuai_is_amount(first, hit) {
            return skip;
        }
        let count = matches!(hit.unit, Unit::Count);
        if count && lone_one && !prefix_approx && !range {
            return skip;
        }
        if lone_one && matches!(hit.unit, Unit::Measure(_) | Unit::Count) && self.after_price(i) {
            return skip;
        }
        if lone_one && matches!(hit.unit, Unit::Measure(_)) && self.introduces_price(hit) {
            return skip;
        }
        // 81公斤级: a weight class, not a weight.
        if matches!(hit.unit, Unit::Measure(_)) && c.get(hit.end) == Some(&'级') {
            return skip;
        }
        if !count {
            return None;
        }
        let congress = || {
            c[hit.start..hit.end] == ['届']
                && self
                    .parse(hit.end)
                    .is_some_and(|n| c[n.end..].starts_with(&['中', '全', '会']))
        };
        // 三个月 is a duration; 3名年轻人 are people.
        let duration = c[hit.start..hit.end] == ['个'] && count::starts_duration(c, hit.end);
        // 5分30秒 is a time.
        let minutes = c[hit.start..hit.end] == ['分'] && self.seconds_follow(hit.end);
        let refused = (j > 0 && c[j - 1] == '每')
            || first.shape.leading_zero
            || duration
            || minutes
            || congress();
        refused.then_some(hit.end)
    }
}

/// One past the `》` that closes the title opened at `open`, if it closes
/// within a title's length and the same sentence.
pub(super) fn title_end(chars: &[char], open: usize) -> Option<usize> {
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

/// A date, time or duration word follows: `2019年`, `3月`, `9时`, `5天`.
pub(super) fn follows_time_word(c: &[char], at: usize) -> bool {
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

/// A web address, e-mail address, file path or percent-encoded text
/// starting at `i`, the start of a run of ASCII marks (`https://a.cn/?q=30%25`,
/// `sales100@example.com`, `C:\data\50%.xlsx`, `/srv/2020/`, `a%20b`):
/// the end of the run, which holds no quantity.
pub(super) fn link_end(c: &[char], i: usize) -> Option<usize> {
    let end = i + c[i..].iter().take_while(|x| x.is_ascii_graphic()).count();
    let token = &c[i..end];
    let has = |pattern: &[char]| token.windows(pattern.len()).any(|w| w == pattern);
    let lower_starts = |prefix: &str| {
        token.len() >= prefix.len()
            && token
                .iter()
                .zip(prefix.chars())
                .all(|(a, b)| a.to_ascii_lowercase() == b)
    };
    let url = has(&[':', '/', '/']) || lower_starts("www.");
    let email = token.iter().position(|&x| x == '@').is_some_and(|at| {
        at > 0 && token[at + 1..].contains(&'.') && token[at - 1].is_ascii_alphanumeric()
    });
    let path = token.contains(&'\\')
        || (token.len() > 1 && token[0] == '/' && token[1..].contains(&'/'))
        || lower_starts("./")
        || lower_starts("../")
        || lower_starts("~/");
    (url || email || path || percent_encoded(token)).then_some(end)
}

/// Whether `token` holds percent-encoded bytes (`%20`, `%E4%B8%AD`): two
/// or more, or one with a letter right before or a letter or digit right
/// after it (`a%20b`; not `30%20`, thirty percent and twenty).
fn percent_encoded(token: &[char]) -> bool {
    let hex = |p: usize| token.get(p).is_some_and(char::is_ascii_hexdigit);
    let mut escapes = (0..token.len()).filter(|&p| token[p] == '%' && hex(p + 1) && hex(p + 2));
    match (escapes.next(), escapes.next()) {
        (Some(p), None) => {
            (p > 0 && token[p - 1].is_ascii_alphabetic())
                || token.get(p + 3).is_some_and(char::is_ascii_alphanumeric)
        }
        (first, _) => first.is_some(),
    }
}
