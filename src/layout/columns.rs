//! Long series reduced to the pixel width: per column the first, lowest, highest and last value,
//! in order, so extremes stay exact. [`Extremes`] (built once per series) makes that cost grow with
//! the number of columns, not of values, so a million-point line redraws within a frame.

/// Smallest run of values summarised; series shorter than this many columns' worth are scanned.
const BASE: usize = 64;

/// For runs of 64, 128, 256, … values: the index of each run's lowest and highest value.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Extremes {
    /// `(run length, [(index of min, index of max)])`, finest level first.
    levels: Vec<(usize, Vec<(usize, usize)>)>,
}

impl Extremes {
    /// Summarises `values` (one pass per level; about n/32 entries in all).
    pub fn new(values: &[f64]) -> Extremes {
        let mut levels: Vec<(usize, Vec<(usize, usize)>)> = Vec::new();
        if values.len() < BASE * 4 {
            return Extremes { levels };
        }
        let pick = |(lo, hi): (usize, usize), (lo2, hi2): (usize, usize)| {
            let v = |i: usize| values.get(i).copied().unwrap_or(0.0);
            (
                if v(lo2) < v(lo) { lo2 } else { lo },
                if v(hi2) > v(hi) { hi2 } else { hi },
            )
        };
        let first: Vec<(usize, usize)> = (0..values.len().div_ceil(BASE))
            .map(|b| {
                let start = b * BASE;
                let end = (start + BASE).min(values.len());
                (start + 1..end).fold((start, start), |acc, i| pick(acc, (i, i)))
            })
            .collect();
        levels.push((BASE, first));
        while let Some((size, runs)) = levels.last() {
            if runs.len() < 8 {
                break;
            }
            let next: Vec<(usize, usize)> = runs
                .chunks(2)
                .map(|c| c.iter().copied().reduce(pick).unwrap_or((0, 0)))
                .collect();
            let size = size * 2;
            levels.push((size, next));
        }
        Extremes { levels }
    }

    /// The coarsest level whose runs are no longer than `span` values.
    fn level_for(&self, span: f64) -> Option<&(usize, Vec<(usize, usize)>)> {
        self.levels
            .iter()
            .rev()
            .find(|(size, _)| (*size as f64) <= span)
    }
}

/// The x of point `i` of `n` spread evenly from `x0` to `x1` (a single point sits in the middle).
pub fn x_at(i: usize, n: usize, x0: f64, x1: f64) -> f64 {
    if n > 1 {
        x0 + (x1 - x0) * i as f64 / (n - 1) as f64
    } else {
        (x0 + x1) / 2.0
    }
}

/// A polyline through `values` with at most four points per half-pixel column between `x0` and
/// `x1`: the first, lowest, highest and last value of each column, in order. Uses `extremes`
/// (from [`Extremes::new`] on the same values) when given, else scans every value.
pub fn reduce(
    values: &[f64],
    extremes: Option<&Extremes>,
    x0: f64,
    x1: f64,
    y_of: &dyn Fn(f64) -> f64,
) -> Vec<(f64, f64)> {
    let n = values.len();
    let x_of = |i: usize| x_at(i, n, x0, x1);
    let point = |i: usize| values.get(i).map(|v| (x_of(i), y_of(*v)));
    let columns = (x1 - x0).max(1.0) * 2.0; // half-pixel columns keep lines smooth at DPR 2
    if (n as f64) <= columns * 2.0 {
        return (0..n).filter_map(point).collect();
    }
    let column_of = |i: usize| ((i as f64) / (n - 1) as f64 * columns).floor();
    let value = |i: usize| values.get(i).copied().unwrap_or(0.0);
    // Runs of values (each with the indices of its min and max), grouped by the column they start
    // in.
    let runs: Box<dyn Iterator<Item = (usize, usize, usize, usize)>> =
        match extremes.and_then(|e| e.level_for(n as f64 / columns)) {
            Some((size, levels)) => {
                let size = *size;
                Box::new(
                    levels
                        .iter()
                        .enumerate()
                        .map(move |(b, &(lo, hi))| (b * size, ((b + 1) * size).min(n) - 1, lo, hi)),
                )
            }
            None => Box::new((0..n).map(|i| (i, i, i, i))),
        };
    let mut out = Vec::with_capacity(columns as usize * 4 + 4);
    let mut current: Option<(f64, [usize; 4])> = None; // column, [first, lo, hi, last]
    let flush = |keep: [usize; 4], out: &mut Vec<(f64, f64)>| {
        let mut keep = keep;
        keep.sort_unstable();
        let mut last = usize::MAX;
        for i in keep {
            if i != last {
                out.extend(point(i));
                last = i;
            }
        }
    };
    for (start, end, lo, hi) in runs {
        let col = column_of(start);
        match &mut current {
            Some((c, k)) if *c == col => {
                if value(lo) < value(k[1]) {
                    k[1] = lo;
                }
                if value(hi) > value(k[2]) {
                    k[2] = hi;
                }
                k[3] = end;
            }
            _ => {
                if let Some((_, k)) = current.take() {
                    flush(k, &mut out);
                }
                current = Some((col, [start, lo, hi, end]));
            }
        }
    }
    if let Some((_, k)) = current {
        flush(k, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wave(n: usize) -> Vec<f64> {
        let mut v: Vec<f64> = (0..n).map(|i| ((i * 7919) % 1000) as f64).collect();
        if let Some(x) = v.get_mut(n * 2 / 3) {
            *x = 10_000.0;
        }
        if let Some(x) = v.get_mut(7) {
            *x = -5.0;
        }
        v
    }

    fn check(pts: &[(f64, f64)], width: f64) {
        assert!(
            pts.len() as f64 <= width * 2.0 * 4.0 + 8.0,
            "{} points",
            pts.len()
        );
        let ys: Vec<f64> = pts.iter().map(|p| p.1).collect();
        assert!(ys.contains(&-10_000.0), "max kept");
        assert!(ys.contains(&5.0), "min kept");
        assert!(
            pts.windows(2).all(|w| w[0].0 <= w[1].0),
            "x never goes back"
        );
    }

    #[test]
    fn scanning_and_summaries_keep_extremes_and_are_bounded() {
        for n in [100_000, 1_000_000] {
            let v = wave(n);
            let e = Extremes::new(&v);
            for width in [100.0, 300.0, 1280.0] {
                check(&reduce(&v, None, 0.0, width, &|x| -x), width);
                check(&reduce(&v, Some(&e), 0.0, width, &|x| -x), width);
            }
        }
    }

    #[test]
    fn summaries_give_the_scan_s_extremes_per_column_region() {
        let v = wave(200_000);
        let e = Extremes::new(&v);
        let a = reduce(&v, None, 0.0, 400.0, &|x| x);
        let b = reduce(&v, Some(&e), 0.0, 400.0, &|x| x);
        let span = |p: &[(f64, f64)]| {
            p.iter().fold((f64::MAX, f64::MIN), |(lo, hi), q| {
                (lo.min(q.1), hi.max(q.1))
            })
        };
        assert_eq!(span(&a), span(&b));
        assert_eq!(a.first(), b.first());
        assert_eq!(a.last(), b.last());
    }

    #[test]
    fn few_points_are_kept_as_they_are() {
        assert_eq!(
            reduce(&[1.0, 2.0, 3.0], None, 0.0, 100.0, &|v| v),
            vec![(0.0, 1.0), (50.0, 2.0), (100.0, 3.0)]
        );
        assert_eq!(reduce(&[4.0], None, 0.0, 100.0, &|v| v), vec![(50.0, 4.0)]);
        assert!(reduce(&[], None, 0.0, 100.0, &|v| v).is_empty());
        assert_eq!(Extremes::new(&[1.0; 10]), Extremes::default());
    }
}
