//! Spreadsheets and CSV files for the builder: a file's bytes read into sheets of cells
//! ([`read`]), each cell read as what a statistics table means by it: a figure with its markers
//! (`1,573[p]` is 1573, provisional; `[c]` is suppressed; `#DIV/0!` is not available), a heading
//! without its footnote mark (`Apr '11 to Mar '121` → `Apr '11 to Mar '12`), and the period a
//! heading names (`2023-24` is April 2023–March 2024).
//!
//! Workbooks (`.xlsx`, `.xls`, `.ods`) are read by calamine (an `.ods` file's merged cells by
//! quick-xml, as calamine does not report them), delimited text (`.csv`, `.tsv`) by csv; what a
//! file is comes from its bytes, not its name. Limits: files up to [`MAX_FILE_BYTES`]; the first
//! [`MAX_ROWS`] rows and [`MAX_COLUMNS`] columns of a sheet are read (its size is reported
//! whole). Nothing here panics on a file's bytes.
//!
//! Native, and in the builder's own wasm (cargo feature `builder`; the readers' wasm does not
//! carry it). Uses only [`crate::text`].

mod cell;
mod ods;
mod open;
mod period;

pub use cell::{figure, heading, number, Figure, Heading, Missing, Status};
pub use open::{column_name, read, Book, Cell, Sheet, SheetError};
pub use period::{period, PeriodName};

/// The largest file the builder opens: 20 MB (a larger one is refused before it is read).
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;
/// The rows of a sheet read: the first 5,000.
pub const MAX_ROWS: usize = 5_000;
/// The columns of a sheet read: the first 200.
pub const MAX_COLUMNS: usize = 200;
