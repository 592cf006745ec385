//! Helpers shared by the integration tests.

// Each test file uses the helpers it needs, and only those.
#![allow(dead_code)]

pub mod app;
pub mod cmd;
pub mod csv;
pub mod event_pane;
pub mod fixture;
pub mod pty;
