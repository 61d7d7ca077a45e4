"""Reading the curated TSV tables into RDF."""
