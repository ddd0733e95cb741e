//! The countries of a TopoJSON topology as world-atlas ships them: each country's polygons, and
//! its arcs sorted into borders (shared by two countries) and coast (used by one).

use geo::{Coord, LineString, MultiPolygon, Polygon};
use serde::Deserialize;

#[derive(Deserialize)]
struct Topology {
    transform: Option<Transform>,
    arcs: Vec<Vec<[f64; 2]>>,
    objects: Objects,
}

#[derive(Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
struct Objects {
    countries: Collection,
}

#[derive(Deserialize)]
struct Collection {
    geometries: Vec<Object>,
}

/// A polygon is rings of arc indices; an index `i < 0` means arc `!i` reversed.
#[derive(Deserialize)]
#[serde(tag = "type")]
enum Object {
    Polygon {
        arcs: Vec<Vec<i32>>,
        #[serde(default)]
        properties: Properties,
    },
    MultiPolygon {
        arcs: Vec<Vec<Vec<i32>>>,
        #[serde(default)]
        properties: Properties,
    },
    #[serde(other)]
    Other,
}

#[derive(Deserialize, Default)]
struct Properties {
    #[serde(default)]
    name: String,
}

#[derive(Debug, Clone)]
pub struct Country {
    pub name: String,
    /// In degrees (x longitude, y latitude).
    pub shape: MultiPolygon<f64>,
}

#[derive(Debug, Default)]
pub struct Countries {
    pub countries: Vec<Country>,
    /// Lines between two countries, in degrees.
    pub borders: Vec<LineString<f64>>,
    /// Lines of one country only: where land meets the sea.
    pub coast: Vec<LineString<f64>>,
}

/// The countries of a world-atlas topology (`objects.countries`).
pub fn countries(text: &str) -> Result<Countries, serde_json::Error> {
    let topology: Topology = serde_json::from_str(text)?;
    let arcs: Vec<Vec<Coord<f64>>> = topology.arcs.iter().map(|a| decode(a, &topology.transform)).collect();
    let ring = |indices: &[i32]| -> LineString<f64> {
        let mut points: Vec<Coord<f64>> = Vec::new();
        for &i in indices {
            let (arc, reversed) = if i < 0 { (!i as usize, true) } else { (i as usize, false) };
            let Some(arc) = arcs.get(arc) else { continue };
            let start = usize::from(!points.is_empty());
            if reversed {
                points.extend(arc.iter().rev().skip(start));
            } else {
                points.extend(arc.iter().skip(start));
            }
        }
        unwrap_antimeridian(&mut points);
        LineString(points)
    };
    let polygon = |rings: &[Vec<i32>]| -> Option<Polygon<f64>> {
        let mut rings = rings.iter().map(|r| ring(r));
        let exterior = rings.next()?;
        Some(Polygon::new(exterior, rings.collect()))
    };
    // How many countries use each arc, to tell borders from coast.
    let mut users = vec![0u8; arcs.len()];
    let mut out = Countries::default();
    for object in &topology.objects.countries.geometries {
        let (polygons, name, all_arcs): (Vec<Polygon<f64>>, &str, Vec<i32>) = match object {
            Object::Polygon { arcs, properties } => {
                (polygon(arcs).into_iter().collect(), &properties.name, arcs.concat())
            }
            Object::MultiPolygon { arcs, properties } => (
                arcs.iter().filter_map(|p| polygon(p)).collect(),
                &properties.name,
                arcs.iter().flat_map(|p| p.concat()).collect(),
            ),
            Object::Other => continue,
        };
        let mut seen: Vec<usize> =
            all_arcs.iter().map(|&i| if i < 0 { !i as usize } else { i as usize }).collect();
        seen.sort_unstable();
        seen.dedup();
        for i in seen {
            if let Some(n) = users.get_mut(i) {
                *n = n.saturating_add(1);
            }
        }
        out.countries.push(Country { name: name.to_string(), shape: MultiPolygon(polygons) });
    }
    for (mut arc, n) in arcs.into_iter().zip(users) {
        unwrap_antimeridian(&mut arc);
        match n {
            0 => {}
            1 => out.coast.push(LineString(arc)),
            _ => out.borders.push(LineString(arc)),
        }
    }
    Ok(out)
}

/// Lines that cross the antimeridian jump from 180 to -180 degrees (world-atlas stitches the
/// pieces Natural Earth cut there back together): later points are moved a turn east or west so
/// that the line goes on past 180 instead of across the whole world.
fn unwrap_antimeridian(points: &mut [Coord<f64>]) {
    let mut shift = 0.0;
    let mut previous: Option<f64> = None;
    for p in points.iter_mut() {
        if let Some(last) = previous {
            let x = p.x + shift;
            if x - last > 180.0 {
                shift -= 360.0;
            } else if last - x > 180.0 {
                shift += 360.0;
            }
        }
        p.x += shift;
        previous = Some(p.x);
    }
}

/// An arc's positions in degrees: quantized topologies store deltas from the previous position.
fn decode(arc: &[[f64; 2]], transform: &Option<Transform>) -> Vec<Coord<f64>> {
    match transform {
        None => arc.iter().map(|&[x, y]| Coord { x, y }).collect(),
        Some(t) => {
            let (mut x, mut y) = (0.0, 0.0);
            arc.iter()
                .map(|&[dx, dy]| {
                    x += dx;
                    y += dy;
                    Coord { x: x * t.scale[0] + t.translate[0], y: y * t.scale[1] + t.translate[1] }
                })
                .collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two unit squares side by side: the middle arc is their border, the rest is coast.
    const TWO_SQUARES: &str = r#"{"type":"Topology",
        "transform":{"scale":[1,1],"translate":[10,20]},
        "arcs":[[[1,0],[0,1]],[[1,1],[-1,0],[0,-1],[1,0]],[[1,0],[1,0],[0,1],[-1,0]]],
        "objects":{"countries":{"type":"GeometryCollection","geometries":[
            {"type":"Polygon","arcs":[[0,1]],"properties":{"name":"West"}},
            {"type":"MultiPolygon","arcs":[[[2,-1]]],"properties":{"name":"East"}},
            {"type":"Point","coordinates":[0,0]}
        ]}}}"#;

    #[test]
    fn shared_arcs_are_borders_and_the_others_coast() {
        let c = countries(TWO_SQUARES).unwrap();
        let names: Vec<&str> = c.countries.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["West", "East"]);
        assert_eq!(c.borders.len(), 1);
        assert_eq!(c.coast.len(), 2);
        let border: Vec<(f64, f64)> = c.borders[0].coords().map(|p| (p.x, p.y)).collect();
        assert_eq!(border, [(11.0, 20.0), (11.0, 21.0)]);
    }

    #[test]
    fn rings_are_closed_from_their_arcs_in_order_and_reversed() {
        use geo::Area;
        let c = countries(TWO_SQUARES).unwrap();
        for country in &c.countries {
            let ring = country.shape.0[0].exterior();
            assert_eq!(ring.0.first(), ring.0.last(), "{}", country.name);
            assert!((country.shape.unsigned_area() - 1.0).abs() < 1e-9, "{}", country.name);
        }
    }

    #[test]
    fn a_line_across_the_antimeridian_goes_on_past_it() {
        let mut line: Vec<Coord<f64>> = [(179.0, 60.0), (-179.0, 61.0), (-178.0, 62.0), (179.5, 63.0)]
            .map(|(x, y)| Coord { x, y })
            .into();
        unwrap_antimeridian(&mut line);
        let xs: Vec<f64> = line.iter().map(|p| p.x).collect();
        assert_eq!(xs, [179.0, 181.0, 182.0, 179.5]);
    }

    #[test]
    fn text_that_is_not_a_topology_is_an_error() {
        assert!(countries("{}").is_err());
        assert!(countries("not json").is_err());
    }
}
