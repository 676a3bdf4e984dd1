#!/usr/bin/env python3
"""Merge the staging extractions into the data files of the project.

Run from the project root:   .venv/bin/python data/staging/merge.py

Reads
    data/staging/key/{indicators,targets,observations,report_assessment}.csv   (key indicators, lines 54-116;
        authored by data/staging/key/build_key.py: kept EXACTLY, ids included, and written first)
    data/staging/{economy,sectors,party,tasks}/{indicators,targets,observations,skipped}.csv and notes.md
Writes (atomically: temp file + os.replace; UTF-8, '\\n' line ends, csv-module quoting)
    data/indicators.csv, data/targets.csv, data/observations.csv, data/report_assessment.csv (byte copy of key's)
    data/coverage_skipped.csv      the four skipped.csv, sorted by raw line
    data/localities.csv            canonical ward/commune, kind, every spelling variant found in the raw text
    data/staging/NOTES.md          the four notes.md under headings, plus the merge decisions below
Checks (not written): every obs id cited in data/staging/INCONSISTENCIES.md exists.

Every conflict between workers is resolved by one of the decision tables below (nothing silent). The
script refuses to run (exit 1) when it meets a conflict no table covers, or when a table entry matches
nothing (a stale decision): fix the table, never the raw text.

Order of the rows: the key rows first, in their own order; then by chapter (the order of
chitieu.schema.CHAPTERS), then by position in the raw text (line of the quote), then by worker and file order.

Obs ids of the worker rows are rebuilt by the contract's rule
    <indicator_id>.<period, '/' -> '_'>[.<locality slug>][.b|.c|...]
the suffix being the next letter free in output order (key ids are reserved first). Renames are printed
and listed at the end of NOTES.md.
"""

from __future__ import annotations

import csv
import io
import os
import re
import sys
import tempfile
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
STAGING = DATA / "staging"
RAW = DATA / "raw" / "bao_cao_so_ket_giua_nhiem_ky_2020_2025.txt"
sys.path.insert(0, str(ROOT / "src"))
from chitieu import schema  # noqa: E402  (pure module: the enumerations of the data contract)

WORKERS = ("economy", "sectors", "party", "tasks")
# Raw lines each extractor covered (1-based, inclusive). Used to place a quote that occurs on several lines.
LINE_RANGES = {
    "key": [(54, 116)],
    "economy": [(102, 175)],
    "sectors": [(176, 275)],
    "party": [(276, 391)],
    "tasks": [(1, 53), (392, 656)],
}

SOURCE_REF_RE = re.compile(r"P[12]:[A-Za-z0-9.()\-]+(?::(?:fn\d+|\(\d+\)))*")

LOCALITY_SLUGS = {
    "Tứ Hạ": "tu_ha",
    "Hương Văn": "huong_van",
    "Hương Vân": "huong_vaan",  # â = aa (Telex), so Văn and Vân do not collide
    "Hương Xuân": "huong_xuan",
    "Hương Chữ": "huong_chu",
    "Hương Toàn": "huong_toan",
    "Hương Bình": "huong_binh",
    "Bình Tiến": "binh_tien",
    "Bình Thành": "binh_thanh",
}

# ------------------------------------------------------------------------------------------------------
# DECISION TABLES
# ------------------------------------------------------------------------------------------------------

# 1. The same indicator defined under two ids: old id -> kept id (applies to definitions, targets, rows).
INDICATOR_ID_MAP: dict[str, tuple[str, str]] = {
    "party_admissions_annual": (
        "party_admissions_per_year",
        "economy's 'Hàng năm kết nạp từ 65 - 80 đảng viên' (l.114) is the key author's party_admissions_per_year",
    ),
    "mechanization_land_prep_rate": (
        "land_preparation_mechanization_rate",
        "cơ giới hóa khâu làm đất, stated at l.148 (economy, first) and l.250 (sectors); kept economy's, chapter kinh_te",
    ),
    "mechanization_rice_harvest_rate": (
        "rice_machine_harvest_rate",
        "lúa thu hoạch bằng máy, stated at l.148 (economy, first) and l.250 (sectors); kept economy's, chapter kinh_te",
    ),
    "health_insurance_rate": (
        "health_insurance_coverage_rate",
        "BHYT coverage: sectors' actual (l.210) and tasks' 2025 target (l.540) are one indicator; kept sectors'",
    ),
    "rural_concrete_roads_km": (
        "concrete_alley_roads",
        "'hơn 100km đường bê tông' stated at l.42 (tasks, first) and l.174 (economy); kept tasks' id",
    ),
    "communes_merged_into_hue": (
        "merged_localities_to_hue",
        "'06 phường, xã sáp nhập thành phố Huế' stated at l.26 (tasks, first) and l.384 (party); kept tasks' id",
    ),
}

# 2. One id defined by two workers with different texts: which definition is kept, and overrides of it.
SHARED_ID_DEFINITION: dict[str, tuple[str, dict[str, str], str]] = {
    "industrial_cluster_planned_area": (
        "economy",
        {
            "name_vi": "Diện tích cụm công nghiệp theo quy hoạch",
            "name_en": "Planned area of industrial clusters",
            "description_vi": "Diện tích (ha) của từng cụm công nghiệp theo quy hoạch: cụm đã có quy hoạch chi tiết 1/500 "
            "và các cụm mới thị xã đề nghị bổ sung quy hoạch; báo cáo không nêu số tổng.",
        },
        "economy (l.112, Bình Thành 32ha, detailed plan) and tasks (l.548, parent of 4 proposed clusters) both defined it; "
        "kept economy's definition widened to cover both, the Bình Thành row moved to a part (see 3)",
    ),
}

# 3. New indicators created by the merge (parts needed by a decision above).
NEW_INDICATORS: list[dict[str, str]] = [
    {
        "indicator_id": "industrial_cluster_planned_area__cluster__binh_thanh",
        "chapter": "kinh_te",
        "name_vi": "Diện tích cụm công nghiệp Bình Thành theo quy hoạch chi tiết",
        "name_en": "Area of the Bình Thành industrial cluster (detailed plan)",
        "unit": "ha",
        "higher_is_better": "",
        "resolution_no": "",
        "description_vi": "Quy mô diện tích cụm công nghiệp Bình Thành theo quy hoạch chi tiết 1/500 đã được phê duyệt.",
    },
]

# 4. Rows moved to another indicator: (worker, worker's obs_id) -> indicator id.
OBS_INDICATOR_REMAP: dict[tuple[str, str], tuple[str, str]] = {
    ("economy", "industrial_cluster_planned_area.2023.binh_thanh"): (
        "industrial_cluster_planned_area__cluster__binh_thanh",
        "one cluster's area is a part of the parent, like tasks' four clusters, not the parent itself",
    ),
}

# 5. Targets moved to another indicator: (worker, indicator_id, source_quote) -> indicator id.
TARGET_INDICATOR_REMAP: dict[tuple[str, str, str], tuple[str, str]] = {
    ("party", "party_admissions", "hàng năm kết nạp từ 65 - 80 đảng viên"): (
        "party_admissions_per_year",
        "65-80 is a per-year bound; party_admissions holds period totals (243/247) and part-years, "
        "so the target belongs to party_admissions_per_year",
    ),
}

# 6. Worker rows dropped: (worker, worker's obs_id) -> reason.
_SAME_PLACE = "repeats the key row at the same place (footnote ¹ l.114 pushed past the page break), extracted twice"
DROP_OBS: dict[tuple[str, str], str] = {
    ("economy", "party_admissions_annual.2020-2023"): _SAME_PLACE + " = party_admissions_per_year.2020-2023",
    ("economy", "party_admissions_annual.2020-2023.b"): _SAME_PLACE + " = party_admissions_per_year.2020-2023.b",
    ("economy", "party_admissions.2020-07_2020-12"): _SAME_PLACE + " = party_admissions.2020-07_2020-12",
    ("economy", "party_admissions.2021"): _SAME_PLACE + " = party_admissions.2021 (longer quote of the same words)",
    ("economy", "party_admissions.2022"): _SAME_PLACE + " = party_admissions.2022 (longer quote of the same words)",
    ("economy", "party_admissions.2023-01_2023-05"): _SAME_PLACE + " = party_admissions.2023-01_2023-05",
    ("economy", "party_members_total.2023"): _SAME_PLACE + " = party_members_total.2023",
    ("economy", "party_grassroots_orgs.2023"): _SAME_PLACE + " = party_grassroots_orgs.2023",
}

# 7. Worker targets dropped: (worker, indicator_id, source_quote) -> reason.
DROP_TARGETS: dict[tuple[str, str, str], str] = {
    (
        "economy",
        "village_heads_party_member_rate",
        "phấn đấu trên 80% trưởng thôn, tổ trưởng tổ dân phố là đảng viên",
    ): "repeats the key target at the same place (footnote ² l.116)",
    (
        "economy",
        "party_secretary_village_head_rate",
        "trên 50% thôn, tổ dân phố có bí thư chi bộ kiêm trưởng thôn, tổ trưởng tổ dân phố",
    ): "repeats the key target at the same place (footnote ² l.116)",
    (
        "party",
        "village_heads_party_member_rate",
        "phấn đấu trên 80% trưởng thôn, tổ trưởng tổ dân phố là đảng viên",
    ): "l.336 repeats footnote ² of l.116 word for word and the quote is identical to the key target's: kept one",
}
# (party's l.336 target for party_secretary_village_head_rate is KEPT: its quote differs from the key's.)

# 8. Periods aligned to the key author's convention for the same quantity: (worker, obs_id) -> period.
PERIOD_FIX: dict[tuple[str, str], tuple[str, str]] = {
    ("party", "party_admissions.2020-2023.b"): (
        "2020-07/2023-05",
        "247 of l.320 covers 7/2020 to 5/2023 (fn⁴ l.334), as the key's 243 (party_admissions.2020-07_2023-05)",
    ),
    ("party", "party_admissions__group__students.2020-2023.b"): (
        "2020-07/2023-05",
        "same span as the key's party_admissions__group__students.2020-07_2023-05",
    ),
    ("party", "party_orgs_good_rate.2020-2022.b"): (
        "2021-2023",
        "'hàng năm có trên 80%' is filed 2021-2023 by the key (party_orgs_good_rate.2021-2023)",
    ),
}

# 9. Source refs rewritten: (worker, old ref) -> new ref. (All refs matched the validator's pattern.)
SOURCE_REF_FIX: dict[tuple[str, str], str] = {}

# 10. Locality names rewritten to the canonical spelling (none needed: the workers already normalised).
LOCALITY_FIX: dict[str, str] = {}

# Spelling variants of each canonical locality found in the raw text (one row each in data/localities.csv).
# "Hương Vãn" is Hương Văn at l.244 ("Phường Hương Vãn (2020)", cf. l.192) and l.246 (Đình làng Văn Xá);
# at l.234 it is ambiguous (Văn or Vân) and carries no figure.
LOCALITY_VARIANTS: dict[str, list[str]] = {
    "Tứ Hạ": ["Tứ Hạ"],
    "Hương Văn": ["Hương Văn", "Hương Vãn"],
    "Hương Vân": ["Hương Vân"],
    "Hương Xuân": ["Hương Xuân"],
    "Hương Chữ": ["Hương Chữ", "Hương Chũ", "Hương Chừ", "Hương Chử", "Hương Chũr"],
    "Hương Toàn": ["Hương Toàn"],
    "Hương Bình": ["Hương Bình"],
    "Bình Tiến": ["Bình Tiến"],
    "Bình Thành": ["Bình Thành"],
}
# Other "Hương …"/"Bình …"/"Tứ …" names of the raw text, which are not wards/communes of the town.
NOT_LOCALITIES = {
    "Hương Trà": "the town itself",
    "Hương Cần": "village of xã Hương Toàn",
    "Hương Càn": "spelling of the village Hương Cần (l.550)",
    "Hương Thảo": "product brand (trầm hương Hương Thảo)",
    "Hương Thọ": "former commune, merged into Huế",
    "Hương Hồ": "commune of Huế",
    "Hương Điền": "district name (Phong Điền – Hương Điền)",
    "Bình Điền": "market/village",
}

# ------------------------------------------------------------------------------------------------------

_errors: list[str] = []


def fail(msg: str) -> None:
    _errors.append(msg)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def read_csv(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != tuple(columns):
            fail(f"{path.relative_to(ROOT)}: columns {reader.fieldnames} != {list(columns)}")
        return [{k: nfc(v or "") for k, v in row.items()} for row in reader]


def write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)  # mkstemp creates 0600
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def csv_bytes(columns, rows) -> bytes:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    for row in rows:
        w.writerow([row[c] for c in columns])
    return buf.getvalue().encode("utf-8")


RAW_LINES = unicodedata.normalize("NFC", RAW.read_text(encoding="utf-8")).split("\n")


def quote_line(quote: str, who: str) -> int | None:
    """First raw line (1-based) in the worker's range that contains the quote; None if none."""
    hits = [i for i, line in enumerate(RAW_LINES, 1) if quote in line]
    inside = [i for i in hits if any(lo <= i <= hi for lo, hi in LINE_RANGES[who])]
    if inside:
        return inside[0]
    return hits[0] if hits else None


def slug_period(period: str) -> str:
    return period.replace("/", "_")


def base_obs_id(row: dict[str, str]) -> str:
    out = f"{row['indicator_id']}.{slug_period(row['period'])}"
    if row["locality"]:
        out += "." + LOCALITY_SLUGS[row["locality"]]
    return out


def suffix_letter(n: int) -> str:
    return "" if n == 0 else chr(ord("a") + n)  # 1 -> b, 2 -> c …


def main() -> int:
    chapter_rank = {c: i for i, c in enumerate(schema.CHAPTERS)}
    used_decisions: set[tuple[str, object]] = set()

    # ---------------- key rows: read, keep exactly -------------------------------------------------
    key_ind = read_csv(STAGING / "key" / "indicators.csv", schema.INDICATOR_COLUMNS)
    key_tgt = read_csv(STAGING / "key" / "targets.csv", schema.TARGET_COLUMNS)
    key_obs = read_csv(STAGING / "key" / "observations.csv", schema.OBSERVATION_COLUMNS)
    key_ids = {r["indicator_id"] for r in key_ind}
    for r in key_obs:
        r["_who"], r["_line"] = "key", quote_line(r["source_quote"], "key")
    for r in key_tgt:
        r["_who"], r["_line"] = "key", quote_line(r["source_quote"], "key")

    # ---------------- worker rows ----------------------------------------------------------------------
    w_ind: list[dict] = []
    w_tgt: list[dict] = []
    w_obs: list[dict] = []
    for wi, who in enumerate(WORKERS):
        folder = STAGING / who
        for k, r in enumerate(read_csv(folder / "indicators.csv", schema.INDICATOR_COLUMNS)):
            r.update(_who=who, _w=wi, _k=k)
            w_ind.append(r)
        for k, r in enumerate(read_csv(folder / "targets.csv", schema.TARGET_COLUMNS)):
            r.update(_who=who, _w=wi, _k=k, _line=quote_line(r["source_quote"], who))
            w_tgt.append(r)
        for k, r in enumerate(read_csv(folder / "observations.csv", schema.OBSERVATION_COLUMNS)):
            r.update(_who=who, _w=wi, _k=k, _line=quote_line(r["source_quote"], who), _old_id=r["obs_id"])
            w_obs.append(r)

    # ---------------- indicators -----------------------------------------------------------------------
    indicators: dict[str, dict] = {r["indicator_id"]: dict(r) for r in key_ind}
    definers: dict[str, list[dict]] = defaultdict(list)
    for r in w_ind:
        definers[r["indicator_id"]].append(r)
    for iid, defs in definers.items():
        if iid in INDICATOR_ID_MAP:
            used_decisions.add(("idmap", iid))
            continue  # definition dropped; rows are mapped below
        if iid in key_ids:
            fail(f"{defs[0]['_who']} defines reserved key indicator {iid}")
            continue
        if len(defs) > 1:
            if iid not in SHARED_ID_DEFINITION:
                fail(f"indicator {iid} defined by {[d['_who'] for d in defs]}: add it to SHARED_ID_DEFINITION")
                continue
            keep_who, overrides, _ = SHARED_ID_DEFINITION[iid]
            used_decisions.add(("shared", iid))
            chosen = dict(next(d for d in defs if d["_who"] == keep_who))
            chosen.update(overrides)
        else:
            chosen = dict(defs[0])
        indicators[iid] = chosen
    for iid in INDICATOR_ID_MAP:
        if ("idmap", iid) not in used_decisions:
            fail(f"stale INDICATOR_ID_MAP entry {iid}")
        elif INDICATOR_ID_MAP[iid][0] not in indicators:
            fail(f"INDICATOR_ID_MAP {iid} -> {INDICATOR_ID_MAP[iid][0]}: target id is not defined")
    for iid in SHARED_ID_DEFINITION:
        if ("shared", iid) not in used_decisions:
            fail(f"stale SHARED_ID_DEFINITION entry {iid}")
    for r in NEW_INDICATORS:
        if r["indicator_id"] in indicators:
            fail(f"NEW_INDICATORS {r['indicator_id']} already exists")
        indicators[r["indicator_id"]] = dict(r, _who="merge", _w=len(WORKERS), _k=0)

    def map_id(iid: str) -> str:
        return INDICATOR_ID_MAP[iid][0] if iid in INDICATOR_ID_MAP else iid

    # ---------------- targets --------------------------------------------------------------------------
    targets: list[dict] = []
    for r in w_tgt:
        k3 = (r["_who"], r["indicator_id"], r["source_quote"])
        if k3 in DROP_TARGETS:
            used_decisions.add(("droptgt", k3))
            continue
        r = dict(r)
        r["indicator_id"] = map_id(r["indicator_id"])
        if k3 in TARGET_INDICATOR_REMAP:
            used_decisions.add(("tgtremap", k3))
            r["indicator_id"] = TARGET_INDICATOR_REMAP[k3][0]
        r["source_ref"] = SOURCE_REF_FIX.get((r["_who"], r["source_ref"]), r["source_ref"])
        targets.append(r)
    for k3 in DROP_TARGETS:
        if ("droptgt", k3) not in used_decisions:
            fail(f"stale DROP_TARGETS entry {k3}")
    for k3 in TARGET_INDICATOR_REMAP:
        if ("tgtremap", k3) not in used_decisions:
            fail(f"stale TARGET_INDICATOR_REMAP entry {k3}")
    # a worker target identical to a key target (same indicator, bounds, quote) must be in DROP_TARGETS
    key_tgt_sig = {(t["indicator_id"], t["kind"], t["low"], t["high"], t["source_quote"]) for t in key_tgt}
    for t in targets:
        if (t["indicator_id"], t["kind"], t["low"], t["high"], t["source_quote"]) in key_tgt_sig:
            fail(f"{t['_who']} target {t['indicator_id']} repeats a key target with the same quote: decide in DROP_TARGETS")

    # ---------------- observations ---------------------------------------------------------------------
    observations: list[dict] = []
    for r in w_obs:
        k2 = (r["_who"], r["_old_id"])
        if k2 in DROP_OBS:
            used_decisions.add(("dropobs", k2))
            continue
        r = dict(r)
        r["indicator_id"] = map_id(r["indicator_id"])
        if k2 in OBS_INDICATOR_REMAP:
            used_decisions.add(("obsremap", k2))
            r["indicator_id"] = OBS_INDICATOR_REMAP[k2][0]
        if k2 in PERIOD_FIX:
            used_decisions.add(("period", k2))
            r["period"] = PERIOD_FIX[k2][0]
        r["locality"] = LOCALITY_FIX.get(r["locality"], r["locality"])
        r["source_ref"] = SOURCE_REF_FIX.get((r["_who"], r["source_ref"]), r["source_ref"])
        observations.append(r)
    for table, tag in ((DROP_OBS, "dropobs"), (OBS_INDICATOR_REMAP, "obsremap"), (PERIOD_FIX, "period")):
        for k2 in table:
            if (tag, k2) not in used_decisions:
                fail(f"stale {tag} entry {k2}")

    # unhandled same-place repeats of key rows
    key_sig = defaultdict(list)
    for k in key_obs:
        key_sig[(k["indicator_id"], k["period"], k["locality"], k["status"], k["qualifier"], k["value"])].append(k)
    for r in observations:
        for k in key_sig.get((r["indicator_id"], r["period"], r["locality"], r["status"], r["qualifier"], r["value"]), []):
            if k["_line"] == r["_line"]:
                fail(f"{r['_who']} {r['_old_id']} repeats key row {k['obs_id']} at line {r['_line']}: decide in DROP_OBS")

    # ---------------- checks on every row --------------------------------------------------------------
    for r in key_obs + observations:
        if r["indicator_id"] not in indicators:
            fail(f"observation {r['obs_id']} ({r['_who']}): unknown indicator {r['indicator_id']}")
        if r["locality"] and r["locality"] not in LOCALITY_SLUGS:
            fail(f"observation {r['obs_id']} ({r['_who']}): locality {r['locality']!r} is not canonical")
        if r["_line"] is None:
            fail(f"observation {r['obs_id']} ({r['_who']}): quote not in the raw text: {r['source_quote'][:60]}")
    for r in key_tgt + targets:
        if r["indicator_id"] not in indicators:
            fail(f"target ({r['_who']}): unknown indicator {r['indicator_id']}")
        if r["_line"] is None:
            fail(f"target ({r['_who']}): quote not in the raw text: {r['source_quote'][:60]}")
    for r in key_obs + observations + key_tgt + targets:
        if not SOURCE_REF_RE.fullmatch(r["source_ref"]):
            fail(f"{r['_who']} row {r.get('obs_id', r['indicator_id'])}: source_ref {r['source_ref']!r}: add to SOURCE_REF_FIX")
    for iid, ind in indicators.items():
        if ind["unit"] not in schema.UNITS:
            fail(f"indicator {iid}: unit {ind['unit']} is not in chitieu.schema.UNITS")
        if "__" in iid and iid.split("__", 1)[0] not in indicators:
            fail(f"indicator {iid}: parent missing")

    # ---------------- order ----------------------------------------------------------------------------
    def chapter_of(iid: str) -> int:
        return chapter_rank.get(indicators[iid]["chapter"], 99)

    observations.sort(key=lambda r: (chapter_of(r["indicator_id"]), r["_line"] or 10**6, r["_w"], r["_k"]))
    targets.sort(key=lambda r: (chapter_of(r["indicator_id"]), r["_line"] or 10**6, r["_w"], r["_k"]))

    # first raw line of an indicator: its own rows, else its parts' rows
    first_line: dict[str, int] = {}
    for r in key_obs + key_tgt + observations + targets:
        for iid in {r["indicator_id"], r["indicator_id"].split("__", 1)[0]}:
            first_line[iid] = min(first_line.get(iid, 10**6), r["_line"] or 10**6)
    key_order = [r["indicator_id"] for r in key_ind]
    others = [iid for iid in indicators if iid not in key_ids]
    def file_order(iid: str) -> tuple[int, int]:
        ind = indicators.get(iid, {})
        return (-1, key_order.index(iid)) if iid in key_ids else (ind.get("_w", 0), ind.get("_k", 0))

    others.sort(
        key=lambda iid: (
            chapter_of(iid),
            first_line.get(iid.split("__", 1)[0], 10**6),  # a breakdown stays next to its parent
            file_order(iid.split("__", 1)[0]),
            first_line.get(iid, 10**6),
            file_order(iid),
        )
    )

    # ---------------- obs ids ------------------------------------------------------------------------
    taken: set[str] = set()
    for k in key_obs:
        if k["obs_id"] in taken:
            fail(f"key obs_id {k['obs_id']} duplicated")
        taken.add(k["obs_id"])
    renames: list[tuple[str, str, str]] = []
    for r in observations:
        base = base_obs_id(r)
        n = 0
        while (base + ("." + suffix_letter(n) if n else "")) in taken:
            n += 1
        r["obs_id"] = base + ("." + suffix_letter(n) if n else "")
        taken.add(r["obs_id"])
        if r["obs_id"] != r["_old_id"]:
            renames.append((r["_who"], r["_old_id"], r["obs_id"]))

    # the validator's rule: no two rows with the same (indicator, period, locality, status, qualifier, quote)
    seen: dict[tuple, str] = {}
    for r in key_obs + observations:
        sig = (r["indicator_id"], r["period"], r["locality"], r["status"], r["qualifier"], r["source_quote"])
        if sig in seen:
            fail(f"{r['obs_id']} and {seen[sig]} state the same thing with the same quote: keep one (DROP_OBS)")
        seen.setdefault(sig, r["obs_id"])

    # ---------------- coverage, localities, notes -------------------------------------------------------
    skipped = []
    for wi, who in enumerate(WORKERS):
        for k, r in enumerate(read_csv(STAGING / who / "skipped.csv", ("line", "number_text", "reason"))):
            if not r["line"].isdigit():
                fail(f"{who}/skipped.csv: bad line {r['line']!r}")
                continue
            skipped.append(dict(r, _w=wi, _k=k))
    skipped.sort(key=lambda r: (int(r["line"]), r["_w"], r["_k"]))

    loc_rows = []
    # every "Hương …"/"Bình …"/"Tứ …" name of the raw text, as (line, name); a footnote marker glued to the
    # name ("Hương Toàn⁶") is not part of it
    place_names = [
        (i, m.group(1) + " " + "".join(ch for ch in m.group(2) if ch.isalpha()))
        for i, line in enumerate(RAW_LINES, 1)
        for m in re.finditer(r"(Hương|Bình|Tứ) (\w+)", line)
    ]
    for loc, variants in LOCALITY_VARIANTS.items():
        if loc not in schema.LOCALITIES or loc not in variants:
            fail(f"LOCALITY_VARIANTS {loc}: not canonical, or canonical spelling missing from its variants")
        for v in variants:
            count = sum(1 for _, name in place_names if name == v)
            if count == 0:
                fail(f"locality variant {v!r} does not occur in the raw text")
            loc_rows.append({"locality": loc, "kind": schema.LOCALITIES.get(loc, ""), "variant": v})
    known_names = {v for vs in LOCALITY_VARIANTS.values() for v in vs} | set(NOT_LOCALITIES)
    for i, name in place_names:
        if name not in known_names:
            fail(f"raw line {i}: place name {name!r} is neither a locality variant nor in NOT_LOCALITIES")

    # obs ids cited in INCONSISTENCIES.md must exist (it feeds the audit chapter)
    inconsistencies = STAGING / "INCONSISTENCIES.md"
    if inconsistencies.exists():
        for token in re.findall(r"`([^`]+)`", inconsistencies.read_text(encoding="utf-8")):
            if re.fullmatch(r"[a-z][a-z0-9_]*\.[a-z0-9_.\-]+", token) and token.split(".", 1)[0] in indicators:
                if token not in taken:
                    fail(f"INCONSISTENCIES.md cites obs id {token}, which is not in observations.csv")

    if _errors:
        print("merge refused:", file=sys.stderr)
        for e in _errors:
            print("  -", e, file=sys.stderr)
        return 1

    # ---------------- write ----------------------------------------------------------------------------
    ind_rows = [indicators[i] for i in key_order] + [indicators[i] for i in others]
    write_atomic(DATA / "indicators.csv", csv_bytes(schema.INDICATOR_COLUMNS, ind_rows))
    write_atomic(DATA / "targets.csv", csv_bytes(schema.TARGET_COLUMNS, key_tgt + targets))
    write_atomic(DATA / "observations.csv", csv_bytes(schema.OBSERVATION_COLUMNS, key_obs + observations))
    write_atomic(DATA / "report_assessment.csv", (STAGING / "key" / "report_assessment.csv").read_bytes())
    write_atomic(DATA / "coverage_skipped.csv", csv_bytes(("line", "number_text", "reason"), skipped))
    write_atomic(DATA / "localities.csv", csv_bytes(("locality", "kind", "variant"), loc_rows))
    write_atomic(STAGING / "NOTES.md", notes_md(renames).encode("utf-8"))

    print(f"indicators.csv   {len(ind_rows)} rows ({len(key_ind)} key)")
    print(f"targets.csv      {len(key_tgt) + len(targets)} rows ({len(key_tgt)} key)")
    print(f"observations.csv {len(key_obs) + len(observations)} rows ({len(key_obs)} key)")
    print(f"coverage_skipped.csv {len(skipped)} rows; localities.csv {len(loc_rows)} rows")
    print(f"dropped: {len(DROP_OBS)} observations, {len(DROP_TARGETS)} targets; obs ids renamed: {len(renames)}")
    for who, old, new in renames:
        print(f"  rename {who:8s} {old} -> {new}")
    return 0


def _demote(md: str, levels: int) -> str:
    out = []
    for line in md.splitlines():
        out.append("#" * levels + line if re.match(r"#+ ", line) else line)
    return "\n".join(out).rstrip() + "\n"


def notes_md(renames: list[tuple[str, str, str]]) -> str:
    parts = [
        "# Staging notes (merged)\n",
        "The four extractors' notes, verbatim under one heading each (their headings demoted by two levels), then the "
        "decisions of `data/staging/merge.py`. Obs ids quoted in a worker's notes are that worker's own: the last "
        "section maps them to the ids of `data/observations.csv`. Internal inconsistencies of the report are collected "
        "in `data/staging/INCONSISTENCIES.md`.\n",
    ]
    for who in WORKERS:
        parts.append(f"\n## {who} (`data/staging/{who}/notes.md`)\n\n")
        parts.append(_demote(nfc((STAGING / who / "notes.md").read_text(encoding="utf-8")), 2))
    parts.append("\n## Merge decisions (`data/staging/merge.py`)\n\n")
    parts.append("### Indicator ids mapped (old → kept)\n\n")
    for old, (new, why) in INDICATOR_ID_MAP.items():
        parts.append(f"- `{old}` → `{new}`: {why}\n")
    for iid, (who, _, why) in SHARED_ID_DEFINITION.items():
        parts.append(f"- `{iid}` (defined twice): {why}\n")
    for (who, old), (new, why) in OBS_INDICATOR_REMAP.items():
        parts.append(f"- row `{old}` ({who}) → indicator `{new}`: {why}\n")
    for (who, iid, quote), (new, why) in TARGET_INDICATOR_REMAP.items():
        parts.append(f"- target `{iid}` ({who}, \"{quote}\") → `{new}`: {why}\n")
    parts.append("\n### Rows dropped\n\n")
    for (who, old), why in DROP_OBS.items():
        parts.append(f"- observation `{old}` ({who}): {why}\n")
    for (who, iid, quote), why in DROP_TARGETS.items():
        parts.append(f"- target `{iid}` ({who}, \"{quote}\"): {why}\n")
    parts.append("\n### Periods aligned to the key rows\n\n")
    for (who, old), (period, why) in PERIOD_FIX.items():
        parts.append(f"- `{old}` ({who}) → `{period}`: {why}\n")
    parts.append("\n### Obs ids renamed (worker id → final id)\n\n")
    parts.append("Rule: `<indicator_id>.<period, / → _>[.<locality slug>][.b|.c…]`, suffix = next free letter in file "
                 "order, key ids reserved first; Hương Văn → `huong_van`, Hương Vân → `huong_vaan`.\n\n")
    for who, old, new in renames:
        parts.append(f"- {who}: `{old}` → `{new}`\n")
    return "".join(parts)


if __name__ == "__main__":
    sys.exit(main())
