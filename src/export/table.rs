//! Search exports as tables a spreadsheet or a data frame loads in one call:
//! one row per hit, or one row per quote, figure or official of each hit
//! ([`Table`]), keyed by the article id; as CSV (the `csv` crate: RFC 4180
//! quoting, UTF-8, an optional byte order mark for Excel) or JSON Lines.
//! Cells that a spreadsheet would run as a formula (starting with `=`, `+`,
//! `-`, `@`, a tab or a carriage return) get a leading `'` unless raw cells
//! are asked for. Any front end (the command line, a server) writes the same
//! rows through these functions.

use std::borrow::Cow;
use std::io::{self, Write};
use std::sync::LazyLock;

use serde_json::{Value, json};

use crate::search::Hit;
use crate::search::facet_spec::{FACETS, FacetSpec, Shown};

/// The rows of an export (`--table`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Table {
    /// One row per hit.
    #[default]
    Hits,
    /// One row per quote: id, speaker, direct, text.
    Quotes,
    /// One row per figure: id, text, value, unit, sentence.
    Figures,
    /// One row per official: id, name, role, organization, as_printed.
    Officials,
}

impl Table {
    /// Every table, in the order of [`Table::NAMES`].
    pub const ALL: [Table; 4] = [Table::Hits, Table::Quotes, Table::Figures, Table::Officials];
    /// The names a user gives (`--table quotes`, `table=quotes`).
    pub const NAMES: [&'static str; 4] = ["hits", "quotes", "figures", "officials"];

    /// The table's name.
    pub fn name(self) -> &'static str {
        Table::NAMES[self as usize]
    }

    /// What one row is, for help texts.
    pub fn about(self) -> &'static str {
        match self {
            Table::Hits => "One row per hit",
            Table::Quotes => "One row per quote: id, speaker, direct, text",
            Table::Figures => "One row per figure: id, text, value, unit, sentence",
            Table::Officials => "One row per official: id, name, role, organization, as_printed",
        }
    }
}

impl std::str::FromStr for Table {
    type Err = String;

    fn from_str(s: &str) -> Result<Table, String> {
        Table::ALL.into_iter().find(|t| t.name() == s).ok_or_else(|| {
            format!("unknown table `{s}` (valid tables: {})", Table::NAMES.join(", "))
        })
    }
}

/// The UTF-8 byte order mark Excel looks for.
pub const BOM: &str = "\u{feff}";

/// The fixed columns of a hit export: [`hit_columns`] adds one per facet
/// shown from its row after them.
pub const HIT_COLUMNS: [&str; 17] = [
    "id",
    "path",
    "title",
    "source",
    "date",
    "provinces",
    "cities",
    "officials",
    "programs",
    "url",
    "score",
    "duplicate_of",
    "copies",
    "snippet",
    "date_precision",
    "date_basis",
    "speakers",
];

/// Starts a CSV output (with the BOM when asked).
pub fn csv_writer(out: &mut dyn Write, bom: bool) -> io::Result<csv::Writer<&mut dyn Write>> {
    if bom {
        out.write_all(BOM.as_bytes())?;
    }
    Ok(csv::Writer::from_writer(out))
}

/// The columns of a hit export: [`HIT_COLUMNS`], then one per facet of the
/// table shown as [`Shown::Values`] (its name), in the table's order.
pub fn hit_columns() -> &'static [&'static str] {
    static COLUMNS: LazyLock<Vec<&'static str>> = LazyLock::new(|| hit_columns_of(FACETS));
    &COLUMNS
}

/// The columns of a hit export with the facets of `rows`.
pub fn hit_columns_of(rows: &[FacetSpec]) -> Vec<&'static str> {
    let shown = rows.iter().filter(|s| s.shown == Shown::Values).map(|s| s.name);
    HIT_COLUMNS.iter().copied().chain(shown).collect()
}

/// One CSV row of a hit, in [`hit_columns`] order. Lists are joined with `; `.
/// The date's precision and basis come after the first columns, and the
/// facets shown from their rows last, so older column positions hold.
pub fn hit_row(h: &Hit) -> Vec<String> {
    hit_row_of(hit_columns(), h)
}

/// One CSV row of a hit under `columns` ([`HIT_COLUMNS`] and facet names):
/// a facet's cell holds the hit's values of the facet of that name.
fn hit_row_of(columns: &[&str], h: &Hit) -> Vec<String> {
    let mut row = Vec::from(fixed_cells(h));
    for name in &columns[HIT_COLUMNS.len()..] {
        row.push(h.meta.facet_values.get(name).unwrap_or_default().join("; "));
    }
    row
}

/// The cells of [`HIT_COLUMNS`].
fn fixed_cells(h: &Hit) -> [String; 17] {
    let join = |v: Vec<&str>| v.join("; ");
    [
        h.id.clone(),
        h.path.clone(),
        h.meta.title.clone().unwrap_or_default(),
        h.meta.source.clone().unwrap_or_default(),
        // One type for the column: the period's first day; `date_precision` says how much is known.
        h.meta.date.map(|d| d.first_day_iso()).unwrap_or_default(),
        join(h.meta.provinces.iter().map(|p| p.name.as_str()).collect()),
        join(h.meta.cities.iter().map(String::as_str).collect()),
        h.meta.officials.iter().map(official_cell).collect::<Vec<_>>().join("; "),
        join(h.meta.programs.iter().map(String::as_str).collect()),
        h.meta.url.clone().unwrap_or_default(),
        format!("{:.4}", h.score),
        h.duplicate_of.clone().unwrap_or_default(),
        h.copies.to_string(),
        h.snippets.first().map(|s| s.text.replace(['\n', '\r'], " ")).unwrap_or_default(),
        h.meta.date_precision.map(|p| p.as_str().to_string()).unwrap_or_default(),
        h.meta.date_basis.map(|b| b.as_str().to_string()).unwrap_or_default(),
        h.meta.speakers().join("; "),
    ]
}

/// `name (role, organisation)`, or as much of it as is known.
fn official_cell(o: &crate::extract::Official) -> String {
    let detail: Vec<&str> =
        [o.role.as_deref(), o.organization.as_deref()].into_iter().flatten().collect();
    if detail.is_empty() { o.name.clone() } else { format!("{} ({})", o.name, detail.join(", ")) }
}

/// The header of a table.
pub fn columns(table: Table) -> &'static [&'static str] {
    match table {
        Table::Hits => hit_columns(),
        Table::Quotes => &["id", "speaker", "direct", "text"],
        Table::Figures => &["id", "text", "value", "unit", "sentence"],
        Table::Officials => &["id", "name", "role", "organization", "as_printed"],
    }
}

/// Which columns hold numbers or booleans (never neutralised).
fn typed(table: Table, column: usize) -> bool {
    match table {
        Table::Hits => matches!(hit_columns()[column], "score" | "copies"),
        Table::Quotes => column == 2,
        Table::Figures => column == 2,
        Table::Officials => false,
    }
}

/// The rows of one hit in `table`.
pub fn rows(table: Table, h: &Hit) -> Vec<Vec<String>> {
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    match table {
        Table::Hits => vec![hit_row(h)],
        Table::Quotes => h
            .meta
            .quotes
            .iter()
            .map(|q| vec![h.id.clone(), q.speaker.clone(), q.direct.to_string(), one_line(&q.text)])
            .collect(),
        Table::Figures => h
            .meta
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
        Table::Officials => h
            .meta
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
pub fn objects(table: Table, h: &Hit) -> Vec<Value> {
    match table {
        Table::Hits => vec![serde_json::to_value(h).unwrap_or(Value::Null)],
        Table::Quotes => h
            .meta.quotes
            .iter()
            .map(|q| json!({"id": h.id, "speaker": q.speaker, "direct": q.direct, "text": q.text}))
            .collect(),
        Table::Figures => h
            .meta.figures
            .iter()
            .map(|f| json!({"id": h.id, "text": f.text, "value": f.value, "unit": f.unit, "sentence": f.sentence}))
            .collect(),
        Table::Officials => h
            .meta.officials
            .iter()
            .map(|o| json!({"id": h.id, "name": o.name, "role": o.role, "organization": o.organization, "as_printed": o.as_printed}))
            .collect(),
    }
}

/// Writes one hit's rows as CSV records.
pub fn write_csv(
    w: &mut csv::Writer<&mut dyn Write>,
    table: Table,
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
pub fn write_jsonl(out: &mut dyn Write, table: Table, h: &Hit) -> io::Result<()> {
    if table == Table::Hits {
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

/// Writes `value` as one line of compact JSON. A failed write keeps its
/// `io::ErrorKind` (serde_json's error gives the I/O error back).
pub fn json_line<T: serde::Serialize>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value).map_err(io::Error::from)?;
    writeln!(out)
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
    fn csv_quotes_commas_quotes_and_newlines_and_starts_with_a_bom() {
        let mut buf = Vec::new();
        {
            let mut w = csv_writer(&mut buf, true).unwrap();
            w.write_record(["a,b", "say \"hi\"", "line\nbreak", "Ünal"]).unwrap();
            w.flush().unwrap();
        }
        let s = String::from_utf8(buf).unwrap();
        assert_eq!(s, "\u{feff}\"a,b\",\"say \"\"hi\"\"\",\"line\nbreak\",Ünal\n");
    }

    #[test]
    fn table_names_parse_back() {
        for t in Table::ALL {
            assert_eq!(t.name().parse::<Table>(), Ok(t));
        }
        assert!("rows".parse::<Table>().unwrap_err().contains("hits, quotes"));
    }

    /// A facet shown from its row is a column after the fixed ones in CSV,
    /// and a key of the JSON Lines hit.
    #[test]
    fn a_facet_shown_from_its_row_is_a_column_after_the_fixed_ones() {
        let rows = [crate::test_support::credited_row()];
        let columns = hit_columns_of(&rows);
        assert_eq!(columns[..HIT_COLUMNS.len()], HIT_COLUMNS);
        assert_eq!(columns[HIT_COLUMNS.len()..], ["credited"]);
        let mut hit = Hit {
            id: "a.txt".into(),
            path: "a.txt".into(),
            score: 1.0,
            meta: crate::search::ArticleMeta::default(),
            snippets: Vec::new(),
            duplicate_of: None,
            copies: 0,
            counted: true,
        };
        assert_eq!(hit_row_of(&columns, &hit).last().unwrap(), "", "no values: an empty cell");
        hit.meta.facet_values =
            crate::search::FacetValues::of(&rows, &crate::test_support::credited_article());
        let row = hit_row_of(&columns, &hit);
        assert_eq!(row.len(), columns.len());
        assert_eq!(row[..HIT_COLUMNS.len()], hit_row_of(&HIT_COLUMNS, &hit));
        assert_eq!(row.last().unwrap(), "Rina Wulandari; Dedi Prasetyo");
        let mut line = Vec::new();
        write_jsonl(&mut line, Table::Hits, &hit).unwrap();
        let v: Value = serde_json::from_slice(&line).unwrap();
        assert_eq!(v["credited"], json!(["Rina Wulandari", "Dedi Prasetyo"]));
    }

    /// The table's own columns are the fixed ones and one per facet shown
    /// from its row, so adding such a row changes no other column.
    #[test]
    fn hit_columns_follow_the_facet_table() {
        let shown: Vec<&str> =
            FACETS.iter().filter(|s| s.shown == Shown::Values).map(|s| s.name).collect();
        assert_eq!(hit_columns()[..HIT_COLUMNS.len()], HIT_COLUMNS);
        assert_eq!(hit_columns()[HIT_COLUMNS.len()..], shown);
        assert_eq!(columns(Table::Hits), hit_columns());
    }

    #[test]
    fn every_table_has_an_id_column_first() {
        for t in [Table::Hits, Table::Quotes, Table::Figures, Table::Officials] {
            assert_eq!(columns(t)[0], "id");
        }
    }
}
