//! Whatever arrives — a definition, a deployment, a topic message, a pasted CSV — is an
//! error or a value, never a panic; and what the crate writes it reads back.

use loyal_workflow::{Deployment, InboxRequest, Message, Workflow, JOURNEY};
use proptest::prelude::*;

/// Mutations of a real definition reach deeper than random bytes.
fn mutated_definition() -> impl Strategy<Value = Vec<u8>> {
    (
        0..JOURNEY.len(),
        any::<usize>(),
        proptest::collection::vec(any::<u8>(), 0..8),
    )
        .prop_map(|(i, at, bytes)| {
            let mut doc = JOURNEY[i].1.as_bytes().to_vec();
            let at = at % doc.len();
            doc.splice(at..(at + bytes.len()).min(doc.len()), bytes);
            doc
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn definitions_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512), mutated in mutated_definition()) {
        let _ = Workflow::from_json(&bytes);
        if let Ok(w) = Workflow::from_json(&mutated) {
            // Whatever parses serializes and parses to the same.
            prop_assert_eq!(Workflow::from_json(w.to_json().as_bytes()).unwrap(), w);
        }
    }

    #[test]
    fn messages_and_deployments_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = Message::from_bytes(&bytes);
        let _ = Deployment::from_json(&bytes);
    }

    #[test]
    fn requests_round_trip(request in "[A-Za-z0-9_-]{1,64}", account in "0\\.0\\.[0-9]{1,6}", code in "\\PC{0,40}") {
        let r = InboxRequest {
            workflow: "fastshoes.redeem-twin".into(),
            request,
            account,
            inputs: [("code".to_owned(), serde_json::Value::from(code))].into(),
            proof: None,
        };
        prop_assert!(r.check().is_ok());
        let m = Message::Request(r);
        prop_assert_eq!(Message::from_bytes(&m.to_bytes()).unwrap(), m);
    }
}
