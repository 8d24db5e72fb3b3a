"""Problems are data: every check yields an Issue with a stable code; a Report collects them."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Iterable, Literal

Severity = Literal["error", "warning"]

# Every issue code the tool can emit: code -> (what causes it, how to fix it).
# The site's error catalogue and the fixture tests are driven from this table.
CODES: dict[str, tuple[str, str]] = {
    # --- reading files ---
    "yaml-syntax": ("文件不是合法的 YAML：用了制表符（Tab）缩进、缩进不齐、引号或括号没有闭合、冒号后缺空格，"
                    "或用了锚点与别名（&、*）。",
                    "到提示的行列处修正：只用空格缩进，同一层的键左对齐，成对写引号；含冒号的文字用引号括起来。"),
    "duplicate-key": ("同一层中同一个键写了两次（如两个 lead:），后一个会悄悄覆盖前一个。",
                      "删除多余的一个，或把两处内容合并到一个键下。"),
    "encoding": ("文件不是 UTF-8 编码（常见于记事本或 WPS 另存为 GBK、UTF-16），或以 BOM 开头。",
                 "在编辑器中选择“UTF-8（无 BOM）”重新保存该文件。"),
    "bad-character": ("文本中混入了看不见的控制字符或零宽字符（常见于从网页、Word 复制粘贴）。",
                      "删除提示位置的字符：在编辑器中打开“显示不可见字符”，或把该行重新输入一遍。"),
    "unreadable-file": ("文件无法读取：它是文件夹、失效的快捷方式（符号链接），或没有读取权限。",
                        "换成普通文件，删除失效的链接，或请管理员开放读取权限。"),
    "empty-file": ("文件是空的（或只有注释）。", "补全内容，或删除这个不需要的文件。"),
    "missing-file": ("缺少必需的文件，如单位名录 units.yaml。", "按提示在知识库文件夹中创建该文件。"),
    "stray-file": ("文件夹中有不以 .yaml 结尾的文件（如 .yml、.txt、备份文件），它不会被读取，其中的修改会被忽略。",
                   "把文件改名为 .yaml 结尾（如 tasks/070.yaml），或把它移出该文件夹。"),
    "hidden-skipped": ("知识库中有名称以“.”开头的文件夹或 .yaml 文件（警告）：它不会被读取。多为中断的导入留下的"
                       " .import-….tmp，或编辑器、同步软件留下的副本。",
                       "确认其中没有需要的内容后删除；真正的政策文件夹或任务文件，名称不能以“.”开头。"),
    "bad-document-id": ("政策文件夹的名称（文件 id）不能用作文件夹名或网址：含 /、\\、..、换行等控制字符、# ? % < > 等符号，"
                        "以“.”开头，是系统保留名（CON、COM1 等），是网站自用的名称（guide、units、assets、search 等），"
                        "或与另一个文件夹只差大小写。",
                        "把文件夹改名为只含字母、数字、汉字和“-”的名称；导入时用 --id 指定，如 --id hunan-2016-opinions。"),
    "unsafe-path": ("文件或链接指向 policies/ 之外，或单位名称中含有不能用作文件名的字符（/ \\ : * ? \" < > | 或 ..）。",
                    "把文件本身（而非链接）放在 policies/ 之内；单位名称按原文书写，去掉这些字符。"),
    "no-document": ("知识库文件夹不存在，或其中没有任何政策文件夹（含 document.yaml 的子文件夹）。",
                    "检查 -p/--policies 给出的路径，或用 policykb import 导入原文。"),
    # --- fields ---
    "unknown-field": ("出现了模型未定义的字段，多为拼写错误（如 leader 应为 lead）。",
                      "按提示改正字段名；各字段的含义见字段说明（编辑器会根据 schemas/ 自动补全）。"),
    "missing-field": ("缺少必填字段（如任务的 lead、articles，或时限的 date）。", "按提示补上该字段（提示中给出了字段名及其含义）。"),
    "wrong-type": ("字段值的类型不对：应为数字却写了文字或全角数字（１２），应为列表却写成一行文字，"
                   "或取值不在允许范围内。",
                   "按提示改写：数字用半角（12），列表每项一行并以“- ”开头，取值从提示列出的选项中选。"),
    "bad-date": ("日期不存在（如 2016-02-30）、格式不对，或不在 1949-10-01 至 2100-12-31 之间（如误写的 9999-12-31）。", "写成真实存在的日期，格式为 YYYY-MM-DD，如 2016-06-30。"),
    "empty-text": ("条文、任务的正文或标题为空。", "照原文补上文字。"),
    "text-too-long": ("文本超过长度上限（2 万字），多为误粘贴了整份文件。", "只保留该条文或任务本身的文字。"),
    # --- numbering and references ---
    "duplicate-number": ("两条条文、两项任务或两个指标用了同一编号（或同一 id）。",
                         "给每条条文、每项任务、每个指标唯一的编号，文件名与编号一致。"),
    "number-mismatch": ("文件名中的编号与文件内的 number 不一致（警告）。",
                        "让文件名与 number 一致，如 tasks/069.yaml 对应 number: 69。"),
    "bad-setting": ("document.yaml 中的设置不成立：实施期结束早于开始，或责任书编号样式用了不认识的占位符。",
                    "实施期写 start 不晚于 end；编号样式只用 {year}（年份）和 {serial}（流水号）。"),
    "unknown-article": ("任务或指标引用了不存在的条文编号。", "改为本文件中存在的条文编号（提示中给出了编号范围）。"),
    "unknown-task": ("指标引用了不存在的任务编号。", "改为分工方案中存在的任务编号。"),
    "unknown-part": ("条文引用了 document.yaml 中没有列出的部分编号。", "改为 document.yaml 的 parts 中列出的编号。"),
    "unknown-section": ("任务引用了分工方案中没有的部分编号。", "改为 document.yaml 中 annex.sections 列出的编号。"),
    # --- units ---
    "unknown-unit": ("任务中写了单位名录里没有的单位（多为错别字或简称）。",
                     "按提示改为名录 units.yaml 中的规范名称或别名；确是新单位的，先在名录中登记。"),
    "duplicate-unit": ("单位名录中同一名称或别名出现了两次。", "每个名称、别名只能属于一个单位：删除或改正重复的一处。"),
    "local-name-clash": ("同一个地方的两个单位用了同一个本地名称（local_names），这个地方的文件写这个名称时分不清指哪个。",
                         "一个地方的每个本地名称只能属于一个单位：删除或改正重复的一处；不同地方的单位可以同名。"),
    "ambiguous-unit": ("输入的名称是几个地方的单位各自的本地名称（如 财政局），不知道指哪一个。",
                       "写出单位的全称（如 株洲市财政局），提示中列出了可能的单位。"),
    "no-lead": ("任务没有牵头单位（lead 为空）。", "在 lead 下至少写一个单位。"),
    "lead-mode-mismatch": ("牵头方式与牵头单位数目不符：共同牵头（joint）、分别牵头（separate）需要至少两个牵头单位，"
                           "单独牵头（first）只能有一个。",
                           "按原文改正 lead_mode，或把多余的单位移到 participants。"),
    "member-not-named": ("任务的 members 说某个市州由正文中的某个词点名，但正文里没有这个词。",
                         "只写任务正文中原样出现的词（市州、县市的名称），或删去这一成员。"),
    "unit-repeated": ("同一单位在一项任务中出现了两次（含别名），或既是牵头单位又是参与单位。", "删除重复的一处。"),
    # --- deadlines and indicators ---
    "unparseable-deadline": ("无法识别的时限表述。", "使用原文中的时限写法，如“2016年6月底前”“每年11月中旬”“到2020年”“5年内”。"),
    "deadline-mismatch": ("时限表述与所填日期或类型不一致。", "按提示修正 date 或 kind，使之与 phrase 相符。"),
    "indicator-without-source": ("指标没有注明出处条文或任务。", "在 articles 或 tasks 中写明该指标出自哪条条文或哪项任务。"),
    # --- building outputs ---
    "output-unwritable": ("输出文件夹无法写入：没有写权限、磁盘已满，或路径上有同名的普通文件。",
                          "用 -o 换一个可写的文件夹，或修正该文件夹的权限；原有输出保持不变。"),
    "output-not-ours": ("-o 指定的输出文件夹中已有不是本工具生成的文件，或它就是项目、知识库（policies/）、git 仓库所在的文件夹："
                        "生成时整个输出文件夹会被替换，其中的文件会丢失，所以什么也不写。",
                        "用 -o 指定一个新的或空的文件夹（如 build/site）；本工具从不删除不是它生成的文件。"),
    "build-locked": ("另一次生成正在向同一输出文件夹写入。", "等待那一次生成结束后再运行；原有输出保持不变。"),
    # --- tracking ---
    "not-a-lead": ("跟踪记录中的单位不是该任务的牵头单位。", "写该任务的牵头单位之一；参与单位不单独报送。"),
    "unit-required": ("分别牵头的任务，记录没有写明是哪个牵头单位。", "加上 unit: 牵头单位名称。"),
    "date-before-policy": ("跟踪记录的日期早于政策文件的印发日期。", "检查年份和月份。"),
    "bad-extension": ("延期后的日期不晚于原定日期，或原定日期不是该任务的时限。", "new 写延期后的日期，original 写任务原有的时限日期。"),
    "unknown-indicator": ("跟踪数据引用了 indicators.yaml 中没有的指标。", "使用 indicators.yaml 中的指标 id。"),
    "duplicate-report": ("同一单位同一年度的落实情况报送了两次，或同一指标同一年份有两个实际值。", "保留一条，或用 --force 替换。"),
    "state-backwards": ("任务状态倒退（如已销号后又改为推进中）。", "确认无误时用 --force；否则改正状态。"),
    "bad-form": ("报送表中的内容不合要求（单元格为空、状态不在列表中、日期不对等）。", "按提示修改报送表中所指的单元格后重新导入。"),
    # --- letters ---
    "template-missing": ("找不到责任书模板文件：--template 给出的路径不对，或 templates/letter.docx 被移走、删除。",
                         "检查 --template 的路径；模板丢失时用 templates/make_letter_template.py 重新生成。"),
    "template-syntax": ("责任书模板不是可用的 Word 文件（.docx），或其中的模板标签有误："
                        "{{ }}、{% %} 不成对，for/if 缺少对应的 endfor/endif。",
                        "在 Word 中按提示的段落改正标签，使之成对出现；或从 templates/letter.docx 重新修改。"),
    "template-unknown-field": ("责任书模板使用了不存在的字段（多为拼写错误，如 unit.nmae）。",
                               "按提示改为正确的字段名；全部可用字段见 templates/README.md。"),
    "template-unsafe": ("责任书模板访问了字段以外的内容（如 cycler.__init__、以下划线开头的属性）：这样的标签能在生成责任书的电脑上"
                        "运行命令，多见于来历不明、被篡改的模板。模板不会被使用，一份责任书也不生成。",
                        "删除提示中的标签，只用 templates/README.md 列出的字段；来历不明的模板不要使用，"
                        "用 templates/make_letter_template.py 重新生成标准模板。"),
    "no-tasks": ("指定的单位在分工方案中没有任何牵头或参与的任务，无需为它生成责任书。",
                 "检查 --unit 是否写错了单位；去掉该单位，或先在分工方案中为它登记任务。"),
    "pdf-failed": ("无法生成 PDF：没有安装 LibreOffice（soffice），或转换过程出错。",
                   "安装 LibreOffice（libreoffice-writer-nogui）后重试，或去掉 --pdf 只生成 .docx。"),
    # --- battle maps ---
    "bad-years": ("作战图的时间轴范围写法不对，或起始年份晚于结束年份。", "写成“起始年-结束年”，如 --years 2016-2020。"),
    "bad-paper": ("作战图的纸张规格不在可选范围内。", "从提示列出的规格中选一个，如 --paper A1、A0 或 A3-tiled。"),
    "font-missing": ("没有安装作战图排版所需的思源（Noto CJK）中文字体，无法计算文字宽度。",
                     "请管理员安装 fonts-noto-cjk 字体包（apt-get install fonts-noto-cjk）后重试。"),
    "glyph-missing": ("作战图 PDF 中有汉字没有嵌入中文字体（会显示为方框或空白）：系统缺少对应字体，"
                      "或 cairo 子集化时丢了字形。",
                      "安装 fonts-noto-cjk（Windows 上安装思源黑体/宋体），或检查 fonts/fonts.conf 把官方字体名映射到已安装的字体。"),
    # --- command line ---
    "no-reporting": ("要生成年度汇总报告和催办函，但没有哪份文件写明各牵头单位的年度落实情况报送给谁。",
                     "按文件的工作要求在 document.yaml 中写 reporting:，如 to: 省扶贫办（汇总单位）、"
                     "summary_to: 省委、省政府（汇总报告主送机关）。"),
    "not-found": ("命令要找的东西不存在：没有这个任务、条文或单位，指定的文件、配置不存在，"
                  "或还没有任何跟踪数据。",
                  "检查名称、编号或路径的拼写；提示中给出了可选项或下一步该做什么。"),
    "bad-format": ("--format 给出的输出格式不在该命令支持的范围内。", "从提示列出的格式中选一个，如 text、json、csv、svg。"),
    "unknown-stage": ("build --only 给出的部分名称不存在。", "从提示列出的部分名称中选（如 letters、maps、site），可重复 --only。"),
    "bad-revision": ("无法读取指定的 git 版本：提交、标签或分支名写错了，知识库不在 git 仓库中，"
                     "没有安装 git，或该版本的知识库本身无法通过检查。",
                     "用 git log 查看正确的版本号或标签；该版本检查不通过时，换一个较早或较晚的版本比较。"),
    "site-failed": ("生成网站时 mkdocs 报错（严格模式下，页面中有失效的链接或模板错误）。",
                    "按提示中 mkdocs 指出的页面、链接或模板改正后重新生成；原有网站保持不变。"),
    # issue 17
    "proposed-unit": ("单位名录中有导入时新增、尚待审核的单位（警告）：名称、层级、类别是按原文推定的。",
                      "对照原文核对名称、层级（level）和类别（kind），无误后把 proposed 改为 false；"
                      "与已有单位是同一机构的，删去新条目，把名称加为已有单位的别名。"),
    "role-as-unit": ("单位名录中有一个只用分工角色命名的单位（牵头单位、各责任单位、配合部门等）：它不是哪个具体单位，"
                     "责任书没有人收。多见于正文写「牵头单位要…」、分工表在附件或上级文件中的通知。",
                     "对照分工表把任务中的这个名称改写为具体单位，删去名录中的这一条；确是一组单位的，在 members 中列出成员。"),
    "import-unreadable": ("无法读取要导入的文件：文件已损坏、格式不支持、是没有文字的扫描版 PDF，或不是它的扩展名所说的格式。",
                          "用 Word 或 WPS 打开后另存为 .docx（PDF 另存为 .docx 或把文字复制到 .txt），再导入。"),
    "import-needs-office": ("要导入的是 .doc、.wps、.xls、.et 等旧版或其他办公软件的文件，须先由 LibreOffice 转为 .docx 或 .xlsx，"
                            "但这台电脑上找不到 LibreOffice，或它无法运行。",
                            "用 Word 或 WPS 打开后另存为 .docx（表格另存为 .xlsx）再导入；或安装 LibreOffice，装在别处的用环境变量 "
                            "POLICYKB_SOFFICE 指明 soffice 的位置。"),
    "import-no-tasks": ("要导入的文件中没有找到写明单位的任务（或单位名称无法读清）。",
                        "确认导入的是分工方案本身而不只是印发通知；任务的单位应写在括注（X、Y负责）、"
                        "“牵头单位：”行或含“牵头单位”列的表格中。"),
    "import-no-date": ("要导入的文件中没有找到成文日期（落款日期、成文日期或发布日期）。", "用 --date YYYY-MM-DD 给出成文日期。"),
    "import-too-large": ("要导入的文件超出可读取的限制：解压后过大，段落、表格行、列（含合并单元格的跨列数）或单元格过多，"
                         "多为选错了文件，或文件已损坏、被篡改。读取在超限的一刻停止，什么也不写。",
                         "确认导入的是政策文件本身；文件确实很大时，只把分工方案部分另存为一个文件再导入。"),
    "import-internal": ("读取要导入的文件时程序自身出错（多为一种没见过的写法触到了读取规则的缺陷），什么也没有写出。",
                        "把原文和出错信息发给维护者；设置环境变量 POLICYKB_DEBUG=1 后重试可看到完整的出错经过。"
                        "可先把分工部分另存为一个文件再导入，或手工录入。"),
    "import-exists": ("知识库中已有同名的文件夹；导入从不覆盖已有的文件。", "用 --id 换一个文件夹名，或先把旧文件夹移走。"),
    "folder-not-empty": ("policykb init 的目标文件夹已存在且不是空的；init 从不覆盖已有的文件。",
                         "换一个新的文件夹名，或先清空该文件夹。"),
    # issue 18: hostile and careless input
    "markup-in-name": ("名称或标题（单位名称、简称、标题等）中含有 HTML 标记或实体（如 <script>、&lt;），"
                       "这些字段在网页、文件名和表格中只能是纯文字。",
                       "按原文写纯文字，删除尖括号标记和 &…; 实体。"),
    "look-alike-name": ("名称以空格或句点开头、结尾，或与另一个单位的名称只差大小写（如 省ICT办 与 省ict办），看上去与另一个名称相同，"
                        "实际却是两个不同的名称；只差大小写的两个单位，责任书和网页在 Windows、macOS 上是同一个文件，会互相覆盖。",
                        "删除名称首尾的空格（含全角空格）和句点。"),
    "form-too-large": ("报送表超出可读取的限制：解压后过大、行列过多或单元格文字过长，多为误粘贴或被篡改的文件。",
                       "用 policykb report-forms 生成的原表重新填写；每个单元格只写该项内容，不要粘贴整份文件。"),
    "date-in-future": ("报送、备注等记录的日期晚于今天，多为年份或月份写错。", "写实际发生的日期（不晚于今天）。"),
    "year-outside-period": ("年度不在政策的实施期内（早于成文年份或晚于实施期结束年份）。",
                            "写实施期内的年份，如 2016 至 2020；实施期见 document.yaml 的 period。"),
    # issue 15
    "deadline-outside-period": ("任务的时限落在文件的实施期（document.yaml 的 period）之外，多为年份写错。",
                                "对照原文核对年份；确实超出实施期时，修改 period 的起止日期。"),
    "no-period": ("文件没有写实施期（document.yaml 的 period）：责任书的有效期、作战图的时间轴只能按推定的日期计，原文并未写明。",
                  "照原文写 period 的起止日期；原文没有写明时，写上发文单位确定的有效期。"),
    # issue 24: the cascade (层层分解)
    "unknown-link-target": ("任务的 implements 或指标的 contributes 指向了知识库中没有的上级文件、任务序号或指标。",
                            "改为上级文件的文件夹名和其中存在的任务序号或指标标识（policykb link 可代为写入任务链接）。"),
    "link-level": ("任务的 implements（或指标的 contributes）指向了同级或下级文件：只能落实、计入上级文件的任务和指标。",
                   "检查两份 document.yaml 的 level 或 jurisdiction（如 湖南省、株洲市），或删去这条链接。"),
    "link-not-parent": ("任务落实（或指标计入）的文件不在本文件的 parents（上级文件）之中。",
                        "在 document.yaml 的 parents 中写明该上级文件的标题和发文字号，或改为落实已列出的上级文件的任务。"),
    "link-cycle": ("任务之间的 implements 链接绕成了一个圈。", "删去指回下级的那条链接：链接只从下级任务指向上级任务。"),
    "child-deadline-after-parent": ("下级任务的时限晚于它所落实的上级任务的全部时限。",
                                    "把时限改为不晚于上级任务的时限；不写时限则沿用上级时限（依上级时限）。"),
    "period-outside-parent": ("下级文件的实施期超出了上级文件的实施期（警告）。",
                              "对照原文核对 period 的年份；落实上级文件的方案不应晚于上级文件结束。"),
    "proposed-link": ("任务的 implements 链接是导入或 policykb cascade propose 按文字相近推定的，尚待确认（警告）。",
                      "对照两项任务核实：无误时运行 policykb link 下级任务 --confirm；不对时用 --remove 删除，"
                      "再用 policykb link 写入正确的上级任务。"),
    "parent-done-children-open": ("上级任务已记为完成（销号），但有成员的下级任务尚未完成（警告）。",
                                  "核实各成员的落实情况；未全部完成时把上级任务的状态改回推进中。"),
    "indicator-shortfall": ("下级指标没有把上级指标分解到位（警告）：各成员目标相加少于上级目标（sum），"
                            "或某个成员的目标低于、晚于上级的全面完成目标（all-done）。",
                            "核对下级方案的目标；确需调整时，由下级方案提高目标或提前时限，或在上级保留差额并写明理由。"),
    "indicator-double-count": ("同一数字被重复计入上级指标：一个成员的两个指标计入同一上级指标，"
                               "一个指标按 sum 计入两个上级指标，或下级已计入其上级方案的指标又直接计入更上一级。",
                               "每个成员的数字只计入一次：删去重复的 contributes，县的数字只计入市的指标，由市的指标计入省的指标。"),
    "indicator-not-comparable": ("指标的 contributes 声明的汇总方式无法比较：计量单位不同（如 亿元 与 万人），"
                                 "或按 sum 相加的目标年份与上级不同。",
                                 "改为同一计量单位和年份的上级指标；比率类指标写 aggregation: none。"),
}


@dataclass(frozen=True, order=True)
class Issue:
    """One problem, located compiler-style at file:line:col (1-based; 0 when unknown)."""
    file: str
    line: int
    col: int
    code: str
    message: str
    severity: Severity = "error"
    hint: str | None = None

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"undocumented issue code {self.code!r}")

    def format(self) -> str:
        head = f"{self.file}:{self.line}:{self.col}: {self.severity}[{self.code}]: {self.message}"
        return head + (f"\n  hint: {self.hint}" if self.hint else "")


@dataclass
class Report:
    issues: list[Issue] = field(default_factory=list)

    def add(self, *args, **kwargs) -> None:
        self.issues.append(Issue(*args, **kwargs))

    def extend(self, issues: Iterable[Issue]) -> None:
        self.issues.extend(issues)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "warning"]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors or (strict and self.warnings))

    def sorted(self) -> list[Issue]:
        return sorted(set(self.issues))

    def to_json(self) -> str:
        return json.dumps({"errors": len(self.errors), "warnings": len(self.warnings),
                           "issues": [asdict(i) for i in self.sorted()]},
                          ensure_ascii=False, indent=2)


class PolicyError(Exception):
    """Raised when the knowledge base cannot be used; carries the report to show."""

    def __init__(self, report: Report):
        super().__init__(f"{len(report.errors)} error(s)")
        self.report = report


# Codes about the computer rather than the knowledge base: the command exits with status 3.
ENVIRONMENT_CODES = frozenset({"font-missing", "glyph-missing", "pdf-failed", "output-unwritable", "build-locked",
                               "import-needs-office"})
# Codes about the command line: status 2, as for an unknown option.
USAGE_CODES = frozenset({"bad-format", "unknown-stage", "bad-paper", "bad-years"})


def exit_status(code: str) -> int:
    """1 a problem in the knowledge base or an input file, 2 a wrong command line, 3 the environment."""
    return 3 if code in ENVIRONMENT_CODES else 2 if code in USAGE_CODES else 1


class ToolError(Exception):
    """A mistake the user can fix (unknown unit, bad template, bad revision): shown as
    `error[code]: message` plus a hint, exit status by code (exit_status), never a traceback."""

    def __init__(self, message: str, hint: str | None = None, code: str = "error"):
        super().__init__(message)
        self.message, self.hint, self.code = message, hint, code
