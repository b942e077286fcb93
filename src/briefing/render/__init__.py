"""Build pipeline: parameters, notebooks, HTML and PDF rendering."""
