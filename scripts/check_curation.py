"""Quick curator self-check used while the build is being written: ids, labels, quotes."""

import csv
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent / "curation"
SEEDS = Path(__file__).resolve().parents[2] / "shared"
ENTITY_TABLES = ["disorders", "targets", "therapies", "mechanisms", "conditions", "agents"]
REF_COLS = {
    "disorder", "target", "therapy", "mechanism", "condition", "effect", "agent", "test",
    "combined_with", "parents",
}


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def main() -> int:
    errors: list[str] = []
    sources = {r["id"]: r for r in csv.DictReader(open(HERE / "sources.tsv"), delimiter="\t")}
    labels: dict[str, str] = {}
    ids: set[str] = set()
    for path in sorted(HERE.glob("*.tsv")):
        if path.name == "sources.tsv":
            continue
        for lineno, row in enumerate(csv.DictReader(open(path), delimiter="\t"), start=2):
            if row["id"] in ids:
                errors.append(f"{path.name}:{lineno}: duplicate id {row['id']}")
            ids.add(row["id"])
            if path.stem in ENTITY_TABLES:
                labels[row["label"]] = row["id"]
    for path in sorted(HERE.glob("*.tsv")):
        if path.name == "sources.tsv":
            continue
        for lineno, row in enumerate(csv.DictReader(open(path), delimiter="\t"), start=2):
            if None in row or any(v is None for v in row.values()):
                errors.append(f"{path.name}:{lineno}: wrong number of columns")
                continue
            for col in REF_COLS & row.keys():
                for ref in filter(None, (v.strip() for v in row[col].split("|"))):
                    if ref not in labels and ref not in ids:
                        errors.append(f"{path.name}:{lineno}: column {col}: unknown entity {ref!r}")
            src = row.get("source", "")
            if not src:
                errors.append(f"{path.name}:{lineno}: no source")
                continue
            if src not in sources:
                errors.append(f"{path.name}:{lineno}: unknown source {src!r}")
                continue
            seed = SEEDS / sources[src]["file"]
            m = re.fullmatch(r"L(\d+)(?:-L(\d+))?", row.get("locator", ""))
            if not seed.exists():
                continue
            if not m:
                errors.append(f"{path.name}:{lineno}: bad locator {row.get('locator')!r}")
                continue
            lines = seed.read_text(encoding="utf-8").splitlines()
            start, end = int(m[1]), int(m[2] or m[1])
            window = norm(" ".join(lines[start - 1 : end]))
            if not row.get("quote") or norm(row["quote"]) not in window:
                errors.append(f"{path.name}:{lineno}: quote not found at {row['locator']}: {row.get('quote')!r}")
    print("\n".join(errors) or "ok")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
