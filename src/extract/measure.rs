//! Measures (weight, length, area, volume, data, frequency, power, energy),
//! ages (`25岁`) and temperatures (`零下5摄氏度`), with canonical symbols.
//! The forms are read through the one unit table ([`super::units`]).

use super::lexicon::{UnitEntry, unit};
use crate::record::QuantityKind;

/// What a measure unit means.
#[derive(Clone, Copy, Debug)]
pub(crate) struct MeasureUnit {
    /// `Measure`, `Age` or `Temperature`.
    pub kind: QuantityKind,
    /// The canonical symbol (`kg`, `m2`, `year`, `°C`).
    pub symbol: &'static str,
    /// Needs a temperature word nearby (`5度` alone may be an angle or kWh).
    pub needs_context: bool,
    /// Counts only after Arabic digits or inside a compound (`三两` is
    /// usually "two or three", not 150 grams).
    pub after_digits_only: bool,
}

const fn m(symbol: &'static str) -> MeasureUnit {
    MeasureUnit {
        kind: QuantityKind::Measure,
        symbol,
        needs_context: false,
        after_digits_only: false,
    }
}

const AGE: MeasureUnit = age("year");

const fn age(symbol: &'static str) -> MeasureUnit {
    MeasureUnit {
        kind: QuantityKind::Age,
        symbol,
        needs_context: false,
        after_digits_only: false,
    }
}

const fn temperature(symbol: &'static str, needs_context: bool) -> MeasureUnit {
    MeasureUnit {
        kind: QuantityKind::Temperature,
        symbol,
        needs_context,
        after_digits_only: false,
    }
}

const LIANG: MeasureUnit = MeasureUnit {
    kind: QuantityKind::Measure,
    symbol: "liang",
    needs_context: false,
    after_digits_only: true,
};

/// `80万方` (earthworks): cubic metres, after Arabic digits only (`三方` are
/// three parties).
const CUBIC_METRE_COLLOQUIAL: MeasureUnit = MeasureUnit {
    kind: QuantityKind::Measure,
    symbol: "m3",
    needs_context: false,
    after_digits_only: true,
};

/// `75平` (a flat's floor area): square metres, after Arabic digits only.
const SQUARE_METRE_COLLOQUIAL: MeasureUnit = MeasureUnit {
    kind: QuantityKind::Measure,
    symbol: "m2",
    needs_context: false,
    after_digits_only: true,
};

pub(crate) static UNITS: &[UnitEntry<MeasureUnit>] = &[
    // weight
    unit("公斤", m("kg"), ""),
    unit("千克", m("kg"), ""),
    unit("kg", m("kg"), ""),
    unit("KG", m("kg"), ""),
    unit("克", m("g"), "服隆拉里林制星敌"),
    unit("g", m("g"), ""),
    unit("毫克", m("mg"), ""),
    unit("mg", m("mg"), ""),
    unit("微克", m("ug"), ""),
    unit("吨", m("t"), "位"),
    unit("斤", m("jin"), "斤"),
    unit("市斤", m("jin"), ""),
    unit("两", LIANG, "月年天周岁次人个位名种"),
    // length
    unit("米", m("m"), "饭粒粉面线酒糠色黄兰"),
    unit("m", m("m"), ""),
    unit("公里", m("km"), ""),
    unit("千米", m("km"), ""),
    unit("km", m("km"), ""),
    unit("厘米", m("cm"), ""),
    unit("公分", m("cm"), ""),
    unit("cm", m("cm"), ""),
    unit("毫米", m("mm"), ""),
    unit("mm", m("mm"), ""),
    // area
    unit("亩", m("mu"), ""),
    unit("公顷", m("ha"), ""),
    unit("平方米", m("m2"), ""),
    unit("平米", m("m2"), ""),
    unit(
        "平",
        SQUARE_METRE_COLLOQUIAL,
        "方米台均衡安稳时常定价稳局分和行面顶等添息",
    ),
    unit("㎡", m("m2"), ""),
    unit("m²", m("m2"), ""),
    unit("m2", m("m2"), ""),
    unit("平方公里", m("km2"), ""),
    unit("平方千米", m("km2"), ""),
    unit("km²", m("km2"), ""),
    unit("km2", m("km2"), ""),
    // volume
    unit("升", m("L"), "级高值起温华空降职格学旗调为至到入任迁幅"),
    unit("L", m("L"), ""),
    unit("毫升", m("mL"), ""),
    unit("mL", m("mL"), ""),
    unit("ml", m("mL"), ""),
    unit("立方米", m("m3"), ""),
    unit("方", CUBIC_METRE_COLLOQUIAL, "面式向法案针便位言圆寸"),
    unit("m³", m("m3"), ""),
    unit("m3", m("m3"), ""),
    // data
    unit("比特", m("bit"), "币"),
    unit("bit", m("bit"), ""),
    unit("kbit", m("kbit"), ""),
    unit("字节", m("B"), ""),
    unit("B", m("B"), ""),
    unit("KB", m("KB"), ""),
    unit("MB", m("MB"), ""),
    unit("GB", m("GB"), ""),
    unit("TB", m("TB"), ""),
    // data rate
    unit("bps", m("bit/s"), ""),
    unit("kbps", m("kbit/s"), ""),
    unit("Kbps", m("kbit/s"), ""),
    unit("Mbps", m("Mbit/s"), ""),
    unit("Gbps", m("Gbit/s"), ""),
    unit("kb/s", m("kbit/s"), ""),
    unit("Mb/s", m("Mbit/s"), ""),
    unit("Gb/s", m("Gbit/s"), ""),
    unit("Mbit/s", m("Mbit/s"), ""),
    unit("Gbit/s", m("Gbit/s"), ""),
    unit("KB/s", m("KB/s"), ""),
    unit("MB/s", m("MB/s"), ""),
    unit("GB/s", m("GB/s"), ""),
    unit("兆比特每秒", m("Mbit/s"), ""),
    // frequency
    unit("赫兹", m("Hz"), ""),
    unit("Hz", m("Hz"), ""),
    unit("千赫", m("kHz"), ""),
    unit("kHz", m("kHz"), ""),
    unit("兆赫", m("MHz"), ""),
    unit("MHz", m("MHz"), ""),
    unit("吉赫", m("GHz"), ""),
    unit("GHz", m("GHz"), ""),
    // charge
    unit("毫安时", m("mAh"), ""),
    unit("mAh", m("mAh"), ""),
    // power and energy
    unit("瓦", m("W"), "解片斯房砾罐"),
    unit("W", m("W"), ""),
    unit("千瓦", m("kW"), ""),
    unit("kW", m("kW"), ""),
    unit("兆瓦", m("MW"), ""),
    unit("MW", m("MW"), ""),
    unit("千瓦时", m("kWh"), ""),
    unit("kWh", m("kWh"), ""),
    unit("千卡", m("kcal"), ""),
    unit("大卡", m("kcal"), ""),
    unit("kcal", m("kcal"), ""),
    // imperial and other lengths, weights, volumes
    unit("英里", m("mi"), ""),
    unit("英尺", m("ft"), ""),
    unit("英寸", m("in"), ""),
    unit("吋", m("in"), ""),
    unit("纳米", m("nm"), ""),
    unit("nm", m("nm"), ""),
    unit("微米", m("um"), ""),
    unit("码", m("yd"), "头子字数号农"),
    unit("海里", m("nmi"), ""),
    unit("光年", m("ly"), ""),
    unit("磅", m("lb"), "礴"),
    unit("盎司", m("oz"), ""),
    unit("加仑", m("gal"), ""),
    // more of the same, as real documents write them
    unit("公尺", m("m"), ""),
    // as Taiwan and Hong Kong write them
    unit("奈米", m("nm"), ""),
    unit("公克", m("g"), ""),
    unit("公厘", m("mm"), ""),
    unit("平方公尺", m("m2"), ""),
    unit("立方公尺", m("m3"), ""),
    unit("呎", m("ft"), ""),
    unit("公升", m("L"), ""),
    unit("公吨", m("t"), ""),
    unit("分米", m("dm"), ""),
    unit("dm", m("dm"), ""),
    unit("平方厘米", m("cm2"), ""),
    unit("cm²", m("cm2"), ""),
    unit("cm2", m("cm2"), ""),
    unit("立方厘米", m("cm3"), ""),
    unit("cm³", m("cm3"), ""),
    unit("cm3", m("cm3"), ""),
    unit("平方英尺", m("ft2"), ""),
    unit("英亩", m("acre"), ""),
    unit("克拉", m("ct"), ""),
    unit("千字节", m("KB"), ""),
    unit("兆字节", m("MB"), ""),
    unit("千兆字节", m("GB"), ""),
    unit("吉字节", m("GB"), ""),
    unit("太字节", m("TB"), ""),
    unit("分贝", m("dB"), ""),
    unit("dB", m("dB"), ""),
    unit("马力", m("hp"), ""),
    unit("千帕", m("kPa"), ""),
    unit("kPa", m("kPa"), ""),
    unit("兆帕", m("MPa"), ""),
    unit("MPa", m("MPa"), ""),
    unit("毫米汞柱", m("mmHg"), ""),
    unit("mmHg", m("mmHg"), ""),
    unit("千焦", m("kJ"), ""),
    unit("kJ", m("kJ"), ""),
    unit("焦耳", m("J"), ""),
    unit("伏特", m("V"), ""),
    unit("千伏", m("kV"), ""),
    unit("kV", m("kV"), ""),
    unit("千伏安", m("kVA"), ""),
    unit("kVA", m("kVA"), ""),
    unit("毫安", m("mA"), ""),
    unit("安培", m("A"), ""),
    unit("吉瓦", m("GW"), ""),
    unit("GW", m("GW"), ""),
    unit("兆瓦时", m("MWh"), ""),
    unit("MWh", m("MWh"), ""),
    unit("GWh", m("GWh"), ""),
    // speed
    unit("公里/小时", m("km/h"), ""),
    unit("公里每小时", m("km/h"), ""),
    unit("千米/小时", m("km/h"), ""),
    unit("千米每小时", m("km/h"), ""),
    unit("km/h", m("km/h"), ""),
    unit("米/秒", m("m/s"), ""),
    unit("米每秒", m("m/s"), ""),
    unit("m/s", m("m/s"), ""),
    // age
    unit("岁", AGE, "月末"),
    unit("个月大", age("month"), ""),
    unit("月大", age("month"), ""),
    unit("周大", age("week"), ""),
    unit("个星期大", age("week"), ""),
    unit("天大", age("day"), ""),
    unit("周岁", AGE, ""),
    unit("虚岁", AGE, ""),
    // temperature
    unit("摄氏度", temperature("°C", false), ""),
    unit("℃", temperature("°C", false), ""),
    unit("°C", temperature("°C", false), ""),
    unit("度", temperature("°C", true), "假过日数量"),
    unit("华氏度", temperature("°F", false), ""),
    unit("℉", temperature("°F", false), ""),
    unit("°F", temperature("°F", false), ""),
];

/// Whether a bare `度` before `at` reads as a temperature: `零下` or a
/// weather word shortly before it in the clause.
pub(crate) fn temperature_context(chars: &[char], start: usize) -> bool {
    let from = start.saturating_sub(10);
    let window = &chars[from..start];
    let clause = match window
        .iter()
        .rposition(|c| matches!(c, '。' | '；' | '！' | '？' | '\n'))
    {
        Some(p) => &window[p + 1..],
        None => window,
    };
    const WORDS: [[char; 2]; 14] = [
        ['温', '差'],
        ['体', '温'],
        ['发', '烧'],
        ['降', '温'],
        ['升', '温'],
        ['摄', '氏'],
        ['气', '温'],
        ['温', '度'],
        ['零', '下'],
        ['零', '上'],
        ['高', '温'],
        ['低', '温'],
        ['最', '高'],
        ['最', '低'],
    ];
    clause.windows(2).any(|w| WORDS.iter().any(|k| w == k))
}

/// Whether a word of fever follows a bare `度` that ends at `end`
/// (`38.5度发烧`, `39度高烧`).
pub(crate) fn fever_after(chars: &[char], end: usize) -> bool {
    let after = chars.get(end..(end + 4).min(chars.len())).unwrap_or(&[]);
    after
        .windows(2)
        .any(|w| matches!(w, ['发' | '高' | '低' | '退', '烧']))
}

/// Whether `chars[..at]` ends with `零下` (below zero).
pub(crate) fn below_zero_prefix(chars: &[char], at: usize) -> Option<usize> {
    (at + 2 <= chars.len() && chars[at] == '零' && chars[at + 1] == '下').then_some(at + 2)
}

/// `摄氏` or `华氏` before a number: the temperature symbol and the index past it.
pub(crate) fn scale_prefix_at(chars: &[char], at: usize) -> Option<(&'static str, usize)> {
    match chars.get(at..at + 2)? {
        ['摄', '氏'] => Some(("°C", at + 2)),
        ['华', '氏'] => Some(("°F", at + 2)),
        _ => None,
    }
}
