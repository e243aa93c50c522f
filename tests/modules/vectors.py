"""tests/modules/vectors.py: what the generated-vector tests share.

Each test takes the same options (argument_parser), writes one program
from random inputs, runs it under python3.11 and under minipy (run_both),
and compares the two outputs line by line (report): python3.11 failing is a broken test (status 2), a differing line
or minipy failing is a failure (status 1).
"""
import argparse
import subprocess


def argument_parser(seed, cases=None):
    """The options every vector test takes: --minipy (required), --python,
    --seed (default `seed`) and, for a test with a default number of
    cases, --cases. The test adds its own and calls parse_args()."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--minipy", required=True)
    ap.add_argument("--python", default="python3.11")
    ap.add_argument("--seed", type=int, default=seed)
    if cases is not None:
        ap.add_argument("--cases", type=int, default=cases)
    return ap


def run_both(path, python, minipy, timeout=1800):
    """[(returncode, stdout lines, stderr)] of python3.11, then of minipy."""
    outs = []
    for exe in (python, minipy):
        p = subprocess.run([exe, path], capture_output=True, text=True, timeout=timeout)
        outs.append((p.returncode, p.stdout.splitlines(), p.stderr))
    return outs


def line_diffs(out_py, out_mp):
    """(index, python3.11's line, minipy's line) for every line that differs."""
    n = max(len(out_py), len(out_mp))
    return [(i, out_py[i] if i < len(out_py) else "<missing>", out_mp[i] if i < len(out_mp) else "<missing>")
            for i in range(n) if out_py[i:i + 1] != out_mp[i:i + 1]]


def report(outs, summary, label=None):
    """Prints summary(out_py, diffs) and the first 40 differences (each
    named by label(out_py, i), "line N" by default); the exit status."""
    (rc_py, out_py, err_py), (rc_mp, out_mp, err_mp) = outs
    if rc_py != 0:
        print("python3.11 failed on the generated program:\n" + err_py[-3000:])
        return 2
    diffs = line_diffs(out_py, out_mp)
    print(summary(out_py, diffs))
    for i, want, got in diffs[:40]:
        name = label(out_py, i) if label else "line %d" % (i + 1)
        print("%s\n    python3.11: %s\n    minipy:     %s" % (name, want[:300], got[:300]))
    if rc_mp != 0:
        print("minipy exited with %d\n%s" % (rc_mp, err_mp[-3000:]))
        return 1
    return 1 if diffs else 0
