//! How far two images are apart, with a tolerance that absorbs the anti-aliasing differences of
//! one rasteriser version to the next.

use image::RgbaImage;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tolerance {
    /// A pixel differs when some channel is further apart than this.
    pub per_channel: u8,
    /// Images agree when at most this fraction of pixels differ.
    pub max_fraction: f64,
}

impl Default for Tolerance {
    /// Edges may shift by a shade; at most 0.5 % of pixels may differ beyond that.
    fn default() -> Self {
        Tolerance { per_channel: 24, max_fraction: 0.005 }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ImageDiff {
    pub same_size: bool,
    pub differing: usize,
    pub total: usize,
    pub max_delta: u8,
}

impl ImageDiff {
    pub fn fraction(&self) -> f64 {
        if self.total == 0 { 0.0 } else { self.differing as f64 / self.total as f64 }
    }

    pub fn within(&self, tolerance: &Tolerance) -> bool {
        self.same_size && self.fraction() <= tolerance.max_fraction
    }
}

impl std::fmt::Display for ImageDiff {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if !self.same_size {
            return write!(f, "the images differ in size");
        }
        write!(
            f,
            "{} of {} pixels differ ({:.3} %), the largest difference {} of 255",
            self.differing,
            self.total,
            self.fraction() * 100.0,
            self.max_delta
        )
    }
}

/// Compares `a` with `b` pixel by pixel.
pub fn compare(a: &RgbaImage, b: &RgbaImage, tolerance: &Tolerance) -> ImageDiff {
    if a.dimensions() != b.dimensions() {
        return ImageDiff { same_size: false, differing: 0, total: 0, max_delta: 255 };
    }
    let mut differing = 0;
    let mut max_delta = 0;
    for (p, q) in a.pixels().zip(b.pixels()) {
        let delta = p.0.iter().zip(q.0.iter()).map(|(x, y)| x.abs_diff(*y)).max().unwrap_or(0);
        max_delta = max_delta.max(delta);
        if delta > tolerance.per_channel {
            differing += 1;
        }
    }
    ImageDiff { same_size: true, differing, total: a.pixels().len(), max_delta }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_shifts_pass_and_real_changes_fail() {
        let a = RgbaImage::from_pixel(100, 100, image::Rgba([200, 100, 50, 255]));
        let mut b = a.clone();
        b.put_pixel(3, 3, image::Rgba([210, 100, 50, 255]));
        let tolerance = Tolerance::default();
        assert!(compare(&a, &b, &tolerance).within(&tolerance));
        for x in 0..100 {
            b.put_pixel(x, 50, image::Rgba([0, 0, 0, 255]));
        }
        let diff = compare(&a, &b, &tolerance);
        assert_eq!(diff.differing, 100);
        assert!(!diff.within(&tolerance), "{diff}");
        assert!(!compare(&a, &RgbaImage::new(10, 10), &tolerance).within(&tolerance));
    }
}
