#!/usr/bin/env python3
"""Checks minipy's run modes against python3.11 run the same way: -c, -m
(modules, packages, runpy's errors), a program on stdin, sys.argv, sys.path,
sys.exit payloads, atexit and flushing at exit, Ctrl-C, and the
__pycache__ files minipy writes (NAME.minipy-311.pyc), reuses, refreshes
when the source changes, and does not write with -B or
PYTHONDONTWRITEBYTECODE.

Book chapter 8 (and 5 for the command line). Each case runs in a fresh
temporary directory; stdout, stderr and the exit status must equal
python3.11's, except that the "EXECUTABLE:" prefix of runpy's messages is
each interpreter's own sys.executable.

    test_run_modes.py --minipy BUILD/minipy [--python python3.11] [NAME ...]
"""
import argparse
import difflib
import marshal
import os
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time

TAG = "minipy-311"

# A clean environment: no inherited PYTHON* variable changes the outcome.
BASE_ENV = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
BASE_ENV["PYTHONMALLOC"] = os.environ.get("PYTHONMALLOC", "malloc")

FILES = {
    "prog.py": "import sys\nprint('prog', __name__, sys.argv)\n",
    "mod.py": "import sys\nprint('mod', __name__, __package__, sys.argv[1:], __spec__.name)\n",
    "fails.py": "def f():\n    return 1 / 0\nf()\n",
    "pkg/__init__.py": "print('pkg init', __name__)\n",
    "pkg/__main__.py": "import sys\nprint('pkg main', __name__, __package__, __spec__.name, sys.argv[1:])\n",
    "pkg/sub.py": "print('sub', __name__, __package__, __spec__.parent)\nraise SystemExit('sub says bye')\n",
    "pkg/fails.py": "x = [1]\nprint(x[2])\n",
    "nomain/__init__.py": "",
    "globals_of_main.py": "print(sorted(globals()), __name__)\n",
    "importer.py": "import helper\nprint(helper.VALUE)\n",
    "helper.py": "VALUE = 'helper from source'\n",
    "sub_dir/where.py": "import sys\nprint(sys.path[0].endswith('sub_dir'), sys.argv)\n",
}


def executable_of(python):
    out = subprocess.run([python, "-c", "import sys; print(sys.executable)"], capture_output=True, text=True,
                         env=BASE_ENV)
    return out.stdout.strip()


class Runner:
    def __init__(self, args):
        self.minipy = os.path.abspath(args.minipy)
        self.python = args.python
        self.executables = {self.python: executable_of(self.python), self.minipy: executable_of(self.minipy)}

    def run(self, exe, argv, cwd, env=None, stdin=None):
        proc = subprocess.run([exe] + argv, cwd=cwd, capture_output=True, timeout=60, input=stdin,
                              env=dict(BASE_ENV, **(env or {})))
        err = proc.stderr.decode("utf-8", "replace").replace(self.executables[exe] + ":", "EXECUTABLE:")
        return proc.stdout.decode("utf-8", "replace"), err, proc.returncode


def make_tree(root):
    for name, text in FILES.items():
        path = os.path.join(root, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
    os.makedirs(os.path.join(root, "extra_dir"), exist_ok=True)


def compare(runner, argv, env=None, stdin=None, out=None):
    """Runs argv under both interpreters in fresh trees; returns the diff lines."""
    results = []
    for exe in (runner.python, runner.minipy):
        with tempfile.TemporaryDirectory() as root:
            make_tree(root)
            e = {k: v.replace("{root}", root) for k, v in (env or {}).items()}
            out, err, status = runner.run(exe, [a.replace("{root}", root) for a in argv], root, e,
                                          stdin.encode() if stdin is not None else None)
            # Each run has its own directory: name it alike in both.
            results.append((out.replace(root, "{root}"), err.replace(root, "{root}"), status))
    (pout, perr, pst), (mout, merr, mst) = results
    diff = []
    for label, p, m in (("stdout", pout, mout), ("stderr", perr, merr)):
        if p != m:
            diff.append(f"--- {label} differs")
            diff.extend(difflib.unified_diff(p.splitlines(), m.splitlines(), "python3.11", "minipy", lineterm=""))
    if pst != mst:
        diff.append(f"--- exit status: python3.11 {pst}, minipy {mst}")
    return diff


# (name, argv, env, stdin): each compared with python3.11.
CASES = [
    ("c_argv", ["-c", "import sys; print(sys.argv, __name__)", "a", "-b"], None, None),
    ("c_traceback", ["-c", "def f():\n    1/0\nf()"], None, None),
    ("c_syntax_error", ["-c", "1 +"], None, None),
    ("exit_none", ["-c", "import sys; sys.exit()"], None, None),
    ("exit_int", ["-c", "import sys; sys.exit(3)"], None, None),
    ("exit_big", ["-c", "raise SystemExit(256 + 7)"], None, None),
    ("exit_negative", ["-c", "raise SystemExit(-1)"], None, None),
    ("exit_true", ["-c", "raise SystemExit(True)"], None, None),
    ("exit_str", ["-c", "import sys; print('out'); sys.exit('bye now')"], None, None),
    ("exit_tuple", ["-c", "raise SystemExit(1, 2)"], None, None),
    ("exit_object", ["-c", "class E:\n    def __str__(self): return 'custom'\nraise SystemExit(E())"], None, None),
    ("exit_huge", ["-c", "raise SystemExit(-2**70)"], None, None),
    ("stdout_closed", ["-c", "import sys\nprint(sys.stdout.closed)\nsys.stdout.close()\nprint('x')"], None, None),
    ("stderr_none", ["-c", "import sys\nsys.stderr = None\n1/0"], None, None),
    ("exit_from_except", ["-c", "try:\n    1/0\nexcept ZeroDivisionError:\n    raise SystemExit(4)"], None, None),
    ("stdin_redirect", [], None, "import sys\nprint('stdin', __file__ if '__file__' in dir() else None, sys.argv)\n"),
    ("stdin_dash", ["-", "x", "y"], None, "import sys\nprint(sys.argv)\nraise KeyError('k')\n"),
    ("script", ["prog.py", "1", "2"], None, None),
    ("script_subdir", ["sub_dir/where.py", "q"], None, None),
    ("script_traceback", ["fails.py"], None, None),
    ("m_module", ["-m", "mod", "x", "y"], None, None),
    ("m_package", ["-m", "pkg", "--flag"], None, None),
    ("m_submodule_exit", ["-m", "pkg.sub"], None, None),
    ("m_traceback", ["-m", "pkg.fails"], None, None),
    ("m_missing", ["-m", "nosuch"], None, None),
    ("m_missing_parent", ["-m", "nosuch.sub"], None, None),
    ("m_not_a_package", ["-m", "mod.sub"], None, None),
    ("m_no_main", ["-m", "nomain"], None, None),
    ("m_relative", ["-m", ".mod"], None, None),
    ("path_c", ["-c", "import sys; print(sys.path[0])"], None, None),
    ("path_pythonpath", ["-c", "import sys; print([p for p in sys.path if p.endswith('extra_dir')])"],
     {"PYTHONPATH": "{root}/extra_dir"}, None),
    ("path_ignore_env", ["-E", "-c", "import sys; print([p for p in sys.path if p.endswith('extra_dir')])"],
     {"PYTHONPATH": "{root}/extra_dir"}, None),
    ("path_safe", ["-P", "-c", "import sys; print(sys.path[0] == '')"], None, None),
    ("path_isolated", ["-I", "sub_dir/where.py"], None, None),
    ("dont_write_flag", ["-c", "import sys; print(sys.dont_write_bytecode)"], None, None),
    ("dont_write_B", ["-B", "-c", "import sys; print(sys.dont_write_bytecode)"], None, None),
    ("dont_write_env", ["-c", "import sys; print(sys.dont_write_bytecode)"], {"PYTHONDONTWRITEBYTECODE": "1"}, None),
    ("dont_write_env_E", ["-E", "-c", "import sys; print(sys.dont_write_bytecode)"],
     {"PYTHONDONTWRITEBYTECODE": "1"}, None),
    ("atexit_after_exit", ["-c", "import atexit, sys\natexit.register(print, 'atexit ran')\nsys.exit(5)"], None, None),
    ("atexit_after_error", ["-c", "import atexit\natexit.register(print, 'atexit ran')\n{}['k']"], None, None),
    ("atexit_run_exitfuncs", ["-c", "import atexit\natexit.register(print, 'once')\natexit._run_exitfuncs()"],
     None, None),
    ("main_globals_c", ["-c", "print(sorted(globals()), __annotations__)"], None, None),
    ("main_globals_stdin", [], None, "print(sorted(globals()), __file__)\n"),
    ("main_globals_m", ["-m", "globals_of_main"], None, None),
    ("displayhook", ["-c", "import sys\nsys.displayhook(3)\nsys.displayhook(None)\n"
                     "print(_, sys.__displayhook__ is sys.displayhook)"], None, None),
    ("unbuffered", ["-u", "-c", "import sys\nprint('a')\nsys.stderr.write('b\\n')\nprint('c')"], None, None),
    # sys.flags, sys._xoptions and the int max str digits limit from the
    # command line and the environment (hash_randomization left out: minipy
    # hashes with a fixed key).
    ("flags_options", ["-B", "-s", "-S", "-E", "-q", "-b", "-b", "-d", "-O", "-O", "-P", "-c",
                       "import sys; f = sys.flags; print(f[:11], f[12:])"], None, None),
    ("flags_isolated", ["-I", "-X", "dev", "-X", "utf8", "-c", "import sys; f = sys.flags; print(f[:11], f[12:])"],
     None, None),
    ("xoptions", ["-X", "a", "-X", "b=1", "-X", "a=2", "-W", "ignore", "-c",
                  "import sys; print(sys._xoptions, sys.warnoptions)"], None, None),
    ("int_digits_x", ["-X", "int_max_str_digits=700", "-c",
                      "import sys; print(sys.flags.int_max_str_digits, sys.get_int_max_str_digits())\n"
                      "int('1' * 701)"], None, None),
    ("int_digits_env", ["-c", "import sys; print(sys.flags.int_max_str_digits, sys.get_int_max_str_digits())"],
     {"PYTHONINTMAXSTRDIGITS": "0"}, None),
    ("int_digits_env_E", ["-E", "-c", "import sys; print(sys.flags.int_max_str_digits)"],
     {"PYTHONINTMAXSTRDIGITS": "0"}, None),
    ("int_digits_bad_x", ["-X", "int_max_str_digits=100", "-c", "pass"], None, None),
    ("int_digits_bad_env", ["-c", "pass"], {"PYTHONINTMAXSTRDIGITS": "x"}, None),
]


def check_cases(runner, names):
    failures = []
    for name, argv, env, stdin in CASES:
        if names and name not in names:
            continue
        diff = compare(runner, argv, env, stdin)
        print(("ok    " if not diff else "FAIL  ") + name)
        if diff:
            failures.append(name)
            for line in diff:
                print("    " + line)
    return failures


# --- __pycache__ -------------------------------------------------------------

def pyc_header(path):
    with open(path, "rb") as f:
        return f.read(16)


def check_pycache(runner):
    """minipy's cache files: written, valid, reused, refreshed, never CPython's."""
    problems = []
    with tempfile.TemporaryDirectory() as root:
        make_tree(root)
        cache = os.path.join(root, "__pycache__", "helper." + TAG + ".pyc")
        src = os.path.join(root, "helper.py")

        def run(*argv, env=None):
            return runner.run(runner.minipy, list(argv), root, env)

        # -B and PYTHONDONTWRITEBYTECODE: nothing is written.
        for argv, env in ((["-B", "importer.py"], None), (["importer.py"], {"PYTHONDONTWRITEBYTECODE": "1"})):
            out, err, st = run(*argv, env=env)
            if (out, st) != ("helper from source\n", 0) or os.path.exists(os.path.join(root, "__pycache__")):
                problems.append(f"{argv} {env}: wrote a cache or failed: {out!r} {err!r} {st}")
        # Written on the first import, with a timestamp header that matches
        # the source, and python3.11 reads the same bytes as a code object.
        out, err, st = run("importer.py")
        if not os.path.exists(cache):
            problems.append(f"no {cache} after an import: {out!r} {err!r}")
            return problems
        st_src = os.stat(src)
        magic, flags, mtime, size = struct.unpack("<4sIII", pyc_header(cache))
        expected = (b"\xa7\r\r\n", 0, int(st_src.st_mtime) & 0xFFFFFFFF, st_src.st_size)
        if (magic, flags, mtime, size) != expected:
            problems.append(f"cache header {(magic, flags, mtime, size)} != {expected}")
        if os.path.exists(os.path.join(root, "__pycache__", "helper.cpython-311.pyc")):
            problems.append("minipy wrote CPython's cache file name")
        # The main script itself is not cached, as in CPython.
        if os.path.exists(os.path.join(root, "__pycache__", "importer." + TAG + ".pyc")):
            problems.append("the main script was cached")
        # Reused: a valid header in front of other code is believed.
        with open(cache, "rb") as f:
            header = f.read(16)
        body = marshal.dumps(compile("VALUE = 'helper from cache'\n", src, "exec"))
        with open(cache, "wb") as f:
            f.write(header + body)
        out, err, st = run("importer.py")
        if out != "helper from cache\n":
            problems.append(f"valid cache not reused: {out!r} {err!r}")
        # Refreshed: once the source changes (mtime and size), the cache is
        # stale; minipy compiles again and rewrites it.
        with open(src, "w") as f:
            f.write("VALUE = 'helper, edited source'\n")
        os.utime(src, (st_src.st_mtime + 10, st_src.st_mtime + 10))
        out, err, st = run("importer.py")
        if out != "helper, edited source\n":
            problems.append(f"stale cache used: {out!r} {err!r}")
        _, _, mtime, size = struct.unpack("<4sIII", pyc_header(cache))
        if (mtime, size) != (int(st_src.st_mtime + 10) & 0xFFFFFFFF, os.stat(src).st_size):
            problems.append("stale cache not rewritten")
        # Garbage in the cache (bad magic number) is ignored, not an error.
        with open(cache, "wb") as f:
            f.write(b"not a pyc at all")
        out, err, st = run("importer.py")
        if (out, err, st) != ("helper, edited source\n", "", 0):
            problems.append(f"garbage cache: {out!r} {err!r} {st}")
        # CPython's own cache file is never read by minipy.
        shutil.rmtree(os.path.join(root, "__pycache__"))
        os.makedirs(os.path.join(root, "__pycache__"))
        with open(os.path.join(root, "__pycache__", "helper.cpython-311.pyc"), "wb") as f:
            f.write(header[:8] + struct.pack("<II", int(os.stat(src).st_mtime) & 0xFFFFFFFF, os.stat(src).st_size)
                    + marshal.dumps(compile("VALUE = 'from cpython cache'\n", src, "exec")))
        out, err, st = run("importer.py")
        if out != "helper, edited source\n":
            problems.append(f"read CPython's cache file: {out!r} {err!r}")
        # An unusable cache directory (here a file where __pycache__ should
        # be) costs only the cache: the program runs, nothing is printed.
        shutil.rmtree(os.path.join(root, "__pycache__"))
        with open(os.path.join(root, "__pycache__"), "w") as f:
            f.write("in the way")
        out, err, st = run("importer.py")
        if (out, err, st) != ("helper, edited source\n", "", 0):
            problems.append(f"unwritable cache directory: {out!r} {err!r} {st}")
        # sys.implementation.cache_tag names the tag.
        out, err, st = run("-c", "import sys; print(sys.implementation.cache_tag)")
        if out != TAG + "\n":
            problems.append(f"sys.implementation.cache_tag: {out!r} {err!r}")
    return problems


# --- exit-time flushing and Ctrl-C ---------------------------------------------

def check_full_disk(runner):
    """stdout on a full device: python3.11 reports the failed flush at exit
    ("Exception ignored in: <stdout>") and exits with status 120."""
    if not os.path.exists("/dev/full"):
        return []
    results = []
    for exe in (runner.python, runner.minipy):
        with open("/dev/full", "w") as full:
            proc = subprocess.run([exe, "-c", "print('lost')"], stdout=full, stderr=subprocess.PIPE,
                                  env=BASE_ENV, timeout=60)
        results.append((proc.stderr.decode(), proc.returncode))
    return [] if results[0] == results[1] else [f"/dev/full: python3.11 {results[0]}, minipy {results[1]}"]


SIGINT_PROGRAM = (
    "import atexit, sys\n"
    "atexit.register(print, 'atexit still runs')\n"
    "def spin():\n"
    "    while True:\n"
    "        pass\n"
    "print('ready', flush=True)\n"
    "spin()\n"
)


def interrupt(exe):
    proc = subprocess.Popen([exe, "-c", SIGINT_PROGRAM], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=BASE_ENV)
    ready = proc.stdout.readline()
    time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    try:
        out, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        return ready.decode(), "<still running 30s after SIGINT>", None
    return (ready + out).decode(), err.decode(), proc.returncode


def check_sigint(runner):
    """Ctrl-C in a busy loop: KeyboardInterrupt's traceback, the atexit
    callbacks, then death by SIGINT (status -2 as subprocess reports it)."""
    p = interrupt(runner.python)
    m = interrupt(runner.minipy)
    if p == m:
        return []
    return [f"SIGINT: python3.11 {p!r}", f"SIGINT: minipy    {m!r}"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minipy", required=True)
    parser.add_argument("--python", default="python3.11")
    parser.add_argument("names", nargs="*")
    args = parser.parse_args()
    runner = Runner(args)
    failures = check_cases(runner, args.names)
    if not args.names:
        for name, check in (("pycache", check_pycache), ("full_disk", check_full_disk), ("sigint", check_sigint)):
            problems = check(runner)
            print(("ok    " if not problems else "FAIL  ") + name)
            for p in problems:
                print("    " + p)
            if problems:
                failures.append(name)
    total = len(CASES) + 3 if not args.names else len(args.names)
    print(f"run modes: {total - len(failures)} passed, {len(failures)} failed of {total}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
