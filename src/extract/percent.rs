//! Percentages: `30%`, `百分之三十`, `千分之五`, `万分之三`, `3成`,
//! `5个百分点`, `25个基点`, `85折`.
//! The forms after a number are read through the one unit table
//! ([`super::units`]).

use super::lexicon::{UnitEntry, unit};

/// What a percent unit does to the number before it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct PercentUnit {
    /// `%` or `pp` (percentage points).
    pub symbol: &'static str,
    /// Power of ten to scale the number by, plus or minus (`3成` → 30: +1;
    /// `5‰` → 0.5%: -1).
    pub shift: i8,
}

pub(crate) static SUFFIXES: &[UnitEntry<PercentUnit>] = &[
    // 打七折 pays 70%; 8.5折 85% (two-digit 八五折 is handled by the scanner).
    unit(
        "折",
        PercentUnit {
            symbol: "%",
            shift: 1,
        },
        "扣叠磨腾射合算旧返服断线中纸成",
    ),
    unit(
        "%",
        PercentUnit {
            symbol: "%",
            shift: 0,
        },
        "",
    ),
    unit(
        "‰",
        PercentUnit {
            symbol: "%",
            shift: -1,
        },
        "",
    ),
    unit(
        "‱",
        PercentUnit {
            symbol: "%",
            shift: -2,
        },
        "",
    ),
    // A basis point is a hundredth of a percentage point.
    unit(
        "个基点",
        PercentUnit {
            symbol: "pp",
            shift: -2,
        },
        "",
    ),
    unit(
        "基点",
        PercentUnit {
            symbol: "pp",
            shift: -2,
        },
        "",
    ),
    unit(
        "个百分点",
        PercentUnit {
            symbol: "pp",
            shift: 0,
        },
        "",
    ),
    unit(
        "百分点",
        PercentUnit {
            symbol: "pp",
            shift: 0,
        },
        "",
    ),
    unit(
        "成",
        PercentUnit {
            symbol: "%",
            shift: 1,
        },
        "为立功本员绩果交熟长型就效都品年人果分材批语全",
    ),
];

/// `百分之`, `千分之` or `万分之` at `chars[at..]`: the unit and the index
/// past it.
pub(crate) fn prefix_at(chars: &[char], at: usize) -> Option<(PercentUnit, usize)> {
    let shift = match chars.get(at..at + 3)? {
        ['百', '分', '之'] => 0,
        ['千', '分', '之'] => -1,
        ['万', '分', '之'] => -2,
        _ => return None,
    };
    Some((PercentUnit { symbol: "%", shift }, at + 3))
}
