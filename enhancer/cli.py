"""The pix-enhancer command: options in, one sentence out per fact.

The command only parses options, calls the library and turns its known
errors into one sentence on stderr and exit code 1; real bugs still show a
traceback.
"""

from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from enhancer.locales import en, fr

# From how many rows (estimated) a run in a terminal shows a progress bar.
PROGRESS_MIN_ROWS = 5_000


def _help(key: str) -> str:
    """Help in both languages: typer shows it before --lang is read."""
    return f"{fr.HELP[key]} / {en.HELP[key]}"


app = typer.Typer(
    help=_help("app"),
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

Inputs = Annotated[
    list[Path],
    typer.Argument(
        help=_help("inputs"),
        show_default=False,
    ),
]
Lang = Annotated[
    str,
    typer.Option("--lang", help=_help("lang")),
]
Sheet = Annotated[
    str | None,
    typer.Option("--sheet", help=_help("sheet")),
]


@app.callback(help=_help("app"))
def main() -> None:
    """Enrich Pix certification results files."""


@app.command(help=_help("enrich"))
def enrich(
    inputs: Inputs,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help=_help("output"),
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help=_help("force")),
    ] = False,
    sheet: Sheet = None,
    lang: Lang = "fr",
    no_personal_data: Annotated[
        bool,
        typer.Option(
            "--sans-donnees-personnelles",
            "--no-personal-data",
            help=_help("no_personal_data"),
        ),
    ] = False,
    formulas: Annotated[
        bool,
        typer.Option("--formules", "--formulas", help=_help("formulas")),
    ] = False,
) -> None:
    """Write the enriched workbook: levels, colours, explanations."""
    from enhancer.enrich import Options
    from enhancer.enrich import enrich as run
    from enhancer.messages import report_lines

    texts = _texts(lang)
    options = Options(
        output=output,
        force=force,
        sheet=sheet,
        lang=lang,
        drop_personal=no_personal_data,
        formulas=formulas,
    )

    def action():
        paths = _expand(inputs, output)
        with _progress_bar(paths, texts) as progress:
            return run(paths, options, progress)

    report = _guarded(texts, action)
    for line in report_lines(report, texts):
        typer.echo(line)


@app.command(help=_help("check"))
def check(
    inputs: Inputs,
    json_output: Annotated[
        bool,
        typer.Option("--json", help=_help("json")),
    ] = False,
    sheet: Sheet = None,
    lang: Lang = "fr",
) -> None:
    """Check the files and print a summary, writing nothing."""
    import json

    from enhancer.check import as_json, text_lines
    from enhancer.check import check as run
    from enhancer.errors import PixError
    from enhancer.messages import error_message

    texts = _texts(lang)

    def action():
        try:
            return run(_expand(inputs), sheet, lang)
        except PixError as error:
            # A script reading the JSON learns of the refusal there too.
            if json_output:
                refusal = {"usable": False, "error": error_message(error, texts)}
                typer.echo(json.dumps(refusal, ensure_ascii=False))
            raise

    result = _guarded(texts, action)
    if json_output:
        typer.echo(json.dumps(as_json(result), ensure_ascii=False, indent=2))
        return
    for line in text_lines(result, texts):
        typer.echo(line)


def _texts(lang: str):
    from enhancer import locales

    if lang not in locales.LANGUAGES:
        raise typer.BadParameter(_help("lang"), param_hint="--lang")
    return locales.load(lang)


def _expand(inputs: list, output: Path | None = None) -> list:
    """The inputs, with a folder standing for the results files in it (the
    output of an earlier run left out)."""
    from enhancer import errors
    from enhancer.source import results_files

    paths = []
    for path in inputs:
        if path.is_dir():
            found = results_files(path, output)
            if not found:
                raise errors.NoInputInFolder(path=str(path))
            paths.extend(found)
        else:
            paths.append(path)
    return paths


@contextmanager
def _progress_bar(paths: list, texts):
    """A progress callback drawing a bar on stderr, for a long run in a
    terminal; None otherwise, so scripts and CI logs stay quiet."""
    import sys

    if not sys.stderr.isatty():
        yield None
        return

    from enhancer.row_count import estimated_rows

    # A file that cannot tell its rows cheaply (.ods, .xls) gets no bar.
    total = estimated_rows(paths)
    if total is None or total < PROGRESS_MIN_ROWS:
        yield None
        return

    # rich comes with typer; it is imported only when a bar is shown.
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(texts.MESSAGES["progress"], total=total)

        def advance(count: int) -> None:
            # The total is an estimate: a longer file stretches the bar.
            bar.update(task, completed=count, total=max(total, count))

        yield advance


def _guarded(texts, action):
    """Run an action; a known problem becomes one sentence and exit 1."""
    from enhancer.errors import PixError
    from enhancer.messages import error_message

    try:
        return action()
    except PixError as error:
        typer.echo(error_message(error, texts), err=True)
        raise typer.Exit(code=1) from None
    except KeyboardInterrupt:
        typer.echo(texts.MESSAGES["interrupted"], err=True)
        raise typer.Exit(code=130) from None


def _convert_without_pydantic() -> None:
    """Have typer convert this command's values without pydantic.

    Recent typer versions build a pydantic TypeAdapter for every parameter,
    and importing pydantic takes longer than enriching a session's file. The
    parameters here are paths, texts and flags with no checks attached: a
    path is made a Path, a text (or a flag, which click makes a bool) is kept
    as parsed. Anything else, or an older typer without this machinery,
    keeps typer's own conversion.
    """
    try:
        from typer import core
        from typer._coercion import RuntimeParam
    except ImportError:
        return
    typer_build = getattr(core, "build_runtime_param", None)
    if typer_build is None:
        return

    @dataclass(frozen=True)
    class PlainParam(RuntimeParam):
        def _coerce_value(self, value, param, ctx):
            if self.annotation is Path:
                return Path(value)
            if self.annotation == list[Path]:
                return [Path(item) for item in value]
            return value

    def build(descriptor):
        info = descriptor.parameter_info
        plain = (
            descriptor.annotation in _PLAIN_TYPES
            and descriptor.file_annotation is None
            and info.parser is None
            and not (info.exists or info.resolve_path or info.writable)
        )
        if not plain:
            return typer_build(descriptor)
        return PlainParam(annotation=descriptor.annotation, parameter_info=info)

    core.build_runtime_param = build


_PLAIN_TYPES = (Path, list[Path], str, bool)
_convert_without_pydantic()
