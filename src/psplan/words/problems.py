"""Words of the problems view (`psplan validate`, `psplan.views.problems`) and of the line
that stands for the problems or warnings not printed (stderr too)."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "problems.title": {"zh": "问题", "en": "Problems"},
    "problems.column.file": {"zh": "文件", "en": "file"},
    "problems.column.line": {"zh": "行", "en": "line"},
    "problems.column.column": {"zh": "列", "en": "column"},
    "problems.column.level": {"zh": "级别", "en": "level"},
    "problems.column.code": {"zh": "代码", "en": "code"},
    "problems.column.message": {"zh": "问题", "en": "message"},
    "problems.more.problems": {
        "zh": "…… 另有 {count:,} 个问题未列出（用 --max-problems 查看更多）",
        "en": "… and {count:,} more problems (use --max-problems to see more)",
    },
    "problems.more.warnings": {
        "zh": "…… 另有 {count:,} 条警告未列出（用 --max-problems 查看更多）",
        "en": "… and {count:,} more warnings (use --max-problems to see more)",
    },
    "problems.checked": {
        "zh": "已检查 {files} 个文件，{errors:,} 个错误",
        "en": "{files} file(s) checked, {errors:,} error(s)",
    },
    "problems.checked_warnings": {
        "zh": "已检查 {files} 个文件，{errors:,} 个错误，{warnings:,} 条警告",
        "en": "{files} file(s) checked, {errors:,} error(s), {warnings:,} warning(s)",
    },
    "problems.valid": {"zh": "{files} 个文件均有效", "en": "{files} file(s) valid"},
    "problems.valid_one": {"zh": "文件有效", "en": "the file is valid"},
}
