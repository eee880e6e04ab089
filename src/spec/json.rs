//! A parsed JSON value: filled by any serde deserializer, natively `serde_json`'s and in the
//! browser `serde_wasm_bindgen`'s over a `JSON.parse`d object (`web/exports.rs`).
//!
//! One small hand-written `Deserialize` (rather than derived ones per struct) keeps the wasm light;
//! [`crate::spec::read_spec`] then turns a [`Json`] into a [`crate::spec::Spec`], naming the path of any
//! problem. Nesting is limited to [`MAX_DEPTH`], so a hostile `[[[[…` cannot exhaust the stack.

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::fmt;

/// Deepest nesting of arrays and objects read; a spec needs 5 (spec → series → one series →
/// values → a figure object).
pub const MAX_DEPTH: usize = 32;

/// The message for input nested deeper than [`MAX_DEPTH`].
pub const TOO_DEEP: &str = "arrays and objects are nested more than 32 deep; a spec needs 5";

/// A JSON value. Objects keep their keys in order, duplicates included, so that the reader can
/// refuse duplicates (JSON text may have them; `JSON.parse` keeps the last).
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    /// `null` (and, from JavaScript, `undefined`).
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// Any number, as an f64 (JSON text's `1e999` is refused by serde_json; from JavaScript it is
    /// `Infinity`, which the rules refuse).
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object's entries in order.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// What this value is, for messages: `null`, `boolean`, `number`, `string "12"`, `array`,
    /// `object` (strings cut to 40 characters).
    pub fn kind(&self) -> String {
        match self {
            Json::Null => "null".into(),
            Json::Bool(_) => "boolean".into(),
            Json::Number(_) => "number".into(),
            Json::String(s) => cat!("string \"", crate::text::shortened(s, 40), "\""),
            Json::Array(_) => "array".into(),
            Json::Object(_) => "object".into(),
        }
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
        Depth(0).deserialize(d)
    }
}

/// Reads one value at nesting depth `.0`.
#[derive(Clone, Copy)]
struct Depth(usize);

impl<'de> DeserializeSeed<'de> for Depth {
    type Value = Json;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        d.deserialize_any(self)
    }
}

impl Depth {
    fn deeper<E: de::Error>(self) -> Result<Depth, E> {
        if self.0 >= MAX_DEPTH {
            Err(E::custom(TOO_DEEP))
        } else {
            Ok(Depth(self.0 + 1))
        }
    }
}

/// Every `visit_*` is written out, none left to serde's defaults: those word their errors with
/// `serde::de::Unexpected`, which would link float formatting into the wasm.
impl<'de> Visitor<'de> for Depth {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Number(v as f64))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Number(v as f64))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Json, E> {
        Ok(Json::Number(v as f64))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Json, E> {
        Ok(Json::Number(v as f64))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Json, E> {
        Ok(Json::Number(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Json, E> {
        Ok(Json::String(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Json, E> {
        Ok(Json::String(v))
    }
    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Json, E> {
        Err(E::custom("binary data is not JSON"))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, _: A) -> Result<Json, A::Error> {
        Err(de::Error::custom("an enum is not JSON"))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let inner = self.deeper()?;
        // The hint comes from the input: trust it only so far.
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 16));
        while let Some(v) = seq.next_element_seed(inner)? {
            items.push(v);
        }
        Ok(Json::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let inner = self.deeper()?;
        let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0).min(16));
        while let Some(k) = map.next_key_seed(Key)? {
            entries.push((k, map.next_value_seed(inner)?));
        }
        Ok(Json::Object(entries))
    }
}

/// Reads an object key, which JSON makes a string.
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = String;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<String, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = String;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string key")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
        Ok(v)
    }
    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<String, E> {
        Err(E::custom("an object key must be a string"))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<String, E> {
        Err(E::custom("an object key must be a string"))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<String, E> {
        Err(E::custom("an object key must be a string"))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<String, E> {
        Err(E::custom("an object key must be a string"))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<String, E> {
        Err(E::custom("an object key must be a string"))
    }
    fn visit_unit<E: de::Error>(self) -> Result<String, E> {
        Err(E::custom("an object key must be a string"))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn reads_every_kind_of_value_in_order_with_duplicates() {
        let v: Json =
            serde_json::from_str(r#"{"a": [1, 2.5, -3], "b": null, "a": true, "s": "x"}"#).unwrap();
        assert_eq!(
            v,
            Json::Object(vec![
                (
                    "a".into(),
                    Json::Array(vec![
                        Json::Number(1.0),
                        Json::Number(2.5),
                        Json::Number(-3.0)
                    ])
                ),
                ("b".into(), Json::Null),
                ("a".into(), Json::Bool(true)),
                ("s".into(), Json::String("x".into())),
            ])
        );
    }

    #[test]
    fn nesting_stops_at_the_limit() {
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(serde_json::from_str::<Json>(&ok).is_ok());
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        let e = serde_json::from_str::<Json>(&deep).unwrap_err().to_string();
        assert!(e.starts_with(TOO_DEEP), "{e}");
    }

    #[test]
    fn kinds_for_messages() {
        assert_eq!(
            Json::String("a".repeat(50)).kind(),
            format!("string \"{}…\"", "a".repeat(40))
        );
        assert_eq!(Json::Number(1.5).kind(), "number");
        assert_eq!(Json::Array(vec![]).kind(), "array");
    }
}
