//! Drafting a timeline from a news article, by rules: the article is read into a
//! document ([`article`]), its temporal expressions are found and resolved against the
//! publication date ([`timex`]), its actors are named ([`actors`]) and its events are
//! drafted, each with the verbatim quote it came from ([`events`]).

pub mod actors;
pub mod article;
pub mod events;
pub mod timex;
mod words;
