"""The docs: generated pages up to date, every CLI command and option documented, the
site builds, and the examples in docstrings and guides run (doctest)."""
from __future__ import annotations

import doctest
import importlib
import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import click
import pytest

from dragoman._cli import main

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def gen_docs() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_docs", ROOT / "scripts" / "gen_docs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sections(markdown: str) -> dict[str, str]:
    """The text under each ``## heading`` of a page."""
    parts = re.split(r"^## (.+)$", markdown, flags=re.M)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts), 2)}


def undocumented(page: str, root: click.Command) -> list[str]:
    """Each command (``dragoman analyze``) and option (``dragoman analyze --format``)
    under ``root`` that the CLI reference page does not show."""
    documented = sections(page)
    missing = []
    for path, ctx in gen_docs().commands(root):
        name = " ".join(path)
        if name not in documented:
            missing.append(name)
            continue
        for p in ctx.command.params:
            for option in p.opts if isinstance(p, click.Option) else []:
                if not re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", documented[name]):
                    missing.append(f"{name} {option}")
    return missing


def test_every_command_and_option_is_in_the_cli_reference() -> None:
    page = (DOCS / "reference" / "cli.md").read_text(encoding="utf-8")
    assert "dragoman analyze" in sections(page)
    assert undocumented(page, main) == [], "run .venv/bin/python scripts/gen_docs.py"


def test_an_undocumented_command_or_option_is_caught() -> None:
    page = (DOCS / "reference" / "cli.md").read_text(encoding="utf-8")

    @click.group()
    def cli() -> None:
        """A CLI with what the page lacks."""

    @cli.command()
    @click.option("--format")
    @click.option("--frobnicate", "-z")
    def analyze(format: str, frobnicate: str) -> None:
        """Analyse."""

    @cli.command()
    @click.option("--limit")
    def shelve(limit: str) -> None:
        """Another command."""

    assert undocumented(page, cli) == ["dragoman analyze --frobnicate", "dragoman analyze -z",
                                       "dragoman shelve"]


@pytest.mark.parametrize("page", ["cli.md", "ontology.md", "api.md"])
def test_generated_pages_are_current(page: str) -> None:
    expected = gen_docs().PAGES[page]()
    current = (DOCS / "reference" / page).read_text(encoding="utf-8")
    assert current == expected, (
        f"docs/reference/{page} is out of date: run .venv/bin/python scripts/gen_docs.py")


def test_ontology_lists_every_type_and_trigger() -> None:
    from dragoman._events.triggers import lexicon
    from dragoman._model import PLOVER_TYPES

    page = (DOCS / "reference" / "ontology.md").read_text(encoding="utf-8")
    for t in PLOVER_TYPES:
        assert f"\n### {t}\n" in page and f"| {t} | " in page
    lemmas = {e.lemma for entries in lexicon().values() for e in entries}
    assert len(lemmas) > 100
    for lemma in lemmas:
        assert f"| {lemma} | " in page, lemma


def test_every_page_is_in_the_nav() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    pages = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))
    assert "index.md" in pages
    missing = [p for p in pages if f": {p}" not in config]
    assert missing == [], f"add to mkdocs.yml's nav: {missing}"


@pytest.mark.skipif(importlib.util.find_spec("mkdocs") is None, reason="mkdocs is not installed (pip install -e '.[docs]')")
def test_site_builds_strict(tmp_path: Path) -> None:
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir",
                        str(tmp_path / "site")], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-3000:]
    assert (tmp_path / "site" / "reference" / "cli" / "index.html").exists()


# Modules whose docstrings carry examples; the package's own docstring among them.
MODULES = ["dragoman", "dragoman._model", "dragoman._html", "dragoman._component",
           "dragoman._settings"]
GUIDES = ["index.md", "python.md"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0


@pytest.mark.parametrize("page", GUIDES)
def test_guide_examples_run(page: str) -> None:
    result = doctest.testfile(str(DOCS / page), module_relative=False,
                              optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
