"""Tests of `nmdkg export` and the release files."""
