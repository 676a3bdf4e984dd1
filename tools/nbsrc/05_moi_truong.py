"""Chapter 5: waste, clean water, forest cover, land administration, environmental management."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _nb import hidden, md, output, params, write  # noqa: E402

write(
    "05_moi_truong.ipynb",
    [
        md(
            """
# Tài nguyên và môi trường

{glue:text}`mt_summary`

Ba chỉ tiêu chủ yếu của Nghị quyết thuộc lĩnh vực này: thu gom rác thải sinh hoạt, dân số dùng nước sạch và
độ che phủ rừng. Chương này đặt chúng cạnh mức đề ra (khi báo cáo có ghi), rồi trình bày công tác quản lý đất
đai và môi trường, tính đến năm {glue:text}`mt_year`.
"""
        ),
        params(),
        hidden(
            """
from chitieu.data.load import load_dataset
from chitieu.book import chapter, charts, figures
from chitieu.analysis import keyindicators as ki
from chitieu.book.glue import glue_text
from huongtra import moi_truong as mt
"""
        ),
        hidden(
            """
ds = load_dataset(data_dir)
key = ki.chapter_key_indicators(ds, "moi_truong", report_year)
summary = mt.summary_text(ds, report_year)
waste = mt.waste_areas(ds, report_year)
waste_sentence = mt.waste_text(ds, report_year)
water = mt.water_text(ds, report_year)
forest = mt.forest_text(ds, report_year)
land = mt.land_administration(ds, report_year)
land_sentence = mt.land_text(ds, report_year)
environment = mt.environment_text(ds, report_year)
"""
        ),
        hidden(
            """
glue_text("mt_year", str(report_year))
glue_text("mt_summary", summary.text)
glue_text("mt_targets", mt.targets_sentence(key))
glue_text("mt_waste", waste_sentence.text)
glue_text("mt_water", water.text)
glue_text("mt_forest", forest.text)
glue_text("mt_land", land_sentence.text)
glue_text("mt_environment", environment.text)
"""
        ),
        md(
            """
## Ba chỉ tiêu chủ yếu về môi trường

Hình 5.1 đặt giá trị mới nhất của các chỉ tiêu cạnh mức đề ra. {glue:text}`mt_targets`
"""
        ),
        output(
            """
charts.key_bullets_or_note(
    key,
    caption="Hình 5.1. Thu gom rác thải, nước sạch và che phủ rừng so với mức Nghị quyết đề ra.",
    description=f"Biểu đồ thanh: giá trị mới nhất tính đến năm {report_year} của ba chỉ tiêu chủ yếu về môi trường, "
    "đặt trên dải mức chỉ tiêu khi có; màu và biểu tượng cho biết trạng thái.",
    report_year=report_year,
)
"""
        ),
        md(
            """
### Rác thải sinh hoạt

{glue:text}`mt_waste`
"""
        ),
        output(
            """
charts.chart_or_note(
    waste,
    lambda f: charts.bar_chart(f, label="label"),
    caption="Hình 5.2. Tỷ lệ thu gom, xử lý rác thải: toàn thị xã, đô thị và nông thôn.",
    description="Biểu đồ thanh ngang: tỷ lệ thu gom, xử lý rác thải sinh hoạt của toàn thị xã, khu vực đô thị và khu "
    "vực nông thôn.",
    report_year=report_year,
)
"""
        ),
        md(
            """
### Nước sạch

{glue:text}`mt_water`

### Rừng

{glue:text}`mt_forest`

## Quản lý đất đai

{glue:text}`mt_land`
"""
        ),
        output(
            """
charts.chart_or_note(
    land,
    lambda f: charts.bar_chart(f, label="label"),
    caption="Hình 5.3. Công tác đất đai: giấy chứng nhận và các trường hợp được giải quyết.",
    description="Biểu đồ thanh ngang: số giấy chứng nhận quyền sử dụng đất cấp mới, cấp đổi, thu hồi để cấp lại và "
    "số trường hợp giao đất, cho thuê đất, chuyển mục đích sử dụng đất trong giai đoạn, từ nhiều đến ít.",
    report_year=report_year,
)
"""
        ),
        md(
            """
## Quản lý môi trường

{glue:text}`mt_environment`
"""
        ),
        md("## Các số liệu được dùng trong chương"),
        output(
            """
figures.figures_section(
    ds,
    chapter.used_ids(key[key["obs_id"].notna()], summary, waste, waste_sentence, water, forest, land, land_sentence,
                environment),
    "05_moi_truong",
)
"""
        ),
    ],
)
