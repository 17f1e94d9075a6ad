//! Parquet export: one row per article, typed columns, nested lists for
//! places, officials, quotes and figures, zstd-compressed. Rows are
//! gathered in a bounded batch ([`BATCH_ROWS`] rows or [`BATCH_BYTES`] of
//! text, whichever comes first) and each batch is written as one row group,
//! so memory stays flat however many articles are exported.
//!
//! The file is written beside its destination under a temporary name and
//! renamed into place by [`ParquetExport::finish`]: a failed export leaves
//! no half-written file under the name asked for.
//!
//! The columns and their types are [`schema`]; the README's export section
//! lists them for users.

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::builder::{
    ArrayBuilder, BooleanBuilder, Date32Builder, Float32Builder, Float64Builder, ListBuilder,
    StringBuilder, StructBuilder, UInt32Builder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Fields, Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;

use crate::error::{Error, Result};
use crate::extract::PartialDate;
use crate::extract::page::DateSource;
use crate::search::Hit;
use crate::search::facet_spec::{FACETS, FacetSpec, Shown};

/// Rows per row group (at most).
pub const BATCH_ROWS: usize = 8192;

/// Text bytes per row group (at most, give or take one article): long
/// bodies end a batch before [`BATCH_ROWS`].
pub const BATCH_BYTES: usize = 32 << 20;

/// zstd level: 3 is zstd's own default, a good ratio at streaming speed.
const ZSTD_LEVEL: i32 = 3;

/// What goes into the file besides the fixed columns.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ParquetOptions {
    /// Add a `body` column with the clean article text.
    pub with_body: bool,
}

fn utf8(name: &str, nullable: bool) -> Field {
    Field::new(name, DataType::Utf8, nullable)
}

/// A list column of `item`s; the list itself is never null (empty instead).
fn list_of(name: &str, item: DataType) -> Field {
    Field::new(name, DataType::List(Arc::new(Field::new("item", item, false))), false)
}

fn province_fields() -> Fields {
    Fields::from(vec![utf8("code", false), utf8("name", false)])
}

fn official_fields() -> Fields {
    Fields::from(vec![
        utf8("name", false),
        utf8("role", true),
        utf8("organization", true),
        utf8("as_printed", true),
    ])
}

fn quote_fields() -> Fields {
    Fields::from(vec![
        utf8("speaker", false),
        utf8("text", false),
        Field::new("direct", DataType::Boolean, false),
    ])
}

fn figure_fields() -> Fields {
    Fields::from(vec![
        utf8("text", false),
        Field::new("value", DataType::Float64, false),
        utf8("unit", false),
        utf8("sentence", false),
    ])
}

/// The columns of an export, in order: the hit's JSON keys (snippets
/// aside) with typed values, then a `list<string>` column per facet shown
/// from its row ([`Shown::Values`], named as the facet), and `body` last
/// with `with_body`.
pub fn schema(options: ParquetOptions) -> SchemaRef {
    schema_of(options, FACETS)
}

/// The facets of `rows` that have a column of their own.
fn shown(rows: &[FacetSpec]) -> impl Iterator<Item = &'static str> + '_ {
    rows.iter().filter(|s| s.shown == Shown::Values).map(|s| s.name)
}

/// The columns of an export with the facets of `rows`.
fn schema_of(options: ParquetOptions, rows: &[FacetSpec]) -> SchemaRef {
    let mut fields = vec![
        utf8("id", false),
        utf8("path", false),
        utf8("url", true),
        utf8("title", true),
        utf8("source", true),
        Field::new("date", DataType::Date32, true),
        utf8("date_precision", true),
        utf8("date_basis", true),
        utf8("date_source", true),
        utf8("dateline", true),
        list_of("provinces", DataType::Struct(province_fields())),
        list_of("cities", DataType::Utf8),
        list_of("officials", DataType::Struct(official_fields())),
        list_of("programs", DataType::Utf8),
        list_of("quotes", DataType::Struct(quote_fields())),
        list_of("figures", DataType::Struct(figure_fields())),
        Field::new("copies", DataType::UInt32, false),
        utf8("duplicate_of", true),
        Field::new("score", DataType::Float32, false),
        Field::new("counted", DataType::Boolean, false),
    ];
    fields.extend(shown(rows).map(|name| list_of(name, DataType::Utf8)));
    if options.with_body {
        fields.push(utf8("body", true));
    }
    Arc::new(Schema::new(fields))
}

/// Days from 1970-01-01 to the first day of `date` (proleptic Gregorian):
/// Parquet's DATE. How much of it the page gave is `date_precision`.
pub fn epoch_days(date: &PartialDate) -> i32 {
    // Howard Hinnant's days_from_civil.
    let (m, d) = (date.month.unwrap_or(1) as i64, date.day.unwrap_or(1) as i64);
    let y = date.year as i64 - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    (era * 146_097 + doe - 719_468) as i32
}

fn date_source_name(s: DateSource) -> &'static str {
    match s {
        DateSource::Header => "header",
        DateSource::Dateline => "dateline",
        DateSource::Body => "body",
        DateSource::Copyright => "copyright",
        DateSource::Field => "field",
    }
}

/// A `list<struct>` builder for `fields`, every child a builder of its type.
fn struct_list(fields: Fields) -> ListBuilder<StructBuilder> {
    let item = Field::new("item", DataType::Struct(fields.clone()), false);
    ListBuilder::new(StructBuilder::from_fields(fields, 0)).with_field(Arc::new(item))
}

fn string_list() -> ListBuilder<StringBuilder> {
    ListBuilder::new(StringBuilder::new()).with_field(Arc::new(Field::new(
        "item",
        DataType::Utf8,
        false,
    )))
}

/// The child builder `i` of a struct builder, of its known type.
fn child<T: ArrayBuilder>(b: &mut StructBuilder, i: usize) -> &mut T {
    b.field_builder::<T>(i).expect("struct child builders follow the schema")
}

/// One batch of rows being gathered, column by column.
struct Columns {
    id: StringBuilder,
    path: StringBuilder,
    url: StringBuilder,
    title: StringBuilder,
    source: StringBuilder,
    date: Date32Builder,
    date_precision: StringBuilder,
    date_basis: StringBuilder,
    date_source: StringBuilder,
    dateline: StringBuilder,
    provinces: ListBuilder<StructBuilder>,
    cities: ListBuilder<StringBuilder>,
    officials: ListBuilder<StructBuilder>,
    programs: ListBuilder<StringBuilder>,
    quotes: ListBuilder<StructBuilder>,
    figures: ListBuilder<StructBuilder>,
    copies: UInt32Builder,
    duplicate_of: StringBuilder,
    score: Float32Builder,
    counted: BooleanBuilder,
    /// A facet shown from its row: its name and its values.
    shown: Vec<(&'static str, ListBuilder<StringBuilder>)>,
    body: Option<StringBuilder>,
    rows: usize,
    bytes: usize,
}

impl Columns {
    fn new(options: ParquetOptions, rows: &[FacetSpec]) -> Self {
        Columns {
            id: StringBuilder::new(),
            path: StringBuilder::new(),
            url: StringBuilder::new(),
            title: StringBuilder::new(),
            source: StringBuilder::new(),
            date: Date32Builder::new(),
            date_precision: StringBuilder::new(),
            date_basis: StringBuilder::new(),
            date_source: StringBuilder::new(),
            dateline: StringBuilder::new(),
            provinces: struct_list(province_fields()),
            cities: string_list(),
            officials: struct_list(official_fields()),
            programs: string_list(),
            quotes: struct_list(quote_fields()),
            figures: struct_list(figure_fields()),
            copies: UInt32Builder::new(),
            duplicate_of: StringBuilder::new(),
            score: Float32Builder::new(),
            counted: BooleanBuilder::new(),
            shown: shown(rows).map(|name| (name, string_list())).collect(),
            body: options.with_body.then(StringBuilder::new),
            rows: 0,
            bytes: 0,
        }
    }

    /// Adds one article (`body` is used only with a body column).
    fn push(&mut self, h: &Hit, body: Option<&str>) {
        let mut bytes = h.id.len() + h.path.len();
        let mut text = |b: &mut StringBuilder, v: Option<&str>| {
            bytes += v.map_or(0, str::len);
            b.append_option(v);
        };
        text(&mut self.url, h.meta.url.as_deref());
        text(&mut self.title, h.meta.title.as_deref());
        text(&mut self.source, h.meta.source.as_deref());
        text(&mut self.date_precision, h.meta.date_precision.map(|p| p.as_str()));
        text(&mut self.date_basis, h.meta.date_basis.map(|b| b.as_str()));
        text(&mut self.date_source, h.meta.date_source.map(date_source_name));
        text(&mut self.dateline, h.meta.dateline.as_deref());
        text(&mut self.duplicate_of, h.duplicate_of.as_deref());
        if let Some(b) = &mut self.body {
            text(b, body);
        }
        self.id.append_value(&h.id);
        self.path.append_value(&h.path);
        self.date.append_option(h.meta.date.as_ref().map(epoch_days));

        let p = self.provinces.values();
        for r in &h.meta.provinces {
            child::<StringBuilder>(p, 0).append_value(&r.code);
            child::<StringBuilder>(p, 1).append_value(&r.name);
            p.append(true);
            bytes += r.code.len() + r.name.len();
        }
        self.provinces.append(true);

        for c in &h.meta.cities {
            self.cities.values().append_value(c);
            bytes += c.len();
        }
        self.cities.append(true);

        let o = self.officials.values();
        for x in &h.meta.officials {
            child::<StringBuilder>(o, 0).append_value(&x.name);
            child::<StringBuilder>(o, 1).append_option(x.role.as_deref());
            child::<StringBuilder>(o, 2).append_option(x.organization.as_deref());
            child::<StringBuilder>(o, 3).append_option(x.as_printed.as_deref());
            o.append(true);
            bytes += x.name.len() + x.role.as_ref().map_or(0, String::len);
        }
        self.officials.append(true);

        for c in &h.meta.programs {
            self.programs.values().append_value(c);
        }
        self.programs.append(true);

        let q = self.quotes.values();
        for x in &h.meta.quotes {
            child::<StringBuilder>(q, 0).append_value(&x.speaker);
            child::<StringBuilder>(q, 1).append_value(&x.text);
            child::<BooleanBuilder>(q, 2).append_value(x.direct);
            q.append(true);
            bytes += x.speaker.len() + x.text.len();
        }
        self.quotes.append(true);

        let f = self.figures.values();
        for x in &h.meta.figures {
            child::<StringBuilder>(f, 0).append_value(&x.text);
            child::<Float64Builder>(f, 1).append_value(x.value);
            child::<StringBuilder>(f, 2).append_value(&x.unit);
            child::<StringBuilder>(f, 3).append_value(&x.sentence);
            f.append(true);
            bytes += x.text.len() + x.sentence.len();
        }
        self.figures.append(true);

        self.copies.append_value(u32::try_from(h.copies).unwrap_or(u32::MAX));
        self.score.append_value(h.score);
        self.counted.append_value(h.counted);
        for (name, list) in &mut self.shown {
            for v in h.meta.facet_values.get(name).unwrap_or_default() {
                list.values().append_value(v);
                bytes += v.len();
            }
            list.append(true);
        }
        self.rows += 1;
        self.bytes += bytes;
    }

    fn full(&self) -> bool {
        self.rows >= BATCH_ROWS || self.bytes >= BATCH_BYTES
    }

    /// The gathered rows as one record batch; the builders start over empty.
    fn finish(&mut self, schema: &SchemaRef) -> std::result::Result<RecordBatch, String> {
        let mut columns: Vec<ArrayRef> = vec![
            Arc::new(self.id.finish()),
            Arc::new(self.path.finish()),
            Arc::new(self.url.finish()),
            Arc::new(self.title.finish()),
            Arc::new(self.source.finish()),
            Arc::new(self.date.finish()),
            Arc::new(self.date_precision.finish()),
            Arc::new(self.date_basis.finish()),
            Arc::new(self.date_source.finish()),
            Arc::new(self.dateline.finish()),
            Arc::new(self.provinces.finish()),
            Arc::new(self.cities.finish()),
            Arc::new(self.officials.finish()),
            Arc::new(self.programs.finish()),
            Arc::new(self.quotes.finish()),
            Arc::new(self.figures.finish()),
            Arc::new(self.copies.finish()),
            Arc::new(self.duplicate_of.finish()),
            Arc::new(self.score.finish()),
            Arc::new(self.counted.finish()),
        ];
        for (_, list) in &mut self.shown {
            columns.push(Arc::new(list.finish()));
        }
        if let Some(b) = &mut self.body {
            columns.push(Arc::new(b.finish()));
        }
        self.rows = 0;
        self.bytes = 0;
        RecordBatch::try_new(schema.clone(), columns).map_err(|e| e.to_string())
    }
}

/// A Parquet file being written, one article at a time.
pub struct ParquetExport {
    path: PathBuf,
    partial: PathBuf,
    schema: SchemaRef,
    columns: Columns,
    writer: Option<ArrowWriter<BufWriter<File>>>,
    rows: u64,
}

impl ParquetExport {
    /// Starts an export to `path` (written as `path` + `.partial` until
    /// [`ParquetExport::finish`]). A `path` that is a directory, or in a
    /// directory that does not exist, is refused before any row is read.
    pub fn create(path: &Path, options: ParquetOptions) -> Result<Self> {
        if path.is_dir() {
            return Err(io_error(
                path,
                std::io::Error::new(
                    std::io::ErrorKind::IsADirectory,
                    "is a directory; give a file name",
                ),
            ));
        }
        let mut name = path.file_name().unwrap_or_default().to_os_string();
        name.push(".partial");
        let partial = path.with_file_name(name);
        let file = File::create(&partial).map_err(|e| io_error(path, e))?;
        let props = WriterProperties::builder()
            .set_compression(Compression::ZSTD(
                ZstdLevel::try_new(ZSTD_LEVEL).expect("3 is a zstd level"),
            ))
            .set_max_row_group_row_count(Some(BATCH_ROWS))
            .set_created_by(format!("warta {}", env!("CARGO_PKG_VERSION")))
            .build();
        let schema = schema(options);
        let writer = ArrowWriter::try_new(BufWriter::new(file), schema.clone(), Some(props))
            .map_err(|e| parquet_error(path, e))?;
        Ok(ParquetExport {
            path: path.to_path_buf(),
            partial,
            schema,
            columns: Columns::new(options, FACETS),
            writer: Some(writer),
            rows: 0,
        })
    }

    /// Adds one article; `body` fills the `body` column when there is one.
    pub fn push(&mut self, hit: &Hit, body: Option<&str>) -> Result<()> {
        self.columns.push(hit, body);
        self.rows += 1;
        if self.columns.full() { self.write_batch() } else { Ok(()) }
    }

    /// Writes the gathered rows as one row group.
    fn write_batch(&mut self) -> Result<()> {
        if self.columns.rows == 0 {
            return Ok(());
        }
        let batch = self
            .columns
            .finish(&self.schema)
            .map_err(|e| parquet_error(&self.path, std::io::Error::other(e)))?;
        let writer = self.writer.as_mut().expect("writer open until finish");
        writer.write(&batch).map_err(|e| parquet_error(&self.path, e))?;
        writer.flush().map_err(|e| parquet_error(&self.path, e))
    }

    /// Writes the last rows and the footer, and moves the file into place.
    /// Returns the number of rows.
    pub fn finish(mut self) -> Result<u64> {
        self.write_batch()?;
        let writer = self.writer.take().expect("writer open until finish");
        let file = writer.into_inner().map_err(|e| parquet_error(&self.path, e))?;
        let file = file.into_inner().map_err(|e| io_error(&self.path, e.into_error()))?;
        file.sync_all().map_err(|e| io_error(&self.path, e))?;
        drop(file);
        std::fs::rename(&self.partial, &self.path).map_err(|e| io_error(&self.path, e))?;
        Ok(self.rows)
    }
}

impl Drop for ParquetExport {
    /// An export that was not finished leaves no partial file behind.
    fn drop(&mut self) {
        if self.writer.is_some() {
            let _ = std::fs::remove_file(&self.partial);
        }
    }
}

fn io_error(path: &Path, e: std::io::Error) -> Error {
    Error::write(path, "writing the Parquet export", e)
}

fn parquet_error(path: &Path, e: impl std::fmt::Display) -> Error {
    io_error(path, std::io::Error::other(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Official, ProvinceRef};
    use arrow_array::cast::AsArray;
    use arrow_array::types::{Date32Type, Float64Type, UInt32Type};
    use arrow_array::{Array, StructArray};
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    /// A hit with every kind of value; people and quotes are made up.
    fn hit(i: usize) -> Hit {
        Hit {
            id: format!("berita/{i}.txt"),
            path: format!("berita/{i}.txt"),
            score: 1.5,
            meta: crate::search::ArticleMeta {
                title: Some(format!("Klaim JHT nomor {i}")),
                source: Some("Contoh News".into()),
                date: Some("2024-03".parse().unwrap()),
                date_source: Some(DateSource::Header),
                date_basis: Some(crate::extract::page::DateBasis::Published),
                date_precision: Some(crate::extract::DatePrecision::Month),
                provinces: vec![
                    ProvinceRef { code: "35".into(), name: "Jawa Timur".into() },
                    ProvinceRef { code: "51".into(), name: "Bali".into() },
                ],
                cities: vec!["Surabaya".into()],
                officials: vec![Official {
                    name: "Ratna Dewi Kusuma".into(),
                    role: Some("Kepala Cabang".into()),
                    organization: None,
                    as_printed: None,
                }],
                programs: vec!["JHT".into(), "JKK".into()],
                figures: vec![crate::extract::figures::Figure {
                    text: "Rp2 miliar".into(),
                    value: 2e9,
                    unit: "IDR".into(),
                    sentence: "Klaim mencapai Rp2 miliar.".into(),
                }],
                quotes: vec![crate::extract::quote::Quote {
                    speaker: "Ratna Dewi Kusuma".into(),
                    text: "Klaim dibayar tepat waktu".into(),
                    direct: true,
                }],
                dateline: None,
                url: i.is_multiple_of(2).then(|| format!("https://contoh.id/{i}")),
                facet_values: Default::default(),
            },
            snippets: Vec::new(),
            duplicate_of: None,
            copies: i % 3,
            counted: true,
        }
    }

    fn read(path: &Path) -> Vec<RecordBatch> {
        let file = File::open(path).unwrap();
        let reader = ParquetRecordBatchReaderBuilder::try_new(file).unwrap().build().unwrap();
        reader.map(|b| b.unwrap()).collect()
    }

    #[test]
    fn epoch_days_match_known_dates() {
        let days = |s: &str| epoch_days(&s.parse().unwrap());
        assert_eq!(days("1970-01-01"), 0);
        assert_eq!(days("1969-12-31"), -1);
        assert_eq!(days("2000-03-01"), 11_017);
        assert_eq!(days("2024-02-29"), 19_782);
        assert_eq!(days("2024"), days("2024-01-01"));
        assert_eq!(days("2024-11"), days("2024-11-01"));
    }

    #[test]
    fn rows_come_back_with_their_nested_values() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hits.parquet");
        let mut export = ParquetExport::create(&path, ParquetOptions { with_body: true }).unwrap();
        for i in 0..5 {
            export.push(&hit(i), Some("Isi berita.")).unwrap();
        }
        assert!(!path.exists(), "written under a temporary name until finished");
        assert_eq!(export.finish().unwrap(), 5);
        assert!(path.exists());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no partial file left");

        let batches = read(&path);
        let b = &batches[0];
        assert_eq!(b.schema(), schema(ParquetOptions { with_body: true }));
        assert_eq!(b.num_rows(), 5);
        let ids = b.column_by_name("id").unwrap().as_string::<i32>();
        assert_eq!(ids.value(3), "berita/3.txt");
        let urls = b.column_by_name("url").unwrap().as_string::<i32>();
        assert!(urls.is_null(1));
        assert_eq!(urls.value(2), "https://contoh.id/2");
        let date = b.column_by_name("date").unwrap().as_primitive::<Date32Type>();
        assert_eq!(date.value(0), epoch_days(&"2024-03-01".parse().unwrap()));
        let precision = b.column_by_name("date_precision").unwrap().as_string::<i32>();
        assert_eq!(precision.value(0), "month");
        let copies = b.column_by_name("copies").unwrap().as_primitive::<UInt32Type>();
        assert_eq!(copies.value(4), 1);

        let provinces = b.column_by_name("provinces").unwrap().as_list::<i32>();
        let first = provinces.value(0);
        let first: &StructArray = first.as_struct();
        assert_eq!(first.len(), 2);
        assert_eq!(first.column(1).as_string::<i32>().value(1), "Bali");

        let officials = b.column_by_name("officials").unwrap().as_list::<i32>().value(2);
        let officials: &StructArray = officials.as_struct();
        assert_eq!(officials.column(1).as_string::<i32>().value(0), "Kepala Cabang");
        assert!(officials.column(2).is_null(0), "no organisation stays null");

        let figures = b.column_by_name("figures").unwrap().as_list::<i32>().value(1);
        let value = figures.as_struct().column(1).as_primitive::<Float64Type>().value(0);
        assert_eq!(value, 2e9);
        let body = b.column_by_name("body").unwrap().as_string::<i32>();
        assert_eq!(body.value(0), "Isi berita.");
    }

    /// A facet shown from its row is a `list<string>` column named as the
    /// facet, after the fixed columns and before the body.
    #[test]
    fn a_facet_shown_from_its_row_is_a_column_of_its_own() {
        let rows = [crate::test_support::credited_row()];
        let options = ParquetOptions { with_body: true };
        let schema = schema_of(options, &rows);
        let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
        let fixed = schema_of(options, &[]);
        assert_eq!(names.len(), fixed.fields().len() + 1);
        assert_eq!(names[names.len() - 3..], ["counted", "credited", "body"]);
        let mut columns = Columns::new(options, &rows);
        let mut with = hit(0);
        with.meta.facet_values =
            crate::search::FacetValues::of(&rows, &crate::test_support::credited_article());
        columns.push(&with, Some("Isi."));
        columns.push(&hit(1), Some("Isi."));
        let batch = columns.finish(&schema).unwrap();
        let credited = batch.column_by_name("credited").unwrap().as_list::<i32>();
        let first = credited.value(0);
        let first = first.as_string::<i32>();
        assert_eq!(first.iter().flatten().collect::<Vec<_>>(), ["Rina Wulandari", "Dedi Prasetyo"]);
        assert_eq!(credited.value(1).len(), 0, "a hit without values has an empty list");
    }

    #[test]
    fn many_rows_are_written_in_bounded_row_groups() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("many.parquet");
        let mut export = ParquetExport::create(&path, ParquetOptions::default()).unwrap();
        let n = BATCH_ROWS * 2 + 17;
        for i in 0..n {
            export.push(&hit(i), None).unwrap();
        }
        assert_eq!(export.finish().unwrap(), n as u64);
        let file = File::open(&path).unwrap();
        let builder = ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
        let groups: Vec<i64> =
            builder.metadata().row_groups().iter().map(|g| g.num_rows()).collect();
        assert_eq!(groups, [BATCH_ROWS as i64, BATCH_ROWS as i64, 17]);
        assert!(builder.schema().column_with_name("body").is_none());
        let codec = builder.metadata().row_group(0).column(0).compression();
        assert!(matches!(codec, Compression::ZSTD(_)), "{codec:?}");
    }

    #[test]
    fn an_empty_export_is_a_valid_file_with_the_schema() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("none.parquet");
        let export = ParquetExport::create(&path, ParquetOptions::default()).unwrap();
        assert_eq!(export.finish().unwrap(), 0);
        let file = File::open(&path).unwrap();
        let builder = ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
        assert_eq!(builder.schema(), &schema(ParquetOptions::default()));
        assert_eq!(builder.metadata().file_metadata().num_rows(), 0);
    }

    #[test]
    fn an_unfinished_export_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("stopped.parquet");
        let mut export = ParquetExport::create(&path, ParquetOptions::default()).unwrap();
        export.push(&hit(0), None).unwrap();
        drop(export);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn a_directory_or_a_missing_folder_is_refused_with_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let err = ParquetExport::create(dir.path(), ParquetOptions::default()).err().unwrap();
        assert!(err.to_string().contains(&dir.path().display().to_string()), "{err}");
        let missing = dir.path().join("no/such/dir/x.parquet");
        let err = ParquetExport::create(&missing, ParquetOptions::default()).err().unwrap();
        assert!(err.to_string().contains("x.parquet"), "{err}");
    }
}
