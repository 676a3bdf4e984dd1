"""Chapter 10: defence and security — recruits per year, party members in the militia, security, ID cards."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _nb import hidden, md, output, params, write  # noqa: E402

write(
    "10_quoc_phong_an_ninh.ipynb",
    [
        md(
            """
# Quốc phòng, an ninh

{glue:text}`qp_summary`

Mục quốc phòng, an ninh của báo cáo (mục B.III.10) chủ yếu là nhận định; các con số nằm trong chú thích:
số quân giao nhận từng năm, tỷ lệ đảng viên trong lực lượng dân quân, tự vệ và bảo vệ dân phố, số căn
cước công dân đã cấp. Số liệu được xem đến năm {glue:text}`qp_year`.
"""
        ),
        params(),
        hidden(
            """
from chitieu.data.load import load_dataset
from chitieu.book import chapter, charts, figures
from chitieu.book.glue import glue_text
from huongtra import quoc_phong_an_ninh as qp
"""
        ),
        hidden(
            """
ds = load_dataset(data_dir)
texts = qp.texts(ds, report_year)
recruits = qp.recruits(ds, report_year)
party = qp.party_rate_rows(ds, report_year)
"""
        ),
        hidden(
            """
glue_text("qp_year", texts["year"])
glue_text("qp_summary", texts["summary"])
glue_text("qp_recruits", texts["recruits"])
glue_text("qp_party", texts["party"])
glue_text("qp_party_org", texts["party_org"])
glue_text("qp_safe", texts["safe"])
glue_text("qp_id", texts["id"])
"""
        ),
        md(
            """
## Tuyển quân

{glue:text}`qp_recruits`

Báo cáo chỉ nói thị xã "hoàn thành tốt nhiệm vụ tuyển quân", không nêu chỉ tiêu giao quân của từng năm,
nên không thể biết số giảm là do chỉ tiêu cấp trên giao thấp hơn hay do khó khăn trong tuyển quân.
"""
        ),
        output(
            """
charts.chart_or_note(
    recruits,
    qp.recruits_chart,
    caption="Hình 10.1. Số thanh niên nhập ngũ mỗi năm.",
    description=f"Biểu đồ cột: số quân giao nhận của thị xã từng năm, đến năm {report_year}.",
    report_year=report_year,
    notice=f"Chưa có số liệu tuyển quân đến năm {report_year}.",
)
"""
        ),
        md(
            """
## Đảng viên trong lực lượng dân quân, tự vệ và bảo vệ dân phố

{glue:text}`qp_party` {glue:text}`qp_party_org`

Báo cáo không nêu quân số dân quân, tự vệ hay số sĩ quan dự bị, nên không tính được số đảng viên tương
ứng với từng tỷ lệ, và cũng không có mục tiêu để so sánh.
"""
        ),
        output(
            """
charts.chart_or_note(
    party,
    lambda f: charts.percent_bar_chart(f, label="label_vi"),
    caption="Hình 10.2. Tỷ lệ đảng viên theo vị trí trong lực lượng dân quân, tự vệ và bảo vệ dân phố.",
    description=f"Biểu đồ thanh ngang: tỷ lệ là đảng viên của từng nhóm chỉ huy và của toàn lực lượng, tính đến năm "
    f"{report_year}, xếp từ cao đến thấp trên thang 0–100%.",
    report_year=report_year,
    notice=f"Báo cáo chưa nêu các tỷ lệ này cho năm {report_year}.",
)
"""
        ),
        md(
            """
## An ninh, trật tự

{glue:text}`qp_safe`

{glue:text}`qp_id`

Phần hạn chế của báo cáo thừa nhận tình hình tội phạm và trật tự an toàn giao thông "có lúc, có nơi chưa
đảm bảo", và công tác nắm tình hình an ninh tôn giáo, an ninh nông thôn có lúc chưa kịp thời, nhưng không
kèm số liệu.
"""
        ),
        md("## Các số liệu được dùng trong chương"),
        output(
            """
figures.figures_section(ds, chapter.figure_ids(ds, qp.CHAPTER, report_year, qp.EXTRA_IDS), "10_quoc_phong_an_ninh")
"""
        ),
    ],
)
