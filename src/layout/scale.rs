//! Linear scales from zero with round ticks (1, 2, 2.5 or 5 times a power of ten).

/// A linear scale from `0` to `max` mapped onto pixels, with its tick values.
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    /// Top of the domain: the highest tick, at or above the largest figure.
    pub max: f64,
    /// Distance between ticks.
    pub step: f64,
    /// Tick values from 0 to `max` inclusive.
    pub ticks: Vec<f64>,
}

impl Scale {
    /// A scale from zero covering `data_max`, with about `target` intervals (at least 1).
    /// Bars always start at zero, so the domain always includes it.
    pub fn from_zero(data_max: f64, target: usize) -> Scale {
        let data_max = if data_max.is_finite() && data_max > 0.0 {
            data_max
        } else {
            1.0
        };
        let target = target.clamp(1, 10) as f64;
        let mut step = nice_step(data_max / target);
        let mut intervals = (data_max / step).ceil().max(1.0);
        if !(step > 0.0 && step.is_finite() && intervals <= 100.0) {
            // Figures near the bottom of f64's range (subnormals such as 5e-323) defeat round
            // steps: the power of ten underflows. One interval then, from zero to the figure.
            (step, intervals) = (data_max, 1.0);
        }
        let max = intervals * step;
        let ticks = (0..=intervals as usize).map(|i| i as f64 * step).collect();
        Scale { max, step, ticks }
    }

    /// The share of the way from 0 to `max` that `v` lies, clamped to 0..=1.
    pub fn fraction(&self, v: f64) -> f64 {
        if self.max > 0.0 && v.is_finite() {
            (v / self.max).clamp(0.0, 1.0)
        } else {
            0.0
        }
    }
}

/// The smallest of 1, 2, 2.5, 5 × 10^k that is at least `raw`.
fn nice_step(raw: f64) -> f64 {
    let raw = if raw.is_finite() && raw > 0.0 {
        raw
    } else {
        1.0
    };
    let mag = magnitude(raw);
    for m in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if m * mag >= raw * (1.0 - 1e-9) {
            return m * mag;
        }
    }
    10.0 * mag
}

/// The largest power of ten at or below `x` (finite, > 0): `magnitude(1694.0)` is `1000.0`. Exact
/// (correctly rounded) from 1e-22 to 1e22, within a few ulps of it beyond; 0 near and below 1e-308.
/// Found by repeated multiplication, not `10f64.powf(x.log10().floor())`: libm's `pow` and `log10`
/// were
/// 2.6 KB of the wasm.
pub fn magnitude(x: f64) -> f64 {
    if x >= 1.0 {
        return crate::text::power_of_ten_at_most(x).0;
    }
    let mut p = 1.0f64;
    // At most 309 steps: below f64::MIN_POSITIVE (subnormals) the answer would be inexact.
    while 1.0 / p > x && p < 1e308 {
        p *= 10.0;
    }
    if 1.0 / p > x {
        0.0
    } else {
        1.0 / p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magnitude_matches_the_power_of_ten_below() {
        for x in [
            1.0, 9.99, 10.0, 1694.0, 1e15, 9e15, 1e22, 0.5, 0.1, 0.099, 3e-7, 1.5e-22,
        ] {
            assert_eq!(magnitude(x), 10f64.powf(x.log10().floor()), "{x}");
        }
        for (x, power) in [(1.7e308, 1e308), (2e-300, 1e-300), (2e-307, 1e-307)] {
            assert!(
                (magnitude(x) / power - 1.0).abs() < 1e-14,
                "{x}: {}",
                magnitude(x)
            );
        }
        for tiny in [5e-324, 1e-310] {
            assert_eq!(magnitude(tiny), 0.0, "{tiny}");
        }
    }

    #[test]
    fn subnormal_maxima_give_a_small_scale_not_a_panic() {
        // Found by fuzzing: 5e-323 made the power of ten underflow and asked for 2^64 ticks.
        for max in [5e-324, 5e-323, 1e-310, f64::MIN_POSITIVE, 1e-300] {
            let s = Scale::from_zero(max, 5);
            assert!(
                s.ticks.len() >= 2 && s.ticks.len() <= 101,
                "{max}: {} ticks",
                s.ticks.len()
            );
            assert!(
                s.max >= max && s.max.is_finite(),
                "{max:e}: max {:e}",
                s.max
            );
        }
    }

    #[test]
    fn offence_counts_get_round_ticks_from_zero() {
        let s = Scale::from_zero(1694.0, 4);
        assert_eq!(s.ticks.first(), Some(&0.0));
        assert_eq!(s.step, 500.0);
        assert_eq!(s.max, 2000.0);
        assert_eq!(s.ticks, vec![0.0, 500.0, 1000.0, 1500.0, 2000.0]);
    }

    #[test]
    fn degenerate_domains_still_give_a_scale() {
        for v in [0.0, -5.0, f64::NAN, f64::INFINITY] {
            let s = Scale::from_zero(v, 5);
            assert_eq!(s.max, 1.0, "for {v}");
        }
        let huge = Scale::from_zero(9e15, 5);
        assert!(huge.max >= 9e15 && huge.ticks.len() <= 11);
        let tiny = Scale::from_zero(1e-300, 5);
        assert!(tiny.max > 0.0 && tiny.ticks.len() <= 11);
    }

    #[test]
    fn fraction_is_clamped() {
        let s = Scale {
            max: 100.0,
            step: 25.0,
            ticks: vec![0.0, 25.0, 50.0, 75.0, 100.0],
        };
        assert_eq!(s.ticks.len(), 5);
        assert_eq!(s.fraction(87.5), 0.875);
        assert_eq!(s.fraction(150.0), 1.0);
        assert_eq!(s.fraction(f64::NAN), 0.0);
    }
}
