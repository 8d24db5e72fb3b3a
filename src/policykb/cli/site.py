"""`policykb site`: build the static site; the CLI reference page generated from the command tree.

Regenerate the committed reference with `PYTHONPATH=src python -m policykb.cli.site > docs/guide/cli.md`.
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Optional

import typer

from .. import paths
from ..output import staged_output, writing
from ..issues import PolicyError
from . import PoliciesOption, UserError, app, err, graph, info, parse_date, print_report, site_problems, track

CLI_PAGE = "guide/cli.md"


@app.command("site")
def site(output: Path = typer.Option(Path(paths.BUILD) / "site", "--output", "-o", help="网站输出文件夹。"),
         zip_: bool = typer.Option(False, "--zip", help="另外生成一个 zip（输出文件夹名.zip），可拷贝到内网电脑直接打开。"),
         as_of: Optional[str] = typer.Option(None, "--as-of", help="以哪一天为准（YYYY-MM-DD），默认今天。"),
         policies: Path = PoliciesOption,
         templates: Optional[Path] = typer.Option(None, "--templates", help="模板文件夹，默认 templates/，没有时用自带的。"),
         config: Optional[Path] = typer.Option(None, "--config",
                                               help="mkdocs.yml 的位置，默认当前文件夹的，没有时用自带的。")) -> None:
    """生成网站：条文、任务、单位、指标、时间表、下载，支持中文搜索，可离线打开（失败时保留上一次的输出）。"""
    from ..render import site as rendering
    from ..track import load_tracking, statuses
    config = config or paths.project_file(paths.SITE_CONFIG)
    templates = templates or paths.default_templates()
    if not config.is_file():
        raise UserError(f"找不到网站设置 '{config}'", hint="在知识库文件夹中运行，或用 --config 指明 mkdocs.yml",
                        code="not-found")
    date = parse_date(as_of)
    pg = graph(policies)
    tracking = load_tracking(policies, pg.kb)
    build = Path(paths.BUILD)
    with site_problems(), staged_output(output) as folder:
        pages = rendering.render_site(pg, folder, as_of=date, templates=templates, policies=policies,
                                      config=config, handwritten=paths.project_file(paths.SITE_DOCS, config.parent),
                                      letters=build / "letters", maps=build / "maps", tracking=tracking,
                                      statuses=statuses(pg, tracking, date),
                                      charts=build / "tracking" / rendering.CHARTS,
                                      extra={CLI_PAGE: cli_reference()}, track=track)
    info(f"已生成 {len(pages)} 个页面：{output}/（打开 {output}/index.html）")
    if zip_:
        with writing(output.with_suffix(".zip")):
            target = rendering.zip_site(output, output.with_suffix(".zip"))
        info(f"已写出 {target}")


@app.command("serve")
def serve(host: str = typer.Option("127.0.0.1", "--host", help="监听的地址；127.0.0.1 只有本机能看到。"),
          port: int = typer.Option(8000, "--port", help="端口。"),
          as_of: Optional[str] = typer.Option(None, "--as-of", help="以哪一天为准（YYYY-MM-DD），默认今天。"),
          policies: Path = PoliciesOption,
          templates: Optional[Path] = typer.Option(None, "--templates", help="模板文件夹，默认 templates/，没有时用自带的。"),
          config: Optional[Path] = typer.Option(None, "--config", help="mkdocs.yml 的位置，默认当前文件夹的，没有时用自带的。"),
          output: Path = typer.Option(Path(paths.BUILD) / "preview", "--output", "-o",
                                      help="预览网站放在哪里（每次修改后整体替换）。")) -> None:
    """边改边看：在本机打开网站，修改 policies/、templates/、docs/ 或 mkdocs.yml 后自动重新生成并刷新浏览器。"""
    from .. import live
    config = config or paths.project_file(paths.SITE_CONFIG)
    if not config.is_file():
        raise UserError(f"找不到网站设置 '{config}'", hint="在知识库文件夹中运行，或用 --config 指明 mkdocs.yml",
                        code="not-found")
    day = parse_date(as_of) if as_of else None
    preview = live.Preview(policies=policies, templates=templates or paths.default_templates(), config=config,
                           folder=Path(os.path.abspath(output)), as_of=(lambda: day) if day else dt.date.today,
                           extra=lambda: {CLI_PAGE: cli_reference()})

    def report(problem: Exception | None) -> None:
        if problem is None:
            info(f"网站已更新：http://{host}:{port}/ （Ctrl+C 停止）")
        elif isinstance(problem, PolicyError):
            print_report(problem.report)
            err.print("知识库有错误：浏览器中仍是上一次的网站，改正后会自动更新", markup=False)
        else:
            err.print(f"error[{problem.code}]: {problem.message}", markup=False, soft_wrap=True)

    live.serve(preview, host, port, report, guard=site_problems)


def _params(command: object) -> list[str]:
    lines = []
    for p in command.params:
        if p.param_type_name == "argument":
            lines.append(f"| `{p.name.upper()}` | 参数 | {getattr(p, 'help', None) or ''} |")
        elif p.param_type_name == "option" and not getattr(p, "hidden", False):
            names = ", ".join(f"`{o}`" for o in p.opts + p.secondary_opts)
            default = "" if p.default in (None, False, ()) or p.is_flag else f"（默认 `{p.default}`）"
            lines.append(f"| {names} | 选项 | {(p.help or '').replace('|', '/')}{default} |")
    return lines


def commands() -> dict[str, object]:
    """Every command of the `policykb` tree, by its full name ('check', 'track record' …)."""
    root = typer.main.get_command(app)
    found: dict[str, object] = {}

    def walk(group, prefix: str) -> None:
        for name, cmd in sorted(getattr(group, "commands", {}).items()):
            if getattr(cmd, "hidden", False):
                continue
            found[f"{prefix}{name}"] = cmd
            walk(cmd, f"{prefix}{name} ")

    walk(root, "")
    return found


def cli_reference() -> str:
    """The CLI reference page (Markdown), generated from the command tree."""
    out = ["# 命令参考", "",
           "本页由命令本身生成（`python -m policykb.cli.site > docs/guide/cli.md`），与 `policykb --help` 一致。",
           "每个命令都可以加 `--help` 查看说明。", "",
           "## 通用选项与退出码", "",
           "写在命令名之前，如 `policykb -q build`：", "",
           "| 名称 | 类型 | 说明 |", "|---|---|---|", *_params(typer.main.get_command(app)), "",
           "成功时结果和摘要写到标准输出（`-q` 关掉），标准错误只用来报告问题。退出码：", "",
           "| 退出码 | 含义 |", "|---|---|",
           "| 0 | 成功 |",
           "| 1 | 知识库或输入文件有问题（消息指出文件:行:列） |",
           "| 2 | 命令行用错：未知的选项、阶段、格式、纸张，或日期写错 |",
           "| 3 | 运行环境缺东西：字体、LibreOffice，或输出文件夹不可写、正被另一次构建占用 |", ""]
    for name, cmd in commands().items():
        out += [f"## policykb {name}", "", (cmd.help or "").strip().split("\n\n")[0], ""]
        rows = _params(cmd)
        if rows:
            out += ["| 名称 | 类型 | 说明 |", "|---|---|---|", *rows, ""]
    return "\n".join(out)


if __name__ == "__main__":
    import sys
    sys.stdout.write(cli_reference())
