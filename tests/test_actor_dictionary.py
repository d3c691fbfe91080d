"""The actor dictionary: built-in data, user files (--actors) and their errors."""
from __future__ import annotations

from pathlib import Path

import pytest

from dragoman import _nlp as nlp_mod
from dragoman._actors import builtin_dictionary, find_actors, load_dictionary
from dragoman._actors.dictionary import tokenize
from dragoman import DictionaryError

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.fixture(scope="module")
def nlp():
    return nlp_mod.load()


def test_builtin_is_cached():
    assert builtin_dictionary() is builtin_dictionary()
    assert load_dictionary() is builtin_dictionary()


@pytest.mark.parametrize("phrase,code,kind", [
    ("Russia", "RUS", "state"), ("Russians", "RUS", "state"), ("the Kremlin", "RUS", "state"),
    ("Kosovo", "KSV", "state"), ("Taiwan", "TWN", "state"), ("Palestine", "PSE", "state"),
    ("Côte d'Ivoire", "CIV", "state"), ("NATO", "NATO", "organisation"),
    ("Nato", "NATO", "organisation"), ("the Western alliance", "NATO", "organisation"),
    ("Organization for Cooperation and Security in Europe", "OSCE", "organisation"),
    ("G7", "G7", "organisation"), ("IAEA", "IAEA", "organisation"),
    ("the West", "WST", "group"), ("Antonio Guterres", "UN", "person"),
])
def test_builtin_entries(phrase, code, kind):
    entries = builtin_dictionary().lookup(phrase)
    assert any(e.code == code and e.kind == kind for e in entries), entries


def test_every_un_member_has_a_state():
    states = builtin_dictionary().states
    for code in ("AFG", "BRA", "CHN", "COD", "FJI", "GRC", "KIR", "MEX", "NGA", "TUV",
                 "USA", "ZWE", "SSD"):
        assert code in states


def test_roles():
    d = builtin_dictionary()
    assert d.role("foreign minister").sector == "GOV"
    assert d.role("troops").sector == "MIL"
    assert d.role("rebels").sector == "REB"
    assert d.role("protesters").sector == "CVL"
    assert d.role("state TV").sector == "MED"


def test_tokenize_matches_spacy():
    assert tokenize("Nato-Russia Council") == ("Nato", "-", "Russia", "Council")
    assert tokenize("Washington’s") == ("Washington", "’s")
    assert tokenize("the  Kremlin") == ("the", "Kremlin")


def test_data_files_are_small():
    folder = Path(__file__).resolve().parents[1] / "src" / "dragoman" / "data" / "actors"
    assert sum(p.stat().st_size for p in folder.glob("*")) < 3_000_000


# ---------------------------------------------------------------- user files

def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_user_csv_adds_person_and_group(nlp, tmp_path):
    p = write(tmp_path, "extra.csv",
              "name,code,kind,aliases,country,title\n"
              "Tariq Velani,ARMGOV,person,Velani,ARM,Special Envoy\n"
              "Northern Front,SDNREB,group,the Front,SDN,\n")
    d = load_dictionary(p)
    text = "Tariq Velani met fighters of the Northern Front near the border."
    table = find_actors(nlp(text), dictionary=d)
    people = table.people()
    assert people[0].code == "ARMGOV" and people[0].title == "Special Envoy"
    i = text.index("Northern Front")
    assert table.at(i, i + len("Northern Front"))[0].code == "SDNREB"
    assert builtin_dictionary().lookup("Northern Front") == []  # built-in left alone


def test_user_tsv_overrides(nlp, tmp_path):
    p = write(tmp_path, "extra.tsv",
              "name\tcode\tkind\n# a comment\n\nWhite House\tUSAGOV\torganisation\n")
    d = load_dictionary(p)
    text = "The White House said no."
    table = find_actors(nlp(text), dictionary=d)
    i = text.index("White House")
    assert table.at(i, i + 11)[0].code == "USAGOV"


def test_user_role(nlp, tmp_path):
    p = write(tmp_path, "roles.csv", "name,code,kind\npeacekeepers,MIL,role\n")
    d = load_dictionary(p)
    assert d.role("peacekeepers").sector == "MIL"


@pytest.mark.parametrize("content,message", [
    ("", "empty actor file"),
    ("name,kind\nX,person\n", "lacks the column 'code'"),
    ("name,code,kind,colour\nX,RUS,state,red\n", "unknown column 'colour'"),
    ("name,code,kind\nX,RUSGOV,person,extra\n", ":2: 4 fields"),
    ("name,code,kind\n,RUSGOV,person\n", ":2: empty 'name'"),
    ("name,code,kind\nX,rus gov,person\n", "is not an actor code"),
    ("name,code,kind\nX,RUSGOV,army\n", "kind 'army' is not one of"),
    ("name,code,kind\nX,RUSGOV,state\n", "ISO3 code"),
    ("name,code,kind\nX,ZZZ,role\n", "sector code"),
    ("name,code,kind,country\nX,RUSGOV,person,Russia\n", "not an ISO3 code"),
    ('name,code,kind,title\nX,RUSGOV,person,"Deputy\nMinister"\n', ":2: a quoted field is not closed"),
])
def test_user_file_errors(tmp_path, content, message):
    p = write(tmp_path, "bad.csv", content)
    with pytest.raises(DictionaryError) as info:
        load_dictionary(p)
    assert message in str(info.value)
    assert str(p) in str(info.value)


def test_user_file_missing(tmp_path):
    with pytest.raises(DictionaryError, match="no such actor file"):
        load_dictionary(tmp_path / "nope.csv")


def test_user_file_not_utf8(tmp_path):
    p = tmp_path / "latin.csv"
    p.write_bytes("name,code,kind\nM\xfcller,DEUGOV,person\n".encode("latin-1"))
    with pytest.raises(DictionaryError, match="not UTF-8"):
        load_dictionary(p)


@pytest.mark.skipif(not (DATA / "petrarch").exists(), reason="shared data not present")
def test_build_script_is_reproducible(tmp_path):
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, str(root / "scripts" / "build_actors.py"),
                    "--out", str(tmp_path)], check=True, capture_output=True)
    shipped = root / "src" / "dragoman" / "data" / "actors"
    for name in ("states.tsv", "entries.tsv", "roles.tsv"):
        assert (tmp_path / name).read_bytes() == (shipped / name).read_bytes(), name
