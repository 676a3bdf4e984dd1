"""The downloadable dataset of the site: ``_build/html/data/``.

:func:`write_exports` adds, next to the CSVs the build copies there,

- ``tu_dien_du_lieu.md`` and ``tu_dien_du_lieu.csv``: the data dictionary (Vietnamese with English), made
  from :mod:`chitieu.data.schema` (columns, units, enumerations) and the header of every published CSV, so a
  column can never be published undocumented without the tests noticing;
- ``README.md``: what the files are, the source (from ``data/raw/*.meta.json``), the licence and how to
  cite;
- ``chitieu-huong-tra-du-lieu.zip``: all of the above in one file, byte-for-byte reproducible (fixed
  timestamps and permissions, entries in sorted order), so two builds of the same data give the same zip.

Everything here is plain text written from the data and the contract; nothing is typed by hand but the
column explanations, which live in :data:`COLUMN_DOCS` next to the contract they describe.
"""

from __future__ import annotations

import csv
import io
import json
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from chitieu.atomic import write_bytes_atomic, write_text_atomic
from chitieu.data import schema

ZIP_NAME = "chitieu-huong-tra-du-lieu.zip"
DICTIONARY_MD = "tu_dien_du_lieu.md"
DICTIONARY_CSV = "tu_dien_du_lieu.csv"
README_NAME = "README.md"
# 1980-01-01 00:00:00 is the earliest date a zip entry can carry; any fixed date makes the zip reproducible.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

# What each published file is (Vietnamese, English).
FILE_DOCS: dict[str, tuple[str, str]] = {
    "indicators.csv": ("Danh mục chỉ tiêu", "Indicator catalogue"),
    "targets.csv": ("Mức chỉ tiêu Nghị quyết đề ra", "Targets stated by the report"),
    "observations.csv": (
        "Mọi số liệu trích từ báo cáo, kèm trích dẫn nguyên văn",
        "Every figure, with a verbatim quote",
    ),
    "report_assessment.csv": (
        "Tự đánh giá của báo cáo cho 14 chỉ tiêu chủ yếu (đạt / gần đạt / chưa đạt)",
        "The report's own met / nearly met / not met for the 14 key indicators",
    ),
    "audit.csv": ("Kết quả kiểm tra lại số liệu của báo cáo", "Audit of the report's figures"),
}
CHAPTER_FILE_DOC = ("Số liệu dùng trong một chương (cùng cột với observations.csv)", "Figures used by one chapter")

# Column → (Vietnamese, English) explanation. Keys are the columns of the contract (chitieu.data.schema);
# a column of a published CSV missing here shows as undocumented and fails tests/test_exports.py.
COLUMN_DOCS: dict[str, tuple[str, str]] = {
    "indicator_id": (
        "Mã chỉ tiêu (ASCII, duy nhất); phần của một phân tổ có dạng <cha>__<chiều>__<thành phần>",
        "Stable indicator id; parts of a breakdown are <parent>__<dimension>__<member>",
    ),
    "chapter": ("Chương / lĩnh vực của chỉ tiêu (xem bảng Chương)", "Chapter (see the Chapters table)"),
    "name_vi": ("Tên chỉ tiêu bằng tiếng Việt", "Vietnamese name"),
    "name_en": ("Tên chỉ tiêu bằng tiếng Anh", "English name"),
    "unit": ("Đơn vị (mã, xem bảng Đơn vị)", "Unit code (see the Units table)"),
    "higher_is_better": (
        "true: càng cao càng tốt; false: càng thấp càng tốt; trống: không xác định",
        "true / false / blank when neither",
    ),
    "resolution_no": (
        "Số thứ tự 1–14 nếu là chỉ tiêu chủ yếu của Nghị quyết, trống nếu không",
        "Key-indicator number 1–14, else blank",
    ),
    "description_vi": ("Mô tả: đo gì, đo thế nào", "What is measured and how (Vietnamese)"),
    "target_year": ("Năm phải đạt mức chỉ tiêu", "Year by which the target is to be met"),
    "kind": ("Loại mức chỉ tiêu (xem bảng Loại mức chỉ tiêu)", "Target kind (see the Target kinds table)"),
    "low": ("Cận dưới (số, dấu chấm thập phân)", "Lower bound (number, decimal point)"),
    "high": ("Cận trên (số, dấu chấm thập phân)", "Upper bound (number, decimal point)"),
    "source_ref": (
        "Vị trí trong báo cáo: phần, mục, chú thích (vd. P1:B.II:fn2)",
        "Where in the report (e.g. P1:B.II:fn2)",
    ),
    "source_quote": (
        "Trích dẫn nguyên văn một dòng của báo cáo chứa con số",
        "Verbatim quote of one line of the report",
    ),
    "obs_id": ("Mã số liệu (duy nhất): <mã chỉ tiêu>.<kỳ>[.<địa bàn>]", "Unique observation id"),
    "period": (
        "Kỳ: YYYY, YYYY-YYYY, YYYY-MM hoặc YYYY-MM/YYYY-MM",
        "Period: YYYY, YYYY-YYYY, YYYY-MM or YYYY-MM/YYYY-MM",
    ),
    "value": (
        "Giá trị như báo cáo viết, ghi bằng dấu chấm thập phân, không phân cách hàng nghìn (7.943 → 7943; 13,7 → 13.7)",
        "Value as written in the report, decimal point, no thousands separator",
    ),
    "qualifier": ("Từ đi kèm con số (xem bảng Từ định lượng)", "Qualifier of the value (see the Qualifiers table)"),
    "status": ("Loại số liệu: thực hiện, ước tính hay kế hoạch (xem bảng Loại số liệu)", "actual / estimate / plan"),
    "locality": ("Phường/xã; trống là toàn thị xã", "Ward or commune; blank for the whole town"),
    "report_status": (
        "Báo cáo tự đánh giá: met (đạt), nearly_met (gần đạt), not_met (chưa đạt)",
        "The report's own assessment: met / nearly_met / not_met",
    ),
}

ENUM_TABLES: list[tuple[str, str, dict[str, str]]] = [
    ("Đơn vị", "Units", schema.UNITS),
    ("Chương", "Chapters", schema.CHAPTERS),
    ("Từ định lượng", "Qualifiers", schema.QUALIFIERS),
    ("Loại số liệu", "Statuses", schema.STATUSES),
    (
        "Loại mức chỉ tiêu",
        "Target kinds",
        {
            "at_least": "từ … trở lên (chỉ có low)",
            "at_most": "không quá … (chỉ có high)",
            "between": "trong khoảng low – high",
            "equals": "bằng (low = high)",
        },
    ),
]

# The contract's columns per file, from chitieu.data.schema (the CSV header is authoritative for other files).
SCHEMA_COLUMNS: dict[str, tuple[str, ...]] = {
    "indicators.csv": schema.INDICATOR_COLUMNS,
    "targets.csv": schema.TARGET_COLUMNS,
    "observations.csv": schema.OBSERVATION_COLUMNS,
    "report_assessment.csv": schema.REPORT_ASSESSMENT_COLUMNS,
}


@dataclass(frozen=True)
class CsvFile:
    """A published CSV: its path relative to ``html/data``, header and number of data rows."""

    name: str
    columns: tuple[str, ...]
    rows: int


def read_csv_file(data_dir: Path, rel: str) -> CsvFile:
    """Header and row count of ``data_dir/rel`` (rows counted by the CSV reader: quoted newlines are fine)."""
    with (data_dir / rel).open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        rows = sum(1 for _ in reader)
    return CsvFile(rel, tuple(header), rows)


def published_csvs(data_dir: Path) -> list[CsvFile]:
    """Every CSV under ``data_dir`` (top level first, then ``chapters/``), sorted by path."""
    rels = sorted(p.relative_to(data_dir).as_posix() for p in data_dir.rglob("*.csv") if p.name != DICTIONARY_CSV)
    rels.sort(key=lambda rel: (rel.count("/"), rel))
    return [read_csv_file(data_dir, rel) for rel in rels]


def _file_doc(rel: str) -> tuple[str, str]:
    if rel.startswith("chapters/"):
        return CHAPTER_FILE_DOC
    return FILE_DOCS.get(rel, ("", ""))


def undocumented_columns(files: list[CsvFile]) -> dict[str, list[str]]:
    """Columns of the published CSVs that :data:`COLUMN_DOCS` does not explain, per file."""
    out = {}
    for f in files:
        missing = [c for c in f.columns if c not in COLUMN_DOCS]
        if missing:
            out[f.name] = missing
    return out


def _md_cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def dictionary_rows(files: list[CsvFile]) -> list[dict[str, str]]:
    """One row per (file, column) in file order, columns in header order."""
    rows = []
    for f in files:
        contract = SCHEMA_COLUMNS.get(f.name)
        for col in f.columns:
            vi, en = COLUMN_DOCS.get(col, ("(chưa có mô tả)", "(undocumented)"))
            rows.append(
                {
                    "file": f.name,
                    "column": col,
                    "in_contract": "true" if contract and col in contract else ("false" if contract else ""),
                    "description_vi": vi,
                    "description_en": en,
                }
            )
    return rows


def dictionary_csv(files: list[CsvFile]) -> str:
    """The data dictionary as CSV (UTF-8, ``\\n``)."""
    buf = io.StringIO()
    writer = csv.DictWriter(
        buf, ["file", "column", "in_contract", "description_vi", "description_en"], lineterminator="\n"
    )
    writer.writeheader()
    writer.writerows(dictionary_rows(files))
    return buf.getvalue()


def dictionary_markdown(files: list[CsvFile]) -> str:
    """The data dictionary as Markdown: one table per file, then the enumerations of the contract."""
    lines = [
        "# Từ điển dữ liệu / Data dictionary",
        "",
        "Mọi tệp CSV: UTF-8, phân cách bằng dấu phẩy, dòng đầu là tên cột, số viết bằng **dấu chấm thập phân** "
        "và không có dấu phân cách hàng nghìn (`7943`, `13.7`); trong sách số được hiển thị theo cách Việt Nam "
        "(7.943; 13,7).",
        "",
        "All CSVs: UTF-8, comma separated, header row; numbers use a decimal point and no thousands separator.",
        "",
    ]
    for f in files:
        vi, en = _file_doc(f.name)
        lines += [f"## `{f.name}`", ""]
        if vi:
            lines += [f"{vi} / {en}. {f.rows} dòng / rows.", ""]
        else:
            lines += [f"{f.rows} dòng / rows.", ""]
        lines += ["| cột / column | mô tả | description |", "|---|---|---|"]
        for col in f.columns:
            dvi, den = COLUMN_DOCS.get(col, ("(chưa có mô tả)", "(undocumented)"))
            lines.append(f"| `{_md_cell(col)}` | {_md_cell(dvi)} | {_md_cell(den)} |")
        lines.append("")
    for title_vi, title_en, values in ENUM_TABLES:
        lines += [f"## {title_vi} / {title_en}", "", "| mã / code | nghĩa / meaning |", "|---|---|"]
        for code, meaning in values.items():
            lines.append(f"| `{_md_cell(code)}` | {_md_cell(meaning) or '(không ghi / none)'} |")
        lines.append("")
    return "\n".join(lines)


@dataclass(frozen=True)
class Source:
    """A raw source as its sidecar ``*.meta.json`` describes it."""

    file: str
    title: str
    title_en: str
    issuing_body: str
    date: str
    sha256: str


def read_sources(raw_dir: Path) -> list[Source]:
    """Every ``*.meta.json`` of ``raw_dir``, sorted by file name."""
    out = []
    for meta in sorted(raw_dir.glob("*.meta.json")):
        info = json.loads(meta.read_text(encoding="utf-8"))
        out.append(
            Source(
                info.get("file", meta.name.removesuffix(".meta.json")),
                info.get("title", ""),
                info.get("title_en", ""),
                info.get("issuing_body", ""),
                info.get("date", ""),
                info.get("sha256", ""),
            )
        )
    return out


@dataclass(frozen=True)
class Project:
    """What the README says about the project: from ``_config.yml`` and ``pyproject.toml``."""

    title: str
    author: str
    year: str
    version: str
    licence: str


def read_project(root: Path) -> Project:
    book = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8")) or {}
    meta = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8")).get("project", {})
    licence = meta.get("license", "")
    if isinstance(licence, dict):
        licence = licence.get("text", "")
    return Project(
        str(book.get("title", "")),
        str(book.get("author", "")),
        str(book.get("copyright", "")),
        str(meta.get("version", "")),
        str(licence),
    )


def readme_markdown(project: Project, sources: list[Source], files: list[CsvFile]) -> str:
    """README of ``html/data``: contents, source, licence, how to cite (Vietnamese, then English)."""
    lines = [
        f"# {project.title}: dữ liệu / data",
        "",
        "Toàn bộ dữ liệu của sách, đúng như sách dùng. Mỗi số liệu kèm **trích dẫn nguyên văn** của báo cáo và "
        "vị trí của nó (cột `source_quote`, `source_ref`).",
        "",
        "The whole dataset behind the book; every figure carries a verbatim quote of the report and where it "
        "stands in it.",
        "",
        "## Các tệp / Files",
        "",
        "| tệp / file | nội dung | contents | dòng / rows |",
        "|---|---|---|---|",
    ]
    for f in files:
        vi, en = _file_doc(f.name)
        lines.append(f"| `{f.name}` | {_md_cell(vi)} | {_md_cell(en)} | {f.rows} |")
    lines += [
        f"| `{DICTIONARY_MD}`, `{DICTIONARY_CSV}` | Từ điển dữ liệu: nghĩa của từng cột, đơn vị, mã | "
        "Data dictionary: every column, unit and code | |",
        f"| `{ZIP_NAME}` | Tất cả các tệp trên trong một tệp nén | All of the above in one zip | |",
        "",
        "## Nguồn / Source",
        "",
    ]
    for s in sources:
        lines += [
            f"- **{s.title}**",
            f"  ({s.title_en}).",
            f"  Cơ quan ban hành / issued by: {s.issuing_body}. Thời điểm / date: {s.date}.",
            f"  Bản chép lại dạng văn bản / plain-text transcription: `data/raw/{s.file}`, sha256 `{s.sha256}`.",
        ]
    lines += [
        "",
        "## Giấy phép / Licence",
        "",
        f"Dữ liệu trích xuất, từ điển dữ liệu và mã nguồn của dự án: giấy phép **{project.licence}**. "
        "Văn bản báo cáo gốc là tài liệu của cơ quan ban hành nêu trên; các trích dẫn nguyên văn chỉ để kiểm "
        "chứng từng con số.",
        "",
        f"The extracted data, this dictionary and the project's code: **{project.licence}** licence. The report "
        "itself belongs to its issuing body; verbatim quotes are included so that each figure can be checked.",
        "",
        "## Trích dẫn / How to cite",
        "",
        f"> {project.author} ({project.year}). *{project.title}: số liệu Báo cáo sơ kết giữa nhiệm kỳ thực hiện "
        f"Nghị quyết Đại hội Đảng bộ thị xã Hương Trà lần thứ XIV (2020–2025)* [bộ dữ liệu], phiên bản "
        f"{project.version}. Tệp `{ZIP_NAME}`.",
        "",
        "Khi dùng một con số, xin dẫn cả báo cáo gốc và vị trí (`source_ref`) của nó. / When you use a figure, "
        "cite the report and the figure's `source_ref` as well.",
        "",
    ]
    return "\n".join(lines)


def deterministic_zip(folder: Path, names: list[str]) -> bytes:
    """A zip of ``folder/name`` for each name, sorted, with fixed dates and permissions (same input → same bytes)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name in sorted(names):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16
            info.create_system = 3  # Unix, whatever the machine
            zf.writestr(info, (folder / name).read_bytes(), compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return buf.getvalue()


def write_exports(root: Path, data_dir: Path) -> list[Path]:
    """Write the dictionary, the README and the zip into ``data_dir`` (``html/data``); return their paths.

    ``data_dir`` must already hold the CSVs (the build copies them). The zip holds every file of
    ``data_dir`` except itself.
    """
    files = published_csvs(data_dir)
    written = [data_dir / DICTIONARY_MD, data_dir / DICTIONARY_CSV, data_dir / README_NAME]
    write_text_atomic(written[0], dictionary_markdown(files))
    write_text_atomic(written[1], dictionary_csv(files))
    write_text_atomic(written[2], readme_markdown(read_project(root), read_sources(root / "data" / "raw"), files))
    members = sorted(
        p.relative_to(data_dir).as_posix()
        for p in data_dir.rglob("*")
        if p.is_file() and p.name != ZIP_NAME and not p.name.startswith(".")
    )
    zip_path = data_dir / ZIP_NAME
    write_bytes_atomic(zip_path, deterministic_zip(data_dir, members))
    return written + [zip_path]
