"""Chapter 7: health and population — health insurance against its target, health network, population."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _nb import hidden, md, output, params, write  # noqa: E402

write(
    "07_y_te_dan_so.ipynb",
    [
        md(
            """
# Y tế và dân số

{glue:text}`yt_summary`

Mục y tế của báo cáo (mục B.III.6) ngắn: một đoạn nhận định về mạng lưới và chất lượng khám chữa bệnh,
rồi một loạt chỉ số đều tính "đến nay", tức giữa năm 2023. Báo cáo không nêu số liệu từng năm, nên chương
này không vẽ được xu hướng; nó đặt từng con số vào bối cảnh và so với mục tiêu khi báo cáo có nêu. Số liệu
được xem đến năm {glue:text}`yt_year`.
"""
        ),
        params(),
        hidden(
            """
from chitieu.data.load import load_dataset
from chitieu.book import chapter, charts, figures, tables
from chitieu.analysis import keyindicators as ki
from chitieu.book.glue import glue_text
from huongtra import y_te_dan_so as yt
"""
        ),
        hidden(
            """
ds = load_dataset(data_dir)
texts = yt.texts(ds, report_year)
bhyt = ki.target_rows(ds, ["health_insurance_coverage_rate"], report_year)
network = yt.network_rows(ds, report_year)
population = yt.population_rows(ds, report_year)
"""
        ),
        hidden(
            """
glue_text("yt_year", texts["year"])
glue_text("yt_summary", texts["summary"])
glue_text("yt_bhyt", texts["bhyt"])
glue_text("yt_network", texts["network"])
glue_text("yt_population", texts["population"])
"""
        ),
        md(
            """
## Bảo hiểm y tế

{glue:text}`yt_bhyt`

Mục tiêu này nằm ở Phần thứ hai của báo cáo (nhiệm vụ, giải pháp đến năm 2025), không thuộc các chỉ tiêu
chủ yếu của Nghị quyết; báo cáo không nêu tỷ lệ tham gia bảo hiểm y tế của các năm trước nên không biết
tỷ lệ này đang tăng nhanh hay chậm.
"""
        ),
        output(
            """
charts.chart_or_note(
    bhyt,
    lambda f: charts.target_bullet_chart(f, labels=yt.SHORT_LABELS),
    caption="Hình 7.1. Tỷ lệ người dân tham gia bảo hiểm y tế so với mục tiêu năm 2025.",
    description=f"Biểu đồ thanh: tỷ lệ tham gia bảo hiểm y tế mới nhất tính đến năm {report_year}, đặt trên dải "
    "xám là vùng đạt mục tiêu; màu và biểu tượng cho biết trạng thái.",
    report_year=report_year,
    notice=f"Báo cáo chưa nêu tỷ lệ tham gia bảo hiểm y tế cho năm {report_year}.",
)
"""
        ),
        md(
            """
## Mạng lưới y tế

{glue:text}`yt_network`

Báo cáo cho biết Trung tâm Y tế thị xã đã được xếp hạng bệnh viện và đặt hướng trở thành bệnh viện vệ
tinh của Bệnh viện Trung ương Huế. Số giường bệnh trên một vạn dân không có mục tiêu đi kèm trong báo
cáo, và báo cáo không nêu số bác sỹ, số giường hay dân số tuyệt đối, nên không tính lại được chỉ số này.
"""
        ),
        output(
            """
tables.table_or_note(
    charts.chart_table(network),
    charts.TOWN_TABLE_COLUMNS,
    report_year=report_year,
    notice=f"Chưa có số liệu về mạng lưới y tế cho năm {report_year}.",
)
"""
        ),
        md(
            """
## Dân số và dinh dưỡng trẻ em

{glue:text}`yt_population`

Chữ "còn" cho thấy báo cáo coi tỷ lệ sinh con thứ 3 trở lên và tỷ lệ suy dinh dưỡng đã giảm, nhưng nó không nêu mức của năm trước hay đầu nhiệm
kỳ để so sánh. Phần nhiệm vụ đến năm 2025 đặt hướng giảm tỷ lệ sinh con thứ 3 trở lên và duy trì mức sinh
thay thế, nhưng không nêu con số mục tiêu.
"""
        ),
        output(
            """
charts.chart_or_note(
    population,
    yt.population_chart,
    caption="Hình 7.2. Các tỷ lệ về dân số và dinh dưỡng trẻ em.",
    description=f"Biểu đồ thanh ngang: tỷ lệ sinh con thứ 3 trở lên, tỷ lệ trẻ dưới 5 tuổi suy dinh dưỡng và tỷ lệ "
    f"phát triển dân số tự nhiên, tính đến năm {report_year}.",
    report_year=report_year,
    notice=f"Báo cáo chưa nêu các tỷ lệ về dân số cho năm {report_year}.",
)
"""
        ),
        md("## Các số liệu được dùng trong chương"),
        output(
            """
figures.figures_section(ds, chapter.figure_ids(ds, yt.CHAPTER, report_year), "07_y_te_dan_so")
"""
        ),
    ],
)
