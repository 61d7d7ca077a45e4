"""Time `nmdkg validate` on a copy of the checkout with synthetic statements (docs/validation.md).

The copy takes the real entity tables (filling in a source where a row has none yet) and adds
``--scale`` x (250 treatment options, 60 antibody findings, 30 rows of every other statement
table) with valid random values. Nothing in the checkout is written.

    .venv/bin/python scripts/validation_benchmark.py --scale 1 --runs 3
    .venv/bin/python scripts/validation_benchmark.py --copy-to /tmp/bench
    time NMDKG_ROOT=/tmp/bench .venv/bin/nmdkg validate
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path

from nmdkg.curation.spec import ENTITY_TABLES, ISOTYPES, SETTINGS, STATEMENT_TABLES, Kind
from nmdkg.curation.tables import read_table
from nmdkg.paths import Project, find_project
from nmdkg.validation.runner import validate

SIZES = {"treatment_options": 250, "antibody_findings": 60}
KIND_OF = {"therapy_mechanisms": "therapy mechanism", "disorder_mechanisms": "immune mechanism"}


def _cell(kind: Kind, name: str, choices: tuple[str, ...], required: bool, rng: random.Random) -> str:
    if kind is Kind.ISOTYPE:
        return rng.choice(list(ISOTYPES))
    if kind is Kind.LINE:
        return rng.choice(["first", "second", "third", "individual cases"])
    if kind is Kind.SETTING:
        return rng.choice([*SETTINGS, ""])
    if kind is Kind.CHOICE:
        return rng.choice([c for c in choices if c not in ("course", "onset age")]) if required else ""
    if kind is Kind.FREQUENCY:
        return rng.choice(["22-85%", "43%", "common", "", ">50%"])
    if kind is Kind.AMOUNT:
        return rng.choice(["2", "0.75-1.5", "1-2"])
    if kind is Kind.RATE_OR_TEXT:
        return rng.choice(["1-2/100,000", "rare"])
    return "some text" if required else ""


def make_copy(project: Project, folder: Path, scale: int) -> Project:
    """A checkout in ``folder``: the real schema, shapes and checks; the tables as described above."""
    rng = random.Random(1)  # noqa: S311 - reproducible test data, not security
    shutil.copytree(project.ontology.parent, folder / "ontology")
    shutil.copytree(project.shapes, folder / "shapes")
    shutil.copytree(project.queries / "qc", folder / "queries" / "qc")
    shutil.copytree(project.curation, folder / "curation")
    labels: dict[str, list[str]] = {}
    for table in ENTITY_TABLES:
        path = folder / "curation" / table.file
        parsed = read_table(path, required_columns=["id"])
        lines = ["\t".join(parsed.header)]
        for row in parsed.rows:
            provenance = {"source": row.get("source") or "lecture", "locator": row.get("locator") or "L1"}
            values = dict(row.values) | provenance
            lines.append("\t".join(values[c] for c in parsed.header))
            labels.setdefault(table.name, []).append(row.get("label"))
            labels.setdefault(f"{table.name}:{row.get('type')}", []).append(row.get("label"))
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for table in STATEMENT_TABLES:
        rows = ["\t".join(table.header)]
        for number in range(1, SIZES.get(table.name, 30) * scale + 1):
            cells = [f"NMD:{table.id_kind}{number:04d}"]
            for column in table.columns:
                if column.kind is Kind.ENTITY:
                    pool = labels[column.references or ""]
                    if column.name == "mechanism":
                        pool = labels[f"mechanisms:{KIND_OF[table.name]}"]
                    elif column.name == "test":
                        pool = labels["conditions:laboratory test"]
                    cells.append(rng.choice(pool) if column.required or rng.random() < 0.5 else "")
                elif column.kind is Kind.INTEGER:
                    cells.append(str(number))
                else:
                    cells.append(_cell(column.kind, column.name, column.choices, column.required, rng))
            rows.append("\t".join([*cells, "lecture", f"L{number}", "", ""]))
        (folder / "curation" / table.file).write_text("\n".join(rows) + "\n", encoding="utf-8")
    return Project(folder)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1, help="multiply the synthetic statements (default 1)")
    parser.add_argument("--runs", type=int, default=3, help="validations to time (default 3)")
    parser.add_argument("--no-reasoner", action="store_true", help="skip HermiT")
    parser.add_argument("--copy-to", type=Path, metavar="DIR", help="only write the copy to DIR (a new folder)")
    args = parser.parse_args()
    if args.copy_to:
        make_copy(find_project(), args.copy_to, args.scale)
        print(f"wrote {args.copy_to}: time it with NMDKG_ROOT={args.copy_to} nmdkg validate")
        return 0
    with tempfile.TemporaryDirectory(prefix="nmdkg-bench-") as tmp:
        copy = make_copy(find_project(), Path(tmp), args.scale)
        for run in range(1, args.runs + 1):
            started = time.perf_counter()
            report = validate(copy, reasoner=not args.no_reasoner)
            total = time.perf_counter() - started
            steps = ", ".join(f"{step} {secs:.2f} s" for step, secs in report.seconds.items())
            print(f"run {run}: {report.triples} triples, {len(report.findings)} findings, {total:.2f} s ({steps})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
