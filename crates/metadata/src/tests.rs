#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;

fn twin() -> NftMetadata {
    NftMetadata::builder(
        "FastShoes Runner 42",
        "ipfs://bafkreibwci24bt2xtqi23g35gfx63wj555u77lwl2t55ajbfjqomgefxce",
        "image/png",
    )
    .with_creator("BestProducer")
    .with_description("Digital twin of one pair of FastShoes runners")
    .with_property("serial", "FS-42-0001")
    .with_property("factory", "Porto")
    .with_attribute(Attribute::new("provenance", "Porto, PT"))
    .with_attribute(Attribute::score("sustainability_score", 87, 100))
    .with_attribute(Attribute::score("workers_conditions_score", 92, 100))
    .build()
    .unwrap()
}

#[test]
fn round_trips_and_is_byte_stable() {
    let t = twin();
    let json = t.to_json_bytes();
    assert_eq!(NftMetadata::from_json(&json).unwrap(), t);
    assert_eq!(NftMetadata::from_json(&json).unwrap().to_json_bytes(), json);
    let text = String::from_utf8(json).unwrap();
    // The HIP's field order; properties sorted.
    let order = [
        "\"name\"",
        "\"creator\"",
        "\"description\"",
        "\"image\"",
        "\"type\"",
        "\"format\"",
        "\"properties\"",
        "\"attributes\"",
    ];
    let positions: Vec<usize> = order.iter().map(|k| text.find(k).unwrap()).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{text}");
    assert!(text.find("\"factory\"").unwrap() < text.find("\"serial\"").unwrap());
    assert!(text.contains("\"format\":\"HIP412@2.0.0\""));
}

#[test]
fn the_hips_own_example_validates() {
    let example = r#"{
        "name": "Example NFT 001",
        "creator": "Jane Doe, John Doe",
        "creatorDID": "did:hedera:mainnet:7Prd74ry1Uct87nZqL3ny7aR7Cg46JamVbJgk8azVgUm;hedera:mainnet:fid=0.0.123",
        "description": "This describes my NFT",
        "image": "https://myserver.com/preview-image-nft-001.png",
        "checksum": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        "type": "image/png",
        "format": "HIP412@2.0.0",
        "properties": { "external_url": "https://nft.com/mycollection/001" },
        "files": [
            { "uri": "https://myserver.com/high-resolution-nft-001.png", "checksum": "9defbb6402d4bf39f2ea580099c73194647b24a659b6f6b778e3dd71755b8862", "is_default_file": true, "type": "image/png" },
            { "uri": "ipfs://yusopwpksaioposjfopiapnnjlsl", "type": "image/png" }
        ],
        "attributes": [
            { "trait_type": "color", "display_type": "color", "value": "rgb(255,0,0)" },
            { "trait_type": "hasPipe", "display_type": "boolean", "value": true },
            { "trait_type": "coolness", "display_type": "boost", "value": 10, "max_value": 100 },
            { "trait_type": "stamina", "display_type": "percentage", "value": 83 },
            { "trait_type": "birth", "display_type": "datetime", "value": 732844800 }
        ],
        "localization": { "uri": "ipfs://QmWS1VAdMD353A6SDk9wNyvkT14kyCiZrNDYAad4w1tKqT/{locale}.json", "default": "en", "locales": ["es", "fr"] }
    }"#;
    let parsed = NftMetadata::from_json(example.as_bytes()).unwrap();
    assert_eq!(
        NftMetadata::from_json(&parsed.to_json_bytes()).unwrap(),
        parsed
    );
}

/// The HIP's video and localized multi-file examples, as the HIP gives them: nested file
/// metadata need not repeat the root's required fields.
#[test]
fn the_hips_nested_file_examples_validate() {
    let video = r#"{
        "name": "Example NFT", "creator": "Jane Doe, John Doe", "description": "This is an example NFT metadata",
        "image": "ipfs://bafkreibwci24bt2xtqi23g35gfx63wj555u77lwl2t55ajbfjqomgefxce", "type": "image/jpg",
        "files": [{ "uri": "ipfs://bawlkjaklfjoiaefklankfldanmfoieiajfl", "type": "video/mp4",
            "metadata": { "name": "video name", "description": "nested file metadata",
                "image": "ipfs://bakcjlajeioajflakdjfneafoaeinovandklf",
                "properties": { "additional_description": "The image in this nested metadata is the video thumbnail." } } }]
    }"#;
    let localized = r#"{
        "name": "Example NFT", "image": "https://myserver.com/preview-image-001.png",
        "checksum": "9defbb6402d4bf39f2ea580099c73194647b24a659b6f6b778e3dd71755b8862", "type": "image/png",
        "files": [
            { "uri": "ipfs://bawlkjaklfjoiaefklankfldanmfoieiajfl", "type": "video/mp4", "is_default_file": true,
              "metadata": { "name": "Example Video" } },
            { "uri": "ipfs://bawlkjaklfjoiaefklankfldanmfoieiajfl", "type": "application/pdf",
              "metadata": { "name": "Example second file", "image": "ipfs://bawlkjaklfjoiaefklankflda1313ieiajfl", "type": "image/jpeg" } }
        ],
        "localization": { "uri": "ipfs://QmWS1VAdMD353A6SDk9wNyvkT14kyCiZrNDYAad4w1tKqT/{locale}.json", "default": "en", "locales": ["es", "fr"] }
    }"#;
    for json in [video, localized] {
        let parsed = NftMetadata::from_json(json.as_bytes()).unwrap();
        let again = parsed.to_json_bytes();
        assert_eq!(
            NftMetadata::from_json(&again).unwrap().to_json_bytes(),
            again
        );
    }
}

#[test]
fn invalid_metadata_names_the_field() {
    let cases: &[(&str, &str, &str)] = &[
        (
            r#"{"image":"ipfs://x","type":"image/png"}"#,
            "METADATA_MISSING_FIELD",
            "name",
        ),
        (
            r#"{"name":"a","type":"image/png"}"#,
            "METADATA_MISSING_FIELD",
            "image",
        ),
        (
            r#"{"name":"a","image":"ipfs://x"}"#,
            "METADATA_MISSING_FIELD",
            "type",
        ),
        (
            r#"{"name":"a","image":"not a uri","type":"image/png"}"#,
            "METADATA_INVALID_FIELD",
            "image",
        ),
        (
            r#"{"name":"a","image":"ipfs://x","type":"png"}"#,
            "METADATA_INVALID_FIELD",
            "type",
        ),
        (
            r#"{"name":"a","image":"ipfs://x","type":"image/png","checksum":"abc"}"#,
            "METADATA_INVALID_FIELD",
            "checksum",
        ),
        (
            r#"{"name":"a","image":"ipfs://x","type":"image/png","files":[{"uri":"ipfs://y","type":"nope"}]}"#,
            "METADATA_INVALID_FIELD",
            "files[0].type",
        ),
        (
            r#"{"name":"a","image":"ipfs://x","type":"image/png","attributes":[{"trait_type":"s","value":120,"max_value":100}]}"#,
            "METADATA_INVALID_FIELD",
            "attributes[0].value",
        ),
        (
            r#"{"name":"a","image":"ipfs://x","type":"image/png","attributes":[{"trait_type":"s","value":{"no":1}}]}"#,
            "METADATA_INVALID_FIELD",
            "attributes[0].value",
        ),
        (
            r#"{"name":"a","image":"ipfs://x","type":"image/png","files":[{"uri":"ipfs://y","type":"a/b","metadata":{"name":"n","image":"bad","type":"a/b"}}]}"#,
            "METADATA_INVALID_FIELD",
            "files[0].metadata.image",
        ),
        (
            r#"{"name":"a","image":"ipfs://x","type":"image/png","format":"HIP412@1.0.0"}"#,
            "METADATA_INVALID_FIELD",
            "format",
        ),
        (
            r#"{"name":"a","image":"ipfs://x","type":"image/png","format":" "}"#,
            "METADATA_INVALID_FIELD",
            "format",
        ),
        (
            r#"{"name":"a","image":"ipfs://x","type":"image/png","attributes":[{"trait_type":"s","value":1,"max_value":{"n":2}}]}"#,
            "METADATA_INVALID_FIELD",
            "attributes[0].max_value",
        ),
        (
            r#"{"name":"a","image":"ipfs://x","type":"image/png","localization":{"uri":"ipfs://y/{locale}.json","default":"english","locales":[]}}"#,
            "METADATA_INVALID_FIELD",
            "localization.default",
        ),
        (
            r#"{"name":"a","image":"ipfs://x","type":"image/png","localization":{"uri":"ipfs://y/{locale}.json","default":"en","locales":["es","zz-top"]}}"#,
            "METADATA_INVALID_FIELD",
            "localization.locales[1]",
        ),
        (
            r#"{"name":"a","image":"ipfs://x","type":"image/png","files":[{"uri":"ipfs://y","type":"a/b","metadata":{"name":7}}]}"#,
            "METADATA_INVALID_FIELD",
            "files[0].metadata.name",
        ),
        // The schema allows no other keys in a file, attribute or localization: typos are
        // refused, not dropped.
        (
            r#"{"name":"a","image":"ipfs://x","type":"image/png","files":[{"uri":"ipfs://y","type":"a/b","checksm":"x"}]}"#,
            "METADATA_JSON",
            "",
        ),
        (
            r#"{"name":"a","image":"ipfs://x","type":"image/png","attributes":[{"trait_type":"s","value":1,"rarity":3}]}"#,
            "METADATA_JSON",
            "",
        ),
        (
            r#"{"name":"a","image":"ipfs://x","type":"image/png","royalties":5}"#,
            "METADATA_JSON",
            "",
        ),
        (r#"[1,2]"#, "METADATA_MISSING_FIELD", "name"),
        (r#"{"#, "METADATA_JSON", ""),
    ];
    for (json, code, field) in cases {
        let err = NftMetadata::from_json(json.as_bytes()).unwrap_err();
        assert_eq!(err.code(), *code, "{json}: {err}");
        match &err {
            Error::MissingField { field: f } | Error::InvalidField { field: f, .. } => {
                assert_eq!(f, field, "{json}")
            }
            Error::Json { .. } => {}
        }
    }
}

#[test]
fn on_ledger_uri_fits_in_100_bytes() {
    assert_eq!(metadata_uri("bafkreiabc").unwrap(), "ipfs://bafkreiabc");
    assert_eq!(
        metadata_uri(&"b".repeat(94)).unwrap_err().code(),
        "METADATA_INVALID_FIELD"
    );
}
