/** Usage texts of the CLI commands, kept apart so that `echemkit --help` loads no command. */

export const convertUsage = `Usage: echemkit convert <files|globs…> [-o file|dir|-] [--to json|csv] [--format id] [--indent n] [--strict] [--json]

Converts instrument files to the echemkit JSON schema (default) or BDF CSV (one CSV per
measurement plus a .bdf.metadata.json sidecar).
  -o, --output   '-' writes the data to stdout; a folder (existing, or ending in /) receives
                 <name>.json / <name>.bdf.csv; a file name works for one input. Default: beside each input.
  --to           json | csv
  --format       force a format id (see 'echemkit formats') instead of detecting
  --indent       indent JSON metadata by n spaces
  --strict       treat warnings as failures (exit 1)
  --json         print a machine-readable report (to stdout, or stderr when data goes to stdout)
Exit: 0 all converted, 1 any failed (or warned under --strict), 2 usage error.`;

export const validateUsage = `Usage: echemkit validate <doc.json…|-> [--json]

Checks echemkit JSON documents against schemas/echemkit.schema.json and the checks JSON Schema
cannot express (equal column lengths, finite numbers, units of the vocabulary …).
Exit: 0 all valid, 1 any invalid (each problem with its JSON pointer), 2 any unreadable.`;

export const infoUsage = `Usage: echemkit info <file> [--format id] [--json]

Shows the format and version, the measurements with their columns, units and row counts, and
the diagnostics of an instrument file (or of an echemkit JSON document).`;

export const plotUsage = `Usage: echemkit plot <file> [-o out.svg] [--x column] [--y column] [--measurement i|all] [--format id]

Draws y against x as SVG (default: voltage vs test time for time series, a Nyquist plot for
impedance, intensity vs binding energy for spectra). Columns by name (see 'echemkit info').
Without -o the SVG goes to stdout.`;
