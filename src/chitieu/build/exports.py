"""The downloadable dataset of the site: ``_build/html/data/``.

:func:`write_exports` adds, next to the CSVs the build copies there,

- ``tu_dien_du_lieu.md`` and ``tu_dien_du_lieu.csv``: the data dictionary (Vietnamese with English), written
  from the contract (``data/schema``, :mod:`chitieu.data.contract`) and the header of every published CSV,
  so a column can never be published undocumented without the tests noticing;
- ``datapackage.json`` and ``schema/<table>.json``: the same in the Frictionless Data Package standard, every
  published CSV with its Table Schema (the chapters' CSVs share the observations schema), so any
  Frictionless tool can read and validate the bundle;
- ``README.md`` and ``README.txt`` (the same, for a server that sends Markdown without a charset): what the
  files are, the source (from ``data/raw/*.meta.json``), the licences and how to cite;
- ``chitieu-huong-tra-du-lieu.xlsx`` and ``chapters/<chapter>.xlsx``: the data as Excel workbooks, in
  Vietnamese (:mod:`chitieu.build.workbooks`);
- ``chitieu-huong-tra-du-lieu.zip``: all of the above in one file, byte-for-byte reproducible (fixed
  timestamps and permissions, entries in sorted order), so two builds of the same data give the same zip.

Every CSV is published UTF-8 with a byte-order mark and its cells neutralised against formula injection;
each chapter's CSV carries the indicator's name and unit beside its id (:mod:`chitieu.build.csvout`). Every
text file is written with a byte-order mark, so that a browser shows the Vietnamese right whatever the
server says of its charset.

Everything here is written from the data and the contract; nothing is typed by hand but this module's
wording of the bundle itself.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from chitieu.atomic import write_bytes_atomic
from chitieu.build import csvout, workbooks
from chitieu.build.contractdocs import TYPES, coded_fields, enum_label, md_cell, rules
from chitieu.build.identity import Project, Source, read_project, read_sources
from chitieu.build.pdf.edition import collect_site_editions, readme_section
from chitieu.data import contract
from chitieu.data.contract import Table

# The package's name (data/datapackage.yaml) names the zip: chitieu-huong-tra-du-lieu.zip.
ZIP_NAME = f"{contract.load().descriptor['name']}-du-lieu.zip"
DICTIONARY_MD = "tu_dien_du_lieu.md"
DICTIONARY_CSV = "tu_dien_du_lieu.csv"
DATAPACKAGE = "datapackage.json"
SCHEMA_FOLDER = "schema"
README_NAME = "README.md"
README_TEXT = "README.txt"
WORKBOOK_NAME = ZIP_NAME.removesuffix(".zip") + ".xlsx"
# 1980-01-01 00:00:00 is the earliest date a zip entry can carry; any fixed date makes the zip reproducible.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
# The build exports each chapter's figures as chapters/<chapter>.csv, with the columns of observations.csv;
# the indicator's name and unit are added after indicator_id (chitieu.build.csvout.chapter_table).
CHAPTER_FOLDER = "chapters/"
CHAPTER_FILE_DOC = (
    "Số liệu dùng trong một chương (các cột của observations.csv, thêm tên và đơn vị của chỉ tiêu)",
    "Figures used by one chapter (the columns of observations.csv, with the indicator's name and unit)",
)
UNDOCUMENTED = ("(chưa có mô tả)", "(undocumented)")
DICTIONARY_COLUMNS = (
    "file",
    "column",
    "title_vi",
    "title_en",
    "type",
    "required",
    "rules_vi",
    "rules_en",
    "description_vi",
    "description_en",
)


@dataclass(frozen=True)
class CsvFile:
    """A published CSV: its path relative to ``html/data``, header and number of data rows."""

    name: str
    columns: tuple[str, ...]
    rows: int


def read_csv_file(data_dir: Path, rel: str) -> CsvFile:
    """Header and row count of ``data_dir/rel`` (rows counted by the CSV reader: quoted newlines are fine)."""
    with (data_dir / rel).open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        rows = sum(1 for _ in reader)
    return CsvFile(rel, tuple(header), rows)


def published_csvs(data_dir: Path) -> list[CsvFile]:
    """Every CSV under ``data_dir`` (top level first, then ``chapters/``), sorted by path."""
    rels = sorted(p.relative_to(data_dir).as_posix() for p in data_dir.rglob("*.csv") if p.name != DICTIONARY_CSV)
    rels.sort(key=lambda rel: (rel.count("/"), rel))
    return [read_csv_file(data_dir, rel) for rel in rels]


def schema_of(rel: str) -> Table | None:
    """The Table Schema of a published CSV: its table's (``observations.csv`` → observations), the chapter
    schema (:func:`chitieu.build.csvout.chapter_table`) for a chapter's CSV, ``None`` for a file the contract
    does not describe."""
    if rel.startswith(CHAPTER_FOLDER):
        return csvout.chapter_table()
    return contract.load().tables.get(rel.removesuffix(".csv")) if "/" not in rel else None


def _file_doc(rel: str) -> tuple[str, str]:
    if rel.startswith(CHAPTER_FOLDER):
        return CHAPTER_FILE_DOC
    table = schema_of(rel)
    return (table.title_vi, table.title_en) if table else ("", "")


def undocumented_columns(files: list[CsvFile]) -> dict[str, list[str]]:
    """Columns of the published CSVs that their schema does not describe, per file."""
    out = {}
    for f in files:
        table = schema_of(f.name)
        missing = [c for c in f.columns if table is None or c not in table.columns]
        if missing:
            out[f.name] = missing
    return out


def dictionary_rows(files: list[CsvFile]) -> list[dict[str, str]]:
    """One row per (file, column) in file order, columns in header order, described by the file's schema."""
    rows = []
    for f in files:
        table = schema_of(f.name)
        for col in f.columns:
            if table is None or col not in table.columns:
                blank = dict.fromkeys(DICTIONARY_COLUMNS[2:], "")
                rows.append(
                    {
                        **blank,
                        "file": f.name,
                        "column": col,
                        "description_vi": UNDOCUMENTED[0],
                        "description_en": UNDOCUMENTED[1],
                    }
                )
                continue
            field = table.field(col)
            said = rules(table, field)
            rows.append(
                {
                    "file": f.name,
                    "column": col,
                    "title_vi": field.title_vi,
                    "title_en": field.title_en,
                    "type": field.type,
                    "required": "true" if field.required or col in table.primary_key else "false",
                    "rules_vi": "; ".join(vi for vi, _ in said),
                    "rules_en": "; ".join(en for _, en in said),
                    "description_vi": field.description_vi,
                    "description_en": field.description_en,
                }
            )
    return rows


def dictionary_csv(files: list[CsvFile]) -> str:
    """The data dictionary as CSV (UTF-8, ``\\n``)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, DICTIONARY_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(dictionary_rows(files))
    return buf.getvalue()


def dictionary_markdown(files: list[CsvFile]) -> str:
    """The data dictionary as Markdown: one table per file, then the codes of its coded columns."""
    lines = [
        "# Từ điển dữ liệu / Data dictionary",
        "",
        "Mọi tệp CSV: UTF-8 có BOM (Excel mở đúng tiếng Việt), phân cách bằng dấu phẩy, dòng đầu là tên cột, "
        "số viết bằng **dấu chấm thập phân** và không có dấu phân cách hàng nghìn (`7943`, `13.7`); trong sách "
        "số được hiển thị theo cách Việt Nam "
        f"(7.943; 13,7). Cùng nội dung theo chuẩn Frictionless Data Package: `{DATAPACKAGE}`.",
        "",
        "All CSVs: UTF-8 with a byte-order mark, comma separated, header row; numbers use a decimal point and no "
        f"thousands separator. The same in the Frictionless Data Package standard: `{DATAPACKAGE}`.",
        "",
    ]
    tables = []
    for f in files:
        vi, en = _file_doc(f.name)
        table = schema_of(f.name)
        lines += [f"## `{f.name}`", ""]
        lines += [f"{vi} / {en}. {f.rows} dòng / rows." if vi else f"{f.rows} dòng / rows.", ""]
        lines += ["| cột / column | kiểu / type | quy tắc / rules | mô tả | description |", "|---|---|---|---|---|"]
        for col in f.columns:
            if table is None or col not in table.columns:
                lines.append(f"| `{md_cell(col)}` |  |  | {UNDOCUMENTED[0]} | {UNDOCUMENTED[1]} |")
                continue
            field = table.field(col)
            kind = " / ".join(TYPES.get(field.type, (field.type, field.type)))
            said = "<br>".join(md_cell(f"{vi} / {en}") for vi, en in rules(table, field))
            lines.append(
                f"| `{md_cell(col)}` | {kind} | {said} | {md_cell(field.description_vi)} | "
                f"{md_cell(field.description_en)} |"
            )
        lines.append("")
        if table is not None and table not in tables:
            tables.append(table)
    for table, field in coded_fields(tables):
        lines += [f"## {field.title_vi} / {field.title_en}", "", f"Cột / column `{field.name}` ({table.name}).", ""]
        lines += ["| mã / code | nghĩa / meaning |", "|---|---|"]
        lines += [f"| `{md_cell(code)}` | {enum_label(field.labels_vi[code])} |" for code in field.enum]
        lines.append("")
    return "\n".join(lines)


def _resource_name(rel: str) -> str:
    """A Data Package resource name for a published CSV: ``chapters/02_kinh_te.csv`` → ``chapters-02_kinh_te``."""
    return rel.removesuffix(".csv").replace("/", "-").lower()


def published_schemas(files: list[CsvFile]) -> dict[str, dict]:
    """Table name → its schema as published: foreign keys kept only towards tables the bundle holds."""
    present = {f.name.removesuffix(".csv") for f in files if "/" not in f.name}
    out = {}
    for f in files:
        table = schema_of(f.name)
        if table is None or table.name in out:
            continue
        schema = dict(table.descriptor)
        keys = [fk for fk in schema.get("foreignKeys", []) if fk["reference"]["resource"] in present]
        if keys:
            schema["foreignKeys"] = keys
        else:
            schema.pop("foreignKeys", None)
        out[table.name] = schema
    return out


def datapackage(files: list[CsvFile], sources: list[Source], project: Project) -> dict:
    """``datapackage.json``: the package of ``data/datapackage.yaml`` for the published files and sources."""
    desc = contract.load().descriptor
    resources = []
    for f in files:
        table = schema_of(f.name)
        vi, en = _file_doc(f.name)
        res = {"name": _resource_name(f.name), "path": f.name, "profile": "tabular-data-resource"}
        res.update({"format": "csv", "mediatype": "text/csv", "encoding": "utf-8", "title": vi, "title_en": en})
        if table is not None:
            res["schema"] = f"{SCHEMA_FOLDER}/{table.name}.json"
        resources.append(res)
    return {
        "name": desc["name"],
        "title": desc["title"],
        "title_en": desc.get("title_en", ""),
        "description": desc.get("description", ""),
        "description_en": desc.get("description_en", ""),
        "version": project.version,
        "licenses": list(desc.get("licenses", [])),
        "contributors": [{"title": project.author, "role": "author"}] if project.author else [],
        "sources": [
            {
                "title": s.title,
                "title_en": s.title_en,
                "issuing_body": s.issuing_body,
                "date": s.date,
                "file": f"data/raw/{s.file}",
                "sha256": s.sha256,
            }
            for s in sources
        ],
        "resources": resources,
    }


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def data_licence() -> str:
    """The data's licence as the README names it (``data/datapackage.yaml``: ``licenses``)."""
    licences = contract.load().descriptor.get("licenses", [])
    return ", ".join(f"{lic.get('title', lic['name'])} ({lic['name']})" for lic in licences)


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
        lines.append(f"| `{f.name}` | {md_cell(vi)} | {md_cell(en)} | {f.rows} |")
    lines += [
        f"| `{DICTIONARY_MD}`, `{DICTIONARY_CSV}` | Từ điển dữ liệu: nghĩa của từng cột, đơn vị, mã | "
        "Data dictionary: every column, unit and code | |",
        f"| `{DATAPACKAGE}`, `{SCHEMA_FOLDER}/*.json` | Mô tả theo chuẩn Frictionless Data Package: mỗi tệp CSV "
        "với lược đồ (Table Schema) của nó | The same as a Frictionless Data Package: every CSV with its Table "
        "Schema | |",
        f"| `{WORKBOOK_NAME}` | Toàn bộ dữ liệu dạng Excel: tên trang và cột tiếng Việt, tên và đơn vị chỉ tiêu "
        "cạnh mã, số lưu dạng số, trang Giải thích các cột | The whole dataset as an Excel workbook (Vietnamese "
        "sheet and column names, a sheet explaining the columns) | |",
        f"| `{CHAPTER_FOLDER}<chương>.xlsx` | Số liệu của từng chương dạng Excel | Each chapter's figures as an "
        "Excel workbook | |",
        f"| `{README_TEXT}` | Tệp này, dạng văn bản thuần | This file as plain text | |",
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
        f"Dữ liệu trích xuất và từ điển dữ liệu: giấy phép **{data_licence()}**; mã nguồn của dự án: giấy phép "
        f"**{project.licence}**. Văn bản báo cáo gốc là tài liệu của cơ quan ban hành nêu trên; các trích dẫn "
        "nguyên văn chỉ để kiểm chứng từng con số.",
        "",
        f"The extracted data and this dictionary: **{data_licence()}** licence; the project's code: "
        f"**{project.licence}** licence. The report itself belongs to its issuing body; verbatim quotes are "
        "included so that each figure can be checked.",
        "",
        "## Trích dẫn / How to cite",
        "",
        f"> {project.author} ({project.year}). *{contract.load().descriptor['title']}* [bộ dữ liệu], phiên bản "
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


def workbook_intro(project: Project, sources: list[Source], what: str) -> list[str]:
    """The first lines of a workbook's guide sheet: what it holds, the source, how numbers are stored."""
    lines = [what]
    for src in sources:
        lines.append(f"Nguồn: {src.title}. Cơ quan ban hành: {src.issuing_body}. Thời điểm: {src.date}.")
    lines += [
        "Số được lưu dạng số (Excel hiển thị theo cách viết số của máy); mã và kỳ (2023-04) được lưu dạng chữ. "
        "Mỗi trang có một dòng tiêu đề; bảng dưới đây giải thích từng cột của từng trang.",
        f"Giấy phép dữ liệu: {data_licence()}. Trích dẫn: {project.author} ({project.year}), "
        f"{contract.load().descriptor['title']}, phiên bản {project.version}.",
    ]
    return lines


def write_workbooks(root: Path, data_dir: Path, files: list[CsvFile], project: Project, sources) -> list[Path]:
    """The whole dataset as one workbook, and one workbook per chapter beside its CSV."""
    written = []
    taken: set[str] = set()
    sheets = [
        workbooks.sheet_data(data_dir, f.name, schema_of(f.name), taken)
        for f in files
        if "/" not in f.name and schema_of(f.name) is not None
    ]
    title = contract.load().descriptor["title"]
    intro = workbook_intro(project, sources, f"Toàn bộ dữ liệu của sách, mỗi tệp CSV một trang: {len(sheets)} trang.")
    write_bytes_atomic(data_dir / WORKBOOK_NAME, workbooks.workbook_bytes(title, intro, sheets))
    written.append(data_dir / WORKBOOK_NAME)
    for f in files:
        if not f.name.startswith(CHAPTER_FOLDER):
            continue
        sheet = workbooks.sheet_data(data_dir, f.name, schema_of(f.name), set())
        chapter = f.name.removeprefix(CHAPTER_FOLDER).removesuffix(".csv")
        intro = workbook_intro(project, sources, f"Các số liệu dùng trong chương {chapter}, kèm trích dẫn nguyên văn.")
        path = data_dir / f.name.replace(".csv", ".xlsx")
        write_bytes_atomic(path, workbooks.workbook_bytes(f"{title}: chương {chapter}", intro, [sheet]))
        written.append(path)
    return written


def _with_bom(text: str) -> bytes:
    return (csvout.BOM + text).encode("utf-8")


def write_exports(root: Path, data_dir: Path) -> list[Path]:
    """Write the dictionary, the data package, the READMEs, the workbooks and the zip into ``data_dir``.

    ``data_dir`` (``html/data``) must already hold the CSVs (the build copies them); they are rewritten for
    Excel (BOM, neutralised cells; chapters' CSVs with the indicator's name and unit). The zip holds every
    file of ``data_dir`` except itself and the print edition. Returns the paths written.
    """
    indicators = data_dir / "indicators.csv"
    for chapter in sorted((data_dir / CHAPTER_FOLDER).glob("*.csv")):
        if indicators.is_file():
            csvout.add_indicator_columns(chapter, indicators)
    files = published_csvs(data_dir)
    project, sources = read_project(root), read_sources(root / "data")
    readme = readme_markdown(project, sources, files)
    # The print edition, when the build put one here (chitieu.build.pdf.edition): listed, but not zipped.
    editions = collect_site_editions(data_dir)
    readme += readme_section(editions)
    texts = {
        DICTIONARY_MD: _with_bom(dictionary_markdown(files)),
        DICTIONARY_CSV: _with_bom(dictionary_csv(files)),
        DATAPACKAGE: _json(datapackage(files, sources, project)).encode("utf-8"),
        README_NAME: _with_bom(readme),
        README_TEXT: _with_bom(readme),
    }
    texts.update(
        {f"{SCHEMA_FOLDER}/{name}.json": _json(s).encode("utf-8") for name, s in published_schemas(files).items()}
    )
    written = []
    for name, data in texts.items():
        (data_dir / name).parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(data_dir / name, data)
        written.append(data_dir / name)
    written += write_workbooks(root, data_dir, files, project, sources)
    for f in files:
        csvout.rewrite_for_excel(data_dir / f.name)
    csvout.rewrite_for_excel(data_dir / DICTIONARY_CSV)
    members = sorted(
        p.relative_to(data_dir).as_posix()
        for p in data_dir.rglob("*")
        if p.is_file() and p.name != ZIP_NAME and not p.name.startswith(".") and p not in editions
    )
    zip_path = data_dir / ZIP_NAME
    write_bytes_atomic(zip_path, deterministic_zip(data_dir, members))
    return written + [zip_path]
