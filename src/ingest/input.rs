//! Reading an article file, with a clear error for anything that is not plain UTF-8 text.

use std::io;
use std::path::Path;

/// Articles are kilobytes; anything this large is not one.
pub const MAX_BYTES: u64 = 10 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("cannot read {path}")]
    Io {
        path: String,
        #[source]
        source: io::Error,
    },
    #[error("{path} is empty: there is no article to read")]
    Empty { path: String },
    #[error("{path} holds only white space: there is no article to read")]
    Blank { path: String },
    #[error("{path} is {mb:.1} MB: an article is expected to be under {} MB (split it into articles)", MAX_BYTES / 1024 / 1024)]
    TooLarge { path: String, mb: f64 },
    #[error("{path} looks like a binary file, not an article (it contains NUL bytes)")]
    Binary { path: String },
    #[error(
        "{path} is not UTF-8 text (first bad byte at offset {offset}); convert it first, e.g. `iconv -f WINDOWS-1252 -t UTF-8`"
    )]
    NotUtf8 { path: String, offset: usize },
}

/// The text of an article file.
pub fn read_article(path: &Path) -> Result<String, InputError> {
    let shown = path.display().to_string();
    let io = |source| InputError::Io { path: shown.clone(), source };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_BYTES {
        return Err(InputError::TooLarge { path: shown, mb: size as f64 / 1024.0 / 1024.0 });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    check(&shown, bytes)
}

/// Checks bytes read from `path` and returns them as text, without a byte-order mark.
pub fn check(path: &str, bytes: Vec<u8>) -> Result<String, InputError> {
    let path = path.to_string();
    if bytes.is_empty() {
        return Err(InputError::Empty { path });
    }
    if bytes.len() as u64 > MAX_BYTES {
        return Err(InputError::TooLarge { path, mb: bytes.len() as f64 / 1024.0 / 1024.0 });
    }
    if bytes.contains(&0) {
        return Err(InputError::Binary { path });
    }
    let mut text = String::from_utf8(bytes)
        .map_err(|e| InputError::NotUtf8 { path: path.clone(), offset: e.utf8_error().valid_up_to() })?;
    if text.starts_with('\u{feff}') {
        text.replace_range(..3, "");
    }
    if text.trim().is_empty() {
        return Err(InputError::Blank { path });
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_input_is_named_clearly() {
        let cases: Vec<(Vec<u8>, &str)> = vec![
            (vec![], "a.txt is empty"),
            (b" \n\t".to_vec(), "only white space"),
            (b"PK\x03\x04\x00\x00".to_vec(), "binary"),
            (b"caf\xe9 au lait".to_vec(), "not UTF-8 text (first bad byte at offset 3)"),
        ];
        for (bytes, want) in cases {
            let err = check("a.txt", bytes).unwrap_err().to_string();
            assert!(err.contains(want), "{err}");
        }
        assert_eq!(check("a.txt", b"\xef\xbb\xbfHello.".to_vec()).unwrap(), "Hello.");
    }
}
