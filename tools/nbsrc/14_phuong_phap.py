"""Methods and reproducibility: data contract, formulas, rules, rerunning for a new year, provenance."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _nb import hidden, md, output, params, write  # noqa: E402

write(
    "14_phuong_phap.ipynb",
    [
        md(
            """
# Phương pháp và tái lập

Chương này nói cách các con số của sách được tạo ra, để bất kỳ ai cũng có thể kiểm tra và chạy lại:
dữ liệu được tổ chức thế nào, các công thức, các quy tắc đánh giá, cách dựng lại sách cho một năm khác,
và dấu vết của lần chạy này.
"""
        ),
        params(),
        hidden(
            """
from chitieu.book import methods
from chitieu.analysis import yeardiff
from chitieu.book.glue import glue_text
from chitieu.data.load import load_dataset
from chitieu.analysis.status import NEAR_TOLERANCE
from chitieu.book.tables import show_table
from chitieu.data.vnnum import format_percent, format_vn
from chitieu.analysis.years import key_coverage
"""
        ),
        hidden(
            """
ds = load_dataset(data_dir)
previous_year = report_year - 1
diff = yeardiff.compare(ds, previous_year, report_year)
diff_counts = diff["change"].value_counts()
coverage = key_coverage(ds, report_year)
formulas = methods.formula_table()
contract = methods.contract_table()
enums = methods.enum_table()
checksums = methods.input_checksums(ds.data_dir).assign(bytes=lambda t: t["bytes"].map(format_vn))
environment = methods.environment_table()
diff_shown = diff.assign(change=diff["change"].map(yeardiff.CHANGE_VI), locality=diff["locality"].replace("", "toàn thị xã"))
"""
        ),
        hidden(
            """
glue_text("pp_year", str(report_year))
glue_text("pp_prev", str(previous_year))
glue_text("pp_near", format_percent(NEAR_TOLERANCE * 100, 0))
glue_text("pp_n_formulas", format_vn(len(formulas)))
glue_text("pp_changed", format_vn(int(diff_counts.get("changed", 0))))
glue_text("pp_appeared", format_vn(int(diff_counts.get("appeared", 0))))
glue_text("pp_disappeared", format_vn(int(diff_counts.get("disappeared", 0))))
glue_text("pp_key_present", format_vn(len(coverage.present)))
glue_text("pp_key_total", format_vn(len(coverage.present) + len(coverage.missing)))
glue_text("pp_n_files", format_vn(len(checksums)))
"""
        ),
        md(
            """
## Dữ liệu

Báo cáo gốc được giữ nguyên trong `data/raw` cùng tệp mô tả (tên, cơ quan ban hành, ngày, mã sha256);
không bao giờ bị sửa. Các số liệu được chép vào các tệp CSV dưới đây; mỗi dòng số liệu có trích dẫn
nguyên văn, và trước mỗi lần dựng sách, chương trình kiểm tra rằng trích dẫn có đúng trong văn bản gốc
và giá trị đúng là con số viết trong trích dẫn (đọc theo cách Việt Nam). Chỉ một lỗi cũng làm dừng việc
dựng sách, với thông báo chỉ rõ tệp, dòng, cột và giá trị cần sửa.
"""
        ),
        output('show_table(contract, {"file": "Tệp", "columns": "Các cột"})'),
        output(
            'show_table(enums, {"column": "Cột", "value": "Giá trị", "label": "Nghĩa"}, '
            'summary="Các giá trị được phép của cột mã hóa")'
        ),
        md(
            """
## Công thức

Mọi số liệu suy ra (tốc độ tăng, tỷ trọng, bình quân, tốc độ cần thiết để đạt mục tiêu) được tính bằng
{glue:text}`pp_n_formulas` hàm thuần trong gói `chitieu.analysis.formulas`, mỗi hàm có công thức và đoạn báo cáo
mà nó tái tạo trong tài liệu mã, và được kiểm thử với các kết quả tính tay.
"""
        ),
        output('show_table(formulas, {"name": "Hàm", "formula": "Công thức", "purpose": "Dùng để"})'),
        md(
            """
## Quy tắc đánh giá và chọn số liệu

- **Đạt**: giá trị nằm ở phía tốt của mức chỉ tiêu (kể cả đúng bằng; một giá trị ghi "trên X%" so với mức chỉ tiêu X% là đạt).
  **Gần đạt**: chưa đạt nhưng còn thiếu không quá {glue:text}`pp_near` so với mức chỉ tiêu.
  **Chưa đạt**: các trường hợp còn lại. Chỉ tiêu mà báo cáo không nêu mức bằng con số thì không đánh giá.
- **Số liệu "tính đến năm"**: với mỗi chỉ tiêu, sách dùng số liệu có kỳ kết thúc muộn nhất nhưng không sau
  năm đang xem; nếu nhiều số liệu cùng năm, ưu tiên kỳ dài hơn (cả giai đoạn trước một phần năm), rồi số
  thực hiện trước số ước tính.
- Khi báo cáo nêu cùng một đại lượng hai lần với hai con số khác nhau, dữ liệu giữ cả hai; biểu đồ dùng
  lần nêu đầu tiên, và chương kiểm tra số liệu trình bày sự khác biệt.
"""
        ),
        md(
            """
## Dựng lại sách cho một năm khác

Lệnh `make book YEAR=2022` (hoặc `python -m chitieu book --year 2022`) chạy lại mọi chương với số liệu
đến hết năm đó. Năm {glue:text}`pp_year` có số liệu cho {glue:text}`pp_key_present` trên
{glue:text}`pp_key_total` chỉ tiêu chủ yếu; một năm không có số liệu chỉ tiêu chủ yếu nào sẽ bị từ chối
trước khi bất kỳ tệp nào bị thay đổi, kèm danh sách chỉ tiêu thiếu và các năm gần nhất có số liệu.
Số liệu mới được thêm thành các dòng mới của `data/observations.csv`, trích từ một báo cáo mới đặt trong
`data/raw` với tệp mô tả và mã sha256 của nó (xem README của dự án).

Mỗi chương chỉ được chạy lại khi sổ tay của nó, mã nguồn của gói, môi trường, tham số hoặc phần dữ liệu mà
chương đó đọc thay đổi; các chương chạy song song.

### Thay đổi so với năm {glue:text}`pp_prev`

So với sách tính đến năm {glue:text}`pp_prev`, sách tính đến năm {glue:text}`pp_year` có
{glue:text}`pp_changed` số liệu thay đổi, {glue:text}`pp_appeared` số liệu mới có và
{glue:text}`pp_disappeared` số liệu không còn (lệnh `make diff FROM=… TO=…` in cùng danh sách).
"""
        ),
        output(
            'show_table(diff_shown, {"change": "Thay đổi", "name_vi": "Chỉ tiêu", "locality": "Địa bàn", '
            '"before": f"Tính đến {previous_year}", "after": f"Tính đến {report_year}"}, '
            'summary="Danh sách các số liệu thay đổi, mới có hoặc không còn")'
        ),
        md(
            """
## Tái lập lần chạy này

Sách được tạo với các tham số, phiên bản phần mềm và tệp đầu vào dưới đây; với cùng các tệp đầu vào (đối
chiếu mã sha256 của {glue:text}`pp_n_files` tệp) và cùng môi trường (`requirements.lock`), các sổ tay đã
chạy và các tệp dữ liệu xuất ra giống hệt nhau từng byte. Mã phiên bản git và thời điểm dựng — những thứ
thay đổi theo từng lần chạy — được ghi ở chân trang và trong tệp `data/provenance.json` của trang, không
ghi vào đây.

Tham số của lần chạy: report_year = {glue:text}`pp_year`.
"""
        ),
        output('show_table(environment, {"package": "Gói", "version": "Phiên bản"})'),
        output(
            'show_table(checksums, {"file": "Tệp", "bytes": "Số byte", "sha256": "sha256"}, '
            'summary="Mã sha256 của từng tệp đầu vào")'
        ),
    ],
)
