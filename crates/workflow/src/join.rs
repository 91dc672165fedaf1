//! Futures run side by side on the caller's task, with no executor or futures crate: how a
//! staff action's rows and their topic records overlap their network round trips.

use core::future::{poll_fn, Future};
use core::pin::Pin;
use core::task::Poll;

/// Runs every future to completion, all at once; their outputs in the order given.
pub(crate) async fn join_all<F: Future>(futures: Vec<F>) -> Vec<F::Output> {
    let mut running: Vec<Pin<Box<F>>> = futures.into_iter().map(Box::pin).collect();
    let mut outputs: Vec<Option<F::Output>> = running.iter().map(|_| None).collect();
    poll_fn(|cx| {
        let mut pending = false;
        for (future, output) in running.iter_mut().zip(outputs.iter_mut()) {
            // A finished future is never polled again.
            if output.is_none() {
                match future.as_mut().poll(cx) {
                    Poll::Ready(v) => *output = Some(v),
                    Poll::Pending => pending = true,
                }
            }
        }
        if pending {
            Poll::Pending
        } else {
            Poll::Ready(())
        }
    })
    .await;
    outputs.into_iter().flatten().collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::join_all;
    use core::future::Future;
    use core::pin::Pin;

    /// The first future can finish only after the second has run: run one after the other
    /// they would never finish. Outputs come back in the order given.
    #[tokio::test]
    async fn runs_side_by_side_and_keeps_the_order() {
        let (tx, rx) = tokio::sync::oneshot::channel::<u8>();
        let futures: Vec<Pin<Box<dyn Future<Output = u8>>>> = vec![
            Box::pin(async move { rx.await.unwrap_or(0) + 1 }),
            Box::pin(async move {
                tokio::task::yield_now().await;
                tx.send(41).ok();
                7
            }),
        ];
        let joined = tokio::time::timeout(std::time::Duration::from_secs(10), join_all(futures));
        assert_eq!(joined.await.unwrap(), vec![42, 7]);
        assert!(join_all(Vec::<core::future::Ready<u8>>::new())
            .await
            .is_empty());
    }
}
