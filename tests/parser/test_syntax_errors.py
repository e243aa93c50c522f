#!/usr/bin/env python3
"""test_syntax_errors.py: minipy's SyntaxErrors against python3.11's, at
test time (book ch. 6).

For every program of invalid_programs.txt, `minipy --dump=ast FILE` must
print on stderr the SyntaxError python3.11 raises for `ast.parse` of the
same file (what `python3.11 -m ast FILE` reports): same type, message,
line, offset and end offset (the display's caret line shows both). The
expected displays come from one python3.11 process run by this script.

Prints each mismatch, then "syntax errors: M/N match python3.11"; fails
when M is below the floor in syntax_errors_floor.txt (floors only go up).

    test_syntax_errors.py --minipy PATH [--reference python3.11] [--verbose]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

# The display is made by python3.11's own C printer (sys.__excepthook__,
# what `python3.11 -m ast FILE` shows when the error is uncaught), not by
# traceback.py: the two differ, e.g. the C printer gives an
# IndentationError one caret where traceback.py underlines its range.
REFERENCE_SCRIPT = r'''
import ast, io, json, sys
def display(e):
    e.__traceback__ = None  # the display only, as format_exception_only
    saved, sys.stderr = sys.stderr, io.StringIO()
    try:
        sys.__excepthook__(type(e), e, None)
        return sys.stderr.getvalue()
    finally:
        sys.stderr = saved
out = {}
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        source = f.read()
    try:
        ast.parse(source, path, type_comments=True)
        out[path] = None
    except Exception as e:
        out[path] = display(e)
print(json.dumps(out))
'''


def read_programs(path):
    programs, name, lines = [], None, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("### "):
                if name is not None:
                    programs.append((name, "".join(lines)))
                name, lines = line[4:].strip(), []
            elif name is not None:
                lines.append(line)
    if name is not None:
        programs.append((name, "".join(lines)))
    return programs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--minipy", required=True)
    ap.add_argument("--reference", default="python3.11")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()

    programs = read_programs(os.path.join(HERE, "invalid_programs.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for name, source in programs:
            path = os.path.join(tmp, name + ".py")
            with open(path, "w", encoding="utf-8") as f:
                f.write(source)
            paths.append(path)
        ref = subprocess.run([args.reference, "-c", REFERENCE_SCRIPT] + paths,
                             capture_output=True, text=True, check=True)
        expected = json.loads(ref.stdout)
        matched, total, accepted = 0, 0, []
        for (name, _), path in zip(programs, paths):
            want = expected[path]
            if want is None:
                accepted.append(name)
                continue
            total += 1
            run = subprocess.run([args.minipy, "--dump=ast", path], capture_output=True, text=True,
                                 errors="replace", timeout=60)
            got = run.stderr
            if run.returncode == 1 and got.rstrip("\n") == want.rstrip("\n"):
                matched += 1
                continue
            print("--- %s (exit %d)" % (name, run.returncode))
            print("  python3.11: " + want.rstrip("\n").replace("\n", "\n              "))
            print("  minipy:     " + got.rstrip("\n").replace("\n", "\n              "))
    for name in accepted:
        print("note: python3.11 accepts %s; it is not counted" % name)
    print("syntax errors: %d/%d match python3.11" % (matched, total))
    with open(os.path.join(HERE, "syntax_errors_floor.txt")) as f:
        floor = int(f.read().split()[0])
    if matched < floor:
        print("FAIL: below the floor of %d" % floor)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
