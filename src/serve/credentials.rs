//! Newsroom credentials: each journalist who may publish has a name and a random token; the
//! credentials file keeps the name and the token's SHA-256, never the token.
//!
//! ```text
//! # offence-charts credentials: NAME<TAB>sha256(TOKEN) in hex
//! Ann Editor<TAB>9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
//! ```

use sha2::{Digest, Sha256};
use std::io;
use std::path::Path;

/// The names and token hashes of a credentials file.
#[derive(Debug, Clone, Default)]
pub struct Credentials {
    entries: Vec<(String, [u8; 32])>,
}

fn hash(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

/// `bytes` in lower-case hex (token hashes, and the static files' ETags).
pub(super) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    s
}

fn unhex(s: &str) -> Option<[u8; 32]> {
    let mut out = [0u8; 32];
    if s.len() != 64 {
        return None;
    }
    for (i, slot) in out.iter_mut().enumerate() {
        *slot = u8::from_str_radix(s.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}

impl Credentials {
    /// Reads a credentials file; a line that is not `NAME<TAB>HASH` is an error naming the line.
    pub fn read(path: &Path) -> io::Result<Credentials> {
        let text = std::fs::read_to_string(path)?;
        let mut entries = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let parsed = line
                .split_once('\t')
                .and_then(|(name, h)| Some((name.to_owned(), unhex(h.trim())?)));
            match parsed {
                Some(entry) => entries.push(entry),
                None => {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!("{}:{}: not NAME<TAB>SHA-256 in hex", path.display(), i + 1),
                    ))
                }
            }
        }
        Ok(Credentials { entries })
    }

    /// The name whose token `token` is, comparing every hash in full (no early exit).
    pub fn who(&self, token: &str) -> Option<&str> {
        let h = hash(token);
        let mut found = None;
        for (name, stored) in &self.entries {
            let diff = stored
                .iter()
                .zip(h.iter())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b));
            if diff == 0 {
                found = Some(name.as_str());
            }
        }
        found
    }

    /// How many journalists may publish.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// No one may publish.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Adds `name` to the credentials file at `path` (created if missing) with a new random token,
/// which is returned: it is shown once and never stored.
pub fn add(path: &Path, name: &str) -> io::Result<String> {
    let name = name.trim();
    if name.is_empty()
        || name.chars().count() > crate::store::MAX_BY_CHARS
        || name.chars().any(char::is_control)
    {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "a name of 1–120 characters without tabs or line breaks",
        ));
    }
    if path.exists()
        && Credentials::read(path)?
            .entries
            .iter()
            .any(|(n, _)| n == name)
    {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("{name} has a credential already"),
        ));
    }
    let mut bytes = [0u8; 24];
    getrandom::fill(&mut bytes).map_err(|e| io::Error::other(e.to_string()))?;
    let token = hex(&bytes);
    let mut text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            "# offence-charts credentials: NAME<TAB>sha256(TOKEN) in hex\n".to_owned()
        }
        Err(e) => return Err(e),
    };
    text.push_str(&format!("{name}\t{}\n", hex(&hash(&token))));
    std::fs::write(path, text)?;
    Ok(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_known_by_its_hash_only() {
        let dir = std::env::temp_dir().join(format!("oc-cred-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("credentials");
        let token = add(&file, "Ann Editor").unwrap();
        let other = add(&file, "Bob").unwrap();
        assert!(add(&file, "Bob").is_err(), "one credential a name");
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(!text.contains(&token), "the token is not stored");
        let c = Credentials::read(&file).unwrap();
        assert_eq!(c.who(&token), Some("Ann Editor"));
        assert_eq!(c.who(&other), Some("Bob"));
        assert_eq!(c.who(""), None);
        assert_eq!(c.who(&token[1..]), None);
        std::fs::write(&file, "Ann\tnot-hex\n").unwrap();
        assert!(Credentials::read(&file).is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
