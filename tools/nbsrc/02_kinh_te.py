"""Chapter 2: the economy (growth, structure, industry and crafts, services, agriculture, forestry, co-operatives)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _nb import hidden, md, output, params, write  # noqa: E402

write(
    "02_kinh_te.ipynb",
    [
        md(
            """
# Kinh tế

{glue:text}`kt_summary`

Chương này đi qua các con số kinh tế của báo cáo theo thứ tự của báo cáo: tăng trưởng và thu nhập, cơ cấu
ngành, công nghiệp – làng nghề, dịch vụ, nông – lâm – thủy sản và hợp tác xã. Mọi con số đều lấy từ dữ liệu
đã kiểm tra, tính đến năm {glue:text}`kt_year`; số ước tính được ghi rõ là ước tính.
"""
        ),
        params(),
        hidden(
            """
from chitieu.data.load import load_dataset
from chitieu.book import chapter, charts, figures, tables
from chitieu.analysis import keyindicators as ki
from chitieu.book.glue import glue_text
from huongtra import kinh_te as kt
"""
        ),
        hidden(
            """
ds = load_dataset(data_dir)
key = ki.chapter_key_indicators(ds, "kinh_te", report_year)
summary = kt.summary_text(ds, report_year)
growth = kt.growth_text(ds, report_year)
income = kt.income_text(ds, report_year)
sectors = kt.sector_growth(ds, report_year)
sector_growth = kt.sector_growth_text(ds, report_year)
structure = kt.economic_structure(ds, report_year)
structure_sentence = kt.structure_text(ds, report_year)
industry = kt.industry_text(ds, report_year)
clusters = kt.industrial_clusters(ds, report_year)
crafts = kt.craft_households(ds, report_year)
craft = kt.craft_text(ds, report_year)
services = kt.services_text(ds, report_year)
exports = chapter.series(ds, "export_value", report_year)
agriculture = kt.agriculture_text(ds, report_year)
models = kt.farming_models(ds, report_year)
models_sentence = kt.models_text(ds, report_year)
livestock = kt.livestock_table(ds, report_year)
fishery = kt.fishery_text(ds, report_year)
fish_parts = kt.fishery_parts(ds, report_year)
forestry = kt.forestry_text(ds, report_year)
coops = kt.cooperatives(ds, report_year)
coop = kt.cooperatives_text(ds, report_year)
"""
        ),
        hidden(
            """
glue_text("kt_year", str(report_year))
glue_text("kt_summary", summary.text)
glue_text("kt_growth", growth.text)
glue_text("kt_income", income.text)
glue_text("kt_sector_growth", sector_growth.text)
glue_text("kt_structure", structure_sentence.text)
glue_text("kt_industry", industry.text)
glue_text("kt_craft", craft.text)
glue_text("kt_services", services.text)
glue_text("kt_agriculture", agriculture.text)
glue_text("kt_models", models_sentence.text)
glue_text("kt_fishery", fishery.text)
glue_text("kt_forestry", forestry.text)
glue_text("kt_coop", coop.text)
"""
        ),
        md(
            """
## Tăng trưởng và thu nhập

Báo cáo đo tăng trưởng bằng **giá trị sản xuất theo giá so sánh năm 2020** trên địa bàn thị xã (không phải
GRDP), nên con số này cho biết quy mô sản xuất lớn lên bao nhiêu sau khi đã loại bỏ biến động giá.

{glue:text}`kt_growth`

{glue:text}`kt_income`

Hình 2.1 đặt hai chỉ tiêu chủ yếu về kinh tế của Nghị quyết cạnh mức đề ra: dải xám là vùng đạt chỉ tiêu,
thanh màu là giá trị mới nhất (nhạt, viền nét đứt nếu là số ước tính).
"""
        ),
        output(
            """
charts.key_bullets_or_note(
    key,
    caption="Hình 2.1. Tăng trưởng kinh tế và thu nhập bình quân đầu người so với mức Nghị quyết đề ra.",
    description=f"Biểu đồ thanh: giá trị mới nhất tính đến năm {report_year} của các chỉ tiêu chủ yếu về kinh tế, "
    "đặt trên dải mức chỉ tiêu; màu và biểu tượng cho biết đạt, gần đạt hay chưa đạt.",
    report_year=report_year,
)
"""
        ),
        md(
            """
## Cơ cấu kinh tế và tốc độ tăng của từng ngành

{glue:text}`kt_sector_growth`

Khi một ngành tăng nhanh hơn mức chung, tỷ trọng của nó trong nền kinh tế lớn dần lên; ngành tăng chậm hơn
thì tỷ trọng thu hẹp. Hình 2.2 so sánh tốc độ tăng bình quân của các ngành với toàn nền kinh tế.
"""
        ),
        output(
            """
charts.chart_or_note(
    sectors,
    lambda f: charts.bar_chart(f, label="label"),
    caption="Hình 2.2. Tốc độ tăng giá trị sản xuất bình quân mỗi năm, toàn nền kinh tế và từng ngành.",
    description=f"Biểu đồ thanh ngang: tốc độ tăng bình quân năm của toàn nền kinh tế, công nghiệp – tiểu thủ "
    f"công nghiệp, dịch vụ và nông nghiệp, số liệu tính đến năm {report_year}.",
    report_year=report_year,
)
"""
        ),
        md(
            """
{glue:text}`kt_structure` Báo cáo không nêu cơ cấu của năm đầu nhiệm kỳ, nên dữ liệu không cho phép đo
mức chuyển dịch bằng điểm phần trăm; chỉ có thể suy ra hướng chuyển dịch từ tốc độ tăng của từng ngành ở
trên.
"""
        ),
        output(
            """
charts.chart_or_note(
    structure,
    lambda f: charts.structure_chart(f, label="label"),
    caption="Hình 2.3. Cơ cấu kinh tế theo ngành (tỷ trọng).",
    description="Thanh xếp chồng 100%: tỷ trọng công nghiệp, dịch vụ và nông nghiệp trong cơ cấu kinh tế thị xã.",
    report_year=report_year,
)
"""
        ),
        md(
            """
## Công nghiệp – tiểu thủ công nghiệp và làng nghề

{glue:text}`kt_industry`

Hình 2.4 cho thấy quy mô đất công nghiệp mà thị xã đang chuẩn bị: cụm đã có quy hoạch chi tiết (màu đậm) và
các cụm mới chỉ là đề xuất trong phần nhiệm vụ đến năm 2025 (tô rất nhạt, viền chấm vì là kế hoạch).
"""
        ),
        output(
            """
charts.chart_or_note(
    clusters,
    lambda f: charts.bar_chart(f, label="label"),
    caption="Hình 2.4. Diện tích các cụm công nghiệp: đã quy hoạch chi tiết và đề xuất mới.",
    description="Biểu đồ thanh ngang: diện tích (ha) của cụm công nghiệp Bình Thành và các cụm công nghiệp đề xuất "
    "bổ sung quy hoạch, từ lớn đến nhỏ.",
    report_year=report_year,
)
"""
        ),
        md(
            """
{glue:text}`kt_craft`
"""
        ),
        output(
            """
charts.chart_or_note(
    crafts,
    lambda f: charts.bar_chart(f, label="label"),
    caption="Hình 2.5. Số hộ làm các nghề truyền thống.",
    description="Biểu đồ thanh ngang: số hộ làm bún Vân Cù, rượu Dương Sơn, nón lá Hương Cần, bánh gói và bánh cốm "
    "An Thuận, từ nhiều đến ít.",
    report_year=report_year,
)
"""
        ),
        md(
            """
## Dịch vụ, thương mại và xuất khẩu

{glue:text}`kt_services`
"""
        ),
        output(
            """
charts.chart_or_note(
    exports,
    lambda f: charts.series_chart(f, width=260),
    caption="Hình 2.6. Kim ngạch xuất khẩu hàng hóa theo năm.",
    description=f"Biểu đồ cột: kim ngạch xuất khẩu hàng hóa (tỷ đồng) từng năm đến {report_year}; cột nhạt, viền "
    "nét đứt là số ước tính.",
    report_year=report_year,
)
"""
        ),
        md(
            """
## Nông nghiệp

{glue:text}`kt_agriculture`

{glue:text}`kt_models`
"""
        ),
        output(
            """
charts.chart_or_note(
    models,
    lambda f: charts.bar_chart(f, label="label"),
    caption="Hình 2.7. Diện tích các mô hình sản xuất và liên kết tiêu thụ nông sản.",
    description="Biểu đồ thanh ngang: diện tích (ha) của từng mô hình sản xuất, liên kết tiêu thụ mà báo cáo nêu, "
    "từ lớn đến nhỏ.",
    report_year=report_year,
)
"""
        ),
        md(
            """
Đàn vật nuôi được báo cáo theo số liệu điều tra tại một thời điểm. Các con số chênh nhau hàng trăm lần (gia
cầm so với trâu, bò), nên được trình bày bằng bảng thay vì biểu đồ.
"""
        ),
        output(
            """
tables.table_or_note(livestock, kt.LIVESTOCK_COLUMNS, caption="Bảng 2.1. Đàn gia súc, gia cầm.", report_year=report_year)
"""
        ),
        md(
            """
### Thủy sản

{glue:text}`kt_fishery`
"""
        ),
        output(
            """
charts.chart_or_note(
    fish_parts,
    lambda f: charts.structure_chart(f, label="label"),
    caption="Hình 2.8. Sản lượng thủy sản: khai thác và nuôi trồng.",
    description="Thanh xếp chồng 100%: phần khai thác và phần nuôi trồng trong sản lượng thủy sản của thị xã "
    "(số ước tính).",
    report_year=report_year,
)
"""
        ),
        md(
            """
### Lâm nghiệp và cây lâu năm

{glue:text}`kt_forestry`

Độ che phủ rừng, một chỉ tiêu chủ yếu của Nghị quyết, được trình bày ở chương Tài nguyên và môi trường.

## Hợp tác xã

{glue:text}`kt_coop`
"""
        ),
        output(
            """
charts.chart_or_note(
    coops,
    lambda f: charts.bar_chart(f, label="label"),
    caption="Hình 2.9. Hợp tác xã theo loại hình.",
    description="Biểu đồ thanh ngang: số hợp tác xã của từng loại hình, từ nhiều đến ít.",
    report_year=report_year,
)
"""
        ),
        md("## Các số liệu được dùng trong chương"),
        output(
            """
figures.figures_section(
    ds,
    chapter.used_ids(
        key[key["obs_id"].notna()], summary, growth, income, sectors, sector_growth, structure, structure_sentence,
        industry, clusters, crafts, craft, services, exports, agriculture, models, models_sentence, livestock, fishery, fish_parts,
        forestry, coops, coop,
    ),
    "02_kinh_te",
)
"""
        ),
    ],
)
