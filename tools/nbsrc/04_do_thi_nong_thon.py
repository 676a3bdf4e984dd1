"""Chapter 4: urban development, new-rural programme, civilised wards and streets, alley roads."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _nb import hidden, md, output, params, write  # noqa: E402

write(
    "04_do_thi_nong_thon.ipynb",
    [
        md(
            """
# Đô thị, nông thôn mới và hạ tầng

{glue:text}`dt_summary`

Hương Trà là thị xã có cả phường và xã: các phường phấn đấu đạt chuẩn văn minh đô thị, các xã phấn đấu đạt
chuẩn nông thôn mới. Chương này trình bày hai phong trào đó cùng với hạ tầng giao thông ngõ, xóm, tính đến
năm {glue:text}`dt_year`.
"""
        ),
        params(),
        hidden(
            """
from chitieu.data.load import load_dataset
from chitieu.book import chapter, charts, figures, tables
from chitieu.analysis import keyindicators as ki
from chitieu.book.glue import glue_text
from huongtra import do_thi_nong_thon as dt
"""
        ),
        hidden(
            """
ds = load_dataset(data_dir)
key = ki.chapter_key_indicators(ds, "do_thi_nong_thon", report_year)
summary = dt.summary_text(ds, report_year)
ntm = dt.ntm_text(ds, report_year)
ntm_table = dt.ntm_statements(ds, report_year)
ntm_money = dt.ntm_investment(ds, report_year)
ntm_money_sentence = dt.ntm_investment_text(ds, report_year)
urban = dt.urban_text(ds, report_year)
urbanization = chapter.series(ds, "urbanization_rate", report_year)
streets = dt.civilized_streets(ds, report_year)
roads = dt.roads_text(ds, report_year)
"""
        ),
        hidden(
            """
glue_text("dt_year", str(report_year))
glue_text("dt_summary", summary.text)
glue_text("dt_ntm", ntm.text)
glue_text("dt_ntm_money", ntm_money_sentence.text)
glue_text("dt_urban", urban.text)
glue_text("dt_roads", roads.text)
"""
        ),
        md(
            """
## Xây dựng nông thôn mới

{glue:text}`dt_ntm`

Hình 4.1 đặt tỷ lệ xã đạt chuẩn nông thôn mới (chỉ tiêu 8 của Nghị quyết) cạnh mức đề ra. Vì báo cáo nêu hai
con số khác nhau, biểu đồ dùng con số của phần chỉ tiêu chủ yếu (số ước tính đến cuối năm, tô nhạt), còn Bảng
4.1 đặt mọi cách nói của báo cáo cạnh nhau.
"""
        ),
        output(
            """
charts.key_bullets_or_note(
    key,
    caption="Hình 4.1. Tỷ lệ xã đạt chuẩn nông thôn mới so với mức Nghị quyết đề ra.",
    description=f"Biểu đồ thanh: tỷ lệ xã đạt chuẩn nông thôn mới tính đến năm {report_year}, đặt trên dải mức chỉ "
    "tiêu; màu và biểu tượng cho biết đạt, gần đạt hay chưa đạt.",
    report_year=report_year,
)
"""
        ),
        output(
            """
tables.table_or_note(ntm_table, dt.NTM_COLUMNS, caption="Bảng 4.1. Các cách báo cáo nêu số xã đạt chuẩn nông thôn mới.",
                 report_year=report_year)
"""
        ),
        md(
            """
### Vốn cho nông thôn mới

{glue:text}`dt_ntm_money`
"""
        ),
        output(
            """
charts.chart_or_note(
    ntm_money,
    lambda f: charts.structure_chart(f, label="label"),
    caption="Hình 4.2. Vốn đầu tư phát triển cho xây dựng nông thôn mới theo nguồn.",
    description="Thanh xếp chồng 100%: phần ngân sách Trung ương và phần vốn đối ứng của thị xã, xã trong vốn đầu tư "
    "phát triển bố trí cho nông thôn mới.",
    report_year=report_year,
)
"""
        ),
        md(
            """
## Phát triển đô thị

{glue:text}`dt_urban`
"""
        ),
        output(
            """
charts.chart_or_note(
    urbanization,
    lambda f: charts.series_chart(f, width=260),
    caption="Hình 4.3. Tỷ lệ đô thị hóa theo năm.",
    description=f"Biểu đồ cột: tỷ lệ đô thị hóa (%) từng năm đến {report_year}; cột nhạt, viền nét đứt là số ước tính.",
    report_year=report_year,
)
"""
        ),
        output(
            """
charts.chart_or_note(
    streets,
    lambda f: charts.bar_chart(f, label="label"),
    caption="Hình 4.4. Tuyến phố đạt chuẩn văn minh đô thị theo phường.",
    description="Biểu đồ thanh ngang: số tuyến phố được công nhận văn minh đô thị ở từng phường và tuyến liên phường, "
    "từ nhiều đến ít.",
    report_year=report_year,
)
"""
        ),
        md(
            """
## Giao thông ngõ, xóm

{glue:text}`dt_roads`

Các dự án hạ tầng lớn (đường ven sông Bồ, chỉnh trang quốc lộ 1A, quảng trường…) và vốn đầu tư công được trình
bày ở chương Tài chính – ngân sách – đầu tư.
"""
        ),
        md("## Các số liệu được dùng trong chương"),
        output(
            """
figures.figures_section(
    ds,
    chapter.used_ids(key[key["obs_id"].notna()], summary, ntm, ntm_table, ntm_money, ntm_money_sentence, urban,
                urbanization, streets, roads),
    "04_do_thi_nong_thon",
)
"""
        ),
    ],
)
