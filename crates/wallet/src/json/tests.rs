use super::*;

/// What serde_json reads, as our reader reads it (written back and read by serde_json).
fn same_as_serde(text: &str) {
    let ours = parse(text.as_bytes());
    let theirs: Option<serde_json::Value> = serde_json::from_str(text).ok();
    match (ours, theirs) {
        (Some(v), Some(t)) => {
            let back: serde_json::Value = serde_json::from_str(&v.to_string()).unwrap();
            assert_eq!(back, t, "{text}");
        }
        (None, None) => {}
        (ours, theirs) => panic!("{text}: ours {ours:?}, serde_json {theirs:?}"),
    }
}

#[test]
fn reads_what_serde_json_reads_and_refuses_what_it_refuses() {
    for text in [
        r#"{"a":1,"b":[true,false,null],"c":{"d":"e"}}"#,
        r#" { "signerAccountId" : "hedera:devnet:0.0.1005" , "message":"h\u00e9llo \ud83d\ude00 \"q\" \\ \/ \n\t" } "#,
        r#"[-0, 0.5, -12.5e+3, 1E2, 18446744073709551615, -9223372036854775808]"#,
        r#""""#,
        r#"{}"#,
        r#"[]"#,
        r#"{"a":1,"a":2}"#,
        // Refused by both:
        r#"{"a":1,}"#,
        r#"[1,]"#,
        r#"01"#,
        r#"1."#,
        r#".5"#,
        r#"-"#,
        r#"1e"#,
        r#"{"a" 1}"#,
        r#"{'a':1}"#,
        "\"tab\there\"",
        r#""\x""#,
        r#""\ud83d""#,
        r#""\ud83dx""#,
        r#""\u12G4""#,
        r#"nul"#,
        r#"truex"#,
        r#"[1] 2"#,
        r#"{"a":[1,2"#,
        "",
        "  ",
    ] {
        same_as_serde(text);
    }
}

#[test]
fn a_repeated_key_reads_as_its_last_value() {
    let v = parse(br#"{"a":1,"b":2,"a":3}"#).unwrap();
    assert_eq!(v["a"].as_u64(), Some(3));
    assert_eq!(v.to_string(), r#"{"b":2,"a":3}"#);
    let mut map = object(br#"{"k":"x","k":"y"}"#).unwrap();
    assert_eq!(take_string(&mut map, "k").as_deref(), Some("y"));
    assert_eq!(map.get("k"), None);
}

#[test]
fn numbers_are_integers_on_demand() {
    let v = parse(br#"{"big":5000000000000000000,"neg":-3,"half":0.5,"exp":1e3}"#).unwrap();
    assert_eq!(v["big"].as_i64(), Some(5_000_000_000_000_000_000));
    assert_eq!(v["neg"].as_i64(), Some(-3));
    assert_eq!(v["neg"].as_u64(), None);
    assert_eq!(v["half"].as_u64(), None);
    assert_eq!(v["exp"].as_u64(), None);
    assert_eq!(v["missing"], Value::Null);
}

#[test]
fn deep_nesting_is_refused_not_a_stack_overflow() {
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    assert_eq!(parse(deep.as_bytes()), None);
    let ok = "[".repeat(20) + &"]".repeat(20);
    assert!(parse(ok.as_bytes()).is_some());
}

#[test]
fn strings_are_written_escaped() {
    let v = crate::obj! { "m": "a\"b\\c\nd\u{1}é", "n": 7u32, "o": Option::<String>::None, "l": vec!["x"] };
    let text = v.to_string();
    assert_eq!(
        text,
        r#"{"m":"a\"b\\c\nd\u0001é","n":7,"o":null,"l":["x"]}"#
    );
    assert_eq!(parse(text.as_bytes()), Some(v));
}
