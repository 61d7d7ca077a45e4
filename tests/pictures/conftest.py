"""Fixtures: the internal lookups on the built store, and the records every picture is drawn from."""

from __future__ import annotations

import pyoxigraph
import pytest

from nmdkg.lookups import Lookups
from nmdkg.manifest import STORE
from nmdkg.paths import Project
from nmdkg.pictures import facts

#: Entities the pictures are checked on (NMD ids from curation/*.tsv).
MMN = "https://w3id.org/nmdkg/NMD_0000015"
MG = "https://w3id.org/nmdkg/NMD_0000031"
ACHR = "https://w3id.org/nmdkg/NMD_0001001"
GM1 = "https://w3id.org/nmdkg/NMD_0001011"


@pytest.fixture(scope="session")
def lookups(built: Project) -> Lookups:
    return Lookups(pyoxigraph.Store.read_only(str(built.build / STORE)), built.queries / "internal")


@pytest.fixture(scope="session")
def options(lookups: Lookups) -> list[facts.Option]:
    return facts.options(lookups)
