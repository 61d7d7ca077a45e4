"""A tiny checkout for end-to-end tests: the real schema, shapes and checks, and a few curated rows.

The rows are written against the table headers of ``curation/spec.py`` when a test runs (a
column the rows leave out is empty), so a new optional column does not break the fixtures.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path

from nmdkg.curation.spec import ENTITY_COLUMNS, ENTITY_TABLES, SOURCE_COLUMNS, STATEMENT_TABLES
from nmdkg.paths import Project

__all__ = ["ROWS", "Row", "make_project", "table_text"]

ROOT = Path(__file__).resolve().parents[2]
Row = Mapping[str, str]

_LECTURE = {"source": "lecture", "locator": "L1"}


def _entity(id_: str, label: str, type_: str, definition: str, parents: str = "", **more: str) -> Row:
    return {"id": id_, "label": label, "type": type_, "parents": parents, "definition": definition, **_LECTURE, **more}


ROWS: dict[str, list[Row]] = {
    "sources": [
        {
            "id": "lecture",
            "title": "A lecture on immunotherapy",
            "kind": "lecture",
            "not_before": "2011",
            "file": "lecture.txt",
        }
    ],
    "disorders": [
        _entity("NMD:0000001", "autoimmune neuromuscular disorder", "disorder", "A disorder of nerve or muscle."),
        _entity("NMD:0000002", "immune-mediated neuropathy", "disorder", "An immune neuropathy.",
                "autoimmune neuromuscular disorder"),
        _entity("NMD:0000015", "multifocal motor neuropathy", "disorder", "A motor neuropathy with conduction block.",
                "immune-mediated neuropathy", xrefs="MONDO:0018979"),
    ],
    "targets": [_entity("NMD:0001020", "GM1 ganglioside", "glycolipid", "A ganglioside of the nerve membrane.")],
    "therapies": [
        _entity("NMD:0002000", "immunotherapy", "therapy class", "A therapy acting on the immune system."),
        _entity("NMD:0002001", "corticosteroids", "therapy class", "Steroids given against inflammation.",
                "immunotherapy"),
        _entity("NMD:0002004", "intravenous immunoglobulin", "drug", "Pooled human IgG.", "immunotherapy"),
        _entity("NMD:0002016", "rituximab", "drug", "An anti-CD20 monoclonal antibody.", "immunotherapy"),
    ],
    "mechanisms": [
        _entity("NMD:0003006", "antibody-mediated conduction block", "immune mechanism", "Block by autoantibodies."),
        _entity("NMD:0003051", "immunosuppression", "therapy mechanism", "Suppression of the immune response."),
        _entity("NMD:0003053", "B-cell immunosuppression", "therapy mechanism", "Suppression of B cells.",
                "immunosuppression"),
        _entity("NMD:0003054", "T-cell immunosuppression", "therapy mechanism", "Suppression of T cells.",
                "immunosuppression"),
    ],
    "conditions": [_entity("NMD:0004044", "IgA deficiency", "clinical state", "A lack of immunoglobulin A.")],
    "agents": [_entity("NMD:0005006", "Campylobacter jejuni", "bacterium", "A bacterium that causes enteritis.")],
    "antibody_findings": [
        {"id": "NMD:AF0001", "disorder": "multifocal motor neuropathy", "target": "GM1 ganglioside",
         "isotype": "IgM", "frequency": "22-85%", **_LECTURE},
    ],
    "treatment_options": [
        {"id": "NMD:TO0001", "disorder": "multifocal motor neuropathy", "therapy": "intravenous immunoglobulin",
         "line": "first", "order": "1", **_LECTURE},
        {"id": "NMD:TO0002", "disorder": "multifocal motor neuropathy", "therapy": "corticosteroids",
         "line": "avoid", "order": "2", **_LECTURE},
        {"id": "NMD:TO0003", "disorder": "multifocal motor neuropathy", "therapy": "rituximab",
         "line": "third", "order": "3", **_LECTURE},
    ],
    "therapy_mechanisms": [
        {"id": "NMD:TM0001", "therapy": "rituximab", "mechanism": "B-cell immunosuppression", **_LECTURE},
    ],
}  # fmt: skip

HEADERS: dict[str, list[str]] = {
    "sources": SOURCE_COLUMNS,
    **{t.name: ENTITY_COLUMNS for t in ENTITY_TABLES},
    **{t.name: t.header for t in STATEMENT_TABLES},
}


def table_text(name: str, rows: Sequence[Row] | None = None) -> str:
    """The TSV text of table ``name`` with ``rows`` (default: the mini project's rows)."""
    header = HEADERS[name]
    rows = ROWS.get(name, []) if rows is None else rows
    unknown = {key for row in rows for key in row} - set(header)
    assert not unknown, f"{name}: no column(s) {unknown}"
    lines = ["\t".join(header), *("\t".join(row.get(column, "") for column in header) for row in rows)]
    return "\n".join(lines) + "\n"


def make_project(root: Path) -> Project:
    """Write the mini checkout under ``root``: real ontology/, shapes/, queries/qc/; mini curation/."""
    shutil.copytree(ROOT / "ontology", root / "ontology")
    shutil.copytree(ROOT / "shapes", root / "shapes")
    shutil.copytree(ROOT / "queries" / "qc", root / "queries" / "qc")
    (root / "curation").mkdir()
    for name in HEADERS:
        (root / "curation" / f"{name}.tsv").write_text(table_text(name), encoding="utf-8", newline="\n")
    return Project(root)
