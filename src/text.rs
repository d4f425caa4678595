//! The normalised view of a document that every recogniser reads, with the
//! map that takes its positions back to the user's text.
//!
//! Normalisation is character for character, except that soft line breaks
//! (a break that wraps a sentence in the middle of a run of Han characters,
//! as PDF output does: `宁波市第二\n\n人民医院`, with any spaces that end
//! the line), the spaces that such breaks became in text put on one line
//! (`宁波市第二 人民医院`), the spaces of letter-spaced text (`宁 波 市`),
//! of a two-char name padded to three (`王　伟`) and between Chinese and a
//! number (`约 4200 元`) are left out, so names and amounts read through
//! them. Folding: full-width digits, Latin letters and `％．＋－／` become
//! ASCII; traditional characters simplified ones (`區` → `区`); Chinese
//! punctuation (`，、。：`) is kept, since a Chinese comma between digits
//! separates two numbers, and ASCII punctuation beside Han characters
//! becomes Chinese (`会上,` → `会上，`).

use crate::extract::entities::convention::is_listed_surname;
use crate::record::Span;

/// Line-length statistics of a whole document, to tell a line wrapped by a
/// PDF converter (long, ends mid-sentence) from a heading (short).
#[derive(Clone, Copy, Debug)]
pub(crate) struct LineProfile {
    /// A line at least this long (in chars) that ends in a Han character is
    /// taken to be wrapped.
    wrapped_min_chars: usize,
}

impl LineProfile {
    /// Lines longer than this are counted as this long: bounds the histogram.
    const CAP: usize = 256;

    /// One pass over `text`.
    pub(crate) fn of(text: &str) -> LineProfile {
        let mut histogram = [0u32; Self::CAP + 1];
        let mut lines = 0u32;
        for line in text.split('\n') {
            let n = line
                .trim_end_matches(|c| c == '\r' || is_blank(c))
                .chars()
                .count()
                .min(Self::CAP);
            if n > 0 {
                histogram[n] = histogram[n].saturating_add(1);
                lines = lines.saturating_add(1);
            }
        }
        // The 75th percentile of non-empty line lengths is the body width.
        let mut seen = 0u32;
        let mut p75 = 0usize;
        let threshold = lines - lines / 4;
        for (n, &count) in histogram.iter().enumerate() {
            seen += count;
            if seen >= threshold && count > 0 {
                p75 = n;
                break;
            }
        }
        // With short lines only (a sentence, a few fragments) any break
        // between Han characters is taken as a wrap; otherwise a line must
        // be at least half the body width (headings are shorter).
        let wrapped_min_chars = if p75 < 20 { 0 } else { p75 / 2 };
        LineProfile { wrapped_min_chars }
    }

    /// Every break between Han characters is soft.
    #[cfg(test)]
    pub(crate) fn permissive() -> LineProfile {
        LineProfile {
            wrapped_min_chars: 0,
        }
    }
}

/// Whether `c` is a Han ideograph (CJK unified ideographs and extensions,
/// compatibility ideographs, `〇`).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3007
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0x20000..=0x2FA1F
        | 0x30000..=0x323AF)
}

/// Whether `c` is an invisible format character that scraped and converted
/// text scatters inside words: zero-width space and joiners, word joiner,
/// byte-order mark, soft hyphen, bidi marks, embeddings and isolates. The
/// view leaves them out, so `200\u{200B}万元` reads as `200万元` (the record's
/// span still covers them).
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}')
}

/// The char of a three-byte UTF-8 sequence (a Han character of the basic
/// block: the caller checked the lead bytes).
#[inline(always)]
fn decode_han(b: &[u8]) -> char {
    let c = (u32::from(b[0] & 0x0F) << 12) | (u32::from(b[1] & 0x3F) << 6) | u32::from(b[2] & 0x3F);
    char::from_u32(c).unwrap_or('\u{FFFD}')
}

/// A char that separates the cells of a table's row (`甲｜乙`).
pub(crate) fn is_column_separator(c: char) -> bool {
    matches!(c, '|' | '｜' | '¦')
}

/// A space within a line: ASCII, full-width, no-break (`&nbsp;` of web
/// text), or a tab.
fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{A0}')
}

/// Whitespace that a soft line break may carry with it (see [`View::rebuild`]).
pub(crate) fn is_break_space(c: char) -> bool {
    is_page_break(c) || matches!(c, '\n' | '\r') || is_blank(c) || is_invisible(c)
}

/// A form feed (pdftotext ends each page with one, after its last line
/// break) or a vertical tab: part of a line break, no text.
fn is_page_break(c: char) -> bool {
    matches!(c, '\u{C}' | '\u{B}')
}

/// Folds full-width forms of ASCII digits, letters and the symbols that
/// appear inside numbers, and traditional characters to simplified ones;
/// leaves everything else alone. One char for one char, so offsets
/// map back exactly.
pub(crate) fn fold(c: char) -> char {
    match c {
        '０'..='９'
        | 'Ａ'..='Ｚ'
        | 'ａ'..='ｚ'
        | '％'
        | '．'
        | '＋'
        | '－'
        | '／'
        | '＄'
        | '＃' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '～' => '~',
        // Traditional characters (OpenCC's table of single chars).
        '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'.. => {
            crate::traditional::table().simplified(c).unwrap_or(c)
        }
        '\u{2212}' => '-', // minus sign
        _ => c,
    }
}

/// Where a normalised char comes from in the original piece.
#[derive(Clone, Copy, Debug)]
struct Source {
    /// Byte offset of the source char.
    byte: u32,
    /// Its char offset.
    char: u32,
    /// Its length in bytes (1 to 4).
    len: u8,
}

/// The chars of `original` from byte `bi` on, the first being char `ci`:
/// (char offset, (byte offset, char)).
fn chars_from(
    original: &str,
    bi: usize,
    ci: usize,
) -> std::iter::Peekable<impl Iterator<Item = (usize, (usize, char))> + '_> {
    original[bi..]
        .char_indices()
        .enumerate()
        .map(move |(i, (b, c))| (ci + i, (bi + b, c)))
        .peekable()
}

/// Consumes the rest of a terminal escape sequence (`\x1b[31m`) whose
/// `\x1b` was just read: the `[`, parameters, and the final byte.
#[inline]
fn skip_escape(iter: &mut std::iter::Peekable<impl Iterator<Item = (usize, (usize, char))>>) {
    iter.next();
    while let Some(&(_, (_, d))) = iter.peek() {
        iter.next();
        if !('\u{20}'..='\u{3F}').contains(&d) {
            break; // the final byte (or anything unexpected)
        }
    }
}

/// Consumes the blank lines and spaces of a soft line break.
#[inline]
fn skip_break_spaces(iter: &mut std::iter::Peekable<impl Iterator<Item = (usize, (usize, char))>>) {
    while let Some(&(_, (_, d))) = iter.peek() {
        if is_break_space(d) {
            iter.next();
        } else {
            break;
        }
    }
}

/// The indentation of the line `rest` begins with: its leading spaces
/// (a full-width space counts as one).
fn indent(rest: &str) -> usize {
    rest.chars().take_while(|&c| is_blank(c)).count()
}

/// The indentation of the line after the break (and any blank lines)
/// that starts `rest`.
fn indent_after_break(rest: &str) -> usize {
    let mut n = 0;
    for c in rest.chars().take_while(|&c| is_break_space(c)) {
        n = if matches!(c, '\n' | '\r') || is_page_break(c) {
            0
        } else {
            n + 1
        };
    }
    n
}

/// Whether `line` is a numbered heading: it begins with a list number
/// (`三、`, `（二）`, `2.`) and at most 20 chars without punctuation of
/// prose follow.
fn is_heading(line: &str) -> bool {
    let numeral = |c: char| "一二三四五六七八九十".contains(c) || c.is_ascii_digit();
    let line = line.trim_start_matches(is_blank);
    let (body, bracketed) = match line.strip_prefix(['（', '(']) {
        Some(r) => (r, true),
        None => (line, false),
    };
    let r = body.trim_start_matches(numeral);
    if r.len() == body.len() {
        return false;
    }
    let rest = if bracketed {
        r.strip_prefix(['）', ')'])
    } else if let Some(rest) = r.strip_prefix(['.', '．']) {
        // `1.5亿元` begins with a number, not a list number.
        Some(rest).filter(|rest| !rest.starts_with(|c: char| c.is_ascii_digit()))
    } else {
        r.strip_prefix('、')
    };
    // Short: a list item that fills its line and wraps is prose.
    rest.is_some_and(|rest| {
        !rest.is_empty()
            && rest.chars().count() <= 20
            && !rest.contains(['，', '。', '；', '：', '！', '？', ',', ';'])
    })
}

/// Whether the text reads through the line break that starts `rest`,
/// `view` being the view so far: Han characters on both sides, or a
/// number or an amount wrapped in the middle (`12.8\n亿元`, `3\n000名`,
/// `1\n725.5元`, `6\n.5%`, `35\n%`, `100\nW`, `3.2元\n/平方米`,
/// `售价在\n15元`, `15k-\n25k`, `¥\n23,400`, `5，\n600元`), unless the
/// next line starts a list item (`1.`, `2、`, `3 王伟`).
#[inline]
fn break_joins(view: &[char], rest: &str) -> bool {
    let Some(&p) = view.last() else {
        return false;
    };
    let mut look = rest.chars().skip_while(|&d| is_break_space(d)).map(fold);
    let Some(d) = look.next() else {
        return false;
    };
    let digit = p.is_ascii_digit();
    let digit_before = |k: usize| view.len() > k && view[view.len() - 1 - k].is_ascii_digit();
    match d {
        // After `%`, only the words of a range or an approximation
        // (`5.25%⏎至5.5%`, `30%⏎以上`): a line that ends with a figure
        // ends a heading as often (`增长37%⏎本刊讯`).
        _ if is_han(d) => {
            is_han(p) || digit || matches!(p, '.' | '/') || (p == '%' && "至到以左上下".contains(d))
        }
        _ if d.is_ascii_digit() => {
            // What follows the digits: a list item's mark, or more of the
            // number (a decimal point or a group of thousands).
            let after = look.find(|x| !x.is_ascii_digit());
            // (`look` and the view are folded: `．` is `.`, `～` is `~`.)
            let more =
                matches!(after, Some('.' | ',')) && look.next().is_some_and(|x| x.is_ascii_digit());
            let list = !more && matches!(after, Some('.' | '、' | ')' | '）'));
            if digit || matches!(p, '.' | ',' | '-' | '~' | '¥' | '￥' | '$' | '€' | '£') {
                !list
            } else if p == '，' {
                // A comma that may group thousands (`5，\n600元`).
                digit_before(1) && !list
            } else {
                // After a Han char only what goes on as an amount: not a
                // list's number (`3 王伟`, `2：`), nor a date, which follows
                // a heading or a signature as often (`工作简报⏎2025年第4期`).
                is_han(p)
                    && !list
                    && after.is_none_or(|x| {
                        !x.is_whitespace()
                            && !is_column_separator(x)
                            && !matches!(x, ':' | '：' | '年' | '月' | '日' | '期' | '号')
                    })
            }
        }
        // A decimal point or a thousands comma that begins the line.
        '.' | ',' => digit && look.next().is_some_and(|x| x.is_ascii_digit()),
        '%' | '℃' | '°' | '~' => digit,
        // A unit in Latin letters (`100\nW`, `12\nGB`), or the rest of
        // one (`500K\nB`, `5000mA\nh`).
        _ if d.is_ascii_alphabetic() => {
            let letters = view
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_alphabetic())
                .count();
            digit || (letters > 0 && letters <= 3 && digit_before(letters))
        }
        // A currency sign before its amount (`卖\n$10`, `$5-\n$10`).
        '$' | '¥' | '￥' | '€' | '£' => {
            (is_han(p) || matches!(p, '-' | '~')) && look.next().is_some_and(|x| x.is_ascii_digit())
        }
        '/' => {
            (digit || is_han(p))
                && look
                    .next()
                    .is_some_and(|x| is_han(x) || x.is_ascii_alphabetic())
        }
        _ => false,
    }
}

/// How long the runs around a space between Han characters must be for it
/// to stand for a flattened line break: a line of body text. Shorter runs
/// are cells, names in a list, a heading (`王伟 李明 张华`).
const SPACE_WRAP_MIN_CHARS: usize = 12;

/// The run of text since the last space or hard break: a line that a
/// space may stand for (see [`flattened_break`]), or a table's cells.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Run {
    /// Its length in chars (counted up to [`Run::SCAN`]).
    chars: usize,
    /// It holds a comma or semicolon: prose.
    prose: bool,
    /// It holds a column mark: a table's row.
    table: bool,
}

impl Run {
    /// How far back [`Run::before`] looks.
    const SCAN: usize = 256;

    /// The run that ends at byte `at` of `text`, for a piece of a document
    /// read on its own that starts there: the piece reads its first
    /// spaces as the whole document does.
    pub(crate) fn before(text: &str, at: usize) -> Run {
        let mut run = Run::default();
        for c in text[..at].chars().rev().take(Self::SCAN) {
            if c.is_whitespace() {
                break;
            }
            run.add(c);
        }
        run
    }

    fn add(&mut self, c: char) {
        self.chars += 1;
        self.prose |= matches!(c, '，' | '；');
        self.table |= is_column_separator(c);
    }

    /// Whether a space after this run may stand for a line break: the run
    /// is a line of prose or body text and no table's row.
    fn is_line(&self) -> bool {
        !self.table && (self.prose || self.chars >= SPACE_WRAP_MIN_CHARS)
    }
}

/// A space that a flattened line break left between Han characters: one
/// or two spaces (`\n\n` turned into spaces), whose run before them is a
/// line of prose or body text ([`Run::is_line`]), and after which
/// `rest` goes on with a Han character and a run as long, or one that
/// holds punctuation of prose or ends the sentence (the last line of a
/// paragraph, `人民医院。`; not a credit at the end of a text,
/// `（宁波港集团有限公司 宣传中心）`). Returns how many chars the break has
/// after its first. Text whose line breaks were turned into spaces
/// (`" ".join(text.split())`) so reads as its lines did.
fn flattened_break(rest: &str) -> Option<usize> {
    let is_space = |c: char| c != '\t' && is_blank(c);
    let more = rest.chars().take_while(|&c| is_space(c)).count();
    let mut run = rest.chars().skip(more).peekable();
    let mut previous = run.next().filter(|&c| is_han(c) && more <= 1)?;
    let mut i = 0;
    while let Some(c) = run.next() {
        let spacing = c == ' ' && run.peek().is_some_and(|&n| number_spacing(previous, n));
        previous = c;
        if c.is_whitespace() && !spacing {
            return None;
        }
        if i + 2 >= SPACE_WRAP_MIN_CHARS || "，。；！？、：".contains(c) {
            return Some(more);
        }
        i += 1;
    }
    None
}

/// Whether a space between `before` and `after` parts two single Han
/// characters, each with a space or no Han character on its other side:
/// letter-spaced text (`集 团 组 织 医 护`, as some PDF converters give
/// it). Words that a space parts (`王伟 李明`, `宁波市第二 人民医院`) are
/// none. ASCII spaces only: full-width ones part the names of a list,
/// and pad a two-char name in it ([`padded_name`]).
fn letter_spaced(before: &str, after: &str) -> bool {
    fn single(mut chars: impl Iterator<Item = char>) -> bool {
        chars.next().is_some_and(is_han) && !chars.next().is_some_and(is_han)
    }
    single(before.chars().rev()) && single(after.chars())
}

/// Whether one space between `before` and `after` parts a Han char and
/// a number: a digit after a Han char, or a Han char after a digit or `%`
/// (`约 4200 元`, `31% 以上`).
fn number_spacing(before: char, after: char) -> bool {
    (is_han(before) && after.is_ascii_digit())
        || ((before.is_ascii_digit() || before == '%') && is_han(after))
}

/// Whether a space between the view so far, `view`, and `after` parts a
/// Han char and a number (`约 4200 元`, `31% 以上`, `8k 起`, as web and
/// Markdown style guides space them): a digit after a Han char, or a Han
/// char after a number, Latin letters after its digits included. Not a
/// number of one or two digits that begins its line: that numbers a
/// list's or a table's row (`3 党梓豪`), and its space parts it from the
/// row; nor a Latin word (`Google 工作`).
fn spaces_a_number(view: &[char], after: Option<char>) -> bool {
    let (Some(&before), Some(after)) = (view.last(), after) else {
        return false;
    };
    if is_han(before) {
        return after.is_ascii_digit();
    }
    if !is_han(after) || !(before.is_ascii_alphanumeric() || before == '%') {
        return false;
    }
    let token = view
        .iter()
        .rev()
        .take_while(|&&c| c.is_ascii_alphanumeric() || matches!(c, '.' | ',' | '%'))
        .count();
    let first = view.len() - token;
    let begins_line = first == 0 || view[first - 1].is_whitespace();
    let row_number = token <= 2 && view[first..].iter().all(char::is_ascii_digit);
    token > 0 && view[first].is_ascii_digit() && !(begins_line && row_number)
}

/// Whether the blanks at the start of `rest` pad a two-char name to the
/// width of three in a list or a byline (`王　伟`, `记者　张　华`): one
/// full-width space or one or two ASCII ones between a listed surname and
/// one Han char, neither with a Han char on its other side. Returns how
/// many chars the padding has after its first. A pair begins with a
/// surname, so a padded list (`王　伟　李　明`) reads pair by pair.
fn padded_name(before: &str, rest: &str) -> Option<usize> {
    let mut ahead = rest.chars();
    let more = match (ahead.next()?, ahead.clone().next()?) {
        ('\u{3000}', _) => 0,
        (' ', ' ') => {
            ahead.next();
            1
        }
        (' ', _) => 0,
        _ => return None,
    };
    let given = ahead.next()?;
    if !is_han(given) || ahead.next().is_some_and(is_han) {
        return None;
    }
    let mut back = before.chars().rev();
    let surname = back.next()?;
    (!back.next().is_some_and(is_han) && is_listed_surname(&[surname])).then_some(more)
}

/// The Chinese form of ASCII punctuation that stands in Chinese text (a
/// pipeline that turned `，。：；（）！？` into ASCII), `view` being the
/// text before it: beside a Han character, `,` is `，`, `:` `：` and so
/// on; `.` after one and before no Latin letter is `。`; `)` closes as
/// its `(` opened. Between digits and in Latin text they stay (`1,000`,
/// `3.5`, `U.S.`, `f(x)`). One char for one, so offsets hold.
fn chinese_punctuation(c: char, view: &[char], after: Option<char>) -> char {
    let han_before = view.last().copied().is_some_and(is_han);
    let han_after = after.is_some_and(is_han);
    match c {
        ',' if han_before || han_after => '，',
        ';' if han_before || han_after => '；',
        ':' if han_before || han_after => '：',
        '?' if han_before => '？',
        '!' if han_before => '！',
        '(' if han_before || han_after => '（',
        ')' => {
            let opened = view
                .iter()
                .rev()
                .take(64)
                .find(|&&o| matches!(o, '(' | '（' | ')' | '）'));
            if opened == Some(&'（') { '）' } else { ')' }
        }
        // Not a decimal point: no digit before it (`4次.6岁以下`).
        '.' if han_before && !after.is_some_and(|a| a.is_ascii_alphabetic()) => '。',
        _ => c,
    }
}

/// Whether `rest` is spaces up to a line or page break.
fn ends_line(rest: &str) -> bool {
    rest.chars()
        .find(|&c| !is_blank(c))
        .is_some_and(|c| c == '\n' || c == '\r' || is_page_break(c))
}

/// A normalised copy of a piece of text, and the way back.
#[derive(Debug, Default)]
pub(crate) struct View {
    /// The normalised text (what jieba reads).
    pub text: String,
    /// Its characters.
    pub chars: Vec<char>,
    /// For each normalised char: its byte offset in `text`, then one past the end.
    pub byte_in_view: Vec<u32>,
    /// For each normalised char: where its source char is in the original.
    source: Vec<Source>,
}

impl View {
    /// Builds the view of `original` (at most `u32::MAX` bytes: callers cut
    /// long documents into pieces), reusing `self`'s buffers.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn rebuild(&mut self, original: &str, profile: LineProfile) {
        self.rebuild_at(original, profile, 0, Run::default());
    }

    /// Like [`rebuild`](View::rebuild), for a piece that starts
    /// `line_chars` characters into a line of the document, after `run`
    /// (so a line that a piece boundary splits is still measured whole).
    pub(crate) fn rebuild_at(
        &mut self,
        original: &str,
        profile: LineProfile,
        line_chars: usize,
        run: Run,
    ) {
        self.clear_for(original);
        let mut line_chars = line_chars;
        // The line so far has a comma: it is prose, not a heading, however
        // short (`8月，集团组织医护志愿者赴宁波市第二⏎⏎人民医院`).
        let mut line_prose = false;
        // The line has a column separator (`区人民法院｜那毕村｜黄志明`): a
        // table's row, which ends at its break however it ends.
        let mut line_table = false;
        // Where the physical line began (byte) and how far it is indented.
        let (mut line_start, mut line_indent) = (0usize, indent(original));
        let mut run = run;
        let mut iter = chars_from(original, 0, 0);
        while let Some((ci, (bi, c))) = iter.next() {
            // Most characters are common Han ones, which nothing below
            // changes or skips: copy the whole run at once.
            if matches!(c, '\u{4E00}'..='\u{9FFF}') {
                let (k, end) = self.push_han_run(original, bi, ci);
                line_chars += k;
                run.chars += k;
                if k > 1 {
                    iter = chars_from(original, end, ci + k);
                }
                continue;
            }
            if is_invisible(c) {
                continue;
            }
            // A terminal escape sequence in a log (`\x1b[31m`) is no text.
            if c == '\u{1B}' && iter.peek().is_some_and(|&(_, (_, d))| d == '[') {
                skip_escape(&mut iter);
                continue;
            }
            // Spaces that end a line (PDF converters leave them) belong to
            // its break: a wrap after them still reads through.
            if is_blank(c) && ends_line(&original[bi..]) {
                continue;
            }
            if c == '\n' || c == '\r' {
                // A break, with any blank lines and spaces after it, is soft
                // when words stand on both sides ([`break_joins`]) and the
                // line it ends is long enough to have been wrapped.
                let wrapped =
                    !line_table && (line_prose || line_chars >= profile.wrapped_min_chars);
                // A heading (`三、2025年工作计划`) ends its line, and a line
                // indented deeper than this one begins a paragraph.
                let next_indent = indent_after_break(&original[bi..]);
                let paragraph = next_indent > line_indent || is_heading(&original[line_start..bi]);
                line_indent = next_indent;
                if wrapped && !paragraph && break_joins(&self.chars, &original[bi..]) {
                    // Skip the whole break; line_chars keeps counting
                    // as if the lines were one.
                    skip_break_spaces(&mut iter);
                    line_start = iter.peek().map_or(original.len(), |&(_, (b, _))| b);
                    continue;
                }
                line_start = bi + 1;
                line_chars = 0;
                line_prose = false;
                line_table = false;
                run = Run::default();
            } else if c == ' ' && spaces_a_number(&self.chars, original[bi + 1..].chars().next()) {
                // Spacing between Chinese and a number (`约 4200 元`), as
                // web and Markdown style guides ask: the text reads as if
                // unspaced.
                continue;
            } else if let Some(more) = matches!(c, ' ' | '\u{3000}')
                .then(|| padded_name(&original[..bi], &original[bi..]))
                .flatten()
            {
                // A two-char name padded to the width of three (`王　伟`).
                for _ in 0..more {
                    iter.next();
                }
                continue;
            } else if c == ' ' && letter_spaced(&original[..bi], &original[bi + 1..]) {
                // Letter-spaced text (`宁 波 市 第 二`, as some PDF converters
                // give it): its spaces are no text.
                continue;
            } else if let Some(more) = (c != '\t'
                && is_blank(c)
                && run.is_line()
                && self.chars.last().is_some_and(|&p| is_han(p)))
            .then(|| flattened_break(&original[bi + c.len_utf8()..]))
            .flatten()
            {
                // A line break flattened to a space (`宁波市第二 人民医院`):
                // read through, as through the break it was.
                for _ in 0..more {
                    iter.next();
                }
                continue;
            } else {
                if c.is_whitespace() {
                    run = Run::default();
                } else {
                    run.add(c);
                }
                line_chars += 1;
                line_prose |= matches!(c, '，' | '；');
                line_table |= is_column_separator(c)
                    || c == '\t' && self.chars.last().is_some_and(|p| !p.is_whitespace());
            }
            let mut f = fold(c);
            // A middle dot between digits is a decimal point (`１·４％`).
            if c == '·'
                && self.chars.last().is_some_and(char::is_ascii_digit)
                && iter
                    .peek()
                    .is_some_and(|&(_, (_, n))| fold(n).is_ascii_digit())
            {
                f = '.';
            }
            if c.is_ascii_punctuation() {
                let next = iter.peek().map(|&(_, (_, n))| n);
                f = chinese_punctuation(c, &self.chars, next);
            }
            self.push(f, bi, ci, c.len_utf8());
        }
        self.byte_in_view.push(self.text.len() as u32);
    }

    /// Empties every buffer and gives it its final size for `original` at
    /// once: growing them push by push cost as much as the rest of the view.
    #[inline]
    fn clear_for(&mut self, original: &str) {
        self.text.clear();
        self.chars.clear();
        self.byte_in_view.clear();
        self.source.clear();
        let n = original.chars().count();
        self.text.reserve(original.len());
        self.chars.reserve(n);
        self.byte_in_view.reserve(n + 1);
        self.source.reserve(n);
    }

    /// Appends the run of common Han chars (U+4E00 to U+9FFF, three bytes
    /// each, kept as they are) that starts at byte `bi`, char `ci` of
    /// `original`; returns how many chars it has (at least one) and the
    /// byte offset past it.
    fn push_han_run(&mut self, original: &str, bi: usize, ci: usize) -> (usize, usize) {
        // Find the run's end first, then fill every buffer with an
        // iterator of known length (no capacity check per char).
        let run = &original.as_bytes()[bi..];
        let k = run
            .chunks_exact(3)
            .take_while(|b| b[0] == 0xE4 && b[1] >= 0xB8 || (0xE5..=0xE9).contains(&b[0]))
            .count();
        let end = bi + 3 * k;
        self.chars
            .extend(run[..3 * k].chunks_exact(3).map(decode_han));
        let (text_at, b, c) = (self.text.len() as u32, bi as u32, ci as u32);
        self.byte_in_view
            .extend((0..k as u32).map(|j| text_at + 3 * j));
        self.source.extend((0..k as u32).map(|j| Source {
            byte: b + 3 * j,
            char: c + j,
            len: 3,
        }));
        self.text.push_str(&original[bi..end]);
        // Traditional characters fold to simplified ones of the same
        // UTF-8 length (both in this block): in place, offsets unchanged.
        let first = self.chars.len() - k;
        let traditional = crate::traditional::table();
        for j in first..self.chars.len() {
            let c = self.chars[j];
            if traditional.is_traditional(c) {
                let f = fold(c);
                if f.len_utf8() == 3 {
                    self.chars[j] = f;
                    let at = self.byte_in_view[j] as usize;
                    let mut buf = [0u8; 4];
                    self.text.replace_range(at..at + 3, f.encode_utf8(&mut buf));
                }
            }
        }
        (k, end)
    }

    /// Appends normalised char `f`, from the source char of `len` bytes at
    /// byte `bi`, char `ci` of the piece.
    #[inline(always)]
    fn push(&mut self, f: char, bi: usize, ci: usize, len: usize) {
        self.byte_in_view.push(self.text.len() as u32);
        self.text.push(f);
        self.chars.push(f);
        self.source.push(Source {
            byte: bi as u32,
            char: ci as u32,
            len: len as u8,
        });
    }

    /// Number of normalised chars.
    pub(crate) fn len(&self) -> usize {
        self.chars.len()
    }

    /// The span in the original piece of normalised chars `start..end`,
    /// shifted by the piece's own offsets in the document.
    pub(crate) fn span(&self, start: usize, end: usize, base: Span) -> Span {
        debug_assert!(start < end && end <= self.len());
        let (first, last) = (self.source[start], self.source[end - 1]);
        let start_byte = first.byte as usize;
        let end_byte = last.byte as usize + last.len as usize;
        Span {
            start: base.start + start_byte,
            end: base.start + end_byte,
            char_start: base.char_start + first.char as usize,
            char_end: base.char_start + last.char as usize + 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Asserts the view of each text: the given one, or the text itself.
    fn assert_views<'a>(
        cases: impl IntoIterator<Item = (&'a str, Option<&'a str>)>,
        permissive: bool,
    ) {
        for (text, view) in cases {
            let profile = if permissive {
                LineProfile::permissive()
            } else {
                LineProfile::of(text)
            };
            let mut v = View::default();
            v.rebuild(text, profile);
            assert_eq!(v.text, view.unwrap_or(text), "{text:?}");
        }
    }

    fn spans_back(original: &str, start: usize, end: usize) -> String {
        let mut v = View::default();
        v.rebuild(original, LineProfile::of(original));
        let s = v.span(start, end, Span::default());
        original[s.range()].to_string()
    }

    #[test]
    fn 软换行被看穿() {
        let text = "患者被送往宁波市第二\n\n人民医院救治";
        let mut v = View::default();
        v.rebuild(text, LineProfile::of(text));
        assert_eq!(v.text, "患者被送往宁波市第二人民医院救治");
        assert_eq!(spans_back(text, 5, 14), "宁波市第二\n\n人民医院");
    }

    /// ASCII punctuation in Chinese text reads as its Chinese form; in
    /// numbers and Latin text it stays.
    #[test]
    fn 中文里的半角标点() {
        // (text, view)
        let cases = [
            (
                "会上,王建国表示:明年(2026年)将继续推进.",
                "会上，王建国表示：明年（2026年）将继续推进。",
            ),
            ("共3人.有问题吗?有!", "共3人。有问题吗？有！"),
            ("投入1,000万元,增长3.5%", "投入1,000万元，增长3.5%"),
            ("比例为1:2,时间15:30", "比例为1:2，时间15:30"),
            (
                "见表(1)中的数据,f(x)为函数",
                "见表（1）中的数据，f(x)为函数",
            ),
            ("来自U.S.的代表", "来自U.S.的代表"),
            ("每日不超过4次.6岁以下儿童", "每日不超过4次。6岁以下儿童"),
            ("见附件报告.docx", "见附件报告.docx"),
        ];
        assert_views(cases.map(|(text, view)| (text, Some(view))), false);
    }

    /// Letter-spaced text reads as if it were not: a space between two
    /// single Han chars is no text; one beside a word stays.
    #[test]
    fn 字间空格被看穿() {
        // (text, view)
        let cases = [
            (
                "集 团 组 织 医 护 志 愿 者 赴 宁 波 市 第 二 人 民 医 院",
                "集团组织医护志愿者赴宁波市第二人民医院",
            ),
            ("8 月，王 建 国 带 队。", "8 月，王建国带队。"),
            ("王伟 李明 张华", "王伟 李明 张华"),
            ("获奖者 王 伟", "获奖者 王伟"),
        ];
        assert_views(cases.map(|(text, view)| (text, Some(view))), false);
    }

    /// A PDF wrap inside an amount reads through, whichever of its parts
    /// the break falls between; a list's number after a break stays on
    /// its line.
    #[test]
    fn 数额中的换行被看穿() {
        // (text, view)
        let cases = [
            ("收盘报1\n725.5元", "收盘报1725.5元"),
            ("同比下降6\n.5%", "同比下降6.5%"),
            ("研究生占35\n%", "研究生占35%"),
            ("支持100\nW快充", "支持100W快充"),
            ("大小不超过500K\nB", "大小不超过500KB"),
            ("物业费每月3.2元\n/平方米", "物业费每月3.2元/平方米"),
            ("大白菜一斤售价在\n15元", "大白菜一斤售价在15元"),
            ("献血量超过\n2,800吨", "献血量超过2,800吨"),
            ("月薪15k-\n25k", "月薪15k-25k"),
            ("气温12\n～25℃", "气温12~25℃"),
            ("通常卖$5-\n$10", "通常卖$5-$10"),
            ("募集善款５，\n６００元", "募集善款5，600元"),
            ("获奖名单\n3 王伟", "获奖名单\n3 王伟"),
            ("目录\n1. 总则", "目录\n1. 总则"),
            ("时间\n15：30", "时间\n15：30"),
            ("工作简报\n2025年第4期", "工作简报\n2025年第4期"),
            ("同比增长37%\n本刊讯", "同比增长37%\n本刊讯"),
            ("利率升至5.25%\n至5.5%", "利率升至5.25%至5.5%"),
        ];
        assert_views(cases.map(|(text, view)| (text, Some(view))), false);
    }

    /// A space between a number and Chinese (`约 4200 元`) is no text;
    /// one after a row's number, or between Chinese and a Latin word,
    /// stays.
    #[test]
    fn 数字与汉字间的空格被看穿() {
        // (text, view)
        let cases = [
            (
                "票价约 4200 元，同比增长 18.5%。",
                "票价约4200元，同比增长18.5%。",
            ),
            ("占比提高到 31% 以上", "占比提高到31%以上"),
            ("月薪 8k 起", "月薪8k起"),
            ("2024 年 3 月 15 日", "2024年3月15日"),
            ("名单\n3 党梓豪 甘肃农业大学", "名单\n3 党梓豪 甘肃农业大学"),
            ("3 党梓豪", "3 党梓豪"),
            ("12 王建国", "12 王建国"),
            ("他在 Google 工作", "他在 Google 工作"),
            ("约  4200 元", "约  4200元"),
        ];
        assert_views(cases.map(|(text, view)| (text, Some(view))), false);
    }

    /// A two-char name padded to the width of three (`王　伟`) is one
    /// word; padding that follows no lone surname, or parts longer words,
    /// stays.
    #[test]
    fn 补齐的两字姓名() {
        // (text, view)
        let cases = [
            ("王　伟　李　明", "王伟　李明"),
            (
                "获奖名单：张建国　王　伟　李小明",
                "获奖名单：张建国　王伟　李小明",
            ),
            ("记者　王  伟　通讯员　李小明", "记者　王伟　通讯员　李小明"),
            ("主持人：刘　洋（女）", "主持人：刘洋（女）"),
            ("男　女", "男　女"),
            ("王伟　李明", "王伟　李明"),
            ("王　伟明", "王　伟明"),
            ("老王　伟", "老王　伟"),
            ("王   伟", "王   伟"),
        ];
        assert_views(cases.map(|(text, view)| (text, Some(view))), false);
    }

    /// Spaces that end a line, and a page's form feed, are part of its
    /// break: a wrap after them still reads through, and a hard break
    /// keeps its line apart.
    #[test]
    fn 行尾空格属于换行() {
        // (text, view)
        let cases = [
            (
                "患者被送往宁波市第二 \n人民医院救治",
                "患者被送往宁波市第二人民医院救治",
            ),
            (
                "患者被送往宁波市第二\u{3000}\r\n人民医院救治",
                "患者被送往宁波市第二人民医院救治",
            ),
            (
                "患者被送往宁波市第二\n\u{C}人民医院救治",
                "患者被送往宁波市第二人民医院救治",
            ),
            (
                "患者被送往宁波市第二\u{A0}\n人民医院救治",
                "患者被送往宁波市第二人民医院救治",
            ),
            (
                "患者被送往宁波市第二\t \n\n人民医院救治",
                "患者被送往宁波市第二人民医院救治",
            ),
            ("会议结束。 \n宁波市总工会", "会议结束。\n宁波市总工会"),
            ("王伟 李明 \n", "王伟 李明\n"),
        ];
        assert_views(cases.map(|(text, view)| (text, Some(view))), true);
        assert_eq!(
            spans_back("患者被送往宁波市第二 \n人民医院救治", 5, 14),
            "宁波市第二 \n人民医院"
        );
    }

    /// A numbered heading ends its line, and a deeper-indented line
    /// begins a paragraph; a wrap inside a paragraph still reads through.
    #[test]
    fn 编号标题与缩进段落不连读() {
        // (text, view)
        let cases = [
            ("三、2025年工作计划\n东海精机将以零事故为目标", None),
            ("（二）延伸服务\n联合区红十字会开展活动", None),
            ("2.安全培训\n全员参加", None),
            ("年底前完成任务\n    东海精机将以零事故为目标", None),
            (
                "三、加强安全生产管理，全面落实企业\n主体责任",
                Some("三、加强安全生产管理，全面落实企业主体责任"),
            ),
            (
                "1.5亿元投入宁波市第二\n人民医院",
                Some("1.5亿元投入宁波市第二人民医院"),
            ),
            (
                "1.组织全体职工赴余姚市梁弄镇横坎头村参观学习并走访宁波市第二\n人民医院",
                Some("1.组织全体职工赴余姚市梁弄镇横坎头村参观学习并走访宁波市第二人民医院"),
            ),
            (
                "    年底前完成宁波市第二\n    人民医院的改造",
                Some("    年底前完成宁波市第二人民医院的改造"),
            ),
            // A table's rows end at their breaks, however they end.
            (
                "区人民法院｜龙泉街道东山村｜陈立平\n区住建局｜石桥镇南坪村｜覃丽",
                None,
            ),
            (
                "帮扶单位|结对村|驻村第一书记\n区人民法院|东山村|陈立平",
                None,
            ),
            ("区人民法院\t东山村\t陈立平\n区住建局\t南坪村\t覃丽", None),
        ];
        assert_views(cases, true);
    }

    /// Text whose line breaks became spaces reads through them as through
    /// the breaks; spaces between short runs (cells, a list of names) and
    /// in a table's row stay.
    #[test]
    fn 换行变成的空格被看穿() {
        // (text, view)
        let cases = [
            (
                "今年，集团组织医护志愿者赴宁波市第二 人民医院开展义诊。",
                Some("今年，集团组织医护志愿者赴宁波市第二人民医院开展义诊。"),
            ),
            (
                "我院先后选派二十一名骨干到呼兰区康金街道社 区卫生服务中心坐诊带教。",
                Some("我院先后选派二十一名骨干到呼兰区康金街道社区卫生服务中心坐诊带教。"),
            ),
            // The last line of a paragraph is short but ends a sentence.
            (
                "会议由区总工会党组书记主持，宁波市第二 人民医院。",
                Some("会议由区总工会党组书记主持，宁波市第二人民医院。"),
            ),
            (
                "会议由区总工会党组书记主持，宁波市第二\u{3000}人民医院。",
                Some("会议由区总工会党组书记主持，宁波市第二人民医院。"),
            ),
            ("获奖名单 王伟 李明 张华", None),
            ("一等奖 王伟 二等奖 李明", None),
            ("本次活动的获奖职工名单如下 王伟 李明 张华", None),
            ("慰问一线职工 共发放慰问金", None),
            (
                "今年，集团组织医护志愿者赴宁波市第二  人民医院开展义诊。",
                Some("今年，集团组织医护志愿者赴宁波市第二人民医院开展义诊。"),
            ),
            (
                "今年，集团组织医护志愿者赴宁波市第二   人民医院开展义诊。",
                None,
            ),
            (
                "区人民法院｜龙泉街道东山村陈立平 区住建局｜石桥镇南坪村覃丽",
                None,
            ),
        ];
        assert_views(cases, false);
        let text = "今年，集团组织医护志愿者赴宁波市第二 人民医院开展义诊。";
        let mut v = View::default();
        v.rebuild(text, LineProfile::of(text));
        assert_eq!(spans_back(text, 13, 22), "宁波市第二 人民医院");
    }

    #[test]
    fn 标点后的换行保留() {
        let text = "会议结束。\n宁波市总工会";
        let mut v = View::default();
        v.rebuild(text, LineProfile::permissive());
        assert_eq!(v.text, text);
    }

    #[test]
    fn 不可见字符不进入视图但留在跨度里() {
        let text = "\u{FEFF}设立200\u{200B}万\u{200D}元";
        let mut v = View::default();
        v.rebuild(text, LineProfile::of(text));
        assert_eq!(v.text, "设立200万元");
        assert_eq!(spans_back(text, 2, 7), "200\u{200B}万\u{200D}元");
    }

    #[test]
    fn 终端转义序列不进入视图() {
        let text = "\u{1B}[1;31m设立200万元\u{1B}[0m\u{1B}";
        let mut v = View::default();
        v.rebuild(text, LineProfile::of(text));
        assert_eq!(v.text, "设立200万元\u{1B}");
    }

    #[test]
    fn 片段从行中开始时按整行判断软换行() {
        let body = "这是一段很长的正文内容用来代表文档中普通段落的宽度而且没有任何标点符号结尾";
        let text = format!("{body}\n{body}\n{body}");
        let profile = LineProfile::of(&text);
        // A piece that starts near the end of a long line: the break is soft
        // only when the piece knows how far into the line it starts.
        let piece = "标点符号结尾\n这是一段";
        let mut v = View::default();
        v.rebuild(piece, profile);
        assert_eq!(v.text, piece);
        v.rebuild_at(piece, profile, 30, Run::default());
        assert_eq!(v.text, "标点符号结尾这是一段");
    }

    /// A piece that starts inside a run reads the space after it as the
    /// whole text does: as a flattened break when the run is a line.
    #[test]
    fn 片段从空格前的长串中开始时按整串判断() {
        let text = "集团组织医护志愿者赴宁波市第二 人民医院开展义诊和健康讲座。";
        let mut v = View::default();
        v.rebuild(text, LineProfile::of(text));
        assert_eq!(v.text, text.replace(' ', ""));
        let at = text.find("宁波").expect("in the text");
        let piece = &text[at..];
        v.rebuild(piece, LineProfile::of(piece));
        assert_eq!(v.text, piece);
        v.rebuild_at(piece, LineProfile::of(text), 0, Run::before(text, at));
        assert_eq!(v.text, piece.replace(' ', ""));
    }

    #[test]
    fn 全角数字折叠() {
        let text = "增长１２．５％";
        let mut v = View::default();
        v.rebuild(text, LineProfile::of(text));
        assert_eq!(v.text, "增长12.5%");
        assert_eq!(spans_back(text, 2, 7), "１２．５％");
    }

    #[test]
    fn 标题后的换行保留() {
        let body = "这是一段很长的正文内容用来代表文档中普通段落的宽度而且没有任何标点符号结尾";
        let text = format!("工会简报\n{body}\n{body}\n{body}");
        let mut v = View::default();
        v.rebuild(&text, LineProfile::of(&text));
        assert!(v.text.starts_with("工会简报\n"));
        // Body lines are long and end in Han: they are joined.
        assert_eq!(v.text.matches('\n').count(), 1);
    }
}
