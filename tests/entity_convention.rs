//! The naming convention of `../shared/docs/entities.md`, one table per
//! rule: sentences written by the team and every entity the embedded
//! model must report in them, exactly (kind, text, char offset); nothing
//! else may be reported.

use std::sync::LazyLock;

use zh_extract::{EntityKind, Extraction, Extractor};

use EntityKind::{Organization as Org, Person as Per, Place as Loc};

/// A sentence and all the entities expected in it: (kind, text, char start).
type Case = (&'static str, &'static [(EntityKind, &'static str, usize)]);

/// Bare category nouns, with or without a determiner, name a kind of body.
const CATEGORY_NOUNS: &[Case] = &[
    ("面对新形势，工会应该怎么办？", &[]),
    ("该公司工会主席表示，工会将继续发挥作用。", &[]),
    ("医院党支部已经行动起来，组织党员深入社区。", &[]),
    ("街道工会和社区服务队一起走访了困难家庭。", &[]),
    ("本村今年新修了两条机耕路。", &[]),
    ("各级工会要做好农民工欠薪排查工作。", &[]),
    ("当地政府表示，有关部门已介入调查。", &[]),
    ("驻村工作组带领党员帮助村民发展茶产业。", &[]),
    ("专项督查组昨天进驻该公司。", &[]),
    ("他把材料交到了法院，法院当天就立了案。", &[]),
    ("孩子考上了大学，在学校附近的商场打工。", &[]),
    ("职工服务中心为困难职工提供帮扶。", &[]),
    ("女职工委员会开展了关爱活动，经审会审查了经费。", &[]),
    ("公司办公室发出通知，党小组会议由组长主持。", &[]),
    ("爱心驿站为户外劳动者提供休息场所。", &[]),
    (
        "宁波大学和浙江大学的学生来到中国人民大学。",
        &[
            (Org, "宁波大学", 0),
            (Org, "浙江大学", 5),
            (Org, "中国人民大学", 14),
        ],
    ),
    (
        "宁波市鄞州区总工会和县总工会联合开展送清凉活动。",
        &[(Org, "宁波市鄞州区总工会", 0), (Org, "县总工会", 10)],
    ),
    ("代表团一行参观了车间，合唱团演出了节目。", &[]),
    ("医院第二党支部组织党员参观，矿党委书记也参加了。", &[]),
    ("该班组被评为“江苏省工人先锋号”，医疗队随后出发。", &[]),
    ("院党委决定在外科和儿科开展共富工坊结对活动。", &[]),
    ("街道办事处和网络部的同事一起检查了光伏电站。", &[]),
];

/// A post after an organization's name is not part of it, nor is the
/// party or union unit that holds the post.
const TITLES: &[Case] = &[
    (
        "宁波市第二人民医院党委书记李华带队走访。",
        &[(Org, "宁波市第二人民医院", 0), (Per, "李华", 13)],
    ),
    (
        "宁波港集团有限公司工会主席王建国介绍了情况。",
        &[(Org, "宁波港集团有限公司", 0), (Per, "王建国", 13)],
    ),
    (
        "宁波市总工会主席李华出席会议。",
        &[(Org, "宁波市总工会", 0), (Per, "李华", 8)],
    ),
    // A division's party committee is the body: it keeps its unit.
    (
        "玉泉街道党工委书记王海涛主持会议。",
        &[(Org, "玉泉街道党工委", 0), (Per, "王海涛", 9)],
    ),
    // A unit inside the body that holds the post: a department, a
    // hospital's department, a team.
    (
        "杭州市总工会宣传部部长陈立平出席活动。",
        &[(Org, "杭州市总工会", 0), (Per, "陈立平", 11)],
    ),
    (
        "慈溪市第三人民医院儿科主任孙晓梅为家长答疑。",
        &[(Org, "慈溪市第三人民医院", 0), (Per, "孙晓梅", 13)],
    ),
    (
        "奉化区供电公司检修班班长吴海峰带队抢修。",
        &[(Org, "奉化区供电公司", 0), (Per, "吴海峰", 12)],
    ),
    (
        "农业银行绍兴分行个人金融部负责人王磊介绍了情况。",
        &[(Org, "农业银行绍兴分行", 0), (Per, "王磊", 16)],
    ),
    ("记者王建国报道。", &[(Per, "王建国", 2)]),
    // After a place the party unit is the organization.
    (
        "鄞州区横溪镇党委副书记赵丽萍参加活动。",
        &[(Org, "鄞州区横溪镇党委", 0), (Per, "赵丽萍", 11)],
    ),
];

/// No name crosses a closing quote or bracket it did not open; marks it
/// does not pair are not part of it; slogans and honours in quotes are
/// not organizations.
const QUOTES_AND_BRACKETS: &[Case] = &[
    ("他所在的班组获得“开门红”劳动竞赛一等奖。", &[]),
    (
        "中国人民保险（集团）公司在北京召开年会。",
        &[(Org, "中国人民保险（集团）公司", 0), (Loc, "北京", 13)],
    ),
    ("（记者张苒）", &[(Per, "张苒", 3)]),
    // Honours in quotes name no place and no body.
    ("她先后获得“杭州市劳动模范”“绍兴工匠”等称号。", &[]),
    (
        "车间被评为“余姚市模范职工之家”，余姚市总工会发来贺信。",
        &[(Org, "余姚市总工会", 17)],
    ),
    // Nor where the place is named outside the quotes too: the other
    // mention stays out.
    (
        "修理队来自上海市，今年被评为“上海市优秀志愿服务团队”。",
        &[(Loc, "上海市", 5)],
    ),
    // A newspaper's title is no organization; its office is.
    ("订阅《宁波日报》的读者可以免费领取日历。", &[]),
    (
        "宁波日报社记者徐涛报道。",
        &[(Org, "宁波日报社", 0), (Per, "徐涛", 7)],
    ),
];

/// A name runs no further than the name.
const NAME_BOUNDARIES: &[Case] = &[
    ("刘明一下班就去了社区。", &[(Per, "刘明", 0)]),
    ("陈静都知道了这件事。", &[(Per, "陈静", 0)]),
    ("张伟常说，工会就是职工的家。", &[(Per, "张伟", 0)]),
    // A compound surname is part of the name.
    (
        "上官晓峰，男，1971年出生，高级工程师。",
        &[(Per, "上官晓峰", 0)],
    ),
    (
        "小王和老李都是车间的老员工。",
        &[(Per, "小王", 0), (Per, "老李", 3)],
    ),
    // A lone surname with 某 is the person's name in the text.
    (
        "犯罪嫌疑人王某在超市偷了东西，被民警当场抓获。",
        &[(Per, "王某", 5)],
    ),
    (
        "据介绍，李某某今年35岁，是一名出租车司机。",
        &[(Per, "李某某", 4)],
    ),
    (
        "郑某和卜某因琐事发生争执。",
        &[(Per, "郑某", 0), (Per, "卜某", 3)],
    ),
    // So is one with a kinship term or an honorific.
    ("王大姐每天早上都去菜场买菜。", &[(Per, "王大姐", 0)]),
    (
        "张阿姨和刘大爷是多年的邻居。",
        &[(Per, "张阿姨", 0), (Per, "刘大爷", 4)],
    ),
    ("周先生告诉记者，他已经报警。", &[(Per, "周先生", 0)]),
    // A Latin name keeps the spaces between its words, and a name keeps
    // the space after its dot.
    (
        "苹果公司首席执行官Tim Cook今天在北京会见了记者。",
        &[
            (Org, "苹果公司", 0),
            (Per, "Tim Cook", 9),
            (Loc, "北京", 20),
        ],
    ),
    (
        "新任财务总监Mary Johnson来自上海。",
        &[(Per, "Mary Johnson", 6), (Loc, "上海", 20)],
    ),
    (
        "国务秘书斯特凡· 卡普费雷尔出席了会议。",
        &[(Per, "斯特凡· 卡普费雷尔", 4)],
    ),
    (
        "李小姐和张女士都是志愿者。",
        &[(Per, "李小姐", 0), (Per, "张女士", 4)],
    ),
    // Amounts are no names, not even in the capitals of invoices.
    ("报销金额壹仟伍佰圆整。", &[]),
    ("合计：人民币伍万叁仟贰佰元整。", &[]),
    ("今年支付伍佰元，明年再付陆佰元。", &[]),
    ("本月房租金额伍佰元整，请按时缴纳。", &[]),
    ("王建国捐款500元。", &[(Per, "王建国", 0)]),
    ("病人体温达到华氏101度，医生建议住院。", &[]),
    ("华氏98.6度相当于37摄氏度。", &[]),
    // A bare number is no amount: the name keeps it.
    ("360公司发布了新产品。", &[(Org, "360公司", 0)]),
];

/// A country's armed forces are a body: `美军` is an organization, while
/// `美军事专家` is an expert on the military affairs of `美`.
const ARMED_FORCES: &[Case] = &[
    (
        "二战期间，美军在太平洋上与日军激战。",
        &[(Org, "美军", 5), (Loc, "太平洋", 8), (Org, "日军", 13)],
    ),
    ("一位美军事专家认为局势可控。", &[(Loc, "美", 2)]),
];

#[test]
fn 军队是组织() {
    check(ARMED_FORCES);
}

/// The outermost name wins; places alone are each their own record.
const OUTERMOST: &[Case] = &[
    (
        "杭州市西湖区人民政府与宁波大学签署合作协议。",
        &[(Org, "杭州市西湖区人民政府", 0), (Org, "宁波大学", 11)],
    ),
    // A place before its own government's or court's formal name is
    // that body, whatever the tagger read (`雷山县` alone as a place).
    (
        "雷山县人民政府县长訾光明介绍了情况。",
        &[(Org, "雷山县人民政府", 0), (Per, "訾光明", 9)],
    ),
    (
        "岳阳市中级人民法院审理了此案，岳阳市人民检察院提起公诉。",
        &[
            (Org, "岳阳市中级人民法院", 0),
            (Org, "岳阳市人民检察院", 15),
        ],
    ),
    (
        "县总工会党组书记赵丽萍来到余姚市梁弄镇横坎头村。",
        &[
            (Org, "县总工会", 0),
            (Per, "赵丽萍", 8),
            (Loc, "余姚市", 13),
            (Loc, "梁弄镇", 16),
            (Loc, "横坎头村", 19),
        ],
    ),
];

/// Bodies acting together are each their own name, and a joining verb
/// is part of none (`联合`, as jieba reads it: not in `联合国`); a branch
/// right after its company is part of its name.
const JOINED_BODIES: &[Case] = &[
    (
        "海曙区人民法院联合海曙区司法局开展普法宣传。",
        &[(Org, "海曙区人民法院", 0), (Org, "海曙区司法局", 9)],
    ),
    ("联合江北区妇联举办亲子活动。", &[(Org, "江北区妇联", 2)]),
    // A bare category noun acting with a body is none.
    (
        "5月以来，街道联合鼓楼区人民医院开展义诊。",
        &[(Org, "鼓楼区人民医院", 9)],
    ),
    (
        "公司联合南湖区消防救援大队开展演练。",
        &[(Org, "南湖区消防救援大队", 4)],
    ),
    // `联合` inside a name after no whole name is the name's own word.
    (
        "宁波北仑农工商联合公司总经理陈海东介绍了情况。",
        &[(Org, "宁波北仑农工商联合公司", 0), (Per, "陈海东", 14)],
    ),
    (
        "联合国和中华全国妇女联合会共同发布报告。",
        &[(Org, "联合国", 0), (Org, "中华全国妇女联合会", 4)],
    ),
    (
        "中国人民财产保险股份有限公司杭州市分公司推出新险种。",
        &[(Org, "中国人民财产保险股份有限公司杭州市分公司", 0)],
    ),
];

#[test]
fn 联合行动的机构各是一个名称() {
    check(JOINED_BODIES);
}

/// Familiar forms and names before `一` + verb (entities.md's
/// `刘明一下班`).
const FAMILIAR_NAMES: &[Case] = &[
    ("“小吴，把资料拿过来！”", &[(Per, "小吴", 1)]),
    ("大家都叫他老汪，他做了三十年门卫。", &[(Per, "老汪", 5)]),
    ("村里种了小麦，路边下起了小雨。", &[]),
    ("李文静一下车就给家里打电话。", &[(Per, "李文静", 0)]),
    // Before an act, too (the verb after the name is jieba's).
    (
        "钢筋工老何来自四川，已经干了二十年。",
        &[(Per, "老何", 3), (Loc, "四川", 7)],
    ),
    ("他把老宋送到了医院。", &[(Per, "老宋", 2)]),
    // Rare surnames too, and kinship terms after a surname.
    (
        "工友们都叫他老应，小区门口的张婆婆也认识他。",
        &[(Per, "老应", 6), (Per, "张婆婆", 14)],
    ),
    // A surname and `某`: a name withheld.
    ("经过蹲守，民警抓获了犯罪嫌疑人邓某。", &[(Per, "邓某", 15)]),
];

/// A role before a name is the evidence for surnames that are also
/// common words (`应`, `党`); the modal `应` stays a word.
const NAMES_AFTER_ROLES: &[Case] = &[
    (
        "车间主任应建华说，今年的订单比去年多。",
        &[(Per, "应建华", 4)],
    ),
    ("护士长党丽每天最早到病房。", &[(Per, "党丽", 3)]),
    ("领导干部应当带头遵守规定。", &[]),
    ("员工应积极参加培训。", &[]),
    ("老师应该关心每一个学生。", &[]),
];

#[test]
fn 职务后的少见姓氏() {
    check(NAMES_AFTER_ROLES);
}

/// An item between two names of a kind in a list cut by `、` is one too.
const LISTS: &[Case] = &[
    (
        "表彰名单：陈建国、区永年、王丽、孙海涛。",
        &[
            (Per, "陈建国", 5),
            (Per, "区永年", 9),
            (Per, "王丽", 13),
            (Per, "孙海涛", 16),
        ],
    ),
    (
        "当选委员有陈一平、文家庭、孙立新、周红。",
        &[
            (Per, "陈一平", 5),
            (Per, "文家庭", 9),
            (Per, "孙立新", 13),
            (Per, "周红", 17),
        ],
    ),
    (
        "增补委员有马丽娜（女）、文家庭、韩永（回族）、周红。",
        &[
            (Per, "马丽娜", 5),
            (Per, "文家庭", 12),
            (Per, "韩永", 16),
            (Per, "周红", 23),
        ],
    ),
    (
        "代表团访问了秘鲁、智利、乌拉圭、巴拉圭和阿根廷。",
        &[
            (Loc, "秘鲁", 6),
            (Loc, "智利", 9),
            (Loc, "乌拉圭", 12),
            (Loc, "巴拉圭", 16),
            (Loc, "阿根廷", 20),
        ],
    ),
    (
        "考察团先后访问了波兰、捷克、匈牙利和奥地利。",
        &[
            (Loc, "波兰", 8),
            (Loc, "捷克", 11),
            (Loc, "匈牙利", 14),
            (Loc, "奥地利", 18),
        ],
    ),
];

#[test]
fn 列举中的名称() {
    check(LISTS);
}

#[test]
fn 小老加姓与一字() {
    check(FAMILIAR_NAMES);
}

/// Streets are divisions too: each its own place.
const STREETS: &[Case] = &[(
    "鄞州区百丈街道划船社区开展了消防演练。",
    &[
        (Loc, "鄞州区", 0),
        (Loc, "百丈街道", 3),
        (Loc, "划船社区", 7),
    ],
)];

#[test]
fn 街道社区各是地名() {
    check(STREETS);
}

fn found(e: &Extraction<'_>) -> Vec<(EntityKind, String, usize)> {
    e.entities
        .iter()
        .map(|x| (x.kind, x.text.to_owned(), x.span.char_start))
        .collect()
}

/// The default extractor, one asked for names only and one that also
/// reports bare numbers: the names must not depend on which amounts are
/// asked for.
static EXTRACTORS: LazyLock<[(&str, Extractor); 3]> = LazyLock::new(|| {
    let names_only = Extractor::builder().quantity_kinds([]).build();
    let numbers = Extractor::builder().with_bare_numbers().build();
    [
        ("default", Extractor::new()),
        ("names only", names_only.expect("builds")),
        ("bare numbers", numbers.expect("builds")),
    ]
});

fn check(table: &[Case]) {
    let mut wrong = Vec::new();
    for (text, want) in table {
        let want: Vec<_> = want.iter().map(|&(k, t, s)| (k, t.to_owned(), s)).collect();
        for (name, extractor) in EXTRACTORS.iter() {
            let got = found(&extractor.extract(text));
            if got != want {
                wrong.push(format!("{text} ({name})\n  want {want:?}\n  got  {got:?}"));
            }
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn 类别名词不是组织() {
    check(CATEGORY_NOUNS);
}

#[test]
fn 职务不属于名称() {
    check(TITLES);
}

#[test]
fn 引号括号() {
    check(QUOTES_AND_BRACKETS);
}

#[test]
fn 名字边界() {
    check(NAME_BOUNDARIES);
}

#[test]
fn 最外层名称() {
    check(OUTERMOST);
}

/// In a whole document an alias introduced as `（以下简称华力）` is the
/// same kind wherever it occurs, and a name read once is read everywhere;
/// a name broken by a PDF line break keeps the break in its span.
#[test]
fn 文档内的别名与断行() {
    let text = "浙江华力电器有限公司（以下简称华力）与宁波大学签订合作协议。\
                华力将每年接收50名实习生。\n\n8月，实习生将赴宁波市第二\n\n人民医院参加培训，华力负责交通。";
    let got = found(&Extractor::new().extract(text));
    let aliases = got.iter().filter(|e| e.0 == Org && e.1 == "华力").count();
    assert_eq!(aliases, 3, "{got:?}");
    assert!(
        got.contains(&(Org, "浙江华力电器有限公司".to_owned(), 0)),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|e| e.0 == Org && e.1 == "宁波市第二\n\n人民医院"),
        "{got:?}"
    );
}

/// A name that ends as a body's (`…医院`, `…办事处`, `…公司`) is an
/// organization, whatever places lead it; an event is none, but a place
/// in its name is one.
const BODY_ENDS: &[Case] = &[
    (
        "首届长三角国际文化产业博览会在上海举行。",
        &[(Loc, "长三角", 2), (Loc, "上海", 15)],
    ),
    (
        "第九届中国（义乌）国际小商品博览会昨天在义乌开幕。",
        &[(Loc, "中国", 3), (Loc, "义乌", 6), (Loc, "义乌", 20)],
    ),
    (
        "这家书屋由杭州市拱墅区米市巷街道办事处引入专业团队运营。",
        &[(Org, "杭州市拱墅区米市巷街道办事处", 5)],
    ),
    (
        "这家食堂由成都市武侯区玉林街道办事处引入成都禾丰餐饮管理公司。",
        &[
            (Org, "成都市武侯区玉林街道办事处", 5),
            (Org, "成都禾丰餐饮管理公司", 20),
        ],
    ),
];

#[test]
fn 机构结尾是机构() {
    check(BODY_ENDS);
}

/// A division's char before a body (`省水利厅`, `市科协`, `省分行`) names
/// that division's body, as entities.md's `市科协` and `县总工会`.
const SHORT_BODIES: &[Case] = &[
    (
        "武警官兵、省水利厅专家分赴各重点堤段。",
        &[(Org, "武警", 0), (Org, "省水利厅", 5)],
    ),
    (
        "活动得到了市科协和省分行的支持。",
        &[(Org, "市科协", 5), (Org, "省分行", 9)],
    ),
    (
        "省分行党委委员、工会主席李明出席。",
        &[(Org, "省分行", 0), (Per, "李明", 12)],
    ),
    ("各县教育局要高度重视。", &[]),
    // A span that ends as no body's name is its leading places.
    (
        "厦门市税务部门是如何开展专项治理的？",
        &[(Loc, "厦门市", 0)],
    ),
];

#[test]
fn 省市县的机构简称() {
    check(SHORT_BODIES);
}

/// Read line by line, a line may end inside a name that a break cut: the
/// name runs to the end; the next line's rest of a suffix is no name.
const BROKEN_NAME_ENDS: &[Case] = &[
    (
        "本次活动由宁波海天精工股份有",
        &[(Org, "宁波海天精工股份有", 5)],
    ),
    (
        "职工们来到了杭州钢铁集团有限公",
        &[(Org, "杭州钢铁集团有限公", 6)],
    ),
    ("限公司等十二家单位提供了岗位。", &[]),
    ("限责任公司的员工参加了培训。", &[]),
];

#[test]
fn 断行后的名称残余() {
    check(BROKEN_NAME_ENDS);
}

/// A table's cells and rows are never read as one name: a name stops at a
/// column mark or a space between cells, and a row's line break is no PDF
/// wrap.
const TABLE_ROWS: &[Case] = &[
    (
        "区人民法院｜龙泉街道东山村｜陈立平\n区住建局｜石桥镇南坪村｜覃丽华",
        &[
            (Org, "区人民法院", 0),
            (Loc, "龙泉街道", 6),
            (Loc, "东山村", 10),
            (Per, "陈立平", 14),
            (Org, "区住建局", 18),
            (Loc, "石桥镇", 23),
            (Loc, "南坪村", 26),
            (Per, "覃丽华", 30),
        ],
    ),
    (
        "序号 姓名 录取院校\n1 柯文静 兰州大学 天水星河机床有限责任公司",
        &[
            (Per, "柯文静", 13),
            (Org, "兰州大学", 17),
            (Org, "天水星河机床有限责任公司", 22),
        ],
    ),
    // A space inside a Latin name or after a name's dot parts no cells:
    // the name is reported whole, no piece of it (`Philip`, `斯特凡`).
    (
        "总裁Philip Turner表示，国务秘书斯特凡· 卡普费雷尔出席。",
        &[(Per, "Philip Turner", 2), (Per, "斯特凡· 卡普费雷尔", 22)],
    ),
];

#[test]
fn 表格的行与格() {
    check(TABLE_ROWS);
}

/// A document put on one line with its line breaks turned into spaces
/// (`text.replace("\n", " ")`) reads as its lines did: a space between
/// two lines of prose is the wrap it was, and a name across it is one
/// name with the space in its span. Spaces between short runs (a list of
/// names, cells, a credit) still part names.
const FLATTENED_BREAKS: &[Case] = &[
    (
        "8月，集团组织医护志愿者赴宁波市第二 人民医院参加培训。",
        &[(Org, "宁波市第二 人民医院", 13)],
    ),
    (
        "今年以来，我院先后选派二十一名骨干到呼兰区康金街道社 区卫生服务中心坐诊带教。",
        &[(Org, "呼兰区康金街道社 区卫生服务中心", 18)],
    ),
    (
        "会上，区总工会党组书记、常务副主席黄 志坚作了讲话。",
        &[(Org, "区总工会", 3), (Per, "黄 志坚", 17)],
    ),
    (
        "本次活动的获奖职工名单如下 王建国 李明 张伟",
        &[(Per, "王建国", 14), (Per, "李明", 18), (Per, "张伟", 21)],
    ),
    (
        "新型储能项目近日在赣州落地。（宁波港集团有限公司 宣传中心）",
        &[(Loc, "赣州", 9), (Org, "宁波港集团有限公司", 15)],
    ),
];

#[test]
fn 换行变成空格的文档() {
    check(FLATTENED_BREAKS);
}

/// A two-char name padded to the width of three in a list or a byline
/// (`王　伟`) is one name, its span over the padding; padding between
/// longer names parts them.
const PADDED_NAMES: &[Case] = &[
    (
        "获奖名单：张建国　王　伟　李小明　赵　刚",
        &[
            (Per, "张建国", 5),
            (Per, "王　伟", 9),
            (Per, "李小明", 13),
            (Per, "赵　刚", 17),
        ],
    ),
    (
        "记者　王　伟　通讯员　李小明",
        &[(Per, "王　伟", 3), (Per, "李小明", 11)],
    ),
    (
        "出席会议的有：李　强、张　华、欧阳文。",
        &[(Per, "李　强", 7), (Per, "张　华", 11), (Per, "欧阳文", 15)],
    ),
];

#[test]
fn 补齐的两字姓名() {
    check(PADDED_NAMES);
}

/// Text in traditional characters reads as in simplified ones: the
/// view folds every traditional char (OpenCC's table), the spans stay
/// on the text as written.
const TRADITIONAL_TEXT: &[Case] = &[
    (
        "香港特別行政區政府發言人表示，行政長官李家超將於下周訪問廣州。",
        &[
            (Loc, "香港特別行政區", 0),
            (Per, "李家超", 19),
            (Loc, "廣州", 28),
        ],
    ),
    (
        "寧波市總工會今年為職工辦實事，主席王建國帶隊走訪了餘姚市梁弄鎮橫坎頭村。",
        &[
            (Org, "寧波市總工會", 0),
            (Per, "王建國", 17),
            (Loc, "餘姚市", 25),
            (Loc, "梁弄鎮", 28),
            (Loc, "橫坎頭村", 31),
        ],
    ),
    (
        "患者被送往寧波市第二\n\n人民醫院救治。",
        &[(Org, "寧波市第二\n\n人民醫院", 5)],
    ),
    (
        "臺北市政府衛生局提醒民眾注意防疫。",
        &[(Org, "臺北市政府衛生局", 0)],
    ),
];

#[test]
fn 繁体字的文本() {
    check(TRADITIONAL_TEXT);
}

/// An alias in quotes is the alias, not a shorter name read inside it.
const QUOTED_ALIASES: &[Case] = &[(
    "浙江恒达精密机械有限公司（以下简称“恒达精密”）成立于2001年。恒达精密现有职工300人。",
    &[
        (Org, "浙江恒达精密机械有限公司", 0),
        (Org, "恒达精密", 18),
        (Org, "恒达精密", 33),
    ],
)];

#[test]
fn 引号里的简称() {
    check(QUOTED_ALIASES);
}

/// The other mentions of a name are whole words: never the middle of a
/// longer word (`中国` in `发展中国家`).
const OTHER_MENTIONS: &[Case] = &[(
    "北京是中国的首都。许多发展中国家的代表来到中国。",
    &[(Loc, "北京", 0), (Loc, "中国", 3), (Loc, "中国", 21)],
)];

#[test]
fn 其他提及是整词() {
    check(OTHER_MENTIONS);
}

/// A people is not the place it is named after.
const PEOPLES: &[Case] = &[
    ("他是蒙古族，妻子是朝鲜族。", &[]),
    (
        "蒙古国总统访问北京。",
        &[(Loc, "蒙古国", 0), (Loc, "北京", 7)],
    ),
];

#[test]
fn 民族不是地名() {
    check(PEOPLES);
}

/// A profile's nationality field is an attribute of the person, as a
/// people is, even where the same country is a place elsewhere in the
/// text; an origin (`新疆籍`) and the nationality law's title stay places.
const NATIONALITY: &[Case] = &[
    (
        "张华，1975年出生，中国国籍，无境外永久居留权。",
        &[(Per, "张华", 0)],
    ),
    ("李明，美国国籍，现任公司董事。", &[(Per, "李明", 0)]),
    (
        "他在中国出生，拥有中国国籍和美国永久居留权。",
        &[(Loc, "中国", 2), (Loc, "美国", 14)],
    ),
    (
        "一名新疆籍男子在上海被抓获。",
        &[(Loc, "新疆", 2), (Loc, "上海", 8)],
    ),
    (
        "根据《中华人民共和国国籍法》的规定。",
        &[(Loc, "中华人民共和国", 3)],
    ),
];

#[test]
fn 国籍不是地名() {
    check(NATIONALITY);
}

/// A place's one-char short form alone is a place (`访华`); the same char
/// beginning a word for a thing is not (`京剧`, `奥运`, `美元`). Short
/// forms side by side (`中美`, `京津冀`) name a relation or a region: the
/// default reports none of them, as People's Daily 1998 annotates them
/// (entities.md allows either).
const SHORT_FORMS: &[Case] = &[
    ("他从小喜欢京剧，也爱看奥运比赛。", &[]),
    ("这些商品用美元结算，说明书有英文和法语版本。", &[]),
    ("外长将于下月访华。", &[(Loc, "华", 7)]),
    ("中美两国元首在北京会晤。", &[(Loc, "北京", 7)]),
    ("京津冀协同发展迈出新步伐。", &[]),
    // A side in talks is no place.
    ("会谈中，中方表示欢迎，美方也表示同意。", &[]),
    ("中美双方在北京会谈。", &[(Loc, "北京", 5)]),
];

#[test]
fn 简称与词() {
    check(SHORT_FORMS);
}

/// The MSRA-style extractor keeps short forms side by side, as MSRA
/// annotates them.
#[test]
fn 连写的简称在拆分式中保留() {
    let split = Extractor::builder().split_nested_names().build().unwrap();
    let cases: &[Case] = &[
        (
            "中美两国元首在北京会晤。",
            &[(Loc, "中", 0), (Loc, "美", 1), (Loc, "北京", 7)],
        ),
        ("外长将于下月访华。", &[(Loc, "华", 7)]),
    ];
    for (text, want) in cases {
        let want: Vec<_> = want.iter().map(|&(k, t, s)| (k, t.to_owned(), s)).collect();
        assert_eq!(found(&split.extract(text)), want, "{text}");
    }
}
