"""Regenerate ``prose_en.txt``: English technical prose that names no place (noise test corpus).

The text is the docstrings of a fixed list of Python standard-library modules (PSF licence), in
a fixed order, paragraph by paragraph. Docstrings change between Python versions, so the output
is stored beside this script; run ``python tests/data/make_prose.py`` to rebuild it (it was
built with CPython 3.11). Paragraphs of code examples (``>>>``) are dropped: prose is the point.
Modules whose docs are about places or time zones (zoneinfo, locale, calendar) are left out on
purpose, since the corpus must contain no place names; nothing is filtered by the extractor.
"""

from __future__ import annotations

import importlib
import inspect
import sys
from pathlib import Path

_MODULE_LIST = (
    "abc argparse array ast asyncio.events asyncio.futures asyncio.locks asyncio.queues asyncio.streams "
    "asyncio.tasks base64 bdb binascii bisect bz2 cmd code codecs collections collections.abc "
    "concurrent.futures configparser contextlib copy csv dataclasses decimal difflib dis doctest email.message "
    "email.parser enum filecmp fileinput fnmatch fractions ftplib functools getopt gettext glob graphlib "
    "gzip hashlib heapq hmac html.parser http.client http.cookiejar http.server imaplib importlib "
    "importlib.abc importlib.metadata importlib.resources inspect io ipaddress itertools json json.decoder "
    "json.encoder logging logging.handlers lzma mailbox mimetypes multiprocessing.pool "
    "multiprocessing.managers netrc numbers operator optparse os os.path pathlib pdb pickle pickletools "
    "pkgutil platform plistlib poplib pprint profile pstats pty pydoc queue quopri random re reprlib "
    "rlcompleter runpy sched secrets selectors shelve shlex shutil signal site smtplib socket "
    "socketserver sqlite3 ssl stat statistics string struct subprocess symtable sysconfig tabnanny "
    "tarfile tempfile textwrap threading timeit tokenize tomllib trace traceback tracemalloc types "
    "typing unittest.case unittest.mock unittest.loader unittest.runner urllib.parse urllib.request "
    "uuid warnings wave weakref wsgiref.handlers xml.dom.minidom xml.etree.ElementTree xml.sax "
    "xmlrpc.client zipapp zipfile zipimport zlib"
)
MODULES = tuple(_MODULE_LIST.split())


def docstrings(module_name: str) -> list[str]:
    module = importlib.import_module(module_name)
    out = [inspect.getdoc(module) or ""]
    for name, obj in sorted(vars(module).items()):
        if name.startswith("_") or getattr(obj, "__module__", None) != module.__name__:
            continue
        out.append(inspect.getdoc(obj) or "")
        if inspect.isclass(obj):
            for _attr, member in sorted(vars(obj).items()):
                if callable(member) and not _attr.startswith("_"):
                    out.append(inspect.getdoc(member) or "")
    return out


def main() -> None:
    seen: set[str] = set()
    paragraphs: list[str] = []
    for name in MODULES:
        for doc in docstrings(name):
            for para in doc.split("\n\n"):
                para = para.strip()
                if len(para) < 40 or ">>>" in para or para in seen:
                    continue
                seen.add(para)
                paragraphs.append(para)
    target = Path(__file__).with_name("prose_en.txt")
    target.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    print(f"{target}: {target.stat().st_size} bytes, {len(paragraphs)} paragraphs (Python {sys.version.split()[0]})")


if __name__ == "__main__":
    main()
