//! Writing images: a PNG, or an animation (GIF or APNG) a frame at a time. Files appear whole or
//! not at all: everything goes to a temporary file beside the target, renamed into place at the end.

use super::RenderError;
use image::RgbaImage;
use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// A temporary file beside `path`, removed unless `commit` renames it into place.
struct Staged {
    path: PathBuf,
    temp: PathBuf,
    committed: bool,
}

impl Staged {
    fn create(path: &Path) -> Result<(Staged, BufWriter<File>), RenderError> {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name.is_empty() || path.is_dir() {
            return Err(write_error(path, std::io::Error::other("not a file name")));
        }
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
        let file = File::create(&temp).map_err(|e| write_error(path, e))?;
        let staged = Staged { path: path.to_path_buf(), temp, committed: false };
        Ok((staged, BufWriter::new(file)))
    }

    /// Moves the temporary file into place; everything must have been flushed to it.
    fn commit(mut self) -> Result<(), RenderError> {
        fs::rename(&self.temp, &self.path).map_err(|e| write_error(&self.path, e))?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_file(&self.temp);
        }
    }
}

fn write_error(path: &Path, source: std::io::Error) -> RenderError {
    RenderError::Write { path: path.to_path_buf(), source }
}

fn encode_error(path: &Path, e: impl std::fmt::Display) -> RenderError {
    RenderError::Encode { path: path.to_path_buf(), message: e.to_string() }
}

/// Fails now, with the reason, if `path` could not be written; leaves nothing behind.
pub fn check_writable(path: &Path) -> Result<(), RenderError> {
    let (staged, writer) = Staged::create(path)?;
    drop(writer);
    drop(staged);
    Ok(())
}

fn png_encoder<W: Write>(w: W, width: u32, height: u32) -> png::Encoder<'static, W> {
    let mut encoder = png::Encoder::new(w, width, height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    encoder
}

/// Writes `image` as a PNG at `path`, atomically: a reader never sees half a file, and a failed
/// write leaves whatever was there before.
pub fn write_png_atomic(image: &RgbaImage, path: &Path) -> Result<(), RenderError> {
    let (staged, mut out) = Staged::create(path)?;
    {
        let encoder = png_encoder(&mut out, image.width(), image.height());
        let mut writer = encoder.write_header().map_err(|e| encode_error(path, e))?;
        writer.write_image_data(image.as_raw()).map_err(|e| encode_error(path, e))?;
        writer.finish().map_err(|e| encode_error(path, e))?;
    }
    out.flush().map_err(|e| write_error(path, e))?;
    drop(out);
    staged.commit()
}

/// Writes `bytes` at `path`, atomically, as `write_png_atomic` does.
pub fn write_atomic(bytes: &[u8], path: &Path) -> Result<(), RenderError> {
    let (staged, mut out) = Staged::create(path)?;
    out.write_all(bytes).map_err(|e| write_error(path, e))?;
    out.flush().map_err(|e| write_error(path, e))?;
    drop(out);
    staged.commit()
}

/// The PNG bytes of an image, e.g. for the clipboard.
pub fn png_bytes(image: &RgbaImage) -> Result<Vec<u8>, RenderError> {
    let mut out = Vec::new();
    let encode = |e: png::EncodingError| encode_error(Path::new("(memory)"), e);
    let encoder = png_encoder(&mut out, image.width(), image.height());
    let mut writer = encoder.write_header().map_err(encode)?;
    writer.write_image_data(image.as_raw()).map_err(encode)?;
    writer.finish().map_err(encode)?;
    Ok(out)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnimationFormat {
    Gif,
    /// Animated PNG: every frame lossless.
    Apng,
    /// H.264 video in an MP4 file, through the system's ffmpeg.
    Mp4,
}

impl AnimationFormat {
    /// `.gif` is a GIF, `.png` or `.apng` an animated PNG, `.mp4` a video.
    pub fn from_path(path: &Path) -> Option<AnimationFormat> {
        let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
        match ext.as_str() {
            "gif" => Some(AnimationFormat::Gif),
            "png" | "apng" => Some(AnimationFormat::Apng),
            "mp4" => Some(AnimationFormat::Mp4),
            _ => None,
        }
    }
}

enum Sink {
    Gif { encoder: gif::Encoder<BufWriter<File>>, palette: Option<Palette>, delay_cs: u16, last_cs: u16 },
    Apng { writer: png::Writer<BufWriter<File>>, last_ms: u16 },
    Video(super::video::Video),
}

/// An animation being written, one frame at a time; nothing appears at `path` until `finish`.
pub struct Animation {
    staged: Staged,
    sink: Sink,
    size: [u32; 2],
    frames: u32,
    written: u32,
    /// Colours that must come out exactly in a GIF (the factions'), whatever the first frame holds.
    keep: Vec<[u8; 3]>,
    frame_ms: u32,
}

impl Animation {
    /// Starts an animation of `frames` frames of `size` pixels, each shown `frame_ms`, the last
    /// one three times as long, looping forever. `keep` are colours a GIF must render exactly.
    pub fn create(
        path: &Path,
        format: AnimationFormat,
        size: [u32; 2],
        frames: u32,
        frame_ms: u32,
        keep: &[[u8; 3]],
    ) -> Result<Animation, RenderError> {
        if frames == 0 {
            return Err(RenderError::Spec("an animation needs at least one frame".into()));
        }
        let (staged, out) = Staged::create(path)?;
        let frame_ms = frame_ms.clamp(20, 60_000);
        let sink = match format {
            AnimationFormat::Gif => {
                let (Ok(w), Ok(h)) = (u16::try_from(size[0]), u16::try_from(size[1])) else {
                    return Err(RenderError::Spec("a GIF is at most 65535 pixels a side".into()));
                };
                let mut encoder = gif::Encoder::new(out, w, h, &[]).map_err(|e| encode_error(path, e))?;
                encoder.set_repeat(gif::Repeat::Infinite).map_err(|e| encode_error(path, e))?;
                let delay_cs = (frame_ms / 10) as u16;
                Sink::Gif { encoder, palette: None, delay_cs, last_cs: delay_cs.saturating_mul(3) }
            }
            AnimationFormat::Apng => {
                let mut encoder = png_encoder(out, size[0], size[1]);
                encoder.set_animated(frames, 0).map_err(|e| encode_error(path, e))?;
                encoder.set_frame_delay(frame_ms as u16, 1000).map_err(|e| encode_error(path, e))?;
                let writer = encoder.write_header().map_err(|e| encode_error(path, e))?;
                Sink::Apng { writer, last_ms: (frame_ms * 3).min(u32::from(u16::MAX)) as u16 }
            }
            AnimationFormat::Mp4 => {
                // ffmpeg writes the staged file itself.
                drop(out);
                Sink::Video(super::video::Video::start(&staged.temp, path, size)?)
            }
        };
        Ok(Animation { staged, sink, size, frames, written: 0, keep: keep.to_vec(), frame_ms })
    }

    /// Adds the next frame, shown for `held_ms` rather than the animation's frame time when given
    /// (a change of hands held for the eye to take in); it must be of the animation's size.
    pub fn add(&mut self, image: &RgbaImage, held_ms: Option<u32>) -> Result<(), RenderError> {
        let path = self.staged.path.clone();
        if [image.width(), image.height()] != self.size {
            return Err(encode_error(&path, "frames must all be of the same size"));
        }
        if self.written == self.frames {
            return Err(encode_error(&path, format!("more than the {} frames announced", self.frames)));
        }
        self.written += 1;
        let last = self.written == self.frames;
        let shown_ms = held_ms.unwrap_or(self.frame_ms).max(if last { self.frame_ms * 3 } else { 0 });
        match &mut self.sink {
            Sink::Gif { encoder, palette, delay_cs, last_cs } => {
                let palette = palette.get_or_insert_with(|| Palette::new(image, &self.keep));
                let (w, h) = (self.size[0] as u16, self.size[1] as u16);
                let mut frame =
                    gif::Frame::from_palette_pixels(w, h, palette.indices(image), palette.rgb.clone(), None);
                frame.delay = match (last, held_ms) {
                    (false, None) => *delay_cs,
                    (true, None) => *last_cs,
                    _ => (shown_ms / 10).min(u32::from(u16::MAX)) as u16,
                };
                encoder.write_frame(&frame).map_err(|e| encode_error(&path, e))?;
            }
            Sink::Apng { writer, last_ms } => {
                let delay =
                    if held_ms.is_some() { shown_ms.min(u32::from(u16::MAX)) as u16 } else { *last_ms };
                if last || held_ms.is_some() {
                    writer.set_frame_delay(delay, 1000).map_err(|e| encode_error(&path, e))?;
                }
                writer.write_image_data(image.as_raw()).map_err(|e| encode_error(&path, e))?;
                if held_ms.is_some() && !last {
                    // The next frame goes back to the animation's own time.
                    let ms = self.frame_ms.min(u32::from(u16::MAX)) as u16;
                    writer.set_frame_delay(ms, 1000).map_err(|e| encode_error(&path, e))?;
                }
            }
            Sink::Video(video) => video.add(image.as_raw(), shown_ms)?,
        }
        Ok(())
    }

    /// Completes the file and moves it into place.
    pub fn finish(self) -> Result<(), RenderError> {
        let path = self.staged.path.clone();
        if self.written != self.frames {
            return Err(encode_error(&path, format!("{} of {} frames written", self.written, self.frames)));
        }
        match self.sink {
            Sink::Gif { encoder, .. } => {
                let mut out = encoder.into_inner().map_err(|e| encode_error(&path, e))?;
                out.flush().map_err(|e| write_error(&path, e))?;
            }
            // Writes the end of the file and flushes it.
            Sink::Apng { writer, .. } => writer.finish().map_err(|e| encode_error(&path, e))?,
            Sink::Video(video) => video.finish()?,
        }
        self.staged.commit()
    }
}

/// One palette for every frame of a GIF, so colours do not flicker from frame to frame: the
/// colours to keep exactly, and the rest learnt from the first frame.
struct Palette {
    rgb: Vec<u8>,
    keep: Vec<[u8; 3]>,
    quant: color_quant::NeuQuant,
    cache: HashMap<[u8; 3], u8>,
}

impl Palette {
    fn new(first: &RgbaImage, keep: &[[u8; 3]]) -> Palette {
        let mut keep: Vec<[u8; 3]> = keep.to_vec();
        keep.dedup();
        keep.truncate(64);
        let learnt = 256 - keep.len();
        let quant = color_quant::NeuQuant::new(10, learnt, first.as_raw());
        let mut rgb: Vec<u8> = keep.iter().flatten().copied().collect();
        rgb.extend(quant.color_map_rgb());
        Palette { rgb, keep, quant, cache: HashMap::new() }
    }

    fn index(&mut self, [r, g, b]: [u8; 3]) -> u8 {
        if let Some(&i) = self.cache.get(&[r, g, b]) {
            return i;
        }
        let learnt = self.quant.index_of(&[r, g, b, 255]);
        let distance = |c: [u8; 3]| {
            let d = |a: u8, b: u8| (i32::from(a) - i32::from(b)).pow(2);
            d(c[0], r) + d(c[1], g) + d(c[2], b)
        };
        let learnt_rgb = self.quant.lookup(learnt).map_or([0, 0, 0], |c| [c[0], c[1], c[2]]);
        let mut best = (distance(learnt_rgb), self.keep.len() + learnt);
        for (i, &c) in self.keep.iter().enumerate() {
            if distance(c) < best.0 {
                best = (distance(c), i);
            }
        }
        let i = best.1.min(255) as u8;
        self.cache.insert([r, g, b], i);
        i
    }

    fn indices(&mut self, image: &RgbaImage) -> Vec<u8> {
        image.pixels().map(|p| self.index([p[0], p[1], p[2]])).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_colour(a: [u8; 4], b: [u8; 4]) -> RgbaImage {
        RgbaImage::from_fn(40, 30, |x, _| image::Rgba(if x < 20 { a } else { b }))
    }

    #[test]
    fn png_is_written_whole_and_nothing_is_left_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.png");
        let image = two_colour([255, 0, 0, 255], [0, 0, 255, 255]);
        write_png_atomic(&image, &path).unwrap();
        assert_eq!(image::open(&path).unwrap().to_rgba8(), image);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left");
        let missing = dir.path().join("no/such/dir/map.png");
        assert!(matches!(write_png_atomic(&image, &missing), Err(RenderError::Write { .. })));
        assert!(check_writable(&missing).is_err());
        assert!(check_writable(&path).is_ok());
    }

    #[test]
    fn gif_and_apng_hold_every_frame_and_keep_faction_colours() {
        let dir = tempfile::tempdir().unwrap();
        let lna = [0xd5, 0x5e, 0x00];
        let frames =
            [two_colour([255, 255, 255, 255], [0, 0, 0, 255]), two_colour([0xd5, 0x5e, 0, 255], [0; 4])];
        for (name, format) in [("a.gif", AnimationFormat::Gif), ("a.png", AnimationFormat::Apng)] {
            let path = dir.path().join(name);
            assert_eq!(AnimationFormat::from_path(&path), Some(format));
            let mut animation = Animation::create(&path, format, [40, 30], 2, 200, &[lna]).unwrap();
            for f in &frames {
                animation.add(f, None).unwrap();
            }
            animation.finish().unwrap();
            let bytes = fs::read(&path).unwrap();
            if format == AnimationFormat::Gif {
                use image::AnimationDecoder;
                let decoder = image::codecs::gif::GifDecoder::new(std::io::Cursor::new(bytes)).unwrap();
                let decoded: Vec<_> = decoder.into_frames().collect::<Result<_, _>>().unwrap();
                assert_eq!(decoded.len(), 2);
                assert_eq!(
                    decoded[1].buffer().get_pixel(5, 5).0,
                    [0xd5, 0x5e, 0x00, 255],
                    "LNA orange exact"
                );
            } else {
                assert!(bytes.windows(4).any(|w| w == b"acTL"), "an animated PNG");
            }
        }
        assert_eq!(AnimationFormat::from_path(Path::new("x.jpg")), None);
    }
}
