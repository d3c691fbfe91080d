"""The actor layer's structure: plain functions over one state, a loader that copies
the built-in dictionary for a user file, and modules without import cycles."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from dragoman import _nlp as nlp_mod
import dragoman._actors.load as load
from dragoman._actors import builtin_dictionary, find_actors, load_dictionary
from dragoman._actors.core import free, new_state
from dragoman._actors.dictionary import Entry
from dragoman._actors.people import people
from dragoman._actors.recognize import STEPS, actor_table

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "dragoman" / "_actors"


@pytest.fixture(scope="module")
def nlp():
    return nlp_mod.load()


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_user_file_does_not_rebuild_the_builtin(tmp_path, monkeypatch):
    builtin_dictionary()

    def fail() -> None:
        raise AssertionError("the built-in dictionary was read again")

    monkeypatch.setattr(load, "_read_builtin", fail)
    p = _write(tmp_path, "a.csv", "name,code,kind\nOskar Brandvold,NORGOV,person\n")
    d = load_dictionary(p)
    assert [e.code for e in d.lookup("Oskar Brandvold")] == ["NORGOV"]
    assert d.lookup("Norway") == builtin_dictionary().lookup("Norway")


def test_user_files_apply_to_copies(tmp_path):
    builtin = builtin_dictionary()
    before = builtin.lookup("the Kremlin")
    a = load_dictionary(_write(tmp_path, "a.csv",
                               "name,code,kind,aliases,country,title\n"
                               "Kremlin,RUSGOV,organisation,,RUS,\n"
                               "Marta Kowalczyk,POLGOV,person,,POL,Trade Envoy\n"
                               "lifeguard,CVL,role,,,\n"
                               "Zembla,ZMB,state,Zemblan,,\n"))
    b = load_dictionary(_write(tmp_path, "b.csv", "name,code,kind\nDunmore Pact,DNP,group\n"))
    assert [e.code for e in a.lookup("Kremlin")] == ["RUSGOV"]
    assert a.role("lifeguard") is not None and a.lookup("Zemblan")
    # the built-in dictionary and the other user dictionary saw none of it
    for d in (builtin, b):
        assert d.lookup("Marta Kowalczyk") == [] and d.role("lifeguard") is None
        assert d.lookup("Zembla") == [] and "kowalczyk" not in d.surnames
        assert "lifeguard" not in d.title_words
    assert builtin.lookup("the Kremlin") == before
    assert builtin.lookup("Dunmore Pact") == [] and b.lookup("Dunmore Pact")


def test_copy_shares_no_lists():
    builtin = builtin_dictionary()
    d = builtin.copy()
    entry = Entry("Imaginary Person", "FRAGOV", "person", "person", country="FRA",
                  title="Envoy")
    d.add_name("Imaginary Person", entry)
    d.add_name("Russia", entry)  # a new entry under a built-in phrase
    assert entry not in [e for _, e in builtin.names[("russia",)]]
    assert builtin.lookup("Imaginary Person") == [] and "person" not in builtin.surnames
    assert d.finish().lookup("Imaginary Person") == [entry]


def test_a_malformed_user_file_fails_before_copying(tmp_path, monkeypatch):
    from dragoman import DictionaryError

    monkeypatch.setattr(type(builtin_dictionary()), "copy",
                        lambda self: pytest.fail("copied for a malformed file"))
    with pytest.raises(DictionaryError):
        load_dictionary(_write(tmp_path, "bad.csv", "name,code,kind\nX,bad code,person\n"))


def test_steps_are_functions_over_one_state(nlp):
    doc = nlp("Foreign Minister Ilse Varga met Portuguese officials in Lisbon on Monday.")
    st = new_state(doc, builtin_dictionary())
    assert st.recs == [] and all(c is None for c in st.claimed)
    people(st)
    person = next(r for r in st.recs if r.kind == "person")
    assert person.name == "Ilse Varga"
    s, e = person.spans[0]
    assert not free(st, s, e) and all(st.claimed[i] is person for i in range(s, e))
    for step in STEPS[1:]:
        step(st)
    table = actor_table(st)
    assert [(a.name, a.code) for a in table.actors] == \
        [(a.name, a.code) for a in find_actors(doc).actors]
    assert any(a.code == "PRTGOV" for a in table.actors)


def _imports(path: Path) -> set[str]:
    """The sibling modules a module of the package imports (at any depth)."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                out.add(node.module.split(".")[0])
            else:
                out.update(a.name for a in node.names)
    return out


def test_no_import_cycles_and_no_class_hierarchy():
    graph = {p.stem: _imports(p) for p in PACKAGE.glob("*.py") if p.stem != "__init__"}
    graph = {m: {d for d in deps if d in graph} for m, deps in graph.items()}
    done: set[str] = set()

    def visit(m: str, path: tuple[str, ...]) -> None:
        assert m not in path, "import cycle: " + " -> ".join((*path, m))
        if m in done:
            return
        for dep in graph[m]:
            visit(dep, (*path, m))
        done.add(m)

    for m in graph:
        visit(m, ())
    for p in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                assert not node.bases, f"{p.name}: class {node.name} inherits"
