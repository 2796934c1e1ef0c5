"""WordprocessingML names and a parser that never resolves entities or touches the network."""

from __future__ import annotations

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W = "{%s}" % W_NS
M = "{%s}" % M_NS
R = "{%s}" % R_NS

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_blank_text=False)


def parse(blob: bytes):
    return etree.fromstring(blob, _PARSER)


def attr(node, name: str) -> str | None:
    """A `w:` attribute of `node` (None for a missing node)."""
    return None if node is None else node.get(W + name)


def child(node, name: str):
    return None if node is None else node.find(W + name)
