//! A `JSON.parse`d (or hand-built) JS value copied into a [`Json`], then read by the core.
//!
//! Written against js-sys directly rather than through serde-wasm-bindgen: its deserializer words
//! type errors with serde's `Unexpected`, which links float formatting into the wasm (about 14 KB),
//! and the core reads a [`Json`] anyway.

use crate::error::ChartError;
use crate::json::{Json, MAX_DEPTH, TOO_DEEP};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Copies `v` into a [`Json`]; `undefined` reads as `null`, as `JSON.stringify` would drop it.
pub fn json(v: &JsValue) -> Result<Json, ChartError> {
    copy(v, 0)
}

fn copy(v: &JsValue, depth: usize) -> Result<Json, ChartError> {
    if let Some(n) = v.as_f64() {
        return Ok(Json::Number(n));
    }
    if let Some(s) = v.as_string() {
        return Ok(Json::String(s));
    }
    if let Some(b) = v.as_bool() {
        return Ok(Json::Bool(b));
    }
    if v.is_null() || v.is_undefined() {
        return Ok(Json::Null);
    }
    if v.is_function() || !v.is_object() {
        return Err(ChartError::spec("", "holds a value JSON cannot (a function, symbol or BigInt)"));
    }
    if depth >= MAX_DEPTH {
        return Err(ChartError::spec("", TOO_DEEP));
    }
    if let Some(list) = v.dyn_ref::<Array>() {
        let n = list.length();
        let mut items = Vec::with_capacity(n as usize);
        for i in 0..n {
            items.push(copy(&list.get(i), depth + 1)?);
        }
        return Ok(Json::Array(items));
    }
    let keys = Object::keys(v.unchecked_ref::<Object>());
    let mut entries = Vec::with_capacity(keys.length() as usize);
    for key in keys.iter() {
        let value = Reflect::get(v, &key).unwrap_or(JsValue::UNDEFINED);
        entries.push((key.as_string().unwrap_or_default(), copy(&value, depth + 1)?));
    }
    Ok(Json::Object(entries))
}
