"""Chapter 9: science and technology, digital transformation, state management."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _nb import hidden, md, output, params, write  # noqa: E402

write(
    "09_khcn_qlnn.ipynb",
    [
        md(
            """
# Khoa học – công nghệ, chuyển đổi số, quản lý nhà nước

{glue:text}`kq_summary`

Chương này ngắn vì báo cáo ít số liệu về lĩnh vực này. Nó trình bày những gì báo cáo đo được, rồi nói rõ
những gì báo cáo chỉ nhận định mà không kèm con số. Số liệu được xem đến năm {glue:text}`kq_year`.
"""
        ),
        params(),
        hidden(
            """
from chitieu.data.load import load_dataset
from chitieu.book import charts, figures
from chitieu.book.glue import glue_text
from huongtra import khcn_qlnn as kq
"""
        ),
        hidden(
            """
ds = load_dataset(data_dir)
texts = kq.texts(ds, report_year)
digital = kq.digital_rows(ds, report_year)
"""
        ),
        hidden(
            """
glue_text("kq_year", texts["year"])
glue_text("kq_summary", texts["summary"])
glue_text("kq_digital", texts["digital"])
glue_text("kq_mechanisation", texts["mechanisation"])
glue_text("kq_wards", texts["wards"])
"""
        ),
        md(
            """
## Chuyển đổi số và chính quyền điện tử

{glue:text}`kq_digital`

Các tỷ lệ này đo mức độ sẵn sàng của hệ thống (văn bản, thủ tục, hồ sơ đã được đưa lên môi trường số),
không đo mức sử dụng: báo cáo không nêu số hồ sơ nộp trực tuyến, số giao dịch hay tỷ lệ người dân thực sự
dùng dịch vụ công trực tuyến. Báo cáo cũng nói thị xã "luôn nằm trong nhóm các địa phương của tỉnh đứng
đầu về mức độ chính quyền điện tử" nhưng không nêu thứ hạng hay điểm số.
"""
        ),
        output(
            """
charts.chart_or_note(
    digital,
    lambda f: charts.percent_bar_chart(f, label="label_vi"),
    caption="Hình 9.1. Các tỷ lệ về chính quyền điện tử và sự hài lòng của người dân.",
    description=f"Biểu đồ thanh ngang: các tỷ lệ về văn bản, thủ tục, hồ sơ trên môi trường điện tử và chỉ số hài "
    f"lòng của người dân, doanh nghiệp, tính đến năm {report_year}, trên thang 0–100%.",
    report_year=report_year,
    notice=f"Báo cáo chưa nêu các tỷ lệ về chính quyền điện tử cho năm {report_year}.",
)
"""
        ),
        md(
            """
## Khoa học – công nghệ trong sản xuất

Báo cáo kể tên các dự án khoa học – công nghệ cấp cơ sở và các mô hình đang thực hiện (liên kết sản xuất
lúa chất lượng cao, lúa hữu cơ, tưới tiết kiệm cho cây ăn quả, cây ăn quả theo VietGAP, rau an toàn, trà
gió lấy dầu, phân bón vi sinh từ rác hữu cơ, nuôi cá trắm giòn trong lồng…) nhưng không đếm số dự án, số
mô hình, diện tích hay hiệu quả của chúng.

{glue:text}`kq_mechanisation`

## Quản lý nhà nước

{glue:text}`kq_wards`

Mục hiệu lực, hiệu quả quản lý nhà nước của báo cáo (mục B.III.11) không có con số nào: nó nhắc đến cuộc
bầu cử đại biểu Quốc hội và HĐND các cấp, việc sắp xếp bộ máy, luân chuyển công chức, cải cách hành chính
và các chỉ số PAR-Index, DDCI, ICT của thị xã, nhưng không nêu giá trị hay thứ hạng của các chỉ số đó.
Trong phần hạn chế, báo cáo thừa nhận cải cách hành chính "còn nhiều thách thức trong việc duy trì các chỉ
số", cũng không kèm con số. Vì vậy sách không thể đánh giá lĩnh vực này bằng số liệu.
"""
        ),
        md("## Các số liệu được dùng trong chương"),
        output(
            """
figures.figures_section(ds, kq.figure_ids(ds, report_year), "09_khcn_qlnn")
"""
        ),
    ],
)
