//! Entities: news-style sentences written by the team, a tiny training run,
//! whole-document behaviour and span invariants.

use zh_extract::train::{self, TrainOptions};
use zh_extract::{EntityKind, EntityModel, Extraction, Extractor};

use EntityKind::{Organization as Org, Person as Per, Place as Loc};

fn check_spans(text: &str, found: &Extraction<'_>) {
    let mut last_end = 0usize;
    let mut last_char_end = 0usize;
    for e in &found.entities {
        assert!(e.span.start < e.span.end, "empty span {e:?}");
        assert_eq!(&text[e.span.range()], e.text, "span does not slice back");
        assert!(e.span.start >= last_end, "unsorted or overlapping at {e:?}");
        assert!(e.span.char_start >= last_char_end);
        assert_eq!(
            text[..e.span.start].chars().count(),
            e.span.char_start,
            "char offset of {e:?}"
        );
        assert_eq!(e.span.char_end - e.span.char_start, e.text.chars().count());
        last_end = e.span.end;
        last_char_end = e.span.char_end;
    }
}

fn has(found: &Extraction<'_>, kind: EntityKind, text: &str) -> bool {
    found
        .entities
        .iter()
        .any(|e| e.kind == kind && e.text == text)
}

/// Sentences written for these tests, and entities that must be found in them.
const CASES: &[(&str, &[(EntityKind, &str)])] = &[
    (
        "本报记者王建国报道：宁波市鄞州区总工会昨天召开第五次代表大会。",
        &[(Per, "王建国")],
    ),
    (
        "通讯员李晓红介绍，余姚市梁弄镇横坎头村今年新建了三座文化礼堂。",
        &[(Per, "李晓红")],
    ),
    (
        "浙江省人民政府副省长张明在杭州会见了来访的德国客人。",
        &[(Loc, "杭州"), (Loc, "德国")],
    ),
    (
        "上海市第一人民医院的专家赶赴江苏省南京市开展义诊活动。",
        &[(Org, "上海市第一人民医院")],
    ),
    (
        "北京大学和清华大学的学生代表参加了在广州举行的交流会。",
        &[(Org, "北京大学"), (Org, "清华大学"), (Loc, "广州")],
    ),
    (
        "美国总统和法国总统在巴黎举行会谈，双方讨论了中东局势。",
        &[(Loc, "美国"), (Loc, "法国"), (Loc, "巴黎"), (Loc, "中东")],
    ),
    (
        "中国银行宁波分行向当地小微企业发放贷款五千万元。",
        &[(Org, "中国银行宁波分行")],
    ),
    (
        "村党支部书记陈志强带领村民在山坡上种下两千棵杨梅树。",
        &[(Per, "陈志强")],
    ),
    (
        "国务院总理在人民大会堂会见了日本首相。",
        &[(Org, "国务院"), (Loc, "日本")],
    ),
];

/// Outermost nested names: the organization swallows the places that lead
/// its name (MSRA, the training data, tags them apart; the extractor merges
/// them unless asked not to).
#[test]
fn outermost_nested_names() {
    let outermost = Extractor::new();
    let split = Extractor::builder().split_nested_names().build().unwrap();
    // (text, outermost names, names when split)
    type Names = &'static [(EntityKind, &'static str)];
    let cases: &[(&str, Names, Names)] = &[
        (
            "河南省郑州市公安局破获一起电信诈骗案。",
            &[(Org, "河南省郑州市公安局")],
            &[(Loc, "河南省"), (Org, "郑州市公安局")],
        ),
        (
            "北京市海淀区人民法院审理了此案。",
            &[(Org, "北京市海淀区人民法院")],
            &[(Loc, "北京市"), (Org, "海淀区人民法院")],
        ),
        (
            "宁波市鄞州区总工会昨天召开第五次代表大会。",
            &[(Org, "宁波市鄞州区总工会")],
            &[],
        ),
        // Places alone stay places, one by one.
        (
            "他出生在余姚市梁弄镇横坎头村。",
            &[(Loc, "余姚市"), (Loc, "梁弄镇"), (Loc, "横坎头村")],
            &[(Loc, "余姚市"), (Loc, "梁弄镇"), (Loc, "横坎头村")],
        ),
    ];
    for (text, merged, apart) in cases {
        let found = outermost.extract(text);
        check_spans(text, &found);
        for (kind, name) in *merged {
            assert!(has(&found, *kind, name), "{text}: {name}");
        }
        let found = split.extract(text);
        for (kind, name) in *apart {
            assert!(has(&found, *kind, name), "split: {text}: {name}");
        }
    }
}

#[test]
fn news_sentences() {
    let extractor = Extractor::new();
    let mut missing = Vec::new();
    for (text, want) in CASES {
        let found = extractor.extract(text);
        check_spans(text, &found);
        for (kind, name) in *want {
            if !has(&found, *kind, name) {
                missing.push(format!(
                    "{text}: {} {name} (found {:?})",
                    kind.as_str(),
                    found
                        .entities
                        .iter()
                        .map(|e| (e.kind.as_str(), e.text))
                        .collect::<Vec<_>>()
                ));
            }
        }
    }
    assert!(missing.is_empty(), "not found:\n{}", missing.join("\n"));
}

#[test]
fn soft_line_break_inside_a_name() {
    let text = "患者被紧急送往宁波市第二\n\n人民医院救治，目前情况稳定。";
    let found = Extractor::new().extract(text);
    check_spans(text, &found);
    let org = found
        .entities
        .iter()
        .find(|e| e.kind == Org)
        .expect("an organization");
    assert_eq!(org.text, "宁波市第二\n\n人民医院");
}

#[test]
fn alias_and_repeated_mentions() {
    let text = "宁波华力机械制造有限公司（以下简称华力）今年新增订单三成。\
                华力董事长表示，明年将扩大生产。记者从华力了解到，该公司员工已超过五百人。";
    let found = Extractor::new().extract(text);
    check_spans(text, &found);
    let alias_mentions = found
        .entities
        .iter()
        .filter(|e| e.text == "华力" && e.kind == Org)
        .count();
    assert!(alias_mentions >= 2, "{:?}", found.entities);
}

#[test]
fn span_invariants_on_odd_inputs() {
    let extractor = Extractor::new();
    let texts = [
        "",
        "\n\n\n",
        "ＡＢＣ公司在１２３号",
        "王",
        "。。。！！？？",
        "张三李四王五赵六钱七孙八",
        "emoji 😀 宁波市 😀 总工会",
        "北京\r\n上海\r\n广州",
        "🀄️中国🇨🇳北京",
        "宁波市宁波市宁波市宁波市宁波市宁波市宁波市宁波市宁波市宁波市",
    ];
    for t in texts {
        let found = extractor.extract(t);
        check_spans(t, &found);
    }
    let long = "记者张伟报道，杭州市西湖区人民法院审结一起合同纠纷案。\n".repeat(2000);
    let found = extractor.extract(&long);
    check_spans(&long, &found);
    assert!(found.entities.len() >= 2000);
}

#[test]
fn garbage_models_are_errors() {
    for bytes in [
        &b""[..],
        b"ZHXENT",
        b"ZHXENT\x01\x00\x01\xff\xff\xff\x7fgarbage",
        &[0u8; 100],
    ] {
        assert!(matches!(
            EntityModel::from_bytes(bytes),
            Err(zh_extract::Error::Model { .. })
        ));
    }
    // A real model cut anywhere is an error, never a panic.
    let mut bio = String::new();
    for (c, t) in "记者王明在上海"
        .chars()
        .zip(["O", "O", "B-PER", "I-PER", "O", "B-LOC", "I-LOC"])
    {
        bio.push_str(&format!("{c}\t{t}\n"));
    }
    let sentences = train::read_bio(bio.as_bytes()).unwrap();
    let mut options = TrainOptions::default();
    options.epochs = 2;
    for compress in [false, true] {
        options.compress = compress;
        let bytes = train::train(&sentences, &[], &options).unwrap();
        assert!(EntityModel::from_bytes(&bytes).is_ok());
        for cut in (0..bytes.len()).step_by(bytes.len() / 50 + 1) {
            assert!(EntityModel::from_bytes(&bytes[..cut]).is_err());
        }
        let mut flipped = bytes.clone();
        for i in (13..flipped.len()).step_by(97) {
            flipped[i] ^= 0x5a;
            let _ = EntityModel::from_bytes(&flipped);
        }
    }
}

/// Training data written for this test: `text`, then its entities.
const TINY: &[(&str, &[(EntityKind, &str)])] = &[
    (
        "记者周海涛报道，宁波港集团召开职工大会。",
        &[(Per, "周海涛"), (Org, "宁波港集团")],
    ),
    ("周海涛在慈溪市调研。", &[(Per, "周海涛"), (Loc, "慈溪市")]),
    ("慈溪市总工会慰问困难职工。", &[(Org, "慈溪市总工会")]),
    (
        "宁波港集团在慈溪市设立服务站。",
        &[(Org, "宁波港集团"), (Loc, "慈溪市")],
    ),
    ("职工代表向周海涛反映情况。", &[(Per, "周海涛")]),
    ("今天天气晴朗，适合出行。", &[]),
];

fn to_bio(cases: &[(&str, &[(EntityKind, &str)])]) -> String {
    let mut out = String::new();
    for (text, ents) in cases {
        let chars: Vec<char> = text.chars().collect();
        let mut tags = vec!["O".to_owned(); chars.len()];
        for (kind, name) in *ents {
            let at = text.find(name).unwrap();
            let s = text[..at].chars().count();
            let n = name.chars().count();
            let ty = match kind {
                Per => "PER",
                Loc => "LOC",
                _ => "ORG",
            };
            tags[s] = format!("B-{ty}");
            for t in &mut tags[s + 1..s + n] {
                *t = format!("I-{ty}");
            }
        }
        for (c, t) in chars.iter().zip(&tags) {
            out.push_str(&format!("{c} {t}\n"));
        }
        out.push('\n');
    }
    out
}

#[test]
fn tiny_training_run_learns_its_sentences() {
    let bio = to_bio(TINY);
    let sentences = train::read_bio(bio.as_bytes()).unwrap();
    assert_eq!(sentences.len(), TINY.len());
    let mut options = TrainOptions::default();
    options.epochs = 10;
    options.min_count = 1;
    let bytes = train::train(&sentences, &[], &options).unwrap();
    // Same input, same bytes.
    assert_eq!(bytes, train::train(&sentences, &[], &options).unwrap());
    let model = EntityModel::from_bytes(&bytes).unwrap();
    let scores = train::evaluate(&model, &sentences);
    assert_eq!(scores.overall().f1(), 1.0, "{:?}", scores);
    let extractor = Extractor::builder().entity_model(model).build().unwrap();
    let found = extractor.extract("记者周海涛报道，宁波港集团召开职工大会。");
    assert!(has(&found, Per, "周海涛"));
    assert!(has(&found, Org, "宁波港集团"));
}

#[test]
fn bio_errors_name_the_line() {
    let err = train::read_bio("王\tB-PER\n明\tX-FOO\n".as_bytes()).unwrap_err();
    assert!(
        matches!(err, zh_extract::Error::TrainingData { line: 2, .. }),
        "{err}"
    );
    let err = train::read_bio("王明\tB-PER\n".as_bytes()).unwrap_err();
    assert!(
        matches!(err, zh_extract::Error::TrainingData { line: 1, .. }),
        "{err}"
    );
}

/// A PDF break inside a name in a document of long paragraphs: a short
/// line is read through when it is prose (it has a comma), and the span
/// keeps the break. Amounts are not swallowed by runaway "names".
#[test]
fn 段落文档里断行的名称与金额() {
    let extractor = Extractor::new();
    let long = "市总工会今年开展职工技能培训，覆盖全市各区县市的重点企业和园区，参训职工人数较上年明显增加，培训内容涵盖安全生产、数字技能和职业素养等方面。";
    let cases: &[(String, &str)] = &[
        (
            format!(
                "{long}\n\n8月，集团组织十余名医护志愿者赴宁波市第二\n\n人民医院开展义诊。\n\n{long}"
            ),
            "宁波市第二\n\n人民医院",
        ),
        (
            format!("{long}\n\n今年，来自江苏\n\n省的客商到访。"),
            "江苏\n\n省",
        ),
    ];
    for (text, name) in cases {
        let found = extractor.extract(text);
        check_spans(text, &found);
        assert!(
            found.entities.iter().any(|e| e.text == *name),
            "{name:?} in {:?}",
            found.entities
        );
    }
    for text in ["US$1,159,121名多", "合计US$1,159,121。"] {
        let found = extractor.extract(text);
        check_spans(text, &found);
        assert!(
            found.quantities.iter().any(|q| q.text == "US$1,159,121"),
            "{text}: {:?}",
            found
        );
    }
}

/// `train::join_sentences` (what `evaluate --documents N` scores): a
/// sentence with a final mark runs on into the next, one without ends its
/// line; entities keep pointing at their names.
#[test]
fn 连续句子拼成文档() {
    let bio = "王\tB-PER\n芳\tI-PER\n说\tO\n。\tO\n\n宁\tB-LOC\n波\tI-LOC\n\n好\tO\n";
    let sentences = train::read_bio(bio.as_bytes()).unwrap();
    // (sentences per document, documents, names in each)
    type Case = (
        usize,
        &'static [&'static str],
        &'static [&'static [&'static str]],
    );
    let cases: &[Case] = &[
        (1, &["王芳说。", "宁波", "好"], &[&["王芳"], &["宁波"], &[]]),
        (2, &["王芳说。宁波", "好"], &[&["王芳", "宁波"], &[]]),
        (3, &["王芳说。宁波\n好"], &[&["王芳", "宁波"]]),
    ];
    for &(per_document, texts, names) in cases {
        let documents = train::join_sentences(&sentences, per_document);
        let found: Vec<&str> = documents.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(found, texts, "{per_document}");
        for (d, names) in documents.iter().zip(names) {
            let chars: Vec<char> = d.text.chars().collect();
            let spans: Vec<String> = d
                .entities
                .iter()
                .map(|&(_, s, e)| chars[s..e].iter().collect())
                .collect();
            assert_eq!(spans, *names, "{per_document}: {}", d.text);
        }
    }
}

/// `train::read_documents` (gold JSON Lines, what `evaluate FILE.jsonl`
/// scores) and `train::split_lines` (its `--lines`): spans in chars, a
/// name across a line break stays with the line it starts on, cut there.
#[test]
fn 金标文档与按行切分() {
    let jsonl = concat!(
        r#"{"id": "a", "text": "宁波市第二\n人民医院的王芳说。", "entities": ["#,
        r#"{"kind": "person", "start": 11, "end": 13},"#,
        r#"{"kind": "organization", "start": 0, "end": 10}]}"#,
        "\n\n",
        r#"{"text": "没有名字。"}"#,
        "\n"
    );
    let documents = train::read_documents(jsonl.as_bytes()).unwrap();
    let names = |d: &train::Sentence| -> Vec<String> {
        let chars: Vec<char> = d.text.chars().collect();
        d.entities
            .iter()
            .map(|&(k, s, e)| format!("{}:{}", k.as_str(), chars[s..e].iter().collect::<String>()))
            .collect()
    };
    assert_eq!(documents.len(), 2);
    assert_eq!(
        names(&documents[0]),
        ["organization:宁波市第二\n人民医院", "person:王芳"]
    );
    assert!(documents[1].entities.is_empty());
    let lines = train::split_lines(&documents);
    let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(texts, ["宁波市第二", "人民医院的王芳说。", "没有名字。"]);
    assert_eq!(names(&lines[0]), ["organization:宁波市第二"]);
    assert_eq!(names(&lines[1]), ["person:王芳"]);

    // (line, what is wrong)
    let bad: &[(&str, &str)] = &[
        (
            r#"{"text": "王芳", "entities": [{"kind": "人", "start": 0, "end": 2}]}"#,
            "kind",
        ),
        (
            r#"{"text": "王芳", "entities": [{"kind": "person", "start": 0, "end": 3}]}"#,
            "outside",
        ),
        (
            r#"{"text": "王芳说", "entities": [{"kind": "person", "start": 0, "end": 2}, {"kind": "place", "start": 1, "end": 3}]}"#,
            "overlap",
        ),
        (r#"{"entities": []}"#, "text"),
    ];
    for &(line, what) in bad {
        let input = format!("{{\"text\": \"好\"}}\n{line}\n");
        let e = train::read_documents(input.as_bytes())
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 2") && e.contains(what), "{line}: {e}");
    }
}

/// `train::training_sentences`: gold documents cut as the extractor reads
/// them. A PDF wrap inside a name is read through (the name whole, the
/// break gone); a sentence a name runs out of, across a break the view
/// keeps (before a deeper-indented line), is left out, and so is the
/// rest of the name; full-width digits are folded.
#[test]
fn 金标文档切成训练句子() {
    let text = "　　２月，职工赴宁波市第二\n人民医院体检。王芳说：“好！”\n职工张\n        三来了。";
    let chars: Vec<char> = text.chars().collect();
    let at = |name: &str| {
        let n: Vec<char> = name.chars().collect();
        (0..chars.len())
            .find(|&i| chars[i..].starts_with(&n))
            .unwrap()
    };
    let (org, per, cut) = (at("宁波市第二\n人民医院"), at("王芳"), at("张\n        三"));
    let document = train::Sentence {
        text: text.to_owned(),
        entities: vec![
            (EntityKind::Organization, org, org + 10),
            (EntityKind::Person, per, per + 2),
            (EntityKind::Person, cut, cut + 11),
        ],
    };
    let sentences = train::training_sentences(&[document]);
    let read: Vec<(String, Vec<String>)> = sentences
        .iter()
        .map(|s| {
            let c: Vec<char> = s.text.chars().collect();
            let names = s
                .entities
                .iter()
                .map(|&(_, a, b)| c[a..b].iter().collect())
                .collect();
            (s.text.clone(), names)
        })
        .collect();
    let want = [
        (
            "2月，职工赴宁波市第二人民医院体检。",
            vec!["宁波市第二人民医院"],
        ),
        ("王芳说：“好！”", vec!["王芳"]),
    ];
    let want: Vec<(String, Vec<String>)> = want
        .iter()
        .map(|(t, n)| (t.to_string(), n.iter().map(|x| x.to_string()).collect()))
        .collect();
    assert_eq!(read, want);
}
