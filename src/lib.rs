//! tm: a translation memory for press releases in English, Russian and Kazakh.
//!
//! The data flows one way: text → [`segment`] → [`align`] → [`memory`] →
//! [`fuzzy`] matches; [`concord`] searches the memory for a phrase. Every
//! stage is usable without the command line. All of them read words through
//! [`text`], and their rule files through [`rules`].

pub mod documents;
pub mod exchange;
pub mod input;
pub mod lang;
pub mod segment;

pub mod fuzzy;
pub use lang::Lang;
pub mod align;
pub mod batch;
pub mod concord;
pub mod localise;
pub mod memory;
pub mod report;
pub mod rules;
pub mod serve;
pub mod storage;
pub mod text;
