"""Chapter 8: culture, sport, social welfare, jobs, trained labour (key 6) and poverty (key 7)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _nb import hidden, md, output, params, write  # noqa: E402

write(
    "08_van_hoa_xa_hoi.ipynb",
    [
        md(
            """
# Văn hóa, thể thao; an sinh xã hội, lao động – việc làm, giảm nghèo

{glue:text}`vh_summary`

Chương này gom các mục của báo cáo về văn hóa – thông tin – thể thao (mục B.III.7) và an sinh xã hội
(mục B.III.8), cùng các chỉ tiêu chủ yếu của Nghị quyết thuộc lĩnh vực này: số {glue:text}`vh_k6_no`
(lao động qua đào tạo) và số {glue:text}`vh_k7_no` (hộ nghèo). Số liệu được xem đến năm
{glue:text}`vh_year`.
"""
        ),
        params(),
        hidden(
            """
from chitieu.data.load import load_dataset
from chitieu.book import chapter, charts, figures, tables
from chitieu.analysis import keyindicators as ki
from chitieu.book.glue import glue_text
from huongtra import van_hoa_xa_hoi as vh
"""
        ),
        hidden(
            """
ds = load_dataset(data_dir)
key = ki.key_indicators(ds, report_year)
key67 = key[key["resolution_no"].isin([6, 7])]
texts = vh.texts(ds, report_year, key)
poverty = vh.poverty_series(ds, report_year)
jobs = vh.jobs_rows(ds, report_year)
culture = vh.culture_rows(ds, report_year)
medals = vh.medal_rows(ds, report_year)
media = vh.media_rows(ds, report_year)
"""
        ),
        hidden(
            """
glue_text("vh_year", texts["year"])
glue_text("vh_k6_no", texts["k6_no"])
glue_text("vh_k7_no", texts["k7_no"])
glue_text("vh_summary", texts["summary"])
glue_text("vh_poverty", texts["poverty"])
glue_text("vh_reduction", texts["reduction"])
glue_text("vh_labour", texts["labour"])
glue_text("vh_jobs", texts["jobs"])
glue_text("vh_culture", texts["culture"])
glue_text("vh_medals", texts["medals"])
glue_text("vh_media", texts["media"])
glue_text("vh_welfare", texts["welfare"])
"""
        ),
        md(
            """
## Giảm nghèo

{glue:text}`vh_poverty`

Báo cáo nêu tỷ lệ hộ nghèo ở cả phần chỉ tiêu chủ yếu lẫn mục an sinh xã hội, với cùng các con số; biểu đồ
dùng con số nêu trước. Cột nhạt, viền nét đứt là số dự ước.
"""
        ),
        output(
            """
charts.chart_or_note(
    poverty,
    vh.poverty_chart,
    caption="Hình 8.1. Tỷ lệ hộ nghèo theo chuẩn đa chiều, cuối mỗi năm.",
    description=f"Biểu đồ cột: tỷ lệ hộ nghèo cuối mỗi năm mà báo cáo nêu, đến năm {report_year}.",
    report_year=report_year,
    notice=f"Chưa có số liệu tỷ lệ hộ nghèo đến năm {report_year}.",
)
"""
        ),
        md(
            """
{glue:text}`vh_reduction`

## Lao động qua đào tạo và việc làm

{glue:text}`vh_labour`

{glue:text}`vh_jobs`

Trong phần hạn chế, báo cáo thừa nhận các mô hình giảm nghèo thiếu đa dạng, việc giải quyết việc làm còn
khó khăn, và việc khảo sát nhu cầu học nghề, giới thiệu việc làm sau đào tạo chưa hiệu quả; báo cáo không
nêu số lao động được đào tạo nghề hay tỷ lệ có việc làm sau đào tạo.
"""
        ),
        output(
            """
tables.table_or_note(
    charts.chart_table(jobs),
    charts.TOWN_TABLE_COLUMNS,
    report_year=report_year,
    notice=f"Chưa có số liệu về việc làm đến năm {report_year}.",
)
"""
        ),
        md(
            """
Hình 8.2 đặt chỉ tiêu lao động qua đào tạo và chỉ tiêu hộ nghèo cạnh mức Nghị quyết đề ra. Chỉ tiêu lao động qua đào tạo
không có dải mục tiêu vì báo cáo không ghi mức chỉ tiêu bằng con số.
"""
        ),
        output(
            """
charts.key_bullets_or_note(
    key67,
    caption="Hình 8.2. Lao động qua đào tạo và hộ nghèo so với mức Nghị quyết đề ra.",
    description=f"Biểu đồ thanh: giá trị mới nhất tính đến năm {report_year} của các chỉ tiêu chủ yếu về lao động "
    "qua đào tạo và hộ nghèo, đặt trên dải xám là vùng đạt mục tiêu; màu và biểu tượng cho biết trạng thái.",
    report_year=report_year,
    notice=f"Chưa có số liệu của các chỉ tiêu này đến năm {report_year}.",
)
"""
        ),
        md(
            """
## Chính sách người có công

{glue:text}`vh_welfare` Mục an sinh xã hội không nêu mức chi trợ cấp hay số lượt hỗ trợ.

## Văn hóa, thông tin và thể thao

{glue:text}`vh_culture` Báo cáo không nêu các tỷ lệ này của năm trước hay mục tiêu cho năm 2025, nên
không biết phong trào đang tiến hay lùi.
"""
        ),
        output(
            """
charts.chart_or_note(
    culture,
    lambda f: charts.percent_bar_chart(f, label="label_vi"),
    caption="Hình 8.3. Tỷ lệ đạt chuẩn văn hóa.",
    description=f"Biểu đồ thanh ngang: tỷ lệ hộ gia đình, thôn – tổ dân phố và cơ quan – đơn vị đạt chuẩn văn hóa, "
    f"tính đến năm {report_year}, trên thang 0–100%.",
    report_year=report_year,
    notice=f"Chưa có tỷ lệ đạt chuẩn văn hóa cho năm {report_year}.",
)
"""
        ),
        md(
            """
{glue:text}`vh_medals`
"""
        ),
        output(
            """
charts.chart_or_note(
    medals,
    vh.medals_chart,
    caption="Hình 8.4. Huy chương tại Đại hội Thể dục thể thao cấp tỉnh.",
    description="Biểu đồ thanh ngang: số huy chương vàng, bạc và đồng thị xã đạt được tại Đại hội Thể dục thể "
    "thao cấp tỉnh.",
    report_year=report_year,
    notice=f"Chưa có số liệu thành tích thể thao cho năm {report_year}.",
)
"""
        ),
        md(
            """
{glue:text}`vh_media` Đây là số đếm sản phẩm cả giai đoạn, không chia theo năm, và báo cáo không nêu số
người xem hay nghe.

Phần hạn chế của báo cáo còn ghi nhận thiết chế văn hóa cơ sở ở xã, phường, thôn, tổ dân phố chưa đáp
ứng nhu cầu sinh hoạt văn hóa của nhân dân, nhưng không kèm con số.
"""
        ),
        output(
            """
tables.table_or_note(
    charts.chart_table(media),
    charts.TOWN_TABLE_COLUMNS,
    report_year=report_year,
    notice=f"Chưa có số liệu về thông tin, truyền thông cho năm {report_year}.",
)
"""
        ),
        md("## Các số liệu được dùng trong chương"),
        output(
            """
figures.figures_section(ds, chapter.figure_ids(ds, vh.CHAPTER, report_year), "08_van_hoa_xa_hoi")
"""
        ),
    ],
)
