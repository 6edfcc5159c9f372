"""toponym: place names in any language and script → one stable ID, explained, or no match.

>>> import toponym
>>> toponym.resolve("Kunashiri").place.id
'kunashir'
"""

from ._version import __version__
from .api import Gazetteer, clear_caches, default_gazetteer, extract, get, normalize_text, resolve, resolve_all
from .batch import extract_many, resolve_many  # pipelines (issue #13)
from .errors import GazetteerError, IndexFormatError, Problem, ToponymError, UnknownPlaceError
from .extract import Extractor
from .model import Match, Mention, Place, PlaceName
from .normalize import normalize_name
from .resolve import Resolver

__all__ = [
    "Extractor",
    "Gazetteer",
    "GazetteerError",
    "IndexFormatError",
    "Match",
    "Mention",
    "Place",
    "PlaceName",
    "Problem",
    "Resolver",
    "ToponymError",
    "UnknownPlaceError",
    "__version__",
    "clear_caches",
    "default_gazetteer",
    "extract",
    "extract_many",
    "get",
    "normalize_name",
    "normalize_text",
    "resolve",
    "resolve_all",
    "resolve_many",
]
