"""The parameter sets each named query is tested with; each case has one golden file.

A case's golden file is ``golden/<query>.csv`` for the case without a name and
``golden/<query>--<case>.csv`` otherwise. Parameters are what a user types (labels, synonyms).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["CASES", "GOLDEN", "Case"]

GOLDEN = Path(__file__).parent / "golden"


@dataclass(frozen=True)
class Case:
    """One (query, parameter set) pair with a golden result."""

    query: str
    name: str = ""
    params: dict[str, str] = field(default_factory=dict)
    #: Transcribed by hand from the source; ``--generate-snapshots`` never rewrites it.
    handwritten: bool = False

    @property
    def slug(self) -> str:
        return f"{self.query}--{self.name}" if self.name else self.query

    @property
    def golden(self) -> Path:
        return GOLDEN / f"{self.slug}.csv"


MMN = "multifocal motor neuropathy"
CIDP = "chronic inflammatory demyelinating polyradiculoneuropathy"
MG = "myasthenia gravis"
IVIG = "intravenous immunoglobulin"

CASES: tuple[Case, ...] = (
    Case("antibody-profile", "mmn", {"disorder": MMN}),
    Case("antibody-profile", "mg", {"disorder": MG}),
    Case("b-cell-therapies-igm-neuropathies"),
    Case("changed-options"),
    Case("changed-options", "mg", {"disorder": MG}),
    Case(
        "current-options",
        "gmg-achr",
        {"disorder": "generalized myasthenia gravis", "antibody": "acetylcholine receptor"},
    ),
    Case("current-options", "cidp", {"disorder": CIDP}),
    Case("disorders-by-isotype", "igm", {"isotype": "IgM"}),
    Case("disorders-by-isotype", "igg", {"isotype": "IgG"}),
    Case("disorders-by-mechanism", "humoral", {"mechanism": "humoral immunity"}),
    Case("disorders-by-mechanism", "mimicry", {"mechanism": "molecular mimicry"}),
    Case("disorders-by-target", "gm1", {"target": "ganglioside GM1"}),
    Case("disorders-by-target", "mag", {"target": "myelin-associated glycoprotein"}),
    Case("disorders-lacking-xref"),
    Case("disorders-triggered-by", "campylobacter", {"agent": "Campylobacter jejuni"}),
    Case("disorders-triggered-by", "infection", {"agent": "infection trigger"}),
    Case("disorders-with-condition", "neoplasm", {"condition": "neoplasm"}),
    Case("disorders-with-condition", "thymoma", {"condition": "thymoma"}),
    Case("dosing", "ivig-mmn", {"therapy": IVIG, "disorder": MMN}),
    Case("dosing", "ivig", {"therapy": IVIG}),
    Case("facts-lacking-source"),
    Case("options-by-line", "mmn-first", {"disorder": MMN}),
    Case("options-by-line", "mmn-avoid", {"disorder": MMN, "line": "avoid"}),
    Case("side-effects", "ivig", {"therapy": IVIG}),
    Case("therapies-by-mechanism", "fcrn", {"mechanism": "FcRn antagonism"}),
    Case("therapies-by-mechanism", "b-cell", {"mechanism": "B-cell immunosuppression"}),
    Case("therapies-in-setting", "mg-crisis", {"disorder": MG, "setting": "crisis"}),
    Case("therapies-in-setting", "mg-maintenance", {"disorder": MG}),
    Case("therapies-with-caution", "iga-deficiency", {"condition": "IgA deficiency"}),
    Case("treatment-options", handwritten=True),
    Case("treatment-options", "mmn", {"disorder": MMN}),
)
