"""A reasons file: the departments' 原因分析 and 下一步措施 by indicator, in YAML.

Where the figures come from a system export that has no room for prose, the explanations can
be written beside them and given as one more actuals file (`psplan report PLAN figures.csv
reasons.yaml`). They come out as the `SheetEntry` records a collection sheet's 原因分析 /
下一步措施 columns give, each located at its line, so the report shows them under their
indicator like any other; where two places (two sheets, two files) explain one indicator
differently, both texts are kept, joined, and a warning says so, as between two sheets.

    养老服务床位总量:              # an indicator: its id or its name as the plan prints it
      原因分析: 部分项目受用地审批影响延期
      下一步措施: 加快在建项目进度
    elderly_care_beds:
      汉台区:                      # or per region: any other key names a region
        原因分析: …

The field words are the ones the sheet reader knows for these columns (原因, 原因分析,
滞后原因…, 措施, 下一步措施, 整改措施…, reason, measure).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from psplan.actuals.read import HEADER_ALIASES, SheetEntry, region_name
from psplan.actuals.values import is_missing_text
from psplan.errors import Location, PsplanError, Shown, quoted
from psplan.limits import Limits
from psplan.plan.yamlsource import YamlDocument, load_yaml, read_text, shorten

#: Suffixes read as a reasons file.
SUFFIXES = (".yaml", ".yml")
#: Field word (normalised) → "reason" or "measure".
_FIELDS = {
    word.strip().lower(): field
    for field in ("reason", "measure")
    for word in (*HEADER_ALIASES[field], field)
}


def read_reasons(path: Path, limits: Limits) -> Iterator[SheetEntry]:
    """The explanations of a reasons file, one record per text, located at its line."""
    name = str(path)
    document = load_yaml(read_text(path, limits.file_bytes), name)
    data = document.data
    if not isinstance(data, dict):
        raise PsplanError("reasons.not_mapping", Location(name, 1))
    for indicator, given in data.items():
        where = (indicator,)
        if not isinstance(given, dict) or not given:
            raise PsplanError(
                "reasons.not_fields", document.locate(where), indicator=_shown(indicator)
            )
        for key, value in given.items():
            field = _FIELDS.get(str(key).strip().lower())
            if field is not None:
                yield from _entry(document, (*where, key), str(indicator), None, field, value)
            elif isinstance(value, dict) and value:  # a region's explanations
                for inner, text in value.items():
                    inner_field = _FIELDS.get(str(inner).strip().lower())
                    path_ = (*where, key, inner)
                    if inner_field is None:
                        raise _unknown(document, path_, inner)
                    place = region_name(str(key)) or str(key)  # as a sheet's region cell
                    yield from _entry(document, path_, str(indicator), place, inner_field, text)
            else:
                raise _unknown(document, (*where, key), key)


def _entry(
    document: YamlDocument,
    path: tuple[Any, ...],
    indicator: str,
    region: str | None,
    field: str,
    text: object,
) -> Iterator[SheetEntry]:
    """The record of one text; none for 暂无 or —, which explain nothing (the report then
    still asks for one, 【待填写】, as for such a cell of the sheet: a trial's finding)."""
    where = document.locate(path)
    if not isinstance(text, str | int | float) or isinstance(text, bool) or not str(text).strip():
        raise PsplanError("reasons.not_text", where, field=_shown(path[-1]))
    if is_missing_text(str(text).strip()):
        return
    named = document.locate_key(path[:1]).line  # the indicator's key
    yield SheetEntry(indicator, region, field, None, str(text).strip(), where.file,
                     where.line, where.column, named)  # fmt: skip


def _unknown(document: YamlDocument, path: tuple[Any, ...], key: object) -> PsplanError:
    return PsplanError("reasons.unknown_key", document.locate(path), key=_shown(key))


def _shown(value: object) -> Shown:
    return quoted(shorten(str(value), 40))
