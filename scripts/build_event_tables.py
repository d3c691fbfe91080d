"""Write ``data/events/plover.json`` from the CAMEO-to-PLOVER table in ../shared/data.

The table gives, for every CAMEO code, its PLOVER type and mode. Goldstein scores
come from the CAMEO scale (by code, falling back to the two-digit root); quad
classes follow the usual CAMEO grouping (01-05 verbal cooperation, 06-08 material
cooperation, 09-13 verbal conflict, 14-20 material conflict).

Usage: python scripts/build_event_tables.py [path/to/CAMEO2PLOVER-2021.txt]
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/data/plover/CAMEO2PLOVER-2021.txt"
OUT = ROOT / "src/dragoman/data/events/plover.json"

# Goldstein scores of the CAMEO scale (root codes and the codes that differ from them).
GOLDSTEIN = {
    "01": 0.0, "02": 3.0, "03": 4.0, "04": 1.0, "041": 1.0, "042": 1.9, "043": 2.8,
    "044": 2.5, "045": 5.0, "046": 7.0, "05": 3.5, "051": 3.4, "054": 6.0, "055": 7.0,
    "056": 7.0, "057": 8.0, "06": 6.0, "061": 6.4, "062": 7.4, "063": 7.4, "07": 7.0,
    "071": 7.4, "072": 8.3, "073": 7.4, "074": 8.5, "08": 5.0, "084": 7.0, "085": 7.0,
    "086": 9.0, "087": 9.0, "09": -2.0, "10": -5.0, "11": -2.0, "12": -4.0, "125": -5.0,
    "13": -6.0, "130": -4.4, "138": -7.0, "14": -6.5, "15": -7.2, "16": -4.0, "163": -8.0,
    "166": -5.0, "17": -7.0, "173": -5.0, "174": -5.0, "18": -9.0, "19": -10.0, "20": -10.0,
}

# The default CAMEO code of each PLOVER type (its most general code).
DEFAULT = {
    "AGREE": "030", "CONSULT": "040", "SUPPORT": "051", "COOPERATE": "060", "AID": "070",
    "CONCEDE": "080", "RETREAT": "084", "REQUEST": "100", "ACCUSE": "112", "REJECT": "120",
    "THREATEN": "130", "PROTEST": "140", "MOBILIZE": "150", "SANCTION": "160",
    "COERCE": "170", "ASSAULT": "190",
}
# The PLOVER manual's table of quad categories ("Quad categories in PLOVER"): CONCEDE is
# verbal cooperation and SANCTION verbal conflict (unlike CAMEO's root codes 08 and 16).
QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2,
        "RETREAT": 2, "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "SANCTION": 3,
        "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}


def goldstein(code: str) -> float:
    """The Goldstein score of a CAMEO code (longest known prefix)."""
    for n in range(len(code), 1, -1):
        if code[:n] in GOLDSTEIN:
            return GOLDSTEIN[code[:n]]
    return 0.0


def main() -> None:
    codes: dict[str, dict[str, object]] = {}
    line_re = re.compile(r"^(\d{3,4}):\s*([A-Z]+)\s*,\s*([^,#]*)")
    for line in SRC.read_text(encoding="utf-8").splitlines():
        m = line_re.match(line)
        if not m:
            continue
        code, ptype, mode = m.group(1), m.group(2), m.group(3).strip() or None
        codes.setdefault(code, {"type": ptype, "mode": mode, "goldstein": goldstein(code)})
    types: dict[str, dict[str, object]] = {}
    for ptype, code in DEFAULT.items():
        modes: dict[str, str] = {}
        for c, rec in sorted(codes.items()):
            if rec["type"] == ptype and rec["mode"] and rec["mode"] not in modes:
                modes[str(rec["mode"])] = c
        types[ptype] = {"quad_class": QUAD[ptype], "cameo": code,
                        "goldstein": goldstein(code), "modes": modes}
    OUT.write_text(json.dumps({"types": types, "cameo": codes}, indent=1, sort_keys=True) + "\n",
                   encoding="utf-8")
    print(f"wrote {OUT} ({len(types)} types, {len(codes)} CAMEO codes)")


if __name__ == "__main__":
    main()
