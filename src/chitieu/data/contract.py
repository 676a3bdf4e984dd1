"""The data contract, read from its machine-readable form: ``data/datapackage.yaml`` and ``data/schema/``.

Each data file has a Frictionless Table Schema (``data/schema/<table>.schema.yaml``): its columns in order,
their types, enumerations, patterns, required and unique rules, primary and foreign keys. Besides the
standard properties a field carries ``title_en`` and ``description_en``; a coded field ``enum_labels_vi``
(how each code reads in the book: ``billion_vnd`` → "tỷ đồng"); a pattern ``pattern_hint_vi`` /
``pattern_hint_en`` (what an error message asks for). Two rules are data too: the years a period may name
(``observations.period``: ``years``) and where a value may lie in each unit (``indicators.unit``:
``value_ranges``).

This module reads those files once and is the only place the code learns the contract from: the
validation (:mod:`chitieu.data.structure` for the rules a schema states, :mod:`chitieu.data.validate` for
the rest), the book's labels, the docs and the published data dictionary.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from chitieu import config

DESCRIPTOR = config.DATA_DIR / "datapackage.yaml"
SCHEMA_SUFFIX = ".schema.yaml"


@dataclass(frozen=True, eq=False)
class Field:
    """One column of a data file, as its Table Schema describes it."""

    name: str
    type: str
    title_vi: str
    title_en: str
    description_vi: str
    description_en: str
    required: bool = False
    unique: bool = False
    enum: tuple[str, ...] | None = None
    labels_vi: Mapping[str, str] = field(default_factory=dict)
    pattern: str | None = None
    pattern_hint: tuple[str, str] | None = None
    minimum: int | float | None = None
    maximum: int | float | None = None
    true_values: tuple[str, ...] = ("true",)
    false_values: tuple[str, ...] = ("false",)
    descriptor: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class ForeignKey:
    """``fields`` of a table refer to ``reference_fields`` of the table ``resource``."""

    fields: tuple[str, ...]
    resource: str
    reference_fields: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class Table:
    """The Table Schema of one file: ``name`` is the schema file's stem (``observations``)."""

    name: str
    schema_path: str
    title_vi: str
    title_en: str
    description_vi: str
    description_en: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...]
    descriptor: Mapping[str, Any]

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"{self.name} has no column {name!r}")


@dataclass(frozen=True, eq=False)
class Resource:
    """A data file of ``data/`` (``path`` relative to it) and its schema."""

    name: str
    path: str
    table: Table


@dataclass(frozen=True, eq=False)
class Contract:
    """The package descriptor, its resources (the data files) and every schema of ``data/schema``."""

    descriptor: Mapping[str, Any]
    resources: Mapping[str, Resource]
    tables: Mapping[str, Table]


@dataclass(frozen=True)
class UnitRange:
    """Where a value in a unit may lie (``None``: unbounded), and what to tell someone who typed it wrong."""

    minimum: Decimal | None
    maximum: Decimal | None
    hint_vi: str = ""
    hint_en: str = ""


# libyaml's parser when PyYAML has it: every chapter's kernel reads the contract (ten times faster).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(path: Path) -> dict:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506 (a safe loader)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a YAML mapping")
    return data


def _field(desc: Mapping[str, Any]) -> Field:
    cons = desc.get("constraints", {}) or {}
    hint = desc.get("pattern_hint_vi"), desc.get("pattern_hint_en")
    return Field(
        name=desc["name"],
        type=desc.get("type", "string"),
        title_vi=desc.get("title", ""),
        title_en=desc.get("title_en", ""),
        description_vi=desc.get("description", ""),
        description_en=desc.get("description_en", ""),
        required=bool(cons.get("required", False)),
        unique=bool(cons.get("unique", False)),
        enum=tuple(str(v) for v in cons["enum"]) if "enum" in cons else None,
        labels_vi=MappingProxyType({str(k): str(v) for k, v in (desc.get("enum_labels_vi") or {}).items()}),
        pattern=cons.get("pattern"),
        pattern_hint=hint if all(hint) else None,
        minimum=cons.get("minimum"),
        maximum=cons.get("maximum"),
        true_values=tuple(desc.get("trueValues", ("true",))),
        false_values=tuple(desc.get("falseValues", ("false",))),
        descriptor=MappingProxyType(dict(desc)),
    )


def _table(name: str, schema_path: str, desc: Mapping[str, Any]) -> Table:
    return Table(
        name=name,
        schema_path=schema_path,
        title_vi=desc.get("title", ""),
        title_en=desc.get("title_en", ""),
        description_vi=desc.get("description", ""),
        description_en=desc.get("description_en", ""),
        fields=tuple(_field(f) for f in desc["fields"]),
        primary_key=tuple(desc.get("primaryKey", ())),
        foreign_keys=tuple(
            ForeignKey(tuple(fk["fields"]), fk["reference"]["resource"], tuple(fk["reference"]["fields"]))
            for fk in desc.get("foreignKeys", ())
        ),
        descriptor=MappingProxyType(desc),
    )


def read_contract(descriptor: Path) -> Contract:
    """Read a package descriptor and every ``*.schema.yaml`` beside its resources' schemas (no caching)."""
    package = _read_yaml(descriptor)
    base = descriptor.parent
    schema_dirs = {(base / res["schema"]).parent for res in package["resources"]}
    tables: dict[str, Table] = {}
    for folder in sorted(schema_dirs):
        for path in sorted(folder.glob(f"*{SCHEMA_SUFFIX}")):
            name = path.name.removesuffix(SCHEMA_SUFFIX)
            tables[name] = _table(name, path.relative_to(base).as_posix(), _read_yaml(path))
    resources = {}
    for res in package["resources"]:
        stem = Path(res["schema"]).name.removesuffix(SCHEMA_SUFFIX)
        resources[res["name"]] = Resource(res["name"], res["path"], tables[stem])
    return Contract(MappingProxyType(package), MappingProxyType(resources), MappingProxyType(tables))


@functools.cache
def load() -> Contract:
    """The project's contract (``data/datapackage.yaml``), read once per process."""
    return read_contract(DESCRIPTOR)


def table(name: str) -> Table:
    """The schema of a table: ``table("observations")``."""
    return load().tables[name]


def columns(name: str) -> tuple[str, ...]:
    """The columns of a table, in file order."""
    return table(name).columns


def enum(name: str, column: str) -> tuple[str, ...]:
    """The codes a coded column allows, in the schema's order."""
    values = table(name).field(column).enum
    if values is None:
        raise KeyError(f"{name}.{column} has no enumeration")
    return values


def labels_vi(name: str, column: str) -> dict[str, str]:
    """Code → Vietnamese label of a coded column, in the schema's order (``""``: the code reads as nothing)."""
    f = table(name).field(column)
    return {code: f.labels_vi[code] for code in enum(name, column)}


def year_window() -> tuple[int, int]:
    """First and last year a period may name (``observations.period``: ``years``)."""
    years = table("observations").field("period").descriptor["years"]
    return int(years["minimum"]), int(years["maximum"])


@functools.cache
def unit_range(unit: str) -> UnitRange:
    """Where a value in ``unit`` may lie (``indicators.unit``: ``value_ranges``); an unlisted unit is never negative."""
    ranges = table("indicators").field("unit").descriptor.get("value_ranges", {})
    if unit not in ranges:
        return UnitRange(Decimal(0), None)
    spec = ranges[unit] or {}

    def bound(key: str) -> Decimal | None:
        return Decimal(str(spec[key])) if key in spec else None

    return UnitRange(bound("minimum"), bound("maximum"), spec.get("hint_vi", ""), spec.get("hint_en", ""))


# What the code names most often, read from the schema once.
UNITS = labels_vi("indicators", "unit")
TOPICS = labels_vi("indicators", "chapter")
QUALIFIERS = labels_vi("observations", "qualifier")
STATUSES = labels_vi("observations", "status")
TARGET_KINDS = labels_vi("targets", "kind")
REPORT_STATUSES = labels_vi("report_assessment", "report_status")
MIN_YEAR, MAX_YEAR = year_window()
