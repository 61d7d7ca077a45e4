"""``nmd.sssom.tsv`` lists every cross-reference as a well-formed SSSOM mapping."""

from __future__ import annotations

import csv

import pytest
from rdflib import Graph, URIRef

from nmdkg.export import ExportResult
from nmdkg.namespaces import RDFS, SKOS
from nmdkg.prefixes import PREFIXES, converter

from .checkout import MULTIFOCAL_MOTOR_NEUROPATHY, VERSION

HEADER = ["subject_id", "subject_label", "predicate_id", "object_id", "mapping_justification"]


def read_sssom(release: ExportResult) -> tuple[list[str], list[dict[str, str]]]:
    lines = (release.folder / "nmd.sssom.tsv").read_text(encoding="utf-8").splitlines()
    metadata = [line[2:] for line in lines if line.startswith("# ")]
    rows = list(csv.DictReader([line for line in lines if not line.startswith("#")], delimiter="\t"))
    return metadata, rows


@pytest.fixture(scope="module")
def graph(release: ExportResult) -> Graph:
    return Graph().parse(release.folder / "nmd.nt", format="nt")


def test_metadata_header(release: ExportResult) -> None:
    metadata, _ = read_sssom(release)
    assert f"mapping_set_id: https://w3id.org/nmdkg/releases/{VERSION}/nmd.sssom.tsv" in metadata
    assert "license: https://creativecommons.org/licenses/by/4.0/" in metadata
    assert "curie_map:" in metadata
    assert "  NMD: https://w3id.org/nmdkg/NMD_" in metadata
    assert "  semapv: https://w3id.org/semapv/vocab/" in metadata


def test_columns(release: ExportResult) -> None:
    lines = (release.folder / "nmd.sssom.tsv").read_text(encoding="utf-8").splitlines()
    assert next(line for line in lines if not line.startswith("#")).split("\t") == HEADER


def test_every_cross_reference_is_a_row(release: ExportResult, graph: Graph) -> None:
    _, rows = read_sssom(release)
    expected = {
        (converter().compress(str(s)), converter().compress(str(o)))
        for p in (SKOS.exactMatch, SKOS.closeMatch)
        for s, o in graph.subject_objects(p)
    }
    assert {(row["subject_id"], row["object_id"]) for row in rows} == expected
    assert ("NMD:0000015", "MONDO:0018979") in expected


def test_every_row_is_well_formed(release: ExportResult, graph: Graph) -> None:
    metadata, rows = read_sssom(release)
    curie_map = {line.split(": ")[0].strip() for line in metadata if line.startswith("  ")}
    assert rows
    for row in rows:
        assert row["subject_id"].startswith("NMD:"), row
        assert (URIRef(converter().expand_strict(row["subject_id"])), None, None) in graph, row
        assert row["predicate_id"] in {"skos:exactMatch", "skos:closeMatch"}, row
        prefix = row["object_id"].partition(":")[0]
        assert prefix in PREFIXES and prefix in curie_map, row
        assert row["mapping_justification"] == "semapv:ManualMappingCuration"
        assert row["subject_label"], row


def test_subject_labels_are_the_entity_labels(release: ExportResult, graph: Graph) -> None:
    _, rows = read_sssom(release)
    labels = {row["subject_id"]: row["subject_label"] for row in rows}
    assert labels["NMD:0000015"] == str(graph.value(MULTIFOCAL_MOTOR_NEUROPATHY, RDFS.label))
