//! The official gRPC services (hedera-proto's tonic servers) over the shared ledger.
//! Every transaction method goes to one submit path; the ledger's precheck answers
//! NOT_SUPPORTED for types the devnet does not handle yet, as a real node would for a
//! disabled feature.

// tonic's `Status` is the error type of every generated handler signature.
#![allow(clippy::result_large_err)]

use crate::ledger::Ledger;
use hedera_proto::services::{
    self as hp, consensus_service_server::ConsensusService, crypto_service_server::CryptoService,
    network_service_server::NetworkService, schedule_service_server::ScheduleService,
    token_service_server::TokenService, ResponseCodeEnum as Code,
};
use std::sync::{Arc, Mutex};
use tonic::{Request, Response, Status};

#[derive(Clone)]
pub struct Node {
    pub ledger: Arc<Mutex<Ledger>>,
    pub journal: Option<Arc<Mutex<crate::journal::Journal>>>,
    pub mirror: crate::mirror::Shared,
    pub throttle: Option<Arc<Mutex<crate::throttle::Throttle>>>,
}

pub fn now_nanos() -> i128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as i128)
        .unwrap_or(0)
}

impl Node {
    /// Precheck, journal (fsync) and apply, under the ledger lock so the journal's order is the
    /// consensus order.
    fn submit(
        &self,
        request: Request<hp::Transaction>,
    ) -> Result<Response<hp::TransactionResponse>, Status> {
        let mut ledger = self
            .ledger
            .lock()
            .map_err(|_| Status::internal("ledger poisoned"))?;
        let now = now_nanos();
        if let Some(throttle) = &self.throttle {
            if !throttle
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .admit(now)
            {
                return Ok(Response::new(hp::TransactionResponse {
                    node_transaction_precheck_code: Code::Busy as i32,
                    cost: 0,
                }));
            }
        }
        let code = match ledger.check(request.get_ref(), now) {
            Ok(accepted) => {
                if let Some(journal) = &self.journal {
                    let written = journal
                        .lock()
                        .map_err(|_| Status::internal("journal poisoned"))?
                        .append(now, request.get_ref());
                    if let Err(e) = written {
                        eprintln!("loyal-devnet: cannot journal a transaction, refusing it: {e}");
                        let code = Code::PlatformTransactionNotCreated as i32;
                        return Ok(Response::new(hp::TransactionResponse {
                            node_transaction_precheck_code: code,
                            cost: 0,
                        }));
                    }
                }
                self.mirror
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .push(accepted.clone(), now);
                ledger.apply(accepted);
                Code::Ok
            }
            Err(code) => code,
        };
        Ok(Response::new(hp::TransactionResponse {
            node_transaction_precheck_code: code as i32,
            cost: 0,
        }))
    }

    fn query(&self, request: Request<hp::Query>) -> Result<Response<hp::Response>, Status> {
        let ledger = self
            .ledger
            .lock()
            .map_err(|_| Status::internal("ledger poisoned"))?;
        let response = request
            .into_inner()
            .query
            .and_then(|q| crate::queries::answer(&ledger, q))
            .ok_or_else(|| Status::unimplemented("this query is not served by the devnet"))?;
        Ok(Response::new(hp::Response {
            response: Some(response),
        }))
    }
}

/// Implements a service trait: `tx` methods submit, `query` methods answer, in one list.
macro_rules! service {
    ($trait:ident { tx: [$($tx:ident),*], query: [$($q:ident),*] }) => {
        #[tonic::async_trait]
        impl $trait for Node {
            $(async fn $tx(&self, request: Request<hp::Transaction>) -> Result<Response<hp::TransactionResponse>, Status> {
                self.submit(request)
            })*
            $(async fn $q(&self, request: Request<hp::Query>) -> Result<Response<hp::Response>, Status> {
                self.query(request)
            })*
        }
    };
}

service!(CryptoService {
    tx: [
        create_account,
        update_account,
        crypto_transfer,
        crypto_delete,
        approve_allowances,
        delete_allowances,
        add_live_hash,
        delete_live_hash
    ],
    query: [
        get_live_hash,
        get_account_records,
        crypto_get_balance,
        get_account_info,
        get_transaction_receipts,
        get_tx_record_by_tx_id
    ]
});

service!(TokenService {
    tx: [
        create_token,
        update_token,
        mint_token,
        burn_token,
        delete_token,
        wipe_token_account,
        freeze_token_account,
        unfreeze_token_account,
        grant_kyc_to_token_account,
        revoke_kyc_from_token_account,
        associate_tokens,
        dissociate_tokens,
        update_token_fee_schedule,
        pause_token,
        unpause_token,
        update_nfts,
        reject_token,
        airdrop_tokens,
        cancel_airdrop,
        claim_airdrop
    ],
    query: [get_token_info, get_token_nft_info]
});

service!(ConsensusService {
    tx: [create_topic, update_topic, delete_topic, submit_message],
    query: [get_topic_info]
});

service!(ScheduleService {
    tx: [create_schedule, sign_schedule, delete_schedule],
    query: [get_schedule_info]
});

service!(NetworkService {
    tx: [unchecked_submit],
    query: [get_version_info, get_account_details, get_execution_time]
});
