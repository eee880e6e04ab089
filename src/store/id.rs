//! A published chart's ID: the one name of its folder in the store and of its address.

pub use crate::spec::MAX_ID_CHARS;

/// Accepts a slug of lower-case ASCII letters, digits and hyphens, 1–80 characters, starting with
/// a letter or digit; anything else (`../x`, `a/b`, `.`, empty, upper case, over-long) is refused
/// with the reason, so no ID can name a path outside its own folder.
pub fn check_id(id: &str) -> Result<(), String> {
    let shown: String = id.chars().take(40).collect();
    if id.is_empty() {
        return Err("the chart ID is empty: give a slug such as online-abuse-trend".into());
    }
    if id.chars().count() > MAX_ID_CHARS {
        return Err(cat!(
            "the chart ID \"",
            shown,
            "…\" is over ",
            MAX_ID_CHARS,
            " characters"
        ));
    }
    let ok = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
    if !id.chars().all(ok) || id.starts_with('-') {
        return Err(cat!(
            "the chart ID \"",
            shown,
            "\" may hold only lower-case letters a–z, digits and hyphens, and start with a \
             letter or digit"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_only() {
        for good in ["a", "online-abuse-2020", "9", &"a".repeat(80)] {
            assert_eq!(check_id(good), Ok(()), "{good}");
        }
        for bad in [
            "",
            "../x",
            "a/b",
            ".",
            "..",
            "A",
            "a b",
            "-a",
            "a_b",
            "é",
            "a\0",
            &"a".repeat(81),
            "a%2fb",
            "a\\b",
        ] {
            assert!(check_id(bad).is_err(), "{bad:?}");
        }
    }
}
