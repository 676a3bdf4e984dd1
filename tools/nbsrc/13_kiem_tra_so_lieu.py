"""Chapter 13: the report's figures checked against each other (the auditor's chapter)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _nb import hidden, md, output, params, write  # noqa: E402

write(
    "13_kiem_tra_so_lieu.ipynb",
    [
        md(
            """
# Kiểm tra số liệu của báo cáo

Một báo cáo dài nêu cùng một con số ở nhiều chỗ, chia một tổng thành nhiều phần, viết một tỷ lệ kèm phân số
của nó, và tự xếp loại các chỉ tiêu. Chương này đặt các con số ấy cạnh nhau: mỗi quan hệ mà báo cáo ngầm
khẳng định (các phần cộng lại bằng tổng, {glue:text}`kt_example_fraction` đúng là tỷ lệ đã ghi, một con số
nêu hai lần thì phải giống nhau…) được viết thành một phép kiểm tra, tính lại và so với số báo cáo ghi.
Có tất cả {glue:text}`kt_total` phép kiểm tra, thuộc {glue:text}`kt_kinds` loại quan hệ. Các phép kiểm tra
xét báo cáo như một tổng thể nên không phụ thuộc năm đang xem ({glue:text}`kt_report_year`).
"""
        ),
        params(),
        hidden(
            """
from chitieu.data.load import load_dataset
from chitieu.analysis import audit
from chitieu.book import charts, figures
from chitieu.book.glue import glue_text
from chitieu.book.tables import show_table
from chitieu.data.vnnum import format_vn
from IPython.display import HTML
"""
        ),
        hidden(
            """
ds = load_dataset(data_dir)
checks = audit.load_checks(ds)
results = audit.evaluate_all(ds, checks)
corrections = audit.load_corrections(ds, checks)
counts = audit.status_counts(results)
example = audit.result_by_id(results, "gd_ty_le_2023_muc_chi_tieu")
"""
        ),
        hidden(
            """
glue_text("kt_report_year", str(report_year))
glue_text("kt_total", format_vn(len(results)))
glue_text("kt_kinds", format_vn(len(audit.kind_counts(results))))
glue_text("kt_fail", format_vn(counts["fail"]))
glue_text("kt_rounding", format_vn(counts["rounding"]))
glue_text("kt_pass", format_vn(counts["pass"]))
glue_text("kt_unverifiable", format_vn(counts["unverifiable"]))
glue_text("kt_corrections", format_vn(len(corrections)))
glue_text("kt_example_fraction", audit.fraction_text(ds, example))
glue_text("kt_example_tolerance", f"±{example.tolerance_vi}")
glue_text("kt_example_stated", example.stated_vi)
glue_text("kt_example_computed", f"{example.computed_vi}%")
"""
        ),
        md(
            """
## Kết quả tóm tắt

Trong {glue:text}`kt_total` phép kiểm tra: **{glue:text}`kt_fail` phép không khớp** (✘), nghĩa là hai con số
của chính báo cáo mâu thuẫn nhau vượt quá mọi sai số do làm tròn; {glue:text}`kt_rounding` phép chỉ khớp khi
tính đến làm tròn hoặc cách ghi ước lượng (≈); {glue:text}`kt_pass` phép khớp đúng (✔); và
{glue:text}`kt_unverifiable` phép không kiểm chứng được (?), vì báo cáo thiếu một số liệu cần thiết hoặc
điều được nói không đo được bằng con số.

**Sai số cho phép** suy ra từ chính cách viết số: một số có thể sai nửa đơn vị ở chữ số cuối cùng được
viết ra; số đếm từng cái (trường học, đảng viên…) thì chính xác; số ghi “khoảng” được nới rộng; số ghi
“trên” hay “gần” chỉ là một cận. Sai số của các phần được cộng dồn khi tính tổng, và được lan truyền khi
chia hay tính tốc độ tăng. Ví dụ: báo cáo ghi tỷ lệ trường chuẩn quốc gia cuối năm là
{glue:text}`kt_example_stated`, còn phân số đi kèm {glue:text}`kt_example_fraction` cho
{glue:text}`kt_example_computed`; chênh lệch nằm trong sai số {glue:text}`kt_example_tolerance` của cách
ghi nên hai số khớp nhau khi làm tròn. Quy tắc đầy đủ nằm trong tài liệu `docs/audit.md` của dự án.
"""
        ),
        output(
            """
charts.show_chart(
    audit.summary_chart(results),
    caption="Hình 13.1. Kết quả các phép kiểm tra số liệu của báo cáo.",
    description="Biểu đồ thanh: số phép kiểm tra không khớp, khớp khi làm tròn, khớp đúng và không kiểm chứng được.",
    table=audit.summary_table(results),
    table_columns=audit.SUMMARY_COLUMNS,
)
"""
        ),
        output(
            """
show_table(audit.kind_table(results), audit.KIND_COLUMNS, summary="Số phép kiểm tra theo loại quan hệ và kết quả")
"""
        ),
        md(
            """
## Các điểm không khớp

Đây là những chỗ báo cáo tự mâu thuẫn. Bảng dưới liệt kê cả {glue:text}`kt_fail` điểm; sau đó mỗi điểm được
trình bày với các trích dẫn nguyên văn đặt cạnh nhau, phép tính từng bước và đường dẫn đến chương dùng số
liệu ấy. Trong các chương, số liệu vướng một điểm không khớp được đánh dấu ⚠ và dẫn về đây.
"""
        ),
        output(
            """
HTML(audit.fails_table_html(results))
"""
        ),
        output(
            """
HTML(audit.findings_html(ds, results, "fail"))
"""
        ),
        md(
            """
## Khớp khi làm tròn

Các phép kiểm tra sau không sai, nhưng chỉ khớp nhờ sai số của cách viết số (làm tròn, số “khoảng”, số
“trên”) hoặc nhờ một cách hiểu rộng; người đọc nên biết mức chính xác thật của các con số này.
"""
        ),
        output(
            """
HTML(audit.findings_html(ds, results, "rounding"))
"""
        ),
        md(
            """
## Không kiểm chứng được

Với các điểm sau, báo cáo không cung cấp đủ số liệu để tính lại (chẳng hạn không nêu số của năm gốc), hoặc
nhận định không đo được bằng con số. Chúng được ghi lại để người đọc tự đối chiếu với nguồn khác.
"""
        ),
        output(
            """
HTML(audit.findings_html(ds, results, "unverifiable"))
"""
        ),
        md(
            """
## Các phép kiểm tra khớp đúng

Có {glue:text}`kt_pass` phép kiểm tra khớp đúng từng đơn vị. Mở mục dưới đây để xem từng phép.
"""
        ),
        output(
            """
HTML(audit.findings_html(ds, results, "pass", collapsed=True))
"""
        ),
        md(
            """
## Số liệu cuốn sách chọn khi báo cáo mâu thuẫn

Khi hai chỗ của báo cáo cho hai con số khác nhau về cùng một điều, biểu đồ chỉ có thể vẽ một. Bảng sau
ghi {glue:text}`kt_corrections` lựa chọn như vậy: số được dùng, số được để riêng và lý do. Không con số nào
bị sửa: cả hai cách ghi vẫn nằm trong dữ liệu và trong các phép kiểm tra ở trên.
"""
        ),
        output(
            """
show_table(audit.corrections_table(ds, corrections), audit.CORRECTION_DISPLAY_COLUMNS)
"""
        ),
        md("## Tải kết quả kiểm tra"),
        output(
            """
HTML('<p class="chitieu-download">⬇ <a href="../data/audit.csv" download>Tải kết quả mọi phép kiểm tra '
     '(audit.csv, UTF-8): kết quả, số báo cáo ghi, số tính lại, chênh lệch, sai số cho phép, '
     'lời giải thích và các trích dẫn nguyên văn</a></p>')
"""
        ),
        md("## Các số liệu được dùng trong chương"),
        output(
            """
figures.figures_section(ds, audit.obs_ids_used(results, corrections), "13_kiem_tra_so_lieu")
"""
        ),
    ],
)
