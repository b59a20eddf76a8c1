"""The command line: argument parsing only; the work happens in the rest of the package."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mapexplorer import __version__

SUBCOMMANDS = ("export", "events")
EXIT_BAD_INPUT = 2


def _input_path(value: str | None) -> Path:
    from mapexplorer.formats import FormatError
    from mapexplorer.paths import bundled_catalogue

    if value:
        return Path(value)
    try:
        return bundled_catalogue()
    except FileNotFoundError as exc:  # a broken installation: say so, not a traceback
        raise FormatError(None, str(exc)) from None


def _fail(message: str) -> int:
    print(f"mapexplorer: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def export_command(args: argparse.Namespace) -> int:
    from mapexplorer.formats import FormatError
    from mapexplorer.formats.opener import export_catalogue, open_catalogue

    try:
        catalogue = open_catalogue(_input_path(args.input))
        export_catalogue(catalogue, args.output, args.format)
    except FormatError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"{args.output}: cannot write the file ({exc.strerror or exc})")
    print(f"wrote {args.output}: {len(catalogue.events)} events as {args.format}")
    return 0


def events_command(args: argparse.Namespace) -> int:
    from mapexplorer.formats import FormatError
    from mapexplorer.formats.opener import open_catalogue

    try:
        catalogue = open_catalogue(_input_path(args.input))
    except FormatError as exc:
        return _fail(str(exc))
    rows = [
        (e.time.describe(), e.title, ", ".join(p.name for p in catalogue.places_of(e)))
        for e in catalogue.chronological()
    ]
    header = ("DATE", "TITLE", "PLACES")
    widths = [min(max(len(r[i]) for r in [header, *rows]), cap) for i, cap in enumerate((34, 64, 200))]
    for row in [header, *rows]:
        cells = [c if len(c) <= w else c[: w - 1] + "…" for c, w in zip(row, widths, strict=True)]
        print("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip())
    return 0


def build_subcommand_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mapexplorer", description="Map Explorer tools.")
    sub = parser.add_subparsers(dest="command", required=True)
    export = sub.add_parser("export", help="write a catalogue as GeoJSON, CSV or KML")
    export.add_argument("input", nargs="?", help="catalogue file (default: the bundled article)")
    export.add_argument("--format", "-f", required=True, choices=["geojson", "csv", "kml"])
    export.add_argument("-o", "--output", required=True, help="file to write")
    export.set_defaults(run=export_command)
    events = sub.add_parser("events", help="list a catalogue's events as a table")
    events.add_argument("input", nargs="?", help="catalogue file (default: the bundled article)")
    events.set_defaults(run=events_command)
    return parser


def build_window_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mapexplorer",
        description="Explore where and when a news story happened. "
        f"Other commands: {', '.join(SUBCOMMANDS)} (mapexplorer COMMAND --help).",
    )
    parser.add_argument("file", nargs="?", help="catalogue file to open (default: the bundled article)")
    parser.add_argument("--at", metavar="DATE", help="start at this date (EDTF or ISO, e.g. 2015-09)")
    parser.add_argument("--select", metavar="EVENT_ID", help="select this event")
    parser.add_argument("--size", metavar="WxH", help="window size (default 1280x800, or as last time)")
    parser.add_argument("--screenshot", metavar="PNG", help="save a picture of the window and exit")
    parser.add_argument("--version", action="version", version=f"mapexplorer {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in SUBCOMMANDS:
        args = build_subcommand_parser().parse_args(argv)
        return args.run(args)
    args = build_window_parser().parse_args(argv)
    from mapexplorer.ui.app import run_app

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
