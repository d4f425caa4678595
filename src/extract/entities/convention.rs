//! What counts as a name (`../shared/docs/entities.md`), applied to the
//! tagger's spans and to training data alike: bare category nouns
//! (`工会`, `该公司`, `公司工会`) are not names, a post after an
//! organization's name is not part of it (`…医院党委书记` -> `…医院`), and
//! a name crosses no closing quote or bracket it did not open.
//!
//! The word lists are reviewed by hand: they name kinds of bodies, never
//! one body. A national ministry (`教育部`) or a relative name (`市科协`,
//! `县总工会`) is not on them.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::record::EntityKind;
use crate::segment::Word;
use crate::text::is_han;

/// Heads of category nouns: a kind of body, or a unit of one.
const CATEGORY_HEADS: &[&str] = &[
    "机构",
    "中队",
    "大队",
    "团",
    "街道办",
    "工会",
    "分工会",
    "工会委员会",
    "公司",
    "分公司",
    "子公司",
    "母公司",
    "总公司",
    "集团",
    "集团公司",
    "企业",
    "单位",
    "政府",
    "人民政府",
    "政府部门",
    "有关部门",
    "部门",
    "机关",
    "医院",
    "卫生院",
    "学校",
    "党委",
    "党组",
    "党支部",
    "支部",
    "党总支",
    "总支",
    "团委",
    "团支部",
    "纪委",
    "居委会",
    "村委会",
    "村委",
    "委员会",
    "管委会",
    "服务队",
    "志愿队",
    "志愿服务队",
    "排查队",
    "巡逻队",
    "突击队",
    "救援队",
    "工作组",
    "工作队",
    "督查组",
    "检查组",
    "调查组",
    "小组",
    "协会",
    "志愿者协会",
    "分会",
    "基金会",
    "合作社",
    "车间",
    "班组",
    "科室",
    "本行",
    "银行",
    "分行",
    "支行",
    "村",
    "本村",
    "该村",
    "社区",
    "街道",
    "当局",
    "警方",
    // Seen bare in the six training corpora at most 4% of the time as a
    // name (`法院` 13 of 387 occurrences, `大学` 2 of 1,887).
    "法院",
    "人民法院",
    "法庭",
    "检察院",
    "公安局",
    "派出所",
    "分局",
    "总局",
    "党组织",
    "商场",
    "超市",
    "饭店",
    "酒店",
    "宾馆",
    "图书馆",
    "学院",
    "大学",
    "中学",
    "小学",
    "幼儿园",
    "研究所",
    "研究院",
    "工厂",
    // Union and company newsletters' own units (`职工服务中心`,
    // `女职工委员会`, `经审会`): none is tagged bare in the training corpora.
    "中心",
    "服务中心",
    "办公室",
    "工作室",
    "项目部",
    "指挥部",
    "领导小组",
    "党小组",
    "工会小组",
    "驿站",
    "医疗队",
    "经审会",
    "职代会",
    // Seen in newsletters: delegations, choirs, a hospital's departments,
    // Zhejiang's common-prosperity workshops. `代表团` is tagged bare in
    // MSRA 14 of 31 times, never in PD; entities.md counts kinds of
    // bodies out.
    "代表团",
    "合唱团",
    "艺术团",
    "团队",
    "妇联",
    "少先队",
    "大队部",
    "工坊",
    "共富工坊",
    "卫生服务中心",
    "议事会",
    "外科",
    "内科",
    "儿科",
    "普外科",
    "急诊科",
    "心内科",
    "神经内科",
    "骨科",
    "眼科",
    "妇产科",
    "检验科",
    "放射科",
    "医务科",
    "护理部",
    "人力资源部",
    "财务部",
    "销售部",
    "市场部",
    "工程部",
    "技术部",
    "网络部",
    "综合部",
    "办事处",
    "街道办事处",
    "电站",
    "光伏电站",
    "基地",
    "教育基地",
    "储运部",
];

/// Words that make a category noun more specific without naming one body.
const GENERIC_MODIFIERS: &[&str] = &[
    "公司",
    "集团",
    "企业",
    "单位",
    "医院",
    "学校",
    "街道",
    "社区",
    "村",
    "乡镇",
    "镇",
    "园区",
    "开发区",
    "基层",
    "机关",
    "职工",
    "员工",
    "青年",
    "妇女",
    "党员",
    "志愿者",
    "志愿",
    "退休",
    "离退休",
    "老年",
    "上级",
    "下级",
    "驻村",
    "驻点",
    "驻企",
    "帮扶",
    "督查",
    "督导",
    "巡查",
    "巡视",
    "专项",
    "联合",
    "临时",
    "应急",
    "调查",
    "检查",
    "服务",
    "志愿服务",
    "女职工",
    "爱心",
    "劳模",
    "创新",
    "活动",
    "医疗",
    "卫生",
    "评审",
    "专家",
    "强村",
    "红色",
    "疗休养",
    "建筑",
    "商业",
    "征信",
    "访问",
    "党群",
    "考察",
    "慰问",
    "宣讲",
    "调研",
    "参观",
    "观察",
    "报告",
    "资产管理",
    "物业",
    "保险",
    "投资",
    "科技",
    "咨询",
];

/// Determiners and quantifiers before a category noun (`该公司`, `各级工会`).
const DETERMINERS: &[&str] = &[
    "该",
    "本",
    "此",
    "这",
    "这个",
    "这家",
    "那",
    "那家",
    "各",
    "各级",
    "各个",
    "每",
    "每个",
    "每家",
    "全",
    "我",
    "我们",
    "贵",
    "其",
    "上述",
    "当地",
    "有关",
    "相关",
    "所在",
    "所属",
    "一家",
    "多家",
    "两家",
    "几家",
    "某",
    "某些",
    "一些",
    "所有",
    "全体",
    "新一届",
    "院",
    "校",
    "厂",
    "矿",
];

/// Party and union units that a title follows: `党委书记` is a post of the
/// body named before it.
const TITLE_UNITS: &[&str] = &[
    "党委",
    "党组",
    "党支部",
    "支部",
    "党总支",
    "总支",
    "团委",
    "团支部",
    "纪委",
    "工会",
    "分工会",
    "党工委",
];

/// Longer words ending in a title unit that are the body's own name
/// (`宁波市总工会主席`: the union is the organization).
const NOT_TITLE_UNITS: &[&str] = &["总工会", "市总工会", "县总工会", "省总工会"];

/// Posts held in a unit (`党委书记`, `工会主席`).
const TITLES: &[&str] = &[
    "书记",
    "副书记",
    "常务副书记",
    "主席",
    "副主席",
    "常务副主席",
    "委员",
    "常委",
    "主任",
    "副主任",
    "组长",
    "副组长",
    "成员",
    "干事",
    "负责人",
    "专职",
    "部长",
    "副部长",
    "科长",
    "副科长",
    "处长",
    "副处长",
    "班长",
    "副班长",
    "队长",
    "副队长",
    "团长",
    "副团长",
    "站长",
    "经理",
    "副经理",
    "总经理",
    "副总经理",
    "高级经理",
    "总监",
    "副总监",
    "主管",
];

/// Last chars of the units inside a body (`组织部`, `科普部`, `儿科`,
/// `女子电工班`, `女职工委员会`) that a post follows.
const UNIT_ENDS: &[char] = &['部', '科', '处', '室', '班', '组', '队', '团'];

const DETERMINER: u8 = 1;
const MODIFIER: u8 = 2;
const HEAD: u8 = 4;

/// Every listed word with its roles.
static ROLES: LazyLock<HashMap<&'static str, u8>> = LazyLock::new(|| {
    let mut roles = HashMap::new();
    for (list, role) in [
        (DETERMINERS, DETERMINER),
        (GENERIC_MODIFIERS, MODIFIER),
        (CATEGORY_HEADS, HEAD),
    ] {
        for w in list {
            *roles.entry(*w).or_insert(0) |= role;
        }
    }
    roles
});

/// The longest listed word, in chars.
const MAX_WORD: usize = 6;

/// Whether `name` is a category noun, not a name: an optional determiner,
/// then modifiers and heads, ending in a head (`工会`, `该公司`,
/// `公司工会`, `医院党支部`, `开发区排查队`).
pub(crate) fn is_category_noun(name: &[char]) -> bool {
    // An ordinal numbers bodies of a kind (`第二党支部`); alone it is none
    // (`第三`, left of `第三党支部书记`).
    let ordinal = match name {
        ['第', rest @ ..] => rest
            .iter()
            .take_while(|c| "一二三四五六七八九十百".contains(**c))
            .count(),
        _ => 0,
    };
    if ordinal > 0 {
        let rest = &name[1 + ordinal..];
        return rest.is_empty() || is_category_noun(rest);
    }
    let n = name.len();
    if n == 0 || n > 16 {
        return false;
    }
    let roles = &*ROLES;
    // reach[i]: bit 0 set when name[..i] can be a determiner alone (or
    // empty), bit 1 when it ends a run of modifiers and heads, bit 2 when
    // that run ends in a head.
    let mut reach = [0u8; 17];
    reach[0] = 1;
    let mut word = String::new();
    for i in 0..n {
        if reach[i] == 0 {
            continue;
        }
        word.clear();
        for j in i + 1..=(i + MAX_WORD).min(n) {
            word.push(name[j - 1]);
            let Some(&r) = roles.get(word.as_str()) else {
                continue;
            };
            if i == 0 && r & DETERMINER != 0 {
                reach[j] |= 1;
            }
            if r & (MODIFIER | HEAD) != 0 {
                reach[j] |= 2;
                if r & HEAD != 0 {
                    reach[j] |= 4;
                }
            }
        }
    }
    reach[n] & 4 != 0
}

/// The end of an organization's name without the party or union unit
/// that begins a post after it (`宁波市第二人民医院党委` followed by
/// `书记` -> the end of `宁波市第二人民医院`), or `end` itself.
pub(crate) fn without_title_unit(chars: &[char], start: usize, end: usize) -> usize {
    let after = chars.get(end..).unwrap_or_default();
    if !TITLES.iter().any(|t| starts_with(after, t)) {
        return end;
    }
    let name = &chars[start..end];
    let unit = TITLE_UNITS
        .iter()
        .filter(|u| ends_with(name, u))
        .map(|u| u.chars().count())
        .max()
        .or_else(|| inner_unit(name));
    match unit {
        // What is left must still be an organization's name: `乡党委书记`
        // keeps its unit, and so do `横溪镇党委书记` and `开元街道党工委书记`
        // (the town is a place; its party committee is the organization).
        Some(len)
            if len + 2 <= name.len()
                && !NOT_TITLE_UNITS.iter().any(|w| ends_with(name, w))
                && !is_category_noun(&name[..name.len() - len])
                && !ends_as_division(&name[..name.len() - len]) =>
        {
            end - len
        }
        _ => end,
    }
}

/// Ends of a body's name that a unit inside it may follow
/// (`北仑区总工会|组织部`, `宁波镇海炼化检修有限公司|女子电工班`,
/// `余姚市人民医院|儿科`). Not party or government ends (`委员会`,
/// `局`'s departments are bodies of their own: `中共中央宣传部`).
const BODY_ENDS: &[&str] = &[
    "总工会",
    "工会",
    "公司",
    "集团",
    "医院",
    "学校",
    "大学",
    "学院",
    "中学",
    "小学",
    "科协",
    "协会",
    "银行",
    "分行",
    "支行",
    "中心",
    "研究院",
    "研究所",
    "厂",
];

/// The length of a unit (`组织部`, `女职工委员会`, `儿科`, at most six
/// chars) that ends `name` after a body's name (at least three chars,
/// ending as [`BODY_ENDS`] do), or `None`.
fn inner_unit(name: &[char]) -> Option<usize> {
    let unit_end = name.last().is_some_and(|c| UNIT_ENDS.contains(c)) || ends_with(name, "委员会");
    // A branch is the body's own (`…有限公司驻京办事处`).
    if !unit_end || is_branch(name) {
        return None;
    }
    (2..=6.min(name.len().saturating_sub(3))).find(|&len| {
        BODY_ENDS
            .iter()
            .any(|b| ends_with(&name[..name.len() - len], b))
    })
}

/// Brackets and quotes, opening and closing.
pub(crate) const PAIRS: [(char, char); 10] = [
    ('（', '）'),
    ('(', ')'),
    ('《', '》'),
    ('“', '”'),
    ('‘', '’'),
    ('「', '」'),
    ('『', '』'),
    ('【', '】'),
    ('[', ']'),
    ('〈', '〉'),
];

/// The part of `sentence[s..e]` a name may cover: trimmed of the marks
/// at its ends that it does not pair (`张苒）` -> `张苒`, `《传记文学` ->
/// `传记文学`; `中国人民保险（集团）公司` keeps its pair), and `None` when a
/// mark it does not pair is left inside it (`工匠”服务队`: a span across a
/// closing quote it did not open is a runaway) or nothing is left.
pub(crate) fn within_marks(sentence: &[char], s: usize, e: usize) -> Option<(usize, usize)> {
    let span = sentence.get(s..e)?;
    if span.is_empty() {
        return None;
    }
    if !span.iter().any(|&c| is_mark(c)) {
        return Some((s, e));
    }
    let unpaired = unpaired_marks(span);
    // Marks left unpaired stay unpaired when others are trimmed away.
    let (mut a, mut b) = (0, span.len());
    let mut inside = unpaired.iter().copied().peekable();
    while inside.peek() == Some(&a) {
        inside.next();
        a += 1;
    }
    let mut rest: Vec<usize> = inside.collect();
    while rest.last().is_some_and(|&i| i + 1 == b) {
        rest.pop();
        b -= 1;
    }
    (rest.is_empty() && a < b).then_some((s + a, s + b))
}

fn is_mark(c: char) -> bool {
    matches!(c, '"' | '\'') || PAIRS.iter().any(|&(o, cl)| c == o || c == cl)
}

/// Positions in `span` of the brackets and quotes it does not pair, sorted.
fn unpaired_marks(span: &[char]) -> Vec<usize> {
    let mut at: Vec<usize> = Vec::new();
    for &(open, close) in &PAIRS {
        let mut opened: Vec<usize> = Vec::new();
        for (i, &c) in span.iter().enumerate() {
            if c == open {
                opened.push(i);
            } else if c == close && opened.pop().is_none() {
                at.push(i);
            }
        }
        at.extend(opened);
    }
    for q in ['"', '\''] {
        let marks: Vec<usize> = (0..span.len()).filter(|&i| span[i] == q).collect();
        if marks.len() % 2 == 1 {
            // The odd one out: the first when the span begins with it,
            // else the last.
            at.push(if marks[0] == 0 {
                0
            } else {
                marks[marks.len() - 1]
            });
        }
    }
    at.sort_unstable();
    at
}

fn starts_with(chars: &[char], word: &str) -> bool {
    let mut it = chars.iter();
    word.chars().all(|w| it.next() == Some(&w))
}

fn ends_with(chars: &[char], word: &str) -> bool {
    let mut it = chars.iter().rev();
    word.chars().rev().all(|w| it.next() == Some(&w))
}

/// Longer spans are runaway tags, not names: of 139,000 names in the six
/// training corpora, four run past 40 chars and none past 60.
pub(crate) const MAX_NAME_CHARS: usize = 64;

/// Applies the convention to one span of `sentence` tagged `kind`: the
/// kind and span of the name there, or `None` when it is no name.
pub(crate) fn name_span(
    sentence: &[char],
    kind: EntityKind,
    s: usize,
    e: usize,
) -> Option<(EntityKind, usize, usize)> {
    if e.saturating_sub(s) > MAX_NAME_CHARS {
        return None;
    }
    let (s, mut e) = within_marks(sentence, s, e)?;
    if kind == EntityKind::Organization {
        e = without_title_unit(sentence, s, e);
    }
    if is_category_noun(&sentence[s..e]) {
        return None;
    }
    if kind != EntityKind::Person && in_quoted_honour(sentence, s, e) {
        return None;
    }
    // `《工人日报》` is a title: an organization only when it acts
    // (`工人日报社`). MSRA tags 162 of its 2,039 titles so, the other
    // corpora 2 of 6,162.
    if kind == EntityKind::Organization
        && s > 0
        && sentence[s - 1] == '《'
        && sentence.get(e) == Some(&'》')
    {
        return None;
    }
    if kind == EntityKind::Person && e - s == 1 {
        e = with_address_form(sentence, e);
        // `老史`, `小刘`: the whole mention, as entities.md has it.
        if s > 0 && e == s + 1 && familiar_name_at(sentence, s - 1) {
            return Some((kind, s - 1, e));
        }
    }
    // `蒙古族`, `维吾尔族`, `朝鲜族`: a people, not the place.
    if kind == EntityKind::Place && sentence.get(e) == Some(&'族') {
        return None;
    }
    // `中国国籍`, `美国国籍`: a profile's nationality field, an attribute of
    // the person as `汉族` is, not a place the text mentions (the résumé
    // corpus leaves all 253 untagged). An origin (`新疆籍男子`) stays a place.
    if kind == EntityKind::Place && begins_nationality_field(sentence[e..].iter().copied()) {
        return None;
    }
    if kind == EntityKind::Place && e - s == 1 {
        if begins_thing_word(&sentence[s..]) {
            return None;
        }
        // `中方`, `美方`: a side in talks, not a place. People's Daily and
        // Boson never tag the char, MSRA does (`日方`).
        if sentence.get(e) == Some(&'方') {
            return None;
        }
        // `美军`, `日军`: a country's armed forces are a body, as Boson and
        // CLUENER annotate them (MSRA tags the country, PD nothing).
        if sentence.get(e) == Some(&'军') && sentence.get(e + 1) != Some(&'事') {
            return Some((EntityKind::Organization, s, e + 1));
        }
    }
    Some((kind, s, e))
}

/// Whether `rest`, the text after a place, begins the word `国籍`
/// (nationality) and not the title of the nationality law (`国籍法`).
pub(crate) fn begins_nationality_field(rest: impl IntoIterator<Item = char>) -> bool {
    let mut rest = rest.into_iter();
    rest.next() == Some('国') && rest.next() == Some('籍') && rest.next() != Some('法')
}

/// Last words of honours and titles given in quotes (`“宁波工匠”`,
/// `“浙江省劳动模范”`, `“北仑区模范职工之家”`).
const HONOUR_ENDS: &[&str] = &[
    "能手",
    "工匠",
    "模范",
    "劳模",
    "标兵",
    "奖",
    "奖章",
    "红旗手",
    "之家",
    "集体",
    "个人",
    "党组织",
    "单位",
    "示范点",
    "示范村",
    "文明岗",
    "文明号",
    "先锋",
    "之星",
    "好人",
    "榜样",
    "团队",
    "家庭",
    "班组",
    "志愿者",
    "示范岗",
    "标杆",
    "品牌",
    "先锋号",
    "特色学校",
    "示范学校",
    "示范幼儿园",
    "示范社区",
    "服务社区",
    "示范基地",
    "班主任",
];

/// Whether `s..e` lies inside a quoted honour longer than it (`“宁波工匠”`,
/// `“温州市先进基层党组织”`): the place there names no place the text
/// is about, as entities.md keeps honours in quotes out. Looks at most
/// 24 chars each way.
pub(crate) fn in_quoted_honour(sentence: &[char], s: usize, e: usize) -> bool {
    const REACH: usize = 24;
    let open = sentence[s.saturating_sub(REACH)..s]
        .iter()
        .rev()
        .position(|&c| matches!(c, '“' | '"' | '”'))
        .map(|k| s - 1 - k)
        .filter(|&q| matches!(sentence[q], '“' | '"'));
    let close = sentence[e..(e + REACH).min(sentence.len())]
        .iter()
        .position(|&c| matches!(c, '”' | '"' | '“'))
        .map(|k| e + k)
        .filter(|&q| matches!(sentence[q], '”' | '"'));
    let (Some(open), Some(close)) = (open, close) else {
        return false;
    };
    let quoted = &sentence[open + 1..close];
    quoted.len() > e - s && HONOUR_ENDS.iter().any(|h| ends_with(quoted, h))
}

/// What follows a lone surname to make it a person's name in the text:
/// `某` (`王某`, `李某某`), as PD 1998 and Boson annotate it, the kinship
/// terms that entities.md counts in (`王大姐`, `李大爷`), and honorifics
/// (`周先生`, `张女士`), as Boson and both team annotators read
/// entities.md. MSRA, PD and the résumés tag the surname alone: with the
/// honorifics MSRA dev reads 0.003 lower, the résumés 0.013, Boson 0.013
/// higher and Weibo 0.006 (README).
const ADDRESS_FORMS: &[&str] = &[
    "某某",
    "某",
    "大姐",
    "大哥",
    "大爷",
    "大妈",
    "大娘",
    "大婶",
    "阿姨",
    "师傅",
    "先生",
    "女士",
    "小姐",
    "老太太",
    "老太",
    "婆婆",
    "阿婆",
    "奶奶",
    "爷爷",
    "伯伯",
    "叔叔",
];

/// The end of a lone surname at `e - 1` with the address form after it.
fn with_address_form(sentence: &[char], e: usize) -> usize {
    let rest = &sentence[e..];
    ADDRESS_FORMS
        .iter()
        .find(|f| starts_with(rest, f))
        .map_or(e, |f| e + f.chars().count())
}

/// Adverbs that, right after a person's name in the six training
/// corpora, seldom turn out to end a three-char one (`都` 2 of 17 times,
/// `也` 1 of 60, `就` 0 of 41, `还` 0 of 49); not `太` (3 of 11), nor `才`,
/// `正`, `曾`, `常`, which end many (`罗豪才`, `孙家正`).
const ADVERBS_AFTER_NAMES: &str = "也都又就还便再将已却仍很最";

/// `陈静都知道了`, `张伟常说`: where a person `s..e` of three chars ends
/// when its last char is an adverb and there is evidence that the name
/// ends before it: jieba reads the first two chars as a name and the last
/// as an adverb of its own (`陈静/nr 都/d`), or the training names list
/// the first two chars as a person and not all three, and the adverb
/// leads on into a word (`常说`; `常` also ends names, `黄小常`, so only
/// with that evidence). `words` are in view offsets, where the sentence
/// starts at `base`; `s..e` are the sentence's.
pub(crate) fn before_adverb(
    sentence: &[char],
    words: &[Word<'_>],
    base: usize,
    s: usize,
    e: usize,
    known_person: impl Fn(&[char]) -> bool,
) -> usize {
    let last = sentence[e - 1];
    let at = |p: usize| word_at(words, p);
    // `刘明一下班`, `陆海燕一进门`: jieba reads `一` as a numeral of its own
    // before a verb.
    if last == '一'
        && e - s >= 3
        && at(base + e - 1).is_some_and(|w| w.end == base + e && w.tag == "m")
        && at(base + e).is_some_and(|w| w.tag.starts_with('v'))
    {
        return e - 1;
    }
    if e - s != 3 {
        return e;
    }
    let jieba_cuts = ADVERBS_AFTER_NAMES.contains(last)
        && at(base + s).is_some_and(|w| w.end == base + s + 2 && w.tag.starts_with("nr"))
        && at(base + s + 2).is_some_and(|w| w.end == base + e && w.tag == "d");
    let listed_shorter = (last == '常' || ADVERBS_AFTER_NAMES.contains(last))
        && sentence.get(e).is_some_and(|&c| is_han(c))
        && known_person(&sentence[s..s + 2])
        && !known_person(&sentence[s..e]);
    if jieba_cuts || listed_shorter {
        e - 1
    } else {
        e
    }
}

/// Words that begin with a place's one-char short form but name a thing:
/// an art, a game, a language, a currency (`京剧`, `奥运`, `英语`, `美元`),
/// or that only look like one (`美术`, `法律`). MSRA tags the char as a
/// place in some of them (`京剧` 58 of 67 times in its training set), the
/// other corpora never; no reader lists Beijing for Peking opera.
const THING_WORDS: &[&str] = &[
    "京剧",
    "京戏",
    "京腔",
    "京味",
    "奥运",
    "奥林匹克",
    "奥会",
    "中医",
    "中药",
    "中文",
    "中餐",
    "中式",
    "英语",
    "英文",
    "法语",
    "德语",
    "日语",
    "俄语",
    "日元",
    "美元",
    "欧元",
    "港元",
    "港币",
    "台币",
    "美术",
    "美好",
    "美丽",
    "美食",
    "法律",
    "法规",
    "法院",
    "德育",
    "英雄",
    "日报",
    "日子",
    "华丽",
];

/// Whether `rest` begins with one of [`THING_WORDS`].
fn begins_thing_word(rest: &[char]) -> bool {
    THING_WORDS.iter().any(|w| starts_with(rest, w))
}

/// Last chars of an administrative division's name.
const DIVISION_ENDS: &[char] = &['省', '市', '县', '区', '州', '盟', '旗', '镇', '乡', '村'];

/// Where a place span that chains administrative divisions is cut, each
/// division its own place (`余姚市梁弄镇横坎头村` → `余姚市`, `梁弄镇`,
/// `横坎头村`): after every leading part that `is_division` knows (a
/// listed full name), while what follows still ends as a division does.
/// Appends the cut points (char indices of `sentence`) to `cuts`.
pub(crate) fn division_cuts(
    sentence: &[char],
    s: usize,
    e: usize,
    is_division: impl Fn(&[char]) -> bool,
    cuts: &mut Vec<usize>,
) {
    if !ends_as_division(&sentence[s..e]) {
        return;
    }
    let mut at = s;
    // The longest known division first (`吉林省` before `吉林`), and a
    // rest of two chars at least (`市区` is no chain). Streets are not
    // listed: any name of two chars or more before `街道` is one
    // (`白云街道|安丰社区`).
    let cut = |at: usize| {
        let mut ks = at + 2..e.saturating_sub(1);
        ks.clone()
            .rev()
            .find(|&k| DIVISION_ENDS.contains(&sentence[k - 1]) && is_division(&sentence[at..k]))
            .or_else(|| ks.find(|&k| k >= at + 4 && ends_with(&sentence[at..k], "街道")))
    };
    while let Some(k) = cut(at) {
        cuts.push(k);
        at = k;
    }
}

/// Whether `name` ends as a division's name does (`…市`, `…村`,
/// `…街道`, `…社区`).
pub(crate) fn ends_as_division(name: &[char]) -> bool {
    name.last().is_some_and(|c| DIVISION_ENDS.contains(c))
        || ends_with(name, "街道")
        || ends_with(name, "社区")
}

/// Formal names of a place's own bodies (`雷山县|人民政府`,
/// `岳阳市|中级人民法院`), the longer first. Not `政府` alone: MSRA tags
/// the place of `中国政府` 703 times (README).
const PLACE_BODIES: &[&str] = &[
    "中级人民法院",
    "人民检察院",
    "人大常委会",
    "人民政府",
    "人民法院",
];

/// The end of the body a place span (ending at `end`) leads, when one of
/// [`PLACE_BODIES`] or [`BRANCH_ENDS`] follows it.
pub(crate) fn place_body_end(sentence: &[char], kind: EntityKind, end: usize) -> Option<usize> {
    if kind != EntityKind::Place {
        return None;
    }
    let after = sentence.get(end..)?;
    // A branch named by its place (`恩施分行`) too: every corpus tags it
    // whole.
    PLACE_BODIES
        .iter()
        .chain(BRANCH_ENDS)
        .find(|b| starts_with(after, b))
        .map(|b| end + b.chars().count())
}

/// Ends that make a name a body's, never a place's, in every corpus
/// (`…医院`: 219 organizations to 9 places; `…办事处`: 51 to 1).
const BODY_ONLY_ENDS: &[&str] = &[
    "医院",
    "办事处",
    "服务中心",
    "公司",
    "委员会",
    "银行",
    "学校",
    "大学",
    "学院",
    "法院",
    "检察院",
    "派出所",
    "政府",
    "工会",
    "集团",
    "协会",
    "研究所",
    "研究院",
    "局",
];

/// Whether `name` ends in one of [`BODY_ONLY_ENDS`] after more chars.
pub(crate) fn ends_as_body(name: &[char]) -> bool {
    BODY_ONLY_ENDS
        .iter()
        .any(|b| ends_with(name, b) && name.len() > b.chars().count())
}

/// Last chars an organization's name may end with beside the lexicon's
/// suffixes: units and bodies (`…系`, `…司`, `…庭`, `…师`, `…连`,
/// `…妇联`), teams
/// (`…女篮`), media (`…网`). Corpora tag `南京师范大学美术系`,
/// `国家计委科技司` whole.
const ORG_LAST_CHARS: &str =
    "系司科室处部班组队团庭师连营院所站台馆社会局厅委办署行厂店场校园军协盟联党报刊网篮排足";

/// Last chars a place's name may end with beside a listed place: its
/// divisions, features, facilities and quarters (`…湾`, `…大厦`,
/// `…人民大会堂`, `…中心`, `…东`).
const PLACE_LAST_CHARS: &str = "省市县区州盟旗镇乡村山河湖江海岛路街道桥港站场园城寺塔洋洲湾峡谷关口岭峰坝泉池宫殿楼馆院庄营屯寨堡沟坡洞里巷弄台门广心国部方东西南北厦堂";

/// The end of an organization's or place's span (`s..e` of `sentence`)
/// without the words the tagger ran on with
/// (`故宫博物院|文创团队合作设计包装`, `服装质检中心|监督调查`,
/// `杭州|会展业`): `e` when the span ends as such a name does
/// (`ends_name(e)`, [`ORG_LAST_CHARS`], [`PLACE_LAST_CHARS`], anything
/// but a Han char); else the last word boundary at which `ends_name`
/// holds ([`last_name_end`]); else `e` for an organization ending in
/// `人大`, and for a place the tagger stopped inside a word the last
/// place word jieba reads in it; else `None`: the span ends as no name.
/// A person's span is left.
pub(crate) fn name_end(
    sentence: &[char],
    words: &[Word<'_>],
    base: usize,
    kind: EntityKind,
    (s, e): (usize, usize),
    ends_name: impl Fn(usize) -> bool,
) -> Option<usize> {
    let name = &sentence[s..e];
    let last_chars = match kind {
        EntityKind::Organization => ORG_LAST_CHARS,
        EntityKind::Place => PLACE_LAST_CHARS,
        _ => return Some(e),
    };
    let ends_as_name = name
        .last()
        .is_none_or(|&c| last_chars.contains(c) || !is_han(c));
    if ends_as_name || ends_name(e) {
        return Some(e);
    }
    if let Some(k) = last_name_end(words, base, (s, e), &ends_name) {
        return Some(k);
    }
    // `蔚县人大`: a congress, when no body's name ends before it.
    if kind == EntityKind::Organization && ends_with(name, "人大") {
        return Some(e);
    }
    // A place the tagger stopped inside a word (`长三角国际文化产|业`).
    if kind != EntityKind::Place || word_at(words, base + e).is_some() {
        return None;
    }
    let place_word_ends = |k: usize| {
        let i = words.partition_point(|w| w.end < base + k);
        words
            .get(i)
            .is_some_and(|w| w.end == base + k && w.start >= base + s && w.tag == "ns")
    };
    (s + 2..e - 1).rev().find(|&k| place_word_ends(k))
}

/// The last word boundary inside `s..e`, two chars in at least and one
/// before the end, at which `ends_name` holds.
pub(crate) fn last_name_end(
    words: &[Word<'_>],
    base: usize,
    (s, e): (usize, usize),
    ends_name: impl Fn(usize) -> bool,
) -> Option<usize> {
    (s + 2..e.saturating_sub(1))
        .rev()
        .find(|&k| ends_name(k) && word_at(words, base + k).is_some())
}

/// Ends of a branch's name (`宁波市分公司`): it continues the
/// organization right before it (`中国人民财产保险股份有限公司宁波市分公司`
/// is one).
pub(crate) const BRANCH_ENDS: &[&str] =
    &["分公司", "分行", "支行", "分院", "分校", "分局", "办事处"];

/// Whether `name` names a branch ([`BRANCH_ENDS`]).
pub(crate) fn is_branch(name: &[char]) -> bool {
    BRANCH_ENDS.iter().any(|b| ends_with(name, b))
}

/// The word of `words` that begins at `p`, if one does. Words are sorted
/// by position: looked up, not scanned (a text without marks is one long
/// sentence).
pub(crate) fn word_at<'w, 'v>(words: &'w [Word<'v>], p: usize) -> Option<&'w Word<'v>> {
    let i = words.partition_point(|w| w.start < p);
    words.get(i).filter(|w| w.start == p)
}

/// Whether `sentence[i..i + 2]` is a familiar name: `小` or `老` and a
/// listed surname ([`is_listed_surname`]: `小刘`, `老周`, `老应`), not
/// `小区` (a housing estate).
pub(crate) fn familiar_name_at(sentence: &[char], i: usize) -> bool {
    matches!(sentence.get(i), Some('小' | '老'))
        && sentence
            .get(i + 1)
            .is_some_and(|&c| c != '区' && is_listed_surname(&[c]))
}

/// Surnames too rare in the training data to be learned, some of them
/// also common words (`应`, `党`, `查`): names only after a role
/// ([`is_role`]).
const RARE_SURNAMES: &str = "应党卫区禤冼仇查覃缪邬鲍柯翁蓝滕甘粟庞樊殷阮俞骆倪祝晏";

/// Whether `c` is one of [`COMMON_SURNAMES`] or [`RARE_SURNAMES`].
pub(crate) fn is_listed_surname(c: &[char]) -> bool {
    // Sorted once: this is asked at most words of a text.
    static LISTED: LazyLock<Vec<char>> = LazyLock::new(|| {
        let mut all: Vec<char> = COMMON_SURNAMES
            .chars()
            .chain(RARE_SURNAMES.chars())
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    });
    matches!(c, [one] if LISTED.binary_search(one).is_ok())
}

/// Jieba's tags of words that may follow a name the tagger left out:
/// verbs, adverbs, prepositions, conjunctions, time words, pronouns
/// (`说`, `也`, `在`, `和`, `今年`, `每天`).
pub(crate) fn follows_name(tag: &str) -> bool {
    matches!(tag, "v" | "d" | "p" | "c" | "t" | "r")
}

/// Roles and titles a name follows (`书记`, `护士长`, `机修工`, `网格员`):
/// the lexicon's titles, and jieba words that end in `工`, `员`, `长`, `师`
/// and name a person's job, not a group or an act (`员工`, `施工`).
pub(crate) fn is_role(word: &str) -> bool {
    const TITLES: &[&str] = &[
        "记者",
        "通讯员",
        "书记",
        "副书记",
        "主席",
        "副主席",
        "主任",
        "副主任",
        "经理",
        "总经理",
        "董事长",
        "教授",
        "博士",
        "老师",
        "教师",
        "医生",
        "大夫",
        "护士",
        "会计",
        "出纳",
        "代表",
        "委员",
        "律师",
        "法官",
        "工人",
        "职员",
        "民警",
        "干部",
        "志愿者",
        "专家",
        "导演",
        "选手",
        "患者",
        "村民",
        "居民",
        "市民",
        "党员",
        "邻居",
        "司机",
        "厨师",
    ];
    const NOT_ROLES: &[&str] = &[
        "员工", "职工", "人员", "成员", "会员", "施工", "加工", "开工", "复工", "用工", "务工",
        "分工", "完工", "动工", "竣工", "家长", "增长", "成长", "延长", "生长", "擅长",
    ];
    if TITLES.contains(&word) {
        return true;
    }
    word.chars().count() >= 2
        && word.ends_with(['工', '员', '长', '师'])
        && !NOT_ROLES.contains(&word)
}

/// Whether `word` is one of [`DETERMINERS`] (`该`, `各`, `本`).
pub(crate) fn is_determiner(word: &str) -> bool {
    DETERMINERS.contains(&word)
}

/// Ends of events' names: fairs, games, festivals, contests. No corpus
/// tags one as a body (CLUENER tags leagues, `…联赛`, which stay).
const EVENT_ENDS: &[&str] = &[
    "博览会",
    "运动会",
    "马拉松",
    "交易会",
    "展览会",
    "洽谈会",
    "展销会",
    "艺术节",
    "音乐节",
    "电影节",
    "文化节",
    "旅游节",
    "锦标赛",
    "邀请赛",
    "大奖赛",
    "选拔赛",
    "奥运会",
    "世博会",
];

/// Whether `name` names an event ([`EVENT_ENDS`]).
pub(crate) fn is_event(name: &[char]) -> bool {
    EVENT_ENDS.iter().any(|w| ends_with(name, w))
}

/// The start of a given name `s..e` (one or two chars) with the compound
/// surname right before it (`上官|俊杰` → `上官俊杰`), or `s`.
pub(crate) fn with_compound_surname(sentence: &[char], s: usize, e: usize) -> usize {
    let compound = s >= 2
        && e - s <= 2
        && super::lexicon::COMPOUND_SURNAMES
            .iter()
            .any(|w| ends_with(&sentence[..s], w));
    if compound { s - 2 } else { s }
}

/// The length of a withheld name at `i`: a listed surname and `某` or
/// `某某` (`冯某`, `张某某`).
pub(crate) fn withheld_name_len(sentence: &[char], i: usize) -> Option<usize> {
    if sentence.get(i + 1) != Some(&'某') || !is_listed_surname(&sentence[i..i + 1]) {
        return None;
    }
    Some(if sentence.get(i + 2) == Some(&'某') {
        3
    } else {
        2
    })
}

/// The hundred commonest surnames: `小` or `老` before one of them is a
/// familiar name (`小刘`, `老周`) when nothing else reads it (the learned
/// surnames also hold `麦`, `雨`, `路`: `小麦`, `小雨`, `小路`).
const COMMON_SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

/// Verbs that join two bodies acting together (`…事务局联合…武装部`):
/// never inside a name as jieba's verb (`联合国`, `妇女联合会` are words
/// of their own).
const JOINING_VERBS: &[&str] = &["联合", "携手", "会同", "协同"];

/// Conjunctions between two names (`A总工会和B总工会`), as jieba reads
/// them (`c`; not the `和` of `和平`, `共和国`).
const CONJUNCTIONS: &[&str] = &["和", "与", "及", "以及", "同"];

/// Where a name `s..e` holds a word that joins two names: a joining verb
/// that jieba reads as a verb of its own (`联合县人社局` → the verb at
/// the start; `A局联合B部` → in the middle), or a conjunction after a part
/// that `ends_name` takes for a whole name (`宁波市鄞州区总工会和县总工会`;
/// not `国家发展和改革委员会`). The word's start and end, or `None`.
/// `words` are in view offsets, where the sentence starts at `base`;
/// `s..e` and the argument of `ends_name` (the end of the first part) are
/// the sentence's.
pub(crate) fn joining_word(
    words: &[Word<'_>],
    base: usize,
    s: usize,
    e: usize,
    ends_name: impl Fn(usize) -> bool,
) -> Option<(usize, usize)> {
    let first = words.partition_point(|w| w.start < base + s);
    words[first..]
        .iter()
        .take_while(|w| w.start < base + e)
        .find(|w| {
            // In the middle only after a whole name (`A局联合B部`, not
            // `北京草桥农工商联合公司`).
            let verb = w.tag.starts_with('v')
                && JOINING_VERBS.contains(&w.text)
                && (w.start == base + s || (w.start >= base + s + 2 && ends_name(w.start - base)));
            let conjunction = w.tag == "c"
                && CONJUNCTIONS.contains(&w.text)
                && w.start >= base + s + 2
                && ends_name(w.start - base);
            (verb || conjunction) && w.end + 2 <= base + e
        })
        .map(|w| (w.start - base, w.end - base))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn 类别名词不是名称() {
        let category = [
            "工会",
            "公司",
            "该公司",
            "公司工会",
            "街道工会",
            "医院党支部",
            "开发区排查队",
            "服务队",
            "志愿者协会",
            "本村",
            "各级工会",
            "当地政府",
            "本公司",
            "驻村工作组",
            "专项督查组",
            "建筑公司",
            "商业银行",
            "资产管理公司",
            "征信机构",
            "访问团",
            "街道办",
            "该中队",
        ];
        for w in category {
            assert!(is_category_noun(&chars(w)), "{w}");
        }
        let names = [
            "县总工会",
            "市科协",
            "宁波市鄞州区总工会",
            "教育部",
            "宁波港集团有限公司",
            "联合国",
            "中共中央宣传部",
            "宁波市第二人民医院",
            "华力公司",
            "中国建筑公司",
            "招商银行",
            "上海市访问团",
            "",
        ];
        for w in names {
            assert!(!is_category_noun(&chars(w)), "{w}");
        }
    }

    /// Words of a text cut at `/` (tag `n`), view positions from 0.
    fn cut(text: &str) -> (Vec<char>, Vec<Word<'_>>) {
        let mut at = 0;
        let words = text
            .split('/')
            .map(|w| {
                let n = w.chars().count();
                at += n;
                Word {
                    text: w,
                    tag: "n",
                    tag_id: 0,
                    start: at - n,
                    end: at,
                }
            })
            .collect();
        (text.chars().filter(|&c| c != '/').collect(), words)
    }

    #[test]
    fn 名称到名称为止() {
        use EntityKind::{Organization as Org, Person as Per, Place as Loc};
        // What `ends_name` knows: organization suffixes, listed places.
        let known = [
            "院",
            "中心",
            "基金会",
            "交易所",
            "委",
            "杭州",
            "三亚市",
            "成都市",
        ];
        // (words cut at `/`, kind, span, the end the name keeps).
        let cases = [
            ("故宫/博物院/合作/设计/包装", Org, (0, 11), 5),
            ("服装/质检/中心/监督/调查", Org, (0, 10), 6),
            ("东京/商品/交易所/橡胶/期货", Org, (0, 11), 7),
            ("国家/卫健委/新闻", Org, (0, 7), 5),
            ("杭州/会展业", Loc, (0, 5), 2),
            ("三亚市/海棠区/海棠/北路/36/号", Loc, (0, 13), 3),
            // Names that end as names do stay whole.
            ("南京/师范/大学/美术/系", Org, (0, 9), 9),
            ("国家/计委/科技/司", Org, (0, 7), 7),
            ("浙江/稠州/银行/女篮", Org, (0, 8), 8),
            ("工商/银行/（/601398/）", Org, (0, 12), 12),
            ("重庆市/人民/大会堂", Loc, (0, 8), 8),
            ("成都市/高新区", Loc, (0, 6), 6),
            // No name inside, or a person: left as it is.
            ("阿里/巴巴", Org, (0, 4), 4),
            ("杭州/会展业", Per, (0, 5), 5),
        ];
        for (text, kind, span, want) in cases {
            let (sentence, words) = cut(text);
            let ends_name = |k: usize| {
                let name: String = sentence[span.0..k].iter().collect();
                known.iter().any(|e| name.ends_with(e))
            };
            assert_eq!(
                name_end(&sentence, &words, 0, kind, span, ends_name).unwrap_or(span.1),
                want,
                "{text}"
            );
        }
    }

    #[test]
    fn 过长的跨度不是名称() {
        let long: Vec<char> = "万".repeat(MAX_NAME_CHARS + 1).chars().collect();
        assert_eq!(
            name_span(&long, EntityKind::Organization, 0, long.len()),
            None
        );
        let ok: Vec<char> = "万"
            .repeat(MAX_NAME_CHARS - 3)
            .chars()
            .chain("有限公司".chars())
            .collect();
        assert_eq!(
            name_span(&ok, EntityKind::Organization, 0, MAX_NAME_CHARS),
            Some((EntityKind::Organization, 0, MAX_NAME_CHARS))
        );
    }

    #[test]
    fn 职务前的党组织不属于名称() {
        let cases = [
            (
                "宁波市第二人民医院党委书记李华",
                "宁波市第二人民医院党委",
                "宁波市第二人民医院",
            ),
            (
                "宁波港集团有限公司工会主席王建国",
                "宁波港集团有限公司工会",
                "宁波港集团有限公司",
            ),
            ("宁波市总工会主席李华", "宁波市总工会", "宁波市总工会"),
            ("县总工会党组书记", "县总工会党组", "县总工会"),
            ("医院党委决定", "医院党委", "医院党委"),
            ("乡党委书记", "乡党委", "乡党委"),
            ("村团支部书记", "村团支部", "村团支部"),
            ("医院党委书记", "医院党委", "医院党委"),
        ];
        for (text, span, want) in cases {
            let c = chars(text);
            let e = span.chars().count();
            let got: String = c[..without_title_unit(&c, 0, e)].iter().collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn 名称不跨越未配对的引号括号() {
        let cases = [
            ("张苒）", Some("张苒")),
            ("（张苒", Some("张苒")),
            ("《传记文学", Some("传记文学")),
            ("“买通”保险公司", Some("“买通”保险公司")),
            ("中国人民保险（集团）公司", Some("中国人民保险（集团）公司")),
            ("工匠”服务队", None),
            ("世界”明儿“周刊", None),
            ("华力公司“宁", None),
            ("）宁波港（", Some("宁波港")),
            ("\"华力", Some("华力")),
            ("）", None),
            ("", None),
        ];
        for (text, want) in cases {
            let c = chars(text);
            let got = within_marks(&c, 0, c.len()).map(|(s, e)| c[s..e].iter().collect::<String>());
            assert_eq!(got.as_deref(), want, "{text}");
        }
    }

    #[test]
    fn 行政区划逐级分开() {
        let known = ["余姚市", "梁弄镇", "吉林省", "吉林市", "北京市", "海淀区"];
        let is_division = |name: &[char]| known.contains(&name.iter().collect::<String>().as_str());
        let cases: [(&str, &[&str]); 7] = [
            ("余姚市梁弄镇横坎头村", &["余姚市", "梁弄镇", "横坎头村"]),
            ("吉林省吉林市", &["吉林省", "吉林市"]),
            ("北京市海淀区", &["北京市", "海淀区"]),
            // A rest that does not end as a division does: one name.
            ("北京市海淀公园", &["北京市海淀公园"]),
            ("北京市区", &["北京市区"]),
            // Unknown leading part: left to the tagger.
            ("魁北克省蒙特利尔市", &["魁北克省蒙特利尔市"]),
            ("余姚市", &["余姚市"]),
        ];
        for (text, parts) in cases {
            let sentence = chars(text);
            let mut cuts = Vec::new();
            division_cuts(&sentence, 0, sentence.len(), is_division, &mut cuts);
            let mut found = Vec::new();
            let mut from = 0;
            for k in cuts.into_iter().chain([sentence.len()]) {
                found.push(sentence[from..k].iter().collect::<String>());
                from = k;
            }
            assert_eq!(found, parts, "{text}");
        }
    }

    #[test]
    fn 以简称开头的事物词() {
        let cases = [
            ("京剧", true),
            ("奥运会", true),
            ("美元", true),
            ("京", false),
            ("京津", false),
            ("美方", false),
        ];
        for (text, thing) in cases {
            assert_eq!(begins_thing_word(&chars(text)), thing, "{text}");
        }
    }
}
