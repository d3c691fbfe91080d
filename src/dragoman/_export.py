"""Bulk export of a store: Parquet (partitioned by month), CSV, JSON Lines, GDELT 2.0.

``parquet``, ``csv`` and ``jsonl`` write a folder with one dataset per table:
``corpus_events``, ``events`` (each article's record, with its corpus event), ``quotes``,
``actors``, ``articles`` (with their text). Parquet datasets are hive-partitioned by
``month=YYYY-MM`` (of the event date, or the article's publication date), which pandas,
pyarrow, DuckDB and Spark read as one table. ``gdelt`` writes one tab-separated file
with the 61 columns of the GDELT 2.0 event table, one row per corpus event.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

from ._errors import DragomanError
from ._merge import _is_country

FORMATS = ("parquet", "csv", "jsonl", "gdelt")

TABLES = {
    "corpus_events": "SELECT c.*, substr(c.date, 1, 7) AS month FROM corpus_events c "
                     "ORDER BY c.date, c.id",
    "events": "SELECT e.*, a.url, a.source, a.published, "
              "substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) "
              "AS sentence, substr(coalesce(e.date, a.published), 1, 7) AS month "
              "FROM events e JOIN articles a ON a.id = e.article_id "
              "ORDER BY e.article_id, e.rowid",
    "quotes": "SELECT q.*, a.url, a.published, substr(a.published, 1, 7) AS month "
              "FROM quotes q JOIN articles a ON a.id = q.article_id "
              "ORDER BY q.article_id, q.rowid",
    "actors": "SELECT x.*, substr(a.published, 1, 7) AS month FROM actors x "
              "JOIN articles a ON a.id = x.article_id ORDER BY x.article_id, x.actor_id",
    "articles": "SELECT id, text_hash, title, published, url, source, duplicate_of, "
                "analyzer_version, analyzed_at, text, substr(published, 1, 7) AS month "
                "FROM articles ORDER BY rowid",
}

GDELT_COLUMNS = (
    "GLOBALEVENTID SQLDATE MonthYear Year FractionDate "
    "Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode "
    "Actor1Religion1Code Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code "
    "Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode "
    "Actor2Religion1Code Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code "
    "IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale "
    "NumMentions NumSources NumArticles AvgTone "
    "Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code "
    "Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID "
    "Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code "
    "Actor2Geo_ADM2Code Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID "
    "ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code "
    "ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID "
    "DATEADDED SOURCEURL").split()

_GDELT_SQL = """
WITH firsts AS (SELECT corpus_event_id AS ce, min(rowid) AS rid FROM events
                WHERE corpus_event_id IS NOT NULL GROUP BY corpus_event_id)
SELECT c.*, e.article_id, e.sentence_start, e.lat AS e_lat, e.lon AS e_lon,
       a.url, a.ingested_at, substr(a.text, 1, e.sentence_start) AS before,
       s.name AS source_name, t.name AS target_name
FROM corpus_events c JOIN firsts f ON f.ce = c.id JOIN events e ON e.rowid = f.rid
JOIN articles a ON a.id = e.article_id
LEFT JOIN actors s ON s.article_id = e.article_id AND s.actor_id = e.source_actor
LEFT JOIN actors t ON t.article_id = e.article_id AND t.actor_id = e.target_actor
{where} ORDER BY c.date, c.id
"""


def export(store, out: str | Path, fmt: str, *, include_hypothetical: bool = False) -> dict:
    """Write the store's data to ``out`` in ``fmt``; returns rows written per dataset."""
    if fmt not in FORMATS:
        raise DragomanError(f"unknown export format {fmt!r}; choose one of "
                            f"{', '.join(FORMATS)}")
    out = Path(out)
    if fmt == "gdelt":
        return {"gdelt": write_gdelt(store, out, include_hypothetical=include_hypothetical)}
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, sql in TABLES.items():
        cur = store.conn.execute(sql)
        columns = [d[0] for d in cur.description]
        rows = [tuple(r) for r in cur]
        written[name] = len(rows)
        if fmt == "parquet":
            _parquet(out / name, columns, rows)
        elif fmt == "csv":
            with (out / f"{name}.csv").open("w", newline="", encoding="utf-8") as fh:
                w = csv.writer(fh)
                w.writerow(columns)
                w.writerows(rows)
        else:
            with (out / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
                for r in rows:
                    fh.write(json.dumps(dict(zip(columns, r)), ensure_ascii=False) + "\n")
    return written


def _parquet(folder: Path, columns: list[str], rows: list[tuple]) -> None:
    """A hive-partitioned Parquet dataset (``month=YYYY-MM``; ``month=unknown`` when the
    row has no date)."""
    import shutil

    import pyarrow as pa
    import pyarrow.dataset as ds

    if folder.exists():
        shutil.rmtree(folder)  # a re-export replaces the dataset, never mixes in old parts
    data = {c: [r[i] for r in rows] for i, c in enumerate(columns)}
    data["month"] = [m or "unknown" for m in data["month"]]
    table = pa.table(data) if rows else pa.table(
        {c: pa.array([], type=pa.string()) for c in columns})
    ds.write_dataset(table, folder, format="parquet", partitioning=["month"],
                     partitioning_flavor="hive", existing_data_behavior="overwrite_or_ignore",
                     basename_template="part-{i}.parquet")


def _role(code: str | None) -> str:
    """GDELT's Type1Code: the role after a country code (RUSGOV -> GOV)."""
    if code and len(code) > 3 and _is_country(code[:3]):
        return code[3:6]
    return ""


def _country(code: str | None) -> str:
    return code[:3] if code and _is_country(code[:3]) else ""


def _group(code: str | None) -> str:
    """GDELT's KnownGroupCode: an organisation's code (NATO, EU, UN)."""
    return code if code and not _is_country(code[:3]) else ""


def gdelt_row(r: Any) -> list[Any]:
    """One corpus event as the 61 GDELT 2.0 event columns."""
    date = dt.date.fromisoformat(r["date"]) if r["date"] else None
    added = (r["ingested_at"] or "")[:19].replace("-", "").replace("T", "").replace(":", "")
    geo_type = 0
    if r["location_country"] or r["location_name"]:
        geo_type = 4 if r["e_lat"] is not None and r["location_name"] else 1
    action_geo = [geo_type, r["location_name"] or "", r["location_country"] or "", "", "",
                  "" if r["e_lat"] is None else r["e_lat"],
                  "" if r["e_lon"] is None else r["e_lon"], ""]
    empty_geo = [0, "", "", "", "", "", "", ""]
    actor1 = [r["source_code"] or "", (r["source_name"] or "").upper(),
              _country(r["source_code"]), _group(r["source_code"]), "", "", "",
              _role(r["source_code"]), "", ""]
    actor2 = [r["target_code"] or "", (r["target_name"] or "").upper(),
              _country(r["target_code"]), _group(r["target_code"]), "", "", "",
              _role(r["target_code"]), "", ""]
    cameo = r["cameo"] or ""
    return [
        int(r["id"].removeprefix("ce-")[:15], 16),
        date.strftime("%Y%m%d") if date else "",
        date.strftime("%Y%m") if date else "",
        date.year if date else "",
        round(date.year + (date.timetuple().tm_yday - 1) / 365, 4) if date else "",
        *actor1, *actor2,
        int("\n\n" not in (r["before"] or "")),  # reported in the lead paragraph
        cameo, cameo[:3], cameo[:2], r["quad_class"], r["goldstein"],
        r["num_mentions"], r["num_sources"], r["num_articles"], 0,  # no tone analysis
        *empty_geo, *empty_geo, *action_geo,
        added, r["url"] or "",
    ]


def write_gdelt(store, out: Path, *, include_hypothetical: bool = False) -> int:
    """GDELT 2.0 event rows, tab-separated without a header (as GDELT's own files)."""
    where = "" if include_hypothetical else "WHERE c.factual = 1"
    rows = store.conn.execute(_GDELT_SQL.format(where=where)).fetchall()
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                       escapechar="\\")
        for r in rows:
            w.writerow(gdelt_row(r))
    return len(rows)
