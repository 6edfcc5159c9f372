"""toponym: place names in any language and script → one stable ID, explained, or no match.

>>> import toponym
>>> toponym.resolve("Kunashiri").place.id
'kunashir'
"""

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
from .batch import extract_many, resolve_many  # pipelines
from .errors import (
    AmbiguousCodeError,
    GazetteerError,
    HintError,
    IndexFormatError,
    Problem,
    ToponymError,
    UnknownPlaceError,
)
from .extractor import Extractor
from .model import Match, Mention, Place, PlaceName
from .normalize import normalize_name
from .outcome import Outcome
from .resolver import Resolver

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
