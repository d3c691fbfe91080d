"""The command line: thin click commands over the library."""
from __future__ import annotations

import json
import sys

import click
from rich.console import Console

from . import __version__, nlp
from .actors import load_dictionary
from .errors import DragomanError
from .model import Analysis
from .pipeline import analyze_items
from .readers import Failed, check_date, check_paths, read_inputs
from .render import print_analysis, print_failure

CONTEXT = {"help_option_names": ["-h", "--help"]}


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "--version", prog_name="dragoman")
def main() -> None:
    """dragoman: who said what, and who did what to whom, in news about diplomacy."""


@main.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "text"]),
              default="text", show_default=True,
              help="json: one object (an array for several articles); jsonl: one line "
                   "per article; text: a readable rendering.")
@click.option("--published", metavar="YYYY-MM-DD",
              help="Publication date for articles that have none; relative dates "
                   "('on Monday') are resolved against it.")
@click.option("--model", metavar="NAME", help="An installed spaCy pipeline to use "
              "instead of en_core_web_sm.")
@click.option("--encoding", default="utf-8", show_default=True,
              help="Encoding of .txt, .html and .jsonl files.")
@click.option("--actors", "actors_file", metavar="FILE",
              type=click.Path(exists=True, dir_okay=False),
              help="A CSV or TSV of actors that adds to or overrides the built-in "
                   "dictionary (columns: name, code, kind; optional aliases, country, "
                   "title; see docs/actors.md).")
def analyze(paths: tuple[str, ...], fmt: str, published: str | None, model: str | None,
            encoding: str, actors_file: str | None) -> None:
    """Analyse articles: actors, quotes with speakers, events.

    PATHS are .txt, .html/.htm or .jsonl files, folders of them (read
    recursively), or - for standard input (the default). An article that cannot be
    read or analysed is reported in its place and the rest go on; the exit status
    is then 1.

    Example:

        dragoman analyze examples/ --format jsonl --published 2022-01-14

        dragoman analyze news/ --actors my-actors.csv --format text
    """
    try:
        published = check_date(published, "--published")
        check_paths(paths)
        dictionary = load_dictionary(actors_file)
        nlp.load(model)
    except DragomanError as exc:
        raise click.UsageError(str(exc)) from None
    console = Console(soft_wrap=False)
    failed = 0
    collected: list[dict] = []
    results = analyze_items(read_inputs(paths, encoding=encoding), published, model=model,
                            dictionary=dictionary)
    for result in results:
        analysis = result if isinstance(result, Analysis) else None
        ident = result.article.id if isinstance(result, Analysis) else result.id
        error = result.error if isinstance(result, Failed) else None
        failed += error is not None
        if fmt == "jsonl":
            obj = analysis.to_dict() if analysis else {"article": {"id": ident}, "error": error}
            sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        elif fmt == "json":
            collected.append(analysis.to_dict() if analysis
                             else {"article": {"id": ident}, "error": error})
        elif analysis:
            print_analysis(console, analysis)
        else:
            print_failure(console, ident, error or "")
        if error and fmt != "text":
            click.echo(f"error: {error}", err=True)
    if fmt == "json":
        out = collected[0] if len(collected) == 1 else collected
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    if failed:
        sys.exit(1)


@main.command(context_settings=CONTEXT)
@click.option("--db", required=True, metavar="FILE", help="The store to read (read-only).")
@click.option("--from", "start", required=True, metavar="YYYY-MM-DD",
              help="First day of the window.")
@click.option("--to", "end", required=True, metavar="YYYY-MM-DD", help="Last day of the window.")
@click.option("--actors", "actor_list", metavar="CODES",
              help="Comma-separated actors whose dyads to report (e.g. USA,RUS,NATO,UKR); "
                   "all dyads by default.")
@click.option("--out", metavar="DIR", help="Write brief.md, brief.html and the chart PNGs "
              "into DIR instead of printing the Markdown.")
def brief(db: str, start: str, end: str, actor_list: str | None, out: str | None) -> None:
    """Better or worse, and why: a briefing over a store, per dyad, every claim cited.

    Compares each dyad's tension in the window with the period before it and lists
    the events and quotes that drove the change, each with its article and sentence
    (docs/trends.md gives the formula). Prints Markdown, or with --out writes
    Markdown and a self-contained HTML page with charts.

    Example:

        dragoman brief --db corpus.db --from 2022-01-10 --to 2022-01-16 --actors USA,RUS,NATO,UKR --out brief/
    """
    from .brief import build_brief, to_markdown, write_brief

    actors = [a.strip().upper() for a in actor_list.split(",") if a.strip()] \
        if actor_list else None
    try:
        result = build_brief(db, start, end, actors, charts=bool(out))
        if out:
            files = write_brief(result, out)
            click.echo(f"wrote {files['md']} and {files['html']}")
        else:
            click.echo(to_markdown(result))
    except DragomanError as exc:
        raise click.UsageError(str(exc)) from None


if __name__ == "__main__":
    main()
