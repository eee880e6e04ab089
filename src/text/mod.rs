//! Text: strings built without `core::fmt`, and en-GB number formats ([`number`]). The lowest
//! layer: uses nothing else of the crate.
//!
//! `cat!(a, b, …)` is a new `String` of its pieces in order, and
//! `put!(&mut out; a, b, …)` appends them to `out`. A piece is a `str`, `String`, `char`, an
//! unsigned integer or a spec path ([`crate::spec::At`]). `format!` would bring Rust's
//! formatting machinery (about 4 KB) into the wasm; these compile to plain appends.

/// Something `cat!` and `put!` can append to a string.
pub trait Piece {
    /// Appends this piece to `out`.
    fn put(&self, out: &mut String);

    /// This piece alone, as a new `String` (what `cat!` starts from).
    fn to_text(&self) -> String {
        let mut out = String::new();
        self.put(&mut out);
        out
    }
}

impl Piece for str {
    fn put(&self, out: &mut String) {
        out.push_str(self);
    }
    fn to_text(&self) -> String {
        String::from(self)
    }
}

impl Piece for String {
    fn put(&self, out: &mut String) {
        out.push_str(self);
    }
    fn to_text(&self) -> String {
        String::from(self.as_str())
    }
}

impl Piece for char {
    fn put(&self, out: &mut String) {
        out.push(*self);
    }
}

impl<T: Piece + ?Sized> Piece for &T {
    fn put(&self, out: &mut String) {
        (**self).put(out);
    }
    fn to_text(&self) -> String {
        (**self).to_text()
    }
}

impl Piece for u64 {
    fn put(&self, out: &mut String) {
        // Digits from the right into a buffer that fits u64::MAX (20 digits).
        let mut digits = [0u8; 20];
        let mut n = *self;
        let mut start = digits.len();
        while start > 0 {
            start -= 1;
            if let Some(d) = digits.get_mut(start) {
                *d = b'0' + (n % 10) as u8;
            }
            n /= 10;
            if n == 0 {
                break;
            }
        }
        for d in digits.iter().skip(start) {
            out.push(char::from(*d));
        }
    }
}

impl Piece for usize {
    fn put(&self, out: &mut String) {
        (*self as u64).put(out);
    }
}

impl Piece for u32 {
    fn put(&self, out: &mut String) {
        u64::from(*self).put(out);
    }
}

impl Piece for u8 {
    fn put(&self, out: &mut String) {
        u64::from(*self).put(out);
    }
}

/// `s` cut to its first `most` characters, with "…" after them if it had more: for quoting
/// input in messages.
pub fn shortened(s: &str, most: usize) -> String {
    match s.char_indices().nth(most).and_then(|(i, _)| s.get(..i)) {
        Some(start) => {
            let mut out = start.to_owned();
            out.push('…');
            out
        }
        None => s.to_owned(),
    }
}

/// `parts` with `sep` between them, as `[String]::join` (whose generic copy loop is about 0.9 KB
/// of wasm) would give.
#[cfg(any(not(target_arch = "wasm32"), feature = "builder"))]
pub fn join(parts: &[String], sep: &str) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(part);
    }
    out
}

/// A new `String` of the pieces in order: `cat!("is ", n, " characters long")`. It starts from
/// the first piece's own `String` ([`Piece::to_text`]) rather than from an empty one: one call
/// instead of a new string and an append at each of the hundred or so uses (0.8 KB gzip of wasm).
macro_rules! cat {
    ($only:expr $(,)?) => {
        $crate::text::Piece::to_text(&$only)
    };
    ($first:expr $(, $piece:expr)+ $(,)?) => {{
        let mut out = $crate::text::Piece::to_text(&$first);
        $( $crate::text::Piece::put(&$piece, &mut out); )*
        out
    }};
}

/// Appends the pieces to `out`, a `&mut String`: `put!(&mut s; ", ", name)`.
macro_rules! put {
    ($out:expr; $($piece:expr),* $(,)?) => {{
        let out: &mut ::std::string::String = $out;
        $( $crate::text::Piece::put(&$piece, out); )*
    }};
}

mod number;
#[cfg(any(not(target_arch = "wasm32"), feature = "builder"))]
pub use number::one_decimal;
#[cfg(not(target_arch = "wasm32"))]
pub use number::APPROX;
pub use number::{
    change, count, count_tick, css_number, flagged, percent, percent_tick, plain,
    power_of_ten_at_most,
};

#[cfg(test)]
mod tests {
    #[test]
    fn pieces_are_written_in_order() {
        assert_eq!(
            cat!(
                "a",
                String::from("b"),
                'c',
                0u64,
                7usize,
                u64::MAX,
                42u32,
                255u8
            ),
            "abc071844674407370955161542255"
        );
        let mut s = String::from("x");
        put!(&mut s; "=", 10usize);
        assert_eq!(s, "x=10");
    }

    #[test]
    #[cfg(any(not(target_arch = "wasm32"), feature = "builder"))]
    fn join_is_std_join() {
        let parts = ["a".to_owned(), String::new(), "c".to_owned()];
        assert_eq!(super::join(&parts, ", "), parts.join(", "));
        assert_eq!(super::join(&[], ", "), "");
    }

    #[test]
    fn shortened_cuts_at_characters_not_bytes() {
        assert_eq!(super::shortened("abc", 3), "abc");
        assert_eq!(super::shortened("abcd", 3), "abc…");
        assert_eq!(super::shortened("éééé", 2), "éé…");
        assert_eq!(super::shortened("", 0), "");
        assert_eq!(super::shortened("a", 0), "…");
    }
}
