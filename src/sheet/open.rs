//! A file's bytes to sheets of cells: workbooks (`.xlsx`, `.xls`, `.ods`) by calamine, delimited
//! text (`.csv`, `.tsv`) by csv. What a file is comes from its first bytes, not its name; a name
//! that says otherwise is reported.

use super::cell::{figure, heading, is_formula_error, Figure, Heading};
use super::period::{period, PeriodName};
use super::{MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS};
use calamine::{Data, Dimensions, Ods, Range, Reader, Xls, Xlsx};
use std::io::Cursor;

/// One cell as the builder shows and reads it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cell {
    /// Its text as the grid shows it.
    pub text: String,
    /// What it says as a figure, if it is one (or a marker, or a formula error).
    pub figure: Option<Figure>,
    /// Its text as a heading (footnote marks off), for text cells.
    pub heading: Option<Heading>,
    /// The period its heading names, if it names one.
    pub period: Option<PeriodName>,
    /// Whether a workbook stored its number as text.
    pub number_as_text: bool,
    /// The merged range it was filled from (`B3:D3`), if it is part of one.
    pub merged: Option<String>,
}

/// One sheet: its first rows of cells.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sheet {
    /// Its name (a CSV file's is the file's name).
    pub name: String,
    /// How many rows it has, all of them.
    pub rows: usize,
    /// How many columns it has, all of them.
    pub columns: usize,
    /// Its first [`MAX_ROWS`] rows of its first [`MAX_COLUMNS`] columns; `None` for an empty
    /// cell. Row and column 0 are the sheet's A1.
    pub cells: Vec<Vec<Option<Cell>>>,
}

/// A file read: its sheets, and what was noticed reading it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Book {
    /// `xlsx`, `xls`, `ods`, `csv` or `tsv`: what the file is.
    pub format: &'static str,
    /// Its sheets, in order.
    pub sheets: Vec<Sheet>,
    /// Things the journalist should know: "named .xlsx but is a text file: read as CSV".
    pub notices: Vec<String>,
}

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum SheetError {
    /// Larger than [`MAX_FILE_BYTES`]: its size.
    TooLarge(usize),
    /// A workbook with a password.
    Password,
    /// Not a spreadsheet at all: what it looks like.
    NotASheet(&'static str),
    /// A damaged workbook: what the reader said.
    Damaged(&'static str, String),
    /// No cell of any sheet holds anything.
    Empty,
}

fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as u64 * 10 + 524_288) / 1_048_576;
    cat!(tenths / 10, '.', tenths % 10, " MB")
}

impl SheetError {
    /// The message the builder shows.
    pub fn message(&self) -> String {
        match self {
            SheetError::TooLarge(n) => cat!(
                "This file is ",
                megabytes(*n),
                ": the builder opens files up to ",
                megabytes(MAX_FILE_BYTES),
                ". Save the sheet you need on its own (or as CSV) and open that."
            ),
            SheetError::Password => "This workbook is protected by a password: the builder \
                cannot read it. Open it in your spreadsheet program, save a copy without the \
                password, and open that."
                .to_owned(),
            SheetError::NotASheet(what) => cat!(
                "This file is not a spreadsheet or CSV file: it looks like ",
                what,
                ". Open an .xlsx, .xls, .ods, .csv or .tsv file."
            ),
            SheetError::Damaged(format, why) => cat!(
                "This .",
                format,
                " workbook could not be read: it seems damaged (",
                why,
                "). Open it in your spreadsheet program and save it again."
            ),
            SheetError::Empty => "This file has no cells with anything in them.".to_owned(),
        }
    }
}

/// What bytes `b` are, by their start.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Zip,
    Cfb,
    Text,
}

fn kind(b: &[u8]) -> Result<Kind, SheetError> {
    if b.starts_with(b"PK\x03\x04") {
        return Ok(Kind::Zip);
    }
    if b.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Ok(Kind::Cfb);
    }
    for (magic, what) in [
        (&b"%PDF"[..], "a PDF document"),
        (&b"\x89PNG"[..], "a PNG image"),
        (&b"\xFF\xD8\xFF"[..], "a JPEG image"),
        (&b"GIF8"[..], "a GIF image"),
        (&b"PK\x05\x06"[..], "an empty zip archive"),
        (&b"\x1F\x8B"[..], "a gzip archive"),
        (&b"{\\rtf"[..], "a rich text document"),
    ] {
        if b.starts_with(magic) {
            return Err(SheetError::NotASheet(what));
        }
    }
    let head = b.get(..b.len().min(8192)).unwrap_or(b);
    let utf16 = head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]);
    if !utf16 && head.contains(&0) {
        return Err(SheetError::NotASheet("some other kind of file"));
    }
    Ok(Kind::Text)
}

/// The extension of `name`, lower case: `xlsx`.
fn extension(name: &str) -> String {
    match name.rsplit_once('.') {
        Some((_, ext)) => ext.to_ascii_lowercase(),
        None => String::new(),
    }
}

/// Reads file `bytes` named `name` into sheets.
pub fn read(bytes: &[u8], name: &str) -> Result<Book, SheetError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(SheetError::TooLarge(bytes.len()));
    }
    let ext = extension(name);
    let mut book = match kind(bytes)? {
        Kind::Zip if is_ods(bytes) => workbook::<Ods<_>>(bytes, "ods")?,
        Kind::Zip => workbook::<Xlsx<_>>(bytes, "xlsx")?,
        Kind::Cfb if has_utf16(bytes, "EncryptedPackage") => return Err(SheetError::Password),
        Kind::Cfb => workbook::<Xls<_>>(bytes, "xls")?,
        Kind::Text => delimited(bytes, name, &ext)?,
    };
    let said = match ext.as_str() {
        "xlsm" => "xlsx",
        "txt" => book.format,
        other => other,
    };
    let text = matches!(book.format, "csv" | "tsv");
    let same = said == book.format || (text && matches!(said, "csv" | "tsv"));
    if !same {
        let is = match book.format {
            "xlsx" => "an Excel workbook (.xlsx)",
            "xls" => "an older Excel workbook (.xls)",
            "ods" => "an OpenDocument spreadsheet (.ods)",
            "tsv" => "text with tab-separated cells (TSV)",
            _ => "text with comma-separated cells (CSV)",
        };
        let named = if said.is_empty() {
            "has no extension".to_owned()
        } else {
            cat!("is named .", said)
        };
        book.notices.insert(
            0,
            cat!("This file ", named, " but it is ", is, ": read as that."),
        );
    }
    if book.sheets.iter().all(|s| s.cells.is_empty()) {
        return Err(SheetError::Empty);
    }
    Ok(book)
}

/// Whether a zip's first entry is the OpenDocument spreadsheet `mimetype`.
fn is_ods(b: &[u8]) -> bool {
    let head = b.get(..b.len().min(200)).unwrap_or(b);
    head.windows(b"opendocument.spreadsheet".len())
        .any(|w| w == b"opendocument.spreadsheet")
}

fn has_utf16(b: &[u8], word: &str) -> bool {
    let needle: Vec<u8> = word.encode_utf16().flat_map(u16::to_le_bytes).collect();
    b.windows(needle.len()).any(|w| w == needle.as_slice())
}

/// What the workbook readers share, beyond [`Reader`]: their merged ranges, and a sheet's first
/// [`MAX_ROWS`] rows with its whole size.
trait Merges {
    fn merges(&mut self, sheet: &str) -> Vec<Dimensions>;

    /// Every sheet's merged ranges read from the file's `bytes` at once, for a format whose
    /// reader does not report them (then [`Merges::merges`] has none).
    fn merges_in(_bytes: &[u8]) -> Vec<(String, Vec<Dimensions>)> {
        Vec::new()
    }

    /// The first rows of `sheet` and its (rows, columns); a damaged sheet's error, said.
    fn first_rows(&mut self, sheet: &str) -> Result<(Range<Data>, usize, usize), String>;
}

impl Merges for Xlsx<Cursor<&[u8]>> {
    fn merges(&mut self, sheet: &str) -> Vec<Dimensions> {
        self.merge_cells_by_sheet_name(sheet).unwrap_or_default()
    }

    /// Streamed, stopping after [`MAX_ROWS`] rows: the rest of a 100,000-row sheet is not parsed;
    /// its size is the sheet's own `dimension` (or what was seen, if larger).
    fn first_rows(&mut self, sheet: &str) -> Result<(Range<Data>, usize, usize), String> {
        let mut reader = self
            .worksheet_cells_reader(sheet)
            .map_err(|e| e.to_string())?;
        let mut cells = Vec::new();
        let (mut rows, mut cols) = (0usize, 0usize);
        let mut more = false;
        while let Some(cell) = reader.next_cell().map_err(|e| e.to_string())? {
            let (r, c) = cell.get_position();
            if r as usize >= MAX_ROWS {
                more = true;
                break;
            }
            rows = rows.max(r as usize + 1);
            cols = cols.max(c as usize + 1);
            let value = Data::from(cell.get_value().clone());
            if value != Data::Empty {
                cells.push(calamine::Cell::new((r, c), value));
            }
        }
        if more {
            let dims = reader.dimensions();
            rows = rows.max(dims.end.0 as usize + 1);
            cols = cols.max(dims.end.1 as usize + 1);
        }
        Ok((Range::from_sparse(cells), rows, cols))
    }
}

impl Merges for Xls<Cursor<&[u8]>> {
    fn merges(&mut self, sheet: &str) -> Vec<Dimensions> {
        #[allow(deprecated)]
        self.worksheet_merge_cells(sheet).unwrap_or_default()
    }

    fn first_rows(&mut self, sheet: &str) -> Result<(Range<Data>, usize, usize), String> {
        sized(self.worksheet_range(sheet).map_err(|e| e.to_string())?)
    }
}

impl Merges for Ods<Cursor<&[u8]>> {
    fn merges(&mut self, _sheet: &str) -> Vec<Dimensions> {
        Vec::new()
    }

    fn merges_in(bytes: &[u8]) -> Vec<(String, Vec<Dimensions>)> {
        super::ods::merges(bytes)
    }

    fn first_rows(&mut self, sheet: &str) -> Result<(Range<Data>, usize, usize), String> {
        sized(self.worksheet_range(sheet).map_err(|e| e.to_string())?)
    }
}

/// A whole sheet's range with its size.
fn sized(range: Range<Data>) -> Result<(Range<Data>, usize, usize), String> {
    let (rows, cols) = range
        .end()
        .map_or((0, 0), |(r, c)| (r as usize + 1, c as usize + 1));
    Ok((range, rows, cols))
}

fn damaged(format: &'static str, e: impl std::fmt::Display) -> SheetError {
    let why = e.to_string();
    if why.contains("password") {
        return SheetError::Password;
    }
    let why: String = why.chars().take(200).collect();
    SheetError::Damaged(format, why)
}

fn workbook<'a, R>(bytes: &'a [u8], format: &'static str) -> Result<Book, SheetError>
where
    R: Reader<Cursor<&'a [u8]>> + Merges,
    R::Error: std::fmt::Display,
{
    let mut wb: R =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| damaged(format, e))?;
    let mut book = Book {
        format,
        ..Book::default()
    };
    let mut merged = R::merges_in(bytes);
    for name in wb.sheet_names() {
        let (range, rows, columns) = wb.first_rows(&name).map_err(|e| damaged(format, e))?;
        let mut merges = wb.merges(&name);
        if let Some(i) = merged.iter().position(|(sheet, _)| *sheet == name) {
            merges.append(&mut merged.swap_remove(i).1);
        }
        book.sheets
            .push(sheet_of(name, &range, rows, columns, &merges));
    }
    Ok(book)
}

/// Column `c` (0 = A) as a spreadsheet names it: A, Z, AA.
pub fn column_name(c: usize) -> String {
    let mut out = Vec::new();
    let mut n = c + 1;
    while n > 0 {
        let d = (n - 1) % 26;
        out.push(char::from(b'A' + d as u8));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

fn text_of(d: &Data) -> String {
    match d {
        Data::Int(i) => plain_number(*i as f64),
        Data::Float(f) => plain_number(*f),
        Data::String(s) => s.trim().to_owned(),
        Data::Bool(b) => (if *b { "TRUE" } else { "FALSE" }).to_owned(),
        Data::DateTime(dt) => match dt.as_datetime_parts() {
            Some((y, m, day)) => cat!(y as u32, '-', two(m), '-', two(day)),
            None => String::new(),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
        Data::Empty => String::new(),
    }
}

fn two(n: u32) -> String {
    if n < 10 {
        cat!('0', n)
    } else {
        cat!(n)
    }
}

/// A workbook's number as text: whole numbers without a point, others as Rust writes them.
fn plain_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let s = if v < 0.0 { "-" } else { "" };
        cat!(s, v.abs() as u64)
    } else {
        v.to_string()
    }
}

/// A cell from workbook data `d`.
fn cell_of(d: &Data) -> Option<Cell> {
    let text = text_of(d);
    if text.is_empty() {
        return None;
    }
    let mut cell = Cell {
        text,
        ..Cell::default()
    };
    match d {
        Data::Int(_) | Data::Float(_) => {
            let v = match d {
                Data::Int(i) => *i as f64,
                Data::Float(f) => *f,
                _ => 0.0,
            };
            cell.figure = Some(Figure {
                value: Some(v),
                ..Figure::default()
            });
            if v.fract() == 0.0 {
                cell.period = period(&cell.text);
            }
        }
        Data::Error(_) => cell.figure = figure(&cell.text),
        Data::DateTime(dt) => {
            // A month heading stored as a date (the 1st of the month): that month.
            if let Some((y, m, 1)) = dt.as_datetime_parts() {
                cell.period = period(&cat!(y as u32, '-', two(m)));
            }
        }
        _ => text_cell(&mut cell, true),
    }
    Some(cell)
}

/// Fills a text cell's figure, heading and period; `workbook`: a number found was stored as text.
fn text_cell(cell: &mut Cell, workbook: bool) {
    cell.figure = figure(&cell.text);
    if cell.figure.as_ref().is_some_and(|f| f.value.is_some()) {
        cell.number_as_text = workbook;
    }
    let h = heading(&cell.text);
    cell.period = period(&h.text);
    cell.heading = Some(h);
    if is_formula_error(&cell.text) {
        cell.heading = None;
    }
}

/// Year, month and day of an Excel date.
trait Parts {
    fn as_datetime_parts(&self) -> Option<(i64, u32, u32)>;
}

impl Parts for calamine::ExcelDateTime {
    fn as_datetime_parts(&self) -> Option<(i64, u32, u32)> {
        // Days since 1899-12-30 (Excel's 1900 system, past its leap-year bug).
        let serial = self.as_f64();
        if !(1.0..2_958_466.0).contains(&serial) {
            return None;
        }
        let days = serial.floor() as i64 - 25_569; // to days since 1970-01-01
                                                   // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = yoe + era * 400 + i64::from(m <= 2);
        Some((y, m, d))
    }
}

fn sheet_of(
    name: String,
    range: &Range<Data>,
    rows: usize,
    columns: usize,
    merges: &[Dimensions],
) -> Sheet {
    if range.end().is_none() {
        return Sheet {
            name,
            ..Sheet::default()
        };
    }
    let (start_r, start_c) = range.start().unwrap_or((0, 0));
    let shown_rows = rows.min(MAX_ROWS);
    let shown_cols = columns.min(MAX_COLUMNS);
    let mut cells: Vec<Vec<Option<Cell>>> = Vec::with_capacity(shown_rows);
    for r in 0..shown_rows {
        let mut row = Vec::new();
        if r >= start_r as usize {
            for c in 0..shown_cols {
                let d = if c >= start_c as usize {
                    range.get((r - start_r as usize, c - start_c as usize))
                } else {
                    None
                };
                row.push(d.and_then(cell_of));
            }
        }
        while row.last().is_some_and(Option::is_none) {
            row.pop();
        }
        cells.push(row);
    }
    // A merged range's text is its first cell's: given to each of its cells.
    for m in merges {
        let (r0, c0) = (m.start.0 as usize, m.start.1 as usize);
        let (r1, c1) = (m.end.0 as usize, m.end.1 as usize);
        let Some(first) = cells.get(r0).and_then(|row| row.get(c0)).cloned().flatten() else {
            continue;
        };
        let at = cat!(column_name(c0), r0 + 1, ':', column_name(c1), r1 + 1);
        for r in r0..=r1.min(shown_rows.saturating_sub(1)) {
            for c in c0..=c1.min(shown_cols.saturating_sub(1)) {
                let Some(row) = cells.get_mut(r) else {
                    continue;
                };
                if row.len() <= c {
                    row.resize(c + 1, None);
                }
                if let Some(slot) = row.get_mut(c) {
                    let mut copy = first.clone();
                    copy.merged = Some(at.clone());
                    *slot = Some(copy);
                }
            }
        }
    }
    // Trailing empty rows go; so does a sheet of nothing.
    while cells.last().is_some_and(Vec::is_empty) {
        cells.pop();
    }
    Sheet {
        name,
        rows,
        columns,
        cells,
    }
}

/// Text bytes as a string: UTF-8 (a byte order mark dropped), UTF-16 with its mark (Excel's
/// "Unicode text"), else Windows-1252; and which it was, when not UTF-8.
fn decode(b: &[u8]) -> (String, Option<&'static str>) {
    if let Some(rest) = b.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return (String::from_utf8_lossy(rest).into_owned(), None);
    }
    for (bom, little) in [([0xFF, 0xFE], true), ([0xFE, 0xFF], false)] {
        if let Some(rest) = b.strip_prefix(&bom) {
            let units = rest.chunks_exact(2).map(|p| match p {
                [a, b] if little => u16::from_le_bytes([*a, *b]),
                [a, b] => u16::from_be_bytes([*a, *b]),
                _ => 0xFFFD,
            });
            let s = char::decode_utf16(units)
                .map(|c| c.unwrap_or('\u{FFFD}'))
                .collect();
            return (s, Some("UTF-16"));
        }
    }
    match std::str::from_utf8(b) {
        Ok(s) => (s.to_owned(), None),
        Err(_) => (
            b.iter().map(|&c| windows_1252(c)).collect(),
            Some("Windows-1252"),
        ),
    }
}

fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH.get(usize::from(b - 0x80)).copied().unwrap_or('?'),
        _ => char::from(b),
    }
}

/// How many times `ch` splits `line` outside double quotes.
fn count_outside_quotes(line: &str, ch: char) -> usize {
    let mut quoted = false;
    let mut n = 0;
    for c in line.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if c == ch && !quoted {
            n += 1;
        }
    }
    n
}

fn delimited(bytes: &[u8], name: &str, ext: &str) -> Result<Book, SheetError> {
    let (text, encoding) = decode(bytes);
    // The delimiter the first lines use most (title rows above a table may use none): tab, comma
    // or semicolon (a CSV file saved where decimals are written with commas), comma on a tie.
    let count = |d: char| -> usize {
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .take(20)
            .map(|l| count_outside_quotes(l, d))
            .sum()
    };
    let (tabs, commas, semicolons) = (count('\t'), count(','), count(';'));
    let delimiter = if ext == "tsv" || (tabs > commas && tabs >= semicolons) {
        b'\t'
    } else if semicolons > commas {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut cells = Vec::new();
    let mut rows = 0;
    let mut columns = 0;
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let why: String = e.to_string().chars().take(200).collect();
                return Err(SheetError::Damaged("csv", why));
            }
        };
        rows += 1;
        columns = columns.max(record.len());
        if cells.len() >= MAX_ROWS {
            continue;
        }
        let mut row: Vec<Option<Cell>> = record
            .iter()
            .take(MAX_COLUMNS)
            .map(|t| {
                let t = t.trim();
                (!t.is_empty()).then(|| {
                    let mut cell = Cell {
                        text: t.to_owned(),
                        ..Cell::default()
                    };
                    text_cell(&mut cell, false);
                    cell
                })
            })
            .collect();
        while row.last().is_some_and(Option::is_none) {
            row.pop();
        }
        cells.push(row);
    }
    while cells.last().is_some_and(Vec::is_empty) {
        cells.pop();
    }
    let format = if delimiter == b'\t' { "tsv" } else { "csv" };
    let sheet_name = name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(name)
        .rsplit_once('.')
        .map_or(name, |(stem, _)| stem);
    let mut notices = Vec::new();
    if let Some(enc) = encoding {
        notices.push(cat!("The file is not UTF-8 text: read as ", enc, "."));
    }
    Ok(Book {
        format,
        sheets: vec![Sheet {
            name: sheet_name.chars().take(120).collect(),
            rows,
            columns,
            cells,
        }],
        notices,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(52), "BA");
    }

    #[test]
    fn excel_dates() {
        let d = calamine::ExcelDateTime::new(45292.0, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(d.as_datetime_parts(), Some((2024, 1, 1)));
    }
}
