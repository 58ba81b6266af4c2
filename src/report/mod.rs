//! The JSON shapes tm prints, in one place, so that the command line
//! (`--format json`) and the server (`tm serve`) give the same answers from
//! the same code. Field names are part of the contract (see DESIGN.md).
//!
//! Each file holds the shape of one command's answer and, where the answer
//! takes more than a library call, the function that makes it.

pub mod add;
pub mod concord;
pub mod segment;
pub mod suggest;
pub mod units;
