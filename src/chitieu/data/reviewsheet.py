"""The review file's layout: sheets, columns, titles and notes, shared by its writer and its importer.

``python -m chitieu candidates`` writes candidate rows for a person to review (``.xlsx`` for Excel or
LibreOffice, or ``.csv``); ``python -m chitieu import`` reads the reviewed file back. Both read this module, so
that a column is named, explained and recognised in one place. In the ``.xlsx`` a column is found by its
Vietnamese title or by its key (the ``.csv`` uses the keys, which are the column names of
``observations.csv`` and ``indicators.csv``).

Sheet :data:`OBSERVATIONS_SHEET` holds one candidate per row; the reviewer writes a decision (:data:`DECISIONS`)
and corrects the cells. Sheet :data:`INDICATORS_SHEET` is for new indicators, one per row, with the columns of
``indicators.csv``. Only rows whose decision is *nhận* or *sửa* are imported.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

OBSERVATIONS_SHEET = "Số liệu"
INDICATORS_SHEET = "Chỉ tiêu mới"
LISTS_SHEET = "Danh mục"
GUIDE_SHEET = "Hướng dẫn"

ACCEPT, DROP, EDIT = "nhận", "bỏ", "sửa"
DECISIONS = (ACCEPT, DROP, EDIT)
"""nhận: import the row as it is; sửa: import it as corrected; bỏ: do not import it."""
IMPORTED = frozenset({ACCEPT, EDIT})
_DECISION_SPELLINGS = {"nhan": ACCEPT, "bo": DROP, "sua": EDIT}


@dataclass(frozen=True)
class Column:
    """A column of the review file.

    Attributes
    ----------
    key : str
        Its name in the ``.csv`` and, for an imported column, in the data file.
    title : str
        Its Vietnamese title in the ``.xlsx``.
    note : str
        What it holds and what to write (the header cell's note in the ``.xlsx``).
    imported : bool
        The importer reads it (a missing imported column refuses the import; ``optional`` ones may be absent).
    optional : bool
        An imported column that may be absent (``obs_id``: derived when missing).
    width : int
        Column width in the ``.xlsx`` (characters).
    """

    key: str
    title: str
    note: str
    imported: bool = False
    optional: bool = False
    width: int = 14


OBSERVATION_COLUMNS: tuple[Column, ...] = (
    Column(
        "decision",
        "Quyết định",
        "nhận: nhập dòng như đang ghi; sửa: nhập sau khi đã sửa các ô; bỏ: không nhập. Để trống: chưa xem, không nhập.",
        imported=True,
        width=11,
    ),
    Column(
        "source_quote",
        "Trích dẫn nguyên văn",
        "Đoạn văn bản gốc chứa con số (tô đậm màu đỏ). Có thể rút ngắn hoặc mở rộng, nhưng phải giữ đúng từng ký tự "
        "như trong văn bản gốc, trên một dòng.",
        imported=True,
        width=60,
    ),
    Column(
        "value",
        "Giá trị",
        "Con số đọc theo cách Việt Nam (7.943 → 7943; 13,7 → 13,7). Phải là một số ghi trong trích dẫn.",
        imported=True,
        width=11,
    ),
    Column("number_text", "Số như đã viết", "Con số đúng như văn bản gốc viết (để đối chiếu; không nhập).", width=11),
    Column(
        "indicator_id",
        "Mã chỉ tiêu",
        "Chọn trong danh sách (trang Danh mục). Đã điền sẵn chỉ tiêu đề xuất; sửa nếu sai. Chỉ tiêu mới: thêm ở "
        "trang 'Chỉ tiêu mới' rồi ghi mã ở đây.",
        imported=True,
        width=34,
    ),
    Column("suggested_name_vi", "Tên chỉ tiêu đề xuất", "Tên của chỉ tiêu đề xuất (không nhập).", width=34),
    Column(
        "confidence",
        "Độ tin cậy",
        "Mức khớp của chỉ tiêu đề xuất với đoạn văn, từ 0 đến 1 (không nhập).",
        width=9,
    ),
    Column("runner_up_indicator_id", "Chỉ tiêu thứ hai", "Chỉ tiêu khớp thứ hai (không nhập).", width=30),
    Column("runner_up_name_vi", "Tên chỉ tiêu thứ hai", "Tên của chỉ tiêu khớp thứ hai (không nhập).", width=30),
    Column("runner_up_confidence", "Độ tin cậy (thứ hai)", "Mức khớp của chỉ tiêu thứ hai (không nhập).", width=9),
    Column(
        "period",
        "Kỳ",
        "2024 (một năm, hoặc 'đến nay'); 2021-2024 (nhiều năm); 2024-05 (đến một tháng); 2024-01/2024-05 (một phần "
        "năm, vd. 5 tháng đầu năm).",
        imported=True,
        width=16,
    ),
    Column(
        "qualifier",
        "Từ định lượng",
        "exact (đúng bằng); approx (khoảng); more_than (trên, hơn); at_least (từ … trở lên); at_most (tối đa); "
        "nearly (gần); less_than (dưới).",
        imported=True,
        width=11,
    ),
    Column(
        "status",
        "Loại số liệu",
        "actual (thực hiện); estimate (ước, dự ước, dự kiến trong năm); plan (kế hoạch).",
        imported=True,
        width=10,
    ),
    Column(
        "locality",
        "Địa bàn",
        "Để trống nếu là số của toàn thị xã; nếu không, chọn phường/xã trong danh sách.",
        imported=True,
        width=13,
    ),
    Column(
        "source_ref",
        "Vị trí trong báo cáo",
        "Phần, mục, ý hoặc chú thích (vd. P1:B.II:(7), P1:B.III.1.3:fn3), suy ra từ tiêu đề và số chú thích.",
        imported=True,
        width=18,
    ),
    Column(
        "obs_id",
        "Mã số liệu",
        "Để trống để tự tạo (mã chỉ tiêu.kỳ, thêm .địa_bàn). Mã đã có trong data/observations.csv bị từ chối, trừ "
        "khi nhập với --replace (thay dòng cũ).",
        imported=True,
        optional=True,
        width=30,
    ),
    Column("line", "Dòng", "Số dòng trong tệp văn bản gốc (không nhập).", width=7),
    Column(
        "known",
        "Đã có",
        "có: cùng chỉ tiêu, kỳ và giá trị đã có trong dữ liệu (thường để 'bỏ'); không: chưa có (không nhập).",
        width=8,
    ),
    Column(
        "period_basis", "Kỳ suy ra từ", "Cụm từ trong văn bản cho biết kỳ; trống: kỳ mặc định (không nhập).", width=20
    ),
    Column("review_note", "Ghi chú", "Ghi chú của người rà soát (không nhập).", width=24),
)
"""Columns of the candidates sheet, in order."""

INDICATOR_COLUMNS: tuple[Column, ...] = (
    Column(
        "decision",
        "Quyết định",
        "nhận hoặc sửa: thêm chỉ tiêu này vào indicators.csv; bỏ hoặc để trống: không.",
        imported=True,
        width=11,
    ),
    Column(
        "indicator_id",
        "Mã chỉ tiêu",
        "Chữ thường ASCII, số và _ (vd. ocop_products); không trùng mã đã có.",
        imported=True,
        width=30,
    ),
    Column("chapter", "Lĩnh vực", "Chọn trong danh sách (trang Danh mục).", imported=True, width=16),
    Column("name_vi", "Tên tiếng Việt", "Tên chỉ tiêu, tự nhiên, có dấu.", imported=True, width=40),
    Column("name_en", "Tên tiếng Anh", "Tên chỉ tiêu bằng tiếng Anh.", imported=True, width=30),
    Column("unit", "Đơn vị", "Chọn trong danh sách (trang Danh mục).", imported=True, width=14),
    Column(
        "higher_is_better",
        "Càng cao càng tốt",
        "true, false, hoặc để trống khi không bên nào.",
        imported=True,
        width=10,
    ),
    Column(
        "resolution_no",
        "Số chỉ tiêu chủ yếu",
        "1–14 nếu là chỉ tiêu chủ yếu của Nghị quyết; thường để trống.",
        imported=True,
        width=10,
    ),
    Column("description_vi", "Mô tả", "Một câu: đo gì, đo thế nào.", imported=True, width=50),
)
"""Columns of the new-indicators sheet (the columns of ``indicators.csv`` after the decision)."""


def contract_codes() -> dict[str, dict[str, str]]:
    """Codes and Vietnamese labels of the coded columns the review file offers in drop-downs (and the unit
    labels the candidates read), from the data contract.

    The one place the candidates, the workbook and the importer read the contract's codes (its Table Schema,
    ``data/schema/``, :mod:`chitieu.data.contract`).
    """
    from chitieu.data import contract

    return {
        "qualifier": dict(contract.QUALIFIERS),
        "status": dict(contract.STATUSES),
        "chapter": dict(contract.TOPICS),
        "unit": dict(contract.UNITS),
    }


def data_columns(table: str) -> tuple[str, ...]:
    """The columns of ``observations.csv`` or ``indicators.csv``, in file order (from the data contract)."""
    from chitieu.data import contract

    return tuple(contract.columns(table))


def normalise_header(text) -> str:
    """A header cell as compared: NFC, trimmed, case-folded."""
    return unicodedata.normalize("NFC", str(text or "")).strip().casefold()


def column_by_header(columns: tuple[Column, ...]) -> dict[str, Column]:
    """Each column under its normalised title and its normalised key."""
    out: dict[str, Column] = {}
    for col in columns:
        out[normalise_header(col.title)] = col
        out[normalise_header(col.key)] = col
    return out


def read_decision(text) -> str | None:
    """A decision cell as one of :data:`DECISIONS` (``""`` when blank; accents optional: ``nhan`` → ``nhận``);
    None when it is something else."""
    word = unicodedata.normalize("NFC", str(text or "")).strip().lower()
    if not word:
        return ""
    if word in DECISIONS:
        return word
    return _DECISION_SPELLINGS.get(word)
