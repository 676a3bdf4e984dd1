"""Chapter 3: budget revenue, land-use revenue, social and public investment."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _nb import hidden, md, output, params, write  # noqa: E402

write(
    "03_tai_chinh_dau_tu.ipynb",
    [
        md(
            """
# Tài chính – ngân sách – đầu tư

{glue:text}`tc_summary`

Nghị quyết có hai chỉ tiêu chủ yếu về nguồn lực: tốc độ tăng vốn đầu tư toàn xã hội và tốc độ tăng thu ngân
sách. Chương này đặt chúng cạnh mức đề ra, rồi xem kỹ các con số thu ngân sách, thu tiền sử dụng đất và đầu tư
công mà báo cáo nêu, tính đến năm {glue:text}`tc_year`.
"""
        ),
        params(),
        hidden(
            """
from chitieu.data.load import load_dataset
from chitieu.book import chapter, charts, figures, tables
from chitieu.analysis import keyindicators as ki
from chitieu.book.glue import glue_text
from huongtra import tai_chinh_dau_tu as tc
"""
        ),
        hidden(
            """
ds = load_dataset(data_dir)
key = ki.chapter_key_indicators(ds, "tai_chinh_dau_tu", report_year)
summary = tc.summary_text(ds, report_year)
investment = tc.investment_text(ds, report_year)
revenue = tc.revenue_frame(ds, report_year)
revenue_sentence = tc.revenue_text(ds, report_year)
land = tc.land_use_series(ds, report_year)
land_sentence = tc.land_use_text(ds, report_year)
public = tc.public_investment_text(ds, report_year)
public_table = tc.investment_table(ds, report_year)
floor = tc.land_use_floor(ds)
"""
        ),
        hidden(
            """
glue_text("tc_year", str(report_year))
glue_text("tc_summary", summary.text)
glue_text("tc_investment", investment.text)
glue_text("tc_revenue", revenue_sentence.text)
glue_text("tc_land", land_sentence.text)
glue_text("tc_public", public.text)
"""
        ),
        md(
            """
## Hai chỉ tiêu chủ yếu về nguồn lực

Hình 3.1 đặt tốc độ tăng vốn đầu tư toàn xã hội (chỉ tiêu 3) và tốc độ tăng thu ngân sách (chỉ tiêu 4) trên
dải mức Nghị quyết đề ra.
"""
        ),
        output(
            """
charts.key_bullets_or_note(
    key,
    caption="Hình 3.1. Tăng vốn đầu tư toàn xã hội và tăng thu ngân sách so với mức Nghị quyết đề ra.",
    description=f"Biểu đồ thanh: tốc độ tăng bình quân tính đến năm {report_year} của vốn đầu tư toàn xã hội và "
    "của thu ngân sách, đặt trên dải mức chỉ tiêu; màu và biểu tượng cho biết đạt, gần đạt hay chưa đạt.",
    report_year=report_year,
)
"""
        ),
        md(
            """
## Vốn đầu tư toàn xã hội

Vốn đầu tư toàn xã hội gồm mọi nguồn vốn đầu tư trên địa bàn: ngân sách các cấp, doanh nghiệp, dân cư, kể cả
các dự án lớn của Trung ương đi qua thị xã (cao tốc Cam Lộ – La Sơn, đường dây truyền tải điện siêu cao áp…).

{glue:text}`tc_investment`

## Thu ngân sách

{glue:text}`tc_revenue`

Hình 3.2 cho thấy hai lớp số thu: toàn bộ số thu ngân sách nhà nước trên địa bàn, và phần do thị xã trực tiếp
thu. Báo cáo không cho cùng lúc cả hai con số cho mọi năm, nên có năm chỉ có một cột.
"""
        ),
        output(
            """
charts.chart_or_note(
    revenue,
    tc.revenue_chart,
    caption="Hình 3.2. Thu ngân sách nhà nước trên địa bàn và phần thị xã thu, theo năm.",
    description=f"Biểu đồ cột nhóm: mỗi năm đến {report_year}, cột thu ngân sách trên địa bàn cạnh cột phần do thị xã "
    "thu (tỷ đồng); cột nhạt, viền nét đứt là số ước tính.",
    report_year=report_year,
)
"""
        ),
        md(
            """
### Thu tiền sử dụng đất

Tiền sử dụng đất là khoản thu lớn nhưng không đều: nó phụ thuộc vào việc đấu giá, giao đất trong từng năm,
nên có thể làm số thu ngân sách tăng vọt rồi giảm mạnh.

{glue:text}`tc_land`
"""
        ),
        output(
            """
charts.chart_or_note(
    land,
    lambda f: tc.land_use_chart(f, floor),
    caption="Hình 3.3. Thu tiền sử dụng đất theo năm, so với mức tối thiểu hằng năm của Nghị quyết.",
    description=f"Biểu đồ cột: số thu tiền sử dụng đất (tỷ đồng) từng năm đến {report_year}; đường nét đứt là mức "
    "Nghị quyết yêu cầu mỗi năm; cột nhạt, viền nét đứt là số ước tính.",
    report_year=report_year,
)
"""
        ),
        md(
            """
## Đầu tư công

{glue:text}`tc_public`
"""
        ),
        output(
            """
tables.table_or_note(public_table, tc.INVESTMENT_COLUMNS, caption="Bảng 3.1. Các con số về đầu tư công.",
                 report_year=report_year)
"""
        ),
        md("## Các số liệu được dùng trong chương"),
        output(
            """
figures.figures_section(
    ds,
    chapter.used_ids(key[key["obs_id"].notna()], summary, investment, revenue, revenue_sentence, land, land_sentence,
                public, public_table),
    "03_tai_chinh_dau_tu",
)
"""
        ),
    ],
)
