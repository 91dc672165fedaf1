//! The devnet: a local Hedera-compatible network, a library first (like foundry's anvil).
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! let devnet = loyal_devnet::spawn(loyal_devnet::DevnetConfig::ephemeral()).await?;
//! println!("node 0.0.3 at {}", devnet.grpc_addr());
//! devnet.shutdown().await;
//! # Ok(()) }
//! ```
//!
//! It serves the official Crypto, Token, Consensus, Schedule and Network services over gRPC
//! and gRPC-web, the mirror node's REST API from its own replica of the state (with an optional
//! lag), and IPFS (Kubo RPC add, trustless gateway). The ledger handles every transaction type
//! the journey uses with Hedera's response codes — prechecks, signatures against every required
//! key, custom fees, HIP-904 airdrops, schedules — and answers receipts, records and info
//! queries. With a state directory, accepted transactions are journaled and replayed on start;
//! other transaction types answer NOT_SUPPORTED.

mod custom_fees;
pub mod fees;
pub mod genesis;
pub mod ipfs;
mod journal;
pub mod ledger;
pub mod mirror;
mod queries;
pub mod record;
mod service;
mod throttle;
mod web;

use hedera_proto::services::{
    consensus_service_server::ConsensusServiceServer, crypto_service_server::CryptoServiceServer,
    network_service_server::NetworkServiceServer, schedule_service_server::ScheduleServiceServer,
    token_service_server::TokenServiceServer,
};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use tokio::sync::oneshot;

#[derive(Clone, Debug)]
pub struct DevnetConfig {
    pub host: [u8; 4],
    /// 0 picks a free port (for tests); Hedera's local node uses 50211.
    pub grpc_port: u16,
    /// gRPC-web for browsers (the local node's proxy listens on 50213).
    pub grpc_web_port: u16,
    /// IPFS RPC and gateway (Kubo's RPC port is 5001).
    pub ipfs_port: u16,
    /// Mirror-node REST (the local node's mirror listens on 5551).
    pub mirror_port: u16,
    /// How long a transaction takes to show on the mirror (Hedera's take seconds).
    pub mirror_lag: std::time::Duration,
    /// Transactions per second past which the node answers BUSY; `None` never throttles.
    pub throttle_tps: Option<u32>,
    /// Where the transaction journal and IPFS blocks live; `None` keeps everything in memory.
    pub state_dir: Option<std::path::PathBuf>,
}

impl Default for DevnetConfig {
    fn default() -> Self {
        Self {
            host: [127, 0, 0, 1],
            grpc_port: 50211,
            grpc_web_port: 50213,
            ipfs_port: 5001,
            mirror_port: 5551,
            mirror_lag: std::time::Duration::ZERO,
            throttle_tps: None,
            state_dir: None,
        }
    }
}

impl DevnetConfig {
    pub fn with_grpc_port(mut self, port: u16) -> Self {
        self.grpc_port = port;
        self
    }

    pub fn with_grpc_web_port(mut self, port: u16) -> Self {
        self.grpc_web_port = port;
        self
    }

    pub fn with_ipfs_port(mut self, port: u16) -> Self {
        self.ipfs_port = port;
        self
    }

    pub fn with_mirror_port(mut self, port: u16) -> Self {
        self.mirror_port = port;
        self
    }

    pub fn with_mirror_lag(mut self, lag: std::time::Duration) -> Self {
        self.mirror_lag = lag;
        self
    }

    pub fn with_throttle_tps(mut self, tps: u32) -> Self {
        self.throttle_tps = Some(tps);
        self
    }

    pub fn with_state_dir(mut self, dir: impl Into<std::path::PathBuf>) -> Self {
        self.state_dir = Some(dir.into());
        self
    }

    /// Every port 0 (picked by the OS): what tests want.
    pub fn ephemeral() -> Self {
        Self::default()
            .with_grpc_port(0)
            .with_grpc_web_port(0)
            .with_ipfs_port(0)
            .with_mirror_port(0)
    }
}

/// A running devnet. Dropping it stops the servers.
pub struct DevnetHandle {
    grpc_addr: SocketAddr,
    grpc_web_addr: SocketAddr,
    ipfs_addr: SocketAddr,
    mirror_addr: SocketAddr,
    stops: Vec<oneshot::Sender<()>>,
    tasks: Vec<tokio::task::JoinHandle<()>>,
    pub ledger: Arc<Mutex<ledger::Ledger>>,
    pub blocks: ipfs::BlockStore,
    pub mirror: mirror::Shared,
}

impl DevnetHandle {
    pub fn grpc_addr(&self) -> SocketAddr {
        self.grpc_addr
    }

    pub fn grpc_web_addr(&self) -> SocketAddr {
        self.grpc_web_addr
    }

    pub fn ipfs_addr(&self) -> SocketAddr {
        self.ipfs_addr
    }

    pub fn mirror_addr(&self) -> SocketAddr {
        self.mirror_addr
    }

    pub async fn shutdown(mut self) {
        for stop in self.stops.drain(..) {
            let _ = stop.send(());
        }
        for task in self.tasks.drain(..) {
            let _ = task.await;
        }
    }
}

impl Drop for DevnetHandle {
    fn drop(&mut self) {
        for stop in self.stops.drain(..) {
            let _ = stop.send(());
        }
    }
}

/// The ledger a state directory holds, rebuilt by replaying its journal (what a restart sees).
pub fn recover(dir: &std::path::Path) -> std::io::Result<ledger::Ledger> {
    let mut ledger = ledger::Ledger::genesis();
    journal::Journal::open(dir, &mut ledger, None)?;
    Ok(ledger)
}

/// Accepted connections with Nagle off: gRPC's small frames otherwise wait on delayed ACKs
/// (40 ms tails in `cargo xtask bench devnet`).
fn no_delay(
    listener: tokio::net::TcpListener,
) -> impl tokio_stream::Stream<Item = std::io::Result<tokio::net::TcpStream>> {
    use tokio_stream::StreamExt;
    tokio_stream::wrappers::TcpListenerStream::new(listener).map(|s| {
        let s = s?;
        s.set_nodelay(true)?;
        Ok(s)
    })
}

/// Binds every port first (so a taken port is an error here, not later), then serves.
pub async fn spawn(config: DevnetConfig) -> std::io::Result<DevnetHandle> {
    let grpc =
        tokio::net::TcpListener::bind(SocketAddr::from((config.host, config.grpc_port))).await?;
    let grpc_web =
        tokio::net::TcpListener::bind(SocketAddr::from((config.host, config.grpc_web_port)))
            .await?;
    let ipfs =
        tokio::net::TcpListener::bind(SocketAddr::from((config.host, config.ipfs_port))).await?;
    let mirror_listener =
        tokio::net::TcpListener::bind(SocketAddr::from((config.host, config.mirror_port))).await?;
    let (grpc_addr, grpc_web_addr, ipfs_addr, mirror_addr) = (
        grpc.local_addr()?,
        grpc_web.local_addr()?,
        ipfs.local_addr()?,
        mirror_listener.local_addr()?,
    );
    let mut genesis = ledger::Ledger::genesis();
    let mut mirror = mirror::Mirror::new(
        ledger::Ledger::genesis(),
        config.mirror_lag,
        grpc_addr,
        grpc_web_addr,
    );
    let (journal, blocks) = match &config.state_dir {
        Some(dir) => {
            let (journal, _replayed) =
                journal::Journal::open(dir, &mut genesis, Some(&mut mirror))?;
            (
                Some(Arc::new(Mutex::new(journal))),
                ipfs::BlockStore::on_disk(dir)?,
            )
        }
        None => (None, ipfs::BlockStore::default()),
    };
    let ledger = Arc::new(Mutex::new(genesis));
    let mirror = Arc::new(Mutex::new(mirror));
    let node = service::Node {
        ledger: ledger.clone(),
        journal,
        mirror: mirror.clone(),
        throttle: config
            .throttle_tps
            .map(|tps| Arc::new(Mutex::new(throttle::Throttle::new(tps)))),
    };
    let mut handle = DevnetHandle {
        grpc_addr,
        grpc_web_addr,
        ipfs_addr,
        mirror_addr,
        stops: vec![],
        tasks: vec![],
        ledger,
        blocks,
        mirror: mirror.clone(),
    };

    let (stop, stopped) = oneshot::channel::<()>();
    let router = tonic::transport::Server::builder()
        .add_service(CryptoServiceServer::new(node.clone()))
        .add_service(TokenServiceServer::new(node.clone()))
        .add_service(ConsensusServiceServer::new(node.clone()))
        .add_service(ScheduleServiceServer::new(node.clone()))
        .add_service(NetworkServiceServer::new(node.clone()));
    handle.stops.push(stop);
    handle.tasks.push(tokio::spawn(async move {
        let incoming = no_delay(grpc);
        if let Err(e) = router
            .serve_with_incoming_shutdown(incoming, async { drop(stopped.await) })
            .await
        {
            eprintln!("loyal-devnet: gRPC server stopped: {e}");
        }
    }));

    let (stop, stopped) = oneshot::channel::<()>();
    let router = tonic::transport::Server::builder()
        .accept_http1(true)
        .layer(web::cors())
        .layer(tonic_web::GrpcWebLayer::new())
        .add_service(CryptoServiceServer::new(node.clone()))
        .add_service(TokenServiceServer::new(node.clone()))
        .add_service(ConsensusServiceServer::new(node.clone()))
        .add_service(ScheduleServiceServer::new(node.clone()))
        .add_service(NetworkServiceServer::new(node));
    handle.stops.push(stop);
    handle.tasks.push(tokio::spawn(async move {
        let incoming = no_delay(grpc_web);
        if let Err(e) = router
            .serve_with_incoming_shutdown(incoming, async { drop(stopped.await) })
            .await
        {
            eprintln!("loyal-devnet: gRPC-web server stopped: {e}");
        }
    }));

    let (stop, stopped) = oneshot::channel::<()>();
    let app = ipfs::router(handle.blocks.clone());
    handle.stops.push(stop);
    handle.tasks.push(tokio::spawn(async move {
        let served = axum::serve(ipfs, app)
            .with_graceful_shutdown(async { drop(stopped.await) })
            .await;
        if let Err(e) = served {
            eprintln!("loyal-devnet: IPFS server stopped: {e}");
        }
    }));

    let (stop, stopped) = oneshot::channel::<()>();
    let app = mirror::router(mirror);
    handle.stops.push(stop);
    handle.tasks.push(tokio::spawn(async move {
        let served = axum::serve(mirror_listener, app)
            .with_graceful_shutdown(async { drop(stopped.await) })
            .await;
        if let Err(e) = served {
            eprintln!("loyal-devnet: mirror server stopped: {e}");
        }
    }));
    Ok(handle)
}
