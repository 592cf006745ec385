//! tline: a terminal timeline browser for events reported in news articles, each event
//! tied to the paragraph and exact words of its source.
//!
//! Data flows one way: [`load`] reads files into the [`model`], [`query`] selects events,
//! and the views ([`cli`], [`tui`]) show them. [`extract`] drafts a timeline from an
//! article's text.

#![warn(missing_docs)]
#![forbid(unsafe_code)]

pub mod atomic;
pub mod axis;
pub mod cli;
pub mod date;
pub mod export;
pub mod extract;
pub mod load;
pub mod model;
pub mod parallel;
pub mod query;
pub mod synth;
pub mod text;
pub mod tui;
