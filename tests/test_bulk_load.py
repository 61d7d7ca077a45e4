"""Parallel bulk loading: pieces never split a blank node, errors name the file's line, stores are replaced whole."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from nmdkg import bulk_load
from nmdkg.bulk_load import load_files, pieces, write_store
from nmdkg.errors import InputError


@pytest.fixture
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cut files of any size, so that a few lines exercise what 10^6 triples do."""
    monkeypatch.setattr(bulk_load, "MIN_PIECE_BYTES", 1)


def _ntriples(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return path


def _chained(count: int) -> list[str]:
    """``count`` subjects, each with a blank node whose two triples lie 1 and 3 lines after it."""
    lines = []
    for i in range(count):
        lines += [
            f"<https://example.org/s{i}> <https://example.org/p> _:b{i} .",
            f'<https://example.org/s{i}> <https://example.org/label> "s{i}" .',
            f'_:b{i} <https://example.org/q> "{i}" .',
            f"_:b{i} <https://example.org/r> <https://example.org/o{i % 3}> .",
        ]
    return lines


def _labels(path: Path, piece: bulk_load.Piece) -> set[bytes]:
    return set(re.findall(rb"_:b\d+", path.read_bytes()[piece.start : piece.end]))


def test_cuts_fall_between_blank_nodes(tmp_path: Path, small_pieces: None) -> None:
    path = _ntriples(tmp_path / "g.nt", _chained(40))
    found = pieces(path, 7)
    assert len(found) == 7
    assert found[0].start == 0 and found[-1].end == path.stat().st_size
    assert all(a.end == b.start for a, b in itertools.pairwise(found))
    for a in found:
        for b in found:
            assert a is b or not _labels(path, a) & _labels(path, b)


def test_a_blank_node_used_throughout_keeps_the_file_whole(tmp_path: Path, small_pieces: None) -> None:
    lines = [f"_:shared <https://example.org/p> <https://example.org/o{i}> ." for i in range(50)]
    assert len(pieces(_ntriples(tmp_path / "g.nt", lines), 4)) == 1


def test_other_formats_and_small_files_are_one_piece(tmp_path: Path) -> None:
    ttl = tmp_path / "g.ttl"
    ttl.write_text("<https://example.org/s> <https://example.org/p> 1 .\n" * 10, encoding="utf-8")
    assert len(pieces(ttl, 4)) == 1
    assert len(pieces(_ntriples(tmp_path / "g.nt", _chained(5)), 4)) == 1  # under MIN_PIECE_BYTES


def test_parallel_load_gives_the_graph_a_single_parse_gives(tmp_path: Path, small_pieces: None) -> None:
    path = _ntriples(tmp_path / "g.nt", _chained(60))
    store = pyoxigraph.Store()
    load_files(store, [path], workers=4)
    dump = store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.DefaultGraph())
    loaded = Graph().parse(data=dump.decode(), format="nt")
    assert len(loaded) == 240
    assert isomorphic(loaded, Graph().parse(path, format="nt"))


def test_syntax_error_names_the_line_of_the_file(tmp_path: Path, small_pieces: None) -> None:
    lines = _chained(30)
    lines[101] = "<https://example.org/s> <https://example.org/p> <relative> ."
    path = _ntriples(tmp_path / "g.nt", lines)
    assert len(pieces(path, 4)) == 4  # the error is in a later piece, not the first
    with pytest.raises(InputError, match=rf"^{re.escape(str(path))}:102:\d+: not valid RDF: "):
        load_files(pyoxigraph.Store(), [path], workers=4)


def test_unknown_format_and_missing_file(tmp_path: Path) -> None:
    (tmp_path / "g.csv").write_text("a,b\n")
    with pytest.raises(InputError, match=r"g\.csv: unknown RDF format"):
        load_files(pyoxigraph.Store(), [tmp_path / "g.csv"])
    with pytest.raises(InputError, match=r"no such file: .*missing\.nt"):
        load_files(pyoxigraph.Store(), [tmp_path / "missing.nt"])


def test_owl_files_are_read_as_rdf_xml(tmp_path: Path) -> None:
    owl = tmp_path / "o.owl"
    owl.write_text(
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns:owl="http://www.w3.org/2002/07/owl#"><owl:Class rdf:about="https://example.org/C"/></rdf:RDF>'
    )
    store = pyoxigraph.Store()
    load_files(store, [owl])
    assert len(store) == 1


def test_write_store_replaces_a_store_only_when_loading_succeeds(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    good = _ntriples(tmp_path / "good.nt", _chained(3))
    bad = _ntriples(tmp_path / "bad.nt", ["<https://example.org/s> <https://example.org/p> ."])
    assert write_store(folder, [good]) == 12
    with pytest.raises(InputError, match=r"bad\.nt:1:"):
        write_store(folder, [good, bad])
    assert len(pyoxigraph.Store.read_only(str(folder))) == 12
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.nt", "good.nt", "store"]


def test_write_store_refuses_a_folder_that_is_not_a_store(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "keep.txt").write_text("a curator's notes")
    with pytest.raises(InputError, match="is not an Oxigraph store; not replacing it"):
        write_store(folder, [_ntriples(tmp_path / "g.nt", _chained(1))])
    assert (folder / "keep.txt").read_text() == "a curator's notes"
