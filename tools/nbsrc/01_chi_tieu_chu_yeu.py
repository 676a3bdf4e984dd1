"""Chapter 1: the resolution's key indicators, value against target, computed status."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _nb import code, md, params, write  # noqa: E402

PARAMS = params()

write(
    "01_chi_tieu_chu_yeu.ipynb",
    [
        md(
            """
# Các chỉ tiêu chủ yếu của Nghị quyết

Nghị quyết Đại hội Đảng bộ thị xã nhiệm kỳ 2020 – 2025 đề ra {glue:text}`n_total` chỉ tiêu chủ yếu.
Chương này đặt giá trị mới nhất của từng chỉ tiêu, tính đến năm {glue:text}`report_year`, cạnh mức
Nghị quyết đề ra, và tính trạng thái theo một quy tắc viết rõ (xem phần Cách đọc ở trang đầu).
"""
        ),
        PARAMS,
        code(
            """
from chitieu.data.load import load_dataset
from chitieu.book import charts, figures
from chitieu.analysis import keyindicators as ki
from chitieu.book.glue import glue_text
from chitieu.book.tables import show_table
from chitieu.data.vnnum import format_vn
from chitieu.book.fmt import join_vi
""",
            "remove-cell",
        ),
        code(
            """
ds = load_dataset(data_dir)
table = ki.key_indicators(ds, report_year)
computed = ki.status_counts(table)
reported = ki.status_counts(table, "report_status")
differ = ki.disagreements(table)
""",
            "remove-cell",
        ),
        code(
            """
glue_text("report_year", str(report_year))
glue_text("n_total", format_vn(len(table)))
glue_text("n_met", format_vn(computed["met"]))
glue_text("n_nearly", format_vn(computed["nearly_met"]))
glue_text("n_not_met", format_vn(computed["not_met"]))
glue_text("n_no_target", format_vn(computed["no_target"]))
glue_text("n_no_data", format_vn(computed["no_data"]))
glue_text("r_met", format_vn(reported["met"]))
glue_text("r_nearly", format_vn(reported["nearly_met"]))
glue_text("r_not_met", format_vn(reported["not_met"]))
glue_text("n_differ", format_vn(len(differ)))
glue_text("differ_list", join_vi([f"{r.resolution_no}" for r in differ.itertuples()]) or "không có")
""",
            "remove-cell",
        ),
        md(
            """
## Kết quả tóm tắt

Theo quy tắc của cuốn sách, tính đến năm {glue:text}`report_year`: **{glue:text}`n_met` chỉ tiêu đạt**,
{glue:text}`n_nearly` gần đạt, {glue:text}`n_not_met` chưa đạt; {glue:text}`n_no_target` chỉ tiêu
báo cáo không nêu mức cụ thể nên không thể tính, và {glue:text}`n_no_data` chỉ tiêu chưa có số liệu
cho năm này.

Báo cáo tự đánh giá (chú thích ¹ mục B.II): {glue:text}`r_met` chỉ tiêu đạt, {glue:text}`r_nearly`
gần đạt và {glue:text}`r_not_met` chưa đạt. Hai cách đánh giá khác nhau ở {glue:text}`n_differ` chỉ tiêu
(số thứ tự: {glue:text}`differ_list`). Phần lớn khác biệt đến từ các chỉ tiêu mà báo cáo không ghi mức
chỉ tiêu bằng con số: báo cáo vẫn đánh giá được, còn dữ liệu thì không.
"""
        ),
        md("## Bảng các chỉ tiêu chủ yếu"),
        code(
            """
show_table(ki.display_table(table), ki.DISPLAY_COLUMNS)
""",
            "remove-input",
        ),
        md(
            """
## Từng chỉ tiêu so với mức đề ra

Mỗi dòng là một chỉ tiêu, với thang đo riêng vì đơn vị khác nhau. Dải xám là mức Nghị quyết đề ra;
thanh màu là giá trị mới nhất, tô nhạt và viền nét đứt khi là số ước tính.
"""
        ),
        code(
            """
chart_table = ki.display_table(table[table["value"].notna()])
charts.show_chart(
    charts.key_indicator_bullets(table),
    caption="Hình 1.1. Các chỉ tiêu chủ yếu so với mức Nghị quyết đề ra.",
    description=f"Biểu đồ thanh: giá trị mới nhất của từng chỉ tiêu chủ yếu tính đến năm {report_year}, "
    "đặt trên dải mức chỉ tiêu; màu và biểu tượng cho biết đạt, gần đạt hay chưa đạt.",
    table=chart_table,
    table_columns=ki.DISPLAY_COLUMNS,
)
""",
            "remove-input",
        ),
        md("## Các số liệu được dùng trong chương"),
        code(
            """
figures.figures_section(ds, table["obs_id"], "01_chi_tieu_chu_yeu")
""",
            "remove-input",
        ),
    ],
)
