//! Structurally valid-ish specs from `arbitrary` bytes, written out as JSON text.
//!
//! Most fields are shaped like `docs/spec.md` so that inputs get past parsing into validation,
//! layout and drawing; each field can also take the hostile forms of the brief: numbers JSON
//! cannot hold (`1e999`, written as raw tokens), `1e308`, `-0`, counts past 2^53, detected above
//! recorded, rates above 100, empty / one-point / 100 000-point series, up to 10 000 series,
//! duplicate and unsorted periods, labels at and past their caps (up to 2 000 characters),
//! right-to-left and emoji text, deep nesting, and texts at their character caps. Specs stay under
//! ~1.5 MiB: the 32 MiB `MAX_SPEC_BYTES` boundary is tested in tests/hostile_inputs.rs instead.
//!
//! Strings and ordinary numbers are written with `serde_json`; the tokens `serde_json` will not
//! write (`1e999`, `-0`, 2^64, `NaN`) are written raw.

use arbitrary::{Arbitrary, Result, Unstructured};

/// Most figures written for one spec (all series together): keeps an execution under ~50 ms.
pub const POINT_BUDGET: usize = 120_000;
/// Most periods written.
pub const MAX_GEN_PERIODS: usize = 100_000;
/// Most series written.
pub const MAX_GEN_SERIES: usize = 10_000;

/// A JSON value as text pieces.
#[derive(Debug, Clone)]
pub enum J {
    /// A token written as it is (numbers, `null`, `true`, invalid tokens on purpose).
    Raw(String),
    /// A string, escaped by serde_json.
    Str(String),
    /// An array.
    Arr(Vec<J>),
    /// An object; keys in order, duplicates allowed.
    Obj(Vec<(String, J)>),
}

impl J {
    fn num(v: f64) -> J {
        if v.is_finite() {
            J::Raw(serde_json::to_string(&v).unwrap_or_else(|_| "0".into()))
        } else if v.is_nan() {
            J::Raw("NaN".into())
        } else if v > 0.0 {
            J::Raw("1e999".into())
        } else {
            J::Raw("-1e999".into())
        }
    }

    /// Writes the value compactly, or with newlines and two-space indents when `pretty`.
    pub fn write(&self, out: &mut String, pretty: bool, indent: usize) {
        let nl = |out: &mut String, n: usize| {
            if pretty {
                out.push('\n');
                out.extend(std::iter::repeat_n(' ', n * 2));
            }
        };
        match self {
            J::Raw(s) => out.push_str(s),
            J::Str(s) => out.push_str(&serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())),
            J::Arr(items) => {
                out.push('[');
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    nl(out, indent + 1);
                    v.write(out, pretty, indent + 1);
                }
                if !items.is_empty() {
                    nl(out, indent);
                }
                out.push(']');
            }
            J::Obj(fields) => {
                out.push('{');
                for (i, (k, v)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    nl(out, indent + 1);
                    out.push_str(&serde_json::to_string(k).unwrap_or_else(|_| "\"\"".into()));
                    out.push(':');
                    if pretty {
                        out.push(' ');
                    }
                    v.write(out, pretty, indent + 1);
                }
                if !fields.is_empty() {
                    nl(out, indent);
                }
                out.push('}');
            }
        }
    }
}

/// The ordinary, valid form of a field, drawn from the same bytes.
pub trait Plain: Sized {
    /// A valid value of this field.
    fn plain(u: &mut Unstructured) -> Result<Self>;
}

/// A field that is usually (5 times in 6) in its plain, valid form and otherwise anything
/// `arbitrary` makes of it: random bytes then still mostly give specs that pass validation and
/// reach layout and drawing, each hostile form being one choice away. No bytes left: plain.
#[derive(Debug, Clone)]
pub struct Mostly<T>(pub T);

impl<'a, T: Plain + Arbitrary<'a>> Arbitrary<'a> for Mostly<T> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        if u.is_empty() || u.ratio(5u8, 6u8)? {
            Ok(Mostly(T::plain(u)?))
        } else {
            Ok(Mostly(T::arbitrary(u)?))
        }
    }
}

impl<T> std::ops::Deref for Mostly<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl Plain for bool {
    fn plain(_: &mut Unstructured) -> Result<Self> {
        Ok(false)
    }
}

/// A whole spec.
#[derive(Arbitrary, Debug, Clone)]
pub struct GenSpec {
    pub version: Mostly<Version>,
    pub kind: Mostly<GenKind>,
    pub title: Mostly<Text>,
    pub subtitle: Option<Mostly<Text>>,
    pub unit: Option<Mostly<Text>>,
    pub sources: Mostly<Sources>,
    pub notes: Vec<Mostly<Text>>,
    pub periods: Mostly<Periods>,
    pub series: Mostly<SeriesSet>,
    pub mark: Option<Mostly<MarkField>>,
    pub categories: Mostly<Categories>,
    /// Writes trend fields into a rate chart and rate fields into a trend (both refused).
    pub mixed: Mostly<bool>,
    pub quirk: Mostly<Quirk>,
}

impl Plain for Version {
    fn plain(_: &mut Unstructured) -> Result<Self> {
        Ok(Version::One)
    }
}

impl Plain for GenKind {
    fn plain(u: &mut Unstructured) -> Result<Self> {
        Ok(if bool::arbitrary(u)? { GenKind::Rate } else { GenKind::Trend })
    }
}

impl Plain for MarkField {
    fn plain(u: &mut Unstructured) -> Result<Self> {
        Ok(match u8::arbitrary(u)? % 3 {
            0 => MarkField::Auto,
            1 => MarkField::Bar,
            _ => MarkField::Line,
        })
    }
}

impl Plain for Categories {
    fn plain(u: &mut Unstructured) -> Result<Self> {
        let n = u8::arbitrary(u)? % 6;
        let first = GenCategory::arbitrary(u)?;
        let rest = (0..n).map(|_| GenCategory::arbitrary(u)).collect::<Result<_>>()?;
        Ok(Categories::Some { first, rest })
    }
}

impl Plain for Text {
    fn plain(u: &mut Unstructured) -> Result<Self> {
        Ok(Text::Word { script: Script::arbitrary(u)?, n: u8::arbitrary(u)? })
    }
}

impl Plain for Sources {
    fn plain(u: &mut Unstructured) -> Result<Self> {
        Ok(if bool::arbitrary(u)? { Sources::One } else { Sources::Many(1 + u8::arbitrary(u)? % 10) })
    }
}

impl Plain for Periods {
    fn plain(u: &mut Unstructured) -> Result<Self> {
        let count = u32::arbitrary(u)?;
        let style = if bool::arbitrary(u)? { LabelStyle::Years } else { LabelStyle::Script(Script::arbitrary(u)?) };
        Ok(Periods::Numbered { count, big: 0, style, named: bool::arbitrary(u)? })
    }
}

impl Plain for SeriesSet {
    fn plain(u: &mut Unstructured) -> Result<Self> {
        Ok(SeriesSet::Uniform { count: u8::arbitrary(u)?, pattern: Pattern::plain(u)?, approximate_last: bool::arbitrary(u)? })
    }
}

impl Plain for Pattern {
    fn plain(u: &mut Unstructured) -> Result<Self> {
        Ok(match u8::arbitrary(u)? % 5 {
            0 => Pattern::Ramp { start: u32::arbitrary(u)?, step: u16::arbitrary(u)? },
            1 => Pattern::Saw(u16::arbitrary(u)?),
            2 => Pattern::Noise(u64::arbitrary(u)?),
            3 => Pattern::Approximate(u16::arbitrary(u)?),
            _ => Pattern::Constant(Num::Small(u16::arbitrary(u)?)),
        })
    }
}

impl Plain for Num {
    fn plain(u: &mut Unstructured) -> Result<Self> {
        Ok(Num::Small(u16::arbitrary(u)?))
    }
}

impl Plain for Relation {
    fn plain(u: &mut Unstructured) -> Result<Self> {
        Ok(if bool::arbitrary(u)? {
            Relation::Consistent { recorded: u32::arbitrary(u)?, detected: u32::arbitrary(u)? }
        } else {
            Relation::RateOnly(u8::arbitrary(u)?)
        })
    }
}

impl Plain for Quirk {
    fn plain(u: &mut Unstructured) -> Result<Self> {
        Ok(if bool::arbitrary(u)? { Quirk::Pretty } else { Quirk::None })
    }
}

/// A rate chart's categories: at least one unless `Empty`.
#[derive(Arbitrary, Debug, Clone)]
pub enum Categories {
    Some { first: GenCategory, rest: Vec<GenCategory> },
    Empty,
}

#[derive(Arbitrary, Debug, Clone)]
pub enum Version {
    One,
    Missing,
    Other(u64),
    Token(Special),
    Str,
}

#[derive(Arbitrary, Debug, Clone)]
pub enum GenKind {
    Trend,
    Rate,
    Missing,
    Other(String),
    Upper,
}

#[derive(Arbitrary, Debug, Clone)]
pub enum MarkField {
    Auto,
    Bar,
    Line,
    Other(String),
    Null,
}

/// The scripts labels are written in.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Script {
    Latin,
    Arabic,
    Hebrew,
    Emoji,
    EmojiZwj,
    Flags,
    Combining,
    Cjk,
    BidiControls,
    Astral,
    Digits,
}

impl Script {
    fn sample(self) -> &'static str {
        match self {
            Script::Latin => "Recorded offences in Scotland ",
            Script::Arabic => "الجرائم المسجلة في اسكتلندا ",
            Script::Hebrew => "עבירות שנרשמו בסקוטלנד ",
            Script::Emoji => "📈🚓👮📊🔍 ",
            Script::EmojiZwj => "👨‍👩‍👧‍👦👩🏽‍💻🏳️‍🌈 ",
            Script::Flags => "🇬🇧🇸🇦🇮🇱🏴󠁧󠁢󠁳󠁣󠁴󠁿 ",
            Script::Combining => "e\u{301}\u{302}\u{303}a\u{308}\u{20DD} ",
            Script::Cjk => "苏格兰记录的犯罪 ",
            Script::BidiControls => "\u{202E}2019/20\u{202C}\u{2067}جرائم\u{2069}\u{200F}\u{FEFF} ",
            Script::Astral => "𝕏𝔸𝟙𝟚𐍈 ",
            Script::Digits => "2018/19 ",
        }
    }

    /// `n` characters of this script, cycling its sample.
    pub fn text(self, n: usize) -> String {
        self.sample().chars().cycle().take(n).collect()
    }
}

/// Character caps from `limits`, and the URL cap from validation.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Cap {
    Label,
    Title,
    Text,
    Url,
}

impl Cap {
    fn chars(self) -> usize {
        use offence_charts::limits::*;
        match self {
            Cap::Label => MAX_LABEL_CHARS,
            Cap::Title => MAX_TITLE_CHARS,
            Cap::Text => MAX_TEXT_CHARS,
            Cap::Url => 2000,
        }
    }
}

/// A text field.
#[derive(Arbitrary, Debug, Clone)]
pub enum Text {
    /// A short word of a sample (variant 0: what zero bytes decode to, so specs start valid).
    Word { script: Script, n: u8 },
    Given(String),
    Script { script: Script, chars: u16 },
    AtCap { script: Script, cap: Cap, delta: i8 },
    Long2000(Script),
    Empty,
    Blank,
    Control(u8),
    Null,
    Number,
}

impl Text {
    fn json(&self) -> J {
        match self {
            Text::Word { script, n } => J::Str(format!("{}{}", script.text(1 + usize::from(*n % 24)).trim(), n)),
            Text::Given(s) => J::Str(s.clone()),
            Text::Script { script, chars } => J::Str(script.text(usize::from(*chars) % 2_101)),
            Text::AtCap { script, cap, delta } => {
                let n = (cap.chars() as i64 + i64::from(*delta % 3)).max(0) as usize;
                J::Str(script.text(n))
            }
            Text::Long2000(script) => J::Str(script.text(2000)),
            Text::Empty => J::Str(String::new()),
            Text::Blank => J::Str(" \u{3000}\n\t".into()),
            Text::Control(c) => J::Str(format!("a{}b", char::from(*c % 0x20))),
            Text::Null => J::Raw("null".into()),
            Text::Number => J::Raw("7".into()),
        }
    }

    /// A label text that is never empty, for generated periods and series.
    fn nonempty(&self) -> String {
        match self.json() {
            J::Str(s) if !s.trim().is_empty() => s,
            _ => "x".into(),
        }
    }
}

/// Number spellings JSON allows (or nearly) that are awkward for an f64.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Special {
    PosInf,
    NegInf,
    NaN,
    Infinity,
    E308,
    F64Max,
    NegZero,
    NegZeroFloat,
    Two53Minus1,
    Two53,
    Two53Plus1,
    U64Max,
    U64Over,
    I64Min,
    Denormal,
    Tiny,
    Tenth,
    Hundred,
    JustOver100,
    LongDigits,
    UpperExp,
    Null,
    StrNumber,
    True,
    Negative,
}

impl Special {
    fn token(self) -> &'static str {
        match self {
            Special::PosInf => "1e999",
            Special::NegInf => "-1e999",
            Special::NaN => "NaN",
            Special::Infinity => "Infinity",
            Special::E308 => "1e308",
            Special::F64Max => "1.7976931348623157e308",
            Special::NegZero => "-0",
            Special::NegZeroFloat => "-0.0",
            Special::Two53Minus1 => "9007199254740991",
            Special::Two53 => "9007199254740992",
            Special::Two53Plus1 => "9007199254740993",
            Special::U64Max => "18446744073709551615",
            Special::U64Over => "18446744073709551616",
            Special::I64Min => "-9223372036854775808",
            Special::Denormal => "5e-324",
            Special::Tiny => "1e-320",
            Special::Tenth => "0.1",
            Special::Hundred => "100",
            Special::JustOver100 => "100.00000000000001",
            Special::LongDigits => "123456789012345678901234567890",
            Special::UpperExp => "1E2",
            Special::Null => "null",
            Special::StrNumber => "\"5\"",
            Special::True => "true",
            Special::Negative => "-1",
        }
    }
}

/// A number.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Num {
    Small(u16),
    Int(u64),
    Neg(i64),
    Float(f64),
    Special(Special),
}

impl Num {
    fn json(self) -> J {
        match self {
            Num::Small(v) => J::Raw(v.to_string()),
            Num::Int(v) => J::Raw(v.to_string()),
            Num::Neg(v) => J::Raw(v.to_string()),
            Num::Float(v) => J::num(v),
            Num::Special(s) => J::Raw(s.token().into()),
        }
    }
}

impl Mostly<Num> {
    fn json(&self) -> J {
        self.0.json()
    }
}

/// A figure: a bare number or the object form.
#[derive(Arbitrary, Debug, Clone)]
pub struct GenFigure {
    pub num: Mostly<Num>,
    pub object: Option<FigureExtras>,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct FigureExtras {
    pub approximate: Option<bool>,
    pub published: Option<Mostly<Text>>,
    pub quote: Option<Mostly<Text>>,
    pub source: Option<Num>,
    pub unknown_field: Mostly<bool>,
    pub value_missing: Mostly<bool>,
    /// Issue 22: why it is missing, its status and its cell (any index: the reader must refuse
    /// names it does not know, and `missing` beside a `value`).
    pub missing: Option<u8>,
    pub status: Option<u8>,
    pub cell: Option<Mostly<Text>>,
}

impl FigureExtras {
    fn approximate() -> FigureExtras {
        FigureExtras { approximate: Some(true), published: None, quote: None, source: None, unknown_field: Mostly(false), value_missing: Mostly(false), missing: None, status: None, cell: None }
    }
}

impl GenFigure {
    fn json(&self) -> J {
        figure_json(self.num.json(), self.object.as_ref())
    }
}

fn figure_json(value: J, extras: Option<&FigureExtras>) -> J {
    let Some(x) = extras else { return value };
    let mut f = Vec::new();
    if !*x.value_missing {
        f.push(("value".to_owned(), value));
    }
    if let Some(a) = x.approximate {
        f.push(("approximate".into(), J::Raw(a.to_string())));
    }
    if let Some(p) = &x.published {
        f.push(("published".into(), p.json()));
    }
    if let Some(q) = &x.quote {
        f.push(("quote".into(), q.json()));
    }
    if let Some(s) = x.source {
        f.push(("source".into(), s.json()));
    }
    if *x.unknown_field {
        f.push(("valeu".into(), J::Raw("1".into())));
    }
    const MISSING: [&str; 4] = ["not-available", "suppressed", "not-applicable", "unknown"];
    const STATUS: [&str; 5] = ["provisional", "revised", "estimated", "low-reliability", "final"];
    if let Some(m) = x.missing {
        f.push(("missing".into(), J::Raw(format!("\"{}\"", MISSING[usize::from(m) % MISSING.len()]))));
    }
    if let Some(st) = x.status {
        f.push(("status".into(), J::Raw(format!("\"{}\"", STATUS[usize::from(st) % STATUS.len()]))));
    }
    if let Some(c) = &x.cell {
        f.push(("cell".into(), c.json()));
    }
    J::Obj(f)
}

/// Sources.
#[derive(Arbitrary, Debug, Clone)]
pub enum Sources {
    One,
    List(Vec<GenSource>),
    Many(u8),
    Empty,
    Missing,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct GenSource {
    pub name: Mostly<Text>,
    pub url: Option<Url>,
    pub date: Option<Mostly<Text>>,
}

#[derive(Arbitrary, Debug, Clone)]
pub enum Url {
    Https(String),
    Http,
    Javascript,
    Upper,
    Bare,
    Long(u16),
    WithSpace,
    Unicode(Script),
    Given(String),
}

impl Url {
    fn json(&self) -> J {
        J::Str(match self {
            Url::Https(p) => format!("https://example.org/{}", p.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>()),
            Url::Http => "http://www.scotland.police.uk/".into(),
            Url::Javascript => "javascript:alert(1)".into(),
            Url::Upper => "HTTPS://EXAMPLE.ORG".into(),
            Url::Bare => "http://".into(),
            Url::Long(n) => format!("https://example.org/{}", "a".repeat(usize::from(*n) % 2_100)),
            Url::WithSpace => "https://example.org/a b".into(),
            Url::Unicode(s) => format!("https://example.org/{}", s.text(40).replace(' ', "-")),
            Url::Given(s) => s.clone(),
        })
    }
}

/// Periods.
#[derive(Arbitrary, Debug, Clone)]
pub enum Periods {
    /// `1 + count % 48` periods, or `count % 100 001` when `big` is 0xFF.
    Numbered { count: u32, big: u8, style: LabelStyle, named: bool },
    List(Vec<GenPeriod>),
    Absent,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct GenPeriod {
    pub label: Mostly<Text>,
    pub name: Option<Mostly<Text>>,
    /// Issue 22: a break in series before it, with its note.
    pub brk: Option<Mostly<Text>>,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum LabelStyle {
    Years,
    Reversed,
    Shuffled(u64),
    DuplicateEvery(u8),
    AllSame,
    TrimDuplicate,
    Script(Script),
    AtCap(Script),
}

impl LabelStyle {
    fn label(self, i: usize, n: usize) -> String {
        match self {
            LabelStyle::Years => format!("{}/{:02}", 1900 + i, (i + 1) % 100),
            LabelStyle::Reversed => format!("P{}", n - i),
            LabelStyle::Shuffled(seed) => format!("Q{}", (i as u64 ^ seed) % (n as u64 * 2 + 1)),
            LabelStyle::DuplicateEvery(k) => {
                let k = usize::from(k).max(1);
                if i % k == k - 1 {
                    format!("D{}", i.saturating_sub(1))
                } else {
                    format!("D{i}")
                }
            }
            LabelStyle::AllSame => "2019".into(),
            LabelStyle::TrimDuplicate => if i % 2 == 0 { format!("T{}", i / 2) } else { format!(" T{} ", i / 2) },
            LabelStyle::Script(s) => format!("{}{i}", s.text(6)),
            LabelStyle::AtCap(s) => {
                let tail = i.to_string();
                let cap = offence_charts::limits::MAX_LABEL_CHARS;
                format!("{}{tail}", s.text(cap.saturating_sub(tail.len())).replace(' ', "_"))
            }
        }
    }
}

/// The series of a trend.
#[derive(Arbitrary, Debug, Clone)]
pub enum SeriesSet {
    /// `1 + count % 12` series filled by `pattern`, one figure per period (variant 0: valid).
    Uniform { count: u8, pattern: Pattern, approximate_last: bool },
    List(Vec<GenSeries>),
    /// `count % 40` series, or up to 10 000 when `gate` is 0xA5 (libFuzzer finds the gate by compare tracing; it keeps such inputs a minority).
    Many { count: u16, gate: u8, values: Values },
    Absent,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct GenSeries {
    pub name: Mostly<Text>,
    pub values: Mostly<Values>,
}

impl Plain for Values {
    fn plain(u: &mut Unstructured) -> Result<Self> {
        Ok(Values::Match(Pattern::plain(u)?))
    }
}

/// A series' values.
#[derive(Arbitrary, Debug, Clone)]
pub enum Values {
    /// One figure per period, from a pattern.
    Match(Pattern),
    /// Given figures, as many as there are.
    List(Vec<GenFigure>),
    /// A different number of figures from the periods'.
    Count { n: u32, pattern: Pattern },
    Empty,
    One(GenFigure),
    Null,
}

/// How to fill many values.
#[derive(Arbitrary, Debug, Clone)]
pub enum Pattern {
    Ramp { start: u32, step: u16 },
    Constant(Num),
    Saw(u16),
    Noise(u64),
    Zeros,
    Max,
    Approximate(u16),
    Cycle(Vec<GenFigure>),
}

impl Pattern {
    fn values(&self, n: usize) -> Vec<J> {
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        (0..n)
            .map(|i| match self {
                Pattern::Constant(v) => v.json(),
                Pattern::Ramp { start, step } => J::Raw((u64::from(*start) + i as u64 * u64::from(*step)).to_string()),
                Pattern::Saw(m) => J::Raw((i % (usize::from(*m) + 1)).to_string()),
                Pattern::Noise(s) => {
                    seed ^= s.wrapping_add(i as u64);
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    J::Raw((seed % 100_000).to_string())
                }
                Pattern::Zeros => J::Raw("0".into()),
                Pattern::Max => J::Raw("9007199254740991".into()),
                Pattern::Approximate(v) => J::Obj(vec![
                    ("value".into(), J::Raw(v.to_string())),
                    ("approximate".into(), J::Raw("true".into())),
                    ("published".into(), J::Str(format!("nearly {v}"))),
                ]),
                Pattern::Cycle(figs) if !figs.is_empty() => figs[i % figs.len()].json(),
                Pattern::Cycle(_) => J::Raw("1".into()),
            })
            .collect()
    }
}

impl Values {
    fn json(&self, periods: usize, budget: usize) -> J {
        match self {
            Values::List(v) => J::Arr(v.iter().take(budget.max(1)).map(GenFigure::json).collect()),
            Values::Match(p) => J::Arr(p.values(periods.min(budget))),
            // Up to 100 001 figures when the top byte of `n` is 0xA5 (libFuzzer finds the gate by compare tracing; it keeps such inputs a minority), else < 64.
            Values::Count { n, pattern } => {
                let n = if *n >> 24 == 0xA5 { *n as usize % (MAX_GEN_PERIODS + 2) } else { *n as usize % 64 };
                J::Arr(pattern.values(n.min(budget)))
            }
            Values::Empty => J::Arr(Vec::new()),
            Values::One(f) => J::Arr(vec![f.json()]),
            Values::Null => J::Raw("null".into()),
        }
    }
}

/// A rate-chart category.
#[derive(Arbitrary, Debug, Clone)]
pub struct GenCategory {
    pub label: Mostly<Text>,
    pub period: Option<Mostly<Text>>,
    pub recorded: Option<GenFigure>,
    pub detected: Option<GenFigure>,
    pub rate: Option<GenFigure>,
    pub relation: Mostly<Relation>,
}

/// Overrides the numbers of a category to hit a rule on purpose.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Relation {
    Consistent { recorded: u32, detected: u32 },
    AsGenerated,
    DetectedAboveRecorded { recorded: u32, extra: u16 },
    RateAbove100(u16),
    ZeroRecorded,
    HugeCounts,
    RateOnly(u8),
}

impl GenCategory {
    fn json(&self) -> J {
        let mut f = vec![("label".to_owned(), self.label.json())];
        if let Some(p) = &self.period {
            f.push(("period".into(), p.json()));
        }
        let extras = |g: &Option<GenFigure>| g.as_ref().and_then(|g| g.object.clone());
        let (rec, det, rate): (Option<J>, Option<J>, Option<J>) = match *self.relation {
            Relation::AsGenerated => (
                self.recorded.as_ref().map(GenFigure::json),
                self.detected.as_ref().map(GenFigure::json),
                self.rate.as_ref().map(GenFigure::json),
            ),
            Relation::Consistent { recorded, detected } => {
                let r = u64::from(recorded.max(1));
                (Some(J::Raw(r.to_string())), Some(J::Raw((u64::from(detected) % (r + 1)).to_string())), None)
            }
            Relation::DetectedAboveRecorded { recorded, extra } => (
                Some(J::Raw(recorded.to_string())),
                Some(J::Raw((u64::from(recorded) + u64::from(extra) + 1).to_string())),
                self.rate.as_ref().map(GenFigure::json),
            ),
            Relation::RateAbove100(x) => (None, None, Some(J::Raw(format!("{}.5", 100 + u32::from(x))))),
            Relation::ZeroRecorded => (Some(J::Raw("0".into())), Some(J::Raw("0".into())), self.rate.as_ref().map(GenFigure::json)),
            Relation::HugeCounts => (
                Some(figure_json(J::Raw("9007199254740991".into()), extras(&self.recorded).as_ref())),
                Some(figure_json(J::Raw("9007199254740990".into()), extras(&self.detected).as_ref())),
                None,
            ),
            Relation::RateOnly(p) => (None, None, Some(figure_json(J::Raw((p % 101).to_string()), extras(&self.rate).as_ref()))),
        };
        for (k, v) in [("recorded", rec), ("detected", det), ("rate", rate)] {
            if let Some(v) = v {
                f.push((k.into(), v));
            }
        }
        J::Obj(f)
    }
}

/// How the spec as a whole is written.
#[derive(Arbitrary, Debug, Clone)]
pub enum Quirk {
    None,
    Pretty,
    UnknownField(String),
    DuplicateKey,
    Nest { depth: u32, at: NestAt, brackets: bool },
    Bom,
    TrailingComma,
    TrailingText(String),
    TopLevelArray,
    /// Pads with spaces: up to 4 KiB, or up to 1 MiB. The `MAX_SPEC_BYTES` (32 MiB) boundary is
    /// not generated here: libFuzzer's compare tracing finds any gate, and 32 MiB specs would
    /// dominate the run's time. tests/hostile_inputs.rs checks that boundary byte for byte.
    Pad(PadTo),
    /// One note of up to 1 MiB (refused for length: a 500-character cap).
    BigNote { kib: u16 },
}

#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum NestAt {
    TopLevel,
    Title,
    Figure,
    Unknown,
    Notes,
    Periods,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum PadTo {
    Small(u16),
    KiB(u16),
}

fn nested(depth: usize, brackets: bool) -> String {
    let mut s = String::with_capacity(depth * 6 + 2);
    if brackets {
        s.extend(std::iter::repeat_n('[', depth));
        s.push('1');
        s.extend(std::iter::repeat_n(']', depth));
    } else {
        s.extend(std::iter::repeat_n("{\"a\":", depth));
        s.push('1');
        s.extend(std::iter::repeat_n('}', depth));
    }
    s
}

impl GenSpec {
    /// The number of periods this spec writes.
    fn period_count(&self) -> usize {
        match &*self.periods {
            Periods::Absent => 0,
            Periods::List(v) => v.len(),
            Periods::Numbered { count, big, .. } => {
                if *big == 0xFF {
                    *count as usize % (MAX_GEN_PERIODS + 1)
                } else {
                    1 + *count as usize % 48
                }
            }
        }
    }

    /// The spec as JSON text.
    pub fn to_json(&self) -> String {
        let mut f: Vec<(String, J)> = Vec::new();
        match &*self.version {
            Version::One => f.push(("version".into(), J::Raw("1".into()))),
            Version::Missing => {}
            Version::Other(v) => f.push(("version".into(), J::Raw(v.to_string()))),
            Version::Token(s) => f.push(("version".into(), J::Raw(s.token().into()))),
            Version::Str => f.push(("version".into(), J::Str("1".into()))),
        }
        match &*self.kind {
            GenKind::Trend => f.push(("kind".into(), J::Str("trend".into()))),
            GenKind::Rate => f.push(("kind".into(), J::Str("rate".into()))),
            GenKind::Missing => {}
            GenKind::Other(s) => f.push(("kind".into(), J::Str(s.clone()))),
            GenKind::Upper => f.push(("kind".into(), J::Str("Trend".into()))),
        }
        f.push(("title".into(), self.title.json()));
        if let Some(s) = &self.subtitle {
            f.push(("subtitle".into(), s.json()));
        }
        if let Some(u) = &self.unit {
            f.push(("unit".into(), u.json()));
        }
        let source = |s: &GenSource| {
            let mut o = vec![("name".to_owned(), s.name.json())];
            if let Some(u) = &s.url {
                o.push(("url".into(), u.json()));
            }
            if let Some(d) = &s.date {
                o.push(("date".into(), d.json()));
            }
            J::Obj(o)
        };
        match &*self.sources {
            Sources::One => f.push(("sources".into(), J::Arr(vec![J::Obj(vec![("name".into(), J::Str("Police Scotland".into()))])]))),
            Sources::List(v) => f.push(("sources".into(), J::Arr(v.iter().take(12).map(source).collect()))),
            Sources::Many(n) => f.push((
                "sources".into(),
                J::Arr((0..usize::from(*n)).map(|i| J::Obj(vec![("name".into(), J::Str(format!("S{i}")))])).collect()),
            )),
            Sources::Empty => f.push(("sources".into(), J::Arr(Vec::new()))),
            Sources::Missing => {}
        }
        if !self.notes.is_empty() {
            f.push(("notes".into(), J::Arr(self.notes.iter().take(12).map(|t| t.json()).collect())));
        }
        let n = self.period_count();
        let trend_fields = !matches!(*self.kind, GenKind::Rate) || *self.mixed;
        let rate_fields = matches!(*self.kind, GenKind::Rate) || *self.mixed;
        match &*self.periods {
            _ if !trend_fields => {}
            Periods::Absent => {}
            Periods::List(v) => f.push((
                "periods".into(),
                J::Arr(
                    v.iter()
                        .map(|p| {
                            let mut o = vec![("label".to_owned(), p.label.json())];
                            if let Some(nm) = &p.name {
                                o.push(("name".into(), nm.json()));
                            }
                            if let Some(b) = &p.brk {
                                o.push(("break".into(), b.json()));
                            }
                            J::Obj(o)
                        })
                        .collect(),
                ),
            )),
            Periods::Numbered { style, named, .. } => f.push((
                "periods".into(),
                J::Arr(
                    (0..n)
                        .map(|i| {
                            let mut o = vec![("label".to_owned(), J::Str(style.label(i, n)))];
                            if *named {
                                o.push(("name".into(), J::Str(format!("Period number {i}"))));
                            }
                            J::Obj(o)
                        })
                        .collect(),
                ),
            )),
        }
        match &*self.series {
            _ if !trend_fields => {}
            SeriesSet::Absent => {}
            SeriesSet::Uniform { count, pattern, approximate_last } => {
                let count = 1 + usize::from(*count) % 12;
                let budget = POINT_BUDGET / count;
                f.push((
                    "series".into(),
                    J::Arr(
                        (0..count)
                            .map(|i| {
                                let mut vals = pattern.values(n.min(budget));
                                if *approximate_last {
                                    if let Some(last) = vals.pop() {
                                        vals.push(figure_json(last, Some(&FigureExtras::approximate())));
                                    }
                                }
                                J::Obj(vec![("name".into(), J::Str(format!("Series {i}"))), ("values".into(), J::Arr(vals))])
                            })
                            .collect(),
                    ),
                ));
            }
            SeriesSet::List(v) => {
                let budget = POINT_BUDGET / v.len().max(1);
                f.push((
                    "series".into(),
                    J::Arr(v.iter().map(|s| J::Obj(vec![("name".into(), J::Str(s.name.nonempty())), ("values".into(), s.values.json(n, budget))])).collect()),
                ));
            }
            SeriesSet::Many { count, gate, values } => {
                let count = if *gate == 0xA5 { usize::from(*count) % (MAX_GEN_SERIES + 1) } else { usize::from(*count) % 40 };
                let budget = POINT_BUDGET / count.max(1);
                let vals = values.json(n, budget);
                f.push((
                    "series".into(),
                    J::Arr((0..count).map(|i| J::Obj(vec![("name".into(), J::Str(format!("Series {i}"))), ("values".into(), vals.clone())])).collect()),
                ));
            }
        }
        match self.mark.as_deref() {
            None => {}
            Some(MarkField::Auto) => f.push(("mark".into(), J::Str("auto".into()))),
            Some(MarkField::Bar) => f.push(("mark".into(), J::Str("bar".into()))),
            Some(MarkField::Line) => f.push(("mark".into(), J::Str("line".into()))),
            Some(MarkField::Other(s)) => f.push(("mark".into(), J::Str(s.clone()))),
            Some(MarkField::Null) => f.push(("mark".into(), J::Raw("null".into()))),
        }
        match &*self.categories {
            _ if !rate_fields => {}
            Categories::Empty => f.push(("categories".into(), J::Arr(Vec::new()))),
            Categories::Some { first, rest } => f.push((
                "categories".into(),
                J::Arr(std::iter::once(first).chain(rest.iter().take(39)).map(GenCategory::json).collect()),
            )),
        }

        let mut pretty = false;
        let (mut prefix, mut suffix) = (String::new(), String::new());
        match &*self.quirk {
            Quirk::None | Quirk::Pad(_) | Quirk::BigNote { .. } => {}
            Quirk::Pretty => pretty = true,
            Quirk::UnknownField(k) => f.push((k.clone(), J::Raw("true".into()))),
            Quirk::DuplicateKey => f.push(("title".into(), J::Str("Again".into()))),
            Quirk::Nest { depth, at, brackets } => {
                let deep = J::Raw(nested(*depth as usize % 100_001, *brackets));
                match at {
                    NestAt::TopLevel => {
                        let mut out = String::new();
                        deep.write(&mut out, false, 0);
                        return out;
                    }
                    NestAt::Title => set(&mut f, "title", deep),
                    NestAt::Figure => f.push(("categories".into(), J::Arr(vec![J::Obj(vec![("label".into(), J::Str("c".into())), ("rate".into(), deep)])]))),
                    NestAt::Unknown => f.push(("extra".into(), deep)),
                    NestAt::Notes => set(&mut f, "notes", J::Arr(vec![deep])),
                    NestAt::Periods => set(&mut f, "periods", J::Arr(vec![J::Obj(vec![("label".into(), J::Str("a".into())), ("name".into(), deep)])])),
                }
            }
            Quirk::Bom => prefix.push('\u{FEFF}'),
            Quirk::TrailingComma => f.push(("".into(), J::Raw("".into()))),
            Quirk::TrailingText(t) => suffix.push_str(t),
            Quirk::TopLevelArray => {
                prefix.push('[');
                suffix.push(']');
            }
        }
        if let Quirk::BigNote { kib } = &*self.quirk {
            let kib = usize::from(*kib) % 1025;
            set(&mut f, "notes", J::Arr(vec![J::Str("n".repeat(kib * 1024))]));
        }
        let mut out = prefix;
        J::Obj(f).write(&mut out, pretty, 0);
        out.push_str(&suffix);
        if let Quirk::TrailingComma = *self.quirk {
            // `"":` was written as the last member: turn `,"":}` into `,}`.
            if let Some(i) = out.rfind(",\"\":") {
                out.replace_range(i.., ",}");
            }
        }
        if let Quirk::Pad(to) = *self.quirk {
            let pad = match to {
                PadTo::Small(n) => usize::from(n) % 4096,
                PadTo::KiB(n) => (usize::from(n) % 1025) * 1024,
            };
            out.push_str(&" ".repeat(pad));
        }
        out
    }
}

/// Replaces the field `key` (or adds it).
fn set(f: &mut Vec<(String, J)>, key: &str, v: J) {
    match f.iter_mut().find(|(k, _)| k == key) {
        Some(slot) => slot.1 = v,
        None => f.push((key.into(), v)),
    }
}
