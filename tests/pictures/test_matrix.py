"""The treatment matrix: the lecture's table reads off it cell for cell, and each filter keeps what it says."""

from __future__ import annotations

import csv
from pathlib import Path

import rdflib
from rdflib.namespace import SKOS

from nmdkg.lookups import Lookups
from nmdkg.paths import Project
from nmdkg.pictures import facts
from nmdkg.pictures.lines import LINES
from nmdkg.pictures.matrix import Filters, build_matrix

#: Transcribed by hand from the lecture (tests/queries/test_treatment_table.py says how).
GOLDEN = Path(__file__).resolve().parents[1] / "queries" / "golden"
TABLE = "https://w3id.org/nmdkg/source/lecture-treatment-table"
FCRN = "FcRn antagonism"


def test_the_lecture_table_reads_off_the_matrix_in_its_order(options: list[facts.Option]) -> None:
    """Against the table transcribed by hand from the lecture (never generated from the graph)."""
    with (GOLDEN / "treatment-options.csv").open(encoding="utf-8") as handle:
        expected = [(r["disorder"], r["therapy"], r["option"]) for r in csv.DictReader(handle)]
    matrix = build_matrix(options, Filters(source=TABLE))
    actual = [
        (row.label, column.label, ", ".join(o.codes for o in matrix.cell(row, column)))
        for row in matrix.rows
        for column in matrix.columns
        if matrix.cell(row, column)
    ]
    assert actual == expected
    assert [c.label for c in matrix.columns][:3] == ["corticosteroids", "intravenous immunoglobulin", "plasma exchange"]


def test_mmn_corticosteroids_is_avoid(options: list[facts.Option]) -> None:
    matrix = build_matrix(options, Filters())
    row = next(r for r in matrix.rows if r.label == "multifocal motor neuropathy")
    column = next(c for c in matrix.columns if c.label == "corticosteroids")
    assert "avoid" in [o.words for o in matrix.cell(row, column)]


def test_every_option_is_in_the_unfiltered_matrix_once(options: list[facts.Option]) -> None:
    matrix = build_matrix(options, Filters())
    shown = [o.iri for cell in matrix.cells.values() for o in cell]
    assert sorted(shown) == sorted(o.iri for o in options)
    assert len(options) > 200


def test_the_era_filter_splits_the_lecture_from_the_2020_sources(options: list[facts.Option]) -> None:
    recent = build_matrix(options, Filters(source="since-2020"))
    earlier = build_matrix(options, Filters(source="before-2020"))
    assert recent.options + earlier.options == len(options)
    assert all(int(o.year) >= 2020 for cell in recent.cells.values() for o in cell)
    assert {c.label for c in recent.columns} >= {"ravulizumab", "efgartigimod alfa", "nipocalimab"}
    assert "ravulizumab" not in {c.label for c in earlier.columns}
    assert "eculizumab" in {c.label for c in earlier.columns}  # REGAIN, 2017


def test_the_group_filter_keeps_one_disorder_group(options: list[facts.Option]) -> None:
    groups = {o.group_label: o.group for o in options}
    matrix = build_matrix(options, Filters(group=groups["idiopathic inflammatory myopathy"]))
    assert {r.label for r in matrix.rows} >= {"polymyositis", "dermatomyositis", "inclusion body myositis"}
    assert all(r.group == "idiopathic inflammatory myopathy" for r in matrix.rows)


def test_the_mechanism_filter_keeps_the_therapies_of_that_class(lookups: Lookups, options: list[facts.Option]) -> None:
    labels, mechanisms_of = facts.mechanism_classes(lookups)
    fcrn = next(iri for iri, label in labels.items() if label == FCRN)
    matrix = build_matrix(options, Filters(mechanism=fcrn), mechanism_labels=labels, mechanisms_of=mechanisms_of)
    columns = {c.label for c in matrix.columns}
    # IVIg is there because the lecture states it saturates FcRn (therapy_mechanisms.tsv, NMD:TM0006).
    assert {"efgartigimod alfa", "rozanolixizumab", "nipocalimab", "intravenous immunoglobulin"} <= columns
    assert not columns & {"corticosteroids", "eculizumab", "rituximab"}
    assert (FCRN, fcrn) in {(label, iri) for iri, label in matrix.mechanisms}


def test_a_source_dated_by_a_lower_bound_says_so(options: list[facts.Option]) -> None:
    lecture = next(o for o in options if o.source == TABLE)
    assert lecture.when == "≥2011"
    dated = next(o for o in options if o.source.endswith("/anti-nf155-nodopathy"))
    assert dated.when == "2021"


def test_the_legend_codes_are_the_ontologys_notations(built: Project) -> None:
    """lines.py repeats the codes for the legend, which needs no graph: they must not drift from the ontology."""
    schema = rdflib.Graph().parse(built.ontology)
    notations = {str(s).rsplit("/", 1)[-1]: str(o) for s, o in schema.subject_objects(SKOS.notation)}
    assert notations, "the ontology gives no skos:notation"
    assert {name: LINES[name].code for name in notations} == notations
