//! YAML text into a JSON value, integers of any size included.
//!
//! serde_json's own `Value` refuses integers past `u64` and below `i64` ("JSON number out of
//! range") when serde_yaml hands them over as 128-bit integers; a spec's `maximum:
//! 100000000000000000000` is legal, so those become the nearest `f64`, as serde_json itself
//! reads them from JSON text.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// Parses YAML text into a JSON value.
pub fn from_str(source: &str) -> Result<Value, serde_yaml::Error> {
    serde_yaml::from_str::<AnySize>(source).map(|v| v.0)
}

/// A JSON value read from YAML with integers of any size.
struct AnySize(Value);

impl<'de> Deserialize<'de> for AnySize {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(AnySizeVisitor).map(AnySize)
    }
}

/// Builds the value node by node, like serde_json's visitor but for 128-bit integers.
struct AnySizeVisitor;

impl<'de> Visitor<'de> for AnySizeVisitor {
    type Value = Value;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("any YAML value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_i128<E>(self, value: i128) -> Result<Value, E> {
        Ok(float(value as f64))
    }

    fn visit_u128<E>(self, value: u128) -> Result<Value, E> {
        Ok(float(value as f64))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        Ok(float(value))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_string()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Value, A::Error> {
        let mut list = Vec::new();
        while let Some(AnySize(item)) = items.next_element()? {
            list.push(item);
        }
        Ok(Value::Array(list))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<Value, A::Error> {
        let mut map = Map::new();
        while let Some((key, AnySize(value))) = entries.next_entry::<String, AnySize>()? {
            map.insert(key, value);
        }
        Ok(Value::Object(map))
    }
}

/// A float as JSON (`null` for what JSON cannot write, as serde_json does).
fn float(value: f64) -> Value {
    Number::from_f64(value).map_or(Value::Null, Value::Number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_integers_past_u64_and_below_i64_as_floats() {
        let value = from_str("big: 100000000000000000000\nlow: -9223372036854775809\n").unwrap();
        assert_eq!(value["big"].as_f64(), Some(1e20));
        assert_eq!(value["low"].as_f64(), Some(-9223372036854775809.0));
    }

    #[test]
    fn keeps_u64_exact_and_keys_as_written() {
        let value = from_str("max: 18446744073709551615\n200: ok\n").unwrap();
        assert_eq!(value["max"].as_u64(), Some(u64::MAX));
        assert_eq!(value["200"], "ok");
    }
}
