//! The canonical text of a JSON value (keys sorted, no spaces) and a
//! 128-bit FNV-1a hash of it: the input of a revision id, so the same
//! change made on two devices gives the same revision, whatever order a
//! JSON library kept the keys in.

use serde_json::Value;

/// `value` as JSON text with every object's keys in byte order.
pub fn canonical(value: &Value) -> String {
    let mut out = String::new();
    write(value, &mut out);
    out
}

fn write(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                if let Some(v) = map.get(key) {
                    write(v, out);
                }
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(v, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// FNV-1a over `bytes`, 128 bits, as 32 lower-case hex digits (the length
/// of CouchDB's own MD5 revision hashes). Not a cryptographic hash: a
/// revision id only has to tell versions of one document apart.
pub fn hash_hex(bytes: &[u8]) -> String {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
    let mut h = OFFSET;
    for &b in bytes {
        h ^= u128::from(b);
        h = h.wrapping_mul(PRIME);
    }
    format!("{h:032x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keys_are_sorted_at_every_depth() {
        let a = json!({"b": 1, "a": {"y": [1, {"d": 2, "c": 3}], "x": "é\"q"}});
        assert_eq!(
            canonical(&a),
            r#"{"a":{"x":"é\"q","y":[1,{"c":3,"d":2}]},"b":1}"#
        );
    }

    #[test]
    fn the_hash_is_fnv1a_128() {
        // The published FNV-1a 128 value of the empty input and of "a".
        assert_eq!(hash_hex(b""), "6c62272e07bb014262b821756295c58d");
        assert_eq!(hash_hex(b"a"), "d228cb696f1a8caf78912b704e4a8964");
        assert_ne!(hash_hex(b"ab"), hash_hex(b"ba"));
    }
}
