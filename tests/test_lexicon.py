"""The vocabulary in data files (dragoman._lexicon): every list loads, each is defined
once, and no word list is left written in code."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import dragoman
from dragoman import _lexicon as lexicon

SRC = Path(dragoman.__file__).parent
LEX = lexicon.lexicon_dir()
FILES = sorted(p for p in LEX.iterdir() if p.suffix in (".txt", ".tsv"))
#: How many string entries a module-level collection may hold before it counts as a
#: word list that belongs in a data file.
MAX_IN_CODE = 8
#: Module-level string collections of more than MAX_IN_CODE entries that are no
#: vocabulary: labels of spaCy's schemes, codes, punctuation, column names.
NOT_VOCABULARY = {  # by name, wherever the module moves
    "SECTORS": "actor sector codes (CAMEO)",
    "_SECTOR_NAMES": "sector code -> display name",
    "BOUNDARY": "punctuation",
    "NAMED": "spaCy entity labels",
    "_CLAUSE_UP": "spaCy dependency labels",
    "ARG_DEPS": "spaCy dependency labels",
    "_CLIMB": "spaCy dependency labels",
}
#: An entry that reads like a word or phrase of English (not a code, a column name or
#: an identifier).
_WORDLIKE = re.compile(r"^[a-zà-ÿ][a-zà-ÿ .'’-]*$")


def _entries(path: Path) -> list[str]:
    """The raw entries of a lexicon file (key column for a table), in file order."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        out.append(line.split("\t")[0].strip() if path.suffix == ".tsv" else line.strip())
    return out


def test_there_are_lists():
    assert len(FILES) >= 50
    assert lexicon.names() == sorted(p.stem for p in FILES)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_file_loads_with_a_header(path: Path):
    loaded = lexicon.words(path.stem) if path.suffix == ".txt" else lexicon.table(path.stem)
    assert len(loaded) > 0
    head = path.read_text(encoding="utf-8").splitlines()
    assert head[0].startswith(f"# {path.stem}: "), "a header naming the list and its use"
    header = " ".join(line for line in head if line.startswith("#"))
    assert "Source:" in header, "the header says where the words come from"
    assert "Used by " in header or "dragoman/" in header, "the header says who uses it"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_entry_twice_in_a_file(path: Path):
    entries = _entries(path)
    twice = sorted({e for e in entries if entries.count(e) > 1})
    assert not twice, f"{path.name} lists {twice} more than once"
    assert all(e == e.lower() for e in entries), "entries are matched in lower case"


def test_no_list_defined_twice():
    """No two files hold the same entries (one list copied under two names), a name is
    never both a list and a table, and every file is used by the code."""
    stems = [p.stem for p in FILES]
    assert len(stems) == len(set(stems))
    seen: dict[frozenset[str], str] = {}
    for path in FILES:
        key = frozenset(_entries(path))
        assert key not in seen, f"{path.name} repeats {seen[key]}"
        seen[key] = path.name
    code = "\n".join(p.read_text(encoding="utf-8") for p in SRC.rglob("*.py"))
    used = set(re.findall(r'\b(?:words|ordered|table)\("([a-z_]+)"\)', code))
    assert used == set(stems), (f"unused files: {sorted(set(stems) - used)}; "
                                f"missing files: {sorted(used - set(stems))}")


def _strings(node: ast.AST) -> list[str]:
    """The string constants of a literal collection: a set, tuple, list or dict keys,
    ``frozenset(...)``, ``"a b c".split()`` and unions of them."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
            and node.func.id in ("frozenset", "set", "tuple", "list") and node.args:
        return _strings(node.args[0])
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
            and node.func.attr == "split" and isinstance(node.func.value, ast.Constant) \
            and isinstance(node.func.value.value, str):
        return node.func.value.value.split()
    if isinstance(node, (ast.Set, ast.Tuple, ast.List)):
        return [e.value for e in node.elts
                if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    if isinstance(node, ast.Dict):
        return [k.value for k in node.keys
                if isinstance(k, ast.Constant) and isinstance(k.value, str)]
    if isinstance(node, ast.BinOp):
        return _strings(node.left) + _strings(node.right)
    return []


def _word_lists_in_code() -> list[str]:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if not isinstance(node, (ast.Assign, ast.AnnAssign)) or node.value is None:
                continue
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            name = ast.unparse(target)
            strings = _strings(node.value)
            wordlike = [s for s in strings if _WORDLIKE.match(s)]
            if name == "__all__" or name in NOT_VOCABULARY:
                continue
            if len(strings) > MAX_IN_CODE and len(wordlike) * 2 > len(strings):
                found.append(f"{rel}:{node.lineno} {name} ({len(strings)} entries)")
    return found


def test_no_word_list_left_in_code():
    assert _word_lists_in_code() == [], "move these into data/lexicon (see docs/lexicon.md)"


def test_the_scan_finds_a_word_list(tmp_path: Path):
    """The scan above is no empty check: it flags lists written in each usual way."""
    forms = ['frozenset("a b c d e f g h i".split())',
             '{"apple", "pear", "plum", "fig", "kiwi", "lime", "date", "nut", "yam"}',
             'SOME | frozenset(("one", "two", "three", "four", "five", "six", "seven", '
             '"eight", "nine"))']
    for form in forms:
        tree = ast.parse(f"X = {form}")
        value = tree.body[0].value  # type: ignore[attr-defined]
        assert len(_strings(value)) == 9
    assert len(_strings(ast.parse('X = ("nsubj", "dobj")').body[0].value)) == 2  # type: ignore[attr-defined]


def test_not_vocabulary_entries_still_exist():
    """Each exemption names a list that is still there (no stale exemptions)."""
    names = set()
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names |= {ast.unparse(n.targets[0]) for n in tree.body if isinstance(n, ast.Assign)}
    assert set(NOT_VOCABULARY) <= names, sorted(set(NOT_VOCABULARY) - names)


def test_loader_reads_comments_phrases_and_tables(tmp_path: Path, monkeypatch):
    (tmp_path / "fruit.txt").write_text(
        "# fruit: a list for this test.\n\napple\n  green pear  \n# a comment\nplum\n",
        encoding="utf-8")
    (tmp_path / "colour.tsv").write_text(
        "# colour: a table for this test.\nsky\tblue\ngrass\tgreen leaf\nnothing\n",
        encoding="utf-8")
    monkeypatch.setattr(lexicon, "lexicon_dir", lambda: tmp_path)
    for cached in (lexicon.ordered, lexicon.words, lexicon._table):
        cached.cache_clear()
    try:
        assert lexicon.ordered("fruit") == ("apple", "green pear", "plum")
        assert lexicon.words("fruit") == {"apple", "green pear", "plum"}
        assert lexicon.table("colour") == {"sky": "blue", "grass": "green leaf", "nothing": ""}
        assert lexicon.names() == ["colour", "fruit"]
        with pytest.raises(KeyError):
            lexicon.words("vegetables")
    finally:
        for cached in (lexicon.ordered, lexicon.words, lexicon._table):
            cached.cache_clear()


def test_lists_are_read_once():
    assert lexicon.words("document_nouns") is lexicon.words("document_nouns")


def test_first_names_by_gender():
    from dragoman import _coref_words as cw
    genders = lexicon.table("first_names")
    assert set(genders.values()) == {"female", "male"}
    assert cw.FEMALE_NAMES and cw.MALE_NAMES and not cw.FEMALE_NAMES & cw.MALE_NAMES
    assert "ursula" in cw.FEMALE_NAMES and "olaf" in cw.MALE_NAMES
    header = (LEX / "first_names.tsv").read_text(encoding="utf-8")
    assert "nam_dict.txt" in header and "gender-guesser" in header  # the source, named


def test_document_nouns_are_one_list():
    """The quote finder and the speaker resolver share one list of document nouns."""
    from dragoman import _coref
    from dragoman._quotes import speakers, who
    assert who.DOCUMENT_NOUNS is _coref.DOCUMENT_NOUNS is speakers.DOCUMENT_NOUNS
    assert {"statement", "interview", "declaration", "speech"} <= who.DOCUMENT_NOUNS


@pytest.mark.parametrize("text, speaker", [
    ('Foreign Minister Lena Varga of Moravia gave a long interview to state television '
     'on Tuesday. "Our borders stay open to traders," the interview quoted her as saying.',
     "Lena Varga"),
    ('The Moravian foreign ministry published a declaration on Tuesday. "Our borders stay '
     'open to traders," the declaration said.', "Moravian foreign ministry"),
    ('Foreign Minister Lena Varga of Moravia gave a speech in Brno on Tuesday. "Our '
     'borders stay open to traders," the speech said.', "Lena Varga"),
])
def test_a_document_is_no_speaker(text: str, speaker: str):
    """A quote "the declaration said" goes to who issued it (before the two lists of
    document nouns were one, the resolver named the document itself)."""
    quotes = dragoman.analyze(text).quotes
    assert len(quotes) == 1
    assert quotes[0].speaker is not None and quotes[0].speaker.name == speaker


def test_every_list_is_in_the_docs():
    doc = (Path(__file__).parents[1] / "docs" / "lexicon.md").read_text(encoding="utf-8")
    missing = [p.name for p in FILES if f"`{p.name}`" not in doc]
    assert not missing, f"add a row to docs/lexicon.md for {missing}"


def test_docstring_examples_run():
    import doctest
    result = doctest.testmod(lexicon)
    assert result.attempted > 0 and result.failed == 0
