"""The report model and its formats, syntax errors with their lines, and locating blank nodes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import BNode, Graph, URIRef

from nmdkg.errors import CurationError
from nmdkg.namespaces import NMD, OWL, RDF, RDFS, entity_iri
from nmdkg.validation.findings import Engine, Finding, Report, Severity
from nmdkg.validation.inputs import RdfInput, parse_rdf
from nmdkg.validation.locate import Locator
from nmdkg.validation.render import Format, render

MMN = str(entity_iri("NMD:0000015"))
RITUXIMAB = entity_iri("NMD:0002016")


def _finding(check: str, severity: Severity, engine: Engine, **more: object) -> Finding:
    values: dict = {"focus": MMN, "label": "MMN", "file": "curation/disorders.tsv", "line": 4, **more}
    return Finding(check=check, severity=severity, message=f"{check} message", engine=engine, **values)


def test_severities_map_to_shacl() -> None:
    for severity in Severity:
        assert Severity.from_shacl(severity.shacl) is severity


def test_one_engine_per_check_and_entity() -> None:
    report = Report()
    report.extend([_finding("missing_label", Severity.ERROR, Engine.QC)])
    report.extend([_finding("missing_label", Severity.ERROR, Engine.SHACL, column="label")])
    report.extend([_finding("missing_definition", Severity.WARN, Engine.QC)] * 2)
    assert [(f.check, f.engine) for f in report] == [("missing_label", Engine.QC), ("missing_definition", Engine.QC)]


@pytest.mark.parametrize(
    ("findings", "code"),
    [
        ([], 0),
        ([_finding("missing_definition", Severity.WARN, Engine.QC)], 0),
        ([_finding("label_whitespace", Severity.INFO, Engine.QC)], 0),
        ([_finding("missing_label", Severity.ERROR, Engine.QC)], 1),
        ([_finding("input_error", Severity.ERROR, Engine.INPUT, focus=None)], 2),
    ],
    ids=["clean", "warning", "info", "error", "bad input"],
)
def test_exit_codes(findings: list[Finding], code: int) -> None:
    report = Report()
    report.extend(findings)
    assert report.exit_code == code


def _sample() -> Report:
    report = Report(inputs=["curation/", "ontology/nmd.owl"], triples=10)
    report.extend(
        [
            _finding("missing_definition", Severity.WARN, Engine.QC, column="definition"),
            _finding(
                "frequency_low",
                Severity.ERROR,
                Engine.SHACL,
                focus=str(entity_iri("NMD:AF0001")),
                label="antibody finding: MMN",
                file="curation/antibody_findings.tsv",
                line=2,
                column="frequency",
                value="1.7",
                rule="0-1",
                fix="Write 0-100%",
            ),
        ]
    )
    return report


def test_text_is_grouped_by_file_then_entity() -> None:
    text = render(_sample())
    assert text.startswith("nmdkg validate: NOT valid: 1 error(s), 1 warning(s), 0 info in 10 triples\n")
    assert (
        "curation/antibody_findings.tsv\n"
        "  NMD:AF0001 antibody finding: MMN (line 2)\n"
        "    curation/antibody_findings.tsv:2 [frequency]: ERROR frequency_low: frequency_low message\n"
        "        value: 1.7\n"
        "        fix: Write 0-100%\n"
    ) in text
    assert text.index("curation/antibody_findings.tsv") < text.index("curation/disorders.tsv")
    assert "  frequency_low (ERROR): 0-1" in text
    assert "missing_definition" not in render(_sample(), lowest=Severity.ERROR)


def test_json_and_markdown() -> None:
    data = json.loads(render(_sample(), Format.JSON))
    assert (data["conforms"], data["exit_code"], data["summary"]["warnings"]) == (False, 1, 1)
    first = data["files"][0]
    assert first["file"] == "curation/antibody_findings.tsv"
    assert first["entities"][0]["findings"][0]["value"] == "1.7"
    markdown = render(_sample(), Format.MARKDOWN)
    assert "## `curation/disorders.tsv`\n\n### NMD:0000015 MMN (line 4)" in markdown
    assert "| `frequency_low` | ERROR | 0-1 |" in markdown


@pytest.mark.parametrize(
    ("name", "text", "line", "says"),
    [
        ("bad.ttl", '@prefix ex: <http://ex/> .\nex:a ex:b ex:c .\nex:a ex:b "open .\n', 3, "not valid Turtle"),
        (
            "bad.owl",
            '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
            '<rdf:Description rdf:about="http://x">\n</rdf:RDF>\n',
            4,
            "not valid RDF/XML",
        ),
        ("bad.nt", "<http://a> <http://b> <http://c> .\n<http://a> <http://b> .\n", 2, "not valid N-Triples"),
    ],
    ids=["turtle", "rdfxml", "ntriples"],
)
def test_a_syntax_error_names_file_and_line(tmp_path: Path, name: str, text: str, line: int, says: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CurationError) as caught:
        parse_rdf(RdfInput(path, name))
    (problem,) = caught.value.problems
    assert (problem.location.file, problem.location.line) == (name, line)
    assert problem.message.startswith(says)


def test_blank_nodes_are_reported_on_their_named_owner() -> None:
    graph = Graph()
    restriction, axiom = BNode(), BNode()
    graph.add((RITUXIMAB, RDFS.subClassOf, restriction))
    graph.add((restriction, OWL.onProperty, NMD.hasTherapyMechanism))
    graph.add((axiom, RDF.type, OWL.Axiom))
    graph.add((axiom, OWL.annotatedSource, RITUXIMAB))
    locator = Locator(graph)
    assert locator.owner(restriction) == RITUXIMAB
    assert locator.owner(axiom) == RITUXIMAB
    assert locator.owner(URIRef(MMN)) == URIRef(MMN)
