//! Reading plain JS objects field by field: what the builder classes hand to `freeze`. Each
//! read names its field in the error (`tokenId`, `hbarTransfers.amount`), so a wrong type says
//! where it is. The readers are kept out of line: fifty inlined copies would cost more bytes
//! than the calls save time.

use crate::error::{invalid, missing, JsResult};
use crate::prelude::*;
use js_sys::{Array, ArrayBuffer, Reflect, Uint8Array};
use wasm_bindgen::convert::TryFromJsValue;
use wasm_bindgen::{JsCast, JsValue};

/// An object whose fields are read; `prefix` is the list it is an item of (`hbarTransfers`),
/// none for the spec itself.
pub struct Obj<'a> {
    prefix: Option<&'static str>,
    value: &'a JsValue,
}

impl<'a> Obj<'a> {
    /// The spec object itself (`what` names it if it is not an object).
    pub fn new(what: &'static str, value: &'a JsValue) -> JsResult<Self> {
        Self::with_prefix(what, None, value)
    }

    fn with_prefix(what: &str, prefix: Option<&'static str>, value: &'a JsValue) -> JsResult<Self> {
        if !value.is_object() {
            return Err(invalid(what, "expected an object"));
        }
        Ok(Obj { prefix, value })
    }

    /// `field` for the spec itself, `hbarTransfers.amount` inside a list item.
    pub fn path(&self, field: &str) -> String {
        match self.prefix {
            None => field.to_owned(),
            Some(prefix) => text!(prefix, ".", field),
        }
    }

    /// The field's value; `undefined` and `null` are absent. A getter that throws is an
    /// error, not an absent field.
    #[inline(never)]
    pub fn get(&self, field: &str) -> JsResult<Option<JsValue>> {
        let v = Reflect::get(self.value, &JsValue::from_str(field))
            .map_err(|_| invalid(&self.path(field), "reading the field threw"))?;
        Ok((!v.is_undefined() && !v.is_null()).then_some(v))
    }

    fn read<T>(
        &self,
        field: &str,
        expected: &str,
        f: impl FnOnce(&JsValue) -> Option<T>,
    ) -> JsResult<Option<T>> {
        match self.get(field)? {
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

    /// A `bigint` in i64 range or an integer `number` within the safe range.
    #[inline(never)]
    pub fn int(&self, field: &str) -> JsResult<Option<i64>> {
        self.read(
            field,
            "expected an integer (bigint, or a number up to 2^53)",
            int,
        )
    }

    /// A non-negative integer: a `bigint` up to 2^64 - 1 or a safe integer `number`.
    #[inline(never)]
    pub fn uint(&self, field: &str) -> JsResult<Option<u64>> {
        self.read(
            field,
            "expected a non-negative integer up to 2^64 - 1",
            uint,
        )
    }

    /// An integer that must also fit `T` (u32, i32).
    pub fn int_in<T: TryFrom<i64>>(&self, field: &str) -> JsResult<Option<T>> {
        self.read(field, "expected an integer in range", |v| {
            int(v).and_then(|n| T::try_from(n).ok())
        })
    }

    #[inline(never)]
    pub fn bytes(&self, field: &str) -> JsResult<Option<Vec<u8>>> {
        self.read(
            field,
            "expected a Uint8Array, an ArrayBuffer, an array of bytes or a string",
            bytes,
        )
    }

    /// An array whose items `f` converts; absent is empty.
    pub fn list<T>(&self, field: &str, f: impl Fn(&JsValue) -> Option<T>) -> JsResult<Vec<T>> {
        Ok(self.opt_list(field, f)?.unwrap_or_default())
    }

    /// Out of line: one copy per item type, not one per field read.
    #[inline(never)]
    pub fn opt_list<T>(
        &self,
        field: &str,
        f: impl Fn(&JsValue) -> Option<T>,
    ) -> JsResult<Option<Vec<T>>> {
        let Some(items) = self.items(field)? else {
            return Ok(None);
        };
        let mut out = Vec::with_capacity(items.len());
        for item in &items {
            out.push(
                f(item).ok_or_else(|| invalid(&self.path(field), "an item has the wrong type"))?,
            );
        }
        Ok(Some(out))
    }

    /// The items of an array field. Out of line and not generic: the lists of every item
    /// type share it.
    #[inline(never)]
    fn items(&self, field: &str) -> JsResult<Option<Vec<JsValue>>> {
        Ok(self.array(field)?.map(|a| a.iter().collect()))
    }

    /// An array of objects, each read by `f` (their fields' paths start with `field.`).
    pub fn objects<T>(
        &self,
        field: &'static str,
        f: impl Fn(&Obj<'_>) -> JsResult<T>,
    ) -> JsResult<Vec<T>> {
        let Some(items) = self.array(field)? else {
            return Ok(Vec::new());
        };
        items
            .iter()
            .map(|item| f(&Obj::with_prefix(field, Some(field), &item)?))
            .collect()
    }

    fn array(&self, field: &str) -> JsResult<Option<Array>> {
        match self.get(field)? {
            None => Ok(None),
            Some(v) => v
                .dyn_into::<Array>()
                .map(Some)
                .map_err(|_| invalid(&self.path(field), "expected an array")),
        }
    }
}

/// A `bigint` in i64 range, or a `number` that is a safe integer.
pub fn int(v: &JsValue) -> Option<i64> {
    if v.is_bigint() {
        return i64::try_from_js_value_ref(v);
    }
    safe_integer(v)
}

/// A `bigint` in u64 range, or a non-negative safe integer `number`.
pub fn uint(v: &JsValue) -> Option<u64> {
    if v.is_bigint() {
        return u64::try_from_js_value_ref(v);
    }
    safe_integer(v).and_then(|n| u64::try_from(n).ok())
}

fn safe_integer(v: &JsValue) -> Option<i64> {
    let f = v.as_f64()?;
    // `as` saturates (NaN gives 0), so the round trip holds exactly for integral values.
    let n = f as i64;
    (n as f64 == f && n.unsigned_abs() <= 9_007_199_254_740_991).then_some(n)
}

/// A `Uint8Array`, an `ArrayBuffer`, an array of numbers 0..=255, or a string taken as UTF-8.
pub fn bytes(v: &JsValue) -> Option<Vec<u8>> {
    if let Some(s) = v.as_string() {
        return Some(s.into_bytes());
    }
    if let Some(a) = v.dyn_ref::<Uint8Array>() {
        return Some(a.to_vec());
    }
    if let Some(b) = v.dyn_ref::<ArrayBuffer>() {
        return Some(Uint8Array::new(b).to_vec());
    }
    v.dyn_ref::<Array>()?
        .iter()
        .map(|n| safe_integer(&n).and_then(|n| u8::try_from(n).ok()))
        .collect()
}
