"""The command line: argument parsing only; the work happens in the rest of the package."""

from __future__ import annotations

import argparse
import os
import re
import sys
import unicodedata
from pathlib import Path

from mapexplorer import __version__
from mapexplorer.formats.export_names import FORMAT_OF_SUFFIX, OTHER_SUFFIXES
from mapexplorer.words import counted

SUBCOMMANDS = ("export", "events", "import-article", "evaluate-import")
INPUT_HELP = (
    "a catalogue, GeoJSON, CSV, Excel (.xlsx), LibreOffice (.ods), KML/KMZ or GPX file "
    "(default: the bundled article)"
)
EXIT_BAD_INPUT = 2
EXIT_BROKEN_INSTALLATION = 3
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what a shell reports for a command ended with Ctrl+C


def _input_path(value: str | None) -> Path:
    from mapexplorer.formats import FormatError
    from mapexplorer.paths import bundled_catalogue

    if value:
        return Path(value)
    try:
        return bundled_catalogue()
    except FileNotFoundError as exc:  # a broken installation: say so, not a traceback
        raise FormatError(None, str(exc)) from None


def _open_and_warn(path: Path):
    """The catalogue at `path`; what the reader left out or had to guess goes to stderr as
    warnings (the window shows the same in a dialog), so no row is dropped silently."""
    from mapexplorer.formats.opener import read_catalogue
    from mapexplorer.formats.report import warning_lines

    catalogue, report = read_catalogue(path)
    for line in warning_lines(report):
        _warn(line)
    return catalogue


def _fail(message: str) -> int:
    print(f"mapexplorer: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _warn(message: str) -> None:
    print(f"mapexplorer: warning: {message}", file=sys.stderr)


def export_command(args: argparse.Namespace) -> int:
    from mapexplorer.formats import FormatError
    from mapexplorer.formats.errors import cannot_write
    from mapexplorer.formats.opener import export_catalogue

    if args.output == "-":  # the usual name for the standard output (it wrote a file "-")
        if args.format is None:
            return _fail(
                "-o -: the standard output has no name to tell the format by; give --format"
            )
        if not os.path.exists("/dev/stdout"):
            return _fail("-o -: this system cannot name its standard output; name a file")
        args.output = "/dev/stdout"
    try:
        args.format = export_format(args.format, args.output)
    except ValueError as exc:
        return _fail(str(exc))
    if args.input and _same_file(args.output, args.input):
        # The export is Map Explorer's rewriting of the file (its columns, its dates): over
        # the input, the user's own file would be gone.
        output = Path(args.output)
        return _fail(
            f"-o {args.output}: that is the file being exported; writing over it would replace "
            f"it with Map Explorer's rewriting of it; name another file, e.g. "
            f"{output.with_name(f'{output.stem}-export{output.suffix}')}"
        )
    unused = _unused_options(args)
    if unused:
        verb = "does" if len(unused) == 1 else "do"
        _warn(f"{', '.join(unused)} {verb} not apply to a {args.format} export; ignored")
    try:
        catalogue = _open_and_warn(_input_path(args.input))
        if args.format in VIEW_FORMATS:
            error = _export_view(catalogue, args)
            if error:
                return _fail(error)
        else:
            export_catalogue(catalogue, args.output, args.format)
    except FormatError as exc:
        return _fail(str(exc))
    except BrokenPipeError:
        raise  # `-o - | head`: the reader has what it wanted; ended quietly (`main`)
    except OSError as exc:
        return _fail(f"{args.output}: {cannot_write(exc, args.output)}")
    # Into the file's own stream (`-o /dev/stdout | jq`) the line would end the data: stderr.
    said = sys.stderr if _is_stdout(args.output) else sys.stdout
    print(
        f"wrote {args.output}: {counted(len(catalogue.events), 'event')} as {args.format}",
        file=said,
    )
    return 0


def _is_stdout(path: str) -> bool:
    """Whether `path` names this process's standard output (`/dev/stdout`, `/dev/fd/1`)."""
    try:
        return os.path.samestat(os.stat(path), os.fstat(sys.stdout.fileno()))
    except (OSError, ValueError, AttributeError):  # no such file; stdout closed or replaced
        return False


def events_command(args: argparse.Namespace) -> int:
    from mapexplorer.formats import FormatError

    try:
        catalogue = _open_and_warn(_input_path(args.input))
    except FormatError as exc:
        return _fail(str(exc))
    rows = [
        # One line per event, whatever line breaks a title or place name holds.
        (
            e.time.describe(),
            _one_line(e.title),
            _one_line(", ".join(map(catalogue.place_label, e.place_ids))),
        )
        for e in catalogue.chronological()
    ]
    header = ("DATE", "TITLE", "PLACES")
    caps = (34, 64, 200)
    if args.ids:  # what `mapexplorer --select` takes; never cut short
        rows = [(e.id, *row) for e, row in zip(catalogue.chronological(), rows, strict=True)]
        header, caps = ("ID", *header), (max(len(e.id) for e in catalogue.events), *caps)
    widths = [min(max(_width(r[i]) for r in [header, *rows]), cap) for i, cap in enumerate(caps)]
    for row in [header, *rows]:
        cells = [_fitted(c, w) for c, w in zip(row, widths, strict=True)]
        print("  ".join(cells).rstrip())
    return 0


# Bidirectional controls (an RLO in a title reverses the rest of the terminal's line).
_BIDI_CONTROLS = dict.fromkeys(
    [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)


def _one_line(text: str) -> str:
    """One line of plain text for a terminal: line breaks and bidi controls gone."""
    return " ".join(text.translate(_BIDI_CONTROLS).split())


def _char_width(char: str) -> int:
    """Terminal columns: 2 for wide (CJK) characters, 0 for combining marks, else 1."""
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def _width(text: str) -> int:
    return sum(map(_char_width, text))


def _fitted(text: str, width: int) -> str:
    """`text` cut with "…" to `width` columns, then padded to them."""
    if _width(text) > width:
        kept, used = [], 0
        for char in text:
            if used + _char_width(char) > width - 1:
                break
            kept.append(char)
            used += _char_width(char)
        text = "".join(kept) + "…"
    return text + " " * (width - _width(text))


VIEW_FORMATS = ("html", "png", "gif")
"""Exports of the map itself; png and gif are drawn by the app's page on an offscreen Qt."""
EXPORT_FORMATS = ("geojson", "csv", "kml", *VIEW_FORMATS)


def export_format(fmt: str | None, output: str) -> str:
    """The format to write: `--format`, else the one the output's name ends with. A name that
    says another format (`-o map.jpg --format png`) is a `ValueError`: the file would lie."""
    suffix = Path(output).suffix.lower()
    named = FORMAT_OF_SUFFIX.get(suffix)
    endings = "end the name with .geojson, .csv, .kml, .html, .png or .gif"
    if suffix in OTHER_SUFFIXES:
        hint = f"--format {fmt} writes .{fmt} files" if fmt else endings
        raise ValueError(
            f"-o {output}: Map Explorer does not write {OTHER_SUFFIXES[suffix]}; {hint}"
        )
    if fmt is None:
        if named is None:
            raise ValueError(
                f"-o {output}: cannot tell the format from the name; {endings}, or give --format"
            )
        return named
    if named is not None and named != fmt:
        raise ValueError(
            f"-o {output}: the name says {named} but --format is {fmt}; "
            f"name the file {Path(output).stem}.{fmt} or leave out --format"
        )
    return fmt


# Which export formats each option is for: given for another, it is said to be ignored.
_OPTION_FORMATS = {"--at": ("html", "png"), "--size": ("png", "gif"), "--frames": ("gif",)}


def _unused_options(args: argparse.Namespace) -> list[str]:
    given = {"--at": args.at, "--size": args.size, "--frames": args.frames}
    return [
        option
        for option, formats in _OPTION_FORMATS.items()
        if given[option] is not None and args.format not in formats
    ]


def _export_view(catalogue, args: argparse.Namespace) -> str | None:
    """Write an html, png or gif export; returns an error message, or None."""
    from mapexplorer.model.state import ExplorerState
    from mapexplorer.model.time import DateError
    from mapexplorer.ui.app import DEFAULT_SIZE, at_clamp_warning, parse_at, parse_size

    if not catalogue.events:
        return f"{args.input or 'the bundled article'}: the file holds no events"
    if args.format == "gif":
        from mapexplorer.ui.image_export import DEFAULT_FRAMES, MAX_FRAMES, MIN_FRAMES

        if args.frames is None:
            args.frames = DEFAULT_FRAMES
        if not MIN_FRAMES <= args.frames <= MAX_FRAMES:
            return f"--frames {args.frames}: a GIF needs {MIN_FRAMES} to {MAX_FRAMES} frames"
    try:
        # --size is for pictures: for a web page it was ignored (with a warning) above.
        size = None
        if args.format in ("png", "gif"):
            from mapexplorer.ui.image_export import MAX_SIDE, picture_size_problem

            size = parse_size(args.size or DEFAULT_SIZE, most=MAX_SIDE)
            too_big = picture_size_problem(*size)  # the megapixels of two long sides
            if too_big:
                return f"--size {too_big}"
        at = parse_at(args.at) if args.at else None
    except DateError as exc:
        return f"--at {args.at}: {exc}"
    except ValueError as exc:
        return str(exc)
    state = ExplorerState(catalogue)
    if at is not None:
        warning = at_clamp_warning(args.at, at.start, catalogue)
        if warning:
            _warn(warning)
        state.set_time(at.start)
    # Headed as the window heads it: a table from another tool has no article's title, and
    # "Map Explorer" over a teacher's "Battles of 1943.csv" said nothing of it.
    title = catalogue.source.title or (Path(args.input).stem if args.input else "")
    if args.format == "html":
        from mapexplorer.mappage.html_export import export_html

        export_html(state, args.output, title)
        return None
    from mapexplorer.ui.image_export import run_export

    if args.format == "gif":  # (its frames were checked above)
        from mapexplorer.ui.image_export import frames_note, playback_days

        note = frames_note(args.frames, len(playback_days(state, args.frames)))
        if note:
            _warn(note)
        return run_export(state, args.output, args.format, size, frames=args.frames, title=title)
    return run_export(state, args.output, args.format, size, title=title)


def import_article_command(args: argparse.Namespace) -> int:
    from mapexplorer.formats import FormatError, native
    from mapexplorer.formats.errors import cannot_write
    from mapexplorer.importer import ArticleError, import_article

    suffix = Path(args.output).suffix.lower()
    named = FORMAT_OF_SUFFIX.get(suffix) or OTHER_SUFFIXES.get(suffix)
    if suffix in (".txt", ".md", ".markdown") or _same_file(args.output, args.file):
        return _fail(
            f"-o {args.output}: that would write the catalogue over an article; name it "
            f"{Path(args.output).stem}.geojson"
        )
    if named not in (None, "geojson"):
        # The drafts are a catalogue, written as GeoJSON: a .csv named file would hold JSON.
        return _fail(
            f"-o {args.output}: import-article writes a GeoJSON catalogue, not {named}; name it "
            f"{Path(args.output).stem}.geojson (then `mapexplorer export` writes other formats)"
        )
    try:
        drafts = import_article(args.file, published=args.published, accept_all=True)
        catalogue = drafts.to_catalogue()
        native.save(catalogue, args.output)
    except (ArticleError, FormatError) as exc:
        if str(exc).endswith("give the publication date"):
            return _fail(f"{exc} with --published YYYY-MM-DD")
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"{args.output}: {cannot_write(exc, args.output)}")
    published = catalogue.source.published or "unknown (relative dates skipped)"
    print(
        f"wrote {args.output}: {counted(len(catalogue.events), 'draft event')}; published {published}"
    )
    if not args.published:
        # "Friday", "last month" and dates without a year hang on it: say how it was found.
        how = catalogue.source.published_note
        said = (
            f"the publication date was not given: {how} If it is wrong, import again with "
            "--published YYYY-MM-DD."
            if catalogue.source.published
            else "no publication date was given, nor found in the text: dates counted from it "
            '("Friday", "last month") were skipped; import again with --published '
            "YYYY-MM-DD to read them."
        )
        print(f"mapexplorer: {said}", file=sys.stderr)
    return 0


def _same_file(a: str, b: str) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve() or Path(a).samefile(b)
    except OSError:
        return False


def evaluate_import_command(args: argparse.Namespace) -> int:
    from mapexplorer.formats import FormatError
    from mapexplorer.importer import ArticleError
    from mapexplorer.importer.evaluate import evaluate_bundled

    try:
        result = evaluate_bundled(args.published)
    except (ArticleError, FormatError) as exc:  # --published 2025-02-30
        return _fail(str(exc))
    print(result.report())
    return 0 if result.recovered_share >= 0.8 and result.unmatched_share <= 0.25 else 1


def _joined_negative_dates(argv: list[str]) -> list[str]:
    """`--at -0043-03-15` as `--at=-0043-03-15`: argparse takes a value that starts with "-"
    and is not a plain number for an option, and a year BC in EDTF starts with one."""
    out: list[str] = []
    for arg in argv:
        if out and out[-1] == "--at" and len(arg) > 1 and arg[0] == "-" and arg[1].isdigit():
            out[-1] = f"--at={arg}"
        else:
            out.append(arg)
    return out


def build_subcommand_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mapexplorer", description="Map Explorer tools.")
    sub = parser.add_subparsers(dest="command", required=True)
    export = sub.add_parser(
        "export", help="write a catalogue as GeoJSON, CSV or KML, or the map as HTML, PNG or GIF"
    )
    export.add_argument("input", nargs="?", help=INPUT_HELP)
    export.add_argument(
        "--format",
        "-f",
        choices=EXPORT_FORMATS,
        help="what to write (default: from the output's name, e.g. story.gif)",
    )
    export.add_argument(
        "-o", "--output", required=True, help="file to write (- for standard output, with --format)"
    )
    export.add_argument("--size", metavar="WxH", help="png/gif picture size (default 1280x800)")
    export.add_argument(
        "--at", metavar="DATE", help="html/png: the date shown (default: the latest event)"
    )
    export.add_argument(
        "--frames",
        type=int,
        metavar="N",
        help="gif: frames of playback, 2 to 600 (default 60)",
    )
    export.set_defaults(run=export_command)
    events = sub.add_parser("events", help="list a catalogue's events as a table")
    events.add_argument("input", nargs="?", help=INPUT_HELP)
    events.add_argument(
        "--ids", action="store_true", help="also list each event's id (what --select takes)"
    )
    events.set_defaults(run=events_command)
    published_help = "publication date (default: detected from the text)"
    article = sub.add_parser(
        "import-article", help="turn a news text (.txt, .md, .html) into draft events"
    )
    article.add_argument("file", help="the article")
    article.add_argument("--published", metavar="YYYY-MM-DD", help=published_help)
    article.add_argument("-o", "--output", required=True, help="catalogue file to write")
    article.set_defaults(run=import_article_command)
    evaluate = sub.add_parser(
        "evaluate-import", help="measure the importer on the bundled article and its catalogue"
    )
    evaluate.add_argument("--published", metavar="YYYY-MM-DD", help=published_help)
    evaluate.set_defaults(run=evaluate_import_command)
    return parser


def build_window_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mapexplorer",
        description="Explore where and when a news story happened. "
        f"Other commands: {', '.join(SUBCOMMANDS)} (mapexplorer COMMAND --help).",
    )
    parser.add_argument(
        "file",
        nargs="?",
        help="a catalogue, GeoJSON, CSV, Excel (.xlsx), LibreOffice (.ods), KML/KMZ or GPX "
        "file, or a news "
        "story (.txt, .md) to import (default: the file open last time, else the bundled "
        "article)",
    )
    parser.add_argument(
        "--at",
        metavar="DATE",
        help="start at this date: EDTF or ISO (2015-09, -0043-03-15) or written (15 March 44 BC)",
    )
    parser.add_argument("--select", metavar="EVENT_ID", help="select this event")
    parser.add_argument(
        "--size", metavar="WxH", help="window size (default 1280x800, or as last time)"
    )
    parser.add_argument("--screenshot", metavar="PNG", help="save a picture of the window and exit")
    parser.add_argument("--version", action="version", version=f"mapexplorer {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = _joined_negative_dates(sys.argv[1:] if argv is None else argv)
    _printable_anywhere()
    try:
        if argv and argv[0] in SUBCOMMANDS:
            args = build_subcommand_parser().parse_args(argv)
            problem = _local_files(args)
            if problem:
                return _fail(problem)
            if _broken_installation():
                return EXIT_BROKEN_INSTALLATION
            try:
                return args.run(args)
            except BrokenPipeError:
                return _reader_gone()
        args = build_window_parser().parse_args(argv)
        problem = _local_files(args)
        if problem:
            return _fail(problem)
        if _broken_installation(in_a_window=not args.screenshot):
            return EXIT_BROKEN_INSTALLATION
        from mapexplorer.ui.app import run_app

        return run_app(args)
    except KeyboardInterrupt:
        # Ctrl+C: a line, not a traceback; a file being written is left as it was (every
        # file is written whole or not at all).
        print("mapexplorer: interrupted; nothing more was written", file=sys.stderr)
        return EXIT_INTERRUPTED


def _broken_installation(in_a_window: bool = False) -> bool:
    """Say, in a line, that a file the program needs is missing (a broken install): the
    window's first use of it gave a traceback. `in_a_window`: in a message box too (launched
    from a menu or a file manager, there is no terminal to read the line in)."""
    from mapexplorer.paths import missing_file

    missing = missing_file()
    if missing is None:
        return False
    reason = f"this installation is broken: {missing} is missing; reinstall Map Explorer"
    print(f"mapexplorer: {reason}", file=sys.stderr)
    if in_a_window:
        from mapexplorer.ui.app import tell_broken_installation

        tell_broken_installation(reason[0].upper() + reason[1:] + ".")
    return True


_WEB_ADDRESS = re.compile(r"(?:https?|ftp)://", re.IGNORECASE)


def _local_files(args: argparse.Namespace) -> str | None:
    """Why a file argument is a web address (it read "https:/site/…: the file does not exist",
    the slashes folded as a path's), or None; a `file://` address (pasted from a browser) is
    turned into the path it names."""
    for name in ("input", "file"):
        value = getattr(args, name, None)
        if not value:
            continue
        if _WEB_ADDRESS.match(value):
            article = getattr(args, "command", None) == "import-article"
            todo = (
                "save the article from the browser (as .html, or its text as .txt) and import "
                "that file"
                if article
                else "download the file, then open it"
            )
            return (
                f"{value}: a web address, not a file: Map Explorer reads files on this computer "
                f"(it works offline); {todo}"
            )
        if value[:7].lower() == "file://":
            # Imported only here: urllib.request brings http.client, email and ssl (~25 ms
            # before the map's processes start, at every launch).
            from urllib.parse import unquote, urlsplit
            from urllib.request import url2pathname

            setattr(args, name, url2pathname(unquote(urlsplit(value).path)))
    return None


def _printable_anywhere() -> None:
    """A character the terminal's encoding lacks ("–" in a Latin-1 or ASCII terminal, a Cyrillic
    title in a Windows console's code page) is printed as "?", not a crash mid-table."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)  # None: no console, or replaced
        if reconfigure is not None and stream.errors == "strict":
            reconfigure(errors="replace")


def _reader_gone() -> int:
    """The output's reader stopped reading (`mapexplorer events FILE | head`): end quietly, as
    command-line tools do, not with a traceback. Python would try to flush stdout again at
    exit and fail anew: it is pointed at /dev/null first (as Python's documentation advises)."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return 141  # 128 + SIGPIPE, what a shell reports for a tool ended so


if __name__ == "__main__":
    sys.exit(main())
