//! `--format`: every format warta writes ([`FormatArg`]), and the value
//! parser that gives each command's `--format` only the ones it writes, so
//! `--help`, completions and errors name those.

use clap::ValueEnum;

/// `--format`
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// For people (tables, highlighted snippets).
    Text,
    /// One JSON document (the contract in the README).
    Json,
    /// JSON Lines, one object per line (a hit, an article).
    Jsonl,
    /// Comma-separated values with a header row (UTF-8, RFC 4180 quoting).
    Csv,
    /// Apache Parquet, one row per hit with typed columns (a file: needs --output).
    Parquet,
    /// OpenSearch/Elasticsearch: an index template and bulk NDJSON files (a directory: needs
    /// --output).
    Opensearch,
}

/// What `facets` and `timeline` write.
pub const TABLES: &[FormatArg] = &[FormatArg::Text, FormatArg::Json, FormatArg::Csv];
/// What `terms`, `show`, `analyze` and `eval` write.
pub const JSON_ONLY: &[FormatArg] = &[FormatArg::Text, FormatArg::Json];
/// What `extract` writes.
pub const JSON_LINES: &[FormatArg] = &[FormatArg::Text, FormatArg::Json, FormatArg::Jsonl];

/// `--format` of a command that writes only some formats: its help and
/// completions list those, and any other is refused by name.
pub fn formats(can: &'static [FormatArg]) -> Formats {
    Formats { can }
}

/// The value parser made by [`formats`].
#[derive(Clone)]
pub struct Formats {
    can: &'static [FormatArg],
}

impl clap::builder::TypedValueParser for Formats {
    type Value = FormatArg;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<FormatArg, clap::Error> {
        let name = value.to_string_lossy();
        match FormatArg::from_str(&name, false) {
            Ok(f) if self.can.contains(&f) => Ok(f),
            _ => {
                let message = super::config::refused_format(cmd.get_name(), &name, self.can);
                Err(clap::Error::raw(clap::error::ErrorKind::InvalidValue, message)
                    .format(&mut cmd.clone()))
            }
        }
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(self.can.iter().filter_map(ValueEnum::to_possible_value)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::args::{Cli, Command};
    use clap::{CommandFactory, Parser};

    #[test]
    fn format_lists_and_takes_only_what_the_command_writes() {
        let values = |command: &str| {
            let cmd = Cli::command();
            let sub = cmd.find_subcommand(command).expect(command).clone();
            let arg = sub.get_arguments().find(|a| a.get_id() == "format").expect("--format");
            arg.get_possible_values().iter().map(|v| v.get_name().to_string()).collect::<Vec<_>>()
        };
        assert_eq!(values("terms"), ["text", "json"]);
        assert_eq!(values("extract"), ["text", "json", "jsonl"]);
        assert_eq!(values("facets"), ["text", "json", "csv"]);
        assert_eq!(values("search").len(), 6);
        let cli = Cli::try_parse_from(["warta", "extract", "a.txt", "--format", "jsonl"]).unwrap();
        let Command::Extract(a) = cli.command else { panic!("not extract") };
        assert_eq!(a.format, Some(FormatArg::Jsonl));
        let err = Cli::try_parse_from(["warta", "terms", "--format", "parquet"]).unwrap_err();
        assert!(err.to_string().contains("cannot write --format parquet; it writes text, json"));
    }
}
