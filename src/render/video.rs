//! Timelapses as H.264 video in an MP4 file, encoded by the system's `ffmpeg` (found on PATH):
//! the format video and social platforms take, in full colour where a GIF has 256.

use super::RenderError;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};

/// Frames per second of the video itself: each image is repeated for as long as it shows, so a
/// frame shown half a second is fifteen identical frames, which H.264 stores almost for free.
pub const VIDEO_FPS: u32 = 30;

/// `ffmpeg` on PATH, or why there is none.
pub fn find_ffmpeg() -> Result<PathBuf, RenderError> {
    let found = std::env::var_os("PATH")
        .into_iter()
        .flat_map(|path| std::env::split_paths(&path).collect::<Vec<_>>())
        .map(|dir| dir.join("ffmpeg"))
        .find(|candidate| candidate.is_file());
    found.ok_or_else(|| {
        RenderError::Spec(
            "an .mp4 timelapse needs ffmpeg, which is not on PATH (Debian/Ubuntu: apt-get install ffmpeg); \
             write a .gif or .png instead"
                .into(),
        )
    })
}

/// A video being encoded into `into` (a temporary file the caller moves into place).
pub struct Video {
    child: Child,
    input: Option<ChildStdin>,
    size: [u32; 2],
    shown: Vec<u8>,
    path: PathBuf,
}

impl Video {
    /// Starts ffmpeg encoding `size`-pixel RGBA frames into `into` (shown as `path` in messages).
    pub fn start(into: &Path, path: &Path, size: [u32; 2]) -> Result<Video, RenderError> {
        let ffmpeg = find_ffmpeg()?;
        if size.iter().any(|side| side % 2 != 0) {
            return Err(RenderError::Spec(format!(
                "an .mp4 timelapse needs an even width and height, not {}x{} pixels",
                size[0], size[1]
            )));
        }
        let mut child = Command::new(ffmpeg)
            .args(["-hide_banner", "-loglevel", "error", "-y", "-f", "rawvideo", "-pixel_format", "rgba"])
            .args(["-video_size", &format!("{}x{}", size[0], size[1])])
            .args(["-framerate", &VIDEO_FPS.to_string(), "-i", "-"])
            .args(["-c:v", "libx264", "-preset", "medium", "-crf", "20", "-pix_fmt", "yuv420p"])
            .args(["-movflags", "+faststart", "-f", "mp4"])
            .arg(into)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| RenderError::Write { path: path.to_path_buf(), source: e })?;
        let input = child.stdin.take();
        Ok(Video { child, input, size, shown: Vec::new(), path: path.to_path_buf() })
    }

    /// Adds an image shown for `ms` milliseconds.
    pub fn add(&mut self, rgba: &[u8], ms: u32) -> Result<(), RenderError> {
        let repeats = (u64::from(ms) * u64::from(VIDEO_FPS)).div_ceil(1000).max(1);
        // The frame is flattened on white, as the PNG and the page show it.
        self.shown.clear();
        self.shown.extend(rgba.chunks_exact(4).flat_map(|p| {
            let a = u16::from(p[3]);
            let over = |c: u8| ((u16::from(c) * a + 255 * (255 - a)) / 255) as u8;
            [over(p[0]), over(p[1]), over(p[2]), 255]
        }));
        let Some(input) = self.input.as_mut() else { return Err(self.failed("ffmpeg's input is closed")) };
        for _ in 0..repeats {
            if input.write_all(&self.shown).is_err() {
                return Err(self.failed("ffmpeg stopped reading"));
            }
        }
        Ok(())
    }

    /// Ends the input and waits for ffmpeg to finish the file.
    pub fn finish(mut self) -> Result<(), RenderError> {
        drop(self.input.take());
        let output = self
            .child
            .wait_with_output()
            .map_err(|e| RenderError::Write { path: self.path.clone(), source: e })?;
        if output.status.success() {
            Ok(())
        } else {
            let said = String::from_utf8_lossy(&output.stderr);
            Err(RenderError::Encode { path: self.path, message: format!("ffmpeg failed: {}", said.trim()) })
        }
    }

    fn failed(&mut self, what: &str) -> RenderError {
        drop(self.input.take());
        let mut said = String::new();
        if let Some(mut stderr) = self.child.stderr.take() {
            let _ = std::io::Read::read_to_string(&mut stderr, &mut said);
        }
        let _ = self.child.wait();
        let [w, h] = self.size;
        RenderError::Encode { path: self.path.clone(), message: format!("{what} ({w}x{h}): {}", said.trim()) }
    }
}
