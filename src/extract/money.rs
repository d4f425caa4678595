//! Money: currencies written after the number (`元`, `美元`, `港币`, `USD`),
//! before it (`¥`, `US$`, `人民币`), and the smaller units of a compound
//! amount (`123元1角1分`, `十块三毛`). The forms after a number are read
//! through the one unit table ([`super::units`]).

use std::sync::LazyLock;

use super::lexicon::{Lexicon, UnitEntry, unit};

/// Which unit of a currency a written form names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Step {
    /// The main unit (`元`, `美元`).
    Main,
    /// A tenth (`角`, `毛`).
    Tenth,
    /// A hundredth (`分`, `美分`).
    Hundredth,
}

/// A currency as written after a number.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Currency {
    /// ISO 4217 code.
    pub code: &'static str,
    /// Main unit or a fraction of it.
    pub step: Step,
    /// Only in a compound amount or followed by `钱`: alone after a Chinese
    /// numeral it is something else (`三角` a triangle, `三毛` a name,
    /// `5分` a score).
    pub compound_only: bool,
}

const fn main(code: &'static str) -> Currency {
    Currency {
        code,
        step: Step::Main,
        compound_only: false,
    }
}

const fn part(code: &'static str, step: Step, compound_only: bool) -> Currency {
    Currency {
        code,
        step,
        compound_only,
    }
}

pub(crate) static SUFFIXES: &[UnitEntry<Currency>] = &[
    unit("元", main("CNY"), "旦宵素首月件器老帅勋凶气音朝代帝宝曲"),
    unit("元钱", main("CNY"), ""),
    unit("元人民币", main("CNY"), ""),
    unit("圆", main("CNY"), "满形心周桌明梦润滑顶舞规场"),
    unit("块", main("CNY"), ""),
    unit("块钱", main("CNY"), ""),
    unit("人民币", main("CNY"), ""),
    unit(
        "角",
        part("CNY", Step::Tenth, true),
        "色落度逐膜斗形马楼逐洲",
    ),
    unit("角钱", part("CNY", Step::Tenth, false), ""),
    unit(
        "毛",
        part("CNY", Step::Tenth, true),
        "衣巾线病泽织发笔皮绒毯利重躁孩",
    ),
    unit("毛钱", part("CNY", Step::Tenth, false), ""),
    unit(
        "分",
        part("CNY", Step::Hundredth, true),
        "钟子析别配数之期局店会部校队享担布散批",
    ),
    unit("分钱", part("CNY", Step::Hundredth, false), ""),
    unit("美元", main("USD"), ""),
    unit("美金", main("USD"), ""),
    unit("美分", part("USD", Step::Hundredth, false), ""),
    unit("港元", main("HKD"), ""),
    unit("港币", main("HKD"), ""),
    unit("欧元", main("EUR"), ""),
    unit("欧分", part("EUR", Step::Hundredth, false), ""),
    unit("日元", main("JPY"), ""),
    unit("日币", main("JPY"), ""),
    unit("英镑", main("GBP"), ""),
    unit("便士", part("GBP", Step::Hundredth, false), ""),
    unit("新台币", main("TWD"), ""),
    unit("台币", main("TWD"), ""),
    unit("韩元", main("KRW"), ""),
    unit("韩币", main("KRW"), ""),
    unit("泰铢", main("THB"), ""),
    unit("卢布", main("RUB"), ""),
    unit("澳元", main("AUD"), ""),
    unit("澳币", main("AUD"), ""),
    unit("加元", main("CAD"), ""),
    unit("加币", main("CAD"), ""),
    unit("瑞士法郎", main("CHF"), ""),
    unit("瑞郎", main("CHF"), ""),
    unit("新加坡元", main("SGD"), ""),
    unit("新元", main("SGD"), ""),
    unit("印度卢比", main("INR"), ""),
    unit("卢比", main("INR"), ""),
    unit("林吉特", main("MYR"), ""),
    unit("越南盾", main("VND"), ""),
    unit("印尼盾", main("IDR"), ""),
    unit("新西兰元", main("NZD"), ""),
    unit("纽元", main("NZD"), ""),
    unit("澳门元", main("MOP"), ""),
    unit("澳门币", main("MOP"), ""),
    unit("菲律宾比索", main("PHP"), ""),
    unit("墨西哥比索", main("MXN"), ""),
    unit("南非兰特", main("ZAR"), ""),
    unit("兰特", main("ZAR"), ""),
    unit("土耳其里拉", main("TRY"), ""),
    unit("里拉", main("TRY"), ""),
    unit("雷亚尔", main("BRL"), ""),
    unit("迪拉姆", main("AED"), ""),
    unit("沙特里亚尔", main("SAR"), ""),
    unit("瑞典克朗", main("SEK"), ""),
    unit("挪威克朗", main("NOK"), ""),
    unit("丹麦克朗", main("DKK"), ""),
    unit("兹罗提", main("PLN"), ""),
    unit("加拿大元", main("CAD"), ""),
    unit("澳大利亚元", main("AUD"), ""),
    unit("马来西亚林吉特", main("MYR"), ""),
    unit("阿根廷比索", main("ARS"), ""),
    unit("埃及镑", main("EGP"), ""),
    unit("捷克克朗", main("CZK"), ""),
    unit("匈牙利福林", main("HUF"), ""),
    unit("福林", main("HUF"), ""),
    unit("以色列新谢克尔", main("ILS"), ""),
    unit("新谢克尔", main("ILS"), ""),
    unit("谢克尔", main("ILS"), ""),
    unit("巴基斯坦卢比", main("PKR"), ""),
    unit("孟加拉塔卡", main("BDT"), ""),
    unit("塔卡", main("BDT"), ""),
    unit("尼日利亚奈拉", main("NGN"), ""),
    unit("奈拉", main("NGN"), ""),
    unit("肯尼亚先令", main("KES"), ""),
    unit("阿联酋迪拉姆", main("AED"), ""),
    unit("伊朗里亚尔", main("IRR"), ""),
    unit("卡塔尔里亚尔", main("QAR"), ""),
    unit("朝鲜元", main("KPW"), ""),
    unit("图格里克", main("MNT"), ""),
    unit("坚戈", main("KZT"), ""),
    unit("格里夫纳", main("UAH"), ""),
    unit("波兰兹罗提", main("PLN"), ""),
    unit("美刀", main("USD"), ""),
    unit("港纸", main("HKD"), ""),
    unit("韩圆", main("KRW"), ""),
    unit("新加坡币", main("SGD"), ""),
    unit("马币", main("MYR"), ""),
    unit("泰国铢", main("THB"), ""),
    unit("俄罗斯卢布", main("RUB"), ""),
    unit("巴西雷亚尔", main("BRL"), ""),
    unit("美圆", main("USD"), ""),
    unit("日圆", main("JPY"), ""),
    unit("港圆", main("HKD"), ""),
    unit("英磅", main("GBP"), ""),
    unit("人民币元", main("CNY"), ""),
    unit("CNY", main("CNY"), ""),
    unit("RMB", main("CNY"), ""),
    unit("USD", main("USD"), ""),
    unit("HKD", main("HKD"), ""),
    unit("EUR", main("EUR"), ""),
    unit("JPY", main("JPY"), ""),
    unit("GBP", main("GBP"), ""),
    unit("TWD", main("TWD"), ""),
    unit("KRW", main("KRW"), ""),
    unit("AUD", main("AUD"), ""),
    unit("CAD", main("CAD"), ""),
    unit("CHF", main("CHF"), ""),
    unit("SGD", main("SGD"), ""),
];

static PREFIXES: &[UnitEntry<&str>] = &[
    unit("¥", "CNY", ""),
    unit("￥", "CNY", ""),
    unit("RMB", "CNY", ""),
    unit("CNY", "CNY", ""),
    unit("人民币", "CNY", ""),
    unit("$", "USD", ""),
    unit("US$", "USD", ""),
    unit("USD", "USD", ""),
    unit("美元", "USD", ""),
    unit("HK$", "HKD", ""),
    unit("HKD", "HKD", ""),
    unit("港币", "HKD", ""),
    unit("NT$", "TWD", ""),
    unit("新台币", "TWD", ""),
    unit("台币", "TWD", ""),
    unit("港元", "HKD", ""),
    unit("日元", "JPY", ""),
    unit("日币", "JPY", ""),
    unit("英镑", "GBP", ""),
    unit("韩元", "KRW", ""),
    unit("澳元", "AUD", ""),
    unit("加元", "CAD", ""),
    unit("卢布", "RUB", ""),
    unit("泰铢", "THB", ""),
    unit("澳门元", "MOP", ""),
    unit("澳门币", "MOP", ""),
    unit("€", "EUR", ""),
    unit("EUR", "EUR", ""),
    unit("欧元", "EUR", ""),
    unit("£", "GBP", ""),
    unit("GBP", "GBP", ""),
    unit("JPY", "JPY", ""),
    unit("A$", "AUD", ""),
    unit("C$", "CAD", ""),
    unit("S$", "SGD", ""),
];

static PREFIX_LEXICON: LazyLock<Lexicon<&str>> = LazyLock::new(|| Lexicon::new(PREFIXES));

/// A currency written before a number (`¥`, `US$`, `人民币`), with the index
/// past it (and past one space).
pub(crate) fn prefix_at(chars: &[char], at: usize) -> Option<(&'static str, usize)> {
    let (e, mut end) = PREFIX_LEXICON.longest_at(chars, at)?;
    // 人民币（大写）伍仟元, 人民币(小写): 12,000.00 on invoices.
    let marks: [&[char]; 4] = [
        &['(', '大', '写', ')'],
        &['（', '大', '写', '）'],
        &['(', '小', '写', ')'],
        &['（', '小', '写', '）'],
    ];
    if let Some(mark) = marks.iter().find(|m| chars[end..].starts_with(m)) {
        end += mark.len();
        if matches!(chars.get(end), Some(':' | '：')) {
            end += 1;
        }
    }
    if chars.get(end) == Some(&' ') {
        end += 1;
    }
    Some((e.meaning, end))
}

/// Words that make `15k` / `30w` an amount of money when they come shortly
/// before it in the same clause.
static SALARY_WORDS: &[&[char]] = &[
    &['月', '薪'],
    &['年', '薪'],
    &['薪', '资'],
    &['薪', '水'],
    &['工', '资'],
    &['底', '薪'],
    &['税', '前'],
    &['税', '后'],
    &['年', '收', '入'],
    &['月', '收', '入'],
    &['收', '入'],
    &['预', '算'],
    &['奖', '金'],
    &['身', '价'],
    &['待', '遇'],
    &['年', '终', '奖'],
];

/// The multiplier of a `k`/`w` suffix at `chars[at]` (`k` = thousand, `w` =
/// ten thousand) when a salary word stands before `start` in the clause.
pub(crate) fn salary_multiplier(chars: &[char], start: usize, at: usize) -> Option<u32> {
    let power = match chars.get(at)? {
        'k' | 'K' => 3,
        'w' | 'W' => 4,
        _ => return None,
    };
    if chars.get(at + 1).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    word_shortly_before(chars, start, 12, SALARY_WORDS, |c| {
        matches!(c, '。' | '；' | '！' | '？' | '\n')
    })
    .then_some(power)
}

/// Whether one of `words` lies within the `reach` chars before `start`,
/// after the last char there for which `stops` holds.
fn word_shortly_before(
    chars: &[char],
    start: usize,
    reach: usize,
    words: &[&[char]],
    stops: impl Fn(char) -> bool,
) -> bool {
    let Some(before) = chars.get(start.saturating_sub(reach)..start) else {
        return false;
    };
    let window = match before.iter().rposition(|&c| stops(c)) {
        Some(p) => &before[p + 1..],
        None => before,
    };
    // First chars first: comparing whole slices at every place costs a
    // memcmp call each.
    window.iter().enumerate().any(|(p, &c)| {
        words
            .iter()
            .any(|w| w.first() == Some(&c) && window[p..].starts_with(w))
    })
}

/// Words right before which a bare number is an amount in yuan: pay
/// (`年薪30万`, `月薪达8000`) and prices (`总价380万`, `仅售265万`);
/// narrower than [`SALARY_WORDS`], which only vouch for a `k`/`w` suffix.
static PAY_WORDS: &[&[char]] = &[
    &['月', '薪'],
    &['年', '薪'],
    &['底', '薪'],
    &['时', '薪'],
    &['日', '薪'],
    &['周', '薪'],
    &['工', '资'],
    &['年', '终', '奖'],
    &['月', '收', '入'],
    &['年', '收', '入'],
    // Prices: 总价380万, 仅售265万.
    &['总', '价'],
    &['售', '价'],
    &['仅', '售'],
    &['报', '价'],
    &['标', '价'],
    &['要', '价'],
    &['开', '价'],
    &['成', '交', '价'],
];

/// Whether a pay word ends at most a few chars before `start` (`年薪`,
/// `月薪高达`), in the same clause and with no figure in between.
pub(crate) fn after_pay_word(chars: &[char], start: usize) -> bool {
    word_shortly_before(chars, start, 5, PAY_WORDS, |c| {
        matches!(c, '，' | '。' | '；' | '！' | '？' | '、' | '\n') || c.is_ascii_digit()
    })
}

/// The first chars of the currencies written before a number.
pub(crate) fn prefix_first_chars() -> impl Iterator<Item = char> {
    PREFIXES.iter().filter_map(|e| e.written.chars().next())
}

/// Words that make a figure with no unit an amount of money when they come
/// shortly before it in the clause (`赚了两个亿`).
static MONEY_WORDS: &[&[char]] = &[
    &['赚'],
    &['亏'],
    &['花'],
    &['捐'],
    &['欠'],
    &['投', '资'],
    &['投', '入'],
    &['资', '金'],
    &['营', '收'],
    &['收', '入'],
    &['利', '润'],
    &['融', '资'],
    &['募', '集'],
    &['筹', '集'],
    &['损', '失'],
    &['成', '本'],
    &['预', '算'],
    &['市', '值'],
    &['估', '值'],
    &['价', '值'],
    &['罚', '款'],
    &['补', '贴'],
    &['贷', '款'],
    &['收', '益'],
    &['拨', '款'],
    &['产', '值'],
    &['总', '额'],
    &['金', '额'],
    &['资', '产'],
    &['税', '收'],
    &['经', '费'],
    &['造', '价'],
    &['拍', '出'],
    &['成', '交'],
    &['赔', '偿'],
    &['花', '费'],
    &['开', '支'],
    &['支', '出'],
    &['销', '售', '额'],
    &['营', '业', '额'],
];

/// Whether a money word stands a few chars before `start` in its clause.
pub(crate) fn after_money_word(chars: &[char], start: usize) -> bool {
    word_shortly_before(chars, start, 10, MONEY_WORDS, |c| {
        matches!(c, '，' | '。' | '；' | '！' | '？' | '\n')
    })
}
