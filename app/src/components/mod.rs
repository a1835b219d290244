//! Pieces of page shared by several pages.

pub mod family_tags;
pub mod form;
pub mod layout;
pub mod problem;
