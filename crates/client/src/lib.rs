//! Network clients for Hedera in pure Rust, over two small traits (`Transport` for HTTP,
//! `Runtime` for time) so the same code runs in browsers (fetch) and natively (hyper):
//!
//! - `Client`: gRPC-web submit with node failover and back-off, receipts, `execute`;
//! - `MirrorClient`: the mirror REST API with pagination and "wait until seen";
//! - `IpfsClient`: Kubo RPC upload (one file, or several in one request) and trustless-gateway
//!   fetch, verified against the CID;
//! - `Network`: the devnet, Hedera's public networks by name, or a mirror's node list.

mod client;
mod error;
pub mod grpc_web;
mod ipfs;
pub mod mirror;
#[cfg(feature = "native")]
pub mod native;
mod network;
mod receipt;
mod transport;

pub use client::{method, Client, Submitted};
pub use error::{Error, Result};
pub use ipfs::IpfsClient;
pub use mirror::MirrorClient;
pub use network::{nodes_from_mirror, reachable_nodes, MirrorNode, Network, Node};
pub use receipt::Receipt;
pub use transport::{HttpRequest, HttpResponse, Method, Runtime, Transport};
