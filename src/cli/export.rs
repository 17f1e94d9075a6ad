//! Search exports as tables a spreadsheet or a data frame loads in one call:
//! one row per hit, or with `--table` one row per quote, figure or official
//! of each hit, keyed by the article id. Cells that a spreadsheet would run
//! as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
//! return) get a leading `'` unless `--raw-csv` is given.

use std::borrow::Cow;
use std::io::{self, Write};

use serde_json::{Value, json};

use crate::cli::args::TableArg;
use crate::cli::output::json_line;
use crate::cli::tables;
use crate::search::Hit;

/// The header of a table.
pub fn columns(table: TableArg) -> &'static [&'static str] {
    match table {
        TableArg::Hits => &tables::HIT_COLUMNS,
        TableArg::Quotes => &["id", "speaker", "direct", "text"],
        TableArg::Figures => &["id", "text", "value", "unit", "sentence"],
        TableArg::Officials => &["id", "name", "role", "organization", "as_printed"],
    }
}

/// Which columns hold numbers or booleans (never neutralised).
fn typed(table: TableArg, column: usize) -> bool {
    match table {
        TableArg::Hits => matches!(tables::HIT_COLUMNS[column], "score" | "copies"),
        TableArg::Quotes => column == 2,
        TableArg::Figures => column == 2,
        TableArg::Officials => false,
    }
}

/// The rows of one hit in `table`.
pub fn rows(table: TableArg, h: &Hit) -> Vec<Vec<String>> {
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    match table {
        TableArg::Hits => vec![tables::hit_row(h).to_vec()],
        TableArg::Quotes => h
            .quotes
            .iter()
            .map(|q| vec![h.id.clone(), q.speaker.clone(), q.direct.to_string(), one_line(&q.text)])
            .collect(),
        TableArg::Figures => h
            .figures
            .iter()
            .map(|f| {
                vec![
                    h.id.clone(),
                    f.text.clone(),
                    f.value.to_string(),
                    f.unit.clone(),
                    one_line(&f.sentence),
                ]
            })
            .collect(),
        TableArg::Officials => h
            .officials
            .iter()
            .map(|o| {
                vec![
                    h.id.clone(),
                    o.name.clone(),
                    opt(&o.role),
                    opt(&o.organization),
                    opt(&o.as_printed),
                ]
            })
            .collect(),
    }
}

/// The rows of one hit as JSON objects (for `--format jsonl --table …`),
/// typed: numbers and booleans stay numbers and booleans.
pub fn objects(table: TableArg, h: &Hit) -> Vec<Value> {
    match table {
        TableArg::Hits => vec![serde_json::to_value(h).unwrap_or(Value::Null)],
        TableArg::Quotes => h
            .quotes
            .iter()
            .map(|q| json!({"id": h.id, "speaker": q.speaker, "direct": q.direct, "text": q.text}))
            .collect(),
        TableArg::Figures => h
            .figures
            .iter()
            .map(|f| json!({"id": h.id, "text": f.text, "value": f.value, "unit": f.unit, "sentence": f.sentence}))
            .collect(),
        TableArg::Officials => h
            .officials
            .iter()
            .map(|o| json!({"id": h.id, "name": o.name, "role": o.role, "organization": o.organization, "as_printed": o.as_printed}))
            .collect(),
    }
}

/// Writes one hit's rows as CSV records.
pub fn write_csv(
    w: &mut csv::Writer<&mut dyn Write>,
    table: TableArg,
    h: &Hit,
    raw: bool,
) -> io::Result<()> {
    for row in rows(table, h) {
        let cells = row.iter().enumerate().map(|(i, c)| {
            if raw || typed(table, i) { Cow::Borrowed(c.as_str()) } else { neutralise(c) }
        });
        w.write_record(cells.map(|c| c.into_owned()))?;
    }
    Ok(())
}

/// Writes one hit's rows as JSON Lines.
pub fn write_jsonl(out: &mut dyn Write, table: TableArg, h: &Hit) -> io::Result<()> {
    if table == TableArg::Hits {
        return json_line(out, h);
    }
    for v in objects(table, h) {
        json_line(out, &v)?;
    }
    Ok(())
}

/// A cell a spreadsheet would read as a formula, made text by a leading `'`
/// (OWASP's advice for CSV injection).
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

fn one_line(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised_and_others_kept() {
        for bad in ["=HYPERLINK(\"x\")", "+62 811", "-5 persen", "@SUM(A1)", "\tx"] {
            assert_eq!(neutralise(bad), format!("'{bad}"));
        }
        for fine in ["JHT", "Rp 5 juta", "", "2024-03-05", "a=b"] {
            assert_eq!(neutralise(fine), fine);
        }
    }

    #[test]
    fn every_table_has_an_id_column_first() {
        for t in [TableArg::Hits, TableArg::Quotes, TableArg::Figures, TableArg::Officials] {
            assert_eq!(columns(t)[0], "id");
        }
    }
}
