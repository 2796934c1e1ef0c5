"""Text as LaTeX prints it: every character TeX would read as code escaped, and the LaTeX we
wrote ourselves marked safe (the LaTeX writers and the venue's LaTeX shells share it)."""

from __future__ import annotations

import re
from urllib.parse import quote as percent_encode


class TexSafe(str):
    """LaTeX that we produced and escaped ourselves: the shell prints it as it is."""


# TeX's special characters, and the ligature pairs (`--`, `''`, `` ` ``) that would change the
# text: each printed as itself. Control characters have no place in a .tex file.
_SPECIAL = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "#": r"\#",
    "^": r"\textasciicircum{}", "_": r"\_", "%": r"\%", "~": r"\textasciitilde{}",
    "`": r"\textasciigrave{}", "<": r"\textless{}", ">": r"\textgreater{}", "|": r"\textbar{}",
    "\u00a0": "~",
}
_TABLE = str.maketrans({**_SPECIAL, **{chr(c): " " for c in range(32) if chr(c) not in "\n"}, "\x7f": " ", "\ufffe": " ", "\uffff": " "})
_LIGATURE = re.compile(r"(?<=-)(?=-)|(?<=')(?=')|(?<=,)(?=,)")


# Characters of a URL that TeX would read as commands or groups: percent-encoded (the link
# goes to the same place); `#` and `%` are kept and escaped as hyperref's \\href allows.
_URL_SAFE = ":/?&=@+,;!$'()*-._#%[]"


def tex_url(url: str) -> TexSafe:
    """A URL for `\\href`: non-ASCII, spaces, braces, backslashes percent-encoded; `#`, `%`, `&` escaped."""
    encoded = percent_encode(url, safe=_URL_SAFE)
    return TexSafe(encoded.replace("\\", "%5C").replace("#", "\\#").replace("%", "\\%").replace("&", "\\&"))


def escape_tex(text: str) -> str:
    """Text printed literally by LaTeX: specials escaped, ligature pairs broken with `{}`."""
    return TexSafe(_LIGATURE.sub("{}", text.translate(_TABLE)))
