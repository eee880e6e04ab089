//! Unknown-field checks for specs given as JS values: serde-wasm-bindgen reads only declared
//! fields, so a typo (`"subtitel"`) would be ignored silently. Each object's own keys are checked
//! against [`crate::spec::fields`], with the same message serde gives natively.

use crate::error::ChartError;
use crate::spec::fields;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Refuses the first key, at any depth, that the spec model does not know.
pub fn check(spec: &JsValue) -> Result<(), ChartError> {
    if Array::is_array(spec) || !spec.is_object() {
        return Err(ChartError::spec("", "must be a JSON object ({ … })"));
    }
    own(spec, "", fields::SPEC)?;
    each(spec, "sources", "sources", |at, v| own(v, at, fields::SOURCE))?;
    each(spec, "periods", "periods", |at, v| own(v, at, fields::PERIOD))?;
    each(spec, "series", "series", |at, v| {
        own(v, at, fields::SERIES)?;
        each(v, "values", &format!("{at}.values"), |at, f| figure(f, at))
    })?;
    each(spec, "categories", "categories", |at, v| {
        own(v, at, fields::CATEGORY)?;
        for key in ["recorded", "detected", "rate"] {
            figure(&get(v, key), &format!("{at}.{key}"))?;
        }
        Ok(())
    })
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Calls `f` on every element of the array at `obj[field]` (if it is one), with its path, which
/// is `at[i]`.
fn each(obj: &JsValue, field: &str, at: &str, f: impl Fn(&str, &JsValue) -> Result<(), ChartError>) -> Result<(), ChartError> {
    if let Some(list) = get(obj, field).dyn_ref::<Array>() {
        for (i, v) in list.iter().enumerate() {
            f(&format!("{at}[{i}]"), &v)?;
        }
    }
    Ok(())
}

fn figure(v: &JsValue, at: &str) -> Result<(), ChartError> {
    if v.is_object() && !Array::is_array(v) {
        own(v, at, fields::FIGURE)?;
    }
    Ok(())
}

fn own(v: &JsValue, at: &str, allowed: &[&str]) -> Result<(), ChartError> {
    let Some(obj) = v.dyn_ref::<Object>().filter(|_| !Array::is_array(v)) else { return Ok(()) };
    for key in Object::keys(obj).iter() {
        let key = key.as_string().unwrap_or_default();
        if !allowed.contains(&key.as_str()) {
            let expected: Vec<String> = allowed.iter().map(|f| format!("`{f}`")).collect();
            let path = if at.is_empty() { key.clone() } else { format!("{at}.{key}") };
            return Err(ChartError::spec(path, format!("unknown field `{key}`, expected one of {}", expected.join(", "))));
        }
    }
    Ok(())
}
