"""Introduction: what the report is, how to read the book, the status legend, how numbers are sourced."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _nb import hidden, md, output, params, write  # noqa: E402

write(
    "00_gioi_thieu.ipynb",
    [
        md(
            """
# Giới thiệu

Cuốn sách này biến **{glue:text}`gt_title`** ({glue:text}`gt_issuer`) thành dữ liệu được kiểm tra, các
chỉ số được tính lại và một trang web đọc được cả khi không có Internet. Sách đang trình bày tình hình
tính đến năm **{glue:text}`gt_year`**.
"""
        ),
        params(),
        hidden(
            """
from pathlib import Path

from chitieu.analysis import keyindicators as ki
from chitieu.analysis.coverage import run_coverage
from chitieu.book.fmt import format_source_ref
from chitieu.book.glue import glue_text
from chitieu.data.load import load_dataset, report_source
from chitieu.analysis.status import NEAR_TOLERANCE, STATUS_LABELS
from chitieu.book.tables import show_table
from chitieu.data.vnnum import format_percent, format_vn
import pandas as pd
"""
        ),
        hidden(
            """
ds = load_dataset(data_dir)
report = report_source(ds).meta
coverage = run_coverage(Path(data_dir))
n_key = int(ds.indicators["resolution_no"].notna().sum())
n_local = int((ds.observations["locality"] != "").sum())
n_estimates = int((ds.observations["status"] == "estimate").sum())
legend = pd.DataFrame(
    [{"icon": icon, "word": word} for icon, word in STATUS_LABELS.values()]
)
"""
        ),
        hidden(
            """
glue_text("gt_title", report["title"])
glue_text("gt_issuer", report["issuing_body"])
glue_text("gt_year", str(report_year))
glue_text("gt_n_obs", format_vn(len(ds.observations)))
glue_text("gt_n_ind", format_vn(len(ds.indicators)))
glue_text("gt_n_targets", format_vn(len(ds.targets)))
glue_text("gt_n_key", format_vn(n_key))
glue_text("gt_n_local", format_vn(n_local))
glue_text("gt_n_est", format_vn(n_estimates))
glue_text("gt_near", format_percent(NEAR_TOLERANCE * 100, 0))
glue_text("gt_stats", format_vn(coverage.statistics))
glue_text("gt_matched", format_vn(coverage.matched))
glue_text("gt_cov", format_percent(coverage.percent_matched, 1))
glue_text("gt_explained", format_vn(coverage.explained))
glue_text("gt_sha", report["sha256"])
"""
        ),
        md(
            """
## Báo cáo được đọc như thế nào

Báo cáo gồm hai phần: Phần thứ nhất đánh giá kết quả thực hiện Nghị quyết (các chỉ tiêu chủ yếu, từng
lĩnh vực, hoạt động của Mặt trận và các đoàn thể, công tác xây dựng Đảng, hạn chế và nguyên nhân); Phần
thứ hai nêu nhiệm vụ và giải pháp đến năm 2025. Văn bản gốc được giữ nguyên từng byte trong thư mục
`data/raw` của dự án (mã kiểm tra sha256 {glue:text}`gt_sha`).

Từ văn bản đó, mỗi con số thống kê được chép thành một dòng dữ liệu kèm **trích dẫn nguyên văn** và vị
trí trong báo cáo (phần, mục, chú thích). Hiện có {glue:text}`gt_n_obs` số liệu của
{glue:text}`gt_n_ind` chỉ tiêu, {glue:text}`gt_n_targets` mức chỉ tiêu, trong đó
{glue:text}`gt_n_key` chỉ tiêu chủ yếu của Nghị quyết; {glue:text}`gt_n_local` số liệu riêng của từng
phường, xã và {glue:text}`gt_n_est` số liệu ước tính.

Một chương trình đọc lại toàn văn báo cáo, tìm mọi con số và phân loại chúng (số liệu thống kê, ngày
tháng, số hiệu văn bản, đánh số mục, tên gọi, năm). Trong {glue:text}`gt_stats` số liệu thống kê,
{glue:text}`gt_matched` số ({glue:text}`gt_cov`) đã có dòng dữ liệu trích đúng chỗ; mỗi số còn lại
({glue:text}`gt_explained` số) đều được ghi lý do không đưa vào dữ liệu.
"""
        ),
        md(
            """
## Cách đọc sách

- Mọi con số trong sách đều được tính từ dữ liệu bằng mã nguồn, không gõ tay. Bảng cuối mỗi chương liệt
  kê từng số liệu đã dùng, với trích dẫn nguyên văn, và có tệp CSV để tải về.
- **Số liệu ước tính** (báo cáo ghi "ước", "dự ước") được vẽ nhạt hơn, viền nét đứt, và được ghi rõ là
  "ước tính" trong bảng, chú giải và khung thông tin khi di chuột.
- Số viết theo cách Việt Nam: dấu chấm phân cách hàng nghìn, dấu phẩy thập phân.
- Mỗi biểu đồ có chú thích, một câu mô tả và bảng số liệu thay thế (bấm để mở).

## Ký hiệu đánh giá

Trạng thái của một chỉ tiêu so với mức Nghị quyết đề ra được tính theo một quy tắc viết rõ, và luôn được
hiện bằng biểu tượng kèm chữ, không chỉ bằng màu. "Gần đạt" nghĩa là còn thiếu không quá
{glue:text}`gt_near` so với mức chỉ tiêu.
"""
        ),
        output('show_table(legend, {"icon": "Biểu tượng", "word": "Ý nghĩa"})'),
        md(
            """
## Dữ liệu tải về

Toàn bộ dữ liệu của sách nằm trong thư mục `data/` của trang: danh mục chỉ tiêu, mục tiêu, số liệu,
đánh giá của báo cáo và kết quả kiểm tra số liệu, mỗi tệp là CSV mã hóa UTF-8:
<a href="../data/observations.csv">số liệu</a>, <a href="../data/indicators.csv">danh mục chỉ tiêu</a>,
<a href="../data/targets.csv">mức chỉ tiêu</a>, <a href="../data/audit.csv">kết quả kiểm tra</a>,
<a href="../data/tu_dien_du_lieu.csv">từ điển dữ liệu</a>, <a href="../data/README.md">hướng dẫn và cách trích dẫn</a>,
và <a href="../data/chitieu-huong-tra-du-lieu.zip">tất cả trong một tệp zip</a>.
"""
        ),
    ],
)
