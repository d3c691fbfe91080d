"""The command line: thin click commands over the library."""
from __future__ import annotations

import signal
import sys
import threading

import click
from rich.console import Console

from . import __version__, nlp
from .actors import load_dictionary
from .errors import DragomanError
from .limits import DEFAULT_ARTICLE_TIMEOUT
from .model import Analysis
from .output import Terminated, Utf8Console, emit, quiet_broken_pipe, terminate, to_json
from .pipeline import analyze_items
from .readers import (DEFAULT_MAX_CHARS, Failed, check_date, check_encoding, check_paths,
                      read_inputs)
from .render import print_analysis, print_failure

CONTEXT = {"help_option_names": ["-h", "--help"]}


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "--version", prog_name="dragoman")
def main() -> None:
    """dragoman: who said what, and who did what to whom, in news about diplomacy."""


@main.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True, readable=False))
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
              help="Encoding of .txt, .html and .jsonl files (any Python codec).")
@click.option("--actors", "actors_file", metavar="FILE",
              type=click.Path(exists=True, dir_okay=False),
              help="A CSV or TSV of actors that adds to or overrides the built-in "
                   "dictionary (columns: name, code, kind; optional aliases, country, "
                   "title; see docs/actors.md).")
@click.option("--article-timeout", metavar="SECONDS", type=click.FloatRange(min=0),
              default=DEFAULT_ARTICLE_TIMEOUT, show_default=True,
              help="Time budget of one article; an article over it is reported as an "
                   "error in its place (0: no limit).")
@click.option("--max-chars", metavar="N", type=click.IntRange(min=0),
              default=DEFAULT_MAX_CHARS, show_default=True,
              help="Longest article accepted, in characters; a longer one is reported "
                   "as an error in its place (0: no limit; memory grows with length).")
def analyze(paths: tuple[str, ...], fmt: str, published: str | None, model: str | None,
            encoding: str, actors_file: str | None, article_timeout: float,
            max_chars: int) -> None:
    """Analyse articles: actors, quotes with speakers, events.

    PATHS are .txt, .html/.htm or .jsonl files, folders of them (read
    recursively), or - for standard input (the default). An article that cannot be
    read or analysed is reported in its place and the rest go on; the exit status
    is then 1 (130 after Ctrl-C, 143 after SIGTERM).

    Example:

        dragoman analyze examples/ --format jsonl --published 2022-01-14

        dragoman analyze news/ --actors my-actors.csv --format text
    """
    try:
        published = check_date(published, "--published")
        check_encoding(encoding)
        check_paths(paths)
        dictionary = load_dictionary(actors_file)
        nlp.load(model)
    except DragomanError as exc:
        raise click.UsageError(str(exc)) from None
    console = Console(soft_wrap=False, file=Utf8Console(sys.stdout))
    article_timeout = article_timeout or None
    max_chars = max_chars or None
    done = failed = 0
    collected: list[dict] = []
    main_thread = threading.current_thread() is threading.main_thread()
    old_term = signal.signal(signal.SIGTERM, terminate) if main_thread else None
    try:
        results = analyze_items(read_inputs(paths, encoding=encoding, max_chars=max_chars),
                                published, model=model, dictionary=dictionary,
                                article_timeout=article_timeout, max_chars=max_chars)
        for result in results:
            analysis = result if isinstance(result, Analysis) else None
            ident = result.article.id if isinstance(result, Analysis) else result.id
            error = result.error if isinstance(result, Failed) else None
            failed += error is not None
            record = (analysis.to_dict() if analysis
                      else {"article": {"id": ident}, "error": error})
            done += 1  # counted before it is written: a signal waits for the write
            if fmt == "jsonl":
                emit(to_json(record) + "\n")
            elif fmt == "json":
                collected.append(record)
            else:
                with console.capture() as captured:
                    if analysis:
                        print_analysis(console, analysis)
                    else:
                        print_failure(console, ident, error or "")
                emit(captured.get())
            if error and fmt != "text":
                emit(f"error: {error}\n", err=True)
            for warning in analysis.warnings if analysis and fmt != "text" else ():
                emit(f"warning: {ident}: {warning}\n", err=True)
        if fmt == "json":
            out = collected[0] if len(collected) == 1 else collected
            emit(to_json(out, indent=2) + "\n")
    except (KeyboardInterrupt, Terminated) as exc:
        name, status = (("SIGTERM", 143) if isinstance(exc, Terminated)
                        else ("Ctrl-C", 130))
        kept = "were printed" if fmt != "json" else "were not printed (--format json " \
            "prints at the end; use jsonl)"
        emit(f"dragoman: stopped by {name} after {done} article(s) ({failed} failed); "
             f"their complete records {kept}\n", err=True)
        sys.exit(status)
    except BrokenPipeError:
        quiet_broken_pipe()
        sys.exit(141)
    finally:
        if main_thread:
            signal.signal(signal.SIGTERM, old_term)
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
