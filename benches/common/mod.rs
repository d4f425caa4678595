//! The benchmark corpus: sentences of news text, grouped into documents.
//!
//! Read from `../shared/data/msra/dev.bio` (one `char<TAB>tag` per line, a
//! blank line between sentences) when it is there, or from the file named by
//! `ZH_BENCH_BIO`; otherwise generated (varied news-like sentences from a
//! fixed seed), with a message on standard error saying so.
//!
//! `ZH_BENCH_BYTES` caps the corpus (default: all of dev.bio, about 440 KB;
//! never less than 100 KB).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The corpus never goes below this many bytes of text.
pub const MIN_BYTES: usize = 100 * 1024;
/// Default cap on the corpus size.
pub const DEFAULT_MAX_BYTES: usize = 512 * 1024;

/// Where the sentences came from.
pub struct Corpus {
    pub sentences: Vec<String>,
    pub source: String,
}

impl Corpus {
    /// Total bytes of text.
    pub fn bytes(&self) -> usize {
        self.sentences.iter().map(String::len).sum()
    }
}

fn bio_path() -> PathBuf {
    if let Ok(p) = std::env::var("ZH_BENCH_BIO") {
        return PathBuf::from(p);
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/msra/dev.bio")
}

fn max_bytes() -> usize {
    std::env::var("ZH_BENCH_BYTES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(DEFAULT_MAX_BYTES)
        .max(MIN_BYTES)
}

/// Sentences of a BIO file: the first column of each line, joined; a blank
/// line ends a sentence.
pub fn read_bio(text: &str) -> Vec<String> {
    let mut sentences = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !current.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        let ch = line.split('\t').next().unwrap_or("");
        current.push_str(ch);
    }
    if !current.is_empty() {
        sentences.push(current);
    }
    sentences
}

/// The benchmark sentences (at least [`MIN_BYTES`]), announced on stderr.
pub fn corpus() -> Corpus {
    let cap = max_bytes();
    let path = bio_path();
    let (mut sentences, source) = match std::fs::read_to_string(&path) {
        Ok(text) => {
            let s = read_bio(&text);
            (s, format!("{}", path.display()))
        }
        Err(e) => {
            eprintln!(
                "bench corpus: {} not readable ({e}); using GENERATED news-like text instead",
                path.display()
            );
            (generate(cap), "generated news-like text".to_owned())
        }
    };
    // Too small a file: top it up with generated text.
    let have: usize = sentences.iter().map(String::len).sum();
    if have < MIN_BYTES {
        eprintln!("bench corpus: only {have} bytes read; adding GENERATED text");
        sentences.extend(generate(MIN_BYTES - have));
    }
    let mut total = 0usize;
    let keep = sentences
        .iter()
        .take_while(|s| {
            let fits = total < cap;
            total += s.len();
            fits
        })
        .count();
    sentences.truncate(keep);
    let corpus = Corpus { sentences, source };
    eprintln!(
        "bench corpus: {} sentences, {} bytes, from {}",
        corpus.sentences.len(),
        corpus.bytes(),
        corpus.source
    );
    corpus
}

/// Groups sentences into documents of `min..=max` sentences (sizes cycle
/// deterministically), so documents have a realistic, varied length.
pub fn documents(sentences: &[String], min: usize, max: usize) -> Vec<String> {
    assert!(min >= 1 && min <= max);
    let mut docs = Vec::new();
    let mut rng = Lcg(0x5eed);
    let mut i = 0;
    while i < sentences.len() {
        let n = min + rng.below(max - min + 1);
        let end = (i + n).min(sentences.len());
        docs.push(sentences[i..end].concat());
        i = end;
    }
    docs
}

/// The documents of the throughput benchmarks: 10 to 20 sentences each.
pub fn news_documents(corpus: &Corpus) -> Vec<String> {
    documents(&corpus.sentences, 10, 20)
}

/// A small deterministic generator (no dependency, same text every run).
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "欧阳",
];
const GIVEN: &[&str] = &[
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
    "超", "秀英", "华", "建国", "志强", "海燕", "晓东", "文博", "光前", "立新", "春梅", "国庆",
];
const PLACES: &[&str] = &[
    "北京",
    "上海",
    "宁波",
    "杭州",
    "深圳",
    "广州",
    "成都",
    "武汉",
    "西安",
    "南京",
    "天津",
    "重庆",
    "苏州",
    "青岛",
    "厦门",
    "长沙",
    "郑州",
    "沈阳",
    "哈尔滨",
    "昆明",
    "浙江省",
    "江苏省",
    "广东省",
    "四川省",
    "湖北省",
    "山东省",
    "内蒙古",
    "新疆",
    "香港",
    "澳门",
    "台湾",
    "日本",
    "美国",
    "德国",
    "法国",
    "俄罗斯",
    "巴西",
    "南非",
    "长江",
    "黄河",
    "珠江三角洲",
];
const ORG_TAILS: &[&str] = &[
    "市人民政府",
    "港集团有限公司",
    "大学",
    "市总工会",
    "人民医院",
    "银行",
    "电力公司",
    "市教育局",
    "中级人民法院",
    "科技股份有限公司",
    "日报社",
    "海关",
    "市统计局",
    "证券交易所",
];
const ROLES: &[&str] = &[
    "市长",
    "总经理",
    "董事长",
    "教授",
    "院长",
    "局长",
    "记者",
    "主任",
    "党委书记",
    "发言人",
];
const VERBS: &[&str] = &["表示", "介绍", "指出", "透露", "强调", "宣布", "称", "认为"];
const TOPICS: &[&str] = &[
    "基础设施建设",
    "科技创新",
    "乡村振兴",
    "对外贸易",
    "生态环境保护",
    "职工技能培训",
    "医疗卫生改革",
    "文化旅游",
    "交通运输",
    "粮食生产",
    "新能源汽车",
    "防汛抗旱",
];

fn number(rng: &mut Lcg) -> String {
    match rng.below(6) {
        0 => format!("{}", 2 + rng.below(998)),
        1 => format!("{}.{}", 1 + rng.below(99), rng.below(10)),
        2 => rng
            .pick(&[
                "三",
                "五",
                "十二",
                "二十",
                "一百五十",
                "三千",
                "两",
                "四十八",
                "九十六",
            ])
            .to_owned(),
        3 => format!("{},{:03}", 1 + rng.below(99), rng.below(1000)),
        4 => format!("{}万", 1 + rng.below(999)),
        _ => format!("{}.{}亿", 1 + rng.below(50), rng.below(10)),
    }
}

fn person(rng: &mut Lcg) -> String {
    format!("{}{}", rng.pick(SURNAMES), rng.pick(GIVEN))
}

fn org(rng: &mut Lcg) -> String {
    format!("{}{}", rng.pick(PLACES), rng.pick(ORG_TAILS))
}

/// One generated news sentence.
fn sentence(rng: &mut Lcg) -> String {
    let p = person(rng);
    let o = org(rng);
    let place = rng.pick(PLACES);
    let topic = rng.pick(TOPICS);
    let n = number(rng);
    let m = number(rng);
    let year = 1990 + rng.below(36);
    match rng.below(10) {
        0 => format!(
            "{o}{}{p}{}，{year}年该单位在{topic}方面投入资金{n}元，同比增长{m}%。",
            rng.pick(ROLES),
            rng.pick(VERBS)
        ),
        1 => format!(
            "据{o}统计，今年前{}个月，{place}共接待游客{n}人次，实现旅游收入约{m}亿元。",
            1 + rng.below(11)
        ),
        2 => format!(
            "记者从{o}获悉，{place}新建道路{n}公里，改造老旧小区{m}个，惠及居民近{}户。",
            10 + rng.below(9000)
        ),
        3 => format!(
            "“我们一定把{topic}做好。”{p}{}说，他在{place}工作了{}年。",
            rng.pick(ROLES),
            3 + rng.below(30)
        ),
        4 => format!(
            "{place}今年粮食总产量达到{n}吨，每亩平均产量{}公斤，较上年提高{}个百分点。",
            300 + rng.below(500),
            1 + rng.below(9)
        ),
        5 => format!(
            "{}月{}日，{p}率{o}代表团一行{}人赴{place}考察{topic}项目。",
            1 + rng.below(12),
            1 + rng.below(28),
            3 + rng.below(40)
        ),
        6 => format!(
            "该项目总投资{n}万元，占地面积约{m}平方米，预计{}年建成投产，可新增就业岗位{}个。",
            year,
            50 + rng.below(5000)
        ),
        7 => format!(
            "{o}与{}签署合作协议，双方将在{topic}、人才培养等领域开展合作。",
            org(rng)
        ),
        8 => format!(
            "受降雨影响，{place}境内气温下降{}摄氏度，部分路段积水深达{}厘米，{}名群众被安全转移。",
            2 + rng.below(10),
            10 + rng.below(80),
            n
        ),
        _ => format!(
            "{p}、{}和{}等{}位专家参加了由{o}主办的研讨会，会议持续了三天。",
            person(rng),
            person(rng),
            3 + rng.below(20)
        ),
    }
}

/// Generated news-like sentences, at least `bytes` of them.
pub fn generate(bytes: usize) -> Vec<String> {
    let mut rng = Lcg(20240601);
    let mut out = Vec::new();
    let mut total = 0;
    while total < bytes {
        let s = sentence(&mut rng);
        total += s.len();
        out.push(s);
    }
    out
}
