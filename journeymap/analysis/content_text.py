"""Words that go into what the project produces, in English and Japanese.

Exports, charts, breakdowns and printed maps speak the *project's* language (or the one
chosen for an export), which may differ from the interface's; so these words are data
here, not Qt translations. One catalogue, no Qt: used by :mod:`journeymap.analysis`,
:mod:`journeymap.render` and :mod:`journeymap.export`. Every table has the same keys in
both languages (a test checks it).
"""

from __future__ import annotations

LANGUAGES = ("en", "ja")


def content_lang(language: str | None) -> str:
    """``ja`` for Japanese, ``en`` for everything else."""
    return "ja" if language == "ja" else "en"


#: Words drawn on the map itself when it is printed.
MAP_TEXT: dict[str, dict[str, str]] = {
    "en": {"emotion": "Emotion"},
    "ja": {"emotion": "感情"},
}


def map_text(lang: str | None, key: str) -> str:
    """A word of the printed map in ``lang``; "" when ``lang`` is not a content language
    (the screen, which uses the interface's translation)."""
    return MAP_TEXT.get(lang or "", {}).get(key, "")


#: Words of the exported pages (map PDF, report PDF): titles, legend, table heads.
EXPORT_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "client": "Client", "journey": "Journey", "segment": "Segment", "date": "Date",
        "page": "page {n} of {total}",
        "empty_journey": "This journey has no touchpoints yet",
        "empty_journey_hint": "Add touchpoints to the lanes and stages in journeymap, "
                              "then export again.",
        "no_journeys": "This project has no journeys yet",
        "legend": "Legend",
        "channels": "Channel", "digital": "Digital", "human": "Human", "physical": "Physical",
        "severity": "Pain point severity (1–5)",
        "influence": "Influence of the role at the stage (0–5, cell tint)",
        "emotion": "Emotion (−2…+2)",
        "dimensions": "Dimensions", "rational": "rational", "emotional": "emotional",
        "handoff": "Handoff",
        "tile_label": "{label} — row {row} of {rows}, column {col} of {cols}",
        "tile_overview": "Assembly guide: {rows} × {cols} pages ({n} sheets), "
                         "overlap at least {overlap} mm — trim along the dashed line, glue over the "
                         "neighbour's margin",
        "next_right": "overlaps {label} →", "next_below": "overlaps {label} ↓",
        "report": "Journey report", "contents": "Journeys",
        "touchpoints": "touchpoints", "pain_points": "pain points", "stages": "stages",
        "roles": "roles", "handoffs": "handoffs",
        "stages_one": "stage", "roles_one": "role", "touchpoints_one": "touchpoint",
        "pain_points_one": "pain point", "handoffs_one": "handoff",
        "actions_title": "Prioritised actions", "pains_title": "Pain points no action addresses",
        "charts_title": "Analyses", "notes": "Notes",
        "col_rank": "#", "col_item": "Title and breakdown", "col_priority": "Priority",
        "col_impact": "Impact", "col_severity": "Severity", "col_effort": "Effort",
        "col_status": "Status", "col_frequency": "Freq.",
        "addresses": "addresses {pains}", "owner": "owner", "due": "due",
        "done_title": "Done: actions finished and what they addressed",
        "summary": "Executive summary",
        "start_with": "The five actions to start with",
        "start_why": "{title} — {why}",
        "why": "addresses {pains}, the worst {worst} (severity {sev} of 5); effort {effort} "
               "of 5; priority {p}",
        "why_none": "addresses no pain point yet",
        "worst_stages": "The worst stage for each role",
        "worst_stage": "{role}: {stage} — {pains}, impact {impact}",
        "worst_stage_emotion": "{role}: {stage} — emotion {emotion}",
        "worst_journey": " ({journey})",
        "nps_title": "Net promoter score from survey scores",
        "nps_line": "{journey}: NPS {nps} from {n} ({touchpoints} touchpoints scored)",
        "score_one": "1 score", "score_many": "{n} scores",
        "no_nps": "No survey scores yet.",
        "map_title": "Journey map",
        "handoffs_title": "Handoffs in words",
        "method": "Appendix: method",
        "col_addressed": "Action and the pain points it addressed",
        "evidence": "Evidence", "where": "{journey} · {role} · {stage} · {touchpoint}",
        "none": "(none)", "continued": "(continued)",
        "all_journeys": "all journeys",
        "status_idea": "idea", "status_planned": "planned", "status_doing": "doing",
        "status_done": "done", "status_dropped": "dropped",
        "description": "Description",
        "factor_severity": "severity", "factor_frequency": "frequency",
        "factor_influence": "influence", "factor_dimension_weight": "dimension weight",
        "factor_votes": "votes", "factor_impact": "impact", "factor_effort": "effort",
    },
    "ja": {
        "client": "クライアント", "journey": "ジャーニー", "segment": "セグメント", "date": "日付",
        "page": "{n} / {total} ページ",
        "empty_journey": "このジャーニーにはまだタッチポイントがありません",
        "empty_journey_hint": "journeymap で役割とステージにタッチポイントを追加してから、"
                              "もう一度エクスポートしてください。",
        "no_journeys": "このプロジェクトにはまだジャーニーがありません",
        "legend": "凡例",
        "channels": "チャネル", "digital": "デジタル", "human": "人", "physical": "物理",
        "severity": "ペインポイントの深刻度（1〜5）",
        "influence": "ステージにおける役割の影響度（0〜5、セルの色の濃さ）",
        "emotion": "感情（−2〜+2）",
        "dimensions": "体験要素", "rational": "合理的価値", "emotional": "感情的価値",
        "handoff": "引き継ぎ",
        "tile_label": "{label} — {row}行目／全{rows}行、{col}列目／全{cols}列",
        "tile_overview": "貼り合わせ図：{rows}行 × {cols}列（{n}枚）、重なり {overlap} mm 以上 — "
                         "破線で切り、隣のページの余白に重ねて貼ってください",
        "next_right": "{label} と重なる →", "next_below": "{label} と重なる ↓",
        "report": "ジャーニーレポート", "contents": "ジャーニー",
        "touchpoints": "タッチポイント", "pain_points": "ペインポイント", "stages": "ステージ",
        "roles": "役割", "handoffs": "引き継ぎ",
        "stages_one": "ステージ", "roles_one": "役割", "touchpoints_one": "タッチポイント",
        "pain_points_one": "ペインポイント", "handoffs_one": "引き継ぎ",
        "actions_title": "優先順位付きの施策", "pains_title": "施策が対応していないペインポイント",
        "charts_title": "分析", "notes": "注記",
        "col_rank": "順位", "col_item": "タイトルと内訳", "col_priority": "優先度",
        "col_impact": "インパクト", "col_severity": "深刻度", "col_effort": "工数",
        "col_status": "状態", "col_frequency": "頻度",
        "addresses": "{pains}に対応", "owner": "担当", "due": "期限",
        "done_title": "完了した施策と対応したペインポイント",
        "summary": "エグゼクティブサマリー",
        "start_with": "最初に着手する5つの施策",
        "start_why": "{title} — {why}",
        "why": "{pains}に対応。最も深刻なのは{worst}（深刻度 {sev}）。工数 {effort}（5段階）。"
               "優先度 {p}",
        "why_none": "まだペインポイントに対応していません",
        "worst_stages": "役割ごとの最も厳しいステージ",
        "worst_stage": "{role}: {stage} — {pains}、インパクト {impact}",
        "worst_stage_emotion": "{role}: {stage} — 感情 {emotion}",
        "worst_journey": "（{journey}）",
        "nps_title": "アンケートのスコアによるNPS",
        "nps_line": "{journey}: NPS {nps}（{n}、スコアのあるタッチポイント {touchpoints}件）",
        "score_one": "スコア 1件", "score_many": "スコア {n}件",
        "no_nps": "アンケートのスコアはまだありません。",
        "map_title": "ジャーニーマップ",
        "handoffs_title": "引き継ぎの分析",
        "method": "付録: 算出方法",
        "col_addressed": "施策と対応したペインポイント",
        "evidence": "根拠", "where": "{journey}・{role}・{stage}・{touchpoint}",
        "none": "（なし）", "continued": "（続き）",
        "all_journeys": "すべてのジャーニー",
        "status_idea": "アイデア", "status_planned": "計画済み", "status_doing": "実施中",
        "status_done": "完了", "status_dropped": "中止",
        "description": "説明",
        "factor_severity": "深刻度", "factor_frequency": "頻度",
        "factor_influence": "影響度", "factor_dimension_weight": "体験要素の重み",
        "factor_votes": "投票", "factor_impact": "インパクト", "factor_effort": "工数",
    },
}


#: The report's appendix of method, paragraph by paragraph.
METHOD_TEXT: dict[str, list[str]] = {
    "en": [
        "Impact of a pain point = severity/5 × frequency/5 × influence of its role at "
        "its stage/5 × the weight of its dimension × (1 + vote weight × its votes / "
        "the most votes on a pain point).",
        "Priority of an action = the sum of the impacts of the pain points it "
        "addresses × 5/effort × (1 + vote weight × its votes / the most votes on an "
        "action that ranks).",
        "Actions marked done leave the ranking and are listed apart; their pain points "
        "count as addressed. Dropped actions are left out. Ideas, planned actions and "
        "actions in progress rank, with their status shown.",
        "Ties are broken by the higher severity, then by title. Numbers are rounded to "
        "two decimals.",
        "Handoffs: waiting points are touchpoints where handoffs from several "
        "touchpoints converge or that several chains of handoffs pass through (ordered "
        "by how many handoff paths run through them); a chain breaks off where work is "
        "handed to a touchpoint that passes nothing on before the last stage with "
        "handoffs.",
        "NPS = % promoters (9–10) − % detractors (0–6) of the survey scores of a "
        "touchpoint or journey.",
    ],
    "ja": [
        "ペインポイントのインパクト = 深刻度/5 × 頻度/5 × そのステージでの役割の影響度/5 × "
        "体験要素の重み × (1 + 投票の重み × 投票数 / ペインポイントの最多投票数)。",
        "施策の優先度 = 対応するペインポイントのインパクトの合計 × 5/工数 × "
        "(1 + 投票の重み × 投票数 / 順位付けされる施策の最多投票数)。",
        "完了した施策は順位から外れて別に示され、対応したペインポイントは対応済みとして"
        "扱います。中止した施策は含めません。アイデア・計画済み・実施中の施策は状態を"
        "示して順位付けします。",
        "同順位は深刻度の高い順、次にタイトル順で決めます。数値は小数第2位までに丸めます。",
        "引き継ぎ: 待ちが生じる箇所とは、複数のタッチポイントからの引き継ぎが集まる、または"
        "複数の引き継ぎの連鎖が通るタッチポイントです（通る経路の多い順）。連鎖が途切れる"
        "箇所とは、引き継ぎの最後のステージより前で、仕事を受けても次に渡さない"
        "タッチポイントです。",
        "NPS = タッチポイントまたはジャーニーのアンケートスコアの推奨者（9〜10）の割合 − "
        "批判者（0〜6）の割合。",
    ],
}


#: Chart titles, axis labels and legends of :mod:`journeymap.analysis.charts`.
CHART_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "no_data": "No data",
        "no_journey": "No journey",
        "no_pains": "No pain points in this journey",
        "no_stages": "No roles or stages in this journey",
        "no_emotion": "No emotions recorded in this journey",
        "no_touchpoints": "No touchpoints in this journey",
        "no_scores": "No survey scores in this journey",
        "no_handoffs": "No handoffs in this journey",
        "need_two": "Comparison needs two journeys",
        "profile": "Experience profile",
        "impact": "Impact (sum)",
        "rational": "Rational",
        "emotional": "Emotional",
        "heatmap": "Influence by role and stage",
        "influence": "Influence (0–5)",
        "default_note": "* role default (not set for this stage)",
        "emotion": "Emotion by role",
        "emotion_axis": "Emotion (−2…+2)",
        "channels": "Channel mix by stage",
        "channel_totals": "Touchpoints by channel",
        "touchpoints": "Touchpoints",
        "digital": "Digital",
        "human": "Human",
        "physical": "Physical",
        "nps": "Scenario NPS by touchpoint",
        "nps_axis": "NPS (% promoters − % detractors)",
        "handoffs": "Handoffs",
        "burden": "Cross-role handoffs per role",
        "sent": "Sent",
        "received": "Received",
        "bottlenecks": "Bottlenecks (betweenness)",
        "none": "none",
        "unreachable": "Unreachable from the start",
        "cycles": "Cycles",
        "more": "more",
        "comparison": "Segment comparison",
        "mean_emotion": "Mean emotion",
        "pooled_nps": "NPS (all scores)",
        "missing_glyphs": "{mark} marks a character (such as an emoji) that the "
                          "chart fonts cannot draw",
    },
    "ja": {
        "no_data": "データがありません",
        "no_journey": "ジャーニーがありません",
        "no_pains": "このジャーニーにはペインポイントがありません",
        "no_stages": "このジャーニーには役割またはステージがありません",
        "no_emotion": "このジャーニーには感情が記録されていません",
        "no_touchpoints": "このジャーニーにはタッチポイントがありません",
        "no_scores": "このジャーニーにはアンケートのスコアがありません",
        "no_handoffs": "このジャーニーには引き継ぎがありません",
        "need_two": "比較には2つのジャーニーが必要です",
        "profile": "体験プロファイル",
        "impact": "インパクト（合計）",
        "rational": "合理的価値",
        "emotional": "感情的価値",
        "heatmap": "役割×ステージの影響度",
        "influence": "影響度（0〜5）",
        "default_note": "* 役割の既定値（このステージでは未設定）",
        "emotion": "役割別の感情曲線",
        "emotion_axis": "感情（−2〜+2）",
        "channels": "ステージ別のチャネル構成",
        "channel_totals": "チャネル別のタッチポイント数",
        "touchpoints": "タッチポイント数",
        "digital": "デジタル",
        "human": "人",
        "physical": "物理",
        "nps": "タッチポイント別のシナリオNPS",
        "nps_axis": "NPS（推奨者% − 批判者%）",
        "handoffs": "引き継ぎ",
        "burden": "役割別の役割間引き継ぎ数",
        "sent": "送る側",
        "received": "受ける側",
        "bottlenecks": "ボトルネック（媒介中心性）",
        "none": "なし",
        "unreachable": "開始から到達できない",
        "cycles": "循環",
        "more": "ほか",
        "comparison": "セグメント比較",
        "mean_emotion": "感情の平均",
        "pooled_nps": "NPS（全スコア）",
        "missing_glyphs": "{mark} はグラフのフォントで描けない文字（絵文字など）です",
    },
}


#: Where each factor of a score came from (:mod:`journeymap.analysis.scoring`).
BREAKDOWN_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "severity": "severity {v} of 5",
        "frequency": "frequency {v} of 5",
        "influence": "{role} weighs {v} of 5 at {stage}",
        "influence_default": "{role} weighs {v} of 5 at {stage} (the role's default; "
                             "none set for this stage)",
        "dim": "{dim} dimension ×{w}",
        "dim_default": "{dim} dimension ×1 (default weight)",
        "vote_one": "1 vote", "vote_many": "{n} votes",
        "pain_votes": "{votes} (the most on a pain point is {m}, vote weight {w}) → ×{f}",
        "action_votes": "{votes} (the most on an action is {m}, vote weight {w}) → ×{f}",
        "no_votes_pain": "no pain point has votes yet → ×1",
        "no_votes_action": "no action has votes yet → ×1",
        "impact": "{title}: impact {v}",
        "effort": "effort {v} of 5 → ×{f}",
        "pain_one": "1 pain point", "pain_many": "{n} pain points",
        "action_one": "1 action", "action_many": "{n} actions",
        "addresses": "addresses {pains} ({impacts})",
        "addresses_none": "addresses no pain point",
        "result_pain": "impact {v}", "result_action": "priority {v}",
        "status": "status: {s}",
        "done_addressed": "done; addressed {pains}: {titles}",
        "note_no_pains_journey": "no pain points in this journey",
        "note_no_pains": "no pain points in this project",
        "note_no_actions": "no actions yet",
        "note_all_dropped": "all actions are dropped",
        "note_no_actions_journey": "no action addresses a pain point of this journey",
        "note_zero_influence": "all influence weights are zero, so every impact is 0",
        "note_zero_dims": "all dimension weights are zero, so every impact is 0",
        "note_no_votes": "no votes yet: vote factors are 1",
        "note_empty_actions": "{actions} address no pain point: priority 0",
        "note_empty_action": "1 action addresses no pain point: priority 0",
        "note_all_addressed": "every pain point is addressed by an action",
        "note_done": "{actions} done: listed apart with what they addressed",
        "note_one_done": "1 action done: listed apart with what it addressed",
    },
    "ja": {
        "severity": "深刻度 {v}（5段階）",
        "frequency": "頻度 {v}（5段階）",
        "influence": "{stage}での{role}の影響度 {v}（5段階）",
        "influence_default": "{stage}での{role}の影響度 {v}（5段階、役割の既定値。"
                             "このステージには未設定）",
        "dim": "体験要素「{dim}」×{w}",
        "dim_default": "体験要素「{dim}」×1（既定の重み）",
        "vote_one": "投票 1票", "vote_many": "投票 {n}票",
        "pain_votes": "{votes}（ペインポイントの最多 {m}票、投票の重み {w}）→ ×{f}",
        "action_votes": "{votes}（施策の最多 {m}票、投票の重み {w}）→ ×{f}",
        "no_votes_pain": "ペインポイントへの投票はまだありません → ×1",
        "no_votes_action": "施策への投票はまだありません → ×1",
        "impact": "{title}: インパクト {v}",
        "effort": "工数 {v}（5段階）→ ×{f}",
        "pain_one": "1件のペインポイント", "pain_many": "{n}件のペインポイント",
        "action_one": "1件の施策", "action_many": "{n}件の施策",
        "addresses": "{pains}に対応（{impacts}）",
        "addresses_none": "対応するペインポイントなし",
        "result_pain": "インパクト {v}", "result_action": "優先度 {v}",
        "status": "状態: {s}",
        "done_addressed": "完了。{pains}に対応: {titles}",
        "note_no_pains_journey": "このジャーニーにはペインポイントがありません",
        "note_no_pains": "このプロジェクトにはペインポイントがありません",
        "note_no_actions": "施策はまだありません",
        "note_all_dropped": "すべての施策が中止されています",
        "note_no_actions_journey": "このジャーニーのペインポイントに対応する施策はありません",
        "note_zero_influence": "影響度がすべて0のため、インパクトはすべて0です",
        "note_zero_dims": "体験要素の重みがすべて0のため、インパクトはすべて0です",
        "note_no_votes": "投票はまだありません: 投票の係数は1です",
        "note_empty_actions": "{actions}がどのペインポイントにも対応していません: 優先度0",
        "note_empty_action": "1件の施策がどのペインポイントにも対応していません: 優先度0",
        "note_all_addressed": "すべてのペインポイントに施策が対応しています",
        "note_done": "{actions}が完了: 対応したペインポイントとともに別に示します",
        "note_one_done": "1件の施策が完了: 対応したペインポイントとともに別に示します",
    },
}


#: The handoff analysis in words (:func:`journeymap.analysis.graph.describe_handoffs`).
HANDOFF_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "handoff_one": "1 handoff", "handoff_many": "{n} handoffs",
        "chain_one": "1 chain", "chain_many": "{n} chains",
        "overview": "{handoffs} in this journey, {cross} of them across roles.",
        "burden_head": "Who coordinates most",
        "busiest": "{role} carries the most cross-role handoffs: {n} ({sent} sent, "
                   "{received} received).",
        "burden_row": "{role}: {n} ({sent} sent, {received} received)",
        "no_cross": "No handoff crosses roles.",
        "waiting_head": "Waiting points: where work waits on another role",
        "converge": "{title} ({role}, {stage}): handoffs from {senders} converge here; "
                    "{chains} pass through.",
        "passes": "{title} ({role}, {stage}): {chains} of handoffs pass through.",
        "no_waiting": "No waiting point: no handoffs converge and no touchpoint carries "
                      "several chains.",
        "loops_head": "Handoff loops",
        "loop": "Work goes round: {chain}.",
        "no_loops": "No handoff loops.",
        "loops_more": "… and more loops.",
        "breaks_head": "Where a chain of handoffs breaks off",
        "break": "{title} ({role}, {stage}) receives work but hands nothing on, although "
                 "handoffs continue until {last}: {chain}.",
        "no_breaks": "Every chain of handoffs runs to {last}.",
        "no_handoffs": "No handoffs in this journey yet: draw them on the map to see who "
                       "waits on whom.",
        "and": " and ", "comma": ", ", "quote": "“{}”",
    },
    "ja": {
        "handoff_one": "引き継ぎ 1件", "handoff_many": "引き継ぎ {n}件",
        "chain_one": "1本の連鎖", "chain_many": "{n}本の連鎖",
        "overview": "このジャーニーには{handoffs}があり、そのうち{cross}件が役割をまたぎます。",
        "burden_head": "調整を最も担う役割",
        "busiest": "役割間の引き継ぎを最も多く担うのは{role}です: {n}件（送る側 {sent}、"
                   "受ける側 {received}）。",
        "burden_row": "{role}: {n}件（送る側 {sent}、受ける側 {received}）",
        "no_cross": "役割をまたぐ引き継ぎはありません。",
        "waiting_head": "待ちが生じる箇所: 他の役割を待つところ",
        "converge": "{title}（{role}、{stage}）: {senders}からの引き継ぎがここに集まります。"
                    "{chains}が通ります。",
        "passes": "{title}（{role}、{stage}）: 引き継ぎの{chains}が通ります。",
        "no_waiting": "待ちが生じる箇所はありません: 引き継ぎが集まる箇所も、"
                      "複数の連鎖が通る箇所もありません。",
        "loops_head": "引き継ぎのループ",
        "loop": "仕事が一巡します: {chain}。",
        "no_loops": "引き継ぎのループはありません。",
        "loops_more": "…ほかにもループがあります。",
        "breaks_head": "引き継ぎの連鎖が途切れる箇所",
        "break": "{title}（{role}、{stage}）は仕事を受けますが、次に渡しません"
                 "（引き継ぎは{last}まで続きます）: {chain}。",
        "no_breaks": "引き継ぎの連鎖はすべて{last}まで続きます。",
        "no_handoffs": "このジャーニーにはまだ引き継ぎがありません。マップに描くと、"
                       "誰が誰を待っているかが分かります。",
        "and": "、", "comma": "、", "quote": "「{}」",
    },
}


#: Scenario NPS beside operational metrics (:func:`journeymap.analysis.summaries.describe_metrics`).
METRIC_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "title": "Where the numbers disagree",
        "intro": "Scenario NPS beside the operational metrics of each touchpoint. A "
                 "percentage of 90 % or more reads as a good metric.",
        "hides": "{title} ({role}, {stage}): {metric} looks good, but {score} — a good "
                 "metric hides a poor experience.",
        "none": "No touchpoint where a good metric sits beside a poor experience.",
        "row": "{title} ({role}, {stage}): {score}; {metrics}",
        "nps": "NPS {nps} from {n} scores",
        "no_scores": "no survey scores", "no_metrics": "no metrics",
        "quote": "“{}”", "and": " and ", "sep": ", ",
        "empty": "No touchpoint of this journey has survey scores or metrics yet.",
    },
    "ja": {
        "title": "数字が食い違うところ",
        "intro": "タッチポイントごとに、シナリオNPSと業務指標を並べます。"
                 "90 %以上の割合は良い指標とみなします。",
        "hides": "{title}（{role}、{stage}）: {metric}は良く見えますが、{score}です — "
                 "良い指標が悪い体験を隠しています。",
        "none": "良い指標の陰に悪い体験があるタッチポイントはありません。",
        "row": "{title}（{role}、{stage}）: {score}。{metrics}",
        "nps": "NPS {nps}（スコア {n}件）",
        "no_scores": "アンケートのスコアなし", "no_metrics": "指標なし",
        "quote": "「{}」", "and": "と", "sep": "、",
        "empty": "このジャーニーには、アンケートのスコアや指標のあるタッチポイントがまだありません。",
    },
}


__all__ = ["BREAKDOWN_TEXT", "CHART_TEXT", "EXPORT_TEXT", "HANDOFF_TEXT", "LANGUAGES", "MAP_TEXT",
           "METHOD_TEXT", "METRIC_TEXT",
           "content_lang", "map_text"]
