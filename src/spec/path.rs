//! Where a value sits in a spec (`series[0].values[2]`), built as the reader and the rules walk
//! it, and written out only when there is something to report.

use crate::text::Piece;
use std::fmt;

/// A path into the spec: the root, a field of a path, or an element of a path.
#[derive(Clone, Copy)]
pub enum At<'a> {
    /// The whole spec; written as nothing.
    Root,
    /// A named field: `title`, `sources[0].name`.
    Field(&'a At<'a>, &'a str),
    /// An array element: `series[0]`.
    Index(&'a At<'a>, usize),
}

impl At<'_> {
    /// `.0` followed by the field `name`.
    #[inline(never)]
    pub fn field<'a>(&'a self, name: &'a str) -> At<'a> {
        At::Field(self, name)
    }

    /// `.0` followed by element `i`.
    #[inline(never)]
    pub fn index(&self, i: usize) -> At<'_> {
        At::Index(self, i)
    }

    /// The path written out: `series[0].values[2]`; empty for the root.
    pub fn text(&self) -> String {
        cat!(self)
    }
}

impl Piece for At<'_> {
    fn put(&self, out: &mut String) {
        match self {
            At::Root => {}
            At::Field(At::Root, name) => out.push_str(&cut(name)),
            At::Field(parent, name) => put!(out; parent, '.', cut(name)),
            At::Index(parent, i) => put!(out; parent, '[', i, ']'),
        }
    }
}

impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

/// A key as it appears in a message: at most 60 characters.
pub fn cut(key: &str) -> String {
    crate::text::shortened(key, 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_like_javascript() {
        let series = At::Root.field("series");
        let first = series.index(0);
        let values = first.field("values");
        assert_eq!(values.index(2).to_string(), "series[0].values[2]");
        assert_eq!(At::Root.to_string(), "");
        let long = "k".repeat(100);
        assert_eq!(
            At::Root.field(&long).to_string(),
            format!("{}…", "k".repeat(60))
        );
    }
}
