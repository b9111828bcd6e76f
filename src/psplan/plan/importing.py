"""A plan's main indicator table, read from a document into a draft plan file (`psplan import`).

Pure: the tables of a document (`psplan.plan.documents`) go in, the draft's plain data comes
out. The main table is the one whose header names an indicator column and an attribute or a
year column (序号 / 领域 or 类别 / 指标 or 指标名称 / 单位 / 2020年 or 基期 / 2025年 or 目标 /
属性 or 指标性质). Each row below it is read as the plans print it:

- a domain row (one cell, `一、幼有所育`) sets the domain of the rows under it, as does a
  domain column (printed on a group's first row only: merged cells);
- the unit is split from the name where the name ends with it in parentheses (`（%）`,
  `(万人)`), the last pair only (`中等职业教育招生数（不含技工）（万人）`);
- figures and targets keep their raw text (`>90%`, `[269]`, `77.3**`, `应保尽保`), and each is
  parsed with the plan grammar: a cell it cannot read is left out of the row and a note
  quotes it — never a guess;
- a row starting 注 is a footnote.

Every row points at its source (`source: {line: N}`, or the sheet or table row).
"""

from __future__ import annotations

import re
from typing import Any

from psplan.errors import Message, PsplanError, plain, quoted
from psplan.plan.documents import DocTable
from psplan.plan.targets import parse_expression

ATTRIBUTES = frozenset({"约束性", "预期性"})


def attribute_like(text: str) -> bool:
    """An attribute cell, or one misprinted by a character (约東性, 預期性): it still ends
    its row, so a typo neither joins two rows into one nor passes for the other attribute."""
    return text in ATTRIBUTES or (
        len(text) == 3
        and text.endswith("性")
        and any(sum(a == b for a, b in zip(text, word, strict=True)) == 2 for word in ATTRIBUTES)
    )


#: The longest domain name (公共文化体育服务保障: 10); a longer lone line is part of a row.
DOMAIN_LONGEST = 12
#: The header words of each column (spaces removed); a year column is a baseline or a target.
_ROLES = {
    "number": ("序号", "编号"),
    "domain": ("领域", "类别", "分类", "服务领域", "指标类别"),
    "name": ("指标", "指标名称", "主要指标", "名称"),
    "unit": ("单位", "计量单位"),
    "baseline": ("基期值", "基期", "现状值", "基数"),
    "target": ("目标值", "目标", "规划目标"),
    "attribute": ("属性", "指标属性", "指标性质", "性质"),
}
_YEAR = re.compile(r"^(\d{4})年?(?:末)?(?:目标值?|基期值?|实际值?|完成值?)?$")
_DOMAIN_NUMBER = re.compile(r"^[（(]?[一二三四五六七八九十]+[）)、.．]\s*")
_UNIT = re.compile(r"^(?P<name>.+?)\s*[（(](?P<unit>[^（）()]{1,12})[）)](?P<marker>\**)$")
#: A footnote's asterisks after a name (the figures' footnotes: 带*的为 2024 年数据).
_MARKER = re.compile(r"^(?P<name>.+?)(?P<marker>[*＊]+)$")
#: Domain words of the national standard (幼有所育 … 弱有所扶, 优军服务保障, 文体服务保障):
#: a line of spaced text may start with one before its first indicator.
_DOMAIN_WORD = re.compile(r"^(?:.有所.|.{2,6}服务保障|.{2,6}保障)$")


def main_table(tables: list[DocTable]) -> tuple[DocTable, int, dict[int, str]] | None:
    """The table with the best header of the main-table kind: (table, header row, roles by
    column). An attribute column counts most (a 十三五 completion table has none), then a
    baseline and a target; the first of equals wins."""
    best: tuple[int, DocTable, int, dict[int, str]] | None = None
    for table in tables:
        for index, row in enumerate(table.rows):
            roles = header_roles(row)
            found = set(roles.values())
            if "name" not in found or not ({"attribute", "target"} & found):
                continue
            score = 2 * ("attribute" in found) + ("baseline" in found) + ("target" in found)
            if best is None or score > best[0]:
                best = (score, table, index, roles)
    return None if best is None else best[1:]


def header_roles(row: list[str]) -> dict[int, str]:
    """Column → role of a header row (`{}` when it is none)."""
    cells = _joined_years([re.sub(r"\s+", "", cell) for cell in row])
    roles: dict[int, str] = {}
    years: list[tuple[int, int]] = []
    for column, cell in enumerate(cells):
        for role, words in _ROLES.items():
            if cell in words and role not in roles.values():
                roles[column] = role
                break
        else:
            year = _YEAR.match(cell)
            if year:
                years.append((column, int(year[1])))
    if "name" not in roles.values():
        return {}
    # two year columns: the earlier is the baseline, the later the target; one: the target
    years.sort(key=lambda found: found[1])
    free = [r for r in ("baseline", "target") if r not in roles.values()]
    if len(years) >= 2 and free == ["baseline", "target"]:
        roles[years[0][0]], roles[years[-1][0]] = "baseline", "target"
    elif years and "target" in free:
        roles[years[-1][0]] = "target"
    return dict(sorted(roles.items()))


def _joined_years(cells: list[str]) -> list[str]:
    """A spaced text header's words joined again where the spaces split them: `2020 年`,
    and `指 标 名 称` (a run of single characters)."""
    joined: list[str] = []
    single = False  # whether the last cell is a run of single characters
    for cell in cells:
        year = cell in ("年", "年末") and joined and joined[-1].isdigit()
        if year or (len(cell) == 1 and single and not cell.isdigit()):
            joined[-1] += cell
        elif cell:
            joined.append(cell)
            single = len(cell) == 1 and not cell.isdigit()
            continue
        single = single and len(cell) == 1
    return joined if len(joined) < len(cells) else cells


def draft_rows(
    table: DocTable, header: int, roles: dict[int, str], stopped: list[str] | None = None
) -> tuple[list[dict[str, Any]], list[str], list[str]]:
    """(indicator rows, domains in order, footnotes) of the main table; where the reading
    stops before the table's last row, `stopped` gets a note saying where and why."""
    order = [roles[column] for column in sorted(roles)]
    spaced = table.name == "spaced"
    rows: list[dict[str, Any]] = []
    domains: list[str] = []
    footnotes: list[str] = []
    domain = ""
    pending: list[str] = []  # a spaced row broken over lines, until its attribute comes
    pending_place = 0
    name_column = next(column for column, role in roles.items() if role == "name")
    for index in range(header + 1, len(table.rows)):
        cells, place = table.rows[index], table.places[index]
        lines = table.cell_lines.get(index)
        if lines and name_column < len(lines):
            place = lines[name_column]  # where the indicator's name is printed
        # a row broken over lines: more than one word without the attribute at its end, or
        # one word too long for a domain (汉中: 新建城区…设施达 / 标率（%） / 100 约束性)
        broken = not attribute_like(cells[-1]) and (
            pending or len(cells) > 1 or len(cells[0]) > DOMAIN_LONGEST
        )
        footnote = cells[0].startswith("注") or re.match(r"^\d+\.", cells[0])
        if spaced and "attribute" in order and broken and len(pending) < 12 and not footnote:
            pending_place = pending_place if pending else place
            pending += cells
            continue
        if spaced and pending:
            cells, pending, place = pending + cells, [], pending_place
        filled = [cell for cell in cells if cell]
        if not filled:
            continue
        # a numbered line: a footnote of a text table, or the next of a Word table's notes
        numbered = (spaced or bool(footnotes)) and re.match(r"^\d+[.．、]", filled[0])
        if filled[0].startswith("注") or numbered:  # a footnote under the table
            footnotes.append(" ".join(filled))
            continue
        if footnotes and not footnotes[-1].endswith("。"):  # a footnote broken over lines
            footnotes[-1] += " ".join(filled)
            continue
        if header_roles(cells):
            continue  # the header repeated on a new page
        if len(set(filled)) == 1 and not _figure_like(filled[0]):
            domain = _domain(filled[0])  # a domain row (merged across the table)
            bracketed = _UNIT.match(domain)
            if bracketed and stopped is not None:  # 汉中: 文体服务保障（%）
                said = _said("import.note.domain_brackets", line=place, printed=quoted(domain),
                             name=quoted(bracketed["name"]))  # fmt: skip
                stopped.append(said)
                domain = bracketed["name"]
            if domain not in domains:
                domains.append(domain)
            continue
        values = _spaced(cells, order) if spaced else _by_role(cells, roles)
        if values is None or ("attribute" in order and not values.get("attribute")
                              and not values.get("target")):  # fmt: skip
            later = table.rows[index + 1 : index + 40]
            if stopped is not None and any(_looks_like_a_row(row, order, roles) for row in later):
                text = " | ".join(filled)
                stopped.append(_said("import.note.stopped", line=place, row=quoted(text[:80]),
                                   columns=" / ".join(order)))  # fmt: skip
            break  # the table has ended
        width = len(table.rows[header])
        extra = [cell for cell in cells[width:] if cell] if not spaced else []
        if values.get("domain"):
            domain = _domain(values["domain"])
            if domain not in domains:
                domains.append(domain)
        row = _row(values, domain, place)
        if extra:  # a cell broken onto a line of its own (安康's 约束性 / （预期性）)
            cells_shown = " / ".join(quoted(cell) for cell in extra)
            row.setdefault("notes", []).append(_said("import.note.extra_cells", cells=cells_shown))
        rows.append(row)
    return rows, domains, footnotes


def _looks_like_a_row(cells: list[str], order: list[str], roles: dict[int, str]) -> bool:
    """Whether a row after the table's end has an attribute where the table has it (the
    table goes on there, and the rows between were not read)."""
    if not cells or "attribute" not in order:
        return False
    if len(cells) > len(roles) and attribute_like(cells[-1]):  # a spaced line
        return True
    column = next(c for c, role in roles.items() if role == "attribute")
    return column < len(cells) and attribute_like(cells[column])


def _by_role(cells: list[str], roles: dict[int, str]) -> dict[str, str] | None:
    values = {role: cells[column] if column < len(cells) else "" for column, role in roles.items()}
    if not values.get("name"):
        return None if not any(values.values()) else values
    return values


def _spaced(tokens: list[str], order: list[str]) -> dict[str, str] | None:
    """A spaced line read from its right end: the attribute, the figures, then the name (a
    domain word before it is the domain)."""
    after = order[order.index("name") + 1 :]
    if len(tokens) <= len(after) or ("attribute" in after and not attribute_like(tokens[-1])):
        return None
    values = dict(zip(after, tokens[len(tokens) - len(after) :], strict=True))
    rest = tokens[: len(tokens) - len(after)]
    for count in range(1, min(len(rest), 6)):  # 文 体 服 务 保障: a domain spread by spaces
        if _DOMAIN_WORD.match("".join(rest[:count])):
            values["domain"] = "".join(rest[:count])
            rest = rest[count:]
            break
    values["name"] = "".join(rest)
    return values


def _said(key: str, **args: Any) -> str:
    """A note of the draft, in the command's language (the planner reads and corrects it)."""
    return Message(key, **args).render()


def _figure_like(text: str) -> bool:
    return bool(re.search(r"\d", text)) or attribute_like(text)


def _domain(text: str) -> str:
    return _DOMAIN_NUMBER.sub("", re.sub(r"\s+", "", text))


def _row(values: dict[str, str], domain: str, place: int) -> dict[str, Any]:
    name = re.sub(r"\s+", "", values["name"])
    row: dict[str, Any] = {"domain": domain}
    unit = values.get("unit", "").strip() or None
    found = _UNIT.match(name)
    marker = ""
    if found and unit is None:
        name, unit, marker = found["name"], found["unit"], found["marker"]
    elif starred := _MARKER.match(name):  # 人均预期寿命** beside a unit column of its own
        name, marker = starred["name"], starred["marker"].replace("＊", "*")
        found = _UNIT.match(name) if unit is None else None
    if unit is None and any(
        values.get(f, "").strip().endswith("%") for f in ("baseline", "target")
    ):
        unit = "%"  # a rate printed with % on its figures and no unit after its name
    notes: list[str] = []
    if found is None and re.search(r"[）)]$", name):
        notes.append(_said("import.note.open_bracket", name=quoted(name)))
    elif found and re.search(r"[\u4e00-\u9fff]{4,}", unit or "") and not values.get("unit"):
        notes.append(_said("import.note.unit_from_name", unit=quoted(unit or "")))
    row["name"] = name
    if unit:
        row["unit"] = unit
    if marker:
        row["marker"] = marker  # a footnote's asterisks after the unit (万人次*)
    for field in ("baseline", "target"):
        text = re.sub(
            r"(?<=\d)\s+(?=[\d.%])|(?<=[\d.])\s+(?=\d)", "", values.get(field, "").strip()
        )
        if not text:
            continue
        try:
            parse_expression(text)
        except PsplanError as exc:
            notes.append(_said(f"import.note.{field}_not_read", text=quoted(text),
                             why=exc.words.render()))  # fmt: skip
            continue
        row[field] = text
    attribute = re.sub(r"\s+", "", values.get("attribute", ""))
    if attribute in ATTRIBUTES:
        row["attribute"] = attribute
    elif attribute[:3] in ATTRIBUTES:  # 约束性（预期性）: the main word, the cell as printed
        row["attribute"], row["attribute_printed"] = attribute[:3], attribute
        notes.append(_said("import.note.attribute_read_as", printed=quoted(attribute),
                         read=attribute[:3]))  # fmt: skip
    elif attribute:
        # written as printed: `validate` refuses it until the planner says which it is (a
        # binding indicator read as 预期性 would never fail a check)
        row["attribute"] = attribute
        notes.append(_said("import.note.attribute_unread", printed=quoted(attribute)))
    if notes:
        row["notes"] = notes
    row["source"] = {"line": place}
    return row


def _continued(
    table: DocTable, tables: list[DocTable], header: int, roles: dict[int, str]
) -> DocTable:
    """The table with the tables of the same kind after it that go on with its rows: a text
    table broken by a line of text (a page number, 安康's stray annotations) continues when
    the next one's rows have the header's width and an attribute where it belongs."""
    attribute = next((c for c, role in roles.items() if role == "attribute"), None)
    width = len(table.rows[header])
    if table.name not in ("blocks", "pipe") or attribute is None:
        return table
    rows, places = list(table.rows), list(table.places)
    lines = dict(table.cell_lines)
    for following in tables[tables.index(table) + 1 :]:
        if following.name != table.name:
            continue
        cells = [row for row in following.rows if any(row)][:3]
        fits = any(len(row) == width and attribute_like(row[attribute][:3]) for row in cells)
        if not fits and len(rows) - header > 3:
            break
        if fits:
            lines.update({len(rows) + k: v for k, v in following.cell_lines.items()})
            rows += following.rows
            places += following.places
    return DocTable(table.where, rows, places, table.name, lines)


def _level(title: str | None) -> str:
    """The plan's level from its title: 县, 市, 省 in the name, else the national plan."""
    if not title:
        return "city"
    for word, level in (("县", "county"), ("市", "city"), ("省", "province")):
        if word in title:
            return level
    return "national"


def draft_plan(
    tables: list[DocTable], new_id: str, document: str, title: str | None = None
) -> dict[str, Any]:
    """The draft plan file (plain data) of a document's main table; PsplanError when the
    document has none."""
    found = main_table(tables)
    if found is None:
        raise PsplanError("import.no_table")
    table, header, roles = found
    table = _continued(table, tables, header, roles)
    stopped: list[str] = []
    rows, domains, footnotes = draft_rows(table, header, roles, stopped)
    if not rows:
        raise PsplanError("import.no_rows", line=table.places[header])
    indicators = []
    for number, row in enumerate(rows, start=1):
        attribute = row.pop("attribute", None)
        printed = row.pop("attribute_printed", None)
        marker = row.pop("marker", None)
        notes = row.pop("notes", [])
        source = row.pop("source")
        entry = {"id": f"i{number:02d}", **row}
        if attribute:
            entry["attribute"] = attribute
            if printed:
                entry["attribute_printed"] = printed
            if marker:
                entry["marker"] = marker
        else:
            entry["attribute"] = "预期性"
            notes.append(_said("import.note.no_attribute"))
        if not entry["domain"]:
            entry["domain"] = "未分领域"
        if notes:
            entry["notes"] = notes
        entry["source"] = source
        indicators.append(entry)
    domains = domains or ["未分领域"]
    if any(entry["domain"] == "未分领域" for entry in indicators) and "未分领域" not in domains:
        domains.append("未分领域")
    header_place = table.places[header]
    if table.where == "row":  # a sheet or a Word/HTML table: its row, and which table
        for entry in indicators:
            entry["source"]["table"] = table.name
    heads = _joined_years([re.sub(r"\s+", "", cell) for cell in table.rows[header]])
    years = sorted(int(found[1]) for cell in heads if (found := _YEAR.match(cell)))
    end = years[-1] if years else 2030
    base = years[0] if len(years) > 1 else end - 5
    return {
        "id": new_id,
        "name": title or new_id,
        "level": _level(title),
        "period": {"start": base + 1, "end": end},
        "baseline_year": base,
        "draft": True,
        "source": {"file": document, "line": header_place},
        "footnotes": footnotes,
        "notes": [
            _said(
                "import.note.imported",
                document=document,
                rows=len(indicators),
                where=Message(
                    f"import.note.header_{table.where}", place=header_place, table=plain(table.name)
                ),
            ),
            *stopped,
        ],
        "domains": domains,
        "indicators": indicators,
    }
