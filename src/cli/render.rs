//! `sandline render`: briefing images and timelapses without a screen, drawn by the same code as
//! the viewer's "Export".

use super::Outcome;
use super::args::{AreaArgs, DataArg, StaleArg, parse_date, parse_day};
use crate::dataset::Dataset;
use crate::model::{FactionIx, PartialDate};
use crate::render::{
    AnimationFormat, BriefingSpec, DEFAULT_SIZE, ImageFormat, Renderer, Step, TIMELAPSE_SIZE, TimelapseOut,
    View, changed_dates, check_bbox, check_writable, frame_dates, frame_path, write_atomic, write_png_atomic,
    write_timelapse,
};
use anyhow::{Context, bail};
use chrono::NaiveDate;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The date of a single image: YYYY-MM-DD, or YYYY-MM / YYYY for the end of a month or year
    /// (default: the date in the dataset's dataset.toml).
    #[arg(long, value_name = "DATE", value_parser = parse_date, conflicts_with_all = ["from", "to"])]
    pub date: Option<PartialDate>,
    /// First date of a timelapse (YYYY-MM-DD); needs --to.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day, requires = "to")]
    pub from: Option<NaiveDate>,
    /// Last date of a timelapse (YYYY-MM-DD); needs --from.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day, requires = "from")]
    pub to: Option<NaiveDate>,
    /// Time between timelapse frames: Nd, Nw, Nm (months) or Ny.
    #[arg(long, value_name = "STEP", default_value = "7d")]
    pub step: String,
    /// Timelapse: only frames at which some place's holder or status changed.
    #[arg(long)]
    pub changes_only: bool,
    /// How long each timelapse frame shows, in milliseconds (the last one three times as long).
    #[arg(long, value_name = "MS", default_value_t = 500)]
    pub frame_ms: u32,
    /// Timelapse frames per second, instead of --frame-ms.
    #[arg(long, value_name = "N", conflicts_with = "frame_ms")]
    pub fps: Option<f64>,
    /// Timelapse: hold each frame at which some place changed hands this long, in milliseconds.
    #[arg(long, value_name = "MS")]
    pub hold_ms: Option<u32>,
    /// The file to write: a .png image; for a timelapse a .gif, .png for an animated PNG, or .mp4
    /// for a video (through ffmpeg).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Timelapse: also write one numbered PNG per frame into this directory.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    /// A named size: hd (1920x1080), 4k (hd at scale 2), a4, a4-portrait, letter,
    /// letter-portrait (print pages at scale 2), slide (1280x720), square (1080x1080).
    #[arg(long, value_name = "NAME", value_parser = crate::render::page_size, conflicts_with_all = ["width", "height", "scale"])]
    pub size: Option<([u32; 2], f32)>,
    /// Image width in points (default 1920, or 1280 for a timelapse).
    #[arg(long, value_name = "W")]
    pub width: Option<u32>,
    /// Image height in points (default 1080, or 720 for a timelapse).
    #[arg(long, value_name = "H")]
    pub height: Option<u32>,
    /// Pixels per point: 2 or 4 for sharper, larger images.
    #[arg(long, value_name = "S", default_value_t = 1.0)]
    pub scale: f32,
    /// The area to show: WEST,SOUTH,EAST,NORTH in degrees (default: the dataset's frame).
    #[arg(long, value_name = "W,S,E,N", allow_hyphen_values = true, conflicts_with = "center")]
    pub bbox: Option<String>,
    /// The centre of the map: LAT,LON in degrees (with --zoom).
    #[arg(long, value_name = "LAT,LON", allow_hyphen_values = true)]
    pub center: Option<String>,
    /// Zoom level with --center, as in the viewer (about 5.5 shows all of Libya).
    #[arg(long, value_name = "Z", requires = "center")]
    pub zoom: Option<f64>,
    /// Title at the top (default: the dataset's title, from its dataset.toml).
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// Highlight places that changed hands in this many days, and name their sources.
    #[arg(long, value_name = "DAYS", default_value_t = crate::scene::SceneOptions::default().recent_days)]
    pub recent_days: u32,
    /// Leave out a faction's places (by id, e.g. lna); may be repeated.
    #[arg(long, value_name = "FACTION")]
    pub hide: Vec<String>,
    /// Leave out the areas of control (the land nearest each side's places).
    #[arg(long)]
    pub no_areas: bool,
    /// Leave out the front lines where two sides' areas meet.
    #[arg(long)]
    pub no_fronts: bool,
    /// Leave out the locator map drawn when the view is a close-up of part of the region.
    #[arg(long)]
    pub no_inset: bool,
    /// Compare mode: what changed hands from this day to --date (the places ringed in both
    /// holders' colours, the land gained and lost shaded, the changes and their sources listed).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day, requires = "date")]
    pub compare_from: Option<NaiveDate>,
    /// A view to draw, as a briefing's credits and the viewer's "Copy view link" give it
    /// (`sandline:view?date=...`): its date, place, layers and hidden sides.
    #[arg(long, value_name = "LINK", value_parser = parse_view,
          conflicts_with_all = ["date", "from", "to", "bbox", "center", "zoom", "hide", "no_areas", "no_fronts"])]
    pub view: Option<crate::view_link::ViewLink>,
    #[command(flatten)]
    pub reach: AreaArgs,
    #[command(flatten)]
    pub stale: StaleArg,
    #[command(flatten)]
    pub data: DataArg,
}

/// One parser for a view link's text, shared by `render --view` and `gui --view`.
pub fn parse_view(text: &str) -> Result<crate::view_link::ViewLink, String> {
    text.parse()
}

pub fn run(args: &RenderArgs) -> anyhow::Result<Outcome> {
    let timelapse = args.from.is_some();
    // Every argument is checked before anything is drawn.
    let view = view(args)?;
    let [w, h] = if timelapse { TIMELAPSE_SIZE } else { DEFAULT_SIZE };
    let (width, height) = match args.size {
        Some(([w, h], _)) => (w, h),
        None => (args.width.unwrap_or(w), args.height.unwrap_or(h)),
    };
    let dates = match (&args.date, &args.from, &args.to) {
        (Some(date), _, _) => vec![*date],
        (None, None, None) if args.view.is_some() => args.view.iter().map(|v| v.date).collect(),
        // The dataset's opening date, found once it is loaded.
        (None, None, _) => Vec::new(),
        (None, Some(from), Some(to)) => {
            let step: Step = args.step.parse().map_err(anyhow::Error::msg)?;
            frame_dates(*from, *to, step)
                .map_err(anyhow::Error::msg)?
                .into_iter()
                .map(PartialDate::day)
                .collect()
        }
        _ => bail!("a timelapse needs both --from and --to"),
    };
    let outputs = outputs(args, timelapse)?;
    let loaded = super::load(&args.data)?;
    super::warn_problems(&loaded.problems);
    let dataset = loaded.dataset;
    let dates = if dates.is_empty() {
        let Some(day) = dataset.meta().opening_date() else {
            bail!(
                "say which date to draw: --date YYYY-MM-DD, or --from D1 --to D2 for a timelapse \
                 (or give the dataset a date in its dataset.toml)"
            );
        };
        vec![PartialDate::day(day)]
    } else {
        dates
    };
    let hidden = hidden(&dataset, &args.hide)?;
    let spec = BriefingSpec {
        date: dates[0],
        view,
        width,
        height,
        scale: args.size.map_or(args.scale, |(_, scale)| scale),
        title: args.title.clone().unwrap_or_default(),
        recent_days: args.recent_days,
        hidden,
        areas: !args.no_areas,
        fronts: !args.no_fronts,
        area_options: args.reach.options().with_stale_after(args.stale.rule()),
        inset: !args.no_inset,
        compare_from: args.compare_from,
    };
    let mut spec = spec;
    if let Some(link) = &args.view {
        spec.open_view(link, &dataset).map_err(|e| anyhow::anyhow!("--view: {e}"))?;
    }
    spec.validate()?;

    let mut renderer = Renderer::new()?;
    if !timelapse {
        let Outputs { out: Some(out), .. } = &outputs else {
            bail!("say where to write the image: --out FILE.png")
        };
        let as_of = spec.date.long_form();
        match ImageFormat::from_path(out) {
            Some(ImageFormat::Svg) => {
                write_atomic(renderer.briefing_svg(&dataset, &spec)?.as_bytes(), out)?;
                println!(
                    "wrote {} ({}x{} points, situation as of {as_of}, as SVG)",
                    out.display(),
                    spec.width,
                    spec.height
                );
            }
            Some(ImageFormat::Pdf) => {
                write_atomic(&renderer.briefing_pdf(&dataset, &spec)?, out)?;
                println!(
                    "wrote {} ({}x{} points, situation as of {as_of}, as PDF)",
                    out.display(),
                    spec.width,
                    spec.height
                );
            }
            _ => {
                let image = renderer.briefing(&dataset, &spec)?;
                write_png_atomic(&image, out)?;
                println!(
                    "wrote {} ({}x{} pixels, situation as of {as_of}, drawn on {})",
                    out.display(),
                    image.width(),
                    image.height(),
                    renderer.adapter()
                );
            }
        }
        return Ok(Outcome::Clean);
    }

    let days: Vec<_> = dates.iter().map(|d| d.first_day()).collect();
    let days = if args.changes_only { changed_dates(&dataset, &days) } else { days };
    let frame_ms = match args.fps {
        Some(fps) if fps.is_finite() && fps > 0.0 => (1000.0 / fps).round().max(1.0) as u32,
        Some(fps) => bail!("--fps: '{fps}' is not a number of frames per second"),
        None => args.frame_ms,
    };
    timelapse_run(&mut renderer, &dataset, &spec, &days, &outputs, frame_ms, args.hold_ms)?;
    Ok(Outcome::Clean)
}

struct Outputs {
    out: Option<PathBuf>,
    animation: Option<AnimationFormat>,
    dir: Option<PathBuf>,
}

/// Where to write, checked before drawing: a wrong path fails at once, not after the last frame.
fn outputs(args: &RenderArgs, timelapse: bool) -> anyhow::Result<Outputs> {
    if args.out.is_none() && (args.out_dir.is_none() || !timelapse) {
        bail!(if timelapse {
            "say where to write the timelapse: --out FILE.gif (or .png, or .mp4), --out-dir DIR, or both"
        } else {
            "say where to write the image: --out FILE.png"
        });
    }
    if args.out_dir.is_some() && !timelapse {
        bail!("--out-dir is for timelapses (--from D1 --to D2); write a single image with --out FILE.png");
    }
    let animation = match (&args.out, timelapse) {
        (Some(out), true) => Some(AnimationFormat::from_path(out).with_context(|| {
            format!(
                "cannot tell the format of {}: a timelapse is written as .gif, .png or .mp4",
                out.display()
            )
        })?),
        (Some(out), false) => {
            if ImageFormat::from_path(out).is_none() {
                if AnimationFormat::from_path(out) == Some(AnimationFormat::Mp4) {
                    bail!("{} is a video: give --from D1 --to D2 for a timelapse", out.display());
                }
                bail!("{} is not a .png, .svg or .pdf file: sandline render writes those", out.display());
            }
            None
        }
        _ => None,
    };
    if let Some(out) = &args.out {
        check_writable(out)?;
    }
    if animation == Some(AnimationFormat::Mp4) {
        crate::render::video::find_ffmpeg()?;
    }
    if let Some(dir) = &args.out_dir {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the directory {}", dir.display()))?;
        check_writable(&dir.join("frame.png"))?;
    }
    Ok(Outputs { out: args.out.clone(), animation, dir: args.out_dir.clone() })
}

fn timelapse_run(
    renderer: &mut Renderer,
    dataset: &Dataset,
    spec: &BriefingSpec,
    days: &[chrono::NaiveDate],
    outputs: &Outputs,
    frame_ms: u32,
    hold_ms: Option<u32>,
) -> anyhow::Result<()> {
    let progress = indicatif::ProgressBar::new(days.len() as u64);
    progress.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} frames, {msg} (eta {eta})")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let out = TimelapseOut {
        file: outputs.out.as_deref().zip(outputs.animation),
        frames_dir: outputs.dir.as_deref(),
        frame_ms,
        hold_ms,
    };
    write_timelapse(renderer, dataset, spec, days, &out, |_, day| {
        progress.set_message(day.to_string());
        progress.inc(1);
    })?;
    progress.finish_and_clear();
    let [w, h] = spec.pixel_size();
    let what = format!("{} frames of {w}x{h} pixels, {} to {}", days.len(), days[0], days[days.len() - 1]);
    if let Some(out) = &outputs.out {
        println!("wrote {} ({what})", out.display());
    }
    if let Some(dir) = &outputs.dir {
        println!("wrote {} ({what})", frame_path(dir, 1, days[0]).display());
    }
    Ok(())
}

fn numbers<const N: usize>(text: &str, flag: &str, shape: &str) -> anyhow::Result<[f64; N]> {
    let parts: Vec<&str> = text.split(',').map(str::trim).collect();
    let values: Vec<f64> =
        parts.iter().filter_map(|p| p.parse::<f64>().ok()).filter(|v| v.is_finite()).collect();
    values.try_into().map_err(|_| anyhow::anyhow!("{flag} '{text}' is not {shape}"))
}

fn view(args: &RenderArgs) -> anyhow::Result<View> {
    if let Some(bbox) = &args.bbox {
        let b = numbers::<4>(bbox, "--bbox", "four numbers WEST,SOUTH,EAST,NORTH (e.g. 9.3,19.4,25.2,33.3)")?;
        check_bbox(b).map_err(anyhow::Error::msg)?;
        return Ok(View::Fit(b));
    }
    if let Some(center) = &args.center {
        let [lat, lon] = numbers::<2>(center, "--center", "two numbers LAT,LON (e.g. 29.1,16.0)")?;
        return Ok(View::Center { lat, lon, zoom: args.zoom.unwrap_or(7.0) });
    }
    Ok(View::Dataset)
}

fn hidden(dataset: &Dataset, ids: &[String]) -> anyhow::Result<Vec<FactionIx>> {
    ids.iter()
        .map(|id| {
            dataset.faction_ix(id.trim()).with_context(|| {
                let known: Vec<&str> = dataset.factions.iter().map(|f| f.id.as_str()).collect();
                format!("--hide: no faction '{id}'; the factions are {}", known.join(", "))
            })
        })
        .collect()
}
