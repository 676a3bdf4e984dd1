# One-off authoring script for the key-indicator rows (lines 54-101); output merged into data/*.csv.
import csv
I = [
 # id, chapter, name_vi, name_en, unit, hib, res, desc
 ("resolution_key_indicators","tong_quan","Số chỉ tiêu chủ yếu Nghị quyết đề ra","Key indicators set by the resolution","count","","","Số chỉ tiêu chủ yếu mà Nghị quyết Đại hội Đảng bộ thị xã lần thứ XIV đề ra cho nhiệm kỳ 2020–2025."),
 ("resolution_key_indicators__group__economy","tong_quan","Số chỉ tiêu chủ yếu về kinh tế","Key indicators: economy","count","","","Số chỉ tiêu chủ yếu thuộc nhóm kinh tế."),
 ("resolution_key_indicators__group__social_environment","tong_quan","Số chỉ tiêu chủ yếu về xã hội – môi trường","Key indicators: society and environment","count","","","Số chỉ tiêu chủ yếu thuộc nhóm xã hội – môi trường."),
 ("resolution_key_indicators__group__party","tong_quan","Số chỉ tiêu chủ yếu về xây dựng Đảng","Key indicators: party building","count","","","Số chỉ tiêu chủ yếu thuộc nhóm xây dựng Đảng."),
 ("resolution_key_programmes","tong_quan","Số chương trình trọng điểm","Key programmes of the resolution","count","","","Số chương trình trọng điểm mà Nghị quyết đề ra."),
 ("key_indicators_met","tong_quan","Số chỉ tiêu chủ yếu đạt kế hoạch (báo cáo tự đánh giá)","Key indicators met (report's own assessment)","count","true","","Số chỉ tiêu chủ yếu mà báo cáo đánh giá là đạt kế hoạch đề ra trong giai đoạn 2021–2023."),
 ("key_indicators_met__group__socio_economic","tong_quan","Số chỉ tiêu kinh tế – xã hội đạt kế hoạch","Key indicators met: socio-economic","count","true","","Số chỉ tiêu kinh tế – xã hội mà báo cáo đánh giá là đạt kế hoạch."),
 ("key_indicators_met__group__party","tong_quan","Số chỉ tiêu xây dựng Đảng đạt kế hoạch","Key indicators met: party building","count","true","","Số chỉ tiêu xây dựng Đảng mà báo cáo đánh giá là đạt kế hoạch."),
 ("key_indicators_nearly_met","tong_quan","Số chỉ tiêu chủ yếu gần đạt (báo cáo tự đánh giá)","Key indicators nearly met (report's own assessment)","count","","","Số chỉ tiêu chủ yếu mà báo cáo đánh giá là gần đạt."),
 ("gdp_growth_avg","kinh_te","Tốc độ tăng trưởng kinh tế bình quân","Average annual economic growth","percent","true","1","Tốc độ tăng giá trị sản xuất (giá so sánh 2020) bình quân mỗi năm trong giai đoạn."),
 ("production_value","kinh_te","Giá trị sản xuất (giá so sánh 2020)","Production value (2020 constant prices)","billion_vnd","true","","Tổng giá trị sản xuất trên địa bàn thị xã theo giá so sánh năm 2020."),
 ("production_value_growth","kinh_te","Tốc độ tăng giá trị sản xuất so với năm trước","Production value growth on previous year","percent","true","","Mức tăng giá trị sản xuất (giá so sánh 2020) so với năm trước."),
 ("income_per_capita","kinh_te","Thu nhập bình quân đầu người","Income per capita","million_vnd","true","2","Thu nhập bình quân đầu người một năm, tính bằng triệu đồng."),
 ("income_per_capita_ratio_2020","kinh_te","Thu nhập bình quân đầu người so với năm 2020","Income per capita relative to 2020","ratio","true","","Thu nhập bình quân đầu người của năm so với năm 2020 (số lần)."),
 ("social_investment_total","tai_chinh_dau_tu","Tổng vốn đầu tư toàn xã hội","Total social investment","billion_vnd","true","","Tổng vốn đầu tư toàn xã hội thực hiện trên địa bàn trong kỳ."),
 ("social_investment_growth_avg","tai_chinh_dau_tu","Tốc độ tăng vốn đầu tư toàn xã hội bình quân","Average annual growth of social investment","percent","true","3","Tốc độ tăng tổng vốn đầu tư toàn xã hội bình quân mỗi năm trong giai đoạn."),
 ("budget_revenue_area","tai_chinh_dau_tu","Thu ngân sách nhà nước trên địa bàn","State budget revenue collected in the town","billion_vnd","true","","Tổng thu ngân sách nhà nước trên địa bàn thị xã trong năm."),
 ("budget_revenue_town","tai_chinh_dau_tu","Thu ngân sách do thị xã thu","Budget revenue collected by the town","billion_vnd","true","","Phần thu ngân sách nhà nước do thị xã trực tiếp thu trong năm."),
 ("budget_revenue_growth_avg","tai_chinh_dau_tu","Tốc độ tăng thu ngân sách bình quân","Average annual growth of budget revenue","percent","true","4","Tốc độ tăng thu ngân sách nhà nước bình quân mỗi năm trong giai đoạn."),
 ("land_use_revenue","tai_chinh_dau_tu","Thu tiền sử dụng đất","Land-use fee revenue","billion_vnd","true","","Số thu tiền sử dụng đất trong năm."),
 ("schools_national_standard_rate","giao_duc","Tỷ lệ trường đạt chuẩn quốc gia","Share of schools meeting the national standard","percent","true","5","Số trường đạt chuẩn quốc gia trên tổng số trường, tính bằng phần trăm."),
 ("schools_national_standard","giao_duc","Số trường đạt chuẩn quốc gia","Schools meeting the national standard","count","true","","Số trường học trên địa bàn được công nhận đạt chuẩn quốc gia."),
 ("schools_total","giao_duc","Tổng số trường học","Number of schools","count","","","Tổng số trường học trên địa bàn thị xã."),
 ("trained_labour_rate","van_hoa_xa_hoi","Tỷ lệ lao động qua đào tạo","Share of trained workers","percent","true","6","Tỷ lệ lao động đã qua đào tạo trong tổng số lao động."),
 ("jobs_created","van_hoa_xa_hoi","Số lao động được giải quyết việc làm hằng năm","Workers placed in jobs per year","persons_per_year","true","","Số lao động được giải quyết việc làm bình quân mỗi năm."),
 ("overseas_workers","van_hoa_xa_hoi","Số người đi làm việc ở nước ngoài theo hợp đồng","Workers placed abroad under contract per year","persons_per_year","true","","Số người được tạo điều kiện đi làm việc ở nước ngoài theo hợp đồng, bình quân mỗi năm."),
 ("poverty_rate","van_hoa_xa_hoi","Tỷ lệ hộ nghèo theo chuẩn đa chiều","Multidimensional poverty rate (households)","percent","false","7","Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều tại thời điểm cuối năm."),
 ("ntm_communes_rate","do_thi_nong_thon","Tỷ lệ xã đạt chuẩn nông thôn mới","Share of communes meeting the new-rural standard","percent","true","8","Số xã đạt chuẩn nông thôn mới trên tổng số xã, tính bằng phần trăm."),
 ("ntm_communes","do_thi_nong_thon","Số xã đạt chuẩn nông thôn mới","Communes meeting the new-rural standard","count","true","","Số xã được công nhận đạt chuẩn nông thôn mới."),
 ("ntm_advanced_communes","do_thi_nong_thon","Số xã đạt chuẩn nông thôn mới nâng cao","Communes meeting the advanced new-rural standard","count","true","","Số xã được công nhận đạt chuẩn nông thôn mới nâng cao."),
 ("communes_total","do_thi_nong_thon","Tổng số xã","Number of communes","count","","","Tổng số xã (không kể phường) của thị xã."),
 ("civilized_urban_wards","do_thi_nong_thon","Số phường đạt chuẩn văn minh đô thị","Wards meeting the civilised-urban standard","count","true","","Số phường được công nhận đạt chuẩn văn minh đô thị."),
 ("waste_collection_rate","moi_truong","Tỷ lệ thu gom rác thải sinh hoạt","Household waste collection rate","percent","true","9","Tỷ lệ rác thải sinh hoạt được thu gom."),
 ("clean_water_rate","moi_truong","Tỷ lệ dân số sử dụng nước sạch","Share of population using clean water","percent","true","10","Tỷ lệ dân số được sử dụng nước sạch."),
 ("forest_cover_rate","moi_truong","Tỷ lệ che phủ rừng","Forest cover","percent","true","11","Diện tích có rừng che phủ trên tổng diện tích tự nhiên, tính bằng phần trăm."),
 ("party_admissions","xay_dung_dang","Số đảng viên mới được kết nạp","New party members admitted","party_members","true","12","Số đảng viên mới được kết nạp trong kỳ."),
 ("party_admissions__group__students","xay_dung_dang","Số đảng viên mới là học sinh","New party members who are pupils","party_members","true","","Số đảng viên mới được kết nạp là học sinh."),
 ("party_admissions_per_year","xay_dung_dang","Số đảng viên kết nạp mỗi năm (khoảng)","New party members admitted per year (range)","party_members","true","","Khoảng số đảng viên được kết nạp mỗi năm như báo cáo nêu."),
 ("party_members_total","xay_dung_dang","Tổng số đảng viên toàn Đảng bộ","Party members in the town party committee","party_members","","","Tổng số đảng viên đang sinh hoạt trong Đảng bộ thị xã."),
 ("party_grassroots_orgs","xay_dung_dang","Số tổ chức cơ sở đảng","Grassroots party organisations","count","","","Số tổ chức cơ sở đảng trực thuộc Đảng bộ thị xã."),
 ("village_heads_party_member_rate","xay_dung_dang","Tỷ lệ trưởng thôn, tổ trưởng dân phố là đảng viên","Share of village and street-group heads who are party members","percent","true","13","Số trưởng thôn, tổ trưởng tổ dân phố là đảng viên trên tổng số, tính bằng phần trăm."),
 ("party_secretary_village_head_rate","xay_dung_dang","Tỷ lệ bí thư chi bộ kiêm trưởng thôn, tổ trưởng dân phố","Share of party cell secretaries who also head their village","percent","true","","Tỷ lệ thôn, tổ dân phố có bí thư chi bộ kiêm trưởng thôn, tổ trưởng tổ dân phố."),
 ("party_orgs_good_rate","xay_dung_dang","Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên","Share of grassroots party organisations rated good or better","percent","true","14","Tỷ lệ tổ chức cơ sở đảng được xếp loại hoàn thành tốt nhiệm vụ trở lên mỗi năm."),
]
R = "P1:B.II"
O = [
 # obs_id suffix auto: indicator.period[.b]; (indicator, period, value, qualifier, status, ref, quote, suffix)
 ("resolution_key_indicators","2020-2025","14","exact","plan",R,"đã đề ra 14 chỉ tiêu chủ yếu",""),
 ("resolution_key_indicators__group__economy","2020-2025","4","exact","plan",R,"04 chỉ tiêu về kinh tế",""),
 ("resolution_key_indicators__group__social_environment","2020-2025","7","exact","plan",R,"07 chỉ tiêu về xã hội - môi trường",""),
 ("resolution_key_indicators__group__party","2020-2025","3","exact","plan",R,"03 chỉ tiêu về xây dựng Đảng và 04 Chương trình trọng điểm",""),
 ("resolution_key_programmes","2020-2025","4","exact","plan",R,"03 chỉ tiêu về xây dựng Đảng và 04 Chương trình trọng điểm",""),
 ("key_indicators_met","2021-2023","7","exact","actual",R,"có 07/14 chỉ tiêu đạt kế hoạch đề ra",""),
 ("resolution_key_indicators","2021-2023","14","exact","actual",R,"có 07/14 chỉ tiêu đạt kế hoạch đề ra",""),
 ("key_indicators_met__group__socio_economic","2021-2023","4","exact","actual",R,"(04 chỉ tiêu kinh tế - xã hội, 03 chỉ tiêu xây dựng Đảng)",""),
 ("key_indicators_met__group__party","2021-2023","3","exact","actual",R,"(04 chỉ tiêu kinh tế - xã hội, 03 chỉ tiêu xây dựng Đảng)",""),
 ("key_indicators_nearly_met","2021-2023","2","exact","actual",R+":fn1","02 chỉ tiêu gần đạt: chỉ tiêu 9,10",""),
 ("gdp_growth_avg","2021-2023","13.7","exact","actual",R+":(1)","Tốc độ tăng trưởng kinh tế bình quân giai đoạn 2021-2023 đạt 13,7%/năm",""),
 ("production_value","2023","7943","exact","estimate",R+":(1)","năm 2023 giá trị sản xuất (giá so sánh 2020) dự ước đạt 7.943 tỷ đồng",""),
 ("production_value_growth","2023","13.5","exact","estimate",R+":(1)","7.943 tỷ đồng, tăng 13,5% so năm 2022",""),
 ("income_per_capita","2022","49","more_than","actual",R+":(2)","Thu nhập bình quân đầu người năm 2022 đạt trên 49 triệu đồng",""),
 ("income_per_capita_ratio_2020","2022","1.2","exact","actual",R+":(2)","gấp 1,2 lần so với năm 2020",""),
 ("income_per_capita","2023","51","exact","estimate",R+":(2)","năm 2023 ước đạt 51 triệu đồng",""),
 ("social_investment_total","2021-2023","5400","approx","actual",R+":(3)","Tổng vốn đầu tư toàn xã hội giai đoạn 2021-2023 khoảng 5.400 tỷ đồng",""),
 ("social_investment_total","2023","1700","approx","estimate",R+":(3)","ước thực hiện năm 2023 khoảng 1.700 tỷ đồng",""),
 ("social_investment_growth_avg","2021-2023","8.3","exact","actual",R+":(3)","tăng trưởng bình quân 8,3%/năm",""),
 ("budget_revenue_area","2022","541","exact","actual",R+":(4)","Thu ngân sách nhà nước trên địa bàn năm 2022 là 541 tỷ đồng",""),
 ("budget_revenue_town","2022","206.472","exact","actual",R+":(4)","trong đó thị xã thu 206,472 tỷ đồng",""),
 ("budget_revenue_town","2023","215","exact","estimate",R+":(4)","ước năm 2023 thị xã thu 215 tỷ đồng",""),
 ("land_use_revenue","2023","100","exact","estimate",R+":(4)","(tiền sử dụng đất 100 tỷ đồng)",""),
 ("budget_revenue_growth_avg","2021-2023","8.5","exact","actual",R+":(4)","bình quân tăng 8,5%/năm",""),
 ("schools_national_standard","2022","28","exact","actual",R+":(5)","năm 2022 là 28/38 trường, đạt 73,68%",""),
 ("schools_total","2022","38","exact","actual",R+":(5)","năm 2022 là 28/38 trường, đạt 73,68%",""),
 ("schools_national_standard_rate","2022","73.68","exact","actual",R+":(5)","năm 2022 là 28/38 trường, đạt 73,68%",""),
 ("schools_national_standard","2023","31","exact","estimate",R+":(5)","ước thực hiện đến cuối năm 2023 là 31/38 trường, đạt 81,6%",""),
 ("schools_total","2023","38","exact","estimate",R+":(5)","ước thực hiện đến cuối năm 2023 là 31/38 trường, đạt 81,6%",""),
 ("schools_national_standard_rate","2023","81.6","exact","estimate",R+":(5)","ước thực hiện đến cuối năm 2023 là 31/38 trường, đạt 81,6%",""),
 ("trained_labour_rate","2023","72","exact","estimate",R+":(6)","Tỷ lệ lao động qua đào tạo dự ước đến cuối năm 2023 là 72%",""),
 ("jobs_created","2021-2023","933","exact","actual",R+":(6)","giải quyết việc làm hàng năm cho 933 lao động",""),
 ("overseas_workers","2021-2023","91","exact","actual",R+":(6)","làm việc ở nước ngoài theo hợp đồng bình quân 91 người/năm",""),
 ("poverty_rate","2022","2.21","exact","actual",R+":(7)","đến cuối năm 2022 giảm còn 2,21%",""),
 ("poverty_rate","2023","1.81","exact","estimate",R+":(7)","dự ước đến cuối năm 2023 giảm còn 1,81%",""),
 ("ntm_communes_rate","2023","100","exact","estimate",R+":(8)","ước thực hiện đến cuối năm 2023 đạt 100% (04/04 xã)",""),
 ("ntm_communes","2023","4","exact","estimate",R+":(8)","ước thực hiện đến cuối năm 2023 đạt 100% (04/04 xã)",""),
 ("communes_total","2023","4","exact","estimate",R+":(8)","ước thực hiện đến cuối năm 2023 đạt 100% (04/04 xã)",""),
 ("ntm_advanced_communes","2023","1","exact","estimate",R+":(8)","xã đạt chuẩn nông thôn mới nâng cao 01/04 xã",""),
 ("communes_total","2023","4","exact","estimate",R+":(8)","xã đạt chuẩn nông thôn mới nâng cao 01/04 xã","b"),
 ("civilized_urban_wards","2023","2","exact","actual",R+":(8)","02 phường đạt chuẩn văn minh đô thị",""),
 ("waste_collection_rate","2023","93","more_than","actual",R+":(9)","Tỷ lệ thu gom rác thải sinh hoạt >93%",""),
 ("clean_water_rate","2023","99.9","exact","actual",R+":(10)","Tỷ lệ dân số sử dụng nước sạch đạt 99,9%",""),
 ("forest_cover_rate","2023","56","more_than","actual",R+":(11)","Tỷ lệ che phủ rừng >56%",""),
 ("party_admissions","2020-07/2023-05","243","exact","actual",R+":(12)","Kết nạp được 243 đảng viên mới",""),
 ("party_admissions__group__students","2020-07/2023-05","11","exact","actual",R+":(12)","trong đó có 11 học sinh",""),
 ("party_admissions_per_year","2020-2023","65","at_least","actual","P1:B.II:(12):fn1","Hàng năm kết nạp từ 65 - 80 đảng viên",""),
 ("party_admissions_per_year","2020-2023","80","at_most","actual","P1:B.II:(12):fn1","Hàng năm kết nạp từ 65 - 80 đảng viên","b"),
 ("party_admissions","2020-07/2020-12","71","exact","actual","P1:B.II:(12):fn1","từ tháng 7/2020: 71",""),
 ("party_admissions","2021","81","exact","actual","P1:B.II:(12):fn1","năm 2021: 81",""),
 ("party_admissions","2022","65","exact","actual","P1:B.II:(12):fn1","năm 2022: 65",""),
 ("party_admissions","2023-01/2023-05","26","exact","actual","P1:B.II:(12):fn1","5 tháng đầu năm 2023: 26",""),
 ("party_members_total","2023","2795","exact","actual","P1:B.II:(12):fn1","tổng số đảng viên toàn Đảng bộ hiện nay là 2.795 đ/c",""),
 ("party_grassroots_orgs","2023","31","exact","actual","P1:B.II:(12):fn1","sinh hoạt tại 31 TCCS đảng",""),
 ("village_heads_party_member_rate","2023","83.33","exact","actual",R+":(13)","Đến nay có 83,33% trưởng thôn, tổ trưởng dân phố là đảng viên",""),
 ("party_secretary_village_head_rate","2023","48.61","exact","actual",R+":(13)","48,61% bí thư chi bộ kiêm trưởng thôn, tổ trưởng dân phố",""),
 ("party_orgs_good_rate","2021-2023","80","more_than","actual",R+":(14)","Hàng năm có trên 80% TCCS đảng hoàn thành tốt nhiệm vụ trở lên",""),
]
T = [
 ("gdp_growth_avg","2025","between","14","15",R+":fn2","Kế hoạch đề ra 14-15%."),
 ("income_per_capita","2025","between","55","60",R+":fn3","đến năm 2025, thu nhập bình quân/người đạt 55-60 triệu đồng"),
 ("social_investment_growth_avg","2025","between","8","10",R+":fn4","Vốn đầu tư toàn xã hội tăng 8-10%/năm"),
 ("budget_revenue_growth_avg","2025","between","13","15",R+":fn5","Kế hoạch thu ngân sách Nhà nước tăng 13-15%/năm"),
 ("schools_national_standard_rate","2025","at_least","90","",R+":fn6","Kế hoạch trường đạt chuẩn quốc gia đến năm 2025 >90%"),
 ("poverty_rate","2025","between","2","2.2",R+":fn7","đến năm 2025, tỷ lệ hộ nghèo giảm còn 2-2,2%"),
 ("clean_water_rate","2025","at_least","100","",R+":fn8","đến năm 2025, Tỷ lệ dân số sử dụng nước sạch đạt 100%"),
 ("village_heads_party_member_rate","2025","at_least","80","","P1:B.II:(13):fn2","phấn đấu trên 80% trưởng thôn, tổ trưởng tổ dân phố là đảng viên"),
 ("party_secretary_village_head_rate","2025","at_least","50","","P1:B.II:(13):fn2","trên 50% thôn, tổ dân phố có bí thư chi bộ kiêm trưởng thôn"),
]
A = [
 # resolution_no, report_status, source_ref, source_quote
]
FN1 = "Chỉ tiêu 3, 6,7,11,12,13,14; 02 chỉ tiêu gần đạt: chỉ tiêu 9,10."
for n in (3,6,7,11,12,13,14): A.append((n,"met",R+":fn1",FN1))
for n in (9,10): A.append((n,"nearly_met",R+":fn1",FN1))
for n in (1,2,4,5,8): A.append((n,"not_met",R+":fn1","có 07/14 chỉ tiêu đạt kế hoạch đề ra"))
A.append((2,"not_met",R+":fn3","Chưa đạt chỉ tiêu kế hoạch (theo kế hoạch, đến năm 2025, thu nhập bình quân/người đạt 55-60 triệu đồng)"))
A.append((3,"met",R+":fn4","Đạt chỉ tiêu kế hoạch đề ra (theo kế hoạch: Vốn đầu tư toàn xã hội tăng 8-10%/năm)"))
A.append((7,"met",R+":fn7","Đạt chỉ tiêu kế hoạch đề ra (đến năm 2025, tỷ lệ hộ nghèo giảm còn 2-2,2%)"))
A.append((10,"not_met",R+":fn8","Chưa đạt chỉ tiêu kế hoạch đề ra (đến năm 2025, Tỷ lệ dân số sử dụng nước sạch đạt 100%)"))

with open("indicators.csv","w",newline="") as f:
    w=csv.writer(f, lineterminator="\n"); w.writerow(["indicator_id","chapter","name_vi","name_en","unit","higher_is_better","resolution_no","description_vi"]); w.writerows(I)
with open("observations.csv","w",newline="") as f:
    w=csv.writer(f, lineterminator="\n"); w.writerow(["obs_id","indicator_id","period","value","qualifier","status","locality","source_ref","source_quote"])
    for ind,per,val,q,st,ref,quote,suf in O:
        oid=f"{ind}.{per.replace('/','_')}"+(f".{suf}" if suf else "")
        w.writerow([oid,ind,per,val,q,st,"",ref,quote])
with open("targets.csv","w",newline="") as f:
    w=csv.writer(f, lineterminator="\n"); w.writerow(["indicator_id","target_year","kind","low","high","source_ref","source_quote"]); w.writerows(T)
with open("report_assessment.csv","w",newline="") as f:
    w=csv.writer(f, lineterminator="\n"); w.writerow(["resolution_no","report_status","source_ref","source_quote"]); w.writerows(sorted(A, key=lambda r:(r[0], r[2])))
