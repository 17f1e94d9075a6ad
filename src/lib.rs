pub mod analysis;
pub mod cli;
pub mod error;
pub mod extract;
pub mod index;
pub mod search;
#[cfg(test)]
pub(crate) mod test_support;
