"""The sandbox a venue's Jinja runs in (a venue folder is data, never a program) and its
errors told as one line naming the file and line; compiled templates cached on disk."""

from __future__ import annotations

import functools
import hashlib
import inspect
import re

import jinja2
import jinja2.sandbox

from .. import speedups
from ..diagnostics import InputError
from ..usercache import cache_dir


# What one operation of a template may produce: no venue needs more, and a template of
# `{{ 9**9**9 }}`, `{{ 'x' * 10**10 }}` or `{{ s | center(10**9) }}` must not hold a CPU or
# fill the memory. (A loop of loops can still take long: a venue folder is chosen by its user.)
_MAX_NUMBER_BITS = 400  # about 120 digits
_MAX_TEXT = 1_000_000  # characters of one repetition
_MAX_SIZE_ARGUMENT = 10_000  # a width, count or length given to a filter or method
_MAX_FIELD_WIDTH = 1_000  # in a format string: `%08d`, `{:>20}`
_FORMAT_WIDTHS = re.compile(r"%[-+ #0]*(\d+)|%[-+ #0]*\d*\.(\d+)|\{[^{}]*?:[^{}\d]*(\d+)|\{[^{}]*?:[^{}]*?\.(\d+)")


_SANDBOX_VERSION = 1  # bump when VenueSandbox changes what it allows: compiled templates are cached


def _refuse(reason: str):
    raise jinja2.sandbox.SecurityError(reason)


def _check_format(text) -> None:
    if isinstance(text, str):
        if re.search(r"\{[^{}]*:[^{}]*\{", text):
            _refuse("a format field whose width is itself a field is not allowed in a template")
        widths = [int(n) for groups in _FORMAT_WIDTHS.findall(text) for n in groups if n]
        if widths and max(widths) > _MAX_FIELD_WIDTH:
            _refuse(f"a field width of {max(widths)} is too wide for a template")


def _check_sizes(args, kwargs) -> None:
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > _MAX_SIZE_ARGUMENT:
            _refuse(f"an argument of {value} is too large for a template")


def _bounded_filter(name: str, function):
    @functools.wraps(function)  # keeps Jinja's pass_context / pass_environment marks
    def bounded(*args, **kwargs):
        if name == "format":
            _check_format(next((a for a in args if isinstance(a, str)), None))
        else:
            _check_sizes(args[1:], kwargs)
        return function(*args, **kwargs)

    return bounded


class VenueSandbox(jinja2.sandbox.ImmutableSandboxedEnvironment):
    """Jinja's sandbox (no attribute starting with `_`, no unsafe callables, no changing the
    values a template is given), with what `*`, `**`, `%`, format strings and the sizes given
    to filters and methods can produce bounded."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def __init__(self, **options):
        super().__init__(**options)
        self.filters = {name: _bounded_filter(name, f) for name, f in self.filters.items()}

    def call_binop(self, context, operator, left, right):
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > 64 and isinstance(left, (int, float)) and abs(left) > 1:
            _refuse(f"{left!r} ** {right!r} is too large a number for a template")
        if operator == "*" and isinstance(left, (str, list, tuple)) != isinstance(right, (str, list, tuple)):
            sequence, count = (left, right) if isinstance(left, (str, list, tuple)) else (right, left)
            if isinstance(count, int) and len(sequence) * count > _MAX_TEXT:
                _refuse(f"a repetition {count} times is too long for a template")
        if operator == "%":
            _check_format(left)
        result = super().call_binop(context, operator, left, right)
        if isinstance(result, int) and not isinstance(result, bool) and result.bit_length() > _MAX_NUMBER_BITS:
            _refuse("the number is too large for a template")
        return result

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 — Jinja's own signature
        if getattr(__obj, "__name__", "") in ("format", "format_map"):  # the sandbox's wrapper of str.format
            _check_format(getattr(inspect.unwrap(__obj), "__self__", None))
        else:
            _check_sizes(args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)


def _template_frame(tb) -> tuple[str, int] | None:
    """(file, line) of the innermost frame of template code in a traceback. A compiled
    template's frames carry its file name; their line is the compiled code's, mapped back
    to the template's by its debug info (Jinja rewrites the frames itself only for errors
    raised under `render`, whose frames then carry the template's line already)."""
    found = None
    while tb is not None:
        frame = tb.tb_frame
        filename = frame.f_code.co_filename
        if filename.endswith(".j2") or filename == "<template>":
            template = frame.f_globals.get("__jinja_template__")
            found = filename, (template.get_corresponding_lineno(tb.tb_lineno) if template is not None else tb.tb_lineno)
        tb = tb.tb_next
    return found


def template_error(exc: Exception, file: str, line: int | None = None, key: str = "") -> InputError | None:
    """The one-line error for a venue template that cannot be compiled or rendered, naming
    its file and line (`file`, `line` and the setting `key` when the code has no file of its
    own: a title line of template.toml), or None when `exc` is not the template's fault."""
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename and exc.filename != "<template>":
        return InputError(exc.filename, f"template syntax error: {exc.message}", exc.lineno)
    frame = _template_frame(exc.__traceback__)
    if frame is None and not isinstance(exc, jinja2.TemplateError):
        return None
    own = frame is not None and frame[0] != "<template>"
    path, number, prefix = (*frame, "") if own else (file, line, f"{key}: " if key else "")
    if isinstance(exc, jinja2.TemplateSyntaxError):
        message = f"template syntax error: {exc.message}"
    elif isinstance(exc, jinja2.sandbox.SecurityError):
        message = f"template refused: {str(exc).rstrip('.')} (a venue template is data: it may not reach Python's internals or run code)"
    elif isinstance(exc, jinja2.TemplateNotFound):
        message = f"template error: no template named {exc.name!r} in the venue's folder"
    else:
        kind = "template error" if isinstance(exc, jinja2.TemplateError) else f"template error ({type(exc).__name__})"
        message = f"{kind}: {' '.join(str(exc).split())[:200]}"
    return InputError(path, prefix + message, number)


class TemplateErrors:
    """`with TemplateErrors(file, line, key):` turns a template's failure into its one-line InputError."""

    def __init__(self, file: str, line: int | None = None, key: str = ""):
        self.file, self.line, self.key = file, line, key

    def __enter__(self):
        return self

    def __exit__(self, kind, exc, tb):
        if exc is None or isinstance(exc, InputError) or not isinstance(exc, Exception):
            return False
        error = template_error(exc, self.file, self.line, self.key)
        if error is None:
            return False
        raise error from None


class _BytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja's compiled templates kept between runs (compiling the LaTeX shell and the title
    lines costs more than rendering them). The compiled code depends on the environment's
    settings, so the files' names carry a digest of them and of Jinja's version; the source's
    checksum guards every entry. A cache that cannot be read or written is simply not used."""

    def __init__(self, folder, env: jinja2.Environment):
        settings = (
            jinja2.__version__, env.block_start_string, env.block_end_string, env.variable_start_string,
            env.variable_end_string, env.comment_start_string, env.comment_end_string, env.line_statement_prefix,
            env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
            "callable" if callable(env.autoescape) else env.autoescape, env.optimized, env.is_async, sorted(env.extensions),
            # the sandbox: its class and what it bounds (the compiler folds constant filter calls)
            type(env).__qualname__, sorted(getattr(env, "intercepted_binops", ())), sorted(getattr(env, "intercepted_unops", ())), _SANDBOX_VERSION,
            None if env.finalize is None else getattr(env.finalize, "jinja_pass_arg", "plain"),
        )
        tag = hashlib.sha1(repr(settings).encode()).hexdigest()[:12]
        super().__init__(str(folder), f"jinja-{tag}-%s.cache")

    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except Exception:
            pass


def with_bytecode_cache(env: jinja2.Environment) -> jinja2.Environment:
    if not speedups.enabled("jinja"):
        return env
    folder = cache_dir()
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            env.bytecode_cache = _BytecodeCache(folder, env)
        except OSError:
            pass
    return env
