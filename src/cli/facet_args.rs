//! The facet filter flags (`--province`, `--city`, …, `--source`), one per
//! row of the library's facet table (`FACETS`, the rows every selecting
//! command takes): their names, value names and help come from the table,
//! so a new row is a new flag with no code here.

use clap::{Arg, ArgAction, ArgMatches, Args, Command, FromArgMatches};
use warta::search::FacetKind;
use warta::search::facet_spec::{FACET_COUNT, FACETS, FacetSpec};

/// The values of each facet filter flag, by the facet's row.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FacetFilterArgs {
    /// One list per row of the facet table (empty for the rows without a shared flag).
    pub values: [Vec<String>; FACET_COUNT],
}

impl FacetFilterArgs {
    /// The values given to one facet's flag.
    pub fn of(&self, kind: FacetKind) -> &Vec<String> {
        &self.values[kind.index()]
    }
}

/// The rows that have a flag here.
fn rows() -> impl Iterator<Item = &'static FacetSpec> {
    FACETS.iter().filter(|s| s.shared)
}

impl Args for FacetFilterArgs {
    fn augment_args(cmd: Command) -> Command {
        rows().fold(cmd, |cmd, spec| {
            cmd.arg(
                Arg::new(spec.filter)
                    .long(spec.filter)
                    .value_name(spec.value_name)
                    .help(spec.filter_help)
                    .action(ArgAction::Append)
                    .value_parser(clap::value_parser!(String)),
            )
        })
    }

    fn augment_args_for_update(cmd: Command) -> Command {
        Self::augment_args(cmd)
    }
}

impl FromArgMatches for FacetFilterArgs {
    fn from_arg_matches(m: &ArgMatches) -> Result<Self, clap::Error> {
        let mut args = FacetFilterArgs::default();
        args.update_from_arg_matches(m)?;
        Ok(args)
    }

    fn update_from_arg_matches(&mut self, m: &ArgMatches) -> Result<(), clap::Error> {
        for spec in rows() {
            if let Some(values) = m.get_many::<String>(spec.filter) {
                self.values[spec.kind.index()] = values.cloned().collect();
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(clap::Parser)]
    struct Probe {
        #[command(flatten)]
        facets: FacetFilterArgs,
    }

    #[test]
    fn every_shared_row_is_a_repeatable_flag() {
        use clap::Parser;
        let p = Probe::try_parse_from([
            "probe",
            "--province",
            "Jatim",
            "--source",
            "ANTARA",
            "--province",
            "Bali",
        ])
        .unwrap();
        assert_eq!(p.facets.of(FacetKind::Province), &["Jatim", "Bali"]);
        assert_eq!(p.facets.of(FacetKind::Source), &["ANTARA"]);
        assert!(p.facets.of(FacetKind::City).is_empty());
        let cmd = <Probe as clap::CommandFactory>::command();
        let flags: Vec<&str> = cmd.get_arguments().filter_map(|a| a.get_long()).collect();
        assert_eq!(flags, ["province", "city", "official", "org", "program", "source"]);
        assert!(Probe::try_parse_from(["probe", "--quoted-by", "X"]).is_err());
    }
}
