//! Arbitrary bytes as a spreadsheet or CSV file, under each name the builder accepts: the reader
//! (`offence_charts::sheet::read`, calamine and csv) returns sheets or an error, never panics;
//! every figure read is finite. Seeds (`fuzz/corpus/sheet/`): a workbook from tests/e2e/fixtures/,
//! a CSV, and files after the byte that names them (`*-named.*`: the workbook after 0, an .ods
//! with merged cells after 2).
#![no_main]

use libfuzzer_sys::fuzz_target;
use offence_charts::sheet::read;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the name the file comes with (a misnamed file is read by its bytes).
    let names = ["t.xlsx", "t.xls", "t.ods", "t.csv", "t.tsv", "t"];
    let (name, bytes) = match data.split_first() {
        Some((b, rest)) => (names[usize::from(*b) % names.len()], rest),
        None => ("t.xlsx", data),
    };
    if let Ok(book) = read(bytes, name) {
        for sheet in &book.sheets {
            for cell in sheet.cells.iter().flatten().flatten() {
                if let Some(v) = cell.figure.as_ref().and_then(|f| f.value) {
                    assert!(v.is_finite());
                }
            }
        }
    }
});
