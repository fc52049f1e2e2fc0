"""A site's own kinds, named in its configuration as ``module:Class`` (``kinds: {decision: kinds:Decision}``).

The module is a Python file in the folder that holds the configuration file, loaded the way
MkDocs loads ``hooks``: from its path, afresh on every load, so `serve` sees edits. The build
and the command line both call :func:`load_site_kinds`, so they report a bad kind identically.
"""

from __future__ import annotations

import importlib.util
import sys
import traceback
from collections.abc import Mapping
from pathlib import Path

from .kinds import BUILTIN_KINDS, KindError, KindRegistry

OPTION = "plugins > crosswalk > kinds"


def load_site_kinds(option: Mapping[str, str] | None, folder: Path, *, config_name: str = "mkdocs.yml") -> KindRegistry:
    """The built-in kinds plus the site's own; :class:`KindError` listing every kind that cannot be added."""
    registry, problems = BUILTIN_KINDS, []
    if option is not None and not isinstance(option, Mapping):
        raise KindError(f"{config_name}: {OPTION}: expected a mapping of kind name to 'module:Class', like 'decision: kinds:Decision'")
    for name, target in (option or {}).items():
        where = f"{config_name}: {OPTION} > {name}"
        try:
            registry = registry.with_kind(name, _import(target, Path(folder), config_name))
        except KindError as exc:
            problems.append(f"{where}: {exc}")
        except Exception as exc:
            problems.append(f"{where}: registering {target!r} failed: {type(exc).__name__}: {exc}")
    if problems:
        raise KindError("\n".join(problems))
    return registry


def _import(target, folder: Path, config_name: str):
    if not isinstance(target, str) or target.count(":") != 1:
        raise KindError(f"expected 'module:Class', like 'kinds:Decision', found {target!r}")
    module_name, class_name = (part.strip() for part in target.split(":"))
    base = folder.joinpath(*module_name.split("."))
    file = next((f for f in (base.with_suffix(".py"), base / "__init__.py") if f.is_file()), None)
    if file is None:
        raise KindError(f"cannot import {target!r}: no file {base.name}.py in the folder that holds {config_name} ({folder})")
    spec = importlib.util.spec_from_file_location(module_name, file)
    module = importlib.util.module_from_spec(spec)
    previous = sys.modules.get(module_name)
    sys.modules[module_name] = module  # pydantic resolves the module's annotations through sys.modules
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        if previous is not None:
            sys.modules[module_name] = previous
        else:
            del sys.modules[module_name]
        raise KindError(f"{file.name} raised while loading{_where(exc, file)}: {type(exc).__name__}: {exc}") from None
    model = getattr(module, class_name, None)
    if model is None:
        raise KindError(f"cannot import {target!r}: {file.name} defines no {class_name!r}")
    return model


def _where(exc: BaseException, file: Path) -> str:
    """`` (line N)`` of the last frame in ``file``, or of a syntax error in it."""
    if isinstance(exc, SyntaxError) and exc.lineno:
        return f" (line {exc.lineno})"
    lines = [frame.lineno for frame in traceback.extract_tb(exc.__traceback__) if Path(frame.filename) == file]
    return f" (line {lines[-1]})" if lines else ""
