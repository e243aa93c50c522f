#!/usr/bin/env python3
"""codegen_corpus.py: compile a corpus of .py files with minipy's compiler and
with python3.11 and count the files whose code objects are identical (every
field of tests/unit/compiler/codegen_reference.py's dump: names, constants,
instructions with positions, stack size, flags, location and exception
tables). Book chapter 7.

Usage: codegen_corpus.py --test-compiler BUILD/tests/test_compiler
                         [--python python3.11] [--show N] [--list-out F] DIR_OR_FILE...
A path `stdlib:SUB` is SUB in the reference python's own library (`stdlib:`
alone: all of it, site-packages left out).
The dump of minipy's side comes from test_compiler's corpus mode
(MINIPY_CODEGEN_LIST / MINIPY_CODEGEN_DIR). Files python3.11 itself refuses
to compile are skipped.
"""
import argparse
import collections
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REFERENCE = os.path.join(HERE, "..", "unit", "compiler", "codegen_reference.py")

def files_of(args):
    for a in args:
        if os.path.isdir(a):
            for root, dirs, files in os.walk(a):
                # CPython's own library only, as tools/conformance.py.
                dirs[:] = sorted(d for d in dirs if d not in ("site-packages", "__pycache__"))
                for f in sorted(files):
                    if f.endswith(".py"):
                        yield os.path.join(root, f)
        else:
            yield a


def first_diff(want, got):
    w, g = want.splitlines(), got.splitlines()
    i = 0
    while i < len(w) and i < len(g) and w[i] == g[i]:
        i += 1
    # The code object the difference is in.
    head = next((w[k] for k in range(min(i, len(w) - 1), -1, -1) if w[k].startswith("code ")), "")
    return head, (w[i] if i < len(w) else "<end>"), (g[i] if i < len(g) else "<end>")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--test-compiler", required=True)
    ap.add_argument("--python", default="python3.11")
    ap.add_argument("--show", type=int, default=10)
    ap.add_argument("--list-out", help="write the paths of differing files here")
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()
    # "stdlib:json" names a folder of the reference's own library.
    stdlib = None
    resolved = []
    for a in args.paths:
        if a.startswith("stdlib:"):
            if stdlib is None:
                stdlib = subprocess.run([args.python, "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"],
                                        check=True, capture_output=True, text=True).stdout.strip()
            a = os.path.join(stdlib, a[len("stdlib:"):])
        resolved.append(a)
    paths = list(files_of(resolved))
    with tempfile.TemporaryDirectory() as tmp:
        listing = os.path.join(tmp, "list.txt")
        with open(listing, "w") as f:
            f.write("\n".join(paths) + "\n")
        want_dir = os.path.join(tmp, "want")
        got_dir = os.path.join(tmp, "got")
        os.mkdir(want_dir)
        os.mkdir(got_dir)
        driver = (
            "import sys, io, contextlib\n"
            "paths = open(sys.argv[1]).read().splitlines()\n"
            "out_dir = sys.argv[2]\n"
            "src = open(sys.argv[3]).read().replace('\\nmain()\\n', '\\n')\n"
            "ns = {'__name__': 'ref'}\n"
            "exec(compile(src, sys.argv[3], 'exec'), ns)\n"
            "for i, p in enumerate(paths):\n"
            "    buf = io.StringIO()\n"
            "    sys.argv = ['ref', p]\n"
            "    try:\n"
            "        with contextlib.redirect_stdout(buf):\n"
            "            ns['main']()\n"
            "    except Exception as e:\n"
            "        buf = io.StringIO('skip: %r\\n' % e)\n"
            "    open('%s/%d.txt' % (out_dir, i), 'w').write(buf.getvalue())\n"
        )
        subprocess.run([args.python, "-c", driver, listing, want_dir, REFERENCE], check=True)
        env = dict(os.environ, MINIPY_CODEGEN_LIST=listing, MINIPY_CODEGEN_DIR=got_dir)
        subprocess.run([args.test_compiler, "-tc=codegen: corpus*"], env=env, stdout=subprocess.DEVNULL)
        identical = 0
        skipped = 0
        differ = []
        classes = collections.Counter()
        for i, p in enumerate(paths):
            want = open(os.path.join(want_dir, "%d.txt" % i)).read()
            if want.startswith("skip:") or want.startswith("error:"):
                skipped += 1
                continue
            gp = os.path.join(got_dir, "%d.txt" % i)
            got = open(gp).read() if os.path.exists(gp) else "<no output: crashed?>"
            if want == got:
                identical += 1
                continue
            head, w, g = first_diff(want, got)
            differ.append((p, head, w, g))
            key = g.split(":")[0] if g.startswith("exception") else " ".join(w.split()[1:2]) + " vs " + " ".join(g.split()[1:2])
            classes[key] += 1
    total = len(paths) - skipped
    for p, head, w, g in differ[: args.show]:
        print("%s\n  in %s\n  - %s\n  + %s" % (p, head, w, g))
    print("mismatch classes (first differing line):")
    for k, n in classes.most_common(20):
        print("  %5d  %s" % (n, k))
    print("codegen: %d/%d identical (%d skipped)" % (identical, total, skipped))
    if args.list_out:
        with open(args.list_out, "w") as f:
            f.write("".join(p + "\n" for p, *_ in differ))
    return 0 if identical == total else 1


if __name__ == "__main__":
    sys.exit(main())
