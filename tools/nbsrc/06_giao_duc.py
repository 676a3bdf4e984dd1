"""Chapter 6: education and training — schools by level, national-standard schools (key indicator 5)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _nb import hidden, md, output, params, write  # noqa: E402

write(
    "06_giao_duc.ipynb",
    [
        md(
            """
# Giáo dục và đào tạo

{glue:text}`gd_summary`

Chương này đặt các con số về giáo dục của báo cáo cạnh nhau: mạng lưới trường học, số trường đạt chuẩn
quốc gia (chỉ tiêu chủ yếu số {glue:text}`gd_key_no` của Nghị quyết), đầu tư cơ sở vật chất và các chỉ số chất lượng. Số liệu
được xem đến năm {glue:text}`gd_year`.
"""
        ),
        params(),
        hidden(
            """
from chitieu.data.load import load_dataset
from chitieu.book import chapter, charts, figures, tables
from chitieu.analysis import keyindicators as ki
from chitieu.book.glue import glue_text
from huongtra import giao_duc as gd
"""
        ),
        hidden(
            """
ds = load_dataset(data_dir)
key = ki.key_indicators(ds, report_year)
key5 = key[key["resolution_no"] == 5]
texts = gd.texts(ds, report_year, key5.iloc[0])
levels = gd.schools_by_level(ds, report_year)
counts = gd.standard_count_statements(ds, report_year)
statements = gd.standard_statements(ds, report_year)
quality = gd.quality_rows(ds, report_year)
"""
        ),
        hidden(
            """
glue_text("gd_year", texts["year"])
glue_text("gd_key_no", texts["key_no"])
glue_text("gd_summary", texts["summary"])
glue_text("gd_network", texts["network"])
glue_text("gd_clc", texts["clc"])
glue_text("gd_statements", texts["statements"])
glue_text("gd_start", texts["start"])
glue_text("gd_need", texts["need"])
glue_text("gd_investment", texts["investment"])
glue_text("gd_quality", texts["quality"])
"""
        ),
        md(
            """
## Mạng lưới trường học

{glue:text}`gd_network` {glue:text}`gd_clc`

Báo cáo nhận định hệ thống trường học "được sắp xếp hợp lý theo quy hoạch", và phần nhiệm vụ đến năm
2025 đặt hướng rà soát mạng lưới, điều chỉnh quy mô lớp học, thu gọn các điểm trường. Báo cáo không nêu
số học sinh, số lớp hay số giáo viên, nên sách không thể tính sĩ số bình quân hay tỷ lệ học sinh trên giáo
viên.
"""
        ),
        output(
            """
charts.chart_or_note(
    levels,
    gd.levels_chart,
    caption="Hình 6.1. Số trường học theo cấp học.",
    description=f"Biểu đồ thanh ngang: số trường của từng cấp học trên địa bàn thị xã, tính đến năm {report_year}, "
    "xếp từ nhiều đến ít.",
    report_year=report_year,
    notice=f"Báo cáo chưa nêu cơ cấu trường theo cấp học cho năm {report_year}.",
)
"""
        ),
        md(
            """
## Trường đạt chuẩn quốc gia

{glue:text}`gd_statements`

{glue:text}`gd_start`

Hình 6.2 đặt các cách nêu cạnh nhau theo từng năm; cột nhạt, viền nét đứt là số ước tính đến cuối năm.
Bảng sau đó chia lại từng phân số để kiểm tra tỷ lệ phần trăm báo cáo ghi.
"""
        ),
        output(
            """
charts.chart_or_note(
    counts,
    gd.statements_chart,
    caption="Hình 6.2. Số trường đạt chuẩn quốc gia, theo từng chỗ báo cáo nêu.",
    description=f"Biểu đồ cột nhóm: số trường đạt chuẩn quốc gia mỗi năm đến {report_year}, một cột theo phần "
    "chỉ tiêu chủ yếu và một cột theo mục giáo dục của báo cáo.",
    report_year=report_year,
    notice=f"Chưa có số liệu về trường đạt chuẩn quốc gia đến năm {report_year}.",
)
"""
        ),
        output(
            """
tables.table_or_note(statements, gd.STATEMENT_COLUMNS, report_year=report_year, notice="Chưa có tỷ lệ nào để đối chiếu.")
"""
        ),
        md(
            """
### So với mục tiêu năm 2025

{glue:text}`gd_need`

Trong phần hạn chế, báo cáo giải thích vì sao tiến độ chậm: kinh phí duy tu, sửa chữa nhỏ và xây các
công trình phụ của trường học còn khó khăn, phần đối ứng của ngân sách phường, xã còn hạn chế.
"""
        ),
        output(
            """
charts.key_bullets_or_note(
    key5,
    caption="Hình 6.3. Tỷ lệ trường đạt chuẩn quốc gia so với mục tiêu năm 2025.",
    description=f"Biểu đồ thanh: tỷ lệ trường đạt chuẩn quốc gia mới nhất tính đến năm {report_year}, đặt trên "
    "dải xám là vùng đạt mục tiêu của Nghị quyết; màu và biểu tượng cho biết trạng thái.",
    report_year=report_year,
)
"""
        ),
        md(
            """
## Đầu tư cơ sở vật chất

{glue:text}`gd_investment` Báo cáo không chia số vốn này theo năm hay theo trường, nên không tính được
mức đầu tư bình quân cho một phòng học.
"""
        ),
        md(
            """
## Chất lượng giáo dục

{glue:text}`gd_quality` Các chỉ số này đều là tỷ lệ trên số trẻ, số học sinh hay số trường của từng cấp,
nhưng báo cáo không nêu các số đếm đó; nó cũng không đưa ra kết quả học sinh giỏi, tỷ lệ lên lớp hay
tốt nghiệp THPT, dù nhận định chất lượng "đại trà và mũi nhọn" được nâng lên.
"""
        ),
        output(
            """
tables.table_or_note(
    charts.chart_table(quality),
    charts.TOWN_TABLE_COLUMNS,
    report_year=report_year,
    notice=f"Chưa có chỉ số chất lượng giáo dục nào cho năm {report_year}.",
)
"""
        ),
        md("## Các số liệu được dùng trong chương"),
        output(
            """
figures.figures_section(ds, chapter.figure_ids(ds, gd.CHAPTER, report_year, ["wards_communes_total"]), "06_giao_duc")
"""
        ),
    ],
)
