"""Build hooks: compile gazetteer/ into toponym/_data/index.bin inside the wheel, and build the
optional C module toponym._speedups.

The compiled index is never committed; every build makes it from the sources in the same tree.
Without a C compiler the build skips toponym._speedups and toponym runs its pure-Python twins.
"""

import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class BuildPyWithIndex(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install compiles on first use (toponym/api.py), from the live sources
        sys.path.insert(0, str(HERE))
        from toponym.build import compile_gazetteer

        target = Path(self.build_lib) / "toponym" / "_data" / "index.bin"
        index = compile_gazetteer(HERE / "gazetteer", target)
        print(f"toponym: compiled {len(index)} places into {target}")


setup(
    cmdclass={"build_py": BuildPyWithIndex},
    ext_modules=[
        Extension(
            "toponym._speedups",
            [
                f"toponym/csrc/{name}.c"
                for name in ("module", "strings", "blocking", "slots", "answers", "textscan", "columns")
            ],
            depends=["toponym/csrc/common.h", "toponym/csrc/layout.h"],
            include_dirs=["toponym/csrc"],
            optional=True,  # no compiler: a warning, and the pure-Python paths
        )
    ],
)
