//! Ordering the short lists a transaction carries (transfers, token lists, airdrop ids). The
//! network caps them at tens of entries, where an insertion sort is as fast as std's and costs a
//! few hundred bytes of wasm instead of ~10 KB per element type for its stable sort.

/// Stable: entries that compare equal keep the order they were added in, as the SDK's do.
pub(crate) fn sort_by<T>(v: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && less(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Whether two entries are equal (quadratic: for the same capped lists).
pub(crate) fn has_duplicates<T: PartialEq>(v: &[T]) -> bool {
    v.iter()
        .enumerate()
        .any(|(i, a)| v[i + 1..].iter().any(|b| a == b))
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn sorts_stably_like_std() {
        // Pairs compared by the first element only: the second records insertion order.
        let mut seed = 12345u32;
        for len in 0..40 {
            let mut v: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    ((seed >> 16) % 7, i)
                })
                .collect();
            let mut expected = v.clone();
            expected.sort_by_key(|p| p.0);
            sort_by(&mut v, |a, b| a.0 < b.0);
            assert_eq!(v, expected);
        }
    }

    #[test]
    fn finds_duplicates() {
        assert!(!has_duplicates::<u8>(&[]));
        assert!(!has_duplicates(&[1, 2, 3]));
        assert!(has_duplicates(&[1, 2, 1]));
    }
}
