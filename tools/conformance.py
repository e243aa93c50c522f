#!/usr/bin/env python3
"""conformance.py: runs one stage of minipy over a corpus and counts the
files whose output is identical to python3.11's.

    tools/conformance.py tokens --minipy build/dev/minipy [--corpus DIR]
        [--jobs N] [--floor-file tests/conformance/floors.txt] [--show N]
        [--sample K]

The default corpus is python3.11's own Lib/**/*.py (site-packages left out).
The reference outputs come from ONE python3.11 process
(tools/conformance_reference.py); minipy runs once per file, --jobs at a
time. Files the reference itself rejects (non-zero exit) are skipped and
counted. Prints a progress line, the files that differ with their first
differing line, and "STAGE: P/N identical (S skipped)"; exits 1 when P is
below the floor recorded for the stage in the floor file (floors only go
up: --raise-floor writes a higher P back). --sample K checks every K-th
file only: sanitizer builds use it (a full corpus under ASan takes too
long for CI); a sampled run applies no floor but fails when minipy dies of
a signal or a sanitizer reports an error on any file.

A stage is one entry of STAGES: the minipy arguments placed before FILE.
The reference side is the function of the same name in
conformance_reference.py.
"""
import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))

# stage -> minipy arguments before FILE
STAGES = {
    "tokens": ["--dump=tokens"],
    "ast": ["--dump=ast"],
    "symtable": ["--dump=symtable"],
    # source -> minipy's compiler -> its dis text, against `python3.11 -m dis FILE`
    "dis": ["--dump=dis"],
    # python3.11's own .pyc of FILE (made by the reference side in a temp dir)
    # -> minipy's marshal reader and dis printer, against `python3.11 -m dis FILE`
    "dis-pyc": ["--dump=dis"],
    # `minipy --compile FILE -o OUT.pyc`, then python3.11 compares the code
    # object in OUT.pyc with compile(source, FILE, 'exec') (see compare_pyc)
    "pyc": ["--compile"],
}

# Stages whose output holds reprs of constants: code objects show their
# address, and CPython's frozenset constants print their elements in an
# order that depends on string hashes (a new one in every process), so both
# sides are compared with addresses hidden and each frozenset's elements
# sorted (normalize_dis).
FROZENSET_STAGES = {"dis", "dis-pyc"}


def default_corpus(python):
    lib = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"],
                         capture_output=True, text=True, check=True).stdout.strip()
    return lib


def corpus_files(root):
    files = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "site-packages" and d != "__pycache__")
        for name in sorted(filenames):
            if name.endswith(".py"):
                files.append(os.path.join(dirpath, name))
    return sorted(files)


def progress(label, done, total, start):
    if not sys.stderr.isatty():
        if done == total or done % 200 == 0:
            print(f"{label}: {done}/{total} ({time.time() - start:.0f}s)", file=sys.stderr, flush=True)
        return
    width = 40
    filled = width * done // max(total, 1)
    print(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total} "
          f"({time.time() - start:.0f}s)", end="" if done < total else "\n", file=sys.stderr, flush=True)


def compute_references(python, stage, files):
    start = time.time()
    proc = subprocess.Popen([python, os.path.join(HERE, "conformance_reference.py"), stage],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                            encoding="utf-8", errors="surrogateescape")
    # Feed the list from a thread so the two pipes never block each other.
    import threading

    def feed():
        for path in files:
            proc.stdin.write(path + "\n")
        proc.stdin.close()

    threading.Thread(target=feed, daemon=True).start()
    results = []
    for i, _ in enumerate(files):
        line = proc.stdout.readline()
        if not line:
            raise SystemExit(f"conformance: the reference process stopped after {i} files")
        results.append(json.loads(line))
        progress("reference", i + 1, len(files), start)
    proc.wait()
    return results


# minipy under AddressSanitizer: LeakSanitizer cannot look inside pymalloc's
# arenas and reports the blocks they point to; malloc mode lets it see all.
MINIPY_ENV = dict(os.environ, PYTHONMALLOC="malloc")


# What a sanitizer prints when it finds something (ASan, LSan, UBSan).
SANITIZER_MARKERS = ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error: ")


def crash_reason(err, status):
    """Why a minipy run counts as a crash rather than a mere difference."""
    if status < 0:
        return f"killed by signal {-status}"
    for marker in SANITIZER_MARKERS:
        if marker in err:
            line = next(l for l in err.splitlines() if marker in l)
            return line.strip()[:200]
    return None


def run_minipy(minipy, args, path, ref=None, python="python3.11"):
    if args == ["--compile"]:
        return run_compiled(minipy, path, python)
    target = ref["pyc"] if ref and "pyc" in ref else path
    run = subprocess.run([minipy, *args, target], capture_output=True, env=MINIPY_ENV)
    return (run.stdout.decode("utf-8", "surrogateescape"),
            run.stderr.decode("utf-8", "surrogateescape"), run.returncode)


def run_compiled(minipy, path, python):
    """The pyc stage: `minipy --compile FILE -o OUT.pyc`, then python3.11
    (conformance_reference.py compare-pyc) prints "identical" when the code
    object in OUT.pyc equals compile(source, FILE, 'exec'), else the first
    difference."""
    import tempfile
    with tempfile.TemporaryDirectory(prefix="minipy-conf-") as tmp:
        out = os.path.join(tmp, "out.pyc")
        run = subprocess.run([minipy, "--compile", path, "-o", out], capture_output=True, env=MINIPY_ENV)
        if run.returncode != 0:
            return ("", run.stderr.decode("utf-8", "surrogateescape"), run.returncode)
        check = subprocess.run([python, os.path.join(HERE, "conformance_reference.py"), "compare-pyc", path, out],
                               capture_output=True)
        return (check.stdout.decode("utf-8", "surrogateescape"),
                check.stderr.decode("utf-8", "surrogateescape"), check.returncode)


def normalize_dis(text):
    """The dis text as both sides are compared: code object addresses
    hidden (`<code object f at 0x...>`), frozenset elements sorted."""
    import re
    return normalize_frozensets(re.sub(r" at 0x[0-9a-fA-F]+", " at 0x...", text))


def normalize_frozensets(text):
    """Sorts the elements of every `frozenset({...})` in text (top-level
    commas only, quotes and brackets respected)."""
    out = []
    i = 0
    marker = "frozenset({"
    while True:
        j = text.find(marker, i)
        if j < 0:
            out.append(text[i:])
            return "".join(out)
        out.append(text[i:j + len(marker)])
        k = j + len(marker)
        depth, quote, items, start = 0, None, [], k
        while k < len(text):
            c = text[k]
            if quote:
                if c == "\\":
                    k += 1
                elif c == quote:
                    quote = None
            elif c in "'\"":
                quote = c
            elif c in "([{":
                depth += 1
            elif c in ")]}":
                if depth == 0:
                    break
                depth -= 1
            elif c == "," and depth == 0:
                items.append(text[start:k].strip())
                start = k + 1
            k += 1
        items.append(text[start:k].strip())
        out.append(", ".join(sorted(normalize_frozensets(x) for x in items)))
        i = k


def first_difference(expected, actual):
    exp_lines = expected.splitlines()
    act_lines = actual.splitlines()
    for n, (a, b) in enumerate(zip(exp_lines, act_lines), 1):
        if a != b:
            return n, a, b
    n = min(len(exp_lines), len(act_lines)) + 1
    a = exp_lines[n - 1] if n <= len(exp_lines) else "<end>"
    b = act_lines[n - 1] if n <= len(act_lines) else "<end>"
    return n, a, b


def read_floor(path, stage):
    if not path or not os.path.exists(path):
        return 0
    with open(path) as f:
        for line in f:
            parts = line.split("#")[0].split()
            if len(parts) == 2 and parts[0] == stage:
                return int(parts[1])
    return 0


def write_floor(path, stage, value):
    lines = []
    found = False
    if os.path.exists(path):
        with open(path) as f:
            lines = f.read().splitlines()
    for i, line in enumerate(lines):
        parts = line.split("#")[0].split()
        if len(parts) == 2 and parts[0] == stage:
            lines[i] = f"{stage} {value}"
            found = True
    if not found:
        lines.append(f"{stage} {value}")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def main():
    parser = argparse.ArgumentParser(description="minipy stage conformance against python3.11")
    parser.add_argument("stage", choices=sorted(STAGES))
    parser.add_argument("--minipy", required=True, help="the minipy binary to test")
    parser.add_argument("--python", default="python3.11", help="the reference interpreter")
    parser.add_argument("--corpus", help="directory of .py files (default: python3.11's Lib)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--floor-file", help="floors file (lines 'STAGE COUNT')")
    parser.add_argument("--raise-floor", action="store_true", help="write a higher P to the floor file")
    parser.add_argument("--show", type=int, default=20, help="differing files to list")
    parser.add_argument("--sample", type=int, default=1, metavar="K",
                        help="check every K-th file only; floors are then not applied, but a "
                             "crash or a sanitizer report in any file fails the run")
    args = parser.parse_args()

    root = args.corpus or default_corpus(args.python)
    files = corpus_files(root)[::max(args.sample, 1)]
    if not files:
        raise SystemExit(f"conformance: no .py files under {root}")
    references = compute_references(args.python, args.stage, files)

    checked = [(path, ref) for path, ref in zip(files, references) if ref["status"] == 0]
    skipped = len(files) - len(checked)
    start = time.time()
    differing = []
    crashed = []  # (path, why): a signal or a sanitizer report
    same_bytes = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(args.jobs, 1)) as pool:
        futures = {pool.submit(run_minipy, args.minipy, STAGES[args.stage], path, ref, args.python): (path, ref)
                   for path, ref in checked}
        for done, future in enumerate(concurrent.futures.as_completed(futures), 1):
            path, ref = futures[future]
            out, err, status = future.result()
            why = crash_reason(err, status)
            if why:
                crashed.append((path, why))
            if args.stage in FROZENSET_STAGES:
                out = normalize_dis(out)
                ref["out"] = normalize_dis(ref["out"])
            same_bytes += args.stage == "pyc" and out == ref["out"] and "bytes: same" in err
            if out != ref["out"] or status != ref["status"]:
                differing.append((path, ref, out, err, status))
            progress(args.stage, done, len(checked), start)

    # The .pyc files the dis-pyc reference wrote.
    for folder in {os.path.dirname(ref["pyc"]) for _, ref in checked if "pyc" in ref}:
        import shutil
        shutil.rmtree(folder, ignore_errors=True)

    differing.sort()
    for path, ref, out, err, status in differing[:args.show]:
        shown = os.path.relpath(path, root)
        if status != ref["status"]:
            print(f"{shown}: exit status {status}, expected {ref['status']}: {err.strip()[:200]}")
            continue
        n, expected, actual = first_difference(ref["out"], out)
        print(f"{shown}:{n}:\n  python3.11: {expected}\n  minipy:     {actual}")
    if len(differing) > args.show:
        print(f"... and {len(differing) - args.show} more")
    identical = len(checked) - len(differing)
    print(f"{args.stage}: {identical}/{len(checked)} identical ({skipped} skipped)")
    if args.stage == "pyc":
        print(f"pyc: {same_bytes}/{len(checked)} byte-identical to py_compile's .pyc")

    for path, why in sorted(crashed):
        print(f"{os.path.relpath(path, root)}: CRASH: {why}")
    if crashed:
        print(f"{args.stage}: FAIL: minipy crashed or a sanitizer complained on {len(crashed)} files")
        return 1
    if args.sample > 1:
        # A sample says nothing about the floor (a count over the whole corpus).
        print(f"{args.stage}: sampled every {args.sample}th file; floors are checked on full runs only")
        return 0
    floor = read_floor(args.floor_file, args.stage)
    if args.raise_floor and args.floor_file and identical > floor:
        write_floor(args.floor_file, args.stage, identical)
        print(f"{args.stage}: floor raised from {floor} to {identical}")
    elif identical < floor:
        print(f"{args.stage}: FAIL: {identical} identical is below the floor of {floor}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
