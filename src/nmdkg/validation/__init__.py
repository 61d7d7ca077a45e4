"""Validating curated sources: SHACL shapes, OWL consistency and quality checks, reported per entity."""
