"""``void.ttl`` describes the release truthfully: its counts are the real counts, its links the real files."""

from __future__ import annotations

import pyoxigraph
import pytest
from rdflib import Graph, URIRef, namespace

from nmdkg.export import ExportResult
from nmdkg.namespaces import DCTERMS, NMD, RDFS

from .checkout import VERSION

DATASET = URIRef("https://w3id.org/nmdkg/dataset")
INFERRED = URIRef("https://w3id.org/nmdkg/dataset/inferred")
# Through the module: pytest probes module globals, and rdflib's DCAT warns on unknown attributes.
VOID = namespace.VOID
DISTRIBUTION, BYTE_SIZE, MEDIA_TYPE = (namespace.DCAT[t] for t in ("distribution", "byteSize", "mediaType"))


@pytest.fixture(scope="module")
def void(release: ExportResult) -> Graph:
    return Graph().parse(release.folder / "void.ttl", format="turtle")


def count(path: object, fmt: pyoxigraph.RdfFormat) -> int:
    return sum(1 for _ in pyoxigraph.parse(path=path, format=fmt))


def test_triple_count_is_the_real_count(release: ExportResult, void: Graph) -> None:
    real = count(release.folder / "nmd.nt", pyoxigraph.RdfFormat.N_TRIPLES)
    assert void.value(DATASET, VOID.triples).toPython() == real


def test_inferred_subset_count_is_the_real_count(release: ExportResult, void: Graph) -> None:
    real = count(release.folder / "nmd-inferred.ttl", pyoxigraph.RdfFormat.TURTLE)
    assert (DATASET, VOID.subset, INFERRED) in void
    assert void.value(INFERRED, VOID.triples).toPython() == real


def test_version_license_and_issued(void: Graph) -> None:
    assert str(void.value(DATASET, DCTERMS.issued)) == VERSION
    assert void.value(DATASET, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")


def test_counts_vocabularies_and_examples(release: ExportResult, void: Graph) -> None:
    asserted = Graph().parse(release.folder / "nmd.nt", format="nt")
    assert void.value(DATASET, VOID.classes).toPython() > 0
    assert void.value(DATASET, VOID.entities).toPython() > 0
    vocabularies = set(void.objects(DATASET, VOID.vocabulary))
    assert URIRef("http://www.w3.org/2004/02/skos/core#") in vocabularies
    assert URIRef("https://w3id.org/nmdkg/nmd.owl") in vocabularies
    examples = set(void.objects(DATASET, VOID.exampleResource))
    assert examples
    assert all((example, RDFS.subClassOf, None) in asserted for example in examples)
    assert any((example, RDFS.subClassOf, NMD.Disorder) in asserted for example in examples)
    assert void.value(DATASET, VOID.sparqlEndpoint) is not None


def test_distributions_are_the_release_files(release: ExportResult, void: Graph) -> None:
    base = f"https://w3id.org/nmdkg/releases/{VERSION}/"
    distributions = set(void.objects(DATASET, DISTRIBUTION))
    named = {str(d).removeprefix(base) for d in distributions}
    assert named == set(release.sizes) - {"void.ttl", "RELEASE-NOTES.md"}
    for distribution in distributions:
        name = str(distribution).removeprefix(base)
        assert void.value(distribution, BYTE_SIZE).toPython() == (release.folder / name).stat().st_size
        assert void.value(distribution, MEDIA_TYPE) is not None
    dumps = {str(d).removeprefix(base) for d in void.objects(DATASET, VOID.dataDump)}
    assert dumps == {"nmd.owl", "nmd.ttl", "nmd.nt", "nmd.jsonld"}
