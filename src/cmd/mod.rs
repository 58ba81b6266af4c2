//! The subcommands of the `tm` binary, one file each: read the arguments,
//! call the library, print.

pub mod add;
pub mod common;
pub mod completions;
pub mod concord;
pub mod edit;
pub mod export;
pub mod import;
pub mod list;
pub mod man;
pub mod migrate;
pub mod regroup;
pub mod remove;
pub mod review;
pub mod segment;
pub mod serve;
pub mod show;
pub mod stats;
pub mod suggest;
