"""Helpers shared by diplograph's command-line tests.

Every test script takes the same arguments:

    SCRIPT DIPLOGRAPH_BINARY SOURCE_DIR SHARED_DIR [-k SUBSTRING]

and is run by CTest with /usr/bin/python3 (Debian's python3-networkx,
python3-igraph and python3-jsonschema live there). A script is a Suite of
subtests; each subtest runs in its own empty temporary directory. Output is one
line a subtest: "ok:", "FAIL:", "SKIP:", "XFAIL:" (a known bug, listed in the
script's EXPECTED_FAILURES with the reason) or "XPASS:" (a known bug that no
longer shows: take it off the list). The exit code is 1 if anything failed,
77 (CTest's SKIP_RETURN_CODE) if every subtest skipped, else 0.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

SKIP_CODE = 77


class Failure(Exception):
    """A subtest's check failed."""


class Skip(Exception):
    """A subtest cannot run here."""


def fail(message):
    raise Failure(message)


def skip(reason):
    raise Skip(reason)


def check(ok, message):
    if not ok:
        raise Failure(message)


def check_equal(got, want, what):
    if got != want:
        raise Failure(f"{what}: got {short(got)}, want {short(want)}")


def short(value, limit=600):
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + f"... ({len(text)} chars)"


class Result:
    """A finished run of the binary; stdout and stderr are bytes."""

    def __init__(self, args, returncode, stdout, stderr, seconds):
        self.args, self.returncode = args, returncode
        self.stdout, self.stderr, self.seconds = stdout, stderr, seconds

    @property
    def err(self):
        return self.stderr.decode("utf-8", "replace")

    @property
    def out(self):
        return self.stdout.decode("utf-8", "replace")

    def err_lines(self):
        return self.err.splitlines()

    def describe(self):
        return (f"`{' '.join(self.args)}` exited {self.returncode}\n"
                f"  stderr: {short(self.err, 1500)}\n  stdout: {short(self.out, 300)}")

    def expect(self, code, stderr_empty=None, stderr_lines=None):
        """Checks the exit code, and optionally that stderr is empty or has
        exactly `stderr_lines` lines."""
        if self.returncode < 0:
            fail(f"crashed with signal {-self.returncode}: {self.describe()}")
        if self.returncode != code:
            fail(f"want exit {code}: {self.describe()}")
        if stderr_empty and self.stderr:
            fail(f"want nothing on stderr: {self.describe()}")
        if stderr_lines is not None and len(self.err_lines()) != stderr_lines:
            fail(f"want {stderr_lines} line(s) on stderr: {self.describe()}")
        return self


class Suite:
    def __init__(self, doc, expected_failures=None):
        self.doc = doc
        self.expected_failures = dict(expected_failures or {})
        self.tests = []
        args = sys.argv[1:]
        self.only = None
        if "-k" in args:
            i = args.index("-k")
            self.only = args[i + 1]
            del args[i:i + 2]
        if len(args) != 3:
            print(doc, file=sys.stderr)
            sys.exit(2)
        self.binary = os.path.abspath(args[0])
        self.source_dir = os.path.abspath(args[1])
        self.shared_dir = os.path.abspath(args[2])
        self.samples = os.path.join(self.source_dir, "samples")
        self.tmp = None

    # --- Running the binary -------------------------------------------------

    def env(self):
        env = dict(os.environ)
        env["DIPLOGRAPH_DATA"] = os.path.join(self.source_dir, "data")
        env.pop("TERM", None)
        env["LC_ALL"] = "C.UTF-8"
        return env

    def run(self, *args, stdin=None, cwd=None, timeout=120, prefix=()):
        """Runs diplograph with `args` (in the subtest's temporary directory
        unless `cwd` says otherwise). `stdin` is bytes, str or None (empty)."""
        if isinstance(stdin, str):
            stdin = stdin.encode("utf-8")
        argv = list(prefix) + [self.binary] + [str(a) for a in args]
        start = time.monotonic()
        try:
            p = subprocess.run(argv, input=stdin if stdin is not None else b"",
                               capture_output=True, cwd=cwd or self.tmp, env=self.env(),
                               timeout=timeout)
        except subprocess.TimeoutExpired:
            fail(f"`{' '.join(argv)}` did not finish in {timeout}s")
        shown = ["diplograph"] + [str(a) for a in args]
        return Result(shown, p.returncode, p.stdout, p.stderr, time.monotonic() - start)

    def popen(self, *args, cwd=None):
        return subprocess.Popen([self.binary] + [str(a) for a in args], cwd=cwd or self.tmp,
                                env=self.env(), stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def path(self, *parts):
        return os.path.join(self.tmp, *parts)

    def write(self, name, content):
        """Writes bytes or str (UTF-8) to `name` in the temporary directory."""
        path = self.path(name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    def read(self, name):
        with open(self.path(name), "rb") as f:
            return f.read()

    # --- Registering and running subtests -------------------------------------

    def test(self, fn):
        self.tests.append(fn)
        return fn

    def main(self):
        names = {fn.__name__ for fn in self.tests}
        for name in sorted(set(self.expected_failures) - names):
            print(f"FAIL: EXPECTED_FAILURES names an unknown subtest {name!r}")
        counts = {"ok": 0, "FAIL": 0, "SKIP": 0, "XFAIL": 0, "XPASS": 0}
        counts["FAIL"] += len(set(self.expected_failures) - names)
        for fn in self.tests:
            name = fn.__name__
            if self.only and self.only not in name:
                continue
            self.tmp = tempfile.mkdtemp(prefix=f"diplograph-{name}-")
            start = time.monotonic()
            try:
                fn(self)
                status, detail = "ok", ""
            except Skip as e:
                status, detail = "SKIP", str(e)
            except Failure as e:
                status, detail = "FAIL", str(e)
            except Exception:  # a bug in the test itself, or an unexpected crash
                status, detail = "FAIL", traceback.format_exc()
            finally:
                restore_permissions(self.tmp)
                shutil.rmtree(self.tmp, ignore_errors=True)
            why = self.expected_failures.get(name)
            if why and status == "FAIL":
                status, detail = "XFAIL", f"known bug: {why}\n  {detail}"
            elif why and status == "ok":
                status, detail = "XPASS", (f"fixed? take it off EXPECTED_FAILURES "
                                           f"(known bug: {why})")
            counts[status] += 1
            took = time.monotonic() - start
            line = f"{status}: {name} ({took:.1f}s)"
            print(line + (f": {detail}" if detail else ""), flush=True)
        print(", ".join(f"{n} {k}" for k, n in counts.items() if n), flush=True)
        if counts["FAIL"]:
            return 1
        ran = counts["ok"] + counts["XFAIL"] + counts["XPASS"]
        if counts["SKIP"] and not ran:
            return SKIP_CODE
        return 0


def restore_permissions(root):
    """Makes everything under `root` removable again (tests chmod 000)."""
    for dirpath, dirnames, _ in os.walk(root):
        for d in dirnames:
            try:
                os.chmod(os.path.join(dirpath, d), 0o755)
            except OSError:
                pass
    for dirpath, dirnames, filenames in os.walk(root):
        for f in filenames:
            try:
                os.chmod(os.path.join(dirpath, f), 0o644)
            except OSError:
                pass


def listing(directory):
    """All names in `directory`, hidden ones included, sorted."""
    return sorted(os.listdir(directory))


def leftover_temporaries(directory):
    return [n for n in os.listdir(directory) if ".tmp-" in n]


def writing_output(process, directory):
    """True once `process` has an output open in `directory`: an unnamed
    O_TMPFILE file, which /proc shows as "DIRECTORY/#INODE (deleted)", or a
    named .NAME.tmp-XXXXXX where the file system has no O_TMPFILE."""
    if leftover_temporaries(directory):
        return True
    unnamed = os.path.realpath(directory) + "/#"
    fds = f"/proc/{process.pid}/fd"
    try:
        names = os.listdir(fds)
    except OSError:  # the process has ended
        return False
    for name in names:
        try:
            target = os.readlink(os.path.join(fds, name))
        except OSError:
            continue
        if target.startswith(unnamed) and target.endswith(" (deleted)"):
            return True
    return False


# Three small articles that extract cleanly, shared by the CLI suites as the
# good documents around bad ones.
GOOD_A = {"id": "good-a", "date": "2025-03-11",
          "text": "Japanese Foreign Minister Takeshi Iwaya met Cho Tae-yul in Geneva on Tuesday."}
GOOD_B = {"id": "good-b", "date": "2025-05-20",
          "text": "Poland expelled three Russian diplomats on Tuesday, Radoslaw Sikorski said."}
GOOD_C = {"id": "good-c", "date": "2025-04-23",
          "text": "The Philippines suspended talks with China on Wednesday."}


def record_ids(data):
    """The document ids of extraction records (JSON Lines bytes), in order."""
    return [json.loads(l)["doc"]["id"] for l in data.decode("utf-8").splitlines()]

