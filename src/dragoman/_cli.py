"""The command line: thin click commands over the library."""
from __future__ import annotations

import json
import signal
import sqlite3
import sys
import threading
from collections.abc import Callable
from typing import IO, Any, cast

import click
from rich.console import Console

from . import __version__, _nlp as nlp
from ._actors import load_dictionary
from ._errors import DragomanError
from ._limits import DEFAULT_ARTICLE_TIMEOUT
from ._model import Analysis
from ._output import Terminated, Utf8Console, emit, quiet_broken_pipe, terminate, to_json
from ._pipeline import analyze_items
from ._readers import (DEFAULT_MAX_CHARS, Failed, check_date, check_encoding, check_paths,
                      read_inputs)
from ._render import print_analysis, print_failure
from ._settings import UNSET, Settings, resolve

CONTEXT = {"help_option_names": ["-h", "--help"]}


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "--version", prog_name="dragoman")
def main() -> None:
    """dragoman: who said what, and who did what to whom, in news about diplomacy.

    Environment: DRAGOMAN_<SETTING> variables set what no option sets, for
    example DRAGOMAN_EVENT_CLASSIFIER=0, DRAGOMAN_EVENT_ROLES=0 and
    DRAGOMAN_EVENT_SENSE=0 (the trained event models off: rules alone); every
    setting is a field of dragoman.Settings (docs/python.md).
    """


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
        settings = _settings(model=model, article_timeout=article_timeout or None,
                             max_chars=max_chars or None)
        nlp.load(settings.model)
    except DragomanError as exc:
        raise click.UsageError(str(exc)) from None
    # rich writes to the file-like wrapper (write, flush, isatty: what it uses)
    console = Console(soft_wrap=False, file=cast(IO[str], Utf8Console(sys.stdout)))
    done = failed = 0
    collected: list[dict] = []
    main_thread = threading.current_thread() is threading.main_thread()
    old_term = signal.signal(signal.SIGTERM, terminate) if main_thread else None
    try:
        results = analyze_items(read_inputs(paths, encoding=encoding,
                                            max_chars=settings.max_chars),
                                published, dictionary=dictionary, settings=settings)
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


def _settings(*, model: str | None, **options: object) -> Settings:
    """The settings of a command: the ``DRAGOMAN_*`` environment variables (see
    ``dragoman.Settings``) under the options given on the command line."""
    return resolve(None, model=model if model else UNSET, **options)


# -- corpus commands: ingest into a store, re-analyse, query, export ----------------------

DB_OPTION = click.option("--db", default="dragoman.db", show_default=True, metavar="FILE",
                         help="The corpus store (SQLite; created when missing).")


def _engine_options(fn):
    fn = click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
                      help="Local processes that analyse (each loads the model once).")(fn)
    fn = click.option("--scheduler", metavar="tcp://HOST:PORT",
                      help="Analyse on this Dask cluster instead (pip install "
                           "'dragoman[cluster]').")(fn)
    fn = click.option("--batch-size", type=click.IntRange(min=1), default=32,
                      show_default=True, help="Articles per batch and per transaction.")(fn)
    fn = click.option("--model", metavar="NAME", help="An installed spaCy pipeline to use "
                      "instead of en_core_web_sm.")(fn)
    fn = click.option("--actors", "actors_file", metavar="FILE",
                      type=click.Path(exists=True, dir_okay=False),
                      help="A CSV or TSV of extra actors (see docs/actors.md).")(fn)
    return fn


def _damaged(db: str, exc: Exception) -> str:
    return (f"{db}: the store cannot be read or written ({exc}); if it is damaged, "
            "ingest into a new --db file and keep this one for recovery")


def _print_summary(summary, verb: str) -> None:
    for line in summary.lines():
        click.echo(f"{verb}: {line}")
    for error in summary.errors[:20]:
        click.echo(f"error: {error}", err=True)
    if len(summary.errors) > 20:
        click.echo(f"error: ... and {len(summary.errors) - 20} more (see the errors table)",
                   err=True)


@main.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1)
@DB_OPTION
@click.option("--published", metavar="YYYY-MM-DD",
              help="Publication date for articles that have none.")
@click.option("--encoding", default="utf-8", show_default=True,
              help="Encoding of .txt, .html and .jsonl files.")
@click.option("--timeout", type=float, default=20.0, show_default=True,
              help="Seconds to wait for a web server (feeds and their pages).")
@_engine_options
def ingest(paths: tuple[str, ...], db: str, published: str | None, encoding: str,
           timeout: float, workers: int, scheduler: str | None, batch_size: int,
           model: str | None, actors_file: str | None) -> None:
    """Analyse articles into a corpus store, skipping what it already holds.

    PATHS are what `analyze` reads (.txt, .html, .jsonl files, folders, - for
    standard input) plus RSS/Atom feeds (.rss, .atom, .xml files or http(s) URLs;
    each entry's page is fetched) and WARC files (.warc, .warc.gz). Exact and
    near-duplicate copies are linked to the stored article, not stored twice;
    reports of one event are merged into corpus events. Safe to interrupt and re-run.

    Example:

        dragoman ingest examples/ --db corpus.db

        dragoman ingest https://example.org/feed.xml crawl.warc.gz --db corpus.db --workers 2
    """
    from . import _corpus as corpus, _engines as engines
    from ._sources import count_inputs, read_sources

    try:
        published = check_date(published, "--published")
        load_dictionary(actors_file)
        job = engines.Job(_settings(model=model), actors_file, published)
        items = read_sources(paths, encoding=encoding, timeout=timeout)
        total = count_inputs(paths)
    except DragomanError as exc:
        raise click.UsageError(str(exc)) from None
    _run_corpus("ingest", db, workers, scheduler, job, total,
                lambda store, engine, progress: corpus.ingest(
                    store, items, engine=engine, batch_size=batch_size, on_progress=progress))


@main.command(context_settings=CONTEXT)
@DB_OPTION
@click.option("--all", "everything", is_flag=True,
              help="Re-analyse every article, not only those of an older version.")
@_engine_options
def reanalyze(db: str, everything: bool, workers: int, scheduler: str | None,
              batch_size: int, model: str | None, actors_file: str | None) -> None:
    """Re-run the current analyser over stored articles analysed by an older version.

    Their records are replaced and their events re-merged, batch by batch (each in
    one transaction); nothing is fetched again.

    Example:

        dragoman reanalyze --db corpus.db --workers 2
    """
    from . import _corpus as corpus, _engines as engines

    try:
        job = engines.Job(_settings(model=model), actors_file)
    except DragomanError as exc:
        raise click.UsageError(str(exc)) from None
    _run_corpus("reanalyze", db, workers, scheduler, job, None,
                lambda store, engine, progress: corpus.reanalyze(
                    store, engine=engine, batch_size=batch_size, everything=everything,
                    on_progress=progress))


def _run_corpus(name: str, db: str, workers: int, scheduler: str | None, job: Any,
                total: int | None, work: Callable[[Any, Any, Any], Any]) -> None:
    """Open the store and the engine, run ``work(store, engine, progress)`` under a
    progress reporter, print its summary, exit 1 when an article failed."""
    from . import _engines as engines
    from ._progress import reporter
    from ._store import open_store

    try:
        store = open_store(db)
        engine = engines.make(workers, scheduler, job)
        with reporter(name, total=total) as progress:
            summary = work(store, engine, progress)
        engine.close()
    except DragomanError as exc:
        raise click.UsageError(str(exc)) from None
    except sqlite3.DatabaseError as exc:
        raise click.ClickException(_damaged(db, exc)) from None
    _print_summary(summary, name)
    if summary.failed:
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
    from ._brief import build_brief, to_markdown, write_brief

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


@main.command(context_settings=CONTEXT)
@click.option("--db", required=True, metavar="FILE", help="The store to show (opened read-only).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default answers this machine only. Give "
                   "0.0.0.0 only on a trusted network: there is no login.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
def serve(db: str, host: str, port: int) -> None:
    """The dashboard: trends, events, the actor network, quotes, actors and articles.

    Opens the store read-only, so an ingest may keep writing to it. Every page has a
    JSON twin under /api (schema at /openapi.json, listed at /docs). Works offline:
    scripts and charts are served by the app.

    Example:

        dragoman serve --db corpus.db            # then open http://127.0.0.1:8000/
    """
    import uvicorn

    from ._web.app import create_app

    try:
        app = create_app(db)
    except DragomanError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"dragoman dashboard on http://{host}:{port}/ (Ctrl-C stops it)")
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _query_options(fn):
    options = [
        click.option("--db", default="dragoman.db", show_default=True, metavar="FILE",
                     help="The corpus store to read."),
        click.option("--actor", metavar="CODE|NAME",
                     help="An actor code (RUS, RUSGOV, NATO; a country code matches its "
                          "roles) or part of a name."),
        click.option("--since", metavar="YYYY-MM-DD", help="First date, inclusive."),
        click.option("--until", metavar="YYYY-MM-DD", help="Last date, inclusive."),
        click.option("--search", metavar="QUERY",
                     help="Full-text search (SQLite FTS5 syntax): article text for events "
                          "and actors, quote text and speaker for quotes."),
        click.option("--limit", type=click.IntRange(min=1), help="At most this many rows."),
        click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl", "json"]),
                     default="table", show_default=True, help="Output format."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def _emit(rows, fmt: str, title: str) -> None:
    """Print query rows as a table, CSV, JSON Lines or one JSON array."""
    import csv as csv_mod

    columns = list(rows.columns)
    if fmt == "jsonl":
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "json":
        sys.stdout.write(json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        w = csv_mod.DictWriter(sys.stdout, fieldnames=columns, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    else:
        from rich.table import Table

        shown = [c for c in _TABLE_COLUMNS[title] if c in columns]
        table = Table(title=f"{title}: {len(rows)} rows (--format csv|jsonl|json for all "
                            "columns)", title_justify="left")
        def cell(r: dict, c: str, limit: int) -> str:
            text = " ".join(str(r[c]).split()) if r[c] is not None else ""
            return text if len(text) <= limit else text[:limit - 1] + "…"

        console = Console(soft_wrap=True)
        if not console.is_terminal:
            console = Console(soft_wrap=True, width=max(console.width, 140))
        narrow = {c: max([len(_HEADERS.get(c, c))] + [len(cell(r, c, 20)) for r in rows])
                  for c in shown if c not in ("sentence", "text")}
        wide = max(24, console.width - sum(w + 3 for w in narrow.values()) - 4)
        for c in shown:
            table.add_column(_HEADERS.get(c, c), no_wrap=True, min_width=narrow.get(c))
        for r in rows:
            table.add_row(*(cell(r, c, 20 if c in narrow else wide) for c in shown))
        console.print(table)


_TABLE_COLUMNS = {
    "events": ["date", "type", "source_code", "target_code", "location_country",
               "num_articles", "num_sources", "article_id", "sentence"],
    "quotes": ["published", "speaker_name", "speaker_code", "article_id", "text"],
    "actors": ["code", "name", "kind", "articles", "mentions", "quotes"],
}
_HEADERS = {"source_code": "source", "target_code": "target", "location_country": "place",
            "num_articles": "articles", "num_sources": "sources", "speaker_name": "speaker",
            "speaker_code": "code"}


def _run_query(kind: str, db: str, fmt: str, **filters) -> None:
    from . import _query as query
    from ._store import open_store

    try:
        store = open_store(db, readonly=True)
        f = query.Filters.of(**filters)
        rows = {"events": query.event_rows, "quotes": query.quote_rows,
                "actors": query.actor_rows}[kind](store, f)
    except DragomanError as exc:
        raise click.UsageError(str(exc)) from None
    except sqlite3.DatabaseError as exc:
        raise click.ClickException(_damaged(db, exc)) from None
    _emit(rows, fmt, kind)


@main.command(context_settings=CONTEXT)
@_query_options
@click.option("--dyad", metavar="SRC-TGT", help="Source and target codes, e.g. RUS-UKR "
              "(either order for CONSULT and COOPERATE).")
@click.option("--type", "types", multiple=True, metavar="TYPE",
              help="PLOVER type (repeatable): CONSULT, ACCUSE, ASSAULT, ...")
@click.option("--quad-class", "quad", multiple=True, type=click.IntRange(1, 4),
              help="1 verbal cooperation, 2 material cooperation, 3 verbal conflict, "
                   "4 material conflict (repeatable).")
@click.option("--include-hypothetical", is_flag=True,
              help="Also list negated and hypothetical events (factual only by default).")
@click.option("--mentions", is_flag=True,
              help="One row per article's record instead of one per corpus event.")
def events(db: str, fmt: str, types: tuple[str, ...], quad: tuple[int, ...],
           **filters) -> None:
    """Corpus events (one real-world event however many articles report it).

    Each row gives NumArticles/NumSources and the evidence: the first report's
    article id, URL and sentence (offsets into its text).

    Example:

        dragoman events --db corpus.db --dyad RUS-UKR --since 2022-01-01 --format csv
    """
    _run_query("events", db, fmt, type=types, quad_class=quad, **filters)


@main.command(context_settings=CONTEXT)
@_query_options
@click.option("--speaker", metavar="NAME|CODE", help="Part of the speaker's name, or a code.")
def quotes(db: str, fmt: str, **filters) -> None:
    """Quotes with their speakers, article and offsets.

    Example:

        dragoman quotes --db corpus.db --speaker Lavrov --search sanctions
    """
    _run_query("quotes", db, fmt, **filters)


@main.command(context_settings=CONTEXT)
@_query_options
def actors(db: str, fmt: str, **filters) -> None:
    """Actors in the store: how many articles, mentions and quotes each has.

    Example:

        dragoman actors --db corpus.db --actor RUS --format json
    """
    _run_query("actors", db, fmt, **filters)


@main.command(context_settings=CONTEXT)
@click.option("--db", default="dragoman.db", show_default=True, metavar="FILE",
              help="The corpus store to read.")
@click.option("--format", "fmt", type=click.Choice(["parquet", "csv", "jsonl", "gdelt"]),
              default="parquet", show_default=True,
              help="parquet/csv/jsonl: a folder with one dataset per table (Parquet "
                   "partitioned by month); gdelt: one GDELT 2.0 event table file (TSV).")
@click.option("--out", "out", required=True, metavar="PATH",
              help="The folder (or, for gdelt, the file) to write.")
@click.option("--include-hypothetical", is_flag=True,
              help="gdelt: also write negated and hypothetical events.")
def export(db: str, fmt: str, out: str, include_hypothetical: bool) -> None:
    """Export a store for pandas, DuckDB, Spark or GDELT scripts.

    Example:

        dragoman export --db corpus.db --format parquet --out corpus-parquet/

        dragoman export --db corpus.db --format gdelt --out events.tsv
    """
    from ._export import export as run_export
    from ._store import open_store

    try:
        written = run_export(open_store(db, readonly=True), out, fmt,
                             include_hypothetical=include_hypothetical)
    except DragomanError as exc:
        raise click.UsageError(str(exc)) from None
    except sqlite3.DatabaseError as exc:
        raise click.ClickException(_damaged(db, exc)) from None
    for name, n in written.items():
        click.echo(f"export: {name}: {n} rows -> {out}")


if __name__ == "__main__":
    main()
