"""Assemble the cascade demo's knowledge base: the bundled provincial policy, the constructed 市 and 县
plans beside it, their units appended to the registry, and each plan task's intended links.

    python examples/cascade-demo/assemble.py /tmp/cascade            # links from truth.yaml
    python examples/cascade-demo/assemble.py /tmp/cascade --unlinked # no links: for the link proposer
    python examples/cascade-demo/assemble.py /tmp/cascade --on-time  # without the deliberately late deadline

The bundled policy is copied, not edited: its tasks stay as they are; the copy's document.yaml gets a
`cascade:` block naming the tasks every 市州 must carry out in a plan of its own (constructed too).
"""
from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import yaml

from policykb import yamlio

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
PROVINCE = "hunan-2016-implementation-opinions"
# Constructed: the provincial tasks every 市州 is asked to break down in its own plan.
PROVINCE_CASCADE = "\ncascade:\n  to: 各市州、县市区党委和政府\n  tasks: [9, 12, 21, 30, 35, 50, 66, 69, 81]\n"
LATE = ("youxian-2016-implementation-plan", 5)  # 攸县 task 5: 2019年6月底前, its parent 株洲 task 8 says 2018


def assemble(target: Path, linked: bool = True, on_time: bool = False) -> Path:
    """Write the demo knowledge base into target (which must not exist); returns target."""
    shutil.copytree(REPO / "policies", target)
    units = (target / "units.yaml").read_text(encoding="utf-8")
    extra = (HERE / "units.yaml").read_text(encoding="utf-8").split("units:\n", 1)[1]
    (target / "units.yaml").write_text(units.rstrip("\n") + "\n" + extra, encoding="utf-8")
    with open(target / PROVINCE / "document.yaml", "a", encoding="utf-8") as doc:
        doc.write(PROVINCE_CASCADE)
    for plan in sorted((HERE / "plans").iterdir()):
        shutil.copytree(plan, target / plan.name)
        for path in (target / plan.name).rglob("*.yaml"):  # schema paths as seen from inside policies/
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace("../../../../../policies/schemas/", "../../schemas/")
                            .replace("../../../../policies/schemas/", "../schemas/"), encoding="utf-8")
    truth = yaml.safe_load((HERE / "truth.yaml").read_text(encoding="utf-8"))
    for doc_id, tasks in truth.items():
        for number, links in tasks.items():
            path = target / doc_id / "tasks" / f"{number:03d}.yaml"
            with yamlio.edit(path) as data:
                if linked and links:
                    data["implements"] = links
                if on_time and (doc_id, number) == LATE:
                    data["deadlines"] = []
    if not linked:  # indicators' contributions are links too
        for path in sorted(target.glob("*/indicators.yaml")):
            with yamlio.edit(path) as data:
                for indicator in data.get("indicators") or []:
                    indicator.pop("contributes", None)
    return target


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target", type=Path, help="a folder that does not exist yet")
    parser.add_argument("--unlinked", action="store_true", help="leave out the intended links")
    parser.add_argument("--on-time", action="store_true", help="leave out the deliberately late deadline")
    args = parser.parse_args()
    print(assemble(args.target, linked=not args.unlinked, on_time=args.on_time))
