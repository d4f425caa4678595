//! Specification tests for the quantity extractor.
//!
//! Every table row is a news-style sentence with the FULL, ordered list of
//! quantities it must yield; a row with an empty list must yield none. The
//! tables follow the written rules of the quantity specification, not the
//! implementation. Spans are never hard-coded: the checker locates the
//! expected text in the sentence (the `nth` occurrence, counted from 0).

mod common;

use std::fmt::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::LazyLock;

use zh_extract::{Approx, Extractor, Quantity, QuantityKind};

/// Quantities only: no entity recogniser. Built once, shared by all tests.
static EX: LazyLock<Extractor> = LazyLock::new(|| {
    Extractor::builder()
        .entity_kinds([])
        .build()
        .expect("the extractor builds")
});

/// One expected quantity.
#[derive(Clone, Copy, Debug)]
struct E {
    kind: QuantityKind,
    text: &'static str,
    /// Which occurrence of `text` in the sentence (0 = first).
    nth: usize,
    value: Option<&'static str>,
    unit: &'static str,
    approx: Approx,
    min: Option<&'static str>,
    max: Option<&'static str>,
    per: Option<&'static str>,
    object: Option<&'static str>,
}

/// One sentence and everything it must yield, in order.
struct Q {
    s: &'static str,
    q: &'static [E],
}

const fn quantity(
    kind: QuantityKind,
    text: &'static str,
    value: &'static str,
    unit: &'static str,
) -> E {
    E {
        kind,
        text,
        nth: 0,
        value: Some(value),
        unit,
        approx: Approx::Exact,
        min: None,
        max: None,
        per: None,
        object: None,
    }
}

const fn money(text: &'static str, value: &'static str, unit: &'static str) -> E {
    quantity(QuantityKind::Money, text, value, unit)
}

const fn cny(text: &'static str, value: &'static str) -> E {
    money(text, value, "CNY")
}

const fn count(text: &'static str, value: &'static str, unit: &'static str) -> E {
    quantity(QuantityKind::Count, text, value, unit)
}

const fn measure(text: &'static str, value: &'static str, unit: &'static str) -> E {
    quantity(QuantityKind::Measure, text, value, unit)
}

const fn pct(text: &'static str, value: &'static str) -> E {
    quantity(QuantityKind::Percent, text, value, "%")
}

const fn pp(text: &'static str, value: &'static str) -> E {
    quantity(QuantityKind::Percent, text, value, "pp")
}

const fn age(text: &'static str, value: &'static str) -> E {
    quantity(QuantityKind::Age, text, value, "year")
}

const fn temp(text: &'static str, value: &'static str) -> E {
    quantity(QuantityKind::Temperature, text, value, "°C")
}

const fn fahr(text: &'static str, value: &'static str) -> E {
    quantity(QuantityKind::Temperature, text, value, "°F")
}

impl E {
    /// The noun counted (counts only).
    const fn obj(self, object: &'static str) -> E {
        E {
            object: Some(object),
            ..self
        }
    }

    /// The unit priced (unit prices only).
    const fn per(self, per: &'static str) -> E {
        E {
            per: Some(per),
            ..self
        }
    }

    /// `约`, `大约`, `左右`, `上下`, `上百`: no bounds.
    const fn about(self) -> E {
        E {
            approx: Approx::About,
            ..self
        }
    }

    /// `以上`, `超过`, `逾`, `至少`: the value is the lower bound.
    const fn over(self) -> E {
        E {
            approx: Approx::Over,
            min: self.value,
            ..self
        }
    }

    /// `X余`, `X多`, `X几`: over, with bounds X and X + 10^k.
    const fn more(self, min: &'static str, max: &'static str) -> E {
        E {
            approx: Approx::Over,
            min: Some(min),
            max: Some(max),
            ..self
        }
    }

    /// `近`, `不到`, `不足`, `以下`: the value is the upper bound.
    const fn under(self) -> E {
        E {
            approx: Approx::Under,
            max: self.value,
            ..self
        }
    }

    /// A range: the value is the lower bound.
    const fn range(self, min: &'static str, max: &'static str) -> E {
        E {
            approx: Approx::Range,
            value: Some(min),
            min: Some(min),
            max: Some(max),
            ..self
        }
    }

    /// `数十`, `几百`, `数百万`: no value, about, with bounds.
    const fn vague(self, min: &'static str, max: &'static str) -> E {
        E {
            approx: Approx::About,
            value: None,
            min: Some(min),
            max: Some(max),
            ..self
        }
    }

    /// The expected text is the `n`-th occurrence (from 0) in the sentence.
    const fn nth(self, n: usize) -> E {
        E { nth: n, ..self }
    }
}

// ---------------------------------------------------------------------------
// The checker
// ---------------------------------------------------------------------------

/// Byte offset of the `nth` occurrence of `needle` in `hay`.
fn locate(hay: &str, needle: &str, nth: usize) -> Option<usize> {
    hay.match_indices(needle).nth(nth).map(|(at, _)| at)
}

fn opt(v: Option<&str>) -> &str {
    v.unwrap_or("-")
}

#[allow(clippy::too_many_arguments)]
fn line(
    kind: &str,
    text: &str,
    bytes: (usize, usize),
    chars: (usize, usize),
    value: Option<&str>,
    unit: &str,
    approx: Approx,
    min: Option<&str>,
    max: Option<&str>,
    per: Option<&str>,
    object: Option<&str>,
) -> String {
    format!(
        "{kind} «{text}» 字{}..{} 字节{}..{} 值={} 单位={unit} {approx:?} 下限={} 上限={} per={} object={}",
        chars.0,
        chars.1,
        bytes.0,
        bytes.1,
        opt(value),
        opt(min),
        opt(max),
        opt(per),
        opt(object),
    )
}

fn show_expected(sentence: &str, e: &E) -> String {
    let Some(start) = locate(sentence, e.text, e.nth) else {
        return format!("表格错误：句中找不到第{}个 «{}»", e.nth, e.text);
    };
    let end = start + e.text.len();
    let char_start = sentence[..start].chars().count();
    let char_end = char_start + e.text.chars().count();
    line(
        e.kind.as_str(),
        e.text,
        (start, end),
        (char_start, char_end),
        e.value,
        e.unit,
        e.approx,
        e.min,
        e.max,
        e.per,
        e.object,
    )
}

fn show_actual(q: &Quantity<'_>) -> String {
    let value = q.value.map(|v| v.to_string());
    let min = q.min.map(|v| v.to_string());
    let max = q.max.map(|v| v.to_string());
    line(
        q.kind.as_str(),
        q.text,
        (q.span.start, q.span.end),
        (q.span.char_start, q.span.char_end),
        value.as_deref(),
        q.unit,
        q.approx,
        min.as_deref(),
        max.as_deref(),
        q.per,
        q.object,
    )
}

/// The extractor's records for `sentence`, each shown as one line; a panic
/// in the extractor becomes an error instead of ending the whole table.
fn actual_lines(sentence: &str) -> Result<Vec<String>, String> {
    catch_unwind(AssertUnwindSafe(|| {
        EX.extract(sentence)
            .quantities
            .iter()
            .map(show_actual)
            .collect::<Vec<_>>()
    }))
    .map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(非字符串 panic)".to_owned())
    })
}

/// A line diff (longest common subsequence) of expected against actual.
fn diff(expected: &[String], actual: &[String]) -> String {
    let (n, m) = (expected.len(), actual.len());
    let mut common = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            common[i][j] = if expected[i] == actual[j] {
                common[i + 1][j + 1] + 1
            } else {
                common[i + 1][j].max(common[i][j + 1])
            };
        }
    }
    let mut out = String::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && expected[i] == actual[j] {
            let _ = writeln!(out, "      {}", expected[i]);
            i += 1;
            j += 1;
        } else if i < n && (j == m || common[i + 1][j] >= common[i][j + 1]) {
            let _ = writeln!(out, "  - 期望 {}", expected[i]);
            i += 1;
        } else {
            let _ = writeln!(out, "  + 实际 {}", actual[j]);
            j += 1;
        }
    }
    out
}

/// Runs a whole table, reports every failing sentence, then fails once.
fn check(name: &str, rows: &[Q]) {
    let mut report = String::new();
    let mut failed = 0;
    for (i, row) in rows.iter().enumerate() {
        let expected: Vec<String> = row.q.iter().map(|e| show_expected(row.s, e)).collect();
        match actual_lines(row.s) {
            Ok(actual) if actual == expected => {}
            Ok(actual) => {
                failed += 1;
                let _ = writeln!(
                    report,
                    "\n[{name} 第{}句] {}\n  期望 {} 项，实际 {} 项：",
                    i + 1,
                    row.s,
                    expected.len(),
                    actual.len()
                );
                report.push_str(&diff(&expected, &actual));
            }
            Err(message) => {
                failed += 1;
                let _ = writeln!(
                    report,
                    "\n[{name} 第{}句] {}\n  抽取时 panic：{message}",
                    i + 1,
                    row.s
                );
            }
        }
    }
    if failed > 0 {
        eprintln!("{report}");
        panic!("{name}：{} 句中有 {failed} 句不符（差异见上）", rows.len());
    }
}

/// Sentences that must yield no quantity at all, as rows with empty lists.
fn none_rows(sentences: &[&'static str]) -> Vec<Q> {
    sentences.iter().map(|&s| Q { s, q: &[] }).collect()
}

// ---------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------

/// Amounts of money, each currency with its ISO code; compounds are one record.
const MONEY: &[Q] = &[
    Q {
        s: "公司给新入职的工程师开出年薪30万的待遇。",
        q: &[cny("30万", "300000")],
    },
    Q {
        s: "这家企业的年产值达到千亿元，成为全市首家。",
        q: &[cny("千亿元", "100000000000")],
    },
    Q {
        s: "两家公司签下了百万美元的合作订单。",
        q: &[
            count("两家", "2", "家").obj("公司"),
            money("百万美元", "1000000", "USD"),
        ],
    },
    Q {
        s: "市总工会今年共筹集帮扶资金200万元，惠及全市困难职工家庭。",
        q: &[cny("200万元", "2000000")],
    },
    Q {
        s: "该项目总投资1.5亿元，预计2025年底建成投用。",
        q: &[cny("1.5亿元", "150000000")],
    },
    Q {
        s: "区财政安排专项资金3千万元，用于老旧小区改造。",
        q: &[cny("3千万元", "30000000")],
    },
    Q {
        s: "经法院审理，被告人须退赔被害人经济损失123元1角1分。",
        q: &[cny("123元1角1分", "123.11")],
    },
    Q {
        s: "早餐摊主笑着说，一碗豆浆加一个煎饼总共十块三毛。",
        q: &[cny("十块三毛", "10.3")],
    },
    Q {
        s: "村口小卖部的冰棍涨价了，从前5毛钱就能买到。",
        q: &[cny("5毛钱", "0.5")],
    },
    Q {
        s: "菜市场里的老面馒头现在卖3块5，比去年贵了不少。",
        q: &[cny("3块5", "3.5")],
    },
    Q {
        s: "摊主说这个西瓜要价20块，讨价还价后18块成交。",
        q: &[cny("20块", "20"), cny("18块", "18")],
    },
    Q {
        s: "该套纪念钞面额为100圆，由中国人民银行发行。",
        q: &[cny("100圆", "100")],
    },
    Q {
        s: "老人从口袋里掏出8角硬币，递给了小卖部的售货员。",
        q: &[cny("8角", "0.8")],
    },
    Q {
        s: "招聘启事显示，该岗位月薪15k，另有五险一金。",
        q: &[cny("15k", "15000")],
    },
    Q {
        s: "这位算法工程师跳槽后年薪30w，比原来翻了一番。",
        q: &[cny("30w", "300000")],
    },
    Q {
        s: "网店页面标价￥1,200，下单后还能立减￥200。",
        q: &[cny("￥1,200", "1200"), cny("￥200", "200")],
    },
    Q {
        s: "这款国产护肤品在机场免税店的售价为¥88。",
        q: &[cny("¥88", "88")],
    },
    Q {
        s: "每位参赛选手都可获得纪念奖人民币100元。",
        q: &[cny("人民币100元", "100")],
    },
    Q {
        s: "退休教师老陈去年向母校捐款5000元，今年又捐了5000元。",
        q: &[cny("5000元", "5000"), cny("5000元", "5000").nth(1)],
    },
    Q {
        s: "这家外资企业在本市追加投资5000万人民币。",
        q: &[cny("5000万人民币", "50000000")],
    },
    Q {
        s: "这款手机应用在海外商店售价US$5，上线首周下载量可观。",
        q: &[money("US$5", "5", "USD")],
    },
    Q {
        s: "他在纽约街头买了一份热狗，付了$8现金。",
        q: &[money("$8", "8", "USD")],
    },
    Q {
        s: "公司去年出口额达到5亿美元，同比增长12%。",
        q: &[money("5亿美元", "500000000", "USD"), pct("12%", "12")],
    },
    Q {
        s: "游客在尖沙咀的一家商场购物，消费了8500港元。",
        q: &[money("8500港元", "8500", "HKD")],
    },
    Q {
        s: "他把积攒下来的3000港币全部兑换成了人民币。",
        q: &[money("3000港币", "3000", "HKD")],
    },
    Q {
        s: "艺术展门票HK$100，学生凭证件可免费入场。",
        q: &[money("HK$100", "100", "HKD")],
    },
    Q {
        s: "中欧班列本月运回的精密设备价值80万欧元。",
        q: &[money("80万欧元", "800000", "EUR")],
    },
    Q {
        s: "博物馆纪念品商店里，一枚铜质徽章标价€15。",
        q: &[money("€15", "15", "EUR")],
    },
    Q {
        s: "日本客商在义乌小商品市场采购，花费了10万日元。",
        q: &[money("10万日元", "100000", "JPY")],
    },
    Q {
        s: "留学生小陈在东京每月房租5万日币，占了生活费的大头。",
        q: &[money("5万日币", "50000", "JPY")],
    },
    Q {
        s: "伦敦唐人街一家中餐馆推出午市套餐，售价£20。",
        q: &[money("£20", "20", "GBP")],
    },
    Q {
        s: "据英国媒体报道，这名中场球员的周薪高达30万英镑。",
        q: &[money("30万英镑", "300000", "GBP")],
    },
    Q {
        s: "台湾青年来大陆创业，首期投入500万新台币开设工作室。",
        q: &[money("500万新台币", "5000000", "TWD")],
    },
    Q {
        s: "韩国代购的这支口红标价3万韩元，比国内专柜便宜。",
        q: &[money("3万韩元", "30000", "KRW")],
    },
    Q {
        s: "在曼谷的夜市里，芒果糯米饭卖60泰铢。",
        q: &[money("60泰铢", "60", "THB")],
    },
    Q {
        s: "俄罗斯商人在茶博会上用5000卢布买下了这套茶具。",
        q: &[money("5000卢布", "5000", "RUB")],
    },
    Q {
        s: "这批进口澳洲龙虾的报关价值为12万澳元。",
        q: &[money("12万澳元", "120000", "AUD")],
    },
    Q {
        s: "加拿大枫糖浆订单总价5万加元，企业已完成结汇。",
        q: &[money("5万加元", "50000", "CAD")],
    },
    Q {
        s: "这块瑞士手表的保养维修费用为800瑞士法郎。",
        q: &[money("800瑞士法郎", "800", "CHF")],
    },
    Q {
        s: "该企业在新加坡设立子公司，注册资本100万新加坡元。",
        q: &[money("100万新加坡元", "1000000", "SGD")],
    },
    Q {
        s: "这家中资工厂在当地招聘的技术员月工资为3万印度卢比。",
        q: &[money("3万印度卢比", "30000", "INR")],
    },
];

/// Numbers with classifiers; the object is the noun right after the classifier.
const COUNTS: &[Q] = &[
    Q {
        s: "这次报名参加义务献血的一共有12个人。",
        q: &[count("12个", "12", "个").obj("人")],
    },
    Q {
        s: "派出所的两个人民警察第一时间赶到了现场。",
        q: &[count("两个", "2", "个").obj("人民警察")],
    },
    Q {
        s: "市总工会走访慰问困难职工86名，送去慰问金和慰问品。",
        q: &[count("86名", "86", "名")],
    },
    Q {
        s: "今年以来，全市新增86名职工加入工会组织。",
        q: &[count("86名", "86", "名").obj("职工")],
    },
    Q {
        s: "全省共有3家企业入选国家级专精特新“小巨人”名单。",
        q: &[count("3家", "3", "家").obj("企业")],
    },
    Q {
        s: "驻村帮扶队走访了120户村民，逐户登记生产需求。",
        q: &[count("120户", "120", "户").obj("村民")],
    },
    Q {
        s: "该区已建成职工之家45个，覆盖辖区各类企业。",
        q: &[count("45个", "45", "个")],
    },
    Q {
        s: "全县共有中小学62所，在校学生3.8万人。",
        q: &[count("62所", "62", "所"), count("3.8万人", "38000", "人")],
    },
    Q {
        s: "今年共举办线下招聘会38场，提供就业岗位1.2万个。",
        q: &[count("38场", "38", "场"), count("1.2万个", "12000", "个")],
    },
    Q {
        s: "文化惠民演出今年已经累计达到260场次。",
        q: &[count("260场次", "260", "场次")],
    },
    Q {
        s: "景区国庆期间接待游客12.8万人次，同比增长15%。",
        q: &[count("12.8万人次", "128000", "人次"), pct("15%", "15")],
    },
    Q {
        s: "市场监管部门今年共开展食品安全专项检查36次。",
        q: &[count("36次", "36", "次")],
    },
    Q {
        s: "区法院今年共受理各类劳动争议案件1300件。",
        q: &[count("1300件", "1300", "件")],
    },
    Q {
        s: "调查组共发放问卷500份，回收有效问卷468份。",
        q: &[count("500份", "500", "份"), count("468份", "468", "份")],
    },
    Q {
        s: "这家民营企业今年获得发明专利授权27项。",
        q: &[count("27项", "27", "项")],
    },
    Q {
        s: "市卫健委通报，昨日全市新增本土确诊病例12例。",
        q: &[count("12例", "12", "例")],
    },
    Q {
        s: "合作社新购置收割机5台，秋收效率大幅提升。",
        q: &[count("5台", "5", "台")],
    },
    Q {
        s: "公交集团今年新投放纯电动公交车200辆。",
        q: &[count("200辆", "200", "辆")],
    },
    Q {
        s: "今年计划建设保障性住房3000套，目前已开工1800套。",
        q: &[count("3000套", "3000", "套"), count("1800套", "1800", "套")],
    },
    Q {
        s: "全镇今年新修硬化道路15条，总长度达42公里。",
        q: &[count("15条", "15", "条"), measure("42公里", "42", "km")],
    },
    Q {
        s: "社区书屋近日收到爱心人士捐赠的图书2000本。",
        q: &[count("2000本", "2000", "本")],
    },
    Q {
        s: "活动现场，工作人员共发放普法宣传资料3000张。",
        q: &[count("3000张", "3000", "张")],
    },
    Q {
        s: "报社今年共刊发乡村振兴主题报道126篇。",
        q: &[count("126篇", "126", "篇")],
    },
    Q {
        s: "市总工会已连续举办青年职工技能培训班15期。",
        q: &[count("15期", "15", "期")],
    },
    Q {
        s: "今年劳模疗休养共安排了3批，累计240人。",
        q: &[count("3批", "3", "批"), count("240人", "240", "人")],
    },
    Q {
        s: "市职工运动会自创办以来已连续举办了12届。",
        q: &[count("12届", "12", "届")],
    },
    Q {
        s: "新区今年新建口袋公园8座，绿道长度增加30公里。",
        q: &[count("8座", "8", "座"), measure("30公里", "30", "km")],
    },
    Q {
        s: "本轮老旧小区改造共涉及住宅楼56栋。",
        q: &[count("56栋", "56", "栋")],
    },
    Q {
        s: "学校暑假期间新建了12间实验室，供学生开展科创活动。",
        q: &[count("12间", "12", "间").obj("实验室")],
    },
    Q {
        s: "植树节当天，志愿者在河堤两岸共栽下树苗3000株。",
        q: &[count("3000株", "3000", "株")],
    },
    Q {
        s: "养殖大户老王的牛棚里目前存栏肉牛86头。",
        q: &[count("86头", "86", "头")],
    },
    Q {
        s: "合作社今年散养土鸡5000只，春节前已全部售罄。",
        q: &[count("5000只", "5000", "只")],
    },
    Q {
        s: "受台风影响，港区今日共有27艘货轮在锚地避风。",
        q: &[count("27艘", "27", "艘").obj("货轮")],
    },
    Q {
        s: "机场今年新开通国内航线12条，新增运营飞机8架。",
        q: &[count("12条", "12", "条"), count("8架", "8", "架")],
    },
    Q {
        s: "镇里今年新建两个广场，丰富了群众的业余生活。",
        q: &[count("两个", "2", "个").obj("广场")],
    },
    Q {
        s: "一百名志愿者参与了当天的湿地清洁活动。",
        q: &[count("一百名", "100", "名").obj("志愿者")],
    },
    Q {
        s: "本次春季招聘会场面火爆，共有3000人到场求职。",
        q: &[count("3000人", "3000", "人")],
    },
    Q {
        s: "组委会邀请了15位专家担任本次大赛的评委。",
        q: &[count("15位", "15", "位").obj("专家")],
    },
    Q {
        s: "一名老党员带领20名志愿者清理河道垃圾。",
        q: &[count("20名", "20", "名").obj("志愿者")],
    },
    Q {
        s: "她去年在全省技能大赛中获得第3名，今年带着3名徒弟一起参赛。",
        q: &[count("3名", "3", "名").nth(1).obj("徒弟")],
    },
    Q {
        s: "全市规模以上工业企业已达1580家，比上年增加42家。",
        q: &[count("1580家", "1580", "家"), count("42家", "42", "家")],
    },
    Q {
        s: "召回的产品可到全国600余家门店免费更换，另有3家门诊部提供检测。",
        q: &[
            count("600余家", "600", "家").more("600", "700").obj("门店"),
            count("3家", "3", "家").obj("门诊部"),
        ],
    },
    // A classifier before a char that often starts another word with it
    // (名医, 位居, 家电), where jieba cuts the classifier off.
    Q {
        s: "医院派出3名医生和5名医护人员赶赴现场。",
        q: &[
            count("3名", "3", "名").obj("医生"),
            count("5名", "5", "名").obj("医护人员"),
        ],
    },
    Q {
        s: "事故中共有6位居民受轻伤，已送医治疗。",
        q: &[count("6位", "6", "位").obj("居民")],
    },
    Q {
        s: "城区目前有3家电影院正常营业。",
        q: &[count("3家", "3", "家").obj("电影院")],
    },
];

/// Physical and data measures, with canonical unit symbols.
const MEASURES: &[Q] = &[
    Q {
        s: "社区为困难群众每户发放10公斤大米和一桶食用油。",
        q: &[measure("10公斤", "10", "kg")],
    },
    Q {
        s: "今年全县粮食总产量达到52万吨，再创历史新高。",
        q: &[measure("52万吨", "520000", "t")],
    },
    Q {
        s: "钓友老周钓上的这条鲈鱼重3斤半，随后被放生。",
        q: &[measure("3斤半", "3.5", "jin")],
    },
    Q {
        s: "老中医在药方中为患者加入黄芪15克，嘱其按时煎服。",
        q: &[measure("15克", "15", "g")],
    },
    Q {
        s: "这款国产婴幼儿配方奶粉单罐净含量为800克。",
        q: &[measure("800克", "800", "g")],
    },
    Q {
        s: "检测显示，该批次保健品每粒胶囊含咖啡因120毫克。",
        q: &[measure("120毫克", "120", "mg")],
    },
    Q {
        s: "这个古村落位于海拔800多米的山腰上，常年云雾缭绕。",
        q: &[measure("800多米", "800", "m").more("800", "900")],
    },
    Q {
        s: "新建成的跨江大桥全长1.2千米，双向六车道。",
        q: &[measure("1.2千米", "1.2", "km")],
    },
    Q {
        s: "受暴雪影响，今年冬季城区最大积雪深度达到25厘米。",
        q: &[measure("25厘米", "25", "cm")],
    },
    Q {
        s: "受强降雨影响，该站24小时降雨量达186毫米。",
        q: &[measure("186毫米", "186", "mm")],
    },
    Q {
        s: "合作社流转土地3000亩，统一种植高山蔬菜。",
        q: &[measure("3000亩", "3000", "mu")],
    },
    Q {
        s: "去年全省完成新增造林面积1.5万公顷。",
        q: &[measure("1.5万公顷", "15000", "ha")],
    },
    Q {
        s: "项目总建筑面积5万平方米，预计明年年底交付使用。",
        q: &[measure("5万平方米", "50000", "m2")],
    },
    Q {
        s: "经过多年治理，湿地保护区总面积已扩大到120平方公里。",
        q: &[measure("120平方公里", "120", "km2")],
    },
    Q {
        s: "无偿献血车今天在市民广场共采集血液6.4万毫升。",
        q: &[measure("6.4万毫升", "64000", "mL")],
    },
    Q {
        s: "景区在高温天气每天为游客免费供应饮用水500升。",
        q: &[measure("500升", "500", "L")],
    },
    Q {
        s: "这款新手机运行内存为12GB，存储空间为256GB。",
        q: &[measure("12GB", "12", "GB"), measure("256GB", "256", "GB")],
    },
    Q {
        s: "这款政务小程序的安装包仅有35MB，加载速度很快。",
        q: &[measure("35MB", "35", "MB")],
    },
    Q {
        s: "报名系统要求上传的证件照大小限制在500KB。",
        q: &[measure("500KB", "500", "KB")],
    },
    Q {
        s: "这款国产处理器的主频达到3.2GHz，功耗明显降低。",
        q: &[measure("3.2GHz", "3.2", "GHz")],
    },
    Q {
        s: "我国电网的标准频率为50赫兹，与欧洲相同。",
        q: &[measure("50赫兹", "50", "Hz")],
    },
    Q {
        s: "路灯改造完成后，新换的节能灯功率仅为60瓦。",
        q: &[measure("60瓦", "60", "W")],
    },
    Q {
        s: "这座屋顶光伏电站的装机容量达到5000千瓦。",
        q: &[measure("5000千瓦", "5000", "kW")],
    },
    Q {
        s: "营养师介绍，这份减脂健身餐的热量为450千卡。",
        q: &[measure("450千卡", "450", "kcal")],
    },
    Q {
        s: "年夜饭上，老张高兴地陪亲戚们喝了二两白酒。",
        q: &[measure("二两", "2", "liang")],
    },
    Q {
        s: "清明前后，茶农老李家今年共采摘明前茶12斤。",
        q: &[measure("12斤", "12", "jin")],
    },
    Q {
        s: "长跑爱好者老李每天清晨坚持在江边跑10公里。",
        q: &[measure("10公里", "10", "km")],
    },
    Q {
        s: "产科医生介绍，这名新生儿的出生体重为3.6千克。",
        q: &[measure("3.6千克", "3.6", "kg")],
    },
    Q {
        s: "在省运会跳高比赛中，他以2.15米的成绩打破纪录。",
        q: &[measure("2.15米", "2.15", "m")],
    },
];

/// Shares: `%` (half- or full-width), `百分之…`, `成`, and `个百分点` (pp).
const PERCENT: &[Q] = &[
    Q {
        s: "今年一季度，全市地区生产总值同比增长5.6%。",
        q: &[pct("5.6%", "5.6")],
    },
    Q {
        s: "商场周末开展促销活动，部分家电降价３０％。",
        q: &[pct("３０％", "30")],
    },
    Q {
        s: "按照章程，村集体经济收入的百分之三十用于村民分红。",
        q: &[pct("百分之三十", "30")],
    },
    Q {
        s: "今年该企业研发投入占营业收入的百分之十二点五。",
        q: &[pct("百分之十二点五", "12.5")],
    },
    Q {
        s: "问卷调查显示，受访职工中有3成愿意参加技能培训。",
        q: &[pct("3成", "30")],
    },
    Q {
        s: "随着新一批大棚蔬菜上市，菜价比上个月下降了两成。",
        q: &[pct("两成", "20")],
    },
    Q {
        s: "全市常住人口城镇化率比上年提高5个百分点。",
        q: &[pp("5个百分点", "5")],
    },
    Q {
        s: "上半年全省规模以上工业增加值增长12.5%，增速居全国前列。",
        q: &[pct("12.5%", "12.5")],
    },
    Q {
        s: "该股当日涨跌幅为-3.2%，全天成交额12亿元。",
        q: &[pct("-3.2%", "-3.2"), cny("12亿元", "1200000000")],
    },
    Q {
        s: "央行宣布下调金融机构存款准备金率0.5个百分点。",
        q: &[pp("0.5个百分点", "0.5")],
    },
    Q {
        s: "经过三年攻坚，全县农村自来水普及率达到100%。",
        q: &[pct("100%", "100")],
    },
    Q {
        s: "市场监管局抽检了一批儿童玩具，合格率为98.6%。",
        q: &[pct("98.6%", "98.6")],
    },
    Q {
        s: "当月全市居民消费价格同比上涨0.8%，涨幅温和。",
        q: &[pct("0.8%", "0.8")],
    },
    Q {
        s: "今年该品牌市场占有率提升到22%，比去年高出7个百分点。",
        q: &[pct("22%", "22"), pp("7个百分点", "7")],
    },
    Q {
        s: "问卷结果显示，九成受访职工对新食堂表示满意。",
        q: &[pct("九成", "90")],
    },
    Q {
        s: "年报显示，这家上市公司的销售毛利率为15％。",
        q: &[pct("15％", "15")],
    },
    Q {
        s: "今年全省居民人均可支配收入增速比去年加快了3.5个百分点。",
        q: &[pp("3.5个百分点", "3.5")],
    },
    Q {
        s: "这款银行理财产品的业绩比较基准为年化4.25%。",
        q: &[pct("4.25%", "4.25")],
    },
    Q {
        s: "受原材料价格波动影响，企业前三季度净利润同比下降10.3%。",
        q: &[pct("10.3%", "10.3")],
    },
    Q {
        s: "该县森林覆盖率已达百分之六十五，位居全省前列。",
        q: &[pct("百分之六十五", "65")],
    },
    Q {
        s: "全市新能源汽车销量占新车销量的比重达到4成。",
        q: &[pct("4成", "40")],
    },
];

/// Ages (`岁`, `周岁`) and temperatures (`摄氏度`, `℃`, `°C`, `华氏度`, `℉`).
const AGE_TEMPERATURE: &[Q] = &[
    Q {
        s: "25岁的大学毕业生小王返乡创业，办起了电商直播间。",
        q: &[age("25岁", "25")],
    },
    Q {
        s: "根据规定，年满18周岁的公民均可报名参加无偿献血。",
        q: &[age("18周岁", "18")],
    },
    Q {
        s: "今年68岁的老党员张大爷，每天坚持在社区义务巡逻。",
        q: &[age("68岁", "68")],
    },
    Q {
        s: "本届少儿书法大赛的获奖者中，年龄最小的只有9岁。",
        q: &[age("9岁", "9")],
    },
    Q {
        s: "两岁的孩子误吞硬币，医生通过胃镜成功将其取出。",
        q: &[age("两岁", "2")],
    },
    Q {
        s: "二十六岁的她主动请缨，成为村里最年轻的驻村干部。",
        q: &[age("二十六岁", "26")],
    },
    Q {
        s: "受寒潮影响，明天早晨全市最低气温将降至零下5摄氏度。",
        q: &[temp("零下5摄氏度", "-5")],
    },
    Q {
        s: "今天白天晴转多云，最高气温5℃，请市民注意保暖。",
        q: &[temp("5℃", "5")],
    },
    Q {
        s: "气象台提醒，夜间最低气温-3°C，需做好防寒措施。",
        q: &[temp("-3°C", "-3")],
    },
    Q {
        s: "入校时，校医测得这名学生的体温为37.3℃。",
        q: &[temp("37.3℃", "37.3")],
    },
    Q {
        s: "据美国媒体报道，纽约当天的最高气温只有50华氏度。",
        q: &[fahr("50华氏度", "50")],
    },
    Q {
        s: "美国国家气象局预报，凤凰城的最高温度将达到110℉。",
        q: &[fahr("110℉", "110")],
    },
    Q {
        s: "持续高温天气下，全市最高气温达到38摄氏度。",
        q: &[temp("38摄氏度", "38")],
    },
    Q {
        s: "漠河今晨气温跌至零下三十二摄氏度，创入冬以来新低。",
        q: &[temp("零下三十二摄氏度", "-32")],
    },
    Q {
        s: "72岁的退休教师李老师，每周义务为留守儿童辅导功课。",
        q: &[age("72岁", "72")],
    },
    Q {
        s: "这名45岁的货车司机在高速公路上连续驾驶，被交警劝离休息。",
        q: &[age("45岁", "45")],
    },
    Q {
        s: "今天白天最高气温27℃，夜间最低气温19℃，空气质量良。",
        q: &[temp("27℃", "27"), temp("19℃", "19")],
    },
    Q {
        s: "年仅16岁的小将在全国游泳锦标赛上夺得冠军。",
        q: &[age("16岁", "16")],
    },
];

/// Approximation words are part of the span; `X余/X多/X几` carry bounds.
const APPROXIMATE: &[Q] = &[
    Q {
        s: "村里来了二十来名志愿者帮忙收玉米。",
        q: &[count("二十来名", "20", "名").about().obj("志愿者")],
    },
    Q {
        s: "这位二十来岁的小伙子已经是车间的技术骨干。",
        q: &[age("二十来岁", "20").about()],
    },
    Q {
        s: "昨天下午，千余名志愿者来到江边清理垃圾。",
        q: &[count("千余名", "1000", "名")
            .more("1000", "2000")
            .obj("志愿者")],
    },
    Q {
        s: "职业技能中心今年全年共开展培训万余人次。",
        q: &[count("万余人次", "10000", "人次").more("10000", "20000")],
    },
    Q {
        s: "山区百多个行政村通了硬化路，村民出行方便多了。",
        q: &[count("百多个", "100", "个")
            .more("100", "200")
            .obj("行政村")],
    },
    Q {
        s: "当天约200人参加了在城郊举行的义务植树活动。",
        q: &[count("约200人", "200", "人").about()],
    },
    Q {
        s: "元宵灯会开幕当晚，大约3000名市民到场观看。",
        q: &[count("大约3000名", "3000", "名").about().obj("市民")],
    },
    Q {
        s: "早市上的小白菜卖3元左右，比超市便宜不少。",
        q: &[cny("3元左右", "3").about()],
    },
    Q {
        s: "今年报名参加乡村振兴志愿服务的青年，年龄大多在25岁上下。",
        q: &[age("25岁上下", "25").about()],
    },
    Q {
        s: "洪水过后，上百名志愿者自发赶来帮助村民清淤。",
        q: &[count("上百名", "100", "名").about().obj("志愿者")],
    },
    Q {
        s: "管道爆裂后，数十名工人连夜赶到现场抢修。",
        q: &[count("数十名", "0", "名").vague("20", "90").obj("工人")],
    },
    Q {
        s: "得知消息后，村民广场上很快聚集了几百人。",
        q: &[count("几百人", "0", "人").vague("200", "900")],
    },
    Q {
        s: "这个特色种植项目累计带动村民增收数百万元。",
        q: &[cny("数百万元", "0").vague("2000000", "9000000")],
    },
    Q {
        s: "这场足球公益讲座吸引了数千名球迷到场聆听。",
        q: &[count("数千名", "0", "名").vague("2000", "9000").obj("球迷")],
    },
    Q {
        s: "三十余名律师参与了今年的公益法律服务进社区活动。",
        q: &[count("三十余名", "30", "名").more("30", "40").obj("律师")],
    },
    Q {
        s: "他在巴黎旅游期间购物，一共花了3000多欧元。",
        q: &[money("3000多欧元", "3000", "EUR").more("3000", "4000")],
    },
    Q {
        s: "全年开展职工文体活动，参与职工4万余人次。",
        q: &[count("4万余人次", "40000", "人次").more("40000", "50000")],
    },
    Q {
        s: "据通报，这起交通事故造成十余人受伤。",
        q: &[count("十余人", "10", "人").more("10", "20")],
    },
    Q {
        s: "山路塌方后，救援人员徒步800多米才抵达被困群众所在地。",
        q: &[measure("800多米", "800", "m").more("800", "900")],
    },
    Q {
        s: "近年来，村里先后有十几个大学生回乡创业。",
        q: &[count("十几个", "10", "个").more("10", "20").obj("大学生")],
    },
    Q {
        s: "全市60岁以上老年人口已达到120万人。",
        q: &[
            age("60岁以上", "60").over(),
            count("120万人", "1200000", "人"),
        ],
    },
    Q {
        s: "超过500名运动员报名参加了本届省运会的田径项目。",
        q: &[count("超过500名", "500", "名").over().obj("运动员")],
    },
    Q {
        s: "为期三天的农产品博览会共吸引观众逾3000人次。",
        q: &[count("逾3000人次", "3000", "人次").over()],
    },
    Q {
        s: "据初步统计，这起事故中至少20人受伤，已全部送医救治。",
        q: &[count("至少20人", "20", "人").over()],
    },
    Q {
        s: "社区文艺汇演当晚，近百人聚在文化礼堂观看节目。",
        q: &[count("近百人", "100", "人").under()],
    },
    Q {
        s: "今年全市近3万名学生参加了初中学业水平考试。",
        q: &[count("近3万名", "30000", "名").under().obj("学生")],
    },
    Q {
        s: "截至三季度末，该行不良贷款率不到1%，资产质量稳定。",
        q: &[pct("不到1%", "1").under()],
    },
    Q {
        s: "按照规定，月收入不足5000元的职工可以申请专项补助。",
        q: &[cny("不足5000元", "5000").under()],
    },
    Q {
        s: "按照规定，18岁以下的未成年人不得进入网吧。",
        q: &[age("18岁以下", "18").under()],
    },
    Q {
        s: "拖欠了两年的200多万元工程款终于全部到位。",
        q: &[cny("200多万元", "2000000").more("2000000", "3000000")],
    },
    Q {
        s: "今年，1.2万余名职工参加了全市岗位练兵活动。",
        q: &[count("1.2万余名", "12000", "名")
            .more("12000", "13000")
            .obj("职工")],
    },
    Q {
        s: "易地搬迁安置点建成后，三百余户村民喜迁新居。",
        q: &[count("三百余户", "300", "户")
            .more("300", "400")
            .obj("村民")],
    },
    Q {
        s: "活动当天，二十几名同学自发来到敬老院打扫卫生。",
        q: &[count("二十几名", "20", "名").more("20", "30").obj("同学")],
    },
    Q {
        s: "全市120多家企业参加了这次线上招聘会。",
        q: &[count("120多家", "120", "家").more("120", "130").obj("企业")],
    },
    Q {
        s: "园区今年只引进投资500万元以上的项目，门槛明显提高。",
        q: &[cny("500万元以上", "5000000").over()],
    },
    Q {
        s: "受冷空气影响，今天午后最高气温只能回升到5℃左右。",
        q: &[temp("5℃左右", "5").about()],
    },
    Q {
        s: "这家企业今年的海外订单减少了近5%，压力不小。",
        q: &[pct("近5%", "5").under()],
    },
    Q {
        s: "这家粮食企业今年新增仓储能力约1.5万吨。",
        q: &[measure("约1.5万吨", "15000", "t").about()],
    },
    Q {
        s: "全市七成以上的社区已经建成了职工书屋。",
        q: &[pct("七成以上", "70").over()],
    },
    Q {
        s: "去年，县里几十家企业联合成立了电商产业联盟。",
        q: &[count("几十家", "0", "家").vague("20", "90").obj("企业")],
    },
    Q {
        s: "比赛当天，数万名观众涌入体育场为主队加油助威。",
        q: &[count("数万名", "0", "名")
            .vague("20000", "90000")
            .obj("观众")],
    },
];

/// Ranges: the shared multiplier and unit apply to both ends.
const RANGES: &[Q] = &[
    Q {
        s: "这家公司给算法工程师开出月薪15k-25k的待遇。",
        q: &[cny("15k-25k", "15000").range("15000", "25000")],
    },
    Q {
        s: "招聘启事上写着月薪15-25k，名额有限，先到先得。",
        q: &[cny("15-25k", "15000").range("15000", "25000")],
    },
    Q {
        s: "招聘启事写明，岗位月薪8000-12000，另有绩效奖金。",
        q: &[cny("8000-12000", "8000").range("8000", "12000")],
    },
    Q {
        s: "符合条件的返乡创业人员每户可获得3至5万元的创业补贴。",
        q: &[cny("3至5万元", "30000").range("30000", "50000")],
    },
    Q {
        s: "根据新办法，科技成果转化单笔奖励金额为1万-5万元。",
        q: &[cny("1万-5万元", "10000").range("10000", "50000")],
    },
    Q {
        s: "招聘网站显示，该职位月薪从8500到3万港元不等。",
        q: &[money("8500到3万港元", "8500", "HKD").range("8500", "30000")],
    },
    Q {
        s: "农机经销商说，一台二手收割机要两到三万元。",
        q: &[cny("两到三万元", "20000").range("20000", "30000")],
    },
    Q {
        s: "暑假期间，每天来社区图书馆自习的学生有三四十人。",
        q: &[count("三四十人", "30", "人").range("30", "40")],
    },
    Q {
        s: "为保证教学质量，每个培训班的规模控制在10-20人。",
        q: &[count("10-20人", "10", "人").range("10", "20")],
    },
    Q {
        s: "一只成年湖羊每天要采食青草5至8公斤。",
        q: &[measure("5至8公斤", "5", "kg").range("5", "8")],
    },
    Q {
        s: "仓库里，七八名志愿者正在分拣刚到的救灾物资。",
        q: &[count("七八名", "7", "名").range("7", "8").obj("志愿者")],
    },
    Q {
        s: "此次公开招聘的对象为20至35岁的高校毕业生。",
        q: &[age("20至35岁", "20").range("20", "35")],
    },
    Q {
        s: "疫苗运抵后须在2至8℃的冷链环境下储存。",
        q: &[temp("2至8℃", "2").range("2", "8")],
    },
    Q {
        s: "这场演唱会的门票价格在300到500元之间。",
        q: &[cny("300到500元", "300").range("300", "500")],
    },
    Q {
        s: "项目全部投产后，预计年产值可达1至2亿元。",
        q: &[cny("1至2亿元", "100000000").range("100000000", "200000000")],
    },
    Q {
        s: "参加这期高素质农民培训的，多是五六十岁的种粮大户。",
        q: &[age("五六十岁", "50").range("50", "60")],
    },
    Q {
        s: "不少市民每天晚饭后都会沿着江边步行3到5公里。",
        q: &[measure("3到5公里", "3", "km").range("3", "5")],
    },
    Q {
        s: "按照方案，每个社区配备专职网格员一到两名。",
        q: &[count("一到两名", "1", "名").range("1", "2")],
    },
    Q {
        s: "山区茶农每户承包的茶园面积一般在10到15亩。",
        q: &[measure("10到15亩", "10", "mu").range("10", "15")],
    },
    Q {
        s: "对见义勇为人员的奖励金额为1000至3000元不等。",
        q: &[cny("1000至3000元", "1000").range("1000", "3000")],
    },
    Q {
        s: "每场专场招聘会都能吸引200-300名求职者到场。",
        q: &[count("200-300名", "200", "名")
            .range("200", "300")
            .obj("求职者")],
    },
    Q {
        s: "在城里打工一年，他能攒下两三万元寄回老家。",
        q: &[cny("两三万元", "20000").range("20000", "30000")],
    },
    Q {
        s: "家政平台数据显示，住家保姆月薪普遍在5000到8000元。",
        q: &[cny("5000到8000元", "5000").range("5000", "8000")],
    },
    // A lower bound right before an upper one is one range.
    Q {
        s: "对违反规定的经营者，由市场监管部门处二千元以上二万元以下罚款。",
        q: &[cny("二千元以上二万元以下", "2000").range("2000", "20000")],
    },
    Q {
        s: "报名者年龄须在18周岁以上45周岁以下，身体健康。",
        q: &[age("18周岁以上45周岁以下", "18").range("18", "45")],
    },
    Q {
        s: "新政策对建筑面积90平方米以上144平方米以下的住房给予补贴。",
        q: &[measure("90平方米以上144平方米以下", "90", "m2").range("90", "144")],
    },
    Q {
        s: "每期培训班招收30名以上50名以内的学员。",
        q: &[count("30名以上50名以内", "30", "名").range("30", "50")],
    },
    // Not a range: bounds apart, in the wrong order, or of other units.
    Q {
        s: "罚款金额为500元以上、5000元以下，视情节而定。",
        q: &[
            cny("500元以上", "500").over(),
            cny("5000元以下", "5000").under(),
        ],
    },
    Q {
        s: "这次调查把收入分成两档：3000元以上2000元以下的说法并不成立。",
        q: &[
            cny("3000元以上", "3000").over(),
            cny("2000元以下", "2000").under(),
        ],
    },
    Q {
        s: "项目招募体重60公斤以上1.75米以下的志愿者参加试验。",
        q: &[
            measure("60公斤以上", "60", "kg").over(),
            measure("1.75米以下", "1.75", "m").under(),
        ],
    },
];

/// Unit prices: money with the unit priced in `per`.
const UNIT_PRICES: &[Q] = &[
    Q {
        s: "公司年度分配预案为每10股派发现金红利3.5元（含税）。",
        q: &[cny("3.5元", "3.5").per("10股")],
    },
    Q {
        s: "持有10股的股东可以获得3.5元的红利。",
        q: &[count("10股", "10", "股"), cny("3.5元", "3.5")],
    },
    Q {
        s: "早市上的小白菜三块五一斤，比超市便宜不少。",
        q: &[cny("三块五", "3.5").per("斤")],
    },
    Q {
        s: "路边摊的西瓜卖3块5一斤，买的人排起了长队。",
        q: &[cny("3块5", "3.5").per("斤")],
    },
    Q {
        s: "今年早熟蜜桔的产地批发价为15元/斤，果农笑开了颜。",
        q: &[cny("15元/斤", "15").per("斤")],
    },
    Q {
        s: "清明前后，新上市的春笋每斤15元，销售十分火爆。",
        q: &[cny("每斤15元", "15").per("斤")],
    },
    Q {
        s: "本地草莓一斤售价在15元，比去年同期略低。",
        q: &[cny("15元", "15").per("斤")],
    },
    Q {
        s: "粮食收储企业今年的玉米收购价为每公斤2.8元。",
        q: &[cny("每公斤2.8元", "2.8").per("公斤")],
    },
    Q {
        s: "今天蔬菜批发市场的土豆价格为3元/公斤，与上周持平。",
        q: &[cny("3元/公斤", "3").per("公斤")],
    },
    Q {
        s: "再生资源回收站的废纸回收价涨到了每吨2000元。",
        q: &[cny("每吨2000元", "2000").per("吨")],
    },
    Q {
        s: "该楼盘的备案均价为每平方米2.3万元，低于周边项目。",
        q: &[cny("每平方米2.3万元", "23000").per("平方米")],
    },
    Q {
        s: "中介数据显示，这个学区的二手房成交均价为1.8万元/平方米。",
        q: &[cny("1.8万元/平方米", "18000").per("平方米")],
    },
    Q {
        s: "今日零时起，本市92号汽油零售价调整为每升7.92元。",
        q: &[cny("每升7.92元", "7.92").per("升")],
    },
    Q {
        s: "村里与企业签订协议，土地流转费用为每亩1000元。",
        q: &[cny("每亩1000元", "1000").per("亩")],
    },
    Q {
        s: "这批进口澳洲牛肉的到岸价为每公斤25澳元。",
        q: &[money("每公斤25澳元", "25", "AUD").per("公斤")],
    },
    Q {
        s: "受国际市场影响，这种矿石的报价跌到每吨600美元。",
        q: &[money("每吨600美元", "600", "USD").per("吨")],
    },
    Q {
        s: "合作社种植的富硒大米，一公斤售价在12元，供不应求。",
        q: &[cny("12元", "12").per("公斤")],
    },
    Q {
        s: "网店上架的高山红茶标价680元/千克，深受茶客欢迎。",
        q: &[cny("680元/千克", "680").per("千克")],
    },
    Q {
        s: "精品阳光玫瑰葡萄卖20元/斤，普通巨峰葡萄每斤8元。",
        q: &[
            cny("20元/斤", "20").per("斤"),
            cny("每斤8元", "8").per("斤"),
        ],
    },
    Q {
        s: "今年新茶开园，明前龙井的收购价达到每斤1200元。",
        q: &[cny("每斤1200元", "1200").per("斤")],
    },
];

/// Chinese numerals (small, financial, mixed with digits) in context.
const NUMERALS: &[Q] = &[
    Q {
        s: "小学生把攒下的一千二百零五元零花钱全部捐给了灾区。",
        q: &[cny("一千二百零五元", "1205")],
    },
    Q {
        s: "开幕式现场座无虚席，一共容纳了两千三百人。",
        q: &[count("两千三百人", "2300", "人")],
    },
    Q {
        s: "这笔三万四千元的欠薪，在劳动监察部门介入后全部追回。",
        q: &[cny("三万四千元", "34000")],
    },
    Q {
        s: "捐赠收据上写明，捐款金额为人民币壹万贰仟元。",
        q: &[cny("人民币壹万贰仟元", "12000")],
    },
    Q {
        s: "这张报销单的大写金额栏里填写的是伍佰元。",
        q: &[cny("伍佰元", "500")],
    },
    Q {
        s: "本月家里的电费、水费和燃气费一共是1,234元。",
        q: &[cny("1,234元", "1234")],
    },
    Q {
        s: "今年全省社会消费品零售总额达到1.2万亿元。",
        q: &[cny("1.2万亿元", "1200000000000")],
    },
    Q {
        s: "全市十二万五千名学生今天走进了高考考场。",
        q: &[count("十二万五千名", "125000", "名").obj("学生")],
    },
    Q {
        s: "移民新村今年共安置易地搬迁群众二百五十户。",
        q: &[count("二百五十户", "250", "户")],
    },
    Q {
        s: "他把获得的一万零五百元奖金全部捐给了村里的小学。",
        q: &[cny("一万零五百元", "10500")],
    },
    Q {
        s: "今年市财政拿出两亿元，专门支持中小微企业纾困。",
        q: &[cny("两亿元", "200000000")],
    },
    Q {
        s: "经过多年培育，全区农业产业化龙头企业已达１２０家。",
        q: &[count("１２０家", "120", "家")],
    },
    Q {
        s: "质检员称重后发现，这袋样品实际只有零点五公斤。",
        q: &[measure("零点五公斤", "0.5", "kg")],
    },
    Q {
        s: "今年春节假期，这座千年古镇共接待游客三点五万人次。",
        q: &[count("三点五万人次", "35000", "人次")],
    },
    Q {
        s: "区里为这支巾帼志愿服务队拨付了十万元活动经费。",
        q: &[cny("十万元", "100000")],
    },
    Q {
        s: "本届职工篮球联赛共有二十一个代表队报名参加。",
        q: &[count("二十一个", "21", "个").obj("代表队")],
    },
    Q {
        s: "全市劳模表彰大会上，共表彰劳动模范一百零八位。",
        q: &[count("一百零八位", "108", "位")],
    },
    Q {
        s: "这家制造企业今年上缴各项税金0.35亿元。",
        q: &[cny("0.35亿元", "35000000")],
    },
    Q {
        s: "本次慈善晚会共募集善款1,000,000元，将全部用于助学。",
        q: &[cny("1,000,000元", "1000000")],
    },
    Q {
        s: "全市今年报名参加成人高考的考生达到12,500名。",
        q: &[count("12,500名", "12500", "名")],
    },
    Q {
        s: "这座抽水蓄能电站总投资四十五亿元，计划明年并网发电。",
        q: &[cny("四十五亿元", "4500000000")],
    },
    Q {
        s: "经过土地整治，村里两百亩荒地变成了高标准农田。",
        q: &[measure("两百亩", "200", "mu")],
    },
    Q {
        s: "今年县里共发放耕地地力保护补贴两千万元。",
        q: &[cny("两千万元", "20000000")],
    },
    Q {
        s: "这所乡村中学今年秋季招收了三百六十名新生。",
        q: &[count("三百六十名", "360", "名").obj("新生")],
    },
];

/// Sentences with no quantity at all: dates, times, durations, ordinals,
/// set phrases, phone numbers, codes, versions, house numbers, article-like
/// `一` and idioms.
const NOT_A_QUANTITY: &[&str] = &[
    "那天晚上他一个人在家里复习功课到深夜。",
    "社区食堂开到了老人们的家门口，一日三餐不用发愁。",
    "该企业连续3年位居全省民营企业首位。",
    "他的月收入排名全厂第3，比去年进步不少。",
    "遇到陌生来电，千万不要轻易转账给对方。",
    "决赛那天万人空巷，街上几乎看不到行人。",
    "他入选了国家千人计划，回国创办了企业。",
    "2023年3月8日，市妇联举行纪念国际劳动妇女节大会。",
    "3月8日上午9时，全市安全生产工作座谈会在市政府召开。",
    "全省青年职工技能大赛决赛将于明晚9点30分正式开赛。",
    "下午3点，各代表队陆续抵达体育中心报到。",
    "10月1日起，新修订的劳动保障监察条例正式施行。",
    "2019年以来，县里持续推进乡村振兴战略。",
    "他在这家机械厂工作了3年，从学徒成长为技术骨干。",
    "整个救援行动历时5天，救援队终于打通了生命通道。",
    "这项道路改造工程预计3个月内完工，届时将恢复通行。",
    "在全省职业技能大赛中，小张获得了焊工项目第二名。",
    "她在全国青年田径锦标赛女子跳远决赛中获得第3名。",
    "初赛成绩排名前五名的选手将直接晋级复赛。",
    "这所中学的综合评价连续多年在全市排名第一。",
    "这场胜利是主队本赛季取得的第一场主场胜利。",
    "全市党员干部深入学习贯彻党的十八届三中全会精神。",
    "各级党组织扎实开展“三严三实”专题教育。",
    "我们要坚持协调推进“四个全面”战略布局。",
    "共建“一带一路”为沿线国家带来了新的发展机遇。",
    "团市委在五四青年节前夕举办了主题团日活动。",
    "今年双十一期间，本地快递企业的业务量再创新高。",
    "“十四五”时期，全市将加快建设现代化产业体系。",
    "如有疑问，请拨打市总工会维权热线0574-87654321。",
    "需要帮助的市民可拨打13812345678联系社区志愿服务队。",
    "企业生产的产品须符合GB/T 1234-2008标准要求。",
    "政务服务客户端V2.3.1版本修复了登录异常等问题。",
    "系统日志里出现的“1.1.1.1元”字样系数据错误，并非实际金额。",
    "新的职工服务中心位于人民路88号，下月起对外开放。",
    "地铁5号线将于明年下半年正式开通运营。",
    "社区涌现出一个典型，带动了邻里之间互帮互助。",
    "脱贫攻坚是一场硬仗，我们必须全力以赴打赢。",
    "一位老人在公交站台突发疾病，被热心路人及时救起。",
    "一名老党员主动请缨，带头参与防汛值守工作。",
    "他在部队服役两年后，回到家乡当了一名村医。",
    "全体职工一心一意谋发展，聚精会神抓落实。",
    "做学问不能三心二意，要耐得住寂寞、坐得住冷板凳。",
    "各部门千方百计稳就业、保民生、促发展。",
    "抗洪抢险中，军民万众一心，筑起了坚固的堤坝。",
    "送别援疆干部时，乡亲们纷纷祝他们一路平安。",
];

/// Longer sentences; every quantity in them is listed, in order.
const MIXED: &[Q] = &[
    Q {
        s: "今年以来，市总工会投入帮扶资金1200万元，走访慰问困难职工3860户，组织开展技能培训156场，参训职工达2.3万人次。",
        q: &[
            cny("1200万元", "12000000"),
            count("3860户", "3860", "户"),
            count("156场", "156", "场"),
            count("2.3万人次", "23000", "人次"),
        ],
    },
    Q {
        s: "2023年，全县实现地区生产总值386.5亿元，同比增长6.8%，城乡居民人均可支配收入分别达到5.2万元和2.9万元。",
        q: &[
            cny("386.5亿元", "38650000000"),
            pct("6.8%", "6.8"),
            cny("5.2万元", "52000"),
            cny("2.9万元", "29000"),
        ],
    },
    Q {
        s: "合作社今年流转土地1200亩种植猕猴桃，亩产达到1500公斤，带动120户村民户均增收3万元。",
        q: &[
            measure("1200亩", "1200", "mu"),
            measure("1500公斤", "1500", "kg"),
            count("120户", "120", "户").obj("村民"),
            cny("3万元", "30000"),
        ],
    },
    Q {
        s: "受冷空气影响，明天白天最高气温5℃，夜间最低气温将降至零下3摄氏度，北部山区积雪深度可达15厘米。",
        q: &[
            temp("5℃", "5"),
            temp("零下3摄氏度", "-3"),
            measure("15厘米", "15", "cm"),
        ],
    },
    Q {
        s: "该股今日收涨3.2%，成交额达12.6亿元，换手率为5.8%，主力资金净流入8600万元。",
        q: &[
            pct("3.2%", "3.2"),
            cny("12.6亿元", "1260000000"),
            pct("5.8%", "5.8"),
            cny("8600万元", "86000000"),
        ],
    },
    Q {
        s: "本届省运会共设比赛项目32个，来自全省的4800名运动员参赛，赛事持续10天。",
        q: &[
            count("32个", "32", "个"),
            count("4800名", "4800", "名").obj("运动员"),
        ],
    },
    Q {
        s: "法院审理查明，被告人先后骗取12名老人的养老钱共计86万元，其中最大一笔达20万元。",
        q: &[
            count("12名", "12", "名").obj("老人"),
            cny("86万元", "860000"),
            cny("20万元", "200000"),
        ],
    },
    Q {
        s: "市卫健委通报，昨日全市新增确诊病例15例，其中无症状感染者3例，累计治愈出院268例。",
        q: &[
            count("15例", "15", "例"),
            count("3例", "3", "例"),
            count("268例", "268", "例"),
        ],
    },
    Q {
        s: "镇里投入乡村振兴资金500万元，修建村道8.6公里，新建文化礼堂3座，惠及群众1.2万人。",
        q: &[
            cny("500万元", "5000000"),
            measure("8.6公里", "8.6", "km"),
            count("3座", "3", "座"),
            count("1.2万人", "12000", "人"),
        ],
    },
    Q {
        s: "今年春节假期，景区累计接待游客35.6万人次，实现旅游收入2.8亿元，同比分别增长18%和22%。",
        q: &[
            count("35.6万人次", "356000", "人次"),
            cny("2.8亿元", "280000000"),
            pct("18%", "18"),
            pct("22%", "22"),
        ],
    },
    Q {
        s: "这位25岁的快递小哥每天骑行80多公里，派送包裹300余件，月收入8000元左右。",
        q: &[
            age("25岁", "25"),
            measure("80多公里", "80", "km").more("80", "90"),
            count("300余件", "300", "件").more("300", "400"),
            cny("8000元左右", "8000").about(),
        ],
    },
    Q {
        s: "医院今年完成各类手术1.5万例，门诊量超过120万人次，平均住院日缩短至6.5天。",
        q: &[
            count("1.5万例", "15000", "例"),
            count("超过120万人次", "1200000", "人次").over(),
        ],
    },
    Q {
        s: "全市粮食播种面积稳定在180万亩，总产量达到76万吨，比上年增长2.1%。",
        q: &[
            measure("180万亩", "1800000", "mu"),
            measure("76万吨", "760000", "t"),
            pct("2.1%", "2.1"),
        ],
    },
    Q {
        s: "新建的体育馆总建筑面积3.2万平方米，可容纳观众8000人，总投资约4.5亿元。",
        q: &[
            measure("3.2万平方米", "32000", "m2"),
            count("8000人", "8000", "人"),
            cny("约4.5亿元", "450000000").about(),
        ],
    },
    Q {
        s: "抽检发现，这批售价每公斤28元的猪肉水分含量超标12%，涉案货值共计3.6万元。",
        q: &[
            cny("每公斤28元", "28").per("公斤"),
            pct("12%", "12"),
            cny("3.6万元", "36000"),
        ],
    },
    Q {
        s: "女子跳高决赛中，18岁的小将以1.92米的成绩夺得第一名，打破了保持8年的赛会纪录。",
        q: &[age("18岁", "18"), measure("1.92米", "1.92", "m")],
    },
    Q {
        s: "工会为一线职工送清凉，共发放绿豆汤3000份、防暑药品500件，慰问高温作业人员1800余名。",
        q: &[
            count("3000份", "3000", "份"),
            count("500件", "500", "件"),
            count("1800余名", "1800", "名").more("1800", "1900"),
        ],
    },
    Q {
        s: "这家科技企业今年研发投入3.8亿元，占营收比重达15.6%，新增发明专利126项，员工总数达到2000人。",
        q: &[
            cny("3.8亿元", "380000000"),
            pct("15.6%", "15.6"),
            count("126项", "126", "项"),
            count("2000人", "2000", "人"),
        ],
    },
    Q {
        s: "气象台预计，今天夜里到明天有中到大雨，过程累计降雨量50至80毫米，最大小时雨强可达30毫米。",
        q: &[
            measure("50至80毫米", "50", "mm").range("50", "80"),
            measure("30毫米", "30", "mm"),
        ],
    },
    Q {
        s: "村里的猕猴桃今年亩产3000斤，收购价每斤6元，全村120多户果农因此增收400余万元。",
        q: &[
            measure("3000斤", "3000", "jin"),
            cny("每斤6元", "6").per("斤"),
            count("120多户", "120", "户").more("120", "130").obj("果农"),
            cny("400余万元", "4000000").more("4000000", "5000000"),
        ],
    },
    Q {
        s: "他在香港工作时月薪3万港元，回内地创业后年收入超过50万元，还带动20名老乡就业。",
        q: &[
            money("3万港元", "30000", "HKD"),
            cny("超过50万元", "500000").over(),
            count("20名", "20", "名").obj("老乡"),
        ],
    },
    Q {
        s: "这款笔记本电脑配备16GB内存和512GB固态硬盘，整机重1.3千克，首发售价6999元。",
        q: &[
            measure("16GB", "16", "GB"),
            measure("512GB", "512", "GB"),
            measure("1.3千克", "1.3", "kg"),
            cny("6999元", "6999"),
        ],
    },
    Q {
        s: "全省60岁以上老年人口达1200万人，其中80岁以上高龄老人约180万人，占比约15%。",
        q: &[
            age("60岁以上", "60").over(),
            count("1200万人", "12000000", "人"),
            age("80岁以上", "80").over(),
            count("约180万人", "1800000", "人").about(),
            pct("约15%", "15").about(),
        ],
    },
    Q {
        s: "该光伏项目装机容量达2万千瓦，总投资9000万元，可带动30户农户年均增收5000元。",
        q: &[
            measure("2万千瓦", "20000", "kW"),
            cny("9000万元", "90000000"),
            count("30户", "30", "户").obj("农户"),
            cny("5000元", "5000"),
        ],
    },
    Q {
        s: "今年全市城镇新增就业5.6万人，城镇调查失业率为4.8%，发放创业担保贷款3.2亿元。",
        q: &[
            count("5.6万人", "56000", "人"),
            pct("4.8%", "4.8"),
            cny("3.2亿元", "320000000"),
        ],
    },
    Q {
        s: "这场寒潮导致当地气温骤降12摄氏度，最低降到零下8摄氏度，约3000亩大棚蔬菜受灾。",
        q: &[
            temp("12摄氏度", "12"),
            temp("零下8摄氏度", "-8"),
            measure("约3000亩", "3000", "mu").about(),
        ],
    },
    Q {
        s: "国际马拉松赛吸引了来自30个国家和地区的3.2万名运动员，最年长的参赛者已经72岁。",
        q: &[
            count("30个", "30", "个").obj("国家"),
            count("3.2万名", "32000", "名").obj("运动员"),
            age("72岁", "72"),
        ],
    },
    Q {
        s: "调解委员会今年共调处矛盾纠纷860件，调解成功率达98%，为群众挽回经济损失1500多万元。",
        q: &[
            count("860件", "860", "件"),
            pct("98%", "98"),
            cny("1500多万元", "15000000").more("15000000", "16000000"),
        ],
    },
    Q {
        s: "入冬后，这家超市的大白菜售价为每斤1.5元，每天能卖出3吨左右，比平时多卖三成。",
        q: &[
            cny("每斤1.5元", "1.5").per("斤"),
            measure("3吨左右", "3", "t").about(),
            pct("三成", "30"),
        ],
    },
    Q {
        s: "展会为期4天，共吸引1200家企业参展，意向成交额达45亿元，其中外资企业占比超过三成。",
        q: &[
            count("1200家", "1200", "家").obj("企业"),
            cny("45亿元", "4500000000"),
            pct("超过三成", "30").over(),
        ],
    },
    Q {
        s: "该村2019年人均收入不足8000元，如今已超过2.6万元，村集体经济年收入达到120万元。",
        q: &[
            cny("不足8000元", "8000").under(),
            cny("超过2.6万元", "26000").over(),
            cny("120万元", "1200000"),
        ],
    },
    Q {
        s: "今年68岁的王大妈每天早上6点出门锻炼，绕着公园快走5公里，一年下来瘦了8斤。",
        q: &[
            age("68岁", "68"),
            measure("5公里", "5", "km"),
            measure("8斤", "8", "jin"),
        ],
    },
    Q {
        s: "县医院派出医护人员12名驰援灾区，携带防护服2000套、口罩5万只和价值30万元的药品。",
        q: &[
            count("12名", "12", "名"),
            count("2000套", "2000", "套"),
            count("5万只", "50000", "只"),
            cny("30万元", "300000"),
        ],
    },
];

// ---------------------------------------------------------------------------
// Issue 13: forms public suites and real documents use
// ---------------------------------------------------------------------------

/// One multiplier after the upper bound: it applies to the lower bound when
/// that is of the order of the upper bound's coefficient, not of the whole.
const SHARED_MULTIPLIER: &[Q] = &[
    Q {
        s: "该项目预计总投资一百三十到一百六十万元，明年开工。",
        q: &[cny("一百三十到一百六十万元", "1300000").range("1300000", "1600000")],
    },
    Q {
        s: "今年全市文旅项目的预算在两千到三千万元之间。",
        q: &[cny("两千到三千万元", "20000000").range("20000000", "30000000")],
    },
    Q {
        s: "专家预计明年新增贷款规模为六千到八千亿元。",
        q: &[cny("六千到八千亿元", "600000000000").range("600000000000", "800000000000")],
    },
    Q {
        s: "在东京读一年语言学校的学费需要十五至二十万日元。",
        q: &[money("十五至二十万日元", "150000", "JPY").range("150000", "200000")],
    },
    Q {
        s: "这批进口设备的采购价在2到3千万元之间。",
        q: &[cny("2到3千万元", "20000000").range("20000000", "30000000")],
    },
    Q {
        s: "这家初创公司计划募集资金5至10亿美元。",
        q: &[money("5至10亿美元", "500000000", "USD").range("500000000", "1000000000")],
    },
    Q {
        s: "主办方预计将有十到二十万人次参加这次灯会。",
        q: &[count("十到二十万人次", "100000", "人次").range("100000", "200000")],
    },
    Q {
        s: "二手车商给出的报价从9000到2万元不等，要看车况。",
        q: &[cny("9000到2万元", "9000").range("9000", "20000")],
    },
    Q {
        s: "这种小家电的零售价大多在三到五千元之间。",
        q: &[cny("三到五千元", "3000").range("3000", "5000")],
    },
    Q {
        s: "新规实施后，单笔罚款从3千到5万元不等。",
        q: &[cny("3千到5万元", "3000").range("3000", "50000")],
    },
];

/// Discounts: two digits before `折` are the percentage; `半折`, `对折`
/// are half; `成` takes a half or one more digit.
const DISCOUNTS: &[Q] = &[
    Q {
        s: "商场周年庆全场85折，会员再享95折优惠。",
        q: &[pct("85折", "85"), pct("95折", "95")],
    },
    Q {
        s: "换季清仓期间，部分夏装一律半折出售。",
        q: &[pct("半折", "50")],
    },
    Q {
        s: "这家书店周末所有图书打对折，吸引了不少读者。",
        q: &[pct("对折", "50")],
    },
    Q {
        s: "老板说这批积压的库存只能对折处理了。",
        q: &[pct("对折", "50")],
    },
    Q {
        s: "今年遭遇干旱，小麦收成只有去年的三成半。",
        q: &[pct("三成半", "35")],
    },
    Q {
        s: "受益于出口订单，公司利润同比增长七成五。",
        q: &[pct("七成五", "75")],
    },
    Q {
        s: "奶茶店推出第二杯7.5折，甜点一律打八五折的活动。",
        q: &[pct("7.5折", "75"), pct("八五折", "85")],
    },
];

/// Per-mille, per-ten-thousand, basis points, and the whole.
const PER_MILLE: &[Q] = &[
    Q {
        s: "这条生产线的不良率控制在万分之三以内。",
        q: &[pct("万分之三以内", "0.03").under()],
    },
    Q {
        s: "据了解，这类交易的手续费率约为千分之五。",
        q: &[pct("约为千分之五", "0.5").about()],
    },
    Q {
        s: "经过三个月整改，产品合格率达到百分之百。",
        q: &[pct("百分之百", "100")],
    },
    Q {
        s: "央行宣布将中期借贷便利利率下调25个基点。",
        q: &[pp("25个基点", "0.25")],
    },
    Q {
        s: "实验室测得的相对误差仅为5‰，符合标准。",
        q: &[pct("5‰", "0.5")],
    },
];

/// A full-width comma followed by exactly three digits inside one number
/// groups thousands where no list can be meant; elsewhere it separates.
const WIDE_COMMA: &[Q] = &[
    Q {
        s: "经审计，该合同实际结算金额为36，500.00元。",
        q: &[cny("36，500.00元", "36500")],
    },
    Q {
        s: "公司账户上还留有1，200，000元的备用金。",
        q: &[cny("1，200，000元", "1200000")],
    },
    Q {
        s: "比赛中各轮依次淘汰的选手人数为5，6，7名。",
        q: &[count("7名", "7", "名")],
    },
    Q {
        s: "上周各车间的产量分别为120，350，420件。",
        q: &[count("420件", "420", "件")],
    },
];

/// Dashes and tildes between two bounds, doubled or spaced; a dash between
/// two amounts is never a minus sign.
const DASHES: &[Q] = &[
    Q {
        s: "对违规排污的企业处以1万元--3万元的罚款。",
        q: &[cny("1万元--3万元", "10000").range("10000", "30000")],
    },
    Q {
        s: "这场演唱会的内场门票被炒到了2——4万港币。",
        q: &[money("2——4万港币", "20000", "HKD").range("20000", "40000")],
    },
    Q {
        s: "这家公司给测试工程师开出月薪10~15k元的待遇。",
        q: &[cny("10~15k元", "10000").range("10000", "15000")],
    },
    Q {
        s: "对情节较轻的违法行为，处以1万(含)-3万元罚款。",
        q: &[cny("1万(含)-3万元", "10000").range("10000", "30000")],
    },
    Q {
        s: "按项目规模不同，补贴标准为30余万元-50万元不等。",
        q: &[
            cny("30余万元", "300000").more("300000", "400000"),
            cny("50万元", "500000"),
        ],
    },
    Q {
        s: "寒潮过后，当地夜间最低气温在-5℃--10℃之间。",
        q: &[temp("-5℃--10℃", "-10").range("-10", "-5")],
    },
    Q {
        s: "据估计，报名参加这次夏令营的人数在 10 - 20 人之间。",
        q: &[count("10 - 20 人", "10", "人").range("10", "20")],
    },
];

/// Colloquial and invoice forms.
const COLLOQUIAL: &[Q] = &[
    Q {
        s: "这家公司去年净赚两个亿，今年目标三个多亿元。",
        q: &[
            cny("两个亿", "200000000"),
            cny("三个多亿元", "300000000").more("300000000", "400000000"),
        ],
    },
    Q {
        s: "听说他这些年在老家投资了十几个亿。",
        q: &[cny("十几个亿", "1000000000").more("1000000000", "2000000000")],
    },
    Q {
        s: "去年这家企业融资几个亿，新建了两条生产线。",
        q: &[
            cny("几个亿", "0").vague("200000000", "900000000"),
            count("两条", "2", "条").obj("生产线"),
        ],
    },
    Q {
        s: "菜场里的青菜一块五一斤，比超市便宜不少。",
        q: &[cny("一块五", "1.5").per("斤")],
    },
    Q {
        s: "文具店的铅笔一支五毛五，橡皮一块二毛五。",
        q: &[cny("五毛五", "0.55").per("支"), cny("一块二毛五", "1.25")],
    },
    Q {
        s: "发票上的金额为人民币壹仟伍佰圆整，请核对。",
        q: &[cny("人民币壹仟伍佰圆整", "1500")],
    },
    Q {
        s: "这次出差的报销金额壹仟伍佰圆整，已经入账。",
        q: &[cny("壹仟伍佰圆整", "1500")],
    },
    Q {
        s: "本月房租金额伍佰元整，请按时缴纳。",
        q: &[cny("伍佰元整", "500")],
    },
    Q {
        s: "双方合同约定的违约金为人民币伍万元整。",
        q: &[cny("人民币伍万元整", "50000")],
    },
    Q {
        s: "收款收据上写着人民币（大写）伍仟元整。",
        q: &[cny("人民币（大写）伍仟元整", "5000")],
    },
    Q {
        s: "这本旧杂志在跳蚤市场上只卖两美元又三美分。",
        q: &[money("两美元又三美分", "2.03", "USD")],
    },
];

/// OCR and PDF text: a space before the unit, units in capitals.
const SPACES_AND_CAPITALS: &[Q] = &[
    Q {
        s: "扫描件上这台二手设备的报价是202 美元。",
        q: &[money("202 美元", "202", "USD")],
    },
    Q {
        s: "体检表上写着他身高168CM，体重65KG。",
        q: &[measure("168CM", "168", "cm"), measure("65KG", "65", "kg")],
    },
    Q {
        s: "路由器说明书标注的工作频率为2.4GHZ和5GHZ。",
        q: &[measure("2.4GHZ", "2.4", "GHz"), measure("5GHZ", "5", "GHz")],
    },
    Q {
        s: "这份扫描文件显示共有 120 人报名参加比赛。",
        q: &[count("120 人", "120", "人")],
    },
    Q {
        s: "检测报告中写明，这箱水果的净重为3.5 公斤。",
        q: &[measure("3.5 公斤", "3.5", "kg")],
    },
    // Numbers spaced from Chinese, as web and Markdown style guides ask:
    // read as if unspaced, the span over the spaces.
    Q {
        s: "经济舱往返票价约 4200 元，比去年略低。",
        q: &[cny("约 4200 元", "4200").about()],
    },
    Q {
        s: "平台注册开发者已超过 220 万名，同比增长 18.5%。",
        q: &[
            count("超过 220 万名", "2200000", "名").over(),
            pct("18.5%", "18.5"),
        ],
    },
    Q {
        s: "可再生能源发电量占比提高到 31% 以上。",
        q: &[pct("31% 以上", "31").over()],
    },
    Q {
        s: "招聘前端开发，月薪 8k 起，双休。",
        q: &[cny("8k 起", "8000").over()],
    },
    Q {
        s: "本地草莓一斤售价在 15 元，比去年同期略低。",
        q: &[cny("15 元", "15").per("斤")],
    },
    Q {
        s: "一头成年大熊猫每天要吃掉 12 至 38 公斤竹子。",
        q: &[measure("12 至 38 公斤", "12", "kg").range("12", "38")],
    },
];

/// `两` is the old weight unit after goods or prices, the numeral 2 elsewhere.
const LIANG: &[Q] = &[
    Q {
        s: "老掌柜说这包陈年普洱值三十两银子。",
        q: &[measure("三十两", "30", "liang")],
    },
    Q {
        s: "他在老茶庄里称了三十两明前龙井。",
        q: &[measure("三十两", "30", "liang")],
    },
    Q {
        s: "金店里的足金首饰每两卖到了三千多元。",
        q: &[cny("三千多元", "3000").more("3000", "4000").per("两")],
    },
    Q {
        s: "两位老人各自从书架上取下了两本旧相册。",
        q: &[
            count("两位", "2", "位").obj("老人"),
            count("两本", "2", "本"),
        ],
    },
];

/// Web and e-mail addresses, file paths and percent-encoded text hold no
/// quantity; the quantities around them are still found.
const LINKS: &[Q] = &[
    Q {
        s: "官网www.example.com显示，景区门票价格为120元。",
        q: &[cny("120元", "120")],
    },
    Q {
        s: "邮件发到sales100@example.com后，三天内退还500元押金。",
        q: &[cny("500元", "500")],
    },
];

/// Sentences with addresses, paths, encoded text, lists and folds, and no
/// quantity at all.
const NOT_A_QUANTITY_13: &[&str] = &[
    "请核对药品批号20231108B和订单号：556677T后再签收。",
    "详细结果请见https://example.com/search?q=30%25%2020%页面。",
    "接口返回的地址片段是a%20b，需要先解码再使用。",
    "请把报名材料发送至sales100@example.com邮箱。",
    "原始数据保存在C:\\data\\2020\\50%.xlsx文件中。",
    "运行日志写在/var/log/app/100%.log里面，请查看。",
    "更多说明请访问www.abc.com/50%页面了解详情。",
    "手工课上，老师让大家把彩纸对折，再沿着折痕剪开。",
    "入伏以后，三伏天的闷热让很多人吃不消。",
    "他在半程马拉松中跑出了1小时5分30秒的成绩。",
    "这笔外汇收入的一半折算成人民币后存入了账户。",
];

/// Sibling forms real documents use next to the ones above.
const SIBLINGS: &[Q] = &[
    Q {
        s: "老人昨晚发烧到38度5，今天早上体温降到37度2。",
        q: &[temp("38度5", "38.5"), temp("37度2", "37.2")],
    },
    Q {
        s: "这台空调的室内机噪声≤42dB，待机功率≤0.5W。",
        q: &[
            measure("≤42dB", "42", "dB").under(),
            measure("≤0.5W", "0.5", "W").under(),
        ],
    },
    Q {
        s: "招聘要求：年龄≥18周岁，身高≥160cm，学历不限。",
        q: &[
            age("≥18周岁", "18").over(),
            measure("≥160cm", "160", "cm").over(),
        ],
    },
    Q {
        s: "新装的光纤宽带实测下行速率达到了940Mbps，上行100 Mbps。",
        q: &[
            measure("940Mbps", "940", "Mbit/s"),
            measure("100 Mbps", "100", "Mbit/s"),
        ],
    },
    Q {
        s: "这块固态硬盘的顺序读取速度为7000MB/s，容量2TB。",
        q: &[
            measure("7000MB/s", "7000", "MB/s"),
            measure("2TB", "2", "TB"),
        ],
    },
    Q {
        s: "疫苗分批次接种，每批次200人，请大家按时到场。",
        q: &[count("200人", "200", "人")],
    },
    Q {
        s: "这家海鲜自助餐168元一位，儿童半价。",
        q: &[cny("168元", "168").per("位")],
    },
    Q {
        s: "篮球队新来的中锋身高两米一，后卫只有一米七五。",
        q: &[
            measure("两米一", "2.1", "m"),
            measure("一米七五", "1.75", "m"),
        ],
    },
    Q {
        s: "决赛中她以6米85的成绩打破了赛会纪录。",
        q: &[measure("6米85", "6.85", "m")],
    },
    Q {
        s: "小时候一根冰棍只要五角五分，现在涨到了三块。",
        q: &[cny("五角五分", "0.55"), cny("三块", "3")],
    },
    Q {
        s: "社区招募了3名年轻人担任垃圾分类督导员。",
        q: &[count("3名", "3", "名").obj("年轻人")],
    },
    Q {
        s: "她在女子举重59公斤级比赛中举起了105公斤。",
        q: &[measure("105公斤", "105", "kg")],
    },
    Q {
        s: "孩子半夜39度高烧不退，家长赶紧送到了急诊。",
        q: &[temp("39度", "39")],
    },
    Q {
        s: "这套学区房总价420万，单价达到了6.8万元/平米。",
        q: &[
            cny("420万", "4200000"),
            cny("6.8万元/平米", "68000").per("平米"),
        ],
    },
    Q {
        s: "二手车行的这辆轿车仅售8.5万，还送一年保险。",
        q: &[cny("8.5万", "85000")],
    },
    Q {
        s: "这条新线路上的列车最高时速为每小时350公里。",
        q: &[measure("每小时350公里", "350", "km/h")],
    },
    Q {
        s: "气象台监测到沿海地区阵风风速达到每秒25米。",
        q: &[measure("每秒25米", "25", "m/s")],
    },
    Q {
        s: "对这类违法行为处1万元(含)至3万元(不含)的罚款。",
        q: &[cny("1万元(含)至3万元(不含)", "10000").range("10000", "30000")],
    },
    Q {
        s: "实验中通过导线的电流稳定在2安培左右。",
        q: &[measure("2安培左右", "2", "A").about()],
    },
    Q {
        s: "这家老厂去年的年产值超过10个亿，今年还要翻番。",
        q: &[cny("超过10个亿", "1000000000").over()],
    },
    Q {
        s: "受疫情影响，这家酒店的入住率同比变化为负百分之五。",
        q: &[pct("负百分之五", "-5")],
    },
    Q {
        s: "扫描版年报显示，公司毛利率为百分之 35，比去年略高。",
        q: &[pct("百分之 35", "35")],
    },
    Q {
        s: "代购说这款包在国外只要800美刀，在香港要卖6000多港纸。",
        q: &[
            money("800美刀", "800", "USD"),
            money("6000多港纸", "6000", "HKD").more("6000", "7000"),
        ],
    },
];

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[test]
fn 金额() {
    check("MONEY", MONEY);
}

#[test]
fn 计数() {
    check("COUNTS", COUNTS);
}

#[test]
fn 度量() {
    check("MEASURES", MEASURES);
}

#[test]
fn 百分比() {
    check("PERCENT", PERCENT);
}

#[test]
fn 年龄与温度() {
    check("AGE_TEMPERATURE", AGE_TEMPERATURE);
}

#[test]
fn 约数() {
    check("APPROXIMATE", APPROXIMATE);
}

#[test]
fn 范围() {
    check("RANGES", RANGES);
}

#[test]
fn 单价() {
    check("UNIT_PRICES", UNIT_PRICES);
}

#[test]
fn 中文数字() {
    check("NUMERALS", NUMERALS);
}

#[test]
fn 不是数量() {
    check("NOT_A_QUANTITY", &none_rows(NOT_A_QUANTITY));
}

#[test]
fn 多数量长句() {
    check("MIXED", MIXED);
}

#[test]
fn 繁体() {
    check("TRADITIONAL", TRADITIONAL);
}

#[test]
fn 共用倍数的范围() {
    check("SHARED_MULTIPLIER", SHARED_MULTIPLIER);
}

#[test]
fn 折扣与成数() {
    check("DISCOUNTS", DISCOUNTS);
}

#[test]
fn 千分之万分之() {
    check("PER_MILLE", PER_MILLE);
}

#[test]
fn 全角逗号() {
    check("WIDE_COMMA", WIDE_COMMA);
}

#[test]
fn 破折号与波浪号() {
    check("DASHES", DASHES);
}

#[test]
fn 口语与发票() {
    check("COLLOQUIAL", COLLOQUIAL);
}

#[test]
fn 空格与大写单位() {
    check("SPACES_AND_CAPITALS", SPACES_AND_CAPITALS);
}

#[test]
fn 旧制两() {
    check("LIANG", LIANG);
}

#[test]
fn 相近形式() {
    check("SIBLINGS", SIBLINGS);
}

#[test]
fn 网址邮箱路径() {
    check("LINKS", LINKS);
    check("NOT_A_QUANTITY_13", &none_rows(NOT_A_QUANTITY_13));
}

/// Traditional characters: the view folds them (`圓` is `圆`, `萬` is
/// `万`), also inside runs of other Han characters; spans and written units
/// keep the original text.
const TRADITIONAL: &[Q] = &[
    Q {
        s: "這家公司去年營業額達3億元，比前年增長兩成。",
        q: &[cny("3億元", "300000000"), pct("兩成", "20")],
    },
    Q {
        s: "支票上的大寫金額為人民幣壹萬圓整。",
        q: &[cny("人民幣壹萬圓整", "10000")],
    },
    Q {
        s: "那天收到5圓，他高興了一整天。",
        q: &[cny("5圓", "5")],
    },
    Q {
        s: "參加這次義務植樹活動的職工約兩千人。",
        q: &[count("約兩千人", "2000", "人").about()],
    },
    Q {
        s: "景區今年全年接待遊客超過3萬人次。",
        q: &[count("超過3萬人次", "30000", "人次").over()],
    },
    // Units as Taiwan and Hong Kong write them.
    Q {
        s: "這款晶片採用3奈米製程，每片重約2公克。",
        q: &[
            measure("3奈米", "3", "nm"),
            measure("約2公克", "2", "g").about(),
        ],
    },
    Q {
        s: "新建廠房佔地1.2萬平方公尺，樓高120呎。",
        q: &[
            measure("1.2萬平方公尺", "12000", "m2"),
            measure("120呎", "120", "ft"),
        ],
    },
];

/// Every table with quantities, by name.
const TABLES: &[(&str, &[Q])] = &[
    ("MONEY", MONEY),
    ("COUNTS", COUNTS),
    ("MEASURES", MEASURES),
    ("PERCENT", PERCENT),
    ("AGE_TEMPERATURE", AGE_TEMPERATURE),
    ("APPROXIMATE", APPROXIMATE),
    ("RANGES", RANGES),
    ("UNIT_PRICES", UNIT_PRICES),
    ("NUMERALS", NUMERALS),
    ("MIXED", MIXED),
    ("TRADITIONAL", TRADITIONAL),
    ("SHARED_MULTIPLIER", SHARED_MULTIPLIER),
    ("DISCOUNTS", DISCOUNTS),
    ("PER_MILLE", PER_MILLE),
    ("WIDE_COMMA", WIDE_COMMA),
    ("DASHES", DASHES),
    ("COLLOQUIAL", COLLOQUIAL),
    ("SPACES_AND_CAPITALS", SPACES_AND_CAPITALS),
    ("LIANG", LIANG),
    ("LINKS", LINKS),
    ("SIBLINGS", SIBLINGS),
];

/// Every sentence of every table, the no-quantity table included.
fn all_sentences() -> impl Iterator<Item = (&'static str, &'static str)> {
    TABLES
        .iter()
        .flat_map(|(name, rows)| rows.iter().map(move |row| (*name, row.s)))
        .chain(NOT_A_QUANTITY.iter().map(|s| ("NOT_A_QUANTITY", *s)))
        .chain(NOT_A_QUANTITY_13.iter().map(|s| ("NOT_A_QUANTITY_13", *s)))
}

/// Whatever the extractor reports, its spans must cut the input exactly.
#[test]
fn 跨度切回原文() {
    let mut report = String::new();
    let mut failed = 0;
    let mut total = 0;
    for (name, s) in all_sentences() {
        total += 1;
        let problems = match catch_unwind(AssertUnwindSafe(|| span_problems(s))) {
            Ok(problems) => problems,
            Err(_) => vec!["抽取时 panic".to_owned()],
        };
        if !problems.is_empty() {
            failed += 1;
            let _ = writeln!(report, "\n[{name}] {s}");
            for p in problems {
                let _ = writeln!(report, "  {p}");
            }
        }
    }
    if failed > 0 {
        eprintln!("{report}");
        panic!("跨度：{total} 句中有 {failed} 句的跨度不对（见上）");
    }
}

fn span_problems(s: &str) -> Vec<String> {
    let found = EX.extract(s);
    let mut problems = Vec::new();
    let mut previous_end: Option<(usize, usize)> = None;
    for q in &found.quantities {
        let sp = q.span;
        let who = format!(
            "«{}» 字节{}..{} 字{}..{}",
            q.text, sp.start, sp.end, sp.char_start, sp.char_end
        );
        match s.get(sp.range()) {
            Some(cut) if cut == q.text => {}
            Some(cut) => problems.push(format!("{who}: 原文切出的是 «{cut}»")),
            None => problems.push(format!("{who}: 字节范围不在字符边界上或越界")),
        }
        if sp.start > sp.end || sp.end > s.len() || !s.is_char_boundary(sp.start) {
            continue;
        }
        let char_start = s[..sp.start].chars().count();
        let char_end = s.get(..sp.end).map(|p| p.chars().count());
        if sp.char_start != char_start || Some(sp.char_end) != char_end {
            problems.push(format!(
                "{who}: 字符位置应为 {char_start}..{}",
                char_end.map_or("?".to_owned(), |e| e.to_string())
            ));
        }
        if sp.is_empty() {
            problems.push(format!("{who}: 空跨度"));
        }
        if let Some((end, char_end)) = previous_end
            && (sp.start < end || sp.char_start < char_end)
        {
            problems.push(format!("{who}: 与前一项重叠或未按位置排序"));
        }
        previous_end = Some((sp.end, sp.char_end));
    }
    problems
}

/// The tables themselves follow the specification's shape: sentences of
/// 15-80 characters, expected texts present, in order and disjoint, ranges
/// valued at their lower bound, enough rows per table.
#[test]
fn 表格自洽() {
    let mut problems = Vec::new();
    let mut total = 0;
    for (name, s) in all_sentences() {
        total += 1;
        let n = s.chars().count();
        if !(15..=80).contains(&n) {
            problems.push(format!("[{name}] {s}: 长度 {n} 不在 15..=80"));
        }
    }
    for (name, rows) in TABLES {
        for row in *rows {
            let mut end = 0;
            for e in row.q {
                match locate(row.s, e.text, e.nth) {
                    None => problems.push(format!("[{name}] {}: 找不到 «{}»", row.s, e.text)),
                    Some(at) => {
                        if at < end {
                            problems.push(format!("[{name}] {}: «{}» 重叠或乱序", row.s, e.text));
                        }
                        end = at + e.text.len();
                    }
                }
                if e.approx == Approx::Range && (e.min.is_none() || e.value != e.min) {
                    problems.push(format!("[{name}] {}: 范围 «{}» 值应为下限", row.s, e.text));
                }
                let may_have_object = e.kind == QuantityKind::Count;
                if e.object.is_some() && !may_have_object {
                    problems.push(format!(
                        "[{name}] {}: «{}» 不是计数却有 object",
                        row.s, e.text
                    ));
                }
                if e.per.is_some() && e.kind != QuantityKind::Money {
                    problems.push(format!("[{name}] {}: «{}» 不是金额却有 per", row.s, e.text));
                }
            }
            if row.q.is_empty() {
                problems.push(format!("[{name}] {}: 空列表应放进 NOT_A_QUANTITY", row.s));
            }
        }
    }
    let multi = MIXED.iter().filter(|row| row.q.len() >= 2).count();
    if multi < 25 || multi != MIXED.len() {
        problems.push(format!("MIXED 需要至少 25 句且每句至少两项，现有 {multi}"));
    }
    if total < 220 {
        problems.push(format!("共 {total} 句，少于 220"));
    }
    assert!(
        problems.is_empty(),
        "表格本身有误：\n{}",
        problems.join("\n")
    );
}

/// A record built field by field from each expectation must pass the
/// checker: expected values are written normalised, as `Value` displays them,
/// and the two sides are formatted alike.
#[test]
fn 检查器自检() {
    use std::str::FromStr;

    use zh_extract::{Span, Value};

    let value = |v: Option<&str>| {
        v.map(|v| Value::from(rust_decimal::Decimal::from_str(v).expect("a decimal")))
    };
    let mut problems = Vec::new();
    for (name, rows) in TABLES {
        for row in *rows {
            for e in row.q {
                let Some(start) = locate(row.s, e.text, e.nth) else {
                    continue;
                };
                let char_start = row.s[..start].chars().count();
                let record = Quantity {
                    kind: e.kind,
                    text: e.text,
                    span: Span {
                        start,
                        end: start + e.text.len(),
                        char_start,
                        char_end: char_start + e.text.chars().count(),
                    },
                    value: value(e.value),
                    unit: e.unit,
                    approx: e.approx,
                    min: value(e.min),
                    max: value(e.max),
                    per: e.per,
                    object: e.object,
                };
                let (want, got) = (show_expected(row.s, e), show_actual(&record));
                if want != got {
                    problems.push(format!("[{name}] {}\n  期望 {want}\n  记录 {got}", row.s));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Quantities alone (entities off, so only the clauses with figures are
/// segmented) find what the full extractor finds, plus the amounts the full
/// one drops as part of a name.
#[test]
fn 只抽数量与全抽取结果一致() {
    let full = Extractor::new();
    let alone = Extractor::builder().entity_kinds([]).build().unwrap();
    let mut texts: Vec<String> = vec![include_str!("../examples/data/newsletter.txt").to_owned()];
    for file in [
        "tests/data/heldout_quantities.jsonl",
        "tests/data/heldout2_quantities.jsonl",
    ] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        for line in std::fs::read_to_string(path).unwrap().lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            texts.push(v["text"].as_str().unwrap().to_owned());
        }
    }
    assert!(texts.len() > 100);
    for text in &texts {
        if let Some(difference) = common::quantities_alone_differ(&full, &alone, text) {
            panic!("{difference}");
        }
    }
}
