//! Every network call the pages make, each behind one boxed future. An `async fn` awaited
//! inline is inlined into its caller's state machine, so each page action carried its own copy
//! of the whole submit/receipt/mirror pipeline (38 KB for one button); a `dyn Future` is one
//! copy for the whole page.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use loyal_client::mirror::{Airdrop, Nft, Token};
use loyal_client::Receipt;
use loyal_core::transaction::Transaction;

use crate::staff::WebClient;
use crate::{dom, nft, Result};

pub type Boxed<'a, T> = Pin<Box<dyn Future<Output = Result<T>> + 'a>>;

/// Submits a frozen transaction, waits for its receipt and then for the mirror to have it
/// (the pages read what they show from the mirror).
pub fn execute<'a>(client: &'a WebClient, tx: &'a Transaction) -> Boxed<'a, Receipt> {
    Box::pin(async move {
        let receipt = client.execute(tx).await?;
        dom::busy("Waiting for the mirror…");
        nft::mirror(client)
            .wait_for_transaction(tx.transaction_id(), Duration::from_secs(20))
            .await?;
        Ok(receipt)
    })
}

/// Waits until the mirror lists the transaction.
pub fn wait<'a>(
    client: &'a WebClient,
    id: &'a loyal_core::transaction_id::TransactionId,
) -> Boxed<'a, ()> {
    Box::pin(async move {
        nft::mirror(client)
            .wait_for_transaction(id, Duration::from_secs(20))
            .await?;
        Ok(())
    })
}

pub fn token<'a>(client: &'a WebClient, id: &'a str) -> Boxed<'a, Token> {
    Box::pin(async move { Ok(nft::mirror(client).token(id).await?) })
}

pub fn nft<'a>(client: &'a WebClient, token: &'a str, serial: i64) -> Boxed<'a, Nft> {
    Box::pin(async move { Ok(nft::mirror(client).nft(token, serial).await?) })
}

/// Up to 500 of the collection's NFTs.
pub fn token_nfts<'a>(client: &'a WebClient, token: &'a str) -> Boxed<'a, Vec<Nft>> {
    Box::pin(async move { Ok(nft::mirror(client).token_nfts(token, 5).collect().await?) })
}

/// Up to 500 of the account's NFTs.
pub fn account_nfts<'a>(client: &'a WebClient, account: &'a str) -> Boxed<'a, Vec<Nft>> {
    Box::pin(async move {
        Ok(nft::mirror(client)
            .account_nfts(account, 5)
            .collect()
            .await?)
    })
}

pub fn pending_airdrops<'a>(client: &'a WebClient, account: &'a str) -> Boxed<'a, Vec<Airdrop>> {
    Box::pin(async move {
        Ok(nft::mirror(client)
            .pending_airdrops(account, 5)
            .collect()
            .await?)
    })
}

/// Whether `account` is associated with `token` (it can receive it).
pub fn associated<'a>(client: &'a WebClient, account: &'a str, token: &'a str) -> Boxed<'a, bool> {
    Box::pin(async move {
        let relations = nft::mirror(client)
            .account_tokens(account, 10)
            .collect()
            .await?;
        Ok(relations.iter().any(|r| r.token_id == token))
    })
}
