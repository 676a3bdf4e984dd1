"""Chapter 12: limitations and tasks to 2025 — the pace each 2025 target still needs."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _nb import hidden, md, output, params, write  # noqa: E402

write(
    "12_han_che_nhiem_vu.ipynb",
    [
        md(
            """
# Hạn chế và nhiệm vụ đến năm 2025

Còn bao nhiêu việc phải làm đến năm 2025? Chương này lấy **mọi chỉ tiêu có mức đề ra cho năm 2025**
({glue:text}`nv_n_targets` chỉ tiêu), đặt nhịp đã đạt được đến năm {glue:text}`nv_year` cạnh nhịp cần có
từ nay để chạm mức đề ra, rồi xếp loại theo một phương pháp viết rõ. Kết quả: **{glue:text}`nv_n_achieved`
đã đạt**, {glue:text}`nv_n_on_track` đúng hướng và đủ nhanh, {glue:text}`nv_n_slow` đúng hướng nhưng chậm,
{glue:text}`nv_n_limited` tiến triển hạn chế, {glue:text}`nv_n_no_progress` chưa tiến triển hoặc đi lùi,
và {glue:text}`nv_n_no_data` chỉ tiêu không đủ dữ liệu. Phần sau tóm tắt những hạn chế báo cáo tự nêu và
các nhiệm vụ của phần thứ hai, kèm những con số dữ liệu có.
"""
        ),
        params(),
        hidden(
            """
from chitieu.book import chapter, charts, figures
from chitieu.analysis import progress
from chitieu.book.glue import glue_text
from chitieu.data.load import load_dataset
from huongtra import han_che_nhiem_vu as nv
from chitieu.book.tables import show_table
from chitieu.data.vnnum import format_vn
"""
        ),
        hidden(
            """
ds = load_dataset(data_dir)
Y = report_year
table = nv.progress_table(ds, Y)
counts = nv.category_counts(table)
lim = nv.limitation_facts(ds, Y)
p2 = nv.part_two_facts(ds, Y)
land = nv.revenue_series(ds, Y)["land_use_revenue"]
clusters = nv.cluster_plans(ds)
school_twice = nv.second_values(ds, "schools_national_standard_rate", Y)
chart_rows, chart_cols = nv.chart_table(table)
"""
        ),
        hidden(
            """
glue_text("nv_year", str(Y))
glue_text("nv_n_targets", format_vn(len(table)))
glue_text("nv_n_achieved", format_vn(counts["achieved"]))
glue_text("nv_n_on_track", format_vn(counts["on_track"]))
glue_text("nv_n_slow", format_vn(counts["slow"]))
glue_text("nv_n_limited", format_vn(counts["limited"]))
glue_text("nv_n_no_progress", format_vn(counts["no_progress"]))
glue_text("nv_n_no_data", format_vn(counts["no_data"]))
glue_text("nv_on_track_ratio", format_vn(progress.ON_TRACK_RATIO, 2))
glue_text("nv_slow_ratio", format_vn(progress.SLOW_RATIO, 1))
glue_text("nv_target_year", str(nv.TARGET_YEAR))
for row in table.itertuples():
    glue_text(f"nv_s_{row.indicator_id}", row.sentence_vi)
glue_text("nv_school_twice", nv.twice_text(school_twice))
for key in ("budget_growth", "budget_target", "revenue_area", "revenue_town", "land_use", "schools_now",
            "schools_needed", "schools_target", "discipline_total", "admissions_years"):
    glue_text(f"nv_lim_{key}", lim[key])
glue_text("nv_lim_land_trend", "giảm mạnh" if lim["land_falls"] else "không giảm")
for key in ("task_groups", "solution_groups", "clusters", "clusters_total", "binh_thanh"):
    glue_text(f"nv_p2_{key}", p2[key])
glue_text("nv_p2_admissions", p2["admissions_2023"] or f"Đến năm {Y} chưa có số kết nạp của năm sau.")
glue_text("nv_p2_ntm_now", p2["ntm_now"] or chapter.missing_text(Y))
"""
        ),
        md(
            """
## Cách tính: nhịp đã qua và nhịp cần có

Phương pháp dựa theo cách đo tiến độ của Open SDG (nền tảng báo cáo Mục tiêu phát triển bền vững, do Cơ
quan Thống kê Canada xây dựng từ phương pháp của Eurostat), viết trong mô-đun `chitieu.analysis.progress`:

- **Nhịp đã qua**: tốc độ tăng (giảm) bình quân năm của chỉ tiêu, tính kép giữa số liệu đầu và cuối của
  chuỗi, hoặc từ câu báo cáo kiểu “gấp … lần so với năm 2020”.
- **Nhịp cần từ nay**: tốc độ bình quân năm cần có để đi từ giá trị mới nhất đến mức đề ra trong số năm
  còn lại đến năm {glue:text}`nv_target_year`. Open SDG đo nhịp cần từ năm gốc; ở đây đo từ giá trị mới
  nhất, tức là "từ nay phải đi nhanh chừng nào".
- **Tỷ số R** = nhịp đã qua / nhịp cần. R từ {glue:text}`nv_on_track_ratio` trở lên: *đúng hướng, đủ
  nhanh*; từ {glue:text}`nv_slow_ratio` đến dưới {glue:text}`nv_on_track_ratio`: *đúng hướng nhưng chậm*;
  lớn hơn 0 nhưng dưới {glue:text}`nv_slow_ratio`: *tiến triển hạn chế*; bằng hoặc dưới 0: *chưa tiến
  triển hoặc đi lùi*. Chỉ tiêu mà giá trị mới nhất đã đạt mức đề ra là *đã đạt*; không có giá trị, hoặc chỉ
  có một số liệu nên không tính được nhịp đã qua: *không đủ dữ liệu*.
- Với chỉ tiêu **càng thấp càng tốt** (tỷ lệ hộ nghèo), cả hai nhịp đều âm khi đi đúng hướng nên R vẫn
  dương; tỷ lệ nghèo tăng trở lại thì R âm.
- Với mục tiêu **là một tốc độ tăng** (như thu ngân sách tăng {glue:text}`nv_lim_budget_target`), không có mức nào để cộng dồn: R là tốc độ bình
  quân đã đạt chia cho tốc độ mục tiêu (mức dưới của khoảng). Mục tiêu kiểu này chỉ tính được khi hết nhiệm
  kỳ, nên không bao giờ xếp "đã đạt" giữa chừng; bảng còn cho biết các năm còn lại phải tăng bao nhiêu để
  bình quân cả nhiệm kỳ chạm mức đề ra.
- Với mục tiêu **phải đạt hằng năm** (kết nạp đảng viên, thu tiền sử dụng đất), chỉ tiêu *đã đạt* khi mọi
  năm trọn đã qua đều đạt.

## Kết quả theo từng chỉ tiêu
"""
        ),
        output(
            """
show_table(nv.display_table(table), nv.DISPLAY_COLUMNS)
"""
        ),
        output(
            """
charts.show_chart(
    nv.progress_chart(table),
    caption="Hình 12.1. Tỷ số giữa nhịp đã qua và nhịp cần để đạt mục tiêu năm 2025.",
    description=f"Biểu đồ thanh ngang: mỗi chỉ tiêu có mục tiêu năm 2025 một dòng, thanh dài bằng tỷ số R tính đến năm {Y} "
    "(vạch đen ở R = 1, vạch đứt ở các ngưỡng); bên cạnh là biểu tượng và lời đánh giá. Chỉ tiêu đã đạt hoặc không đủ "
    "dữ liệu không có thanh. Thanh nhạt, viền đứt: giá trị mới nhất là số ước tính; thanh dài quá khung được cắt ở mép.",
    table=chart_rows,
    table_columns=chart_cols,
)
"""
        ),
        md(
            """
**Kinh tế, ngân sách.**

- {glue:text}`nv_s_gdp_growth_avg`
- {glue:text}`nv_s_income_per_capita`
- {glue:text}`nv_s_social_investment_growth_avg`
- {glue:text}`nv_s_budget_revenue_growth_avg`
- {glue:text}`nv_s_land_use_revenue`

**Xã hội, nông thôn mới.**

- {glue:text}`nv_s_schools_national_standard_rate` Báo cáo ghi tỷ lệ này hai cách khác nhau
  ({glue:text}`nv_school_twice`); bảng dùng con số nêu trước.
- {glue:text}`nv_s_poverty_rate`
- {glue:text}`nv_s_clean_water_rate`
- {glue:text}`nv_s_health_insurance_coverage_rate`
- {glue:text}`nv_s_ntm_communes_rate` Cần đọc thận trọng: đây là số ước đến cuối năm, trong khi mục
  B.III.3.2 ghi số xã đạt chuẩn "đến nay" khác ({glue:text}`nv_p2_ntm_now`).
- {glue:text}`nv_s_ntm_advanced_communes`
- {glue:text}`nv_s_ntm_model_villages`

**Xây dựng Đảng.**

- {glue:text}`nv_s_party_admissions_per_year`
- {glue:text}`nv_s_village_heads_party_member_rate`
- {glue:text}`nv_s_party_secretary_village_head_rate`

Nhiều chỉ tiêu rơi vào "không đủ dữ liệu" chỉ vì báo cáo nêu một con số cho thời điểm hiện tại mà không
nêu con số đầu nhiệm kỳ. Khi đó bảng vẫn cho biết nhịp cần từ nay, là phần việc còn lại.

## Những hạn chế báo cáo tự nêu

Mục B.I phần thứ nhất ("Khuyết điểm, hạn chế") liệt kê hạn chế theo từng lĩnh vực. Phần lớn là nhận định
định tính; dưới đây là tóm tắt, kèm con số của dữ liệu ở những chỗ có thể đối chiếu.

- **Kinh tế.** Công nghiệp – tiểu thủ công nghiệp chưa mạnh, thủ tục lập và mở rộng cụm công nghiệp chậm;
  dịch vụ chủ yếu giản đơn, chợ chậm nâng cấp; nông nghiệp nhỏ lẻ, OCOP hiệu quả chưa cao; chậm hoàn thành
  các quy hoạch phân khu; hạ tầng chưa đáp ứng tiêu chí đô thị loại IV. Tốc độ tăng thu ngân sách bình quân
  ({glue:text}`nv_lim_budget_growth`) chưa đạt mục tiêu {glue:text}`nv_lim_budget_target`; báo cáo giải
  thích là do thu tăng đột biến năm 2021 rồi "giảm dần ở năm 2022, 2023". Các con số lại cho thấy thu ngân
  sách trên địa bàn: {glue:text}`nv_lim_revenue_area`; phần thị xã thu: {glue:text}`nv_lim_revenue_town`.
  Khoản {glue:text}`nv_lim_land_trend` là thu tiền sử dụng đất: {glue:text}`nv_lim_land_use` (Hình 12.2).
- **Văn hóa – xã hội.** Kinh phí sửa chữa, xây công trình phụ trường học khó khăn, làm chậm việc xây trường
  chuẩn quốc gia: hiện {glue:text}`nv_lim_schools_now`; để đạt {glue:text}`nv_lim_schools_target` số
  trường cần thêm {glue:text}`nv_lim_schools_needed` trường. Thiết chế văn hóa cơ sở còn hạn chế; mô hình
  giảm nghèo chưa bền vững, giải quyết việc làm còn khó.
- **Quốc phòng, an ninh.** Nhận thức của một bộ phận cán bộ, nhân dân chưa sâu; đấu tranh trên không gian
  mạng chưa đáp ứng; nắm tình hình an ninh tôn giáo, nông thôn có lúc chưa kịp thời.
- **Quản lý nhà nước.** Cải cách hành chính khó duy trì các chỉ số; phối hợp giữa phòng, ban và phường, xã
  chưa đồng bộ; quản lý đất đai, trật tự đô thị chưa quyết liệt.
- **Mặt trận, đoàn thể.** Đổi mới nội dung, phương thức chưa quyết liệt; giám sát, phản biện còn hình thức.
- **Xây dựng Đảng.** Tự phê bình và phê bình còn hình thức; công tác phát triển đảng viên mới "vẫn còn khó
  khăn" (số kết nạp theo năm: {glue:text}`nv_lim_admissions_years`); "đảng viên bị thi hành kỷ luật tăng
  lên hàng năm" — dữ liệu chỉ có số cộng dồn ({glue:text}`nv_lim_discipline_total`), không có số từng năm,
  nên không kiểm được.
"""
        ),
        output(
            """
charts.chart_or_note(
    land,
    charts.series_chart,
    caption="Hình 12.2. Thu tiền sử dụng đất theo năm.",
    description=f"Biểu đồ cột: thu tiền sử dụng đất từng năm đến năm {Y} (mục B.III.1.5 và B.II); số năm cuối là ước tính.",
    report_year=Y,
)
"""
        ),
        md(
            """
## Nhiệm vụ đến năm 2025 (phần thứ hai của báo cáo)

Phần thứ hai nhắc lại rằng Nghị quyết có {glue:text}`nv_p2_task_groups` nhóm nhiệm vụ và
{glue:text}`nv_p2_solution_groups` nhóm giải pháp, rồi trình bày các nhóm giải pháp chủ yếu: quy hoạch; huy
động nguồn lực và phát triển văn hóa – xã hội; cơ cấu lại kinh tế; hạ tầng đô thị và nông thôn mới; khoa học
– công nghệ; quản lý nhà nước, quốc phòng – an ninh; hệ thống chính trị. Báo cáo không liệt kê các nhóm nhiệm
vụ ở đâu cả. Những nhiệm vụ có con số:

- **Cụm công nghiệp.** Hoàn thiện hạ tầng cụm công nghiệp Bình Thành (quy hoạch chi tiết
  {glue:text}`nv_p2_binh_thanh`) và đề nghị tỉnh bổ sung quy hoạch các cụm mới: Tứ Hạ giai đoạn 3 (không
  ghi diện tích), {glue:text}`nv_p2_clusters`; cộng các cụm có ghi diện tích được
  {glue:text}`nv_p2_clusters_total` (Hình 12.3). Mục B.III.1.1 lại gọi Tứ Hạ giai đoạn 3 là *mở rộng* và
  nêu thêm một cụm Tứ Hạ 2 mà phần thứ hai không nhắc.
- **Bảo hiểm y tế.** Phấn đấu tỷ lệ tham gia bảo hiểm y tế toàn dân theo mục tiêu trong bảng trên.
- **Nông thôn mới.** Đến năm 2025 toàn bộ các xã đạt chuẩn, các xã nông thôn mới nâng cao (Bình Tiến, Hương
  Bình) và các thôn kiểu mẫu như bảng trên; báo cáo chưa có số thôn kiểu mẫu hiện tại.
- **Trường chuẩn quốc gia.** "Quyết tâm thực hiện đạt chỉ tiêu": còn {glue:text}`nv_lim_schools_needed`
  trường như tính ở trên.
- **Kết nạp đảng viên.** {glue:text}`nv_p2_admissions`
"""
        ),
        output(
            """
charts.show_chart(
    charts.bar_chart(clusters, label="cluster_vi"),
    caption="Hình 12.3. Diện tích các cụm công nghiệp mới đề nghị bổ sung quy hoạch.",
    description="Biểu đồ thanh ngang, cụm lớn nhất ở trên: diện tích (ha) của từng cụm công nghiệp mới mà phần thứ hai "
    "của báo cáo đề nghị bổ sung quy hoạch (kế hoạch, mục III.1); Tứ Hạ giai đoạn 3 không có diện tích nên không có thanh.",
    table=clusters,
)
"""
        ),
        md("## Các số liệu được dùng trong chương"),
        output(
            """
used = [oid for ids in table["obs_ids"] for oid in ids] + lim["obs_ids"] + p2["obs_ids"] + list(land["obs_id"])
used += [oid for d in school_twice for oid in d["ids"]]
figures.figures_section(ds, used, "12_han_che_nhiem_vu")
"""
        ),
    ],
)
