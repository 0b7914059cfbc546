//! Reading one input: a file or standard input, gunzipped when it is gzip.

pub use newsclean::batch::read::read;
