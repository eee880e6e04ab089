//! The merged cells of an OpenDocument spreadsheet, which calamine does not report: read from the
//! file's `content.xml` (a cell's `table:number-columns-spanned` and `table:number-rows-spanned`),
//! so that a heading merged across columns fills each of them, as in `.xlsx` and `.xls`.

use super::MAX_ROWS;
use calamine::Dimensions;
use quick_xml::escape::unescape;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::QName;
use quick_xml::Reader;
use std::io::{BufReader, Cursor};

/// Each table's (sheet's) name with its merged ranges that start in its first [`MAX_ROWS`] rows,
/// in the order of the file. Empty when `bytes` (an `.ods` file that calamine has read) has no
/// readable `content.xml`: the cells are then shown without their merges.
pub fn merges(bytes: &[u8]) -> Vec<(String, Vec<Dimensions>)> {
    let mut tables: Vec<(String, Vec<Dimensions>)> = Vec::new();
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return tables;
    };
    let Ok(content) = zip.by_name("content.xml") else {
        return tables;
    };
    let mut xml = Reader::from_reader(BufReader::new(content));
    let mut buf = Vec::new();
    // Where the next cell is, and how many rows the current row stands for.
    let (mut row, mut col, mut rows_repeated) = (0u32, 0u32, 1u32);
    loop {
        let event = match xml.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => event,
        };
        match event {
            Event::Start(e) if e.name() == QName("table:table") => {
                let raw = attribute(&e, "table:name").unwrap_or_default();
                let name = match unescape(&raw) {
                    Ok(name) => name.into_owned(),
                    Err(_) => raw.clone(),
                };
                tables.push((name, Vec::new()));
                (row, col) = (0, 0);
            }
            Event::Start(e) if e.name() == QName("table:table-row") => {
                if row as usize >= MAX_ROWS {
                    // The rest of this table is not read, nor its merges.
                    let _ = xml.read_to_end_into(QName("table:table"), &mut Vec::new());
                } else {
                    col = 0;
                    rows_repeated = count(&e, "table:number-rows-repeated");
                }
            }
            Event::End(e) if e.name() == QName("table:table-row") => {
                row = row.saturating_add(rows_repeated);
            }
            Event::Empty(e) if e.name() == QName("table:table-row") => {
                row = row.saturating_add(count(&e, "table:number-rows-repeated"));
            }
            Event::Start(e) | Event::Empty(e)
                if e.name() == QName("table:table-cell")
                    || e.name() == QName("table:covered-table-cell") =>
            {
                let across = count(&e, "table:number-columns-spanned");
                let down = count(&e, "table:number-rows-spanned");
                if across > 1 || down > 1 {
                    if let Some((_, merged)) = tables.last_mut() {
                        merged.push(Dimensions {
                            start: (row, col),
                            end: (row.saturating_add(down - 1), col.saturating_add(across - 1)),
                        });
                    }
                }
                col = col.saturating_add(count(&e, "table:number-columns-repeated"));
            }
            _ => {}
        }
        buf.clear();
    }
    tables
}

/// Attribute `name`'s value as written.
fn attribute(e: &BytesStart, name: &str) -> Option<String> {
    Some(e.try_get_attribute(name).ok()??.value.into_owned())
}

/// A count attribute (`table:number-…`): 1 when absent or not a number of at least 1.
fn count(e: &BytesStart, name: &str) -> u32 {
    attribute(e, name)
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(1)
        .max(1)
}
