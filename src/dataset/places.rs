//! Places: the base gazetteer (GeoNames, airfields) under the curated overlay.

use super::problem::Problem;
use super::table::{Column, Row, Table, split_list};
use crate::model::{Place, PlaceKind, PlaceOrigin};
use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::io::Read;

pub const GEONAMES_FILE: &str = "gazetteer/geonames.csv";
pub const AIRFIELDS_FILE: &str = "gazetteer/airfields.csv";
pub const OVERLAY_FILE: &str = "places.csv";

/// A settlement this large is drawn as a city.
const CITY_POPULATION: u64 = 100_000;

fn coordinate(row: &Row, column: Column, limit: f64, problems: &mut Vec<Problem>) -> Option<f64> {
    let text = row.required(column, problems)?;
    match text.parse::<f64>() {
        Ok(v) if v.is_finite() && v.abs() <= limit => Some(v),
        Ok(v) if v.is_finite() => {
            problems.push(row.problem(column, format!("{v} is out of range (-{limit} to {limit})")));
            None
        }
        _ => {
            problems.push(row.problem(column, format!("'{text}' is not a number of degrees")));
            None
        }
    }
}

/// Rows of a base file (GeoNames layout). GeoNames ids get a `geonames:` prefix.
pub fn read_base(
    table: Table<impl Read + Send>,
    origin: PlaceOrigin,
    problems: &mut Vec<Problem>,
) -> Vec<Place> {
    let [id_col, name_col, lat_col, lon_col, population_col, alternate_col, ascii_col] =
        ["id", "name", "lat", "lon", "population", "alternate_names", "ascii_name"].map(|c| table.column(c));
    let mut places = Vec::new();
    table.for_each_row(
        problems,
        |_| (),
        |row, (), problems| {
            let id = row.required(id_col, problems);
            let name = row.required(name_col, problems);
            let lat = coordinate(row, lat_col, 90.0, problems);
            let lon = coordinate(row, lon_col, 180.0, problems);
            let (Some(id), Some(name), Some(lat), Some(lon)) = (id, name, lat, lon) else { return };
            let id = if id.bytes().all(|b| b.is_ascii_digit()) {
                format!("geonames:{id}")
            } else {
                id.to_string()
            };
            let population = row.get(population_col).parse::<u64>().unwrap_or(0);
            let kind = match origin {
                PlaceOrigin::Airfield => PlaceKind::Airbase,
                _ if population >= CITY_POPULATION => PlaceKind::City,
                _ => PlaceKind::Town,
            };
            let mut aliases = split_list(row.get(alternate_col));
            let ascii = row.get(ascii_col);
            if !ascii.is_empty() && ascii != name {
                aliases.insert(0, ascii.to_string());
            }
            places.push(Place {
                coord_source: id.clone(),
                id,
                name: name.to_string(),
                aliases,
                lat,
                lon,
                kind,
                coord_precision_km: if origin == PlaceOrigin::Airfield { 2.0 } else { 5.0 },
                population,
                origin,
            });
        },
    );
    places
}

/// The rows of the curated overlay that load.
#[derive(Debug, Default)]
pub struct Overlay {
    pub places: Vec<Place>,
    /// The line of each place's row.
    pub lines: Vec<u64>,
    /// Ids of rows left out for a problem, with their line.
    pub left_out: Vec<(String, u64)>,
}

/// The overlay's columns, found once in its header.
#[derive(Clone, Copy)]
struct OverlayColumns {
    id: Column,
    name: Column,
    aliases: Column,
    lat: Column,
    lon: Column,
    kind: Column,
    source: Column,
    precision: Column,
}

/// The rows of the curated overlay in `table` that load, and, for a big file, of `second`: the
/// same table read on from a byte past its middle (see `halves`). `rows` is about how many rows
/// the table has (room is made for them).
pub fn read_overlay<R1: Read + Send, R2: Read + Send>(
    table: Table<R1>,
    second: Option<(Table<R2>, u64)>,
    rows: usize,
    problems: &mut Vec<Problem>,
) -> Overlay {
    let [id, name, aliases, lat, lon, kind, source, precision] =
        ["id", "name", "aliases", "lat", "lon", "kind", "coord_source", "coord_precision_km"]
            .map(|c| table.column(c));
    let col = OverlayColumns { id, name, aliases, lat, lon, kind, source, precision };
    let with_room = |rows: usize| Overlay {
        places: Vec::with_capacity(rows),
        lines: Vec::with_capacity(rows),
        left_out: Vec::new(),
    };
    let Some((second, from)) = second else {
        let mut overlay = with_room(rows);
        table.for_each_row(
            problems,
            |_| (),
            |row, (), problems| overlay_row(&col, &mut overlay, row, problems),
        );
        return overlay;
    };
    let halves = super::halves::read(
        table,
        second,
        from,
        || with_room(rows / 2 + 1),
        |_| (),
        |overlay, row, (), problems| overlay_row(&col, overlay, row, problems),
        |_| {},
    );
    let mut overlay = halves.first.state;
    problems.extend(halves.first.problems);
    if let Some(second) = halves.second {
        let shift = second.line_shift;
        let Overlay { places, lines, left_out } = second.half.state;
        overlay.places.extend(places);
        overlay.lines.extend(lines.into_iter().map(|l| l + shift));
        overlay.left_out.extend(left_out.into_iter().map(|(id, l)| (id, l + shift)));
        problems.extend(second.half.problems);
    }
    overlay
}

/// Checks one row of the overlay, reporting what is wrong with it, and keeps its place if
/// nothing is.
fn overlay_row(col: &OverlayColumns, overlay: &mut Overlay, row: &Row, problems: &mut Vec<Problem>) {
    let id = row.required(col.id, problems);
    let name = row.required(col.name, problems);
    let lat = coordinate(row, col.lat, 90.0, problems);
    let lon = coordinate(row, col.lon, 180.0, problems);
    let kind = row.required(col.kind, problems).and_then(|k| match k.parse::<PlaceKind>() {
        Ok(kind) => Some(kind),
        Err(message) => {
            problems.push(row.problem(col.kind, message));
            None
        }
    });
    let coord_source = row.required(col.source, problems);
    let precision = row.required(col.precision, problems).and_then(|p| match p.parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Some(v),
        _ => {
            problems.push(row.problem(col.precision, format!("'{p}' is not a distance in km")));
            None
        }
    });
    if let Some(id) = id
        && id.contains(|c: char| c.is_whitespace() || c == '|')
    {
        problems.push(row.problem(col.id, format!("'{id}' has spaces or '|': ids are single words")));
        return;
    }
    let (Some(id), Some(name), Some(lat), Some(lon), Some(kind), Some(coord_source), Some(precision)) =
        (id, name, lat, lon, kind, coord_source, precision)
    else {
        if let Some(id) = id {
            overlay.left_out.push((id.to_string(), row.line));
        }
        return;
    };
    overlay.lines.push(row.line);
    overlay.places.push(Place {
        id: id.to_string(),
        name: name.to_string(),
        aliases: split_list(row.get(col.aliases)),
        lat,
        lon,
        kind,
        coord_source: coord_source.to_string(),
        coord_precision_km: precision,
        population: 0,
        origin: PlaceOrigin::Curated,
    });
}

/// The overlay over the base: an overlay row whose `coord_source` is a base id replaces that row
/// and inherits its names, so every spelling GeoNames knows still finds it.
pub fn merge(
    base: Vec<Place>,
    overlay: Overlay,
    overlay_file: &str,
    problems: &mut Vec<Problem>,
) -> Vec<Place> {
    let mut base_by_id: HashMap<String, Place> = HashMap::new();
    let mut base_order = Vec::new();
    for place in base {
        if base_by_id.contains_key(&place.id) {
            continue;
        }
        base_order.push(place.id.clone());
        base_by_id.insert(place.id.clone(), place);
    }
    // The overlay's places become the dataset's in place, without a second copy of the list.
    let Overlay { places: mut curated, lines, .. } = overlay;
    let mut keep = vec![true; curated.len()];
    let mut seen: FxHashMap<&str, u64> = FxHashMap::default();
    for (i, (place, &line)) in curated.iter().zip(&lines).enumerate() {
        let message = if let Some(first) = seen.get(place.id.as_str()) {
            format!("duplicate id '{}' (first at line {first})", place.id)
        } else if base_by_id.contains_key(&place.id) {
            format!("id '{}' is already a base gazetteer id", place.id)
        } else {
            seen.insert(&place.id, line);
            continue;
        };
        problems.push(Problem::at(overlay_file, line, "id", message));
        keep[i] = false;
    }
    drop(seen);
    let mut kept = keep.iter();
    curated.retain(|_| kept.next().copied().unwrap_or(false));
    let kept_lines = lines.iter().zip(&keep).filter(|(_, k)| **k).map(|(l, _)| *l);
    for (place, line) in curated.iter_mut().zip(kept_lines) {
        if let Some(base) = base_by_id.remove(&place.coord_source) {
            place.population = base.population;
            for name in base.names() {
                if !place.names().any(|n| n == name) {
                    place.aliases.push(name.to_string());
                }
            }
        } else if looks_like_base_id(&place.coord_source) {
            problems.push(Problem::at(
                overlay_file,
                line,
                "coord_source",
                format!("'{}' names no row of the base gazetteer", place.coord_source),
            ));
        }
    }
    curated.extend(base_order.into_iter().filter_map(|id| base_by_id.remove(&id)));
    curated
}

fn looks_like_base_id(source: &str) -> bool {
    let id_like = |rest: &str| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_alphanumeric());
    source.strip_prefix("geonames:").is_some_and(id_like) || source.strip_prefix("icao:").is_some_and(id_like)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table<'t>(text: &'t str, problems: &mut Vec<Problem>) -> Table<&'t [u8]> {
        Table::read("places.csv", text.as_bytes(), &[], problems).unwrap()
    }

    #[test]
    fn overlay_replaces_the_base_row_it_names_and_keeps_its_spellings() {
        let mut problems = Vec::new();
        let base = table(
            "id,name,ascii_name,alternate_names,lat,lon,population\n2210627,Sūknah,Suknah,Sokna|Sukna,29.06,15.78,12077\n",
            &mut problems,
        );
        let overlay = table(
            "id,name,aliases,lat,lon,kind,coord_source,coord_precision_km\nsawkna,Sawkna,,29.06941,15.78266,town,geonames:2210627,2\nghost,Ghost,,1,1,town,geonames:1,2\n",
            &mut problems,
        );
        let base = read_base(base, PlaceOrigin::GeoNames, &mut problems);
        let overlay = read_overlay(overlay, None::<(Table<&[u8]>, u64)>, 0, &mut problems);
        let places = merge(base, overlay, "places.csv", &mut problems);
        let ids: Vec<&str> = places.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["sawkna", "ghost"]);
        assert_eq!(places[0].aliases, ["Sūknah", "Suknah", "Sokna", "Sukna"]);
        assert_eq!(places[0].population, 12077);
        let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(problems, ["places.csv:3: coord_source: 'geonames:1' names no row of the base gazetteer"]);
    }

    #[test]
    fn bad_rows_are_named_and_skipped() {
        let mut problems = Vec::new();
        let overlay = table(
            "id,name,aliases,lat,lon,kind,coord_source,coord_precision_km\n\
             a,A,,NaN,10,town,x,1\n\
             b,B,,95,10,town,x,1\n\
             c,C,,30,10,village,x,1\n\
             d,D,,30,10,town,,1\n\
             e e,E,,30,10,town,x,1\n\
             f,F,,30,10,town,x,-1\n\
             g,G,,30,10,town,x,1\n",
            &mut problems,
        );
        let Overlay { places, left_out, .. } =
            read_overlay(overlay, None::<(Table<&[u8]>, u64)>, 0, &mut problems);
        assert_eq!(places.len(), 1);
        let left_out: Vec<&str> = left_out.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(left_out, ["a", "b", "c", "d", "f"]);
        let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            problems,
            [
                "places.csv:2: lat: 'NaN' is not a number of degrees",
                "places.csv:3: lat: 95 is out of range (-90 to 90)",
                "places.csv:4: kind: unknown kind 'village': use one of town, city, airbase, oil_terminal, oil_field, border_crossing, region, district, neighbourhood",
                "places.csv:5: coord_source: empty required field",
                "places.csv:6: id: 'e e' has spaces or '|': ids are single words",
                "places.csv:7: coord_precision_km: '-1' is not a distance in km",
            ]
        );
    }
}
