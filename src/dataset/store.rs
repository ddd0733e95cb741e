//! Where the data comes from: a directory on disk, or the copy embedded in the binary.

use include_dir::{Dir, include_dir};
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};

static EMBEDDED_DATA: Dir = include_dir!("$CARGO_MANIFEST_DIR/data");
static EMBEDDED_SEEDS: Dir = include_dir!("$CARGO_MANIFEST_DIR/seeds");

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataDir {
    /// The dataset shipped inside the binary (`data/` and `seeds/` of the source tree).
    Embedded,
    Disk(PathBuf),
}

#[derive(Debug, thiserror::Error)]
#[error("cannot read the data directory {path}")]
pub struct UnreadableDir {
    pub path: String,
    #[source]
    pub source: io::Error,
}

impl DataDir {
    /// The frozen seed-only dataset under `tests/fixtures/seed-dataset` of the source tree, which
    /// tests of the seed moments read so that the built-in dataset can grow.
    #[doc(hidden)]
    pub fn seed_fixture() -> DataDir {
        DataDir::Disk(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed-dataset"))
    }

    /// Fails only when the directory itself cannot be read; missing files are problems, found later.
    pub fn check(&self) -> Result<(), UnreadableDir> {
        match self {
            DataDir::Embedded => Ok(()),
            DataDir::Disk(dir) => match std::fs::read_dir(dir) {
                Ok(_) => Ok(()),
                Err(source) => Err(UnreadableDir { path: dir.display().to_string(), source }),
            },
        }
    }

    /// How a file of this directory is named in messages.
    pub fn display(&self, rel: &str) -> String {
        match self {
            DataDir::Embedded => normalize(&Path::new("data").join(rel)).display().to_string(),
            DataDir::Disk(dir) => dir.join(rel).display().to_string(),
        }
    }

    /// The bytes of a file given relative to the data directory; `Ok(None)` when it does not exist.
    pub fn read(&self, rel: &str) -> io::Result<Option<Vec<u8>>> {
        match self.open(rel)? {
            Some(Input::Embedded(bytes)) => Ok(Some(bytes.to_vec())),
            Some(Input::File(mut file)) => {
                let mut bytes = Vec::new();
                file.read_to_end(&mut bytes)?;
                Ok(Some(bytes))
            }
            None => Ok(None),
        }
    }

    /// The length in bytes of a file given relative to the data directory, when it exists.
    pub fn size(&self, rel: &str) -> Option<u64> {
        match self {
            DataDir::Embedded => match self.open(rel) {
                Ok(Some(Input::Embedded(bytes))) => Some(bytes.len() as u64),
                _ => None,
            },
            DataDir::Disk(dir) => std::fs::metadata(dir.join(rel)).ok().map(|m| m.len()),
        }
    }

    /// Writes the built-in dataset into `to` (which must be empty or missing) as a dataset of the
    /// user's own: its tables and `dataset.toml`, the gazetteer, and the seed articles under
    /// `seeds/` with sources.csv pointing there. A dataset on disk is not copied.
    pub fn write_copy(&self, to: &Path) -> io::Result<()> {
        if *self != DataDir::Embedded {
            return Err(io::Error::other("only the built-in dataset is copied"));
        }
        if std::fs::read_dir(to).is_ok_and(|mut entries| entries.next().is_some()) {
            return Err(io::Error::other(format!("{} is not empty", to.display())));
        }
        fn write_dir(dir: &Dir, to: &Path) -> io::Result<()> {
            for file in dir.files() {
                let path = to.join(file.path());
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent)?;
                }
                std::fs::write(path, file.contents())?;
            }
            dir.dirs().try_for_each(|d| write_dir(d, to))
        }
        std::fs::create_dir_all(to)?;
        write_dir(&EMBEDDED_DATA, to)?;
        write_dir(&EMBEDDED_SEEDS, &to.join("seeds"))?;
        // The built-in sources point at ../seeds/: in the copy the seeds sit inside the folder.
        let sources = to.join("sources.csv");
        let text = std::fs::read_to_string(&sources)?;
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let mut writer = csv::Writer::from_writer(Vec::new());
        let header = reader.headers().map_err(io::Error::other)?.clone();
        let file_column = header.iter().position(|h| h == "file");
        writer.write_record(&header).map_err(io::Error::other)?;
        for record in reader.records() {
            let record = record.map_err(io::Error::other)?;
            let fields = record.iter().enumerate().map(|(i, f)| {
                match (Some(i) == file_column, f.strip_prefix("../")) {
                    (true, Some(inside)) => inside.to_string(),
                    _ => f.to_string(),
                }
            });
            writer.write_record(fields).map_err(io::Error::other)?;
        }
        std::fs::write(&sources, writer.into_inner().map_err(|e| io::Error::other(e.to_string()))?)
    }

    /// A file given relative to the data directory, to be read as a stream; `Ok(None)` when it
    /// does not exist.
    pub fn open(&self, rel: &str) -> io::Result<Option<Input>> {
        match self {
            DataDir::Embedded => {
                let path = normalize(&Path::new("data").join(rel));
                let found = if let Ok(inner) = path.strip_prefix("data") {
                    EMBEDDED_DATA.get_file(inner)
                } else if let Ok(inner) = path.strip_prefix("seeds") {
                    EMBEDDED_SEEDS.get_file(inner)
                } else {
                    None
                };
                Ok(found.map(|f| Input::Embedded(f.contents())))
            }
            DataDir::Disk(dir) => match std::fs::File::open(dir.join(rel)) {
                Ok(file) => Ok(Some(Input::File(file))),
                Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
                Err(e) => Err(e),
            },
        }
    }
}

/// A reader that tells `progress` how many bytes each read brought, of its first `until`.
pub struct Counted<'p, R> {
    pub input: R,
    pub progress: super::Progress<'p>,
    /// How many bytes to tell of: a reader that reads on past where another starts leaves
    /// those bytes to the other.
    pub until: u64,
    passed: u64,
}

impl<'p, R> Counted<'p, R> {
    pub fn new(input: R, progress: super::Progress<'p>) -> Self {
        Counted { input, progress, until: u64::MAX, passed: 0 }
    }
}

impl<R: Read> Read for Counted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.input.read(buf)?;
        let passed = self.passed + n as u64;
        let told = passed.min(self.until) - self.passed.min(self.until);
        self.passed = passed;
        if told > 0 {
            (self.progress)(told);
        }
        Ok(n)
    }
}

/// An open file of a data directory.
#[derive(Debug)]
pub enum Input {
    Embedded(&'static [u8]),
    File(std::fs::File),
}

impl Input {
    /// Moves `bytes` on: the next read starts there.
    pub fn skip(&mut self, bytes: u64) -> io::Result<()> {
        match self {
            Input::Embedded(rest) => {
                *rest = rest.get(bytes as usize..).unwrap_or(&[]);
                Ok(())
            }
            Input::File(file) => {
                use std::io::Seek;
                file.seek(io::SeekFrom::Current(bytes as i64)).map(|_| ())
            }
        }
    }
}

impl Read for Input {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Input::Embedded(bytes) => bytes.read(buf),
            Input::File(file) => file.read(buf),
        }
    }
}

/// Resolves `.` and `..` without touching the file system.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_copy_holds_the_data_and_the_seeds() {
        let dir = DataDir::Embedded;
        assert!(dir.read("claims.csv").unwrap().is_some());
        assert!(dir.read("../seeds/000_1f3c49f2a74e02c1.txt").unwrap().is_some());
        assert!(dir.read("nothing.csv").unwrap().is_none());
        assert_eq!(dir.display("../seeds/a.txt"), "seeds/a.txt");
    }
}
