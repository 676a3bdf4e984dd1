"""Chapter 11: party building and the political system."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _nb import hidden, md, output, params, write  # noqa: E402

write(
    "11_xay_dung_dang.ipynb",
    [
        md(
            """
# Xây dựng Đảng và hệ thống chính trị

Chương này gom các số liệu của mục IV phần thứ nhất (công tác xây dựng Đảng) và mục III (Mặt trận, các
đoàn thể), tính đến năm {glue:text}`xd_year`: đảng viên và kết nạp đảng viên mới, tổ chức và cán bộ, kiểm
tra – giám sát – kỷ luật, dân vận, nội chính. Toàn Đảng bộ hiện có **{glue:text}`xd_members`** sinh hoạt
tại {glue:text}`xd_orgs` tổ chức cơ sở đảng; số đảng viên bị thi hành kỷ luật từ đầu nhiệm kỳ:
{glue:text}`xd_disc_total`. Phần lớn số liệu của chương là số cộng dồn từ đầu nhiệm kỳ đến giữa năm 2023,
nên khi xem theo một năm sớm hơn, nhiều mục sẽ ghi "không có số liệu".
"""
        ),
        params(),
        hidden(
            """
import altair as alt
import pandas as pd
from chitieu.book import chapter, charts, figures
from chitieu.book.glue import glue_text
from chitieu.data.load import load_dataset
from huongtra import xay_dung_dang as xd
from chitieu.data.vnnum import format_vn
"""
        ),
        hidden(
            """
ds = load_dataset(data_dir)
Y = report_year
adm = xd.admissions_series(ds, Y)
adm_st = xd.admissions_statements(ds, Y)
adm_twice = xd.second_statements(ds, "party_admissions", Y)
planning = xd.breakdown(ds, "cadre_planning_approved", Y)
inspect = {
    "Kiểm tra tổ chức đảng (số tổ chức)": xd.breakdown(ds, "party_inspected_orgs", Y, "level"),
    "Kiểm tra đảng viên (số đảng viên)": xd.breakdown(ds, "party_inspected_members", Y, "level"),
    "Giám sát tổ chức đảng (số tổ chức)": xd.breakdown(ds, "party_supervised_orgs", Y, "level"),
    "Giám sát đảng viên (số đảng viên)": xd.breakdown(ds, "party_supervised_members", Y, "level"),
}
disc = {
    "Theo cấp thi hành kỷ luật": xd.breakdown(ds, "discipline_members", Y, "level"),
    "Theo hình thức kỷ luật": xd.breakdown(ds, "discipline_members", Y, "form"),
    "Theo nội dung vi phạm": xd.breakdown(ds, "discipline_members", Y, "content"),
    "Theo lĩnh vực công tác": xd.breakdown(ds, "discipline_members", Y, "sector"),
}
disc_total = xd.value_of(ds, "discipline_members", Y)
petitions = xd.breakdown(ds, "party_petitions_received", Y)
SINGLE = [
    "party_members_total", "party_grassroots_orgs", "party_admissions__group__students",
    "party_admissions_per_year", "village_heads_party_member_rate", "party_secretary_village_head_rate",
    "party_orgs_good_rate", "party_members_struck_off", "party_members_removed", "cadre_planning_approved",
    "cadres_appointed", "cadres_reappointed", "cadres_nominated_for_election",
    "cadres_sent_political_theory_training__level__advanced",
    "cadres_sent_political_theory_training__level__intermediate", "party_work_training_participants",
    "cadres_sent_state_management_training__level__principal_specialist",
    "cadres_sent_state_management_training__level__specialist", "cadres_transferred_to_grassroots_secretary",
    "party_badges_awarded", "party_cell_congresses", "party_orgs_transferred_to_hue",
    "party_members_thematic_study_rate", "villages_schools_with_party_org_rate",
    "violation_inspected_orgs", "violation_inspected_members", "discipline_members", "discipline_orgs",
    "discipline_committee_members", "party_petitions_received", "party_petitions_withdrawn",
    "asset_declarations_received", "asset_declarations_required",
    "asset_declarations_received__group__btv_managed", "asset_declarations_received__group__party_front_agencies",
    "asset_verification_persons", "land_donated_by_people", "workdays_contributed_by_people",
    "model_roads_bright_green_clean", "poor_households_houses_built", "poor_households_houses_repaired",
    "leadership_meetings_grassroots", "citizen_reception_sessions__level__town_secretary",
    "citizen_reception_opinions__level__town_secretary", "citizen_reception_sessions__level__commune_secretaries",
    "citizen_reception_opinions__level__commune_secretaries",
]
T = {iid: chapter.latest_text(ds, iid, Y) for iid in SINGLE}
"""
        ),
        hidden(
            """
glue_text("xd_year", str(Y))
glue_text("xd_members", T["party_members_total"])
glue_text("xd_orgs", T["party_grassroots_orgs"])
glue_text("xd_disc_total", T["discipline_members"])
glue_text("xd_adm_sentence", xd.admissions_sentence(ds, Y))
glue_text("xd_adm_range", xd.admissions_range_sentence(ds, Y))
glue_text("xd_no_heads", str(ds.indicators.loc["village_heads_party_member_rate", "resolution_no"]))
glue_text("xd_no_good", str(ds.indicators.loc["party_orgs_good_rate", "resolution_no"]))
glue_text("xd_heads_target", chapter.target_text(ds, "village_heads_party_member_rate", with_year=True))
glue_text("xd_secr_target", chapter.target_text(ds, "party_secretary_village_head_rate", with_year=True))
glue_text("xd_adm_students", T["party_admissions__group__students"])
glue_text("xd_adm_years", chapter.series_text(adm, Y))
glue_text("xd_struck_off", T["party_members_struck_off"])
glue_text("xd_removed", T["party_members_removed"])
glue_text("xd_struck_period", xd.period_of(ds, "party_members_struck_off", Y))
glue_text("xd_heads", T["village_heads_party_member_rate"])
glue_text("xd_secretaries", T["party_secretary_village_head_rate"])
glue_text("xd_good_orgs", T["party_orgs_good_rate"])
glue_text("xd_planning", T["cadre_planning_approved"])
glue_text("xd_planning_sum", format_vn(planning["value"].sum()) if not planning.empty else chapter.missing_text(Y))
glue_text("xd_appointed", T["cadres_appointed"])
glue_text("xd_reappointed", T["cadres_reappointed"])
glue_text("xd_nominated", T["cadres_nominated_for_election"])
glue_text("xd_llct_adv", T["cadres_sent_political_theory_training__level__advanced"])
glue_text("xd_llct_mid", T["cadres_sent_political_theory_training__level__intermediate"])
glue_text("xd_trained", T["party_work_training_participants"])
glue_text("xd_qlnn_main", T["cadres_sent_state_management_training__level__principal_specialist"])
glue_text("xd_qlnn", T["cadres_sent_state_management_training__level__specialist"])
glue_text("xd_rotated", T["cadres_transferred_to_grassroots_secretary"])
glue_text("xd_badges", T["party_badges_awarded"])
glue_text("xd_congresses", T["party_cell_congresses"])
glue_text("xd_to_hue", T["party_orgs_transferred_to_hue"])
glue_text("xd_study", T["party_members_thematic_study_rate"])
glue_text("xd_cover", T["villages_schools_with_party_org_rate"])
glue_text("xd_viol_orgs", T["violation_inspected_orgs"])
glue_text("xd_viol_members", T["violation_inspected_members"])
glue_text("xd_disc_orgs", T["discipline_orgs"])
glue_text("xd_disc_committee", T["discipline_committee_members"])
glue_text("xd_disc_check", xd.discipline_sentence(ds, Y))
glue_text("xd_disc_form_top", xd.top_share_text(disc["Theo hình thức kỷ luật"], disc_total) if disc_total else chapter.missing_text(Y))
glue_text("xd_disc_content_top", xd.top_share_text(disc["Theo nội dung vi phạm"], disc_total) if disc_total else chapter.missing_text(Y))
glue_text("xd_disc_sector_top", xd.top_share_text(disc["Theo lĩnh vực công tác"], disc_total) if disc_total else chapter.missing_text(Y))
glue_text("xd_disc_level_top", xd.top_share_text(disc["Theo cấp thi hành kỷ luật"], disc_total) if disc_total else chapter.missing_text(Y))
glue_text("xd_petitions", T["party_petitions_received"])
glue_text("xd_petitions_parts", xd.parts_text(petitions) or chapter.missing_text(Y))
glue_text("xd_petitions_withdrawn", T["party_petitions_withdrawn"])
glue_text("xd_assets", T["asset_declarations_received"])
glue_text("xd_assets_due", T["asset_declarations_required"])
glue_text("xd_assets_btv", T["asset_declarations_received__group__btv_managed"])
glue_text("xd_assets_other", T["asset_declarations_received__group__party_front_agencies"])
glue_text("xd_verified", T["asset_verification_persons"])
glue_text("xd_land", T["land_donated_by_people"])
glue_text("xd_workdays", T["workdays_contributed_by_people"])
glue_text("xd_roads", T["model_roads_bright_green_clean"])
glue_text("xd_houses_built", T["poor_households_houses_built"])
glue_text("xd_houses_repaired", T["poor_households_houses_repaired"])
glue_text("xd_meetings", T["leadership_meetings_grassroots"])
glue_text("xd_rec_town", T["citizen_reception_sessions__level__town_secretary"])
glue_text("xd_rec_town_op", T["citizen_reception_opinions__level__town_secretary"])
glue_text("xd_rec_comm", T["citizen_reception_sessions__level__commune_secretaries"])
glue_text("xd_rec_comm_op", T["citizen_reception_opinions__level__commune_secretaries"])
"""
        ),
        md(
            """
## Đảng viên và kết nạp đảng viên mới

Tổng số đảng viên toàn Đảng bộ: {glue:text}`xd_members`, sinh hoạt tại {glue:text}`xd_orgs` tổ chức cơ sở
đảng. Số kết nạp theo từng kỳ: {glue:text}`xd_adm_years`. Trong số đảng viên mới có
{glue:text}`xd_adm_students` là học sinh.

{glue:text}`xd_adm_sentence`

{glue:text}`xd_adm_range` Chương "Hạn chế và nhiệm vụ đến năm 2025" đặt chỉ tiêu này cạnh các mục tiêu
khác của năm 2025. Cũng từ đầu nhiệm kỳ, báo cáo ghi đã xóa
tên {glue:text}`xd_struck_off` trong danh sách đảng viên và cho ra khỏi Đảng {glue:text}`xd_removed`
(kỳ {glue:text}`xd_struck_period`, mốc thời gian khác với mốc của số kết nạp).
"""
        ),
        output(
            """
charts.chart_or_note(
    adm,
    charts.series_chart,
    caption="Hình 11.1. Số đảng viên mới được kết nạp theo từng kỳ.",
    description=f"Biểu đồ cột: số đảng viên kết nạp nửa cuối năm 2020, từng năm và các tháng đầu năm, đến năm {Y}; "
    "số liệu theo chú thích ¹ mục B.II (kỳ cuối chỉ gồm vài tháng, không so được với một năm trọn).",
    report_year=Y,
    notice=xd.no_data_notice(Y),
)
"""
        ),
        md(
            """
Các chỉ tiêu chủ yếu về tổ chức đảng ở cơ sở (chỉ tiêu {glue:text}`xd_no_heads` và
{glue:text}`xd_no_good` của Nghị quyết):

- trưởng thôn, tổ trưởng tổ dân phố là đảng viên: {glue:text}`xd_heads` (mục tiêu:
  {glue:text}`xd_heads_target`);
- bí thư chi bộ kiêm trưởng thôn, tổ trưởng tổ dân phố: {glue:text}`xd_secretaries` (mục tiêu:
  {glue:text}`xd_secr_target`). Báo cáo vẫn xếp chỉ tiêu {glue:text}`xd_no_heads` vào nhóm "đạt" (chú
  thích ¹ mục B.II), dù vế này thấp hơn mức đề ra;
- tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên hằng năm: {glue:text}`xd_good_orgs`.

## Tổ chức và cán bộ

Đã phê duyệt quy hoạch cán bộ nhiệm kỳ 2025 – 2030 cho {glue:text}`xd_planning`; cộng bốn nhóm trong
chú thích được {glue:text}`xd_planning_sum`, khớp với tổng. Hình 11.2 cho thấy phần lớn là quy hoạch
cán bộ quản lý trường học và cấp ủy cơ sở.
"""
        ),
        output(
            """
charts.chart_or_note(
    planning,
    lambda f: charts.bar_chart(f, label="short_vi"),
    caption="Hình 11.2. Số trường hợp được quy hoạch cán bộ nhiệm kỳ 2025 – 2030, theo nhóm chức danh.",
    description="Biểu đồ thanh ngang, nhóm lớn nhất ở trên: số trường hợp quy hoạch của từng nhóm chức danh "
    "(chú thích ¹ mục B.IV.2).",
    report_year=Y,
    notice=xd.no_data_notice(Y),
)
"""
        ),
        md(
            """
Về sử dụng và đào tạo cán bộ từ đầu nhiệm kỳ:

- điều động, bổ nhiệm {glue:text}`xd_appointed`; bổ nhiệm lại {glue:text}`xd_reappointed`; giới thiệu
  ứng cử {glue:text}`xd_nominated`;
- điều động giữ chức bí thư, phó bí thư đảng ủy cơ sở: {glue:text}`xd_rotated`. Danh sách kèm theo
  (chú thích ³) có người được giới thiệu ứng cử Chủ tịch UBND xã chứ không giữ chức vụ đảng, và chức
  Bí thư Đảng ủy phường Hương Văn được ghi lặp cho những người khác nhau (có lẽ nhầm với Hương Vân);
- cử đi đào tạo cao cấp lý luận chính trị {glue:text}`xd_llct_adv`, trung cấp {glue:text}`xd_llct_mid`;
  tập huấn nghiệp vụ công tác xây dựng Đảng {glue:text}`xd_trained`; bồi dưỡng quản lý nhà nước
  chương trình chuyên viên chính {glue:text}`xd_qlnn_main`, chuyên viên {glue:text}`xd_qlnn`;
- trao Huy hiệu Đảng cho {glue:text}`xd_badges`; tổ chức đại hội {glue:text}`xd_congresses` chi bộ trực
  thuộc nhiệm kỳ 2022 – 2025;
- bàn giao {glue:text}`xd_to_hue` tổ chức cơ sở đảng về Thành ủy Huế khi sáp nhập một số phường, xã vào
  thành phố Huế (báo cáo không nói rõ vì sao số tổ chức đảng bàn giao khác số xã, phường sáp nhập);
- tỷ lệ đảng viên tham gia học tập chuyên đề toàn khóa: {glue:text}`xd_study`; thôn, tổ dân phố, trường
  học có tổ chức đảng: {glue:text}`xd_cover`.

## Kiểm tra, giám sát và kỷ luật đảng

Hình 11.3 đặt cạnh nhau số tổ chức đảng và đảng viên được kiểm tra, giám sát từ đầu nhiệm kỳ, theo chủ
thể thực hiện. Chi bộ kiểm tra, giám sát nhiều đảng viên nhất; ủy ban kiểm tra các cấp kiểm tra số đảng
viên lớn hơn nhiều so với số tổ chức. Ngoài ra, kiểm tra khi có dấu hiệu vi phạm:
{glue:text}`xd_viol_orgs` tổ chức đảng và {glue:text}`xd_viol_members`; báo cáo không nói các trường hợp
này đã nằm trong số kiểm tra của ủy ban kiểm tra hay chưa, nên không cộng chúng vào.
"""
        ),
        output(
            """
charts.chart_or_note(
    charts.panel_rows(inspect),
    lambda _: charts.panels(inspect, label="short_vi"),
    caption="Hình 11.3. Kiểm tra, giám sát từ đầu nhiệm kỳ, theo chủ thể thực hiện.",
    description="Các biểu đồ thanh ngang xếp chồng: số tổ chức đảng và số đảng viên được kiểm tra, được giám sát, "
    "theo Thị ủy – Ban Thường vụ, đảng ủy cơ sở, chi bộ và ủy ban kiểm tra (chú thích ¹ mục B.IV.4).",
    report_year=Y,
    notice=xd.no_data_notice(Y),
)
"""
        ),
        md(
            """
Từ đầu nhiệm kỳ, toàn Đảng bộ thi hành kỷ luật {glue:text}`xd_disc_total` và {glue:text}`xd_disc_orgs`
tổ chức đảng (đảng ủy cơ sở, hình thức khiển trách); trong số bị kỷ luật có {glue:text}`xd_disc_committee`
là cấp ủy viên các cấp. Báo cáo chia số đảng viên bị kỷ luật theo nhiều cách (Hình 11.4).
{glue:text}`xd_disc_check`

- Hình thức nhiều nhất: {glue:text}`xd_disc_form_top`.
- Nội dung vi phạm nhiều nhất: {glue:text}`xd_disc_content_top` — vi phạm chính sách dân số chiếm phần
  lớn, không phải tham nhũng hay đất đai.
- Lĩnh vực nhiều nhất: {glue:text}`xd_disc_sector_top`.
- Cấp thi hành nhiều nhất: {glue:text}`xd_disc_level_top`.

Báo cáo viết ở phần hạn chế rằng "đảng viên bị thi hành kỷ luật tăng lên hàng năm", nhưng chỉ cho số cộng
dồn cả giai đoạn, không có số theo từng năm, nên dữ liệu không kiểm được nhận định này.
"""
        ),
        output(
            """
charts.chart_or_note(
    charts.panel_rows(disc),
    lambda _: charts.panels(disc, label="short_vi"),
    caption="Hình 11.4. Đảng viên bị thi hành kỷ luật từ đầu nhiệm kỳ: theo cấp thi hành, hình thức, nội dung và lĩnh vực.",
    description="Các biểu đồ thanh ngang, mỗi biểu đồ xếp từ lớn đến nhỏ; mỗi cách chia cộng lại bằng tổng số "
    "đảng viên bị kỷ luật (chú thích ¹ mục B.IV.4, phần nội chính).",
    report_year=Y,
    notice=xd.no_data_notice(Y),
)
"""
        ),
        md(
            """
Đơn thư tố cáo, phản ánh, kiến nghị liên quan đến tổ chức đảng và đảng viên: đã tiếp nhận
{glue:text}`xd_petitions`; trong đó {glue:text}`xd_petitions_parts` (trong số đơn giải quyết theo thẩm
quyền có {glue:text}`xd_petitions_withdrawn` đơn xin rút).

Kê khai tài sản, thu nhập: tiếp nhận và lưu trữ {glue:text}`xd_assets` trên {glue:text}`xd_assets_due`
phải nộp. Thân bài nói tất cả là của cán bộ diện Ban Thường vụ Thị ủy quản lý, nhưng chú thích ³ tách
thành {glue:text}`xd_assets_btv` của cán bộ diện Ban Thường vụ quản lý và {glue:text}`xd_assets_other`
của người làm việc ở các cơ quan Đảng, Mặt trận và đoàn thể. Xác minh tài sản, thu nhập năm 2022:
{glue:text}`xd_verified`.

## Dân vận, Mặt trận Tổ quốc và các đoàn thể

Kết quả vận động Nhân dân mà báo cáo nêu bằng con số (chú thích ¹ mục III):

- Nhân dân hiến {glue:text}`xd_land` đất và đóng góp {glue:text}`xd_workdays` để xây dựng các công trình;
- {glue:text}`xd_roads` tuyến đường “sáng – xanh – sạch – đẹp – an toàn”;
- xây mới {glue:text}`xd_houses_built` nhà và sửa chữa {glue:text}`xd_houses_repaired` nhà cho hộ nghèo,
  cận nghèo.

Ban Thường vụ, Thường trực Thị ủy tổ chức {glue:text}`xd_meetings` hội nghị gặp mặt cán bộ hệ thống chính
trị thôn, tổ dân phố và cộng đồng doanh nghiệp.

## Nội chính và tiếp dân

Bí thư Thị ủy đã tiếp dân {glue:text}`xd_rec_town` cuộc với {glue:text}`xd_rec_town_op` ý kiến phản ánh,
kiến nghị; bí thư đảng ủy các phường, xã tiếp {glue:text}`xd_rec_comm` cuộc với
{glue:text}`xd_rec_comm_op` ý kiến. Ở cấp phường, xã số cuộc tiếp nhiều hơn số ý kiến: có những buổi tiếp
không có ý kiến nào, điều báo cáo không giải thích.

## Các số liệu được dùng trong chương
"""
        ),
        output(
            """
used = (
    list(adm["obs_id"]) + [oid for r in adm_st.itertuples() for oid in [r.obs_id, *r.part_ids]]
    + list(adm_twice.get("second_id", [])) + list(planning["obs_id"]) + list(charts.panel_rows(inspect)["obs_id"])
    + list(charts.panel_rows(disc)["obs_id"]) + list(petitions["obs_id"]) + list(chapter.latest_many(ds, SINGLE, Y)["obs_id"])
)
figures.figures_section(ds, used, "11_xay_dung_dang")
"""
        ),
    ],
)
