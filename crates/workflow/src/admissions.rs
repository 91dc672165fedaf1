//! Entries through a venue's gates, decided the same way by every gate that reads the
//! organisation's outcomes topic. A gate first records an [`Message::Admission`] (the holder,
//! the tickets its verified proof showed, the gate's one-time code), then reads the topic up to
//! its own record and applies [`entry`]. Record first, count after: two gates admitting the same
//! holder at the same moment both record, and consensus order decides which of them gets in —
//! counting first and recording after would let both in.
//!
//! The rule, over one holder's admissions for one token in sequence order: an admission is an
//! entry while the entries before it are fewer than the tickets it showed; otherwise it is a
//! refusal and counts for nothing (a holder refused today who buys another ticket gets in
//! tomorrow). A code seen again is the same admission, counted once.

use crate::Message;

/// What a gate's own record turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    /// The `number`th entry of `tickets`.
    Admitted { number: u64, tickets: u64 },
    /// Already `entered` times on `tickets` ticket(s).
    Refused { entered: u64, tickets: u64 },
}

/// Decides the admission recorded at `sequence`, from the topic's messages `(sequence, bytes)`
/// up to it (any order, other messages ignored). `None` if that record is not among them (the
/// mirror has not caught up) or is not an admission.
pub fn entry<'a>(
    messages: impl IntoIterator<Item = (u64, &'a [u8])>,
    sequence: u64,
) -> Option<Entry> {
    let mut admissions: Vec<(u64, String, String, String, u64)> = messages
        .into_iter()
        .filter(|(seq, _)| *seq <= sequence)
        .filter_map(|(seq, bytes)| match Message::from_bytes(bytes) {
            Ok(Message::Admission {
                token,
                holder,
                nonce,
                tickets,
            }) => Some((seq, token, holder, nonce, tickets)),
            _ => None,
        })
        .collect();
    admissions.sort_by_key(|a| a.0);
    admissions.dedup_by_key(|a| a.0);
    let (_, token, holder, _, ours) = admissions.iter().find(|a| a.0 == sequence)?.clone();
    let mut seen: Vec<&str> = Vec::new();
    let mut entered = 0;
    for (seq, t, h, nonce, tickets) in &admissions {
        if *t != token || *h != holder || seen.contains(&nonce.as_str()) {
            continue;
        }
        seen.push(nonce);
        let admitted = entered < *tickets;
        if admitted {
            entered += 1;
        }
        if *seq == sequence {
            return Some(if admitted {
                Entry::Admitted {
                    number: entered,
                    tickets: *tickets,
                }
            } else {
                Entry::Refused {
                    entered,
                    tickets: *tickets,
                }
            });
        }
    }
    // Our record's code was seen earlier: it is that earlier admission, already decided.
    Some(Entry::Refused {
        entered,
        tickets: ours,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn admission(holder: &str, nonce: &str, tickets: u64) -> Vec<u8> {
        Message::Admission {
            token: "0.0.2003".into(),
            holder: holder.into(),
            nonce: nonce.into(),
            tickets,
        }
        .to_bytes()
    }

    fn decide(topic: &[(u64, Vec<u8>)], sequence: u64) -> Option<Entry> {
        entry(topic.iter().map(|(s, b)| (*s, b.as_slice())), sequence)
    }

    #[test]
    fn one_ticket_one_entry_across_gates() {
        // Two gates record Alice at once (sequences 2 and 3): the first in consensus order
        // gets in, the other is refused, whichever gate reads first.
        let topic = vec![
            (1, b"{\"v\":1,\"type\":\"claim\"}".to_vec()),
            (2, admission("0.0.1005", "gate-a-1", 1)),
            (3, admission("0.0.1005", "gate-b-1", 1)),
            (4, admission("0.0.1006", "gate-b-2", 1)),
        ];
        assert_eq!(
            decide(&topic, 2),
            Some(Entry::Admitted {
                number: 1,
                tickets: 1
            })
        );
        assert_eq!(
            decide(&topic, 3),
            Some(Entry::Refused {
                entered: 1,
                tickets: 1
            })
        );
        assert_eq!(
            decide(&topic, 4),
            Some(Entry::Admitted {
                number: 1,
                tickets: 1
            })
        );
        // Not yet on the mirror, or not an admission.
        assert_eq!(decide(&topic, 5), None);
        assert_eq!(decide(&topic, 1), None);
    }

    #[test]
    fn refusals_count_for_nothing_and_codes_count_once() {
        let topic = vec![
            (2, admission("0.0.1005", "a", 1)),
            (3, admission("0.0.1005", "b", 1)),
            // She bought a second ticket: the next admission shows 2 and gets in.
            (5, admission("0.0.1005", "c", 2)),
            (6, admission("0.0.1005", "d", 2)),
            // The record of code "c" seen again (a gate that retried its submission).
            (7, admission("0.0.1005", "c", 2)),
        ];
        assert_eq!(
            decide(&topic, 5),
            Some(Entry::Admitted {
                number: 2,
                tickets: 2
            })
        );
        assert_eq!(
            decide(&topic, 6),
            Some(Entry::Refused {
                entered: 2,
                tickets: 2
            })
        );
        assert!(matches!(decide(&topic, 7), Some(Entry::Refused { .. })));
        // Messages in any order from the mirror's pages decide the same.
        let mut shuffled = topic.clone();
        shuffled.reverse();
        assert_eq!(decide(&shuffled, 5), decide(&topic, 5));
    }
}
