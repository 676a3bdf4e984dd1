"""The data contract in words, written from ``data/schema``: the tables of ``docs/data_contract.md``.

The document keeps its hand-written sections; the blocks between ``<!-- generated … (block: NAME) -->`` and
``<!-- end of generated block: NAME -->`` are rewritten by ``python -m chitieu contract-docs`` (``make docs``)
from the contract and the data it points at (the raw sources' sidecars, ``localities.csv``), and a test
fails when they are out of date. The published data dictionary (:mod:`chitieu.build.exports`) words the
rules with the same functions.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from chitieu import config
from chitieu.atomic import write_text_atomic
from chitieu.data import contract
from chitieu.data.contract import Field, Table
from chitieu.data.errors import DataValidationError
from chitieu.data.structure import read_table

DOC = config.PROJ_ROOT / "docs" / "data_contract.md"
BEGIN = "<!-- generated from data/schema: do not edit; run python -m chitieu contract-docs (block: {name}) -->"
END = "<!-- end of generated block: {name} -->"
TYPES: dict[str, tuple[str, str]] = {
    "string": ("chữ", "text"),
    "number": ("số", "number"),
    "integer": ("số nguyên", "integer"),
    "boolean": ("true/false", "boolean"),
}


def md_cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def _code(text: str) -> str:
    return f"`{text}`"


def _signed(value) -> str:
    return str(value).replace("-", "−")


def rules(table: Table, f: Field) -> list[tuple[str, str]]:
    """The rules of one column in words, ``(Vietnamese, English)`` each, in a fixed order."""
    out = []
    if f.required or f.name in table.primary_key:
        out.append(("bắt buộc", "required"))
    if f.unique or table.primary_key == (f.name,):
        out.append(("duy nhất", "unique"))
    if f.minimum is not None and f.maximum is not None:
        out.append((f"{_signed(f.minimum)}–{f.maximum}", f"{f.minimum}–{f.maximum}"))
    elif f.minimum is not None:
        out.append((f"≥ {_signed(f.minimum)}", f"≥ {f.minimum}"))
    if f.type == "boolean":
        words = " / ".join(_code(v) for v in (*f.true_values, *f.false_values))
        out.append((f"{words} hoặc trống", f"{words} or blank"))
    if f.enum is not None:
        if f.labels_vi:
            out.append((f"mã: bảng {f.title_vi}", f"codes: the {f.title_en} table"))
        else:
            codes = ", ".join(_code(c) for c in f.enum)
            out.append((f"một trong {codes}", f"one of {codes}"))
    if f.pattern:
        out.append((f"mẫu {_code(f.pattern)}", f"pattern {_code(f.pattern)}"))
    if "years" in f.descriptor:
        years = f.descriptor["years"]
        out.append((f"năm {years['minimum']}–{years['maximum']}", f"years {years['minimum']}–{years['maximum']}"))
    for fk in table.foreign_keys:
        if fk.fields == (f.name,):
            path, col = _code(contract.load().resources[fk.resource].path), _code(fk.reference_fields[0])
            out.append((f"có trong cột {col} của {path}", f"found in column {col} of {path}"))
    if "value_ranges" in f.descriptor:
        vi, en = [], []
        for unit, bounds in f.descriptor["value_ranges"].items():
            if "minimum" in (bounds or {}) and "maximum" in bounds:
                vi.append(f"{_code(unit)} {_signed(bounds['minimum'])}..{bounds['maximum']}")
                en.append(f"{_code(unit)} {bounds['minimum']}..{bounds['maximum']}")
            else:
                vi.append(f"{_code(unit)} có thể âm")
                en.append(f"{_code(unit)} may be negative")
        out.append(
            ("giá trị: " + ", ".join(vi) + ", đơn vị khác ≥ 0", "values: " + ", ".join(en) + ", other units ≥ 0")
        )
    return out


def coded_fields(tables: list[Table]) -> list[tuple[Table, Field]]:
    """The columns whose codes have Vietnamese labels, once each, in table and column order."""
    return [(t, f) for t in tables for f in t.fields if f.enum is not None and f.labels_vi]


def enum_label(label: str) -> str:
    """A code's label as a table shows it (a code that reads as nothing says so)."""
    return md_cell(label) if label else "(không ghi / none)"


# --------------------------------------------------------------------------------------- the document


def _source_block(data_dir: Path) -> list[str]:
    pattern = contract.load().descriptor["sources_from"]
    lines = [f"Sources (from the sidecars `data/{pattern}`):", ""]
    for meta in sorted(data_dir.glob(pattern)):
        info = json.loads(meta.read_text(encoding="utf-8"))
        lines += [
            f"- `data/raw/{info['file']}`: {info.get('title', '')} ({info.get('title_en', '')}).",
            f"  Issued by {info.get('issuing_body', '')}; date: {info.get('date', '')}.",
            f"  {info.get('encoding', '')}; sha256 `{info.get('sha256', '')}`.",
        ]
    return lines


def _files_block(data_dir: Path) -> list[str]:
    lines: list[str] = []
    for res in contract.load().resources.values():
        t = res.table
        lines += [f"### data/{res.path}", "", f"{t.description_en} Schema: `data/{t.schema_path}`.", ""]
        lines += ["| column | type | rules | meaning |", "|---|---|---|---|"]
        for f in t.fields:
            shown = "; ".join(en for _, en in rules(t, f))
            lines.append(f"| `{f.name}` | {f.type} | {md_cell(shown)} | {md_cell(f.description_en)} |")
        if len(t.primary_key) > 1:
            lines += ["", "Primary key: " + ", ".join(_code(c) for c in t.primary_key) + " (no two rows share them)."]
        lines.append("")
    return lines[:-1]


def _codes_block(data_dir: Path) -> list[str]:
    lines: list[str] = []
    tables = [res.table for res in contract.load().resources.values()]
    for t, f in coded_fields(tables):
        lines += [f"### {f.title_en} (`{t.name}.{f.name}`)", "", "| code | Vietnamese label |", "|---|---|"]
        lines += [f"| `{code}` | {enum_label(f.labels_vi[code])} |" for code in f.enum]
        lines.append("")
    return lines[:-1]


def _localities_block(data_dir: Path) -> list[str]:
    errors: list = []
    rows = read_table(data_dir, "localities", errors)
    if errors:
        raise DataValidationError(errors)
    names: dict[str, tuple[str, list[str]]] = {}
    for _, rec in rows:
        kind, variants = names.setdefault(rec["locality"], (rec["kind"], []))
        if rec["variant"] != rec["locality"]:
            variants.append(rec["variant"])
    lines = []
    for kind in contract.enum("localities", "kind"):
        shown = [
            f"`{name}`" + (f" (also written {', '.join(variants)})" if variants else "")
            for name, (k, variants) in names.items()
            if k == kind
        ]
        lines.append(f"- {kind}: " + ", ".join(shown) + ".")
    return lines


BLOCKS: dict[str, Callable[[Path], list[str]]] = {
    "source": _source_block,
    "files": _files_block,
    "codes": _codes_block,
    "localities": _localities_block,
}


def render_contract_doc(text: str, data_dir: Path = config.DATA_DIR) -> str:
    """``text`` with every generated block rewritten from the contract (the hand-written rest unchanged).

    Raises
    ------
    ValueError
        For a block whose end marker is missing, or a block name no generator knows.
    """
    out, pos = [], 0
    for m in re.finditer(r"<!-- generated from data/schema: [^\n]*\(block: (\w+)\) -->\n", text):
        name = m.group(1)
        if name not in BLOCKS:
            raise ValueError(f"unknown generated block {name!r} (known: {', '.join(BLOCKS)})")
        end = text.find(END.format(name=name), m.end())
        if end < 0:
            raise ValueError(f"generated block {name!r} has no end marker {END.format(name=name)!r}")
        out += [text[pos : m.start()], BEGIN.format(name=name), "\n", "\n".join(BLOCKS[name](data_dir)), "\n"]
        pos = end
    out.append(text[pos:])
    return "".join(out)


def update_contract_doc(path: Path = DOC, data_dir: Path = config.DATA_DIR, check: bool = False) -> bool:
    """Rewrite the generated blocks of ``path``; return whether they were out of date (``check``: write nothing)."""
    text = path.read_text(encoding="utf-8")
    new = render_contract_doc(text, data_dir)
    if new != text and not check:
        write_text_atomic(path, new)
    return new != text
