use super::*;

pub(crate) fn sample() -> Presentation {
    Presentation::new(AccountId::new(0, 0, 1005))
        .with_audience("http://127.0.0.1:8080")
        .with_purpose("StillWater concert tickets")
        .with_nonce("Qm3hY1vV0pE8nB2kXcZr7w")
        .with_issued_at(Timestamp::new(1_796_255_100, 0))
        .with_expires_at(Timestamp::new(1_796_255_400, 0))
        .with_fungible(TokenId::new(0, 0, 3001), 2)
        .with_nft(TokenId::new(0, 0, 2001), 42)
}

#[test]
fn the_documented_message() {
    let m = sample().message();
    assert_eq!(
        m,
        "loyal-proof/1\nholder: 0.0.1005\naudience: http://127.0.0.1:8080\npurpose: StillWater concert tickets\nnonce: Qm3hY1vV0pE8nB2kXcZr7w\nissued-at: 2026-12-02T23:45:00Z\nexpires-at: 2026-12-02T23:50:00Z\nclaim: nft 0.0.2001/42\nclaim: fungible 0.0.3001 >= 2"
    );
    let back = Presentation::parse(&m).unwrap();
    assert_eq!(back.message(), m);
    assert_eq!(back.claims, sample().sorted_claims());
}

#[test]
fn refuses_every_other_spelling() {
    let m = sample().message();
    let cases: Vec<(String, &str)> = vec![
        (format!("{m}\n"), "PROOF_DECODE"),
        (m.replace("\n", "\r\n"), "PROOF_DECODE"),
        (
            m.replacen("loyal-proof/1", "loyal-proof/2", 1),
            "PROOF_VERSION",
        ),
        (
            m.replacen("loyal-proof/1", "Loyal-proof/1", 1),
            "PROOF_DECODE",
        ),
        (
            m.replace("holder: 0.0.1005", "holder: 0.0.01005"),
            "PROOF_DECODE",
        ),
        (
            m.replace("holder: 0.0.1005", "holder: 0.0.1005-vfmkw"),
            "PROOF_DECODE",
        ),
        (m.replace("holder: ", "holder:  "), "PROOF_DECODE"),
        (
            m.replace("nft 0.0.2001/42", "nft 0.0.2001/042"),
            "PROOF_DECODE",
        ),
        (
            m.replace("nft 0.0.2001/42", "nft 0.0.2001/+42"),
            "PROOF_DECODE",
        ),
        (m.replace(">= 2", ">= 99999999999999999999"), "PROOF_DECODE"),
        (m.replace("23:45:00Z", "23:45:00.000Z"), "PROOF_DECODE"),
        (
            m.replace(
                "audience: http://127.0.0.1:8080",
                "audience: http://127.0.0.1:8080/",
            ),
            "PROOF_DECODE",
        ),
        (
            m.replace("StillWater concert", "StillWater\u{202e}concert"),
            "PROOF_DECODE",
        ),
        (
            m.replace("StillWater concert tickets", "StillWater concert tickets "),
            "PROOF_DECODE",
        ),
        (m.replace("Qm3hY1vV0pE8nB2kXcZr7w", "short"), "PROOF_DECODE"),
        (
            m.replace("Qm3hY1vV0pE8nB2kXcZr7w", "Qm3hY1vV0pE8nB2kXcZr7w+"),
            "PROOF_DECODE",
        ),
        // Claims out of canonical order, duplicated, or none.
        (
            m.replace(
                "claim: nft 0.0.2001/42\nclaim: fungible 0.0.3001 >= 2",
                "claim: fungible 0.0.3001 >= 2\nclaim: nft 0.0.2001/42",
            ),
            "PROOF_DECODE",
        ),
        (
            m.replace(
                "claim: nft 0.0.2001/42",
                "claim: nft 0.0.2001/42\nclaim: nft 0.0.2001/42",
            ),
            "PROOF_DECODE",
        ),
        (
            m.split("\nclaim").next().unwrap().to_owned(),
            "PROOF_DECODE",
        ),
        // Fields swapped or repeated.
        (
            m.replacen(
                "holder: 0.0.1005\naudience: http://127.0.0.1:8080",
                "audience: http://127.0.0.1:8080\nholder: 0.0.1005",
                1,
            ),
            "PROOF_DECODE",
        ),
        (String::new(), "PROOF_DECODE"),
        ("x".repeat(5000), "PROOF_DECODE"),
    ];
    for (text, code) in cases {
        let err = Presentation::parse(&text).unwrap_err();
        assert_eq!(err.code(), code, "{text:?}: {err}");
    }
}

#[test]
fn claim_bounds() {
    let mut p = sample();
    p.claims = (1..=MAX_CLAIMS as u64)
        .map(|s| Claim::Nft {
            token: TokenId::new(0, 0, 9),
            serial: s,
        })
        .collect();
    assert_eq!(
        Presentation::parse(&p.message()).unwrap(),
        Presentation {
            claims: p.sorted_claims(),
            ..p.clone()
        }
    );
    p.claims.push(Claim::Nft {
        token: TokenId::new(0, 0, 9),
        serial: 99,
    });
    assert_eq!(p.validate().unwrap_err().code(), "PROOF_DECODE");
    assert_eq!(
        Presentation::parse(&p.message()).unwrap_err().code(),
        "PROOF_DECODE"
    );
    // Serials sort numerically, not as text.
    let q = sample().with_nft(TokenId::new(0, 0, 2001), 9);
    assert!(q.message().contains("0.0.2001/9\nclaim: nft 0.0.2001/42"));
}
