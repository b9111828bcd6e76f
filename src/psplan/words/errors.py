"""Error and warning messages: every `PsplanError` and `Problem` psplan raises or reports.

Keys are prefixed by the area that says them (`file.`, `yaml.`, `plan.`, `schema.`,
`validate.`, `target.`, `limits.`, `actuals.`, `xlsx.`, `value.`, `check.`, `overrides.`,
`waivers.`, `api.`, `output.`, `template.`). Every template is a `str.format` template, with
or without arguments (a literal brace is written `{{`), and both languages take the same
arguments.

Conventions, for whoever adds a message:

- A user's value (a cell, a key, a name, an id) arrives already quoted (`psplan.errors.quoted`):
  'text' in English, “text” in Chinese. The template does not quote it again.
- File names, option names (`--sheet`), environment variables, YAML keys (`maps_to`) and
  commands (`psplan validate`) are written as they are in both languages.
- The Chinese is for an analyst of a statistics bureau: plain and precise, Chinese punctuation
  (“”，：；（）), numbers as psplan prints them (1,234).
- A message raised by the library that names a command-line option also names its keyword
  in the Python API: "--sheet NAME（Python：sheet=…）".
"""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------ a problem's level
    # (labels of the problems view; a problem's line keeps "error"/"warning", which editors parse)
    "problem.level.error": {"zh": "错误", "en": "error"},
    "problem.level.warning": {"zh": "警告", "en": "warning"},
    # ------------------------------------------------------------------ small words
    "common.none": {"zh": "无", "en": "none"},
    "common.in_all": {"zh": "…（共 {count:,} 个）", "en": "… ({count:,} in all)"},
    "common.number_too_long": {
        "zh": "<数字过长，无法显示>",
        "en": "<a number too long to show>",
    },
    # ------------------------------------------------------------------ reading a file
    "file.not_found": {"zh": "文件不存在", "en": "no such file"},
    "file.permission_denied": {"zh": "没有读取该文件的权限", "en": "permission denied"},
    "file.name_too_long": {"zh": "文件名过长", "en": "file name too long"},
    "file.cannot_read": {"zh": "无法读取：{reason}", "en": "cannot read: {reason}"},
    # why the system refused a file (`errors.os_reason`), by errno name
    "os.enoent": {"zh": "文件或目录不存在", "en": "no such file or directory"},
    "os.eacces": {
        "zh": "没有权限（在 Windows 上也可能是文件正在 Excel 或 WPS 中打开）",
        "en": "permission denied (on Windows, the file may also be open in Excel or WPS)",
    },
    "os.eperm": {"zh": "不允许此操作", "en": "operation not permitted"},
    "os.eisdir": {"zh": "这是一个目录，不是文件", "en": "this is a directory, not a file"},
    "os.enotdir": {"zh": "路径中有一项不是目录", "en": "a part of the path is not a directory"},
    "os.enospc": {"zh": "磁盘空间不足", "en": "no space left on the disk"},
    "os.erofs": {"zh": "文件系统是只读的", "en": "the file system is read-only"},
    "os.enametoolong": {"zh": "文件名过长", "en": "the file name is too long"},
    "os.eexist": {"zh": "文件已存在", "en": "the file exists"},
    "os.ebusy": {"zh": "文件正被占用", "en": "the file is busy"},
    "os.edquot": {"zh": "超出磁盘配额", "en": "the disk quota is exceeded"},
    "os.efbig": {"zh": "文件过大", "en": "the file is too large"},
    "os.einval": {
        "zh": "参数无效（文件名中可能有系统不允许的字符）",
        "en": "invalid argument (the file name may have a character the system refuses)",
    },
    "file.nul_in_name": {
        "zh": "文件名中不能含有 NUL 字节",
        "en": "a file name cannot contain a NUL byte",
    },
    "file.is_directory": {"zh": "这是文件夹，不是文件", "en": "is a directory, not a file"},
    "file.not_regular": {
        "zh": "这是{kind}，不是普通文件；请指定一个文件",
        "en": "is {kind}, not a regular file; give a file",
    },
    "file.kind.character_device": {"zh": "字符设备", "en": "a character device"},
    "file.kind.block_device": {"zh": "块设备", "en": "a block device"},
    "file.kind.fifo": {"zh": "管道（FIFO）", "en": "a pipe (FIFO)"},
    "file.kind.socket": {"zh": "套接字", "en": "a socket"},
    "file.kind.special": {"zh": "特殊文件", "en": "a special file"},
    "file.too_big": {
        "zh": "文件大小为 {size:,} 字节，超过上限 {most:,} 字节"
        "（可设置环境变量 PSPLAN_MAX_PLAN_BYTES 提高上限）",
        "en": "the file is {size:,} bytes, over the limit of {most:,} bytes "
        "(set PSPLAN_MAX_PLAN_BYTES to raise it)",
    },
    "file.not_utf8": {
        "zh": "不是 UTF-8 文本（字节 0x{byte:02x}）；请将文件另存为 UTF-8 编码",
        "en": "not UTF-8 text (byte 0x{byte:02x}); save the file as UTF-8",
    },
    "file.gb18030_not_utf8": {
        "zh": "文件是 GBK（GB18030）编码，规划文件须为 UTF-8：请在编辑器中另存为 UTF-8",
        "en": "the file is in GBK (GB18030); a plan file must be UTF-8: save it as UTF-8 in "
        "the editor",
    },
    "file.empty": {"zh": "文件为空", "en": "the file is empty"},
    # ------------------------------------------------------------------ YAML
    "yaml.nul_byte": {
        "zh": "含有 NUL 字节；这不是文本文件",
        "en": "contains a NUL byte; this is not a text file",
    },
    "yaml.bad_character": {
        "zh": "含有 YAML 不允许的字符 U+{code:04X}；请删除该字符",
        "en": "contains the character U+{code:04X}, which YAML does not allow; remove it",
    },
    "yaml.alias": {
        "zh": "规划文件中不允许使用 YAML 别名（*name）",
        "en": "YAML aliases (*name) are not allowed in plan files",
    },
    "yaml.too_many_nodes": {
        "zh": "YAML 节点超过 {most:,} 个，超出上限"
        "（可设置环境变量 PSPLAN_MAX_PLAN_NODES 提高上限）",
        "en": "more than {most:,} YAML nodes, over the limit "
        "(set PSPLAN_MAX_PLAN_NODES to raise it)",
    },
    "yaml.too_deep": {
        "zh": "YAML 嵌套超过 {most} 层，超出上限（可设置环境变量 PSPLAN_MAX_PLAN_DEPTH 提高上限）",
        "en": "YAML nested more than {most} levels deep, over the limit "
        "(set PSPLAN_MAX_PLAN_DEPTH to raise it)",
    },
    "yaml.nested_too_deeply": {"zh": "YAML 嵌套层次过深", "en": "YAML nested too deeply"},
    # {problem}: a yaml.problem entry, or PyYAML's own words where it has none
    "yaml.syntax": {"zh": "YAML 语法错误：{problem}", "en": "YAML syntax error: {problem}"},
    "yaml.invalid": {"zh": "YAML 格式无效", "en": "invalid YAML"},
    # PyYAML's descriptions of what is wrong, in the reader's words (`yamlsource._problem`);
    # one it does not know is shown as PyYAML wrote it
    "yaml.problem.flow_sequence": {
        "zh": "方括号 [ ] 没有闭合，或项之间缺少逗号",
        "en": "a [ ] list is not closed, or a comma is missing between its items",
    },
    "yaml.problem.flow_mapping": {
        "zh": "花括号 {{ }} 没有闭合，或项之间缺少逗号",
        "en": "a {{ }} mapping is not closed, or a comma is missing between its items",
    },
    "yaml.problem.mapping_here": {
        "zh": "此处不能有“键: 值”（文本中有“: ”时请加引号，或检查缩进）",
        "en": "a 'key: value' is not allowed here (quote a text holding ': ', or check the "
        "indentation)",
    },
    "yaml.problem.tab": {
        "zh": "有制表符（YAML 只能用空格缩进）",
        "en": "a tab character (YAML is indented with spaces only)",
    },
    "yaml.problem.cannot_start": {
        "zh": "字符{char}不能出现在此处（以它开头的文本请加引号）",
        "en": "the character {char} cannot start a value here (quote a text starting with it)",
    },
    "yaml.problem.end_of_stream": {
        "zh": "文件在引号闭合之前结束",
        "en": "the file ends before a quote is closed",
    },
    "yaml.problem.escape": {
        "zh": "双引号中有未知的转义（改用单引号，或把反斜杠写两次）",
        "en": "an unknown escape in double quotes (use single quotes, or write the backslash "
        "twice)",
    },
    "yaml.problem.quote_open": {
        "zh": "第 {line} 行的引号没有闭合（下一行因此读来缩进不一致）",
        "en": "the quote on line {line} is not closed (so the next line reads as misindented)",
    },
    "yaml.problem.indentation": {
        "zh": "缩进不一致（同一层的键和列表项应对齐）",
        "en": "inconsistent indentation (the keys and items of one level line up)",
    },
    "yaml.problem.documents": {
        "zh": "文件中有不止一个文档（多余的“---”）",
        "en": "more than one document in the file (a stray '---')",
    },
    "yaml.problem.colon": {"zh": "缺少冒号“:”", "en": "a colon ':' is missing"},
    "yaml.error": {"zh": "YAML 错误：{problem}", "en": "YAML error: {problem}"},
    "yaml.key_not_text": {
        "zh": "映射的键必须是普通文本",
        "en": "mapping keys must be plain text",
    },
    "yaml.duplicate_key": {"zh": "键{key}重复", "en": "duplicate key {key}"},
    "yaml.tag_not_allowed": {
        "zh": "不允许使用 YAML 标签{tag}",
        "en": "YAML tag {tag} is not allowed",
    },
    # ------------------------------------------------------------------ limits
    "limits.not_whole_number": {
        "zh": "{variable}={value}：应为不小于 1 的整数",
        "en": "{variable}={value}: expected a whole number ≥ 1",
    },
    # ------------------------------------------------------------------ targets (plan cells)
    "target.not_text": {
        "zh": "此处应为目标值文本，实际为{value}",
        "en": "expected a target text, got {value}",
    },
    "target.contradictory_comparators": {
        "zh": "{text}中的比较符号相互矛盾",
        "en": "contradictory comparators in {text}",
    },
    "target.change_without_size": {
        "zh": "{text}：“年均”或“累计”的变化目标须写明幅度（如 年均增长5%、累计降低10%）",
        "en": "{text}: a yearly or cumulative change needs its size (年均增长5%, 累计降低10%)",
    },
    "target.change_without_unit": {
        "zh": "{text}：变化幅度须带单位，写作“N个百分点”“X%”或指标自身的单位（如 提高0.5年）；"
        "年均、累计变化只能用%",
        "en": "{text}: the size of a change needs its unit: 个百分点, %, or the indicator's own "
        "(提高0.5年); a yearly or cumulative change only %",
    },
    "target.unit_written": {
        "zh": "目标值{text}带有单位{unit}：单位写在该行的 unit，目标值只写 {figure}",
        "en": "the target {text} carries the unit {unit}: write the unit in the row's unit, "
        "and the target as {figure}",
    },
    "target.unreadable": {
        "zh": "无法将{text}识别为目标值：既不是数字、比较符号，也不是可识别的文字",
        "en": "cannot read {text} as a target: not a number, comparator or known text",
    },
    # ------------------------------------------------------------------ plan files
    "plan.not_found": {
        "zh": "找不到名为{name}的规划文件或内置规划（内置规划：{known}）{hint}",
        "en": "no plan file or bundled plan named {name} (bundled plans: {known}){hint}",
    },
    "plan.not_mapping": {
        "zh": "规划文件必须是键值映射，而不是{kind}",
        "en": "a plan file must be a mapping of keys, not {kind}",
    },
    "plan.kind.list": {"zh": "列表", "en": "a list"},
    "plan.kind.text": {"zh": "文本", "en": "a text"},
    "plan.kind.number": {"zh": "数字", "en": "a number"},
    "plan.and_more": {
        "zh": "{message}（另有 {count:,} 个问题；请运行 `psplan validate` 查看）",
        "en": "{message} (and {count:,} more; run `psplan validate`)",
    },
    "plan.invalid": {"zh": "规划无效", "en": "invalid plan"},
    "plan.bad_attribute": {
        "zh": "属性应为“约束性”或“预期性”（binding/expected），而不是{value}",
        "en": "attribute must be 约束性 or 预期性 (binding/expected), not {value}",
    },
    "plan.period_reversed": {
        "zh": "规划期结束年份（{end}）早于开始年份（{start}）",
        "en": "period ends ({end}) before it starts ({start})",
    },
    "plan.period_too_long": {
        "zh": "规划期 {start}–{end} 年跨度为 {span} 年；规划期最长 {most} 年",
        "en": "period {start}–{end} spans {span} years; a plan's period is at most {most} years",
    },
    "plan.own_parent": {
        "zh": "规划{parent}不能以自身为上级规划",
        "en": "the plan {parent} cannot be its own parent",
    },
    "plan.domain_twice": {"zh": "领域{domain}重复列出", "en": "domain {domain} is listed twice"},
    # ------------------------------------------------------------------ the plan schema
    # {field} is the path of the YAML key (indicators.3.target), as it is in both languages.
    "schema.at_field": {"zh": "{field}：{message}", "en": "{field}: {message}"},
    "schema.unknown_key": {"zh": "未知的键{key}", "en": "unknown key {key}"},
    "schema.missing_key": {"zh": "缺少键{key}", "en": "missing key {key}"},
    # pydantic's own checks: the English is pydantic's, the Chinese psplan's
    "schema.string_type": {"zh": "应为文本", "en": "Input should be a valid string"},
    "schema.int_type": {"zh": "应为整数", "en": "Input should be a valid integer"},
    "schema.int_parsing": {
        "zh": "应为整数，无法将该文本读作整数",
        "en": "Input should be a valid integer, unable to parse string as an integer",
    },
    "schema.int_from_float": {
        "zh": "应为整数，实际是带小数的数",
        "en": "Input should be a valid integer, got a number with a fractional part",
    },
    "schema.float_type": {"zh": "应为数字", "en": "Input should be a valid number"},
    "schema.float_parsing": {
        "zh": "应为数字，无法将该文本读作数字",
        "en": "Input should be a valid number, unable to parse string as a number",
    },
    "schema.bool_type": {
        "zh": "应为布尔值（true 或 false）",
        "en": "Input should be a valid boolean",
    },
    "schema.bool_parsing": {
        "zh": "应为布尔值（true 或 false），无法识别该值",
        "en": "Input should be a valid boolean, unable to interpret input",
    },
    "schema.list_type": {"zh": "应为列表", "en": "Input should be a valid list"},
    "schema.dict_type": {"zh": "应为键值映射", "en": "Input should be a valid dictionary"},
    "schema.model_type": {
        "zh": "应为键值映射（{class_name}）",
        "en": "Input should be a valid dictionary or instance of {class_name}",
    },
    "schema.model_attributes_type": {
        "zh": "应为键值映射",
        "en": "Input should be a valid dictionary or object to extract fields from",
    },
    "schema.literal_error": {"zh": "应为以下之一：{expected}", "en": "Input should be {expected}"},
    "schema.greater_than_equal": {
        "zh": "应大于或等于 {ge}",
        "en": "Input should be greater than or equal to {ge}",
    },
    "schema.less_than_equal": {
        "zh": "应小于或等于 {le}",
        "en": "Input should be less than or equal to {le}",
    },
    "schema.string_pattern_mismatch": {
        "zh": "应符合格式 '{pattern}'",
        "en": "String should match pattern '{pattern}'",
    },
    "schema.identifier": {
        "zh": "编号只能用英文字母、数字和 _ . -，且以字母开头（如 hanzhong-15）",
        "en": "an id is ASCII letters, digits and _ . -, starting with a letter (e.g. hanzhong-15)",
    },
    "schema.string_too_long": {
        "zh": "文本最多 {max_length} 个字符",
        "en": "String should have at most {max_length} characters",
    },
    "schema.empty_text": {"zh": "不能为空", "en": "String should have at least 1 character"},
    "schema.empty_list": {
        "zh": "列表不能为空",
        "en": "List should have at least 1 item after validation, not 0",
    },
    # ------------------------------------------------------------------ psplan validate
    "validate.stopped": {
        "zh": "已发现 {count:,} 个问题，停止检查；还有更多问题（请先修正这些）",
        "en": "stopped after {count:,} problems; there are more (fix these first)",
    },
    "validate.duplicate_indicator_id": {
        "zh": "指标编号{id}重复（首次出现在第 {line} 行）",
        "en": "duplicate indicator id {id} (first at line {line})",
    },
    "validate.duplicate_item_id": {
        "zh": "清单项目编号{id}重复（首次出现在第 {line} 行）",
        "en": "duplicate catalogue item id {id} (first at line {line})",
    },
    "validate.unknown_indicator_domain": {
        "zh": "指标{id}：领域{domain}不在本规划的领域列表（domains）中",
        "en": "indicator {id}: domain {domain} is not one of the plan's domains",
    },
    "reasons.not_mapping": {
        "zh": "原因说明文件应为“指标: {{原因分析: …, 下一步措施: …}}”形式的映射",
        "en": "a reasons file is a mapping 'indicator: {{原因分析: …, 下一步措施: …}}'",
    },
    "reasons.not_fields": {
        "zh": "指标{indicator}下应列出 原因分析 / 下一步措施（或按地区分列）",
        "en": "indicator {indicator} needs 原因分析 / 下一步措施 under it (or regions)",
    },
    "reasons.not_text": {
        "zh": "{field}应为一段文字",
        "en": "{field} should be a text",
    },
    "reasons.unknown_key": {
        "zh": "不认识的字段{key}：应为 原因分析 / 下一步措施，或一个地区名下的这两项",
        "en": "unknown key {key}: expected 原因分析 / 下一步措施, or a region with them",
    },
    # --jump-share 20 (for 20 %): no change of a figure is ever 2,000 % of the one before
    "lint.jump_share_percent": {
        "zh": "{value} 是比例：变化须超过前一年数值的 {percent}% 才算跳变，几乎不会发生；"
        "比例写作小数（20% 写 0.2）",
        "en": "{value} is a share: a change must pass {percent} % of the figure before to be "
        "a jump, which hardly ever happens; a share is written as a fraction (0.2 for 20 %)",
    },
    "lint.jump": {
        "zh": "{region}{name}{year}年为{value}，比{before}年的{previous}变化过大，请核实",
        "en": "{region}{name} {year} is {value}, a jump from {previous} in {before}: please "
        "check it",
    },
    "lint.range": {
        "zh": "{region}{name}{year}年为{value}，超出合理范围（{low:g}–{high:g}{unit}）",
        "en": "{region}{name} {year} is {value}, outside its natural range "
        "({low:g}–{high:g}{unit})",
    },
    "lint.magnitude": {
        "zh": "{region}{name}{year}年为{value}，比目标值 {target}{unit} 大一千倍以上，"
        "像是用了另一个单位",
        "en": "{region}{name} {year} is {value}, over a thousand times the target "
        "{target}{unit}, as though in another unit",
    },
    "lint.scientific": {
        "zh": "{region}{name}{year}年为{value}，是科学计数法（Excel 放不下长数字时的写法），"
        "后面的位数可能已丢失；按 {number} 计",
        "en": "{region}{name} {year} is {value}, in scientific notation (as Excel shows a number "
        "too long for its cell): its last digits may be lost; read as {number}",
    },
    "lint.fraction": {
        "zh": "{region}{name}{year}年为{value}，像是写成小数的百分比（以 % 计，目标值 {target}）；"
        "若是 {percent}%，请写 {percent}",
        "en": "{region}{name} {year} is {value}, which looks like a percentage written as a "
        "fraction (in %, target {target}); if it is {percent}%, write {percent}",
    },
    "lint.range_negative": {
        "zh": "{region}{name}{year}年为{value}，不应为负数（合理范围 {low:g} 以上）",
        "en": "{region}{name} {year} is {value}: it cannot be negative (at least {low:g})",
    },
    "lint.outlier": {
        "zh": "{region}{name}{year}年为{value}，明显偏离同年{count}个地区的中位数{median:g}"
        "（修正z值{score}）",
        "en": "{region}{name} {year} is {value}, far from the median {median:g} of {count} "
        "regions that year (modified z-score {score})",
    },
    "check.before_baseline": {
        "zh": "{year}年早于规划的基期年（{baseline}年），请核实年份（该年份只在首次出现处提示）："
        "规划未列基期值的指标以首个上报数据为基期",
        "en": "{year} is before the plan's baseline year ({baseline}): please check the year "
        "(said at its first figure only; an indicator without a baseline in the plan takes its "
        "first figure as one)",
    },
    "lint.outside_years": {
        "zh": "{year}年不在规划的基期和规划期（{start}—{end}年）内：{count}个数据，此处为首个；"
        "缺数检查只看{start}—{end}年",
        "en": "{year} is outside the plan's baseline year and period ({start}–{end}): {count} "
        "figure(s), the first here; the completeness check looks at {start}–{end} only",
    },
    "lint.unreported": {
        "zh": "{count}个主要指标没有任何数据（其中约束性指标{binding}个，列在前面）：{names}",
        "en": "{count} main indicator(s) have no figure at all ({binding} binding, listed "
        "first): {names}",
    },
    "lint.missing": {
        "zh": "{region}{name}缺少{year}年的数据",
        "en": "{region}{name} has no figure for {year}",
    },
    "import.unknown_suffix": {
        "zh": "无法读取此类文件：请提供 {suffixes} 文件",
        "en": "cannot read this kind of file: give a {suffixes} file",
    },
    "import.unreadable": {
        "zh": "无法读取文档：{detail}",
        "en": "cannot read the document: {detail}",
    },
    "import.no_table": {
        "zh": "文档中没有找到主要指标表（表头应含“指标”列，以及“属性”或目标年份列）",
        "en": "no main indicator table found (a header with an 指标 column and a 属性 or "
        "target-year column)",
    },
    "import.no_rows": {
        "zh": "第{line}行的表头之下没有可读取的指标行",
        "en": "no indicator row could be read under the header at line {line}",
    },
    "cli.yaml_output": {
        "zh": "{output}：草案规划文件是 YAML，-o 的文件名请以 .yaml 结尾",
        "en": "{output}: a draft plan file is YAML; give -o a name ending in .yaml",
    },
    "init.bad_period": {
        "zh": "新规划期{period}应为连续的多个年份，且在上一规划期（至{end}年）之后，如 2026-2030",
        "en": "the new period {period} must be consecutive years after the previous one "
        "(which ends in {end}), e.g. 2026-2030",
    },
    "template.by_department_needs_xlsx": {
        "zh": "按牵头部门分为{sheets}个工作表，只能写入 .xlsx；请用 -o 文件名.xlsx",
        "en": "one sheet per lead department ({sheets} sheets) needs an .xlsx file; "
        "use -o FILE.xlsx",
    },
    "template.no_leads": {
        "zh": "规划{plan}未列出各指标的牵头部门：写为一个工作表",
        "en": "plan {plan} names no lead department for its indicators: writing one sheet",
    },
    "validate.change_turns_decrease": {
        "zh": "指标{id}：目标值{value}要求降低，而指标名称看来越大越好；"
        "如确要降低，请写明 direction: decrease",
        "en": "indicator {id}: target {value} asks for a decrease, where the name reads as "
        "more is better; if so meant, write direction: decrease",
    },
    "validate.change_turns_increase": {
        "zh": "指标{id}：目标值{value}要求提高，而指标名称看来越小越好；"
        "如确要提高，请写明 direction: increase",
        "en": "indicator {id}: target {value} asks for an increase, where the name reads as "
        "less is better; if so meant, write direction: increase",
    },
    "validate.points_of_no_rate": {
        "zh": "指标{id}：目标值{value}以个百分点计，但指标单位{indicator_unit}不是 % 或 ‰",
        "en": "indicator {id}: target {value} is in percentage points, but the unit "
        "{indicator_unit} is not % or ‰",
    },
    "validate.duplicate_commitment_id": {
        "zh": "承诺事项{id}重复（第{line}行已有）",
        "en": "commitment {id} appears twice (first at line {line})",
    },
    "validate.unknown_lead_domain": {
        "zh": "牵头单位（leads）：领域{domain}不在本规划的领域列表（domains）中",
        "en": "leads: domain {domain} is not one of the plan's domains",
    },
    "validate.lead_twice": {
        "zh": "牵头单位（leads）：领域{domain}已在第{line}行给出牵头单位",
        "en": "leads: domain {domain} already has its lead at line {line}",
    },
    "validate.unknown_item_domain": {
        "zh": "清单项目{id}：领域{domain}不在本规划的领域列表（domains）中",
        "en": "catalogue item {id}: domain {domain} is not one of the plan's domains",
    },
    "validate.duplicate_item": {
        "zh": "清单项目{name}重复（首次出现在第 {line} 行）",
        "en": "duplicate catalogue item {name} (first at line {line})",
    },
    "validate.duplicate_previous_id": {
        "zh": "上期规划指标编号{id}重复",
        "en": "duplicate previous-plan id {id}",
    },
    "validate.previous_empty": {
        "zh": "上期规划指标{id}没有任何数值",
        "en": "previous-plan row {id} has no value at all",
    },
    "validate.baseline_year": {
        "zh": "基期年份 {year} 不早于规划期末 {end} 年",
        "en": "baseline year {year} is not before the period's end {end}",
    },
    "validate.indicator_baseline_year": {
        "zh": "指标{id}：基期年份 {year} 不早于规划期末 {end} 年",
        "en": "indicator {id}: baseline year {year} is not before the period's end {end}",
    },
    "validate.previous_period": {
        "zh": "previous_plan 的规划期截至 {end} 年，不早于本规划期的开始年份（{start}）",
        "en": "previous_plan period ends in {end}, not before this plan's period starts ({start})",
    },
    "validate.previous_baseline_year": {
        "zh": "上期规划指标{id}：基期年份 {year} 不早于上期规划期末 {end} 年",
        "en": "previous-plan row {id}: baseline year {year} is not before the previous "
        "period's end {end}",
    },
    "validate.previous_actual_year": {
        "zh": "上期规划指标{id}：实际值年份 {year} 不晚于基期年份 {base}",
        "en": "previous-plan row {id}: actual year {year} is not after the baseline year {base}",
    },
    "validate.percent_fraction": {
        "zh": "指标{id}以 % 计，{field}{value}即 {raw}%：若是 {percent}%，请写 {percent}",
        "en": "indicator {id} is in %, so its {field} {value} is {raw}%: if {percent}% is "
        "meant, write {percent}",
    },
    "validate.percent_over": {
        "zh": "指标{id}以 % 计，目标值{value}却超过 {most}%：计量单位可能不是 %，请核对",
        "en": "indicator {id} is in %, yet its target {value} is over {most}%: its unit is "
        "likely another; please check",
    },
    "validate.rate_in_count": {
        "zh": "指标{id}的名称是比率（{word}），计量单位却是{unit}："
        "单位可能是旁边人数、个数的，请核对",
        "en": "indicator {id} is named as a rate ({word}), yet its unit is {unit}: the unit may "
        "be that of a count beside it; please check",
    },
    "validate.unit_mismatch": {
        "zh": "指标{id}：{field}{value}的单位是 {unit}，但指标单位（unit）是{indicator_unit}",
        "en": "indicator {id}: {field} {value} is in {unit} but the unit is {indicator_unit}",
    },
    "validate.unit_missing": {
        "zh": '指标{id}：{field}{value}的单位是 {unit}；请设置 `unit: "{unit}"`',
        "en": 'indicator {id}: {field} {value} is in {unit}; set `unit: "{unit}"`',
    },
    "validate.kind_mismatch": {
        "zh": "指标{id}：目标值{value}加括号表示五年累计，但 kind 为{kind}",
        "en": "indicator {id}: target {value} is a five-year total in brackets, but kind is {kind}",
    },
    "validate.no_target": {
        "zh": "指标{id}：目标值为空",
        "en": "indicator {id}: the target is empty",
    },
    "api.report_suffix": {
        "zh": "报告的格式由文件后缀决定：{output} 请以 {names} 之一结尾",
        "en": "a report's format is its file's suffix: end {output} with one of {names}",
    },
    "api.report_exists": {
        "zh": "{output} 已存在，未覆盖（可能是已手工补全的报告）；要覆盖请用 overwrite=True",
        "en": "{output} exists and was kept (perhaps a report completed by hand); pass "
        "overwrite=True to replace it",
    },
    "validate.draft_done": {
        "zh": "每项指标都已有目标值，但规划仍标为草案（draft: true）：定稿后请删除这一行",
        "en": "every indicator has a target, but the plan is still marked a draft "
        "(draft: true): remove that line once it is final",
    },
    "validate.unquoted_figure": {
        "zh": "{field} 写成了不带引号的数字 {value}：YAML 把它读成数，规划印出的写法（如 4.50、"
        '90.0）已丢失；请按原文加引号（如 "90"）',
        "en": "{field} is the unquoted number {value}: YAML reads it as a number and the way "
        'the plan prints it (4.50, 90.0) is lost; quote it as printed ("90")',
    },
    "validate.notes_zh_count": {
        "zh": "{id}：notes_zh 有 {notes_zh} 条，notes 有 {notes} 条"
        "（每条中文说明对应同一位置的一条 notes）",
        "en": "{id}: notes_zh has {notes_zh} entries and notes {notes} (each Chinese note "
        "stands for the note in its place)",
    },
    "validate.parent_is_self": {
        "zh": "指定的上级规划（{file}）就是本规划{id}自身",
        "en": "the parent plan given ({file}) is this plan {id} itself",
    },
    "validate.unknown_parent_item": {
        "zh": "清单项目{id}：maps_to {item}不是上级规划{parent}中的项目",
        "en": "catalogue item {id}: maps_to {item} is not an item of the parent plan {parent}",
    },
    "validate.unknown_parent_indicator": {
        "zh": "指标{id}：maps_to {indicator}不是上级规划{parent}中的指标",
        "en": "indicator {id}: maps_to {indicator} is not an indicator of the parent plan {parent}",
    },
    "validate.unknown_previous_indicator": {
        "zh": "指标{id}：previous 的 id {previous}不是规划{plan}中的指标{hint}",
        "en": "indicator {id}: previous id {previous} is not an indicator of the plan {plan}{hint}",
    },
    "validate.previous_plan_close": {
        "zh": "previous 的规划{plan}不是内置规划，其指标无法核对；是否是指 {close}？",
        "en": "the previous plan {plan} is not bundled, so its links are not checked; did you "
        "mean {close}?",
    },
    "validate.perhaps": {"zh": "；是否是指 {name}？", "en": "; did you mean {name}?"},
    # ------------------------------------------------------------------ a cell's value
    # (the plan's targets and baselines, and the figures reported)
    "value.too_large": {
        "zh": "{text}数值过大，不是有效的统计数字",
        "en": "{text} is too large to be a figure",
    },
    "value.not_finite": {"zh": "{text}不是有限的数值", "en": "{text} is not a finite number"},
    "value.unbalanced_bracket": {
        "zh": "{text}中的括号不配对",
        "en": "unbalanced bracket in {text}",
    },
    "value.not_a_number": {"zh": "{text}不是数字", "en": "{text} is not a number"},
    "value.spaced_digits": {
        "zh": "{text}的数字之间有空格，读不出是哪个数（千分位空格须每三位一组，如 38 412.5）",
        "en": "{text} has spaces between its digits: which number it is cannot be told "
        "(spaces that group thousands come every three digits, as in 38 412.5)",
    },
    "value.comparators_disagree": {
        "zh": "{text}含有两个相互矛盾的比较符号",
        "en": "{text} has two comparators that disagree",
    },
    "value.several_comparators": {
        "zh": "{text}含有不止一个比较符号",
        "en": "{text} has more than one comparator",
    },
    "value.digits": {"zh": "{digits}…（共 {count:,} 位）", "en": "{digits}… ({count:,} digits)"},
    "value.characters": {"zh": "…（共 {count:,} 个字符）", "en": "… ({count:,} characters)"},
    # ------------------------------------------------------------------ limits of a read
    "limits.exceeded": {
        "zh": "{found}（上限 {variable}={limit}）；可设置环境变量 {variable} 提高上限",
        "en": "{found} (limit {variable}={limit}); set {variable} to raise it",
    },
    # ------------------------------------------------------------------ reading actuals
    "actuals.sheet_not_for_csv": {
        "zh": "--sheet 只用于 Excel 工作簿：这是 CSV 文件，没有工作表，已忽略 --sheet",
        "en": "--sheet is for Excel workbooks: this is a CSV file, without sheets; --sheet ignored",
    },
    "actuals.xls": {
        "zh": "不支持旧版 .xls 工作簿；请另存为 .xlsx 或 CSV 文件",
        "en": "old .xls workbooks are not supported; save as .xlsx or CSV",
    },
    "actuals.device": {
        "zh": "这是设备或终端，不是文件；请将数据保存为文件",
        "en": "is a device or terminal, not a file; save the figures to a file",
    },
    "actuals.file_mb": {"zh": "文件大小为 {size:,.0f} MB", "en": "the file is {size:,.0f} MB"},
    "actuals.too_many_rows": {
        "zh": "文件超过 {most:,} 行",
        "en": "the file has more than {most:,} rows",
    },
    "actuals.read_too_much": {"zh": "已读取超过 {most:,} MB", "en": "more than {most:,} MB read"},
    "actuals.read_too_much_from_pipe": {
        "zh": "已从管道读取超过 {most:,} MB",
        "en": "more than {most:,} MB read from a pipe",
    },
    "actuals.unknown_encoding": {
        "zh": "未知的编码{encoding}",
        "en": "unknown encoding {encoding}",
    },
    "actuals.not_text_encoding": {
        "zh": "{encoding}不是文本编码；请指定 utf-8 或 gb18030 等文本编码",
        "en": "{encoding} is not a text encoding; pass one such as utf-8 or gb18030",
    },
    "actuals.cannot_decode": {
        "zh": "无法按 {encoding} 解码；请用 --encoding NAME（Python：encoding=NAME）指定编码，"
        "如 gb18030 或 utf-8",
        "en": "cannot decode as {encoding}; pass --encoding NAME (Python: encoding=NAME), "
        "e.g. gb18030 or utf-8",
    },
    # {detail} is the codec's own description (in English)
    "actuals.cannot_decode_because": {
        "zh": "无法按 {encoding} 解码（{detail}）；"
        "请用 --encoding NAME（Python：encoding=NAME）指定编码，如 gb18030、utf-8 或 utf-16-le",
        "en": "cannot decode as {encoding} ({detail}); "
        "pass --encoding NAME (Python: encoding=NAME), e.g. gb18030, utf-8 or utf-16-le",
    },
    # {detail} is Python's csv module's description (in English)
    "actuals.malformed_csv": {"zh": "CSV 格式错误：{detail}", "en": "malformed CSV: {detail}"},
    "actuals.xlsx_as_text": {
        "zh": "这是一个 Excel 工作簿（.xlsx），扩展名却是“{suffix}”：请把扩展名改为 .xlsx 后再读",
        "en": "this is an Excel workbook (.xlsx) named '{suffix}': rename it to .xlsx",
    },
    "actuals.xls_as_text": {
        "zh": "这是旧版 Excel 工作簿（.xls），扩展名却是“{suffix}”：请在 Excel 中另存为 .xlsx",
        "en": "this is an old Excel workbook (.xls) named '{suffix}': save it as .xlsx in Excel",
    },
    "actuals.nul_byte": {
        "zh": "含有 NUL 字节；不是文本文件",
        "en": "contains a NUL byte; not a text file",
    },
    "actuals.line_too_long": {
        "zh": "有一行超过 {mb} MB；这不是数据 CSV 文件",
        "en": "a line longer than {mb} MB; not a CSV file of figures",
    },
    "actuals.workbook_not_regular": {
        "zh": "不是普通文件（是管道或设备）；请将工作簿保存为文件",
        "en": "is not a regular file (a pipe or device); save the workbook to a file",
    },
    "actuals.no_sheet": {
        "zh": "没有名为{sheet}的工作表（现有工作表：{sheets}；按序号选时从 1 数起）",
        "en": "no sheet {sheet} (sheets: {sheets}; a number counts from 1)",
    },
    "actuals.skipped_sheet": {
        "zh": "已跳过工作表{sheet}：{why}",
        "en": "skipped sheet {sheet}: {why}",
    },
    "actuals.sheet.hidden": {"zh": "隐藏的工作表", "en": "hidden"},
    "actuals.sheet.chartsheet": {"zh": "图表", "en": "a chart"},
    "actuals.sheet.dialogsheet": {"zh": "对话框工作表", "en": "a dialog sheet"},
    "actuals.sheet.macrosheet": {"zh": "宏表", "en": "a macro sheet"},
    "actuals.sheet.missing": {
        "zh": "该工作表的部件在文件中缺失",
        "en": "its part is missing from the file",
    },
    "actuals.sheet.other": {"zh": "{kind} 类型的工作表", "en": "a {kind}"},
    "actuals.sheet.at_cell": {"zh": "{cell}：{message}", "en": "{cell}: {message}"},
    "actuals.sheet.a_cell": {"zh": "某个单元格", "en": "a cell"},
    "actuals.sheet.no_header": {
        "zh": "没有含指标列和年份的表头行",
        "en": "no header row with an indicator column and years",
    },
    "actuals.sheet.empty": {"zh": "空工作表", "en": "empty"},
    "actuals.reading_sheet": {"zh": "读取工作表{sheet}", "en": "reading sheet {sheet}"},
    "actuals.no_data_sheet": {
        "zh": "没有一个可见工作表含有带指标列和年份的表头行（工作表：{sheets}）{hint}",
        "en": "no visible sheet has a header row with an indicator column and years "
        "(sheets: {sheets}){hint}",
    },
    "actuals.hidden_sheet_hint": {
        "zh": "；如需读取隐藏的工作表，请用 --sheet NAME（Python：sheet=NAME）指定",
        "en": "; pass --sheet NAME (Python: sheet=NAME) to read a hidden sheet",
    },
    "actuals.no_indicator_column": {
        "zh": "表头中没有指标列（{columns}）；应有“指标”（indicator）列",
        "en": "no indicator column in the header ({columns}); expected indicator/指标",
    },
    "actuals.empty_header": {"zh": "（空）", "en": "(empty)"},
    "actuals.no_layout": {
        "zh": "无法识别表格结构：应有年份列和数值列（长表），或 2021、2021年 这样的年份列（宽表）"
        "{unknown}",
        "en": "cannot tell the layout: expected year and value columns (long) or year columns "
        "such as 2021 / 2021年 (wide){unknown}",
    },
    "actuals.no_layout.unknown": {
        "zh": "；未识别的列：{columns}",
        "en": "; columns not understood: {columns}",
    },
    "actuals.year_column_twice": {
        "zh": "{column} 列{header}与 {first} 列都是 {year} 年的数据：请删除或改名其中一列",
        "en": "column {column} {header} and column {first} both give {year}'s figures: delete "
        "or rename one of them",
    },
    "actuals.unheaded_column": {
        "zh": "已跳过 {column} 列：表头为空，但第 {line} 行起有数据；若是某年的数据，请在表头写明"
        "年份（如 2025年）",
        "en": "skipped column {column}: its header is empty, but it holds figures from row "
        "{line}; if they are a year's, put the year in the header (such as 2025)",
    },
    "actuals.skipped_column": {
        "zh": "已跳过 {column} 列{header}：{why}",
        "en": "skipped column {column} {header}: {why}",
    },
    "actuals.column.target": {
        "zh": "这是目标值，不是上报数据",
        "en": "a target, not a reported figure",
    },
    "actuals.column.unknown": {"zh": "psplan 不读取此列", "en": "not a column psplan reads"},
    "actuals.column.estimate": {
        "zh": "这是预计数或初步数，不是{year}年的实际完成值；要按它评价，请把列名改为“{year}年”，"
        "并在报告中说明是预计数",
        "en": "estimates or early figures, not {year}'s actual ones; to judge them, name the "
        "column {year} and say in the report that they are estimates",
    },
    "actuals.column.year_column": {
        "zh": "这是年份列，但本文件的年份在 {column} 列",
        "en": "a year column, but this file gives the year in column {column}",
    },
    "actuals.column.unused": {
        "zh": "未使用：本文件的年份是列标题",
        "en": "not used: the years are column headers in this file",
    },
    "actuals.column.second": {
        "zh": "重复的{role}列（第一个在 {column} 列）",
        "en": "a second {role} column (the first is {column})",
    },
    "actuals.role.id": {"zh": "指标编号", "en": "indicator id"},
    "actuals.role.name": {"zh": "指标名称", "en": "indicator name"},
    "actuals.role.year": {"zh": "年份", "en": "year"},
    "actuals.role.value": {"zh": "数值", "en": "value"},
    "actuals.role.region": {"zh": "地区", "en": "region"},
    "actuals.role.note": {"zh": "备注", "en": "note"},
    "actuals.role.baseline": {"zh": "基期值", "en": "基期值"},
    "actuals.role.reason": {"zh": "原因分析", "en": "原因分析"},
    "actuals.role.measure": {"zh": "下一步措施", "en": "下一步措施"},
    "actuals.skipped_above_header": {
        "zh": "已跳过表头上方的一行：{text}",
        "en": "skipped a row above the header: {text}",
    },
    "actuals.same_file_twice": {
        "zh": "此文件给了两次，只读一次",
        "en": "this file was given twice; read once",
    },
    "actuals.same_file_as": {
        "zh": "此文件已作为{first}给出，只读一次",
        "en": "this file was given already as {first}; read once",
    },
    "actuals.skipped_total_row": {
        "zh": "已跳过合计行：{text}",
        "en": "skipped a total row: {text}",
    },
    "actuals.skipped_average_row": {
        "zh": "已跳过平均值行：{text}（各地区的平均不是一个地区）",
        "en": "skipped an average row: {text} (the regions' average is not one of them)",
    },
    "actuals.sheet_as_region": {
        "zh": "工作表{sheet}没有地区列，按工作表名读作地区{region}的数据",
        "en": "sheet {sheet} has no region column: its figures are read as region {region}'s, "
        "by the sheet's name",
    },
    "actuals.skipped_and_more": {
        "zh": "{first}；本文件另有 {count} 行同样跳过",
        "en": "{first}; {count} more rows of this file skipped alike",
    },
    "actuals.skipped_note_row": {"zh": "已跳过注释行：{text}", "en": "skipped a note row: {text}"},
    "actuals.total_row": {"zh": "合计行", "en": "a total row"},
    "actuals.short_row": {
        "zh": "该行只有 {size} 个单元格，到不了表头第 {column} 列的年份（表头有 {width} 列）："
        "这一行是否被截断或少了分隔符？",
        "en": "the row has {size} cell(s) and no year, which the header puts in column {column} "
        "(of {width}): was the row cut short, or a separator left out?",
    },
    "actuals.extra_cells": {
        "zh": '该行有 {size} 个单元格，而表头只有 {width} 个：带千位分隔符的数字请加引号（"1,234"）'
        "或去掉分隔符，多出的列请补上表头",
        "en": "the row has {size} cells but the header {width}: quote a number written with a "
        'thousands separator ("1,234") or remove the separator, and give any extra column a '
        "header",
    },
    "actuals.empty_indicator": {"zh": "指标单元格为空", "en": "the indicator cell is empty"},
    "actuals.fullwidth_commas": {
        "zh": "这一行只有一个单元格，用全角逗号“，”分隔；CSV 的分隔符是半角逗号“,”",
        "en": "the whole row is one cell, split by full-width commas '，'; a CSV's separator is "
        "the comma ','",
    },
    "actuals.with_fullwidth_commas": {
        "zh": "{problem}（这一行有全角逗号“，”：CSV 的分隔符是半角逗号“,”）",
        "en": "{problem} (this row has full-width commas '，'; a CSV's separator is ',')",
    },
    "actuals.open_quote": {
        "zh": "引号未闭合：这一行的一个单元格以引号开头，一直读到第 {last} 行；"
        "请补上右引号或删去左引号",
        "en": "a quote is not closed: a cell of this row starts with a quote and runs on to line "
        "{last}; close the quote or remove it",
    },
    # figures, not rows: in a sheet with years side by side, two rows that agree in 2025 and
    # differ in 2024 were said to be 完全相同 (trial 18)
    "check.repeated_rows": {
        "zh": "本文件有{count}个数据与前面的完全相同（同一地区、指标、年份和数值），"
        "每个只计一次；第一个在此，与第 {earlier} 行的相同",
        "en": "{count} figure(s) of this file repeat an earlier one (the same region, "
        "indicator, year and figure): each counted once; the first is here, repeating line "
        "{earlier}'s",
    },
    "check.nothing_up_to_year": {
        "zh": "{year}年及以前没有任何数据（数据为{first}—{last}年），每项指标都将是无数据；"
        "是否要判断其他年份？",
        "en": "no figure for {year} or before (the figures are for {first}–{last}): every "
        "indicator will have no data; did you mean another year?",
    },
    "check.file_without_regions": {
        "zh": "本文件没有地区列（或地区均为空），其数据按规划全域读取；其他文件按地区上报",
        "en": "this file names no region (no region column, or every cell empty): its figures "
        "are read as the plan's whole area's, while the other files name their regions",
    },
    "check.by_region_one_region": {
        "zh": "--by-region 比较各地区的数据，但这些数据{regions}：没有地区列，或只有一个地区；"
        "地区间的离散程度（变异系数等）没有意义",
        "en": "--by-region compares regions, but these figures {regions}: no region column, or "
        "one region only; a spread across regions (the coefficient of variation…) means nothing",
    },
    "check.by_region_one_region.none": {"zh": "没有地区", "en": "name no region"},
    "check.by_region_one_region.one": {"zh": "只有地区{region}", "en": "name {region} alone"},
    "check.area_totals": {
        "zh": "{count}个指标的目标是{area}的总量（{names}），与各地区的数据逐一对照没有意义，"
        "其结果仅供参考；分解到各地区的目标须用各地区的规划",
        "en": "{count} indicator(s) have a target that is a total of the whole area, {area} "
        "({names}): compared with each region's figure it says nothing, so their results are "
        "for reference only; targets set for each region are in the regions' own plans",
    },
    "check.thin_regions": {
        "zh": "{count}个地区只有少数指标有数据（{regions}），其他地区多为{usual}个："
        "地区名称是否写错了？",
        "en": "{count} region(s) have figures for few indicators ({regions}) where most "
        "regions have {usual}: is a region's name mistyped?",
    },
    "check.thin_region": {"zh": "{region}仅{count}个", "en": "{region}: {count}"},
    "check.thin_region.meant": {
        "zh": "{region}仅{count}个，是否是指{meant}",
        "en": "{region}: {count}, {meant} meant?",
    },
    "check.region_twice": {
        "zh": "{count}个地区可能有两种写法（{pairs}），已按不同地区评价；请统一地区名称",
        "en": "{count} region(s) may be spelled two ways ({pairs}): each way is judged as a "
        "region of its own; write each name one way",
    },
    "check.own_area_spelling": {
        "zh": "{name}与{first}都指规划全域，按同一地区{first}读取",
        "en": "{name} and {first} both name the plan's whole area: read as one, {first}",
    },
    "check.empty_region": {
        "zh": "地区单元格没有地区名（本文件其他行写明了地区；地区列若是合并单元格，"
        "请取消合并并填满后再导出）",
        "en": "the region cell names no region (other rows of this file name theirs; a "
        "merged region column must be unmerged and filled before it is exported)",
    },
    "check.empty_region_rows": {
        "zh": "第 {first}–{last} 行（共 {count} 行）的地区单元格没有地区名（本文件其他行写明了"
        "地区；地区列若是合并单元格，请取消合并并填满后再导出）",
        "en": "the region cells of rows {first}–{last} ({count} rows) name no region (other rows "
        "of this file name theirs; a merged region column must be unmerged and filled before "
        "it is exported)",
    },
    "actuals.skipped_baseline_cell": {
        "zh": "已跳过基期值单元格{text}：{reason}",
        "en": "skipped the 基期值 cell {text}: {reason}",
    },
    "actuals.bad_year": {
        "zh": "年份{text}不是有效年份（应如 2023）",
        "en": "year {text} is not a year such as 2023",
    },
    "actuals.year_out_of_range": {
        "zh": "年份 {year} 不在 {first}–{last} 范围内",
        "en": "year {year} is outside {first}–{last}",
    },
    # ------------------------------------------------------------------ reading .xlsx
    # {detail}: an xlsx entry, or the zip or XML library's own description where it has none
    "xlsx.unreadable": {
        "zh": "不是可读取的 .xlsx 工作簿（{detail}）",
        "en": "not a readable .xlsx workbook ({detail})",
    },
    "xlsx.in_part": {"zh": "{part}：{error}", "en": "{part}: {error}"},
    "xlsx.lock_file": {
        "zh": "这是 Excel 打开“{workbook}”时生成的临时锁定文件，不是数据文件：不要把它列入输入文件"
        "（关闭 Excel 后它会消失）",
        "en": "this is the lock file Excel keeps while '{workbook}' is open, not a data file: "
        "leave it out of the inputs (it goes when Excel closes)",
    },
    "xlsx.encrypted": {
        "zh": "工作簿设有打开密码（已加密），无法读取：请在 Excel 中取消密码后另存",
        "en": "the workbook is encrypted (it has an open password): remove the password in "
        "Excel and save it again",
    },
    "xlsx.not_zip": {
        "zh": "文件不是 ZIP 压缩包，可能是改了后缀的其他文件",
        "en": "the file is not a ZIP archive: perhaps another file renamed",
    },
    "xlsx.no_workbook_part": {
        "zh": "压缩包中没有工作簿部分（xl/workbook.xml）",
        "en": "the archive has no workbook part (xl/workbook.xml)",
    },
    "xlsx.xml_error": {"zh": "{error}（第 {line} 行）", "en": "{error} at line {line}"},
    "xlsx.part_unzips_to": {
        "zh": "部件 {part} 解压后为 {size:,.0f} MB",
        "en": "part {part} unzips to {size:,.0f} MB",
    },
    "xlsx.part_ratio": {
        "zh": "部件 {part} 解压后是压缩大小的 {ratio:,.0f} 倍，疑似“压缩炸弹”",
        "en": "part {part} unzips to {ratio:,.0f} times its zipped size, like a zip bomb",
    },
    "xlsx.parts_unzip_to": {
        "zh": "工作簿已读取的部件解压后超过 {most:,} MB",
        "en": "the parts of the workbook read so far unzip to more than {most:,} MB",
    },
    "xlsx.parts_ratio": {
        "zh": "工作簿已读取的部件解压后是压缩大小的 {ratio:,.0f} 倍，疑似“压缩炸弹”",
        "en": "the parts of the workbook read so far unzip to {ratio:,.0f} times their "
        "zipped size, like a zip bomb",
    },
    "xlsx.too_many_strings": {
        "zh": "工作簿的共享字符串超过 {most:,} 个",
        "en": "the workbook has more than {most:,} shared strings",
    },
    "xlsx.sheet_too_many_rows": {
        "zh": "工作表{sheet}超过 {most:,} 行",
        "en": "sheet {sheet} has more than {most:,} rows",
    },
    "xlsx.sheet_too_many_cells": {
        "zh": "工作表{sheet}的单元格超过 {most:,} 个",
        "en": "sheet {sheet} has more than {most:,} cells",
    },
    "xlsx.too_many_sheets": {
        "zh": "工作簿列出的工作表超过 {most:,} 个；文件已损坏",
        "en": "the workbook lists more than {most:,} sheets; it is damaged",
    },
    "xlsx.not_a_table": {
        "zh": "工作表{sheet}是{what}，不是单元格表格",
        "en": "sheet {sheet} is {what}, not a table of cells",
    },
    "xlsx.sheet_missing": {
        "zh": "工作表{sheet}在文件中缺失，不是单元格表格",
        "en": "sheet {sheet} is missing from the file, not a table of cells",
    },
    "xlsx.kind.chartsheet": "actuals.sheet.chartsheet",
    "xlsx.kind.dialogsheet": {"zh": "对话框", "en": "a dialog"},
    "xlsx.kind.macrosheet": "actuals.sheet.macrosheet",
    "xlsx.kind.other": "actuals.sheet.other",
    "xlsx.merged_cells": {
        "zh": "合并单元格 {ref}：{cell}（{value}）的值已填入第 {first}–{last} 行的每一行",
        "en": "merged cells {ref}: the value of {cell} ({value}) is read into each of rows "
        "{first}–{last}",
    },
    "xlsx.hidden_rows": {
        "zh": "已跳过隐藏的第 {rows} 行（与隐藏的工作表一样不读取）；这些行若要评价，请在 Excel 中"
        "取消隐藏后重新保存",
        "en": "skipped hidden rows {rows} (not read, as a hidden sheet is not); to judge them, "
        "unhide them in Excel and save again",
    },
    "xlsx.hidden_columns": {
        "zh": "已跳过隐藏的 {columns} 列（与隐藏的工作表一样不读取）；这些列若要评价，请在 Excel 中"
        "取消隐藏后重新保存",
        "en": "skipped hidden columns {columns} (not read, as a hidden sheet is not); to judge "
        "them, unhide them in Excel and save again",
    },
    "xlsx.bad_row_number": {
        "zh": "行号{number}不是数字；工作表已损坏",
        "en": "row number {number} is not a number; the sheet is damaged",
    },
    "xlsx.row_beyond_last": {
        "zh": "第 {number} 行超出 Excel 的最大行数 {most:,}；工作表已损坏",
        "en": "row {number} is beyond {most:,}, Excel's last row; the sheet is damaged",
    },
    "xlsx.row_out_of_order": {
        "zh": "第 {number} 行出现在第 {previous} 行之后；工作表已损坏",
        "en": "row {number} comes after row {previous}; the sheet is damaged",
    },
    "xlsx.no_shared_string": {
        "zh": "共享字符串{index}不存在（工作簿共有 {count:,} 个）；文件已损坏",
        "en": "shared string {index} does not exist (the workbook has {count:,}); the file "
        "is damaged",
    },
    "xlsx.sheet_xml_damaged": {
        "zh": "工作表{sheet}的 XML 已损坏（{part} 中：{error}）",
        "en": "the XML of sheet {sheet} is damaged ({error} in {part})",
    },
    "xlsx.text_too_long": {
        "zh": "单元格文本超过 {most:,} 个字符（Excel 最多 32,767 个）；文件已损坏",
        "en": "a cell's text is longer than {most:,} characters (Excel holds 32,767); the "
        "file is damaged",
    },
    "xlsx.bad_cell_reference": {
        "zh": "单元格引用{ref}无效；工作表已损坏",
        "en": "cell reference {ref} is not a cell reference; the sheet is damaged",
    },
    "xlsx.column_beyond_last": {
        "zh": "单元格 {ref} 超出 Excel 的最后一列 XFD；工作表已损坏",
        "en": "cell {ref} is beyond column XFD, Excel's last; the sheet is damaged",
    },
    "xlsx.unsaved_formula": {
        "zh": "公式 ={formula} 没有保存计算结果；请在 Excel 中打开并保存该文件",
        "en": "formula ={formula} has no saved value; open and save the file in Excel",
    },
    "xlsx.unsaved_shared_formula": {
        "zh": "共享公式没有保存计算结果；请在 Excel 中打开并保存该文件",
        "en": "a shared formula has no saved value; open and save the file in Excel",
    },
    "xlsx.cell_not_number": {
        "zh": "单元格值{value}不是数字",
        "en": "cell value {value} is not a number",
    },
    "xlsx.not_boolean": {
        "zh": "{value}不是 true/false 值",
        "en": "{value} is not a true/false value",
    },
    "xlsx.unknown_cell_type": {
        "zh": "单元格类型{type}不是 Excel 会写入的类型",
        "en": "cell type {type} is not one Excel writes",
    },
    "xlsx.number_too_large": {
        "zh": "数字 {number} 过大，不是有效的统计数字",
        "en": "number {number} is too large to be a figure",
    },
    "xlsx.impossible_date_number": {
        "zh": "{value:.15g} 不是有效日期（该单元格设置为日期格式）",
        "en": "{value:.15g} is not a possible date (the cell is formatted as a date)",
    },
    "xlsx.impossible_date": {
        "zh": "日期{date}不是有效日期",
        "en": "date {date} is not a possible date",
    },
    # ------------------------------------------------------------------ judging the figures
    "check.and_more": {
        "zh": "{message}（另有 {count} 个问题）",
        "en": "{message} (and {count} more problem(s))",
    },
    "check.not_a_number": {
        "zh": "{value}不是数字；{name}的目标值{target}是数值",
        "en": "{value} is not a number; {name} has a numeric target {target}",
    },
    "check.unit_mismatch": {
        "zh": "{value}的单位是 {unit}，但{name}的计量单位是 {indicator_unit}",
        "en": "{value} is in {unit}, but {name} is measured in {indicator_unit}",
    },
    "check.fraction": {
        "zh": "{value}像是写成小数的百分比：{name}以 % 计（目标值 {target}）；若是 {percent}%，"
        "请写 {percent}",
        "en": "{value} looks like a percentage written as a fraction: {name} is in % (target "
        "{target}); if it is {percent}%, write {percent}",
    },
    "check.magnitude": {
        "zh": "{value}比目标值 {target}{unit} 大一千倍以上，像是用了另一个单位：请核实{name}的单位",
        "en": "{value} is over a thousand times the target {target}{unit}, as though in another "
        "unit: check {name}'s unit",
    },
    "check.more_magnitudes": {
        "zh": "{name}另有 {count} 个数据比目标值大一千倍以上",
        "en": "{name}: {count} more figure(s) over a thousand times the target",
    },
    "check.scientific": {
        "zh": "{value}是科学计数法：Excel 在单元格放不下长数字时这样显示（只留 6 位有效数字），"
        "另存为 CSV 时也这样写，后面的位数可能已丢失；{name}按 {number} 评价。请把该列设为“数值”"
        "格式后重新导出",
        "en": "{value} is in scientific notation: Excel shows a number too long for its cell so "
        "(six significant digits) and saves it so in a CSV, so its last digits may be lost; "
        "{name} is judged as {number}. Set the column's format to Number and export again",
    },
    "check.more_scientific": {
        "zh": "{name}另有 {count} 个数据是科学计数法",
        "en": "{name}: {count} more figure(s) in scientific notation",
    },
    "check.more_fractions": {
        "zh": "{name}另有 {count} 个数据像是写成小数的百分比",
        "en": "{name}: {count} more figure(s) look like percentages written as fractions",
    },
    "check.unit_cell_mismatch": {
        "zh": "单位列写的是 {unit}，但{name}的计量单位是 {indicator_unit}",
        "en": "the unit column says {unit}, but {name} is measured in {indicator_unit}",
    },
    "check.unit_cell_unknown": {
        "zh": "单位列写的是 {unit}，与{name}的计量单位 {indicator_unit} 不同，psplan 无法换算："
        "数值按 {indicator_unit} 读取，请核实",
        "en": "the unit column says {unit}, not {name}'s unit {indicator_unit}, and psplan cannot "
        "convert it: the figure is read in {indicator_unit}; please check it",
    },
    "check.name_unit_mismatch": {
        "zh": "指标{text}注明的单位是 {unit}，但{name}的计量单位是 {indicator_unit}",
        "en": "indicator {text} names the unit {unit}, but {name} is measured in {indicator_unit}",
    },
    "check.running_total": {
        "zh": "{value}是五年累计数，但{name}不是累计指标（规划的目标实为五年累计时，"
        "用 --overrides 把它设为 kind: cumulative）",
        "en": "{value} is a five-year running total, but {name} is not a cumulative indicator "
        "(where the plan's target is one, make it kind: cumulative with --overrides)",
    },
    "check.reported_twice": {
        "zh": "{name} {year} 年的数据上报了两次且数值不同：{first}（第 {line} 行）和{second}",
        "en": "{name} {year} is reported twice with different values: {first} (line {line}) "
        "and {second}",
    },
    "check.reported_twice_in_files": {
        "zh": "{name} {year} 年的数据在两个文件中数值不同："
        "{first}（{file} 第 {line} 行）和{second}",
        "en": "{name} {year} differs between two files: {first} ({file}, line {line}) and {second}",
    },
    "check.reported_twice_in_files_in_region": {
        "zh": "{region}{name} {year} 年的数据在两个文件中数值不同："
        "{first}（{file} 第 {line} 行）和{second}",
        "en": "{name} in {region} {year} differs between two files: {first} ({file}, line "
        "{line}) and {second}",
    },
    "check.reported_twice_in_sheets": {
        "zh": "{name} {year} 年的数据在两个工作表中数值不同："
        "{first}（{file} 第 {line} 行）和{second}",
        "en": "{name} {year} differs between two sheets: {first} ({file}, line {line}) and "
        "{second}",
    },
    "check.reported_twice_in_sheets_in_region": {
        "zh": "{region}{name} {year} 年的数据在两个工作表中数值不同："
        "{first}（{file} 第 {line} 行）和{second}",
        "en": "{name} in {region} {year} differs between two sheets: {first} ({file}, line "
        "{line}) and {second}",
    },
    "check.reported_twice_in_region": {
        "zh": "{region}{name} {year} 年的数据上报了两次且数值不同："
        "{first}（第 {line} 行）和{second}",
        "en": "{name} in {region} {year} is reported twice with different values: {first} "
        "(line {line}) and {second}",
    },
    "check.stopped": {
        "zh": "发现 {count} 个问题后停止读取；请修正这些问题后重新运行",
        "en": "stopped reading after {count} problems; fix these and run again",
    },
    "check.more_out_of_range": {
        "zh": "另有 {count} 个{name}数据超出合理范围",
        "en": "and {count} more figure(s) of {name} outside its natural range",
    },
    # (worded as lint words it: the region and the year too)
    "check.out_of_range": {
        "zh": "{region}{name}{year}年为{value}，超出合理范围（{range}）；请核实该数据；"
        "使用 --strict（Python：strict=True）时按错误处理",
        "en": "{region}{name} {year} is {value}, outside its natural range ({range}); check the "
        "figure; --strict (Python: strict=True) makes this an error",
    },
    "check.out_of_range_strict": {
        "zh": "{region}{name}{year}年为{value}，超出合理范围（{range}）；请核实该数据"
        "（--strict：按错误处理）",
        "en": "{region}{name} {year} is {value}, outside its natural range ({range}); check the "
        "figure (an error under --strict)",
    },
    "check.not_negative": {"zh": "不为负数", "en": "not negative"},
    "check.two_references": {
        "zh": "{name} {year} 年有两个不同的参照值：{first:g}（{first_region}）和 {second:g}"
        "（{second_region}）",
        "en": "two different reference values for {name} {year}: {first:g} ({first_region}) "
        "and {second:g} ({second_region})",
    },
    "check.baseline_not_number": {
        "zh": "{name}的基期值{value}不是数字，已忽略",
        "en": "基期值 {value} of {name} is not a number; ignored",
    },
    "check.baseline_earlier_period": {
        "zh": "本表的数据为{first}—{last}年，属于上一规划期：其基期值列是上一期的，未使用"
        "（本规划的基期年为{year}年）",
        "en": "this sheet's figures are of {first}–{last}, the period before: its 基期值 column "
        "is that period's and is not used (this plan's baseline year is {year})",
    },
    "check.baseline_bound": {
        "zh": "{name}的基期值{value}是界值，不是确数，未采用；请填确数",
        "en": "基期值 {value} for {name} is a bound, not a figure, and is not used; give the "
        "figure",
    },
    "check.baseline_fraction": {
        "zh": "{name}的基期值{value}像是写成小数的百分比，未采用；若是 {percent}%，请写 {percent}",
        "en": "基期值 {value} for {name} looks like a percentage written as a fraction and is "
        "not used; if it is {percent}%, write {percent}",
    },
    "check.baseline_against_figure": {
        "zh": "{region}{name}的基期值 {value} 与{year}年的数据{figure}（{at}）不一致；采用基期值",
        "en": "{region}基期值 {value} for {name} differs from the {year} figure {figure} "
        "({at}); the 基期值 is used",
    },
    "check.baseline_across_periods": {
        "zh": "本表的数据为{first}—{last}年，含上一规划期的年份：其基期值列是上一期的，未使用"
        "（本规划的基期年为{year}年；本规划的基期值请用本期的填报表）",
        "en": "this sheet's figures are of {first}–{last}, years of the period before among "
        "them: its 基期值 column is that period's and is not used (this plan's baseline year "
        "is {year}; give this plan's on a sheet of its own)",
    },
    "check.baseline_differs": {
        "zh": "{name}的基期值{value}与规划印发的基期值{printed}不一致；采用规划中的基期值",
        "en": "基期值 {value} differs from the plan's printed baseline {printed} for {name}; "
        "the plan's is used",
    },
    "check.ambiguous_name": {
        "zh": "{text}可对应 {count} 个指标：{ids}；请改用指标编号",
        "en": "{text} fits {count} indicators: {ids}; use the id",
    },
    "check.after_period": {
        "zh": "{years}年的数据在规划期（至{end}年）之后，共{count}个，未计入{year}年的评价",
        "en": "the figures of {years} come after the period (to {end}): {count}, not counted "
        "in judging {year}",
    },
    "check.sparse_latest_year": {
        "zh": "按最新年份{year}年评价，但{year}年只有{count}个数据"
        "（{before}年有{before_count}个）：其余按各自最新的数据评价；"
        "要按{before}年评价，请加 --year {before}",
        "en": "judged in {year}, the latest year, but {year} has {count} figure(s) ({before} has "
        "{before_count}): the others are judged on their latest figure; add --year {before} "
        "to judge {before}",
    },
    "check.stage_beyond_figures": {
        "zh": "评估年份为{year}年，但数据最晚到{latest}年："
        "{year}年的评价按{latest}年及以前的数据作出",
        "en": "the evaluation is of {year}, but the figures end in {latest}: {year} is judged on "
        "the figures of {latest} and before",
    },
    "check.year_beyond_figures": {
        "zh": "按{year}年评价，但数据最晚到{latest}年：{year}年的评价按{latest}年及以前的数据作出，"
        "时间进度按{year}年计",
        "en": "judged as of {year}, but the figures end in {latest}: {year} is judged on the "
        "figures of {latest} and before, against {year}'s share of the time",
    },
    "check.explanations_without_area": {
        "zh": "指标{name}的原因分析或下一步措施未写明地区，应属全市，但数据中没有全市的数据"
        "（只有各地区的），未使用；如是各地区的，请按地区填写",
        "en": "the explanations of {name} (原因分析 / 下一步措施) name no region, so they are the "
        "plan's whole area's, and the figures have none of the whole area's (only the "
        "regions'): not used; give them region by region if they are the regions'",
    },
    "check.baseline_without_area": {
        "zh": "指标{name}的基期值未写明地区，应属全市，但数据中没有全市的数据（只有各地区的），"
        "未使用；如是各地区的，请按地区填写",
        "en": "the 基期值 of {name} names no region, so it is the plan's whole area's, and the "
        "figures have none of the whole area's (only the regions'): not used; give it region "
        "by region if it is the regions'",
    },
    "check.explanations_joined": {
        "zh": "{region}{name}的{field}在 {first} 已有一段，这里的一段与之合并（以“；”分隔）",
        "en": "{region}{name}: its {field} is given at {first} too; the two are joined (with “；”)",
    },
    "check.explanations_without_figures": {
        "zh": "地区{region}的{name}有原因分析或下一步措施，但该地区没有数据，未使用",
        "en": "the explanations (原因分析 / 下一步措施) of {name} for region {region}: the region "
        "has no figures, not used",
    },
    "check.previous_period_indicator": {
        "zh": "{text}不是规划{plan}的指标，按上一规划期（{year}年及以前）的数据跳过",
        "en": "{text} is not an indicator of plan {plan}: skipped as a figure of the previous "
        "period ({year} or earlier)",
    },
    "check.replaced_indicator": {
        "zh": "{text}已由规划{plan}的{by}替代，其{year}年及以前的数据不计入",
        "en": "{text} is replaced by {by} in plan {plan}: its figures of {year} or earlier are "
        "left out",
    },
    "check.unknown_indicator": {
        "zh": "规划 {plan} 中没有指标{text}{hint}",
        "en": "indicator {text} is not in plan {plan}{hint}",
    },
    "check.did_you_mean": {"zh": "；是否是指 {names}？", "en": "; did you mean {names}?"},
    "check.no_figures": {"zh": "文件中没有数据", "en": "no figures in the file"},
    "check.region_without_figures": {
        "zh": "地区{region}有数据行，但没有任何数据（只有空单元格或“—”）",
        "en": "region {region} has rows but not one figure (only empty cells or dashes)",
    },
    "check.empty_regions": {
        "zh": "{count}个地区有数据行但没有任何数据（{names}），未列入结果",
        "en": "{count} region(s) with rows but not one figure ({names}) are left out of the "
        "results",
    },
    "check.year_outside_period": {
        "zh": "{year} 年不在规划期 {start}–{end} 年内（基期 {baseline} 年）；"
        "如需评估，请使用 --allow-outside-period（Python：allow_outside_period=True）",
        "en": "year {year} is outside the plan period {start}–{end} (baseline {baseline}); "
        "pass --allow-outside-period (Python: allow_outside_period=True) to judge it",
    },
    "check.latest_year_outside_period": {
        "zh": "文件中最新的年份 {year} 年不在规划期 {start}–{end} 年内（基期 {baseline} 年）；"
        "请用 --year YEAR（Python：year=YEAR）选择年份，"
        "或使用 --allow-outside-period（Python：allow_outside_period=True）进行评估",
        "en": "the latest year in the file, {year}, is outside the plan period {start}–{end} "
        "(baseline {baseline}); choose a year with --year YEAR (Python: year=YEAR), or pass "
        "--allow-outside-period (Python: allow_outside_period=True) to judge it",
    },
    "check.region_is_reference": {
        "zh": "{region}是参照地区：其数据用作相对目标（达到全省平均水平等）的参照值，不被判断"
        "（判断的地区：{regions}）",
        "en": "{region} is a reference region: its figures are the reference values of relative "
        "targets (达到全省平均水平…) and are not judged (regions judged: {regions})",
    },
    "check.no_region": {
        "zh": "没有地区{region}的数据（现有地区：{regions}）{hint}",
        "en": "no figures for region {region} (regions: {regions}){hint}",
    },
    "check.no_previous_plan": {
        "zh": "规划 {plan} 没有印发上期规划完成情况表",
        "en": "plan {plan} prints no previous-plan completion table",
    },
    # ------------------------------------------------------------------ overrides, waivers
    # {where} is a file:line (or overrides[3] for a list given in Python)
    "overrides.at": {"zh": "{where}: {message}", "en": "{where}: {message}"},
    "overrides.not_a_list": {
        "zh": "人工设定文件应是由 {{indicator, reason, kind|direction|baseline…}} 组成的列表",
        "en": "an overrides file is a list of {{indicator, reason, kind|direction|baseline…}}",
    },
    "overrides.not_a_mapping": {
        "zh": "每条人工设定应是包含 indicator 和 reason 的映射",
        "en": "each override is a mapping with indicator and reason",
    },
    "overrides.unknown_key": {
        "zh": "未知的键{key}（允许的键：{allowed}）",
        "en": "unknown key {key} (allowed: {allowed})",
    },
    "overrides.incomplete": {
        "zh": "每条人工设定都需要 indicator 和 reason",
        "en": "each override needs an indicator and a reason",
    },
    "overrides.no_change": {
        "zh": "该人工设定没有修改任何内容（请给出 {changes} 之一）",
        "en": "override changes nothing (give one of {changes})",
    },
    "overrides.unknown_indicator": {
        "zh": "人工设定针对的指标{indicator}不在规划 {plan} 中{hint}",
        "en": "override for {indicator}, which is not in plan {plan}{hint}",
    },
    "overrides.invalid": {
        "zh": "人工设定 {field}：{message}",
        "en": "override {field}: {message}",
    },
    "waivers.not_a_mapping": {
        "zh": "豁免文件应是“ITEM_ID: reason”形式的映射",
        "en": "a waiver file is a mapping ITEM_ID: reason",
    },
    "waivers.incomplete": {
        "zh": "每条豁免都需要 id 和 reason",
        "en": "each waiver needs an id and a reason",
    },
    # ------------------------------------------------------------------ the Python API
    "check.reference_region_unseen": {
        "zh": "参照地区{region}（--reference-region）在数据中没有数值，相对目标无参照值可用",
        "en": "the reference region {region} (--reference-region) has no figure in the files: "
        "relative targets have no reference from it",
    },
    "check.unknown_reference": {
        "zh": "参照值{key}：规划 {plan} 中没有这个指标ID（有相对目标的指标：{ids}）",
        "en": "reference {key}: plan {plan} has no indicator of this id (those with a relative "
        "target: {ids})",
    },
    "check.reference_not_relative": {
        "zh": "参照值{key}未使用：该指标的目标{target}不是相对目标",
        "en": "reference {key} is not used: the indicator's target {target} is not relative",
    },
    "api.bad_option": {
        "zh": "{name} 的值{value}无效：{detail}",
        "en": "invalid value {value} for {name}: {detail}",
    },
    "api.needs_pandas": {
        "zh": "to_dataframe() 需要 pandas，但没有安装（psplan 不依赖它）：pip install pandas"
        "——或用 to_rows()，同样的行，每行一个字典",
        "en": "to_dataframe() needs pandas, which is not installed (psplan does not depend on "
        "it): pip install pandas — or use to_rows(), the same rows as a list of dicts",
    },
    "api.bad_reference": {
        "zh": "参照值{key}：应为数字，而不是{value}",
        "en": "reference {key}: expected a number, not {value}",
    },
    # ------------------------------------------------------------------ writing output (-o)
    # {reason} is the operating system's own words (in English)
    "output.symlink_loop": {
        "zh": "符号链接形成了循环；请为输出另取一个文件名",
        "en": "a loop of symbolic links; give another file name for the output",
    },
    "output.bad_path": {
        "zh": "无法使用此输出路径：{reason}",
        "en": "cannot use this output path: {reason}",
    },
    "output.is_input": {
        "zh": "不能覆盖本命令的输入文件；请另取一个输出文件名",
        "en": "refusing to overwrite an input file of this command; give another output name",
    },
    "output.is_directory": {
        "zh": "这是文件夹；请为输出指定一个文件名",
        "en": "is a directory; give a file name for the output",
    },
    "output.not_regular": {
        "zh": "这是{kind}，不是普通文件；psplan 只写入普通文件（输出到标准输出请用 -o -）",
        "en": "is {kind}, not a regular file; psplan writes only regular files "
        "(use -o - for stdout)",
    },
    "xlsx.sheet_too_long": {
        "zh": "工作表{sheet}有 {rows} 行以上，超过 Excel 每个工作表 {most} 行的上限；"
        "请改写 CSV（--format csv 或 -o 文件.csv），或按地区汇总（--by-region）",
        "en": "sheet {sheet} has {rows} rows or more, over Excel's limit of {most} rows a "
        "sheet; write a CSV (--format csv or -o FILE.csv), or summarise by region "
        "(--by-region)",
    },
    "output.kind.character_device": "file.kind.character_device",
    "output.kind.block_device": "file.kind.block_device",
    "output.kind.fifo": {"zh": "命名管道（FIFO）", "en": "a FIFO (named pipe)"},
    "output.kind.socket": "file.kind.socket",
    "output.kind.other": {"zh": "非普通文件", "en": "not a regular file"},
    "output.no_folder": {"zh": "文件夹{folder}不存在", "en": "folder {folder} does not exist"},
    "output.binary_on_terminal": {
        "zh": "不会在终端上显示二进制文件（Excel 工作簿或 Word 文档）；请用 -o 指定文件名",
        "en": "will not print a binary file (an Excel workbook or a Word document) on a "
        "terminal; give a file name with -o",
    },
    "output.cannot_write": {"zh": "无法写入：{reason}", "en": "cannot write: {reason}"},
    "output.unencodable": {
        "zh": "{stream} 的编码（{encoding}）无法显示所有字符；这些字符以 \\uXXXX 转义形式输出"
        "（可设置 PYTHONIOENCODING=utf-8 或使用 UTF-8 区域设置，或用 -o 写入文件）",
        "en": "{stream}'s encoding ({encoding}) cannot show every character; they are printed "
        "as \\uXXXX escapes (set PYTHONIOENCODING=utf-8 or a UTF-8 locale, or write a file "
        "with -o)",
    },
    # ------------------------------------------------------------------ psplan template
    "template.bad_years": {
        "zh": "--years {years}：应为 2021-2025 或 2021,2022 这样的年份",
        "en": "--years {years}: expected years like 2021-2025 or 2021,2022",
    },
    "template.year_out_of_range": {
        "zh": "--years {years}：{year} 不是 {first} 到 {last} 之间的年份",
        "en": "--years {years}: {year} is not a year between {first} and {last}",
    },
    "template.years_reversed": {
        "zh": "--years {years}：{start}-{end} 的结束年份早于开始年份",
        "en": "--years {years}: {start}-{end} ends before it starts",
    },
    "template.too_many_years": {
        "zh": "--years {years}：超过 {most} 年；一张填报表只覆盖一个规划期",
        "en": "--years {years}: more than {most} years; a template covers one plan period",
    },
    "template.no_years": {
        "zh": "--years {years}：没有给出年份",
        "en": "--years {years}: no years given",
    },
    "template.region_twice": {
        "zh": "--regions：{region}重复列出",
        "en": "--regions: {region} is listed twice",
    },
    "template.too_many_rows": {
        "zh": "--regions：{regions:,} 个地区 × {indicators} 个指标共 {rows:,} 行，"
        "超过填报表上限 {most:,} 行",
        "en": "--regions: {regions:,} regions × {indicators} indicators is {rows:,} rows, "
        "more than a template's {most:,}",
    },
    # ------------------------------------------------------------------ progress display
    "progress.reading": {"zh": "正在读取 {name}", "en": "reading {name}"},
    "progress.writing": {"zh": "正在写入 {name}", "en": "writing {name}"},
    "progress.rows": {"zh": "{count:,} 行", "en": "{count:,} rows"},
    "check.unknown_stage": {
        "zh": "未知的评估阶段 {stage}（可选 {stages}）",
        "en": "unknown stage {stage} (one of {stages})",
    },
    "check.unknown_engine": {
        "zh": "{name} 的值{engine}不是可选的读取方式（可选 {engines}）",
        "en": "{name} {engine} is not a way of reading (one of {engines})",
    },
}
