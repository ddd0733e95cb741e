//! A problem found in the data, named by file, line and column.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// The file as the user named it (e.g. `data/claims.csv`).
    pub file: String,
    /// 1-based line of the record, when the problem is in one.
    pub line: Option<u64>,
    pub column: Option<String>,
    pub message: String,
}

impl Problem {
    pub fn in_file(file: &str, message: impl Into<String>) -> Self {
        Problem { file: file.to_string(), line: None, column: None, message: message.into() }
    }

    pub fn at(file: &str, line: u64, column: &str, message: impl Into<String>) -> Self {
        Problem {
            file: file.to_string(),
            line: Some(line),
            column: Some(column.to_string()),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(column) = &self.column {
            write!(f, ": {column}")?;
        }
        write!(f, ": {}", self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_as_file_line_column_message() {
        assert_eq!(
            Problem::at("data/claims.csv", 12, "date", "'2017-02-30' is not a day of the calendar")
                .to_string(),
            "data/claims.csv:12: date: '2017-02-30' is not a day of the calendar"
        );
        assert_eq!(
            Problem::in_file("data/claims.csv", "file is missing").to_string(),
            "data/claims.csv: file is missing"
        );
    }
}
