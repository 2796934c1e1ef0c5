"""Readers: one module per source format, each producing a `Document`."""
