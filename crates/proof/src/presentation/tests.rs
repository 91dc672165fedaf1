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
