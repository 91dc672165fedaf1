//! Reading plain JS objects field by field: what the builder classes hand to `freeze`. Each
//! read names its field in the error, so a wrong type says where it is. The readers are kept
//! out of line: fifty inlined copies would cost more bytes than the calls save time.

use crate::error::{invalid, missing, JsResult};
use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::convert::TryFromJsValue;
use wasm_bindgen::{JsCast, JsValue};

/// An object whose fields are read; `what` names it in errors (`spec`, `tokenTransfers`).
pub struct Obj<'a> {
    what: &'static str,
    value: &'a JsValue,
}

impl<'a> Obj<'a> {
    pub fn new(what: &'static str, value: &'a JsValue) -> JsResult<Self> {
        if !value.is_object() {
            return Err(invalid(what, "expected an object"));
        }
        Ok(Obj { what, value })
    }

    /// The field's value; `undefined` and `null` are absent.
    #[inline(never)]
    pub fn get(&self, field: &str) -> Option<JsValue> {
        Reflect::get(self.value, &JsValue::from_str(field))
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    }

    fn read<T>(
        &self,
        field: &str,
        expected: &str,
        f: impl FnOnce(&JsValue) -> Option<T>,
    ) -> JsResult<Option<T>> {
        match self.get(field) {
            None => Ok(None),
            Some(v) => f(&v)
                .map(Some)
                .ok_or_else(|| invalid(&self.path(field), expected)),
        }
    }

    #[inline(never)]
    pub fn string(&self, field: &str) -> JsResult<Option<String>> {
        self.read(field, "expected a string", JsValue::as_string)
    }

    #[inline(never)]
    pub fn req_string(&self, field: &str) -> JsResult<String> {
        self.string(field)?
            .ok_or_else(|| missing(&self.path(field)))
    }

    #[inline(never)]
    pub fn bool(&self, field: &str) -> JsResult<Option<bool>> {
        self.read(field, "expected a boolean", JsValue::as_bool)
    }

    /// A `bigint` or an integer `number` within the safe range.
    #[inline(never)]
    pub fn int(&self, field: &str) -> JsResult<Option<i64>> {
        self.read(field, "expected a bigint or an integer", int)
    }

    /// An integer that must also fit `T` (u32, i32, u64).
    pub fn int_in<T: TryFrom<i64>>(&self, field: &str) -> JsResult<Option<T>> {
        self.read(field, "expected an integer in range", |v| {
            int(v).and_then(|n| T::try_from(n).ok())
        })
    }

    #[inline(never)]
    pub fn bytes(&self, field: &str) -> JsResult<Option<Vec<u8>>> {
        self.read(field, "expected a Uint8Array or a string", bytes)
    }

    /// An array whose items `f` converts; absent is empty.
    pub fn list<T>(&self, field: &str, f: impl Fn(&JsValue) -> Option<T>) -> JsResult<Vec<T>> {
        Ok(self.opt_list(field, f)?.unwrap_or_default())
    }

    pub fn opt_list<T>(
        &self,
        field: &str,
        f: impl Fn(&JsValue) -> Option<T>,
    ) -> JsResult<Option<Vec<T>>> {
        let Some(v) = self.get(field) else {
            return Ok(None);
        };
        let array = v
            .dyn_ref::<Array>()
            .ok_or_else(|| invalid(&self.path(field), "expected an array"))?;
        array
            .iter()
            .map(|item| {
                f(&item).ok_or_else(|| invalid(&self.path(field), "an item has the wrong type"))
            })
            .collect::<JsResult<Vec<T>>>()
            .map(Some)
    }

    /// An array of objects, each read by `f`.
    pub fn objects<T>(
        &self,
        field: &'static str,
        f: impl Fn(&Obj<'_>) -> JsResult<T>,
    ) -> JsResult<Vec<T>> {
        let Some(v) = self.get(field) else {
            return Ok(Vec::new());
        };
        let array = v
            .dyn_ref::<Array>()
            .ok_or_else(|| invalid(&self.path(field), "expected an array"))?;
        array
            .iter()
            .map(|item| f(&Obj::new(field, &item)?))
            .collect()
    }

    /// `field` for the spec itself, `hbarTransfers.amount` inside a list item.
    pub fn path(&self, field: &str) -> String {
        if self.what == "spec" {
            field.to_owned()
        } else {
            [self.what, field].join(".")
        }
    }
}

/// A `bigint` in i64 range, or a `number` that is a safe integer.
pub fn int(v: &JsValue) -> Option<i64> {
    if let Some(n) = i64::try_from_js_value_ref(v) {
        return Some(n);
    }
    let f = v.as_f64()?;
    (f.fract() == 0.0 && f.abs() <= 9_007_199_254_740_991.0).then_some(f as i64)
}

/// A `Uint8Array`, or a string taken as UTF-8.
pub fn bytes(v: &JsValue) -> Option<Vec<u8>> {
    if let Some(s) = v.as_string() {
        return Some(s.into_bytes());
    }
    v.dyn_ref::<Uint8Array>().map(Uint8Array::to_vec)
}
