"""Report pages of personas and to-be journeys (added to the PDF report by one call in
:meth:`journeymap.export.report_pdf.ReportBuilder.build`).

* **Personas**: one block per role of the reported journeys that has a persona: photo,
  name, headcount, profile, goals, decision criteria, worries and quote.
* **To-be compared with as-is**: for each reported journey that is the to-be of another,
  the pain impact before and after, and each stage × role that differs (emotion, pain
  impact without votes, channel mix, handoffs), plus added and removed stages
  (:mod:`journeymap.analysis.compare`).

Uses the report's page flow, and its table, column and line classes handed over by the
hook (report_pdf imports this module, so this module never imports report_pdf). Words
are in English and Japanese here, like the export catalogue.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath

from journeymap.analysis.compare import CHANNELS, compare
from journeymap.model.rows import Persona

PHOTO = 64.0  # pt
BODY = 9.0    # pt, as the report's table text
SMALL = 7.5
MUTED = QColor("#5f6368")

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "personas": "Personas", "people": "{n} people at the customer",
        "goals": "Goals", "criteria": "Decision criteria (what they judge a supplier by)",
        "worries": "Worries", "to_be": "To-be compared with as-is: {a} → {b}",
        "impact": "Pain impact (without votes) {a} → {b}; {n} of {m} stage × role cells "
                  "differ.",
        "added": "Stages added in the to-be: {s}", "removed": "Stages of the as-is not in "
        "the to-be: {s}", "no_change": "No stage and role differs yet.",
        "col_stage": "Stage", "col_role": "Role", "col_emotion": "Emotion",
        "col_impact": "Pain impact", "col_channels": "Channels", "col_handoffs": "Handoffs",
        "digital": "digital", "human": "human", "physical": "physical",
    },
    "ja": {
        "personas": "ペルソナ", "people": "顧客側の人数：{n}人",
        "goals": "目標", "criteria": "判断基準（サプライヤーを何で評価するか）",
        "worries": "不安・懸念", "to_be": "あるべき姿と現状の比較：{a} → {b}",
        "impact": "ペインの影響（投票を除く） {a} → {b}。{m}件のステージ×役割のうち{n}件が"
                  "変化。",
        "added": "あるべき姿で追加されたステージ：{s}",
        "removed": "あるべき姿にない現状のステージ：{s}",
        "no_change": "まだ変化したステージと役割はありません。",
        "col_stage": "ステージ", "col_role": "役割", "col_emotion": "感情",
        "col_impact": "ペインの影響", "col_channels": "チャネル", "col_handoffs": "引き継ぎ",
        "digital": "デジタル", "human": "人", "physical": "物理",
    },
}


def _num(x: float | None) -> str:
    if x is None:
        return "–"
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _roles(store: Any, journeys: list[str]) -> list[str]:
    out: list[str] = []
    for jid in journeys:
        out += [lane.role for lane in store.lanes(jid) if lane.role not in out]
    return out


def persona_pages(builder: Any) -> None:
    """The persona section, when a reported role has a persona."""
    from journeymap.render.text import line_step, wrap

    store, f = builder.store, builder.flow
    t = TEXT.get(builder.lang, TEXT["en"])
    personas = [(store.role(r), p) for r in _roles(store, builder.journeys)
                if isinstance(p := store.get("persona", r), Persona)]
    if not personas:
        return
    f.new_page()
    f.heading(t["personas"])
    indent = PHOTO + 12
    for role, p in personas:
        f.ensure(PHOTO + 40)
        top, page = f.y, len(f.pages)
        image = QImage()
        if p.photo:
            image.loadFromData(p.photo)
        rect = QRectF(f.left, top, PHOTO, PHOTO)
        color = role.color

        def photo(painter: QPainter, image=image, rect=rect, color=color,
                  name=role.name) -> None:
            path = QPainterPath()
            path.addEllipse(rect)
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            if not image.isNull():
                painter.setClipPath(path)
                side = min(image.width(), image.height())
                src = QRectF((image.width() - side) / 2, (image.height() - side) / 2,
                             side, side)
                painter.drawImage(rect, image, src)
            else:
                from journeymap.render.text import draw_lines

                painter.fillPath(path, QColor(color))
                painter.setPen(QColor("#ffffff"))
                initials = "".join(w[:1] for w in name.split()[:2])[:2].upper() or "?"
                draw_lines(painter, [initials], rect.left() + rect.width() / 2 - 9,
                           rect.top() + rect.height() / 2 - 9, 16, True)
            painter.restore()
        f.add(photo)
        f.paragraph(role.name, 13, True, indent=indent, after=1)
        if p.headcount is not None:
            f.paragraph(t["people"].format(n=f"{p.headcount:,}"), 9, color=MUTED,
                        indent=indent, after=2)
        if p.quote:
            quoted = f"「{p.quote}」" if builder.lang == "ja" else f"“{p.quote}”"
            f.paragraph(quoted, 10, color=MUTED, indent=indent, after=3)
        if p.profile:
            f.paragraph(p.profile, 9, indent=indent, after=3)
        for key, items in (("goals", p.goals), ("criteria", p.criteria),
                           ("worries", p.worries)):
            if items:
                f.ensure(line_step(9) * 2)
                f.paragraph(t[key], 9, True, indent=indent, after=1)
                for item in items:
                    lines = wrap(item, 9, f.right - f.left - indent - 10)
                    f.text(["• " + lines[0]] + ["  " + x for x in lines[1:]], 9,
                           indent=indent)
                f.y += 2
        if len(f.pages) == page:  # still on the photo's page: clear the photo
            f.y = max(f.y, top + PHOTO)
        f.y += 14


def to_be_pages(builder: Any, table_cls: Any, column_cls: Any, line_cls: Any) -> None:
    """One comparison section per reported to-be journey whose as-is still exists
    (``table_cls``, ``column_cls``, ``line_cls``: the report's table building blocks)."""
    from journeymap.render.text import wrap

    _Table, _Column, _Line = table_cls, column_cls, line_cls  # noqa: N806

    store, f = builder.store, builder.flow
    t = TEXT.get(builder.lang, TEXT["en"])
    pairs = [(j.variant_of, j.id) for j in (store.journey(x) for x in builder.journeys)
             if j.variant_of is not None and store.get("journey", j.variant_of) is not None]
    for as_is, to_be in pairs:
        cmp = compare(store, as_is, to_be)
        names = {s.id: s.name for jid in (as_is, to_be) for s in store.stages(jid)}
        roles = {r.id: r.name for r in store.roles()}
        changed = [c for c in cmp.cells if c.changed]
        f.new_page()
        f.heading(t["to_be"].format(a=store.journey(as_is).name, b=store.journey(to_be).name))
        f.paragraph(t["impact"].format(a=_num(cmp.impact_before), b=_num(cmp.impact_after),
                                       n=len(changed), m=len(cmp.cells)), BODY, after=4)
        for key, ids in (("added", cmp.added), ("removed", cmp.removed)):
            if ids:
                f.paragraph(t[key].format(s="、".join(names.get(i, i) for i in ids)
                                          if builder.lang == "ja" else
                                          ", ".join(names.get(i, i) for i in ids)),
                            BODY, color=MUTED, after=3)
        if not changed:
            f.paragraph(t["no_change"], BODY, color=MUTED)
            continue
        f.y += 4
        cols = [_Column("stage", 0), _Column("role", 90), _Column("emotion", 62),
                _Column("impact", 70), _Column("channels", 110), _Column("handoffs", 50)]
        table = _Table(f, cols, [t["col_stage"], t["col_role"], t["col_emotion"],
                                 t["col_impact"], t["col_channels"], t["col_handoffs"]])
        table.start()
        for c in changed:
            mix = ", ".join(f"{t[ch]} {c.as_is.channels[i]}→{c.to_be.channels[i]}"
                            for i, ch in enumerate(CHANNELS)
                            if c.as_is.channels[i] or c.to_be.channels[i])
            texts = [names.get(c.stage, c.stage), roles.get(c.role, c.role),
                     f"{_num(c.as_is.emotion)} → {_num(c.to_be.emotion)}",
                     f"{_num(c.as_is.impact)} → {_num(c.to_be.impact)}", mix,
                     f"{c.as_is.handoffs} → {c.to_be.handoffs}"]
            table.row([[_Line(s, SMALL if i == 4 else BODY, i == 0)
                        for s in wrap(text, SMALL if i == 4 else BODY, table.cell_width(i),
                                      i == 0)] or [_Line("", BODY)]
                       for i, text in enumerate(texts)])
        f.y += 10


def personas_and_to_be(builder: Any, table_cls: Any, column_cls: Any, line_cls: Any) -> None:
    """Both sections, in this order (the report's hook)."""
    persona_pages(builder)
    to_be_pages(builder, table_cls, column_cls, line_cls)


__all__ = ["TEXT", "persona_pages", "personas_and_to_be", "to_be_pages"]
