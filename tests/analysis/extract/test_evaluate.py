"""chitieu.analysis.extract.evaluate: the measures, on a SYNTHETIC curated report small enough to count by hand."""

from __future__ import annotations

from chitieu.analysis.extract.evaluate import TARGETS, format_evaluation, measure
from chitieu.data.localities import make_localities

TEXT = "\n".join(  # SYNTHETIC
    [
        "Báo cáo năm 2024",
        "(1) Tỷ lệ hộ nghèo năm 2024 giảm còn 1,47%, có 35 hộ nghèo.",
        "(2) Tổng số trường học là 38 trường; chợ số 9 hoạt động.",
    ]
)
INDICATORS = [
    {
        "indicator_id": "poverty_rate",
        "chapter": "van_hoa_xa_hoi",
        "name_vi": "Tỷ lệ hộ nghèo",
        "unit": "percent",
        "description_vi": "",
    },
    {
        "indicator_id": "poor_households",
        "chapter": "van_hoa_xa_hoi",
        "name_vi": "Số hộ nghèo",
        "unit": "households",
        "description_vi": "",
    },
    {
        "indicator_id": "schools_total",
        "chapter": "giao_duc",
        "name_vi": "Tổng số trường học",
        "unit": "count",
        "description_vi": "",
    },
]


def obs(obs_id, iid, period, value, quote, status="actual", qualifier="exact", ref="P1:intro:(1)"):
    return {
        "obs_id": obs_id,
        "indicator_id": iid,
        "period": period,
        "value": value,
        "qualifier": qualifier,
        "status": status,
        "locality": "",
        "source_ref": ref,
        "source_quote": quote,
    }


class TestMeasure:
    def test_counts(self):
        observations = [
            obs("poverty_rate.2024", "poverty_rate", "2024", "1.47", "năm 2024 giảm còn 1,47%"),
            obs("poor_households.2024", "poor_households", "2024", "35", "có 35 hộ nghèo", status="estimate"),
        ]
        ev = measure(TEXT, {"date_iso": "2024"}, INDICATORS, observations, [], [], make_localities([]))
        assert (ev.candidates, ev.observations, ev.recalled) == (4, 2, 2)  # 1,47 35 38 9
        assert ev.claimed_by_observation == 2 and ev.explained_by_skipped == 0
        assert sorted(c.number_text for c in ev.unexplained) == ["38", "9"]
        assert ev.correct["status"] == 1  # the curated 'estimate' is not what the text says
        assert ("estimate", "actual") in ev.confusions["status"]
        assert ev.correct["period"] == 2 and ev.correct["qualifier"] == 2

    def test_skipped_numbers_are_explained(self):
        ev = measure(TEXT, {"date_iso": "2024"}, INDICATORS, [], [], [(3, "9", "name: chợ số 9")], make_localities([]))
        assert ev.explained_by_skipped == 1 and len(ev.unexplained) == 3 and ev.percent("recall") == 100.0

    def test_format_says_every_figure_and_every_target(self):
        observations = [obs("poverty_rate.2024", "poverty_rate", "2024", "1.47", "giảm còn 1,47%")]
        text = format_evaluation(
            measure(TEXT, {"date_iso": "2024"}, INDICATORS, observations, [], [], make_localities([]))
        )
        for label in (
            "recall",
            "unexplained",
            "qualifier",
            "status",
            "period",
            "locality",
            "top-1",
            "top-2",
            "source_ref",
            "Thời gian (time)",
        ):
            assert label in text
        assert text.count("mục tiêu/target") == len(TARGETS)
