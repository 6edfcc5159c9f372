"""Files, pipes and special files through the CLI: read once, never replaced, no traceback.

Each test here is a reproducer of a failure once seen: a FIFO or a device replaced by a regular
file, a pipe given by path read twice (so nothing printed) or a FIFO opened twice (a hang),
Python tracebacks on operating-system errors, a multi-file --in-place that stopped silently, an
output given the input's mode, setuid bits dropped silently, compile's fixed temporary name.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import socket
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import toponym.cli.text
import toponym.textio
from toponym import Gazetteer
from toponym.build import compile_gazetteer
from toponym.cli import main
from toponym.cli.common import Output

from ..conftest import FIXTURE, ROOT

TEXT = "Talks on Kunashiri.\n"
DONE = "Talks on Kunashir.\n"
TIMEOUT = 60  # a run that reads a FIFO twice would wait for a second writer forever

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, devices and sockets are POSIX")


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("idx") / "fx.bin"
    compile_gazetteer(FIXTURE, path)
    return str(path)


def run(*args: str, input: bytes | None = None) -> tuple[int, bytes, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.stdout_bytes, result.stderr


def cli(*args: str, stdin: bytes | None = None, shell: str | None = None) -> subprocess.CompletedProcess[bytes]:
    """The real command in its own process, with a time limit (a hang fails, it never blocks the suite)."""
    command = [sys.executable, "-m", "toponym", *args]
    if shell is not None:
        command = ["bash", "-c", shell.replace("TOPONYM", " ".join(command))]
    return subprocess.run(command, cwd=ROOT, input=stdin, capture_output=True, timeout=TIMEOUT, check=False)


def one_line_error(err: str | bytes) -> str:
    text = err.decode() if isinstance(err, bytes) else err
    assert "Traceback" not in text, text
    lines = text.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("toponym: "), text
    return lines[0]


@contextlib.contextmanager
def fifo_writer(path: Path, data: bytes) -> Iterator[None]:
    """Writes ``data`` into the FIFO once, from a thread, as soon as a reader opens it."""

    def write() -> None:
        with open(path, "wb") as f:
            f.write(data)

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    try:
        yield
    finally:
        if thread.is_alive():  # nobody opened it: let the writer's open() return
            with contextlib.suppress(OSError):
                os.close(os.open(path, os.O_RDONLY | os.O_NONBLOCK))
        thread.join(5)


@contextlib.contextmanager
def fifo_reader(path: Path) -> Iterator[list[bytes]]:
    """Collects what is written into the FIFO (the list is filled when the block ends)."""
    got: list[bytes] = []

    def read() -> None:
        with open(path, "rb") as f:
            got.append(f.read())

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    try:
        yield got
    finally:
        thread.join(TIMEOUT)


def private_device(tmp_path: Path, name: str, minor: int) -> Path:
    """A character device to write to, safely: as root, a private node of the same device made
    with mknod in ``tmp_path``, so that a bug replacing it harms nothing (as root, a faulty
    ``-o /dev/full`` would replace the machine's own); otherwise the device itself, which only
    root could replace."""
    if os.geteuid() != 0:
        if not os.path.exists(f"/dev/{name}"):
            pytest.skip(f"needs /dev/{name}")
        return Path(f"/dev/{name}")
    node = tmp_path / name
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, minor))
        with open(node, "wb"):
            pass
    except OSError:
        pytest.skip("cannot make a device node here")
    return node


@pytest.fixture
def char_device(tmp_path: Path) -> Path:
    return private_device(tmp_path, "null", 3)


@pytest.fixture
def full_device(tmp_path: Path) -> Path:
    return private_device(tmp_path, "full", 7)


def source(tmp_path: Path, text: str = TEXT, name: str = "in.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- pipes given by path are read once --------------------------------------------------------------


@pytest.mark.skipif(shutil.which("bash") is None, reason="process substitution needs bash")
@pytest.mark.parametrize("command", ["normalize", "extract"])
def test_process_substitution_is_read(index: str, command: str) -> None:
    proc = cli(shell=f"TOPONYM {command} --index {index} <(printf 'Talks on Kunashiri.\\n')")
    assert proc.returncode == 0 and proc.stderr == b""
    assert proc.stdout == DONE.encode() if command == "normalize" else b"kunashir\tKunashiri" in proc.stdout


def test_dev_stdin_is_read(index: str) -> None:
    proc = cli("normalize", "--index", index, "/dev/stdin", stdin=TEXT.encode())
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, DONE.encode(), b"")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["normalize"], DONE.encode()),
        (["normalize", "--errors", "replace"], DONE.encode()),
        (["extract"], b"fifo:1:10\tkunashir\tKunashiri\tKunashir\n"),
    ],
)
def test_named_fifo_is_opened_once(index: str, tmp_path: Path, args: list[str], expected: bytes) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with fifo_writer(fifo, TEXT.encode()):
        proc = subprocess.run(
            [sys.executable, "-m", "toponym", *args, "--index", index, "fifo"],
            cwd=tmp_path,
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
        )
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, expected, b"")


# --- special files as output are written, never replaced ----------------------------------------------


def test_fifo_as_output_is_written_as_a_stream(index: str, tmp_path: Path) -> None:
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    with fifo_reader(fifo) as got:
        proc = cli("normalize", "--index", index, str(source(tmp_path)), "-o", str(fifo))
    assert proc.returncode == 0 and got == [DONE.encode()]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    with fifo_reader(fifo) as got:
        proc = cli("compile", str(FIXTURE), "-o", str(fifo))
    assert proc.returncode == 0 and stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert got[0] == Path(index).read_bytes()


def test_device_as_output_is_written_never_replaced(index: str, tmp_path: Path, char_device: Path) -> None:
    src = source(tmp_path)
    link = tmp_path / "link"
    link.symlink_to(char_device)
    before = os.lstat(char_device)
    for args in (
        ["normalize", "--index", index, str(src), "-o", str(char_device)],
        ["normalize", "--index", index, str(src), "-o", str(link)],
        ["resolve", "--index", index, "Kunashiri", "-o", str(char_device)],
        ["compile", str(FIXTURE), "-o", str(char_device)],
    ):
        code, _, err = run(*args)
        assert code == 0, (args, err)
        after = os.lstat(char_device)
        assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev and after.st_ino == before.st_ino
    assert link.is_symlink()
    code, _, err = run("normalize", "--index", index, "--in-place", str(char_device))
    assert code == 1 and "not a regular file" in one_line_error(err)
    assert os.lstat(char_device).st_ino == before.st_ino


def test_socket_and_folder_are_refused(index: str, tmp_path: Path) -> None:
    sock_path = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(sock_path))
        src = source(tmp_path)
        code, _, err = run("normalize", "--index", index, str(src), "-o", str(sock_path))
        assert code == 1 and "is a socket" in one_line_error(err)
        code, _, err = run("extract", "--index", index, str(sock_path))
        assert code == 1 and "is a socket" in one_line_error(err)
        assert stat.S_ISSOCK(os.lstat(sock_path).st_mode)
    code, out, err = run("extract", "--index", index, str(tmp_path))
    assert code == 1 and out == b"" and "is a folder" in one_line_error(err)


# --- operating-system errors: one line, exit status 1 ------------------------------------------------


@pytest.fixture
def deny(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], None]:
    """Makes opening ``path`` (or creating a file in it, for a folder) fail with EACCES: with
    real permissions when not root, by refusing the system call for root (who ignores them)."""
    denied: list[str] = []
    real_open = os.open

    def fake_open(path: str | os.PathLike[str], flags: int, *args: int, **kw: int) -> int:
        target = os.fspath(path)
        if any(target == d or target.startswith(d + os.sep) for d in denied):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), target)
        return real_open(path, flags, *args, **kw)

    def deny_path(path: Path) -> None:
        if os.geteuid() != 0:
            path.chmod(0o500 if path.is_dir() else 0)
            return
        denied.append(str(path))
        monkeypatch.setattr(os, "open", fake_open)
        monkeypatch.setattr(
            toponym.textio, "open", lambda p, *a, **k: os.fdopen(fake_open(p, os.O_RDONLY), *a, **k), raising=False
        )

    return deny_path


def test_permission_denied_is_one_line(index: str, tmp_path: Path, deny: Callable[[Path], None]) -> None:
    secret = source(tmp_path, name="secret.txt")
    deny(secret)
    code, out, err = run("extract", "--index", index, str(secret))
    assert code == 1 and out == b""
    assert (
        one_line_error(err)
        == f"toponym: cannot read {secret}: Permission denied; check the permissions of the file and of its folder"
    )
    locked = tmp_path / "locked"
    locked.mkdir()
    deny(locked)
    code, _, err = run("normalize", "--index", index, str(source(tmp_path)), "-o", str(locked / "out.txt"))
    assert code == 1 and f"cannot write {locked / 'out.txt'}: Permission denied" in one_line_error(err)


def test_missing_file_and_folder_input(index: str, tmp_path: Path) -> None:
    for command in ("extract", "normalize"):
        code, out, err = run(command, "--index", index, str(tmp_path / "nope.txt"))
        assert code == 1 and out == b"" and "No such file or directory; check the path" in one_line_error(err)
        code, out, err = run(command, "--index", index, str(tmp_path))
        assert code == 1 and out == b"" and "is a folder" in one_line_error(err)
    code, _, err = run("resolve", "--index", index, "--csv", str(tmp_path / "nope.csv"), "--column", "c")
    assert code == 1 and "cannot read" in one_line_error(err)


@pytest.mark.once
def test_full_disk(index: str, tmp_path: Path, full_device: Path) -> None:
    src = source(tmp_path)
    for args in (
        ["normalize", "--index", index, str(src), "-o", str(full_device)],
        ["resolve", "--index", index, "Kunashiri", "-o", str(full_device)],
        ["compile", str(FIXTURE), "-o", str(full_device)],
    ):
        code, _, err = run(*args)
        assert code == 1 and f"cannot write {full_device}: No space left on device" in one_line_error(err), args
        assert stat.S_ISCHR(os.lstat(full_device).st_mode)
    for args in (["extract", str(src)], ["normalize", str(src)], ["resolve", "Kunashiri"]):
        with open(full_device, "wb") as full:
            proc = subprocess.run(
                [sys.executable, "-m", "toponym", args[0], "--index", index, *args[1:]],
                cwd=ROOT,
                stdout=full,
                stderr=subprocess.PIPE,
                timeout=TIMEOUT,
                check=False,
            )
        assert proc.returncode == 1
        assert one_line_error(proc.stderr).startswith("toponym: cannot write standard output: No space left on device")


@pytest.mark.once
def test_full_disk_while_replacing_a_file_leaves_it(
    index: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src, dst = source(tmp_path), source(tmp_path, "old output\n", "out.txt")

    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", no_space)
    code, _, err = run("normalize", "--index", index, str(src), "-o", str(dst))
    assert code == 1 and f"cannot write {dst}: No space left on device" in one_line_error(err)
    assert dst.read_text(encoding="utf-8") == "old output\n"
    code, _, err = run("normalize", "--index", index, "--in-place", str(src))
    assert code == 1 and "No space left on device" in one_line_error(err)
    assert src.read_text(encoding="utf-8") == TEXT
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt", "out.txt"]


def test_an_unexpected_error_is_one_line_too(index: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: Gazetteer, text: str, **options: bool) -> list[object]:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(Gazetteer, "extract", broken)
    code, _, err = run("extract", "--index", index, str(source(tmp_path)))
    assert code == 1 and "internal error: RuntimeError: simulated bug" in one_line_error(err)


def test_a_closed_pipe_is_quiet(index: str, tmp_path: Path) -> None:
    big = source(tmp_path, TEXT * 50_000)
    with subprocess.Popen(["head", "-n", "1"], stdin=subprocess.PIPE, stdout=subprocess.PIPE) as reader:
        assert reader.stdin is not None and reader.stdout is not None
        proc = subprocess.run(
            [sys.executable, "-m", "toponym", "extract", "--index", index, str(big)],
            cwd=ROOT,
            stdout=reader.stdin,
            stderr=subprocess.PIPE,
            timeout=TIMEOUT,
            check=False,
        )
        reader.stdin.close()
        out = reader.stdout.read()
    assert out == f"{big}:1:10\tkunashir\tKunashiri\tKunashir\n".encode() and proc.stderr == b""


# --- several files in place -----------------------------------------------------------------------


def test_in_place_reports_each_file_and_goes_on(index: str, tmp_path: Path) -> None:
    good1, good2 = source(tmp_path, name="a.txt"), source(tmp_path, name="e.txt")
    bad = tmp_path / "b.txt"
    bad.write_bytes(b"Kunashiri \xff\n")
    folder = tmp_path / "c"
    folder.mkdir()
    missing = tmp_path / "d.txt"
    code, out, err = run("normalize", "--index", index, "--in-place", *map(str, (good1, bad, folder, missing, good2)))
    assert code == 1 and out == b"" and "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 4 and all(line.startswith("toponym: ") for line in lines)
    assert f"{bad}: invalid UTF-8 at line 1" in lines[0]
    assert f"{folder} is a folder" in lines[1]
    assert f"cannot rewrite {missing}: No such file or directory" in lines[2]
    assert lines[3] == f"toponym: rewrote 2 of 5 files: {good1}, {good2}; left as they were: {bad}, {folder}, {missing}"
    assert good1.read_text(encoding="utf-8") == good2.read_text(encoding="utf-8") == DONE
    assert bad.read_bytes() == b"Kunashiri \xff\n"
    code, _, err = run("normalize", "--index", index, "--in-place", "-j", "2", str(bad), str(good1))
    assert code == 1 and "rewrote 1 of 2 files" in err


def test_in_place_stopped_halfway_says_which_files_were_rewritten(
    index: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = [source(tmp_path, name=f"{n}.txt") for n in "abcd"]
    real = toponym.cli.text.rewrite_file
    seen: list[str] = []

    def interrupted_at_the_third(*args: object, **kwargs: object) -> tuple[bool, str]:
        seen.append("x")
        if len(seen) == 3:
            raise KeyboardInterrupt
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(toponym.cli.text, "rewrite_file", interrupted_at_the_third)
    result = CliRunner().invoke(main, ["normalize", "--index", index, "--in-place", *map(str, files)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    a, b, c, d = files
    assert (
        f"toponym: stopped: rewrote 2 of 4 files: {a}, {b}; not done (each left as it was or rewritten whole): {c}, {d}"
        in result.output
    )
    assert [f.read_text(encoding="utf-8") for f in files] == [DONE, DONE, TEXT, TEXT]


# --- modes and owners -----------------------------------------------------------------------------


def test_output_keeps_its_own_mode_and_a_new_one_takes_the_umask(index: str, tmp_path: Path) -> None:
    src = source(tmp_path)
    src.chmod(0o644)
    dst = source(tmp_path, "old\n", "out.txt")
    dst.chmod(0o600)
    assert run("normalize", "--index", index, str(src), "-o", str(dst))[0] == 0
    assert stat.S_IMODE(dst.stat().st_mode) == 0o600 and dst.read_text(encoding="utf-8") == DONE
    src.chmod(0o600)
    old = os.umask(0o022)
    try:
        assert run("normalize", "--index", index, str(src), "-o", str(tmp_path / "new.txt"))[0] == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o644


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another owner needs root")
def test_output_keeps_its_own_owner(index: str, tmp_path: Path) -> None:
    src, dst = source(tmp_path), source(tmp_path, "old\n", "out.txt")
    os.chown(dst, 4321, 4321)
    assert run("normalize", "--index", index, str(src), "-o", str(dst))[0] == 0
    assert (dst.stat().st_uid, dst.stat().st_gid) == (4321, 4321)
    assert (src.stat().st_uid, src.stat().st_gid) == (0, 0)


def test_in_place_keeps_setuid_and_setgid_or_says_so(
    index: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = source(tmp_path)
    src.chmod(0o6755)
    if stat.S_IMODE(src.stat().st_mode) != 0o6755:
        pytest.skip("this file system does not keep setuid/setgid bits")
    code, _, err = run("normalize", "--index", index, "--in-place", str(src))
    assert code == 0 and err == ""
    assert stat.S_IMODE(src.stat().st_mode) == 0o6755 and src.read_text(encoding="utf-8") == DONE
    real_fchmod = os.fchmod
    monkeypatch.setattr(os, "fchmod", lambda fd, mode: real_fchmod(fd, mode & 0o777))  # as a system refusing them
    src.write_text(TEXT, encoding="utf-8")
    code, _, err = run("normalize", "--index", index, "--in-place", str(src))
    assert code == 0 and src.read_text(encoding="utf-8") == DONE
    assert "lost its setuid and setgid bit" in one_line_error(err)


# --- compile -o ------------------------------------------------------------------------------------


def test_compile_never_follows_a_planted_symlink(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_text("keep me", encoding="utf-8")
    out = tmp_path / "index.bin"
    for planted in ("index.bin.tmp", ".index.bin.tmp"):
        (tmp_path / planted).symlink_to(victim)
    code, _, err = run("compile", str(FIXTURE), "-o", str(out))
    assert code == 0, err
    assert victim.read_text(encoding="utf-8") == "keep me" and Gazetteer.load(out).get("kunashir")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".index.bin.tmp", "index.bin", "index.bin.tmp", "victim"]


def test_concurrent_compiles_to_one_output_all_succeed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Eight compiles whose writes surely overlap (each write is slowed down) all succeed."""
    out = tmp_path / "index.bin"
    real_write = Output.write

    def slow_write(self: Output, data: bytes) -> None:
        time.sleep(0.2)
        real_write(self, data)

    monkeypatch.setattr(Output, "write", slow_write)
    errors: list[BaseException] = []

    def compile_once() -> None:
        try:
            main.main(["compile", str(FIXTURE), "-o", str(out)], standalone_mode=False)
        except BaseException as exc:  # collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=compile_once) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(TIMEOUT)
    assert errors == []
    assert Gazetteer.load(out).get("kunashir") and [p.name for p in tmp_path.iterdir()] == ["index.bin"]


def test_compile_over_a_mapped_index_leaves_its_reader_whole(tmp_path: Path) -> None:
    """A process that has the old index mapped keeps reading it after compile -o replaces it (an
    in-place rewrite would truncate the mapped file: SIGBUS on the next read)."""
    out = tmp_path / "index.bin"
    compile_gazetteer(FIXTURE, out)
    old = Gazetteer.load(out)
    inode = out.stat().st_ino
    out.chmod(0o640)
    code, _, err = run("compile", str(FIXTURE), "-o", str(out))
    assert code == 0, err
    assert out.stat().st_ino != inode and stat.S_IMODE(out.stat().st_mode) == 0o640
    assert [p.id for p in old.places()] == [p.id for p in Gazetteer.load(out).places()]
    assert old.resolve("Kunashiri") is not None
