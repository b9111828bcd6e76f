"""Words of the command line itself: its own errors and hints."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "cli.interrupted": {"zh": "已中断", "en": "interrupted"},
    "cli.interrupted.by": {"zh": "已被 {signal} 中断", "en": "interrupted by {signal}"},
    "cli.interrupted.written": {"zh": "；{output} 已写入", "en": "; {output} was written"},
    "cli.interrupted.not_written": {
        "zh": "；{output} 未写入",
        "en": "; {output} was not written",
    },
    "cli.usage.help": {"zh": "；用法见 {command}", "en": "; see '{command}'"},
    "cli.usage.no_option": {"zh": "没有选项 {option}", "en": "no such option: {option}"},
    "cli.usage.perhaps": {"zh": "；是否要用 {options}", "en": "; did you mean {options}"},
    "cli.usage.no_command": {"zh": "没有命令“{command}”", "en": "no such command: {command}"},
    "cli.usage.missing_argument": {"zh": "缺少参数 {name}", "en": "missing argument {name}"},
    "cli.usage.missing_option": {"zh": "缺少选项 {name}", "en": "missing option {name}"},
    "cli.usage.needs_value": {
        "zh": "选项 {option} 后面需要一个值",
        "en": "option {option} needs a value",
    },
    "cli.usage.option_as_value": {
        "zh": "选项 {option} 后面需要一个值，但紧跟的是选项 {next}",
        "en": "option {option} needs a value, but the option {next} follows it",
    },
    "cli.usage.no_command_given": {
        "zh": "缺少命令；可用的命令：{commands}",
        "en": "missing a command; the commands: {commands}",
    },
    "cli.usage.extra": {"zh": "多余的参数：{arguments}", "en": "unexpected arguments: {arguments}"},
    "cli.usage.variable": {"zh": "环境变量 {name}", "en": "the environment variable {name}"},
    "cli.usage.bad_value": {
        "zh": "{name} 的值无效：{detail}",
        "en": "invalid value for {name}: {detail}",
    },
    "cli.usage.detail.choice": {
        "zh": "“{value}”不是可选值（{choices}）",
        "en": "'{value}' is not one of {choices}",
    },
    "cli.usage.detail.integer": {"zh": "应为整数", "en": "expected a whole number"},
    "cli.usage.detail.number": {"zh": "应为数值", "en": "expected a number"},
    "cli.usage.detail.at_least": {"zh": "应不小于 {bound}", "en": "expected at least {bound}"},
    "cli.usage.detail.above": {"zh": "应大于 {bound}", "en": "expected more than {bound}"},
    "cli.usage.detail.at_most": {"zh": "应不大于 {bound}", "en": "expected at most {bound}"},
    "cli.usage.detail.below": {"zh": "应小于 {bound}", "en": "expected less than {bound}"},
    "cli.usage.detail.finite": {"zh": "应为有限的数值", "en": "expected a finite number"},
    "cli.reference_syntax": {
        "zh": "--reference {item}：应写作 指标ID=数值",
        "en": "--reference {item}: expected INDICATOR_ID=NUMBER",
    },
    "cli.need_actuals": {
        "zh": "请给出实际数据文件（CSV 或 .xlsx），或使用 --previous",
        "en": "give an ACTUALS file (CSV or .xlsx), or --previous",
    },
    "cli.need_child": {
        "zh": "请给出下级规划，或使用 --all",
        "en": "give a CHILD plan, or --all",
    },
    "cli.no_children": {
        "zh": "没有以 {parent} 为上级的内置规划",
        "en": "no bundled plan has {parent} as its parent",
    },
    "cli.exists": {
        "zh": "{output} 已存在；如需覆盖请加 --force",
        "en": "{output} exists; pass --force to overwrite it",
    },
    "cli.exists.document": {
        "zh": "{output} 已存在：Word 文档常经手工修改（如报告的【待填写】），不予覆盖；"
        "如需覆盖请加 --force，或另写一个文件",
        "en": "{output} exists: a Word document is often edited by hand (a report's "
        "【待填写】), so it is not overwritten; pass --force to overwrite it, or write "
        "another file",
    },
    "cli.no_indicator": {
        "zh": "规划 {plan} 中没有指标 {text}{hint}",
        "en": "no indicator {text} in plan {plan}{hint}",
    },
    "cli.did_you_mean": {"zh": "；是否指 {names}？", "en": "; did you mean {names}?"},
    "cli.wrote": {"zh": "已写入 {path}", "en": "wrote {path}"},
    "cli.replaced": {"zh": "已覆盖 {path}", "en": "replaced {path}"},
    "cli.wrote.rows": {"zh": "（{rows:,} 行）", "en": " ({rows:,} rows)"},
    "cli.wrote.sheets": {
        "zh": "（{rows:,} 行，{sheets} 个工作表）",
        "en": " ({rows:,} rows, {sheets} sheets)",
    },
    "cli.wrote.no_suffix": {
        "zh": "（文件名没有后缀，内容为 {format}）",
        "en": " (no suffix in the name: it holds {format})",
    },
    "cli.format.table": {"zh": "文本表格", "en": "a text table"},
    "cli.format.markdown": {"zh": "Markdown", "en": "markdown"},
    "cli.format.json": {"zh": "JSON", "en": "JSON"},
    "cli.format.csv": {"zh": "CSV", "en": "CSV"},
    "cli.format.html": {"zh": "HTML", "en": "HTML"},
    "cli.format.xlsx": {"zh": "XLSX 工作簿", "en": "an XLSX workbook"},
    "cli.format.docx": {"zh": "Word 文档", "en": "a Word document"},
    "cli.wrote.init": {
        "zh": "（{indicators} 个指标，{missing} 个没有基期值）",
        "en": " ({indicators} indicators, {missing} without a baseline)",
    },
    "cli.wrote.import": {
        "zh": "（{indicators} 个指标，{noted} 个有说明）",
        "en": " ({indicators} indicators, {noted} with notes)",
    },
    "cli.too_many_regions": {
        "zh": "地区超过 {limit} 个，{what}容纳不下；{hint}",
        "en": "more than {limit} regions, too many for {what}; {hint}",
    },
    "cli.report.table": {"zh": "表格", "en": "a table"},
    "cli.report.markdown": {"zh": "Markdown 报告", "en": "a markdown report"},
    "cli.report.html": {"zh": "HTML 报告", "en": "an HTML report"},
    "cli.report.xlsx": {"zh": "Excel 工作簿", "en": "an Excel workbook"},
    "cli.report.other": {"zh": "报告", "en": "a report"},
    "cli.hint.raise_limit": {
        "zh": "可用 --max-regions N 提高上限（0 为不限）",
        "en": "raise the limit with --max-regions N (0: no limit)",
    },
    "cli.hint.pick_region_or_data": {
        "zh": "，或用 --region 只看一个地区，或用 --format csv 或 json",
        "en": ", pick one with --region, or use --format csv or json",
    },
    "cli.hint.pick_region": {
        "zh": "，或用 --region 只看一个地区",
        "en": " or pick one with --region",
    },
    "cli.cannot_write_format": {
        "zh": "{command} 不能输出 {wanted}，可输出 {allowed}",
        "en": "{command} cannot write {wanted}; it writes {allowed}",
    },
    "cli.cannot_write_suffix": {
        "zh": "{command} 不能写 {suffix} 文件；-o 的文件名请以 {names} 结尾",
        "en": "{command} cannot write a {suffix} file; give -o a name ending in {names}",
    },
    "cli.format_mismatch": {
        "zh": "--format {wanted} 与 -o {output}（{suffix} 文件，即 {implied}）不符；"
        "请去掉 --format，或让 -o 的文件名以 {wanted_suffix} 结尾",
        "en": "--format {wanted} does not match -o {output}, a {suffix} file ({implied}); "
        "drop --format or give -o a name ending in {wanted_suffix}",
    },
    "cli.either": {"zh": "{first} 或 {last}", "en": "{first} or {last}"},
    "cli.list.indicators": {"zh": "{count} 个指标", "en": "{count} indicators"},
    # a help page's own words (click's and typer's, in English where the page is)
    "cli.help.usage": {"zh": "用法：", "en": "Usage: "},
    "cli.help.arguments": {"zh": "参数", "en": "Arguments"},
    "cli.help.options": {"zh": "选项", "en": "Options"},
    "cli.help.commands": {"zh": "命令", "en": "Commands"},
    "cli.help.default": {"zh": "默认：{value}", "en": "default: {value}"},
    "cli.help.env_var": {"zh": "环境变量：{value}", "en": "env var: {value}"},
    "cli.help.required": {"zh": "必填", "en": "required"},
}
