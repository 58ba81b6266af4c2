//! The subcommands of the `tm` binary, one file each: read the arguments,
//! call the library, print.

pub mod common;
pub mod export;
pub mod import;
pub mod segment;
