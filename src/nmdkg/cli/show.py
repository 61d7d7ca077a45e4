"""``nmdkg show ENTITY``: an entity's facts as a tree with their sources; ``--svg FILE`` writes its diagram."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..atomic import write_text
from ..errors import ParameterError
from ..lookups import Lookups
from ..manifest import STORE, ensure_built
from ..paths import find_project
from ..prefixes import compact
from ..queries import resolve_entity
from ..store import EmbeddedStore

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("entity", help="a label, synonym (e.g. MMN), NMD id (NMD:0000015) or IRI")
    parser.add_argument(
        "--svg", type=Path, metavar="FILE", help="also write the disorder's diagram (as on its web page) to FILE"
    )


def run(args: argparse.Namespace) -> int:
    import pyoxigraph

    from ..pictures.diagram import read_diagram, render_svg, to_dot
    from ..pictures.tree import render_tree
    from ..server.entities import EntityReader
    from ..server.entity_pictures import is_disorder

    project = find_project()
    ensure_built(project)
    store = pyoxigraph.Store.read_only(str(project.build / STORE))
    iri = resolve_entity(args.entity, EmbeddedStore(store), project.queries).value
    lookups = Lookups(store, project.queries / "internal")
    entity = EntityReader(lookups).read(iri)
    if entity.empty:
        # Only an IRI or NMD id can get here: a name resolves to an entity with that label, or fails with
        # close matches in resolve_entity.
        raise ParameterError(f"the graph has nothing about {compact(iri)}")
    if args.svg is not None:
        if not is_disorder(entity):
            raise ParameterError(f"diagrams are drawn for disorders; {entity.label} ({compact(iri)}) is not one")
        write_text(args.svg, render_svg(to_dot(read_diagram(lookups, iri, entity.label))))
        print(f"nmdkg show: wrote the diagram of {entity.label} to {args.svg}", file=sys.stderr)
    sys.stdout.write(render_tree(entity))
    return 0
