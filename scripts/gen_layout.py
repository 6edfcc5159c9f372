"""Write toponym/csrc/layout.h from toponym/index/schema.py (the one declaration of the index layout).

    python scripts/gen_layout.py

tests/conformance/test_layout.py fails when the committed header and the schema disagree.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from toponym.index.schema import c_header  # noqa: E402

if __name__ == "__main__":
    (ROOT / "toponym" / "csrc" / "layout.h").write_text(c_header(), encoding="utf-8")
