"""toponym: place names in any language and script → one stable ID, explained, or no match.

>>> import toponym
>>> toponym.resolve("Kunashiri").place.id
'kunashir'
"""

from typing import TYPE_CHECKING, Any

from ._version import __version__
from .api import (
    Gazetteer,
    ancestors,
    children,
    clear_caches,
    convert,
    default_gazetteer,
    extract,
    get,
    lookup,
    normalize_text,
    places,
    resolve,
    resolve_all,
)
from .errors import (
    AmbiguousCodeError,
    GazetteerError,
    HintError,
    IndexFormatError,
    Problem,
    ToponymError,
    UnknownPlaceError,
)
from .model import Match, Mention, Place, PlaceName
from .normalize import normalize_name
from .outcome import Outcome
from .resolver import Resolver

if TYPE_CHECKING:
    from .batch import extract_many, resolve_many
    from .extractor import Extractor

#: Imported on first use: a program that only resolves names loads neither the extractor nor the
#: batch machinery (and NumPy with it) at ``import toponym``.
_LAZY = {"Extractor": "extractor", "extract_many": "batch", "resolve_many": "batch"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'toponym' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    # the public names only: tab completion should not offer typing helpers or internal modules
    return sorted(__all__)


__all__ = [
    "AmbiguousCodeError",
    "Extractor",
    "Gazetteer",
    "GazetteerError",
    "HintError",
    "IndexFormatError",
    "Match",
    "Mention",
    "Outcome",
    "Place",
    "PlaceName",
    "Problem",
    "Resolver",
    "ToponymError",
    "UnknownPlaceError",
    "__version__",
    "ancestors",
    "children",
    "clear_caches",
    "convert",
    "default_gazetteer",
    "extract",
    "extract_many",
    "get",
    "lookup",
    "normalize_name",
    "normalize_text",
    "places",
    "resolve",
    "resolve_all",
    "resolve_many",
]
