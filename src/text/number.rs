//! Numbers written for people, en-GB style: `1,694`, `87.8 %`, `≈1,600`, `1.5m`.

/// Marks a figure the source gives only roughly.
pub const APPROX: &str = "≈";

/// A count with thousands separators; at most one decimal, dropped when it is `.0`.
pub fn count(v: f64) -> String {
    let v = if v == 0.0 { 0.0 } else { v }; // no "-0"
    if v.abs() >= 1e12 {
        // A tenth is noise in an f64 this large, and v * 10 would lose the units.
        return group_thousands(v.round());
    }
    let tenths = (v * 10.0).round();
    let whole = (tenths / 10.0).trunc();
    let frac = (tenths - whole * 10.0).abs().min(9.0);
    let mut out = group_thousands(whole);
    if frac >= 1.0 {
        out.push('.');
        out.push(char::from(b'0' + frac as u8));
    }
    out
}

/// A percentage with one decimal: `87.8 %`.
pub fn percent(v: f64) -> String {
    cat!(one_decimal(v), " %")
}

/// `v` rounded to one decimal, always showing it: `87.8`, `70.0`, `-2.5`. Integer arithmetic only
/// (no float formatting machinery in the wasm).
pub fn one_decimal(v: f64) -> String {
    let tenths = (v * 10.0).round();
    if !tenths.is_finite() || tenths.abs() >= 1e17 {
        return group_thousands(v.round());
    }
    let t = tenths as i64;
    let sign = if t < 0 { "-" } else { "" };
    cat!(sign, with_decimals(t.unsigned_abs(), 1))
}

/// A whole percentage for axis ticks: `70 %`.
pub fn percent_tick(v: f64) -> String {
    cat!(group_thousands(v.round()), " %")
}

/// An axis tick for counts: `1,600`; from a million up, `1.5m` and `2bn`.
pub fn count_tick(v: f64) -> String {
    let a = v.abs();
    if a >= 1e9 {
        cat!(trim_zero(v / 1e9), "bn")
    } else if a >= 1e6 {
        cat!(trim_zero(v / 1e6), "m")
    } else {
        count(v)
    }
}

/// `≈` before `text` when `approximate`.
pub fn flagged(text: String, approximate: bool) -> String {
    if approximate {
        cat!(APPROX, text)
    } else {
        text
    }
}

/// The relative change from `a` to `b` in per cent, one decimal, signed words: `up 7.7 %`.
pub fn change(a: f64, b: f64) -> Option<String> {
    // From a figure that reads as 0 a percentage change means nothing to a reader.
    if a.is_nan() || a < 0.05 {
        return None;
    }
    let pct = (b - a) / a * 100.0;
    if !pct.is_finite() {
        return None;
    }
    let word = if pct > 0.0 {
        "up"
    } else if pct < 0.0 {
        "down"
    } else {
        return Some("unchanged".into());
    };
    Some(cat!(word, " ", percent(pct.abs())))
}

fn trim_zero(v: f64) -> String {
    let s = one_decimal(v);
    s.strip_suffix(".0").map(str::to_owned).unwrap_or(s)
}

fn group_thousands(whole: f64) -> String {
    // Whole numbers up to 2^64 as integers; beyond that (never a valid figure) in powers of ten.
    if !whole.is_finite() {
        return "∞".to_owned();
    }
    let a = whole.abs().round();
    let digits = if a < 1.8e19 {
        cat!(a as u64)
    } else {
        let (mag, exp) = power_of_ten_at_most(a);
        return cat!(
            if whole < 0.0 { "-" } else { "" },
            (a / mag).round() as u64,
            "e",
            exp
        );
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if whole < 0.0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A number for messages, as written: `85.5`, `1000`, `100.01`; exact up to six decimals, else
/// rounded to six with `…` (`100.000000…`). Integer arithmetic only (no float formatting in the
/// wasm).
pub fn plain(v: f64) -> String {
    if !v.is_finite() {
        return if v.is_nan() {
            "NaN"
        } else if v > 0.0 {
            "∞"
        } else {
            "-∞"
        }
        .into();
    }
    if v.abs() >= 1e15 {
        return group_thousands(v).replace(',', "");
    }
    let sign = if v < 0.0 { "-" } else { "" };
    let a = v.abs();
    let mut scale = 1.0;
    for decimals in 0..=6 {
        let n = (a * scale).round();
        if n / scale == a {
            return cat!(sign, with_decimals(n as u64, decimals));
        }
        scale *= 10.0;
    }
    cat!(sign, with_decimals((a * 1e6).round() as u64, 6), "…")
}

/// `n` / 10^`decimals` written out: `with_decimals(10001, 2)` is `100.01`.
fn with_decimals(n: u64, decimals: u32) -> String {
    let p = 10u64.pow(decimals);
    if decimals == 0 {
        return cat!(n);
    }
    // The fraction zero-padded to `decimals` digits: 10^decimals + fraction, its leading 1 dropped.
    let frac = cat!(p + n % p);
    cat!(n / p, '.', frac.get(1..).unwrap_or(""))
}

/// `v` for CSS and canvas strings: at most two decimals, trailing zeros dropped (`13`, `19.5`,
/// `17.33`), written with integer arithmetic.
pub fn css_number(v: f64) -> String {
    let hundredths = (v * 100.0).round();
    if !hundredths.is_finite() || hundredths.abs() > 1e15 {
        return "0".into();
    }
    let h = hundredths as i64;
    let a = h.unsigned_abs();
    let sign = if h < 0 { "-" } else { "" };
    let digits = match a % 100 {
        0 => with_decimals(a / 100, 0),
        f if f % 10 == 0 => with_decimals(a / 10, 1),
        _ => with_decimals(a, 2),
    };
    cat!(sign, digits)
}

/// For `x` ≥ 1: the largest power of ten at or below it, and its exponent: `(1000.0, 3)` for 1694.
pub fn power_of_ten_at_most(x: f64) -> (f64, u32) {
    let (mut p, mut exp) = (1.0f64, 0);
    while p * 10.0 <= x {
        p *= 10.0;
        exp += 1;
    }
    (p, exp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_have_separators_and_no_trailing_zero() {
        assert_eq!(count(1694.0), "1,694");
        assert_eq!(count(1600.0), "1,600");
        assert_eq!(count(0.0), "0");
        assert_eq!(count(-0.0), "0");
        assert_eq!(count(999.0), "999");
        assert_eq!(count(1234567.0), "1,234,567");
        assert_eq!(count(12.25), "12.3");
        assert_eq!(count(9007199254740991.0), "9,007,199,254,740,991");
        assert_eq!(count(-1234.5), "-1,234.5");
        assert_eq!(percent(0.04), "0.0 %");
        assert_eq!(percent(-2.25), "-2.3 %");
        assert_eq!(percent(100.0), "100.0 %");
    }

    #[test]
    fn percents_and_ticks() {
        assert_eq!(percent(86.0 / 98.0 * 100.0), "87.8 %");
        assert_eq!(percent_tick(70.0), "70 %");
        assert_eq!(count_tick(1500.0), "1,500");
        assert_eq!(count_tick(1_500_000.0), "1.5m");
        assert_eq!(count_tick(2e9), "2bn");
        assert_eq!(flagged(count(1600.0), true), "≈1,600");
    }

    #[test]
    fn plain_numbers_for_messages() {
        assert_eq!(plain(85.5), "85.5");
        assert_eq!(plain(1000.0), "1000");
        assert_eq!(plain(100.01), "100.01");
        assert_eq!(plain(-2.125), "-2.125");
        assert_eq!(plain(0.000001), "0.000001");
        assert_eq!(plain(f64::from_bits(100f64.to_bits() + 1)), "100.000000…");
        assert_eq!(plain(1e308), "1e308");
        assert_eq!(plain(9007199254740993.0), "9007199254740992");
        assert_eq!(plain(f64::NEG_INFINITY), "-∞");
    }

    #[test]
    fn numbers_for_css() {
        assert_eq!(css_number(13.0), "13");
        assert_eq!(css_number(19.5), "19.5");
        assert_eq!(css_number(13.0 * 4.0 / 3.0), "17.33");
        assert_eq!(css_number(16.0 * 1.05), "16.8");
        assert_eq!(css_number(-0.25), "-0.25");
        assert_eq!(css_number(7.05), "7.05");
        assert_eq!(css_number(0.001), "0");
        assert_eq!(css_number(f64::NAN), "0");
    }

    #[test]
    fn change_in_words() {
        assert_eq!(change(1573.0, 1694.0).as_deref(), Some("up 7.7 %"));
        assert_eq!(change(100.0, 90.0).as_deref(), Some("down 10.0 %"));
        assert_eq!(change(5.0, 5.0).as_deref(), Some("unchanged"));
        assert_eq!(change(0.0, 5.0), None);
        assert_eq!(change(1e-300, 5.0), None, "from a figure that reads as 0");
        assert_eq!(change(5e-324, 1.0), None);
        assert_eq!(count(f64::INFINITY), "∞");
    }
}
