//! Counts: a number and the classifier that follows it (`86名职工`,
//! `4万余人次`); the counted noun when it follows directly. The classifiers
//! are read through the one unit table ([`super::units`]).

use super::lexicon::{UnitEntry, unit};
use super::units;
use crate::segment::Word;

/// Classifiers, with the characters that, following one, make it the start
/// of another word instead (`名单`, `家庭`, `位于`).
pub(crate) static CLASSIFIERS: &[UnitEntry<()>] = &[
    unit("人次", (), ""),
    unit("人口", (), ""),
    unit("场次", (), ""),
    unit("车次", (), ""),
    unit("架次", (), ""),
    unit("班次", (), ""),
    unit("批次", (), ""),
    unit("户次", (), ""),
    unit("课时", (), ""),
    unit("学时", (), ""),
    unit("人", (), "民士才伦格性称生工均们类造为口"),
    unit("名", (), "单字称义誉牌气校片词言额句著医师次列录册望利"),
    unit("位", (), "于置数移居列次"),
    unit("个", (), "性体案别子头月们"),
    unit("家", (), "庭乡长属园具电居门务中里人族常用"),
    unit("所", (), "以有在谓得属长需示述在"),
    unit("场", (), "所地景面合馆上下内外长景"),
    unit("次", (), "日要级年贷之序第生优"),
    unit("件", (), "事"),
    unit("份", (), "额子"),
    unit("项", (), "目链"),
    unit("户", (), "口籍外型主"),
    unit("例", (), "如子外行会证"),
    unit("台", (), "湾阶风词上下州商资胞北南独办账球"),
    unit("辆", (), ""),
    unit("套", (), "餐路装"),
    unit("条", (), "件例约理码幅形文"),
    unit(
        "本",
        (),
        "地人身来土科期次届市省县月年报单质着部领事能末息金色",
    ),
    unit("张", (), "家"),
    unit("篇", (), "章幅"),
    unit("期", (), "间待望货满末中刊限"),
    unit("批", (), "准评示发复判"),
    unit("届", (), "时满"),
    unit("座", (), "位谈右椅次"),
    unit("栋", (), "梁"),
    unit("幢", (), ""),
    unit("间", (), "隔断接歇距"),
    unit("株", (), "洲"),
    unit("头", (), "脑发条部像疼等盔绪"),
    unit("只", (), "是有要能好会见不得需剩因为限管用可"),
    unit("艘", (), ""),
    unit("架", (), "构设子势"),
    unit("枚", (), ""),
    unit("颗", (), "粒"),
    unit("棵", (), ""),
    unit("支", (), "持付出援部撑柱配书"),
    unit("组", (), "织成建合长委员装团图件"),
    unit("种", (), "植子族养类"),
    unit("类", (), "型别似"),
    unit("处", (), "理长罚分于置所境室级"),
    unit("起", (), "来点步草诉码飞始身到源因"),
    unit("宗", (), "教旨族亲"),
    unit("笔", (), "记者试画录"),
    unit("单", (), "位元独一身纯调据项词价产方列车程"),
    unit("轮", (), "船胎换回流值椅渡子廓"),
    unit("趟", (), ""),
    unit("班", (), "子组长级主底"),
    unit("门", (), "口户票诊店槛类外前"),
    unit("口", (), "岸号径罩碑头语子述气感味音"),
    unit("对", (), "于话接比外手面待象照策应方称抗此付口决立标症冲等"),
    unit("双", (), "方边向重赢手胞休语规减拥创"),
    unit("把", (), "关握手持控守脉戏式"),
    unit("根", (), "本据源基治除深"),
    unit("片", (), "区刻面子"),
    unit("粒", (), ""),
    unit("瓶", (), "颈"),
    unit("箱", (), ""),
    unit("包", (), "括装含容干片庇"),
    unit("袋", (), "鼠"),
    unit("盒", (), ""),
    unit("罐", (), "头"),
    unit("桶", (), "装"),
    unit("杯", (), "赛"),
    unit("碗", (), ""),
    unit("册", (), ""),
    unit("部", (), "门分署队长委位件落属"),
    unit("首", (), "先次都席届位发个批轮家脑长府要季创日"),
    unit("幅", (), "度"),
    unit("封", (), "面锁存闭建装"),
    unit("则", (), ""),
    unit("段", (), "时落"),
    unit("节", (), "日约能目省点气奏假"),
    unit("堂", (), ""),
    unit("道", (), "路理德歉教具观出口"),
    unit("层", (), "次面级出"),
    unit("尾", (), "声部"),
    unit("匹", (), "配"),
    unit("列", (), "入出车为举席表"),
    unit("盏", (), ""),
    unit("扇", (), ""),
    unit("桌", (), ""),
    unit("款", (), "项式待"),
    unit("队", (), "伍员长"),
    unit("手", (), "术机段续工表下上中里机套脚法艺指写动"),
    unit("股", (), "东份票市权价民息本指"),
    unit("剂", (), "量型"),
    unit("剂次", (), ""),
    unit(
        "分",
        (),
        "钟之子析别配数期局店会部校队享担布散批秒居工红成化泌段裂岔身管",
    ),
    unit("标准箱", (), ""),
    unit("例次", (), ""),
    unit(
        "副",
        (),
        "主总局市县书省部院会校经处作食业本刊区长厅司镇乡村所组团",
    ),
    unit("集", (), "团体中合市资会训结镇聚成散装约"),
    unit("字", (), "母样号体幕典符节"),
    unit("卷", (), "入烟起心发"),
    unit("句", (), "子话号型式"),
    unit("面", (), "积对临向前上下孔貌料粉条包膜对子值"),
];

/// A one-char classifier that the lists above refuse for the char after
/// it (`名` before `医`, `位` before `居`, `家` before `电` or `门`), but that
/// jieba cuts off as a word of its own, or as the end of a numeral word:
/// `3/名/医生`, `6/位/居民`, `3/家/电影院`, `600/余家/门店`, and not `名单`,
/// `位居`, `家电`, `家门口`.
pub(crate) fn classifier_cut_at(
    chars: &[char],
    at: usize,
    words: &[Word<'_>],
    word_index_at: &[u32],
) -> Option<usize> {
    let end = at + 1;
    if end >= chars.len() || !units::is_classifier(&chars[at..end]) {
        return None;
    }
    let word = words.get(*word_index_at.get(at)? as usize)?;
    (word.end == end && matches!(word.tag, "q" | "m")).then_some(end)
}

/// Time words that turn `三个` into a duration (`三个月`, `两个多小时`),
/// which is not a count.
pub(crate) fn starts_duration(chars: &[char], at: usize) -> bool {
    let mut i = at;
    if matches!(chars.get(i), Some('多' | '半')) {
        i += 1;
    }
    match chars.get(i) {
        Some('月' | '星' | '礼' | '钟' | '年' | '季' | '周') => true,
        Some('小') => chars.get(i + 1) == Some(&'时'),
        Some('工') => chars.get(i + 1) == Some(&'作'),
        Some('交') => chars.get(i + 1..i + 3) == Some(&['易', '日'][..]),
        _ => false,
    }
}

/// The noun counted, in view chars, when it directly follows the classifier
/// that ends at `end`: the next word if it is a noun, or the rest of a word
/// jieba glued to the classifier (`12个人` → `人`).
pub(crate) fn object_after(
    words: &[Word<'_>],
    word_index_at: &[u32],
    end: usize,
) -> Option<(usize, usize)> {
    let is_noun = |w: &Word<'_>| {
        let t = w.tag;
        (t.starts_with('n') && t != "nr" && t != "nrfg" && t != "nrt") || t == "vn" || t == "j"
    };
    let index = *word_index_at.get(end)? as usize;
    let word = words.get(index)?;
    let start = if word.start == end && is_noun(word) {
        end
    } else if word.start + 1 == end
        && word.end > end
        && is_noun(word)
        && word.text.starts_with('个')
    {
        // 个 and the noun are one jieba word (`12个人`); not `24瓶装`.
        end
    } else {
        return None;
    };
    // A verbal noun modifies the noun after it: `犯罪/嫌疑人`.
    let last = match words.get(index + 1) {
        Some(next) if words[index].tag == "vn" && next.tag == "n" => index + 1,
        _ => index,
    };
    Some((start, words[last].end))
}

/// Classifiers that count only after Arabic digits: `2.3万手` are lots of
/// shares, `二手` is second-hand; `26分` is a score, `十分` "very".
pub(crate) fn arabic_digits_only(classifier: &[char]) -> bool {
    matches!(classifier, ['手'] | ['分'])
}
