"""Words of `psplan show` (the plan view) and the plan's own fields."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "plan.id": {"zh": "编号", "en": "id"},
    "plan.domain": {"zh": "领域", "en": "domain"},
    "plan.indicator": {"zh": "指标", "en": "indicator"},
    "plan.unit": {"zh": "单位", "en": "unit"},
    "plan.baseline": {"zh": "基期值", "en": "baseline"},
    "plan.target": {"zh": "目标值", "en": "target"},
    "plan.attribute": {"zh": "属性", "en": "attribute"},
    "plan.table": {"zh": "指标", "en": "Indicators"},
    # show --commitments: the promises of the text and 专栏 boxes
    "plan.commitments.title": {
        "zh": "{name} · 规划文本中的量化承诺{count}项",
        "en": "{name} · {count} commitments in the text",
    },
    "plan.commitments.table": {"zh": "量化承诺", "en": "Commitments"},
    "plan.commitments.by_chapter": {"zh": "{chapter}：{count}项", "en": "{chapter}: {count}"},
    "plan.chapter": {"zh": "章节", "en": "chapter"},
    "plan.box": {"zh": "专栏", "en": "box"},
    "plan.subject": "assessment.column.commitment",
    "plan.due": "assessment.column.due",
    "plan.line": {"zh": "原文行号", "en": "line"},
    "plan.clause": {"zh": "原文", "en": "clause"},
    "plan.title": {
        "zh": "{name}（{start}—{end}年）· {count}项指标",
        "en": "{name} ({start}–{end}) · {count} indicators",
    },
    # the notes `psplan import` writes into a draft (the planner reads and corrects them)
    "import.note.imported": {
        "zh": "由 `psplan import` 从 {document} 导入：表头在{where}，共 {rows} 行。编号是顺序号，"
        "请给每项起自己的编号；请对照文档核对名称、规划期、层级和每一行。",
        "en": "Imported by `psplan import` from {document}: the table whose header is at "
        "{where}, {rows} rows. Ids are numbered: give each its own. Check the name, period, "
        "level and every row against the document.",
    },
    "import.note.header_line": {"zh": "第 {place} 行", "en": "line {place}"},
    "import.note.header_row": {"zh": "{table}的第 {place} 行", "en": "row {place} of {table}"},
    "import.note.domain_brackets": {
        "zh": "第 {line} 行的领域行印为{printed}：按{name}读取，括号部分略去。",
        "en": "The domain row at line {line} prints {printed}: read as {name}, the brackets "
        "left out.",
    },
    "import.note.stopped": {
        "zh": "读到第 {line} 行停止：该行{row}与表格的列（{columns}）不符，其后的行没有读取。",
        "en": "Reading stopped at line {line}: the row {row} does not fit the table's columns "
        "({columns}); the rows after it were not read.",
    },
    "import.note.extra_cells": {
        "zh": "超出表格列数的单元格没有读取：{cells}（单元格被拆成了两格？）",
        "en": "cells beyond the table's columns not read: {cells} (a cell split in two?)",
    },
    "import.note.open_bracket": {
        "zh": "名称{name}以没有左括号的右括号结尾：没有从中分出单位",
        "en": "name {name} ends with a bracket that opens nowhere: no unit split off",
    },
    "import.note.unit_from_name": {
        "zh": "单位{unit}取自名称最后的括号：请核对",
        "en": "unit {unit} read from the last brackets of the name: check it",
    },
    "import.note.baseline_not_read": {
        "zh": "基期值单元格{text}没有读取：{why}",
        "en": "baseline cell {text} not read: {why}",
    },
    "import.note.target_not_read": {
        "zh": "目标值单元格{text}没有读取：{why}",
        "en": "target cell {text} not read: {why}",
    },
    "import.note.attribute_read_as": {
        "zh": "属性印为{printed}：按{read}读取",
        "en": "attribute printed {printed}: read as {read}",
    },
    "import.note.attribute_unread": {
        "zh": "属性单元格{printed}既不是约束性也不是预期性：按原样写入，待更正",
        "en": "attribute cell {printed} is neither 约束性 nor 预期性: written as printed, to "
        "be corrected",
    },
    "import.note.no_attribute": {
        "zh": "未印属性：暂按预期性，待核对",
        "en": "no attribute printed: 预期性 assumed, to be checked",
    },
}
