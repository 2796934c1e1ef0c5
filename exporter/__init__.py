"""Citation-checked document export: read a paper, link its citations, write its editions."""

__version__ = "0.1.0"
