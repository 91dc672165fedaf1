//! The devnet: a local Hedera-compatible network, a library first (like foundry's anvil).
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! let devnet = loyal_devnet::spawn(loyal_devnet::DevnetConfig::default().with_grpc_port(0)).await?;
//! println!("node 0.0.3 at {}", devnet.grpc_addr());
//! devnet.shutdown().await;
//! # Ok(()) }
//! ```
//!
//! Today it serves the official Crypto, Token, Consensus and Schedule services over gRPC and
//! handles account creation, hbar/token/NFT transfers, token creation, association and
//! dissociation, mint, burn, wipe, freeze, KYC, pause, HIP-657 NFT metadata updates, topics and
//! messages (running hash v3), with receipts and balance queries. Scheduling, airdrops,
//! rejection, records, gRPC-web, the mirror REST API, IPFS and persistence are next (issue 3);
//! those transactions answer NOT_SUPPORTED meanwhile.

pub mod fees;
pub mod genesis;
pub mod ledger;
mod service;

use hedera_proto::services::{
    consensus_service_server::ConsensusServiceServer, crypto_service_server::CryptoServiceServer,
    schedule_service_server::ScheduleServiceServer, token_service_server::TokenServiceServer,
};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use tokio::sync::oneshot;

#[derive(Clone, Debug)]
pub struct DevnetConfig {
    pub host: [u8; 4],
    /// 0 picks a free port (for tests); Hedera's local node uses 50211.
    pub grpc_port: u16,
}

impl Default for DevnetConfig {
    fn default() -> Self {
        Self {
            host: [127, 0, 0, 1],
            grpc_port: 50211,
        }
    }
}

impl DevnetConfig {
    pub fn with_grpc_port(mut self, port: u16) -> Self {
        self.grpc_port = port;
        self
    }
}

/// A running devnet. Dropping it stops the servers.
pub struct DevnetHandle {
    grpc_addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<()>>,
    pub ledger: Arc<Mutex<ledger::Ledger>>,
}

impl DevnetHandle {
    pub fn grpc_addr(&self) -> SocketAddr {
        self.grpc_addr
    }

    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for DevnetHandle {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// Binds every port first (so a taken port is an error here, not later), then serves.
pub async fn spawn(config: DevnetConfig) -> std::io::Result<DevnetHandle> {
    let listener =
        tokio::net::TcpListener::bind(SocketAddr::from((config.host, config.grpc_port))).await?;
    let grpc_addr = listener.local_addr()?;
    let ledger = Arc::new(Mutex::new(ledger::Ledger::genesis()));
    let node = service::Node {
        ledger: ledger.clone(),
    };
    let (stop, stopped) = oneshot::channel::<()>();
    let incoming = tokio_stream::wrappers::TcpListenerStream::new(listener);
    let task = tokio::spawn(async move {
        let result = tonic::transport::Server::builder()
            .add_service(CryptoServiceServer::new(node.clone()))
            .add_service(TokenServiceServer::new(node.clone()))
            .add_service(ConsensusServiceServer::new(node.clone()))
            .add_service(ScheduleServiceServer::new(node))
            .serve_with_incoming_shutdown(incoming, async {
                let _ = stopped.await;
            })
            .await;
        if let Err(e) = result {
            eprintln!("loyal-devnet: gRPC server stopped: {e}");
        }
    });
    Ok(DevnetHandle {
        grpc_addr,
        stop: Some(stop),
        task: Some(task),
        ledger,
    })
}
