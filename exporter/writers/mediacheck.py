"""The media check: every picture and formula an edition draws, tried before rendering.

A picture no edition can draw (truncated, too large, an SVG that refers outside itself, a
metafile its converter fails on) is MED001 at its block; a formula the math converter cannot
read (an unknown command) is MED002: checked on its MathML, which is quick, so the typesetting
itself stays in the PDF's own process. Either way the build goes on: the editions show the problem in place.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ..media.formulas import FormulaError, mathml
from ..media.images import MediaError
from ..model import Figure, Image, Math, walk
from . import Edition


def media_findings(edition: Edition) -> list[Diagnostic]:
    doc = edition.document
    refused = {(image.media_type, image.data): picture for image, picture in edition.pictures if isinstance(picture, MediaError)}
    findings: list[Diagnostic] = []
    reported: set = set()
    for block in doc.blocks:
        images = list(block.images) if isinstance(block, Figure) else []
        formulas = []
        for node in walk((block,)):
            if isinstance(node, Image):
                images.append(node)
            elif isinstance(node, Math):
                formulas.append(node)
        for image in images:
            error = refused.get((image.media_type, image.data))
            if error is not None and (image.media_type, image.data) not in reported:
                reported.add((image.media_type, image.data))
                findings.append(Diagnostic.at("MED001", doc.path, block.span, error=str(error)))
        for formula in formulas:
            try:
                mathml(formula.tex, formula.display)
            except FormulaError as exc:
                if formula.tex not in reported:
                    reported.add(formula.tex)
                    findings.append(Diagnostic.at("MED002", doc.path, block.span, tex=" ".join(formula.tex.split())[:80], error=str(exc)))
    return findings
