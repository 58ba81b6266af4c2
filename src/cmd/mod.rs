//! The subcommands of the `tm` binary, one file each: read the arguments,
//! call the library, print.

pub mod common;
pub mod segment;
pub mod suggest;
