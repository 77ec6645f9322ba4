"""Load config.yaml (and the files it includes) into a validated `Config`.

A broken file raises `ConfigError` whose message names the file, the line and the key, so the CLI
can print one readable line instead of a traceback.

Parsing and validating the gazetteers costs a few hundred milliseconds, so a config that was
validated once is remembered in the cache directory: next time, if every file still has the same
content, `load_config` only reads and hashes the files, and the `Config` object (a pickle) is read
when something first asks for it. A start-up that finds its extractions in the cache never does.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .paths import shipped_config_path, user_cache_dir

if TYPE_CHECKING:
    import yaml

    from .config_models import Config

_REMEMBERED = 1  # format of the remembered-config files


class ConfigError(Exception):
    """A config file that cannot be used; `str()` is the message for the user."""

    def __init__(self, path: Path, line: int | None, key: str | None, problem: str) -> None:
        self.path, self.line, self.key, self.problem = path, line, key, problem
        where = f"{path}:{line}" if line else str(path)
        what = f"{key}: {problem}" if key else problem
        super().__init__(f"{where}: {what}")


class LoadedConfig:
    """A validated config with the files it came from and a hash of their content.

    `config` is built on first use when the config was recognised as one validated before.
    """

    def __init__(
        self,
        path: Path,
        files: tuple[Path, ...],
        digest: str,
        config: Config | None = None,
        keymap: dict[str, str] | None = None,
    ) -> None:
        self.path, self.files, self.digest = path, files, digest
        self._config = config
        self._keymap = keymap

    @property
    def config(self) -> Config:
        if self._config is None:
            self._config = (
                _remembered_config(self.digest) or load_config(self.path, remember=False).config
            )
        return self._config

    @property
    def keymap(self) -> dict[str, str]:
        """The user's key bindings (without building the whole config when it is remembered)."""
        if self._keymap is None:
            self._keymap = dict(self.config.keymap)
        return self._keymap

    def __getstate__(self) -> dict[str, Any]:  # worker processes rebuild the config themselves
        return {
            "path": self.path,
            "files": self.files,
            "digest": self.digest,
            "keymap": self._keymap,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["path"], state["files"], state["digest"], None, state["keymap"])


def load_config(path: Path | None = None, remember: bool = True) -> LoadedConfig:
    """Load and validate `path` (the shipped config when None), following includes.

    With `remember`, a config whose files are unchanged since it was last validated is not
    parsed again (see the module's docstring); `natotui check-config` always parses.
    """
    path = Path(path) if path is not None else shipped_config_path()
    top = path.resolve()
    if remember:
        known = _recognise(top)
        if known is not None:
            return known
    from pydantic import ValidationError

    from .config_models import Config

    merged: dict[str, Any] = {}
    files: list[Path] = []
    hasher = hashlib.sha256()
    _load_into(top, merged, files, hasher, stack=())
    try:
        config = Config.model_validate(merged)
    except ValidationError as exc:  # pragma: no cover - each file was validated on its own
        raise ConfigError(path, None, None, str(exc)) from None
    loaded = LoadedConfig(top, tuple(files), hasher.hexdigest()[:16], config, dict(config.keymap))
    if remember:
        _remember(loaded)
    return loaded


def _memory_dir() -> Path:
    return user_cache_dir() / "configs"


def _marker(top: Path) -> Path:
    return _memory_dir() / (hashlib.sha256(str(top).encode()).hexdigest()[:16] + ".json")


def _recognise(top: Path) -> LoadedConfig | None:
    """The remembered validation of `top`, if every file it read still has the same content."""
    try:
        marker = json.loads(_marker(top).read_text(encoding="utf-8"))
        if marker.get("format") != _REMEMBERED:
            return None
        for name, digest in marker["files"]:
            if hashlib.sha256(Path(name).read_bytes()).hexdigest() != digest:
                return None
        if not (_memory_dir() / f"{marker['digest']}.pickle").exists():
            return None
        files = tuple(Path(name) for name, _ in marker["files"])
        return LoadedConfig(top, files, marker["digest"], None, marker["keymap"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _remembered_config(digest: str) -> Config | None:
    try:
        with open(_memory_dir() / f"{digest}.pickle", "rb") as handle:
            config = pickle.load(handle)  # noqa: S301 - our own file in our own cache folder
    except Exception:  # any damage means: validate again
        return None
    from .config_models import Config

    return config if isinstance(config, Config) else None


def _remember(loaded: LoadedConfig) -> None:
    """Best effort: a cache that cannot be written only costs the next start-up some time."""
    try:
        folder = _memory_dir()
        folder.mkdir(parents=True, exist_ok=True)
        pickled = folder / f"{loaded.digest}.pickle"
        _write_atomically(pickled, pickle.dumps(loaded.config, protocol=pickle.HIGHEST_PROTOCOL))
        marker = {
            "format": _REMEMBERED,
            "digest": loaded.digest,
            "files": [[str(f), hashlib.sha256(f.read_bytes()).hexdigest()] for f in loaded.files],
            "keymap": loaded.keymap,
        }
        _write_atomically(_marker(loaded.path), json.dumps(marker).encode())
    except (OSError, pickle.PicklingError):
        pass


def _write_atomically(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def _load_into(
    path: Path, merged: dict[str, Any], files: list[Path], hasher: Any, stack: tuple[Path, ...]
) -> None:
    if path in stack:
        raise ConfigError(stack[-1], None, "include", f"{path} includes itself")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(path, None, None, "file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(path, None, None, f"cannot read: {exc}") from None
    files.append(path)
    hasher.update(str(path.name).encode() + b"\0" + text.encode())
    data = _parse_yaml(path, text)
    _validate_one(path, text, data)
    if data.get("extends") not in (None, "shipped"):
        raise ConfigError(
            path, _line_of(text, ("extends",)), "extends", "the only value allowed is 'shipped'"
        )
    if data.get("extends") == "shipped":
        shipped = shipped_config_path().resolve()
        if shipped != path:
            _load_into(shipped, merged, files, hasher, stack + (path,))
    for index, name in enumerate(data.get("include", [])):
        target = (path.parent / name).resolve()
        if not target.exists():
            raise ConfigError(
                path,
                _line_of(text, ("include", index)),
                f"include[{index}]",
                f"{name}: no such file",
            )
        if target in stack or target == path:
            raise ConfigError(
                path,
                _line_of(text, ("include", index)),
                f"include[{index}]",
                f"{name}: a cycle, it is already being loaded",
            )
        _load_into(target, merged, files, hasher, stack + (path,))
    body = {k: v for k, v in data.items() if k not in ("include", "extends")}
    _merge(merged, body)


def _yaml():
    """PyYAML and its fastest safe loader, imported only when a config is parsed (a warm start
    recognises the config without it)."""
    import yaml

    # The C loader is several times faster on the big gazetteers.
    return yaml, getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse_yaml(path: Path, text: str) -> dict[str, Any]:
    yaml, loader = _yaml()
    try:
        data = yaml.load(text, Loader=loader)  # noqa: S506 - a SafeLoader
    except yaml.YAMLError as exc:
        raise _yaml_error(path, text, exc) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(path, 1, None, "the top level must be a mapping of sections")
    return data


def _yaml_error(path: Path, text: str, exc: yaml.YAMLError) -> ConfigError:
    mark = getattr(exc, "problem_mark", None)
    line = mark.line + 1 if mark is not None else None
    problem = getattr(exc, "problem", None) or str(exc)
    context, opened = getattr(exc, "context", None), getattr(exc, "context_mark", None)
    if context and opened is not None and opened.line + 1 != line:
        if "block" in context:
            # The start of a whole block is far from the mistake: point at the problem.
            problem += f" ({context} at line {opened.line + 1})"
        else:
            # An unclosed bracket or quote: the mistake is where it opens, not where YAML
            # notices (often the next key, which would name the wrong key).
            problem = f"{context}: {problem} at line {line}"
            line = opened.line + 1
    key = _key_before(text, line) if line else None
    return ConfigError(path, line, key, f"invalid YAML: {problem}")


def _validate_one(path: Path, text: str, data: dict[str, Any]) -> None:
    from pydantic import ValidationError

    from .config_models import Config

    try:
        Config.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(first["loc"])
        key = _dotted(loc)
        message = first["msg"]
        if first["type"] == "extra_forbidden":
            message = "unknown key"
        elif first["type"] == "missing":
            message = "required key is missing"
        message = message.removeprefix("Value error, ")
        extra = len(exc.errors()) - 1
        if extra:
            message += f" (and {extra} more problem{'s' if extra > 1 else ''})"
        raise ConfigError(path, _line_of(text, loc), key, message) from None


_KEY = re.compile(r"""(?P<key>[^\s#'"\[\]{},:-][^#:]*?|"[^"]*"|'[^']*')\s*:(?:\s|$)""")


def _key_before(text: str, line: int) -> str | None:
    """The key path ('cleaning.boilerplate_lines[1]') in force at `line` of block-style YAML.

    A file that does not parse has no tree to ask, so the path is read from the indentation of
    the lines up to the error; it is a best effort that makes the message name where to look.
    """
    stack: list[tuple[int, str | int]] = []  # (indent, key or list index)
    for raw in text.splitlines()[:line]:
        body = raw.lstrip(" ")
        if not body.strip() or body.startswith("#"):
            continue
        indent = len(raw) - len(body)
        if body.startswith("- ") or body.rstrip() == "-":  # a list item, maybe holding a key
            while stack and stack[-1][0] > indent:
                stack.pop()
            index = 0
            if stack and stack[-1][0] == indent and isinstance(stack[-1][1], int):
                index = stack.pop()[1] + 1
            stack.append((indent, index))
            rest = body[1:].lstrip(" ")
            indent += len(body) - len(rest)
            body = rest
        match = _KEY.match(body)
        if match:
            while stack and stack[-1][0] >= indent:
                stack.pop()
            stack.append((indent, match["key"].strip("'\"")))
    return _dotted(tuple(part for _, part in stack)) or None


def _dotted(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _line_of(text: str, loc: tuple[Any, ...]) -> int | None:
    """1-based line of the YAML node at `loc` (or of its deepest existing parent)."""
    yaml, loader = _yaml()
    try:
        node = yaml.compose(text, Loader=loader)
    except yaml.YAMLError:
        return None
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == part:
                    line = key_node.start_mark.line + 1
                    node = value_node
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                return line
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            return line
    return line


def _merge(into: dict[str, Any], new: dict[str, Any]) -> None:
    """Deep merge: mappings merge, lists extend, scalars override."""
    for key, value in new.items():
        old = into.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            _merge(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            old.extend(value)
        else:
            into[key] = value
