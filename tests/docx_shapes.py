"""Word documents holding drawings made of shapes, for the DOCX tests: the DrawingML and VML
Word writes for a group of shapes (`wpg:wgp` in `mc:AlternateContent` with its VML fallback,
or a VML `v:group` alone, as Word 2003 saved it), a text frame (one shape with a text box) and
a picture grouped with its caption's box — written here, shape by shape, so each test states
exactly what the file holds (python-docx draws no shapes).

A drawing is a box "Input" filled red on the left, an arrow, a box "Output" filled blue on the
right: a test can tell from the colours whether it is drawn whole and the right way round.
"""

from __future__ import annotations

from docx_samples import O_NS, R_NS, V_NS, append_xml

WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
PIC_NS = "http://schemas.openxmlformats.org/drawingml/2006/picture"
WPG_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"
WPS_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
WPC_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
EMU = 12700  # a point
WIDTH, HEIGHT = 288, 72  # points: the drawing's frame
LABELS = ("Input", "Output")


def _box_text(words: str) -> str:
    return f'<w:txbxContent><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">{words}</w:t></w:r></w:p></w:txbxContent>'


def _wsp(shape_id: int, x: float, y: float, w: float, h: float, geometry: str, fill: str | None, words: str | None, arrow: bool = False) -> str:
    """One DrawingML shape of a group, at (x, y) in points inside it."""
    fill_xml = f'<a:solidFill><a:srgbClr val="{fill}"/></a:solidFill>' if fill else "<a:noFill/>"
    head = '<a:tailEnd type="triangle"/>' if arrow else ""
    line = f'<a:ln w="25400"><a:solidFill><a:srgbClr val="000000"/></a:solidFill>{head}</a:ln>'
    text = f"<wps:txbx>{_box_text(words)}</wps:txbx>" if words is not None else ""
    kind = "<wps:cNvCnPr/>" if geometry == "straightConnector1" else ('<wps:cNvSpPr txBox="1"/>' if words is not None else "<wps:cNvSpPr/>")
    return (
        f'<wps:wsp><wps:cNvPr id="{shape_id}" name="Shape {shape_id}"/>{kind}<wps:spPr>'
        f'<a:xfrm><a:off x="{round(x * EMU)}" y="{round(y * EMU)}"/><a:ext cx="{round(w * EMU)}" cy="{round(h * EMU)}"/></a:xfrm>'
        f'<a:prstGeom prst="{geometry}"><a:avLst/></a:prstGeom>{fill_xml}{line}</wps:spPr>{text}<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" anchor="t" anchorCtr="0" upright="1"><a:noAutofit/></wps:bodyPr></wps:wsp>'
    )


def _group_members(labels: tuple[str, ...] = LABELS) -> str:
    return (
        _wsp(2, 0, 0, 96, HEIGHT, "rect", "FF0000", labels[0])
        + _wsp(3, 104, HEIGHT / 2, 80, 0, "straightConnector1", None, None, arrow=True)
        + _wsp(4, 192, 0, 96, HEIGHT, "rect", "0000FF", labels[1])
    )


def _frame(graphic: str, anchored: bool, name: str, width: float = WIDTH, height: float = HEIGHT, descr: str = "") -> str:
    extent = f'<wp:extent cx="{round(width * EMU)}" cy="{round(height * EMU)}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
    described = f' descr="{descr}"' if descr else ""
    doc_pr = f'<wp:docPr id="{sum(map(ord, name))}" name="{name}"{described}/>'
    if anchored:  # placed on the page, a little right of the column's edge, text above and below
        return (
            f'<w:drawing><wp:anchor xmlns:wp="{WP_NS}" distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
            '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>914400</wp:posOffset></wp:positionH>'
            f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>63500</wp:posOffset></wp:positionV>{extent}<wp:wrapTopAndBottom/>{doc_pr}<wp:cNvGraphicFramePr/>'
            f"{graphic}</wp:anchor></w:drawing>"
        )
    return f'<w:drawing><wp:inline xmlns:wp="{WP_NS}" distT="0" distB="0" distL="0" distR="0">{extent}{doc_pr}<wp:cNvGraphicFramePr/>{graphic}</wp:inline></w:drawing>'


def drawingml_group(members: str, width: float = WIDTH, height: float = HEIGHT) -> str:
    """A `wpg:wgp` graphic holding `members`: as Word writes a group, its child extent is what
    its members cover (LibreOffice stretches the members to fill the frame)."""
    return (
        f'<a:graphic xmlns:a="{A_NS}"><a:graphicData uri="{WPG_NS}"><wpg:wgp xmlns:wpg="{WPG_NS}" xmlns:wps="{WPS_NS}" xmlns:pic="{PIC_NS}" xmlns:r="{R_NS}">'
        f'<wpg:cNvGrpSpPr/><wpg:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{round(width * EMU)}" cy="{round(height * EMU)}"/>'
        f'<a:chOff x="0" y="0"/><a:chExt cx="{round(width * EMU)}" cy="{round(height * EMU)}"/></a:xfrm></wpg:grpSpPr>{members}</wpg:wgp></a:graphicData></a:graphic>'
    )


def drawingml_canvas(members: str) -> str:
    """A drawing canvas (`wpc:wpc`, Word's Insert ▸ Shapes ▸ New Drawing Canvas) holding `members`."""
    return (
        f'<a:graphic xmlns:a="{A_NS}"><a:graphicData uri="{WPC_NS}"><wpc:wpc xmlns:wpc="{WPC_NS}" xmlns:wps="{WPS_NS}" xmlns:pic="{PIC_NS}" xmlns:r="{R_NS}">'
        f"<wpc:bg/><wpc:whole/>{members}</wpc:wpc></a:graphicData></a:graphic>"
    )


def vml_group(labels: tuple[str, ...] = LABELS, anchored: bool = True, canvas: bool = False, caption: str = "") -> str:
    """The same drawing as VML: a `v:group` of two filled boxes with text and an arrow between."""
    edit_as = ' editas="canvas"' if canvas else ""
    height = HEIGHT + (CAPTION_DEPTH if caption else 0)
    placing = "position:absolute;margin-left:72pt;margin-top:5pt;z-index:251659264;mso-position-horizontal-relative:text;mso-position-vertical-relative:text;" if anchored else ""
    box = lambda x, colour, words: (  # noqa: E731
        f'<v:rect style="position:absolute;left:{x};top:0;width:96;height:{HEIGHT}" fillcolor="{colour}" strokeweight="2pt">'
        f"<v:textbox>{_box_text(words)}</v:textbox></v:rect>"
    )
    return (
        f'<w:pict><v:group xmlns:v="{V_NS}" xmlns:o="{O_NS}" id="Group 5"{edit_as} style="{placing}width:{WIDTH}pt;height:{height}pt" coordorigin="0,0" coordsize="{WIDTH},{height}">'
        + box(0, "red", labels[0])
        + f'<v:line from="104,{HEIGHT // 2}" to="184,{HEIGHT // 2}" strokeweight="2pt"><v:stroke endarrow="block"/></v:line>'
        + box(192, "blue", labels[1])
        + (f'<v:rect style="position:absolute;left:0;top:{HEIGHT + 4};width:{WIDTH};height:{CAPTION_DEPTH - 4}" stroked="f"><v:textbox>{_box_text(caption)}</v:textbox></v:rect>' if caption else "")
        + "</v:group></w:pict>"
    )


CAPTION_DEPTH = 28  # points under the drawing a caption's box takes in its group


def group_drawing(anchored: bool = True, labels: tuple[str, ...] = LABELS, descr: str = "", caption: str = "") -> str:
    """A run holding the group as Word 2010 and later writes it: the DrawingML group as the
    Choice, its VML as the Fallback (both hold the same boxes and words); with `caption`, a box
    under the drawing holding it, grouped with it (so they move together)."""
    members, height = _group_members(labels), HEIGHT
    if caption:
        members += _wsp(5, 0, HEIGHT + 4, WIDTH, CAPTION_DEPTH - 4, "rect", None, caption)
        height += CAPTION_DEPTH
    choice = _frame(drawingml_group(members, WIDTH, height), anchored, "Group 1", height=height, descr=descr)
    return f'<w:r><mc:AlternateContent xmlns:mc="{MC_NS}"><mc:Choice Requires="wpg">{choice}</mc:Choice><mc:Fallback>{vml_group(labels, anchored, caption=caption)}</mc:Fallback></mc:AlternateContent></w:r>'


def canvas_drawing(anchored: bool = False) -> str:
    """A run holding the same drawing on a drawing canvas, with its VML fallback (a group Word
    marks `editas="canvas"`)."""
    choice = _frame(drawingml_canvas(_group_members()), anchored, "Canvas 3")
    return f'<w:r><mc:AlternateContent xmlns:mc="{MC_NS}"><mc:Choice Requires="wpc">{choice}</mc:Choice><mc:Fallback>{vml_group(anchored=anchored, canvas=True)}</mc:Fallback></mc:AlternateContent></w:r>'


def text_frame(words: str, anchored: bool = True) -> str:
    """A run holding one shape with a text box: a frame of text (as Word's Insert ▸ Text Box makes)."""
    graphic = f'<a:graphic xmlns:a="{A_NS}"><a:graphicData uri="{WPS_NS}"><wps:wsp xmlns:wps="{WPS_NS}"><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{WIDTH * EMU}" cy="{HEIGHT * EMU}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx>{_box_text(words)}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>'
    return f"<w:r>{_frame(graphic, anchored, 'Text Box 2')}</w:r>"


def picture_with_arrow_and_label(rid: str, label: str) -> str:
    """A run holding a group of a picture, an arrow pointing into it and the arrow's label in a
    box beside it (a picture an author marked up)."""
    picture = (
        f'<pic:pic><pic:nvPicPr><pic:cNvPr id="6" name="Picture 6"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{192 * EMU}" cy="{HEIGHT * EMU}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
    )
    arrow = _wsp(3, 232, HEIGHT / 2, 48, 0, "straightConnector1", None, None, arrow=True)
    box = _wsp(4, 232, 0, 56, 24, "rect", None, label)
    return f"<w:r>{_frame(drawingml_group(picture + arrow + box), True, 'Group 9')}</w:r>"


def picture_with_caption_box(rid: str, caption: str) -> str:
    """A run holding a group of a picture and a text box under it holding its caption (grouped so
    they move together), as authors do."""
    picture = (
        f'<pic:pic><pic:nvPicPr><pic:cNvPr id="6" name="Picture 6"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{WIDTH * EMU}" cy="{48 * EMU}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
    )
    box = f'<wps:wsp><wps:cNvPr id="7" name="Text Box 7"/><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="{52 * EMU}"/><a:ext cx="{WIDTH * EMU}" cy="{20 * EMU}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></wps:spPr><wps:txbx>{_box_text(caption)}</wps:txbx><wps:bodyPr/></wps:wsp>'
    return f"<w:r>{_frame(drawingml_group(picture + box), True, 'Group 8')}</w:r>"


def add_run(paragraph, run: str) -> None:
    append_xml(paragraph, run)
