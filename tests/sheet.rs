//! The spreadsheet reader (`src/sheet/`) on workbooks and CSV files these tests write
//! themselves, shaped like the tables statisticians publish: the Scottish Government's Recorded
//! Crime in Scotland 2023-24 bulletin table (title rows, a header, notes under it, a `[c]`, a
//! `1,573[p]`), Police Scotland's online child sexual abuse counts, a 53-year series from 1971 to
//! 2023-24, a 100,000-row sheet; and bad files: damaged, a CSV named .xlsx, a password, empty,
//! too large, formula errors.
#![cfg(not(target_arch = "wasm32"))]

use offence_charts::sheet::{read, Book, Cell, Sheet, SheetError, MAX_FILE_BYTES, MAX_ROWS};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Formula, Workbook};
use std::io::Write;

/// The bulletin's table 1, shaped as published: two title rows, a blank row, the header, crime
/// groups, the total, a blank row and notes. Totals are the bulletin's (289,362 → 299,780); the
/// groups' split is the table's shape, not its figures.
const BULLETIN: [[&str; 3]; 11] = [
    [
        "Table 1: Crimes recorded by the police, by crime group, Scotland, 2022-23 and 2023-24",
        "",
        "",
    ],
    ["Number of crimes", "", ""],
    ["", "", ""],
    ["Crime group", "2022-23", "2023-24 [p]"],
    ["Non-sexual crimes of violence1", "13,629", "14,103"],
    ["Sexual crimes", "14,602", "[c]"],
    ["Crimes of dishonesty", "108,104", "119,232"],
    ["Damage and reckless behaviour", "48,611", "#DIV/0!"],
    ["Total crimes", "289,362", "299,780"],
    ["", "", ""],
    [
        "1. Source: Recorded Crime in Scotland 2023-24. [c] confidential.",
        "",
        "",
    ],
];

fn xlsx_bulletin() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Table 1").unwrap();
    for (r, row) in BULLETIN.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            if text.is_empty() {
                continue;
            }
            let (r, c) = (r as u32, c as u16);
            if *text == "#DIV/0!" {
                ws.write_formula(r, c, Formula::new("=1/0").set_result("#DIV/0!"))
                    .unwrap();
            } else if let Ok(v) = text.replace(',', "").parse::<f64>() {
                // The 2022-23 column as numbers, the 2023-24 column's as text (as some tables
                // store them).
                if c == 1 {
                    ws.write_number(r, c, v).unwrap();
                } else {
                    ws.write_string(r, c, *text).unwrap();
                }
            } else {
                ws.write_string(r, c, *text).unwrap();
            }
        }
    }
    // The Police Scotland counts on a second sheet, under a merged heading.
    let ws = wb.add_worksheet();
    ws.set_name("Online CSA").unwrap();
    ws.merge_range(0, 1, 0, 2, "Recorded offences", &Format::new())
        .unwrap();
    ws.write_string(1, 0, "Crime").unwrap();
    ws.write_string(1, 1, "April 2018 - February 2019").unwrap();
    ws.write_string(1, 2, "April 2019 - February 2020").unwrap();
    ws.write_string(2, 0, "Communicating indecently with a child")
        .unwrap();
    ws.write_string(2, 1, "1,573[p]").unwrap();
    ws.write_number(2, 2, 1694.0).unwrap();
    wb.add_worksheet().set_name("Empty").unwrap();
    wb.save_to_buffer().unwrap()
}

fn at<'a>(sheet: &'a Sheet, a1: &str) -> &'a Cell {
    let col = (a1.as_bytes()[0] - b'A') as usize;
    let row: usize = a1[1..].parse::<usize>().unwrap() - 1;
    sheet.cells[row][col]
        .as_ref()
        .unwrap_or_else(|| panic!("{a1} is empty"))
}

fn sheet<'a>(book: &'a Book, name: &str) -> &'a Sheet {
    book.sheets.iter().find(|s| s.name == name).unwrap()
}

#[test]
fn the_bulletin_table_from_xlsx() {
    let book = read(&xlsx_bulletin(), "recorded-crime-2023-24-tables.xlsx").unwrap();
    assert_eq!(book.format, "xlsx");
    assert!(book.notices.is_empty(), "{:?}", book.notices);
    let names: Vec<_> = book.sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Table 1", "Online CSA", "Empty"]);
    let t = sheet(&book, "Table 1");
    assert_eq!((t.rows, t.columns), (11, 3));
    assert!(t.cells[2].is_empty(), "the blank row");
    assert_eq!(at(t, "A1").text, BULLETIN[0][0]);
    // The header: periods named, the provisional marker on the heading.
    let p = at(t, "B4").period.clone().unwrap();
    assert_eq!(
        (p.label.as_str(), p.name.as_deref()),
        ("2022-23", Some("April 2022–March 2023"))
    );
    let h = at(t, "C4").heading.clone().unwrap();
    assert_eq!(
        (h.text.as_str(), h.markers.clone()),
        ("2023-24", vec!["[p]".to_owned()])
    );
    assert_eq!(at(t, "C4").period.as_ref().unwrap().label, "2023-24");
    // A footnote glued to a row heading.
    let h = at(t, "A5").heading.clone().unwrap();
    assert_eq!(
        (h.text.as_str(), h.footnote.as_deref()),
        ("Non-sexual crimes of violence", Some("1"))
    );
    // Numbers, as numbers and as text with separators; the total.
    let total = at(t, "B9").figure.clone().unwrap();
    assert_eq!(total.value, Some(289_362.0));
    assert!(!at(t, "B9").number_as_text);
    let total = at(t, "C9");
    assert_eq!(total.figure.as_ref().unwrap().value, Some(299_780.0));
    assert!(total.number_as_text);
    // [c] suppressed, #DIV/0! missing.
    let c = at(t, "C6").figure.clone().unwrap();
    assert_eq!(
        (c.value, c.missing.map(|m| m.name())),
        (None, Some("suppressed"))
    );
    let e = at(t, "C8").figure.clone().unwrap();
    assert_eq!(e.missing.map(|m| m.name()), Some("not-available"));
    assert_eq!(e.markers, ["#DIV/0!"]);
    // The note under the table is text.
    assert!(at(t, "A11").figure.is_none());

    let csa = sheet(&book, "Online CSA");
    // The merged heading fills both its cells.
    assert_eq!(at(csa, "B1").text, "Recorded offences");
    assert_eq!(at(csa, "C1").text, "Recorded offences");
    assert_eq!(at(csa, "C1").merged.as_deref(), Some("B1:C1"));
    let p = at(csa, "B2").period.clone().unwrap();
    assert_eq!(
        (p.label.as_str(), p.name.as_deref()),
        ("Apr 2018–Feb 2019", Some("April 2018–February 2019"))
    );
    let f = at(csa, "B3").figure.clone().unwrap();
    assert_eq!(
        (f.value, f.status.map(|s| s.name())),
        (Some(1573.0), Some("provisional"))
    );
    assert_eq!(at(csa, "C3").figure.as_ref().unwrap().value, Some(1694.0));
    assert!(sheet(&book, "Empty").cells.is_empty());
}

/// A minimal OpenDocument spreadsheet of one table, "Table 4", of `rows`.
fn ods(rows: &[&[&str]]) -> Vec<u8> {
    let table: String = rows.iter().map(|r| ods_row(r)).collect();
    ods_tables(&[("Table 4", table)])
}

/// One table row of `cells`: numbers as floats, "" as an empty cell, the rest as strings.
fn ods_row(cells: &[&str]) -> String {
    let mut row = String::from("<table:table-row>");
    for cell in cells {
        let esc = cell.replace('&', "&amp;").replace('<', "&lt;");
        if let Ok(v) = cell.parse::<f64>() {
            row.push_str(&format!(
                r#"<table:table-cell office:value-type="float" office:value="{v}"><text:p>{esc}</text:p></table:table-cell>"#
            ));
        } else if cell.is_empty() {
            row.push_str("<table:table-cell/>");
        } else {
            row.push_str(&format!(
                r#"<table:table-cell office:value-type="string"><text:p>{esc}</text:p></table:table-cell>"#
            ));
        }
    }
    row.push_str("</table:table-row>");
    row
}

/// A minimal OpenDocument spreadsheet: a zip of its mimetype (first, stored), its manifest and
/// content.xml with `tables` (name, the rows' XML).
fn ods_tables(tables: &[(&str, String)]) -> Vec<u8> {
    let table: String = tables
        .iter()
        .map(|(name, rows)| {
            let name = name.replace('&', "&amp;");
            format!(r#"<table:table table:name="{name}">{rows}</table:table>"#)
        })
        .collect();
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>{table}</office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated = zip::write::SimpleFileOptions::default();
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("META-INF/manifest.xml", deflated).unwrap();
    zip.write_all(manifest.as_bytes()).unwrap();
    zip.start_file("content.xml", deflated).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

#[test]
fn merged_cells_in_ods_fill_their_cells() {
    // A heading merged across two columns (B1:C1), as the .xlsx bulletin has; under it repeated
    // empty rows, then a cell merged down two rows (C5:C6); on the second of two tables, whose
    // name needs unescaping.
    let cell = |text: &str, span: &str| {
        format!(
            r#"<table:table-cell {span} office:value-type="string"><text:p>{text}</text:p></table:table-cell>"#
        )
    };
    let rows = [
        format!(
            "<table:table-row><table:table-cell/>{}<table:covered-table-cell/></table:table-row>",
            cell("Recorded offences", r#"table:number-columns-spanned="2""#)
        ),
        ods_row(&["Crime", "April 2018 - February 2019", "April 2019 - February 2020"]),
        r#"<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="3"/></table:table-row>"#.into(),
        format!(
            r#"<table:table-row>{}<table:table-cell/>{}</table:table-row>"#,
            cell("Grooming", ""),
            cell("Both years", r#"table:number-rows-spanned="2""#)
        ),
        format!(
            "<table:table-row>{}<table:table-cell/><table:covered-table-cell/></table:table-row>",
            cell("Indecent images", "")
        ),
    ];
    let bytes = ods_tables(&[
        ("Notes", ods_row(&["Notes"])),
        ("Online CSA & more", rows.concat()),
    ]);
    let book = read(&bytes, "merged.ods").unwrap();
    let csa = sheet(&book, "Online CSA & more");
    assert_eq!(at(csa, "B1").text, "Recorded offences");
    assert_eq!(at(csa, "C1").text, "Recorded offences");
    assert_eq!(at(csa, "C1").merged.as_deref(), Some("B1:C1"));
    assert_eq!(at(csa, "A5").text, "Grooming");
    assert_eq!(at(csa, "C6").text, "Both years");
    assert_eq!(at(csa, "C6").merged.as_deref(), Some("C5:C6"));
    assert!(sheet(&book, "Notes")
        .cells
        .iter()
        .flatten()
        .flatten()
        .all(|c| c.merged.is_none()));
}

#[test]
fn a_53_year_series_from_ods() {
    // 1971 to 2003 as calendar years, then 2004-05 to 2023-24: 53 periods across a row, as the
    // bulletin's long-term table runs; an older table's markers in it.
    let mut head: Vec<String> = vec!["Crime group".into()];
    head.extend((1971..=2003).map(|y| y.to_string()));
    head.extend((2004..=2023).map(|y| format!("{y}-{:02}", (y + 1) % 100)));
    assert_eq!(head.len(), 54);
    let mut values: Vec<String> = vec!["Total crimes".into()];
    values.extend((0..53).map(|i| (300_000 + i * 1000).to_string()));
    values[3] = "..".into(); // 1973 not available
    values[53] = "299780".into();
    let head: Vec<&str> = head.iter().map(String::as_str).collect();
    let values: Vec<&str> = values.iter().map(String::as_str).collect();
    let book = read(
        &ods(&[
            &["Table 4: Crimes recorded, 1971 to 2023-24"],
            &[],
            &head,
            &values,
        ]),
        "long-term.ods",
    )
    .unwrap();
    assert_eq!(book.format, "ods");
    let t = &book.sheets[0];
    assert_eq!(t.name, "Table 4");
    let row = &t.cells[2];
    let periods: Vec<_> = row
        .iter()
        .skip(1)
        .map(|c| c.as_ref().unwrap().period.clone().unwrap())
        .collect();
    assert_eq!(periods.len(), 53);
    assert_eq!(periods[0].label, "1971");
    assert_eq!(periods[0].name, None);
    assert_eq!(periods[52].label, "2023-24");
    assert_eq!(periods[52].name.as_deref(), Some("April 2023–March 2024"));
    let missing = t.cells[3][3].as_ref().unwrap().figure.clone().unwrap();
    assert_eq!(missing.missing.map(|m| m.name()), Some("not-available"));
    assert_eq!(
        t.cells[3][53]
            .as_ref()
            .unwrap()
            .figure
            .as_ref()
            .unwrap()
            .value,
        Some(299_780.0)
    );
}

#[test]
fn csv_and_tsv_by_hand() {
    let csv = "Police Scotland: online child sexual abuse\r\n\
               Period,Recorded offences\r\n\
               \"Apr '18 to Feb '191\",\"1,573[p]\"\r\n\
               Apr '19 to Feb '20,\"1,694\"\r\n";
    let book = read(csv.as_bytes(), "csa.csv").unwrap();
    assert_eq!((book.format, book.sheets[0].name.as_str()), ("csv", "csa"));
    let t = &book.sheets[0];
    assert_eq!((t.rows, t.columns), (4, 2));
    let h = t.cells[2][0].as_ref().unwrap();
    assert_eq!(h.heading.as_ref().unwrap().footnote.as_deref(), Some("1"));
    assert_eq!(h.period.as_ref().unwrap().label, "Apr 2018–Feb 2019");
    let f = t.cells[2][1].as_ref().unwrap();
    assert_eq!(f.figure.as_ref().unwrap().value, Some(1573.0));
    assert!(!f.number_as_text, "CSV has only text: not an oddity");
    // TSV, Excel's "Unicode text" (UTF-16 with its mark), and Windows-1252.
    let tsv = "Year\tCount\n2022-23\t289362\n2023-24\t299780\n";
    let book = read(tsv.as_bytes(), "t.tsv").unwrap();
    assert_eq!(book.format, "tsv");
    assert_eq!(book.sheets[0].cells[2][1].as_ref().unwrap().text, "299780");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(tsv.encode_utf16().flat_map(u16::to_le_bytes));
    let book = read(&utf16, "t.txt").unwrap();
    assert_eq!(book.sheets[0].cells[1][0].as_ref().unwrap().text, "2022-23");
    let book = read(b"Crime,Count\nCaf\xe9 theft,12\n", "t.csv").unwrap();
    assert_eq!(
        book.sheets[0].cells[1][0].as_ref().unwrap().text,
        "Café theft"
    );
    assert_eq!(
        book.notices,
        ["The file is not UTF-8 text: read as Windows-1252."]
    );
    // Semicolons.
    let book = read(b"Year;Count\n2023;12\n", "t.csv").unwrap();
    assert_eq!(book.sheets[0].columns, 2);
}

#[test]
fn a_sheet_of_100000_rows_opens_with_its_first_rows() {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "Month").unwrap();
    ws.write_string(0, 1, "Calls").unwrap();
    for r in 1..100_000u32 {
        ws.write_number(r, 0, f64::from(r)).unwrap();
        ws.write_number(r, 1, f64::from(r % 977)).unwrap();
    }
    let book = read(&wb.save_to_buffer().unwrap(), "calls.xlsx").unwrap();
    let t = &book.sheets[0];
    assert_eq!((t.rows, t.columns), (100_000, 2));
    assert_eq!(t.cells.len(), MAX_ROWS);
    // And as CSV.
    let mut csv = String::from("Month,Calls\n");
    for r in 1..100_000 {
        csv.push_str(&format!("{r},{}\n", r % 977));
    }
    let t = &read(csv.as_bytes(), "calls.csv").unwrap().sheets[0];
    assert_eq!((t.rows, t.cells.len()), (100_000, MAX_ROWS));
}

fn message(r: Result<Book, SheetError>) -> String {
    match r {
        Ok(b) => panic!("read: {:?}", b.format),
        Err(e) => e.message(),
    }
}

#[test]
fn bad_files_say_why() {
    let good = xlsx_bulletin();
    // Damaged: cut in half.
    let m = message(read(&good[..good.len() / 2], "t.xlsx"));
    assert!(
        m.starts_with("This .xlsx workbook could not be read: it seems damaged ("),
        "{m}"
    );
    // A CSV file renamed .xlsx: read as what it is, and said.
    let book = read(b"Year,Count\n2023-24,299780\n", "tables.xlsx").unwrap();
    assert_eq!(book.format, "csv");
    assert_eq!(
        book.notices,
        ["This file is named .xlsx but it is text with comma-separated cells (CSV): read as that."]
    );
    // Not a spreadsheet at all.
    let m = message(read(b"%PDF-1.7 ...", "tables.xlsx"));
    assert_eq!(
        m,
        "This file is not a spreadsheet or CSV file: it looks like a PDF document. Open an .xlsx, \
         .xls, .ods, .csv or .tsv file."
    );
    let m = message(read(&[0x00, 0x01, 0x02, 0x03], "tables.xls"));
    assert!(m.contains("some other kind of file"), "{m}");
    // An encrypted workbook: a compound file holding an EncryptedPackage stream.
    let mut cfb = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    cfb.resize(1024, 0);
    cfb.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    cfb.resize(4096, 0);
    let m = message(read(&cfb, "secret.xlsx"));
    assert!(
        m.starts_with("This workbook is protected by a password"),
        "{m}"
    );
    // An older .xls that is not one.
    let mut junk = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    junk.resize(2048, 7);
    let m = message(read(&junk, "old.xls"));
    assert!(m.starts_with("This .xls workbook could not be read"), "{m}");
    // Empty: a workbook of one empty sheet, an empty CSV.
    let mut wb = Workbook::new();
    wb.add_worksheet();
    let m = message(read(&wb.save_to_buffer().unwrap(), "empty.xlsx"));
    assert_eq!(m, "This file has no cells with anything in them.");
    assert_eq!(message(read(b"", "empty.csv")), m);
    assert_eq!(message(read(b"\n,,\n", "empty.csv")), m);
    // Too large: refused before reading, the size said.
    let big = vec![b'1'; MAX_FILE_BYTES + 1];
    assert_eq!(
        message(read(&big, "big.csv")),
        "This file is 20.0 MB: the builder opens files up to 20.0 MB. Save the sheet you need on \
         its own (or as CSV) and open that."
    );
    let m = message(read(&vec![b'1'; 50 * 1024 * 1024], "big.xlsx"));
    assert!(m.starts_with("This file is 50.0 MB"), "{m}");
}

#[test]
fn any_bytes_are_read_without_panicking() {
    // Pieces of real files cut and spliced at random: every read returns, Ok or Err.
    let good = xlsx_bulletin();
    let ods = ods(&[&["a", "1"], &["2023-24", "1,573[p]"]]);
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for i in 0..300 {
        let src = if i % 2 == 0 { &good } else { &ods };
        let mut b = src.clone();
        for _ in 0..(next() % 8) {
            let at = (next() as usize) % b.len();
            b[at] = next() as u8;
        }
        let cut = (next() as usize) % b.len();
        b.truncate(cut.max(b.len() / 2));
        let _ = read(&b, "fuzz.xlsx");
    }
}

/// Writes the end-to-end tests' workbook (tests/e2e/fixtures/recorded-crime.xlsx) when
/// OC_WRITE_FIXTURES is set, and the benchmark's (a 100,000-row workbook of about 5 MB) to
/// OC_BENCH_XLSX when that is set: `cargo test --test sheet fixtures -- --ignored`.
#[test]
#[ignore]
fn fixtures() {
    if std::env::var_os("OC_WRITE_FIXTURES").is_some() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/e2e/fixtures/recorded-crime.xlsx"
        );
        std::fs::write(path, xlsx_bulletin()).unwrap();
    }
    if let Some(path) = std::env::var_os("OC_BENCH_XLSX") {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        ws.set_name("Incidents").unwrap();
        for (c, h) in ["Month", "Division", "Recorded", "Detected", "Rate", "Note"]
            .iter()
            .enumerate()
        {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for r in 1..100_000u32 {
            let recorded = (next() % 100_000) as f64;
            let detected = (next() % 100_000) as f64;
            ws.write_number(r, 0, f64::from(r)).unwrap();
            ws.write_string(r, 1, format!("Division {}", next() % 13))
                .unwrap();
            ws.write_number(r, 2, recorded).unwrap();
            ws.write_number(r, 3, detected).unwrap();
            ws.write_number(r, 4, (next() % 1_000_000) as f64 / 7.0)
                .unwrap();
            ws.write_string(r, 5, format!("reference {:x}", next()))
                .unwrap();
        }
        std::fs::write(path, wb.save_to_buffer().unwrap()).unwrap();
    }
}

/// Police Scotland's online child sexual abuse figures for April 2018 to February 2019 as a rate
/// table, for the rate builder's end-to-end test (tests/e2e/fixtures/online-csa-detection.xlsx):
/// a notes sheet first, then the table under a title row and a blank row. The figures are the
/// force's, as its campaign releases gave them: 98 grooming crimes recorded, 86 of them detected
/// (#StopItNow, 2019); 1,573 online child sexual abuse crimes recorded (#GetHelpOrGetCaught, April
/// 2020; "nearly 1600 crimes where an individual communicated with a child for sexual purposes",
/// "nearly 70 per cent" detected, in the first). No detected count for all of them was published,
/// so that cell holds [c]: the marker is this fixture's, not the force's, and so are the table's
/// shape, title and notes. The creation date is fixed, so the file is the same each time it is
/// written.
fn xlsx_rates() -> Vec<u8> {
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(2020, 4, 1).unwrap();
    wb.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let notes = wb.add_worksheet();
    notes.set_name("Notes").unwrap();
    for (r, text) in [
        "Online child sexual abuse: crimes recorded and detected",
        "Source: Police Scotland campaign releases, March 2019 and April 2020.",
        "[c]: not published.",
    ]
    .iter()
    .enumerate()
    {
        notes.write_string(r as u32, 0, *text).unwrap();
    }
    let ws = wb.add_worksheet();
    ws.set_name("Table 1").unwrap();
    ws.write_string(
        0,
        0,
        "Table 1: Online child sexual abuse crimes recorded and detected, Scotland, April 2018 to \
         February 2019",
    )
    .unwrap();
    for (c, h) in ["Crime", "Recorded", "Detected"].iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    ws.write_string(3, 0, "Grooming").unwrap();
    ws.write_number(3, 1, 98.0).unwrap();
    ws.write_number(3, 2, 86.0).unwrap();
    ws.write_string(4, 0, "All online child sexual abuse")
        .unwrap();
    ws.write_number(4, 1, 1573.0).unwrap();
    ws.write_string(4, 2, "[c]").unwrap();
    wb.save_to_buffer().unwrap()
}

/// Writes tests/e2e/fixtures/online-csa-detection.xlsx when OC_WRITE_FIXTURES is set:
/// `cargo test --test sheet fixtures -- --ignored` (with the other fixtures).
#[test]
#[ignore]
fn fixtures_rates() {
    if std::env::var_os("OC_WRITE_FIXTURES").is_some() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/e2e/fixtures/online-csa-detection.xlsx"
        );
        std::fs::write(path, xlsx_rates()).unwrap();
    }
}
