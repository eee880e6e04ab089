//! Geometry that only painting needs: a marker's corners, a texture's and a hatch's lines, the
//! dashes along a path. Layout says which marker, texture or dash a shape has; painting works out
//! where its lines go.

use crate::layout::{Marker, Texture};

/// The corners of the filled polygon for this marker of radius `r` at `(x, y)`; empty for a
/// circle.
pub fn marker_polygon(marker: Marker, (x, y): (f64, f64), r: f64) -> Vec<(f64, f64)> {
    match marker {
        Marker::Circle => Vec::new(),
        Marker::Square => {
            let h = r * 0.9;
            vec![
                (x - h, y - h),
                (x + h, y - h),
                (x + h, y + h),
                (x - h, y + h),
            ]
        }
        Marker::Diamond => {
            let d = r * 1.25;
            vec![(x, y - d), (x + d, y), (x, y + d), (x - d, y)]
        }
        Marker::Triangle => {
            let d = r * 1.3;
            vec![
                (x, y - d),
                (x + d * 0.87, y + d * 0.5),
                (x - d * 0.87, y + d * 0.5),
            ]
        }
    }
}

/// Space between a texture's lines, CSS px.
pub const TEXTURE_GAP: f64 = 6.0;

/// The lines of `texture` over `rect` (left, top, right, bottom), [`TEXTURE_GAP`] apart
/// and clear of the edges.
pub fn texture_lines(texture: Texture, [l, t, r, b]: [f64; 4]) -> Vec<((f64, f64), (f64, f64))> {
    let mut out = Vec::new();
    if matches!(texture, Texture::Vertical | Texture::Grid) {
        let mut x = l + TEXTURE_GAP / 2.0;
        while x < r - 1.0 && out.len() < 400 {
            out.push(((x, t + 1.0), (x, b)));
            x += TEXTURE_GAP;
        }
    }
    if matches!(texture, Texture::Horizontal | Texture::Grid) {
        let mut y = b - TEXTURE_GAP / 2.0;
        while y > t + 1.0 && out.len() < 800 {
            out.push(((l, y), (r, y)));
            y -= TEXTURE_GAP;
        }
    }
    out
}

/// The dashes of `pattern` (lengths on, off, on, off …, repeating) along the polyline `points`,
/// each piece handed to `dash` as (from, to); a dash that turns a corner comes as two pieces. An
/// empty pattern, or one that is not positive, hands over the whole line.
pub fn dashes(
    points: &[(f64, f64)],
    pattern: &[f64],
    dash: &mut dyn FnMut((f64, f64), (f64, f64)),
) {
    let total: f64 = pattern.iter().sum();
    let usable = total > 0.0 && pattern.iter().all(|p| *p >= 0.0);
    let (mut k, mut left) = (0, pattern.first().copied().unwrap_or(0.0));
    for w in points.windows(2) {
        let (a, b) = (w[0], w[1]);
        if !usable {
            dash(a, b);
            continue;
        }
        let len = ((b.0 - a.0) * (b.0 - a.0) + (b.1 - a.1) * (b.1 - a.1)).sqrt();
        if !len.is_finite() || len <= 0.0 {
            continue;
        }
        let at = |d: f64| (a.0 + (b.0 - a.0) * d / len, a.1 + (b.1 - a.1) * d / len);
        let mut done = 0.0;
        // At most 10,000 dashes a segment (a pattern far finer than the line is drawn whole).
        for _ in 0..10_000 {
            if len - done <= left {
                break;
            }
            if k % 2 == 0 && left > 0.0 {
                dash(at(done), at(done + left));
            }
            done += left;
            k = (k + 1) % pattern.len();
            left = pattern.get(k).copied().unwrap_or(0.0);
        }
        if k % 2 == 0 && len > done {
            dash(at(done), b);
        }
        left -= len - done;
    }
}

/// The stripes that hatch the rectangle `[l, t, r, b]`: 45° segments `gap` apart, clipped to it.
pub fn hatch_lines(rect: [f64; 4], gap: f64) -> Vec<((f64, f64), (f64, f64))> {
    let [l, t, r, b] = rect;
    let (w, h) = (r - l, b - t);
    if !(w > 0.0 && h > 0.0 && gap > 0.0) || (w + h) / gap > 10_000.0 {
        return Vec::new();
    }
    // Lines x - l + (y - t) = c for c in (0, w + h): from the top/left edge to the bottom/right
    // edge.
    let mut out = Vec::new();
    let mut c = gap;
    while c < w + h {
        let start = if c <= w { (l + c, t) } else { (r, t + (c - w)) };
        let end = if c <= h { (l, t + c) } else { (l + (c - h), b) };
        out.push((start, end));
        c += gap;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dashes_cut_a_line_into_its_pattern() {
        let run = |points: &[(f64, f64)], pattern: &[f64]| {
            let mut out = Vec::new();
            dashes(points, pattern, &mut |a, b| out.push((a, b)));
            out
        };
        let d = run(&[(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)], &[4.0, 2.0]);
        assert_eq!(
            d,
            vec![
                ((0.0, 0.0), (4.0, 0.0)),
                ((6.0, 0.0), (10.0, 0.0)),
                ((10.0, 0.0), (10.0, 0.0)),
                ((10.0, 2.0), (10.0, 6.0)),
                ((10.0, 8.0), (10.0, 10.0)),
            ]
            .into_iter()
            .filter(|(a, b)| a != b)
            .collect::<Vec<_>>()
        );
        let whole = vec![((0.0, 0.0), (5.0, 0.0))];
        assert_eq!(run(&[(0.0, 0.0), (5.0, 0.0)], &[]), whole);
        assert_eq!(run(&[(0.0, 0.0), (5.0, 0.0)], &[0.0, 0.0]), whole);
        assert_eq!(run(&[(0.0, 0.0), (5.0, 0.0)], &[f64::NAN, 1.0]), whole);
    }

    #[test]
    fn hatch_stays_inside() {
        let r = [10.0, 20.0, 50.0, 120.0];
        let lines = hatch_lines(r, 6.0);
        assert!(lines.len() > 10);
        for (a, b) in lines {
            for (x, y) in [a, b] {
                assert!(
                    x >= r[0] - 1e-9 && x <= r[2] + 1e-9 && y >= r[1] - 1e-9 && y <= r[3] + 1e-9
                );
            }
        }
        assert!(hatch_lines([0.0, 0.0, 0.0, 5.0], 4.0).is_empty());
    }
}
