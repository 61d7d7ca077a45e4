"""Pictures drawn live from the graph: the treatment matrix, disorder diagrams, antibody profile charts.

- :mod:`~nmdkg.pictures.facts` reads what the pictures show through ``queries/internal/*.rq``;
- :mod:`~nmdkg.pictures.matrix` arranges treatment options as disorders x therapies, with filters;
- :mod:`~nmdkg.pictures.diagram` draws a disorder's neighbourhood with Graphviz (``dot``) as SVG;
- :mod:`~nmdkg.pictures.chart` draws antibody frequency ranges as an SVG bar chart;
- :mod:`~nmdkg.pictures.tree` prints an entity's facts as a tree for the terminal (``nmdkg show``).

The colours of the lines of therapy are defined once, in :mod:`~nmdkg.pictures.lines`, for all of them.
"""
