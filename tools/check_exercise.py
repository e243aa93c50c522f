#!/usr/bin/env python3
"""check_exercise.py: prove a chapter exercise's solution works, and that its
check can fail.

Every stage page in docs/chapters/ ends with an exercise. Its folder
docs/chapters/exercises/<stage>/ holds:
  solution.patch  a patch against the stage folder (paths like a/tokenizer.re)
  check.sh        `check.sh BUILD_DIR` exits 0 when the minipy in BUILD_DIR
                  (BUILD_DIR/minipy, BUILD_DIR/tests/test_<stage>) solves it
(the stages, and modules/, the native standard library of chapter 12)

This script, run by CTest (label "exercises"):
  1. runs check.sh on the normal build, which must FAIL (the exercise is not
     already solved, so the check tests something);
  2. copies the stage folder, applies solution.patch to the copy, builds
     minipy with -DMINIPY_<STAGE>_DIR=<copy> -- the same mechanism a learner
     uses to rebuild a stage (docs/rebuild-a-stage.md) -- and runs check.sh on
     that build, which must PASS.

All exercises share one build (BUILD_DIR/exercise-build) whose every stage
folder is a copy (-DMINIPY_<STAGE>_DIR for all of them). Before each run the
copies are made equal to the sources again, file by file, so an exercise
recompiles only the files its patch touches (and what includes them), not
the whole tree. CTest runs the exercises one at a time.

usage: check_exercise.py STAGE --build-dir DIR [--source-dir DIR]
"""
import argparse
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
STAGES = ["memory", "runtime", "lexer", "parser", "compiler", "vm", "main", "modules"]


def run(argv, **kwargs):
    print("+", " ".join(argv), flush=True)
    return subprocess.run(argv, **kwargs)


def cache_value(build_dir, name):
    with open(os.path.join(build_dir, "CMakeCache.txt")) as f:
        for line in f:
            if line.startswith(name + ":"):
                return line.split("=", 1)[1].strip()
    return ""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stage")
    parser.add_argument("--build-dir", required=True, help="the normal (unpatched) build")
    parser.add_argument("--source-dir", default=os.path.dirname(HERE))
    args = parser.parse_args()

    exercise = os.path.join(args.source_dir, "docs", "chapters", "exercises", args.stage)
    patch = os.path.join(exercise, "solution.patch")
    check = os.path.join(exercise, "check.sh")
    for path in (patch, check):
        if not os.path.exists(path):
            sys.exit("check_exercise: missing %s" % path)

    # 1. Unsolved, the check must fail.
    if run(["bash", check, os.path.abspath(args.build_dir)],
           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0:
        sys.exit("check_exercise: check.sh passes without the solution: it tests nothing")

    # 2. Solved in a copy of the stage folder, the check must pass.
    work = os.path.join(os.path.abspath(args.build_dir), "exercise-build")
    copies = {stage: os.path.join(work, "src", stage) for stage in STAGES}
    for stage, copy in copies.items():
        sync_folder(os.path.join(args.source_dir, stage), copy)
    with open(patch) as f:
        if run(["patch", "-p1", "--quiet"], stdin=f, cwd=copies[args.stage]).returncode != 0:
            sys.exit("check_exercise: solution.patch does not apply to %s/" % args.stage)
    build = os.path.join(work, "build")
    configure = ["cmake", "-S", args.source_dir, "-B", build, "-G", "Ninja",
                 "-DCMAKE_BUILD_TYPE=Debug",
                 "-DCMAKE_CXX_COMPILER=%s" % cache_value(args.build_dir, "CMAKE_CXX_COMPILER")]
    configure += ["-DMINIPY_%s_DIR=%s" % (stage.upper(), copy) for stage, copy in copies.items()]
    if run(configure, stdout=subprocess.DEVNULL).returncode != 0:
        sys.exit("check_exercise: configuring the patched build failed")
    # modules/ has no unit-test binary of its own: its tests run minipy.
    targets = ["minipy"]
    if os.path.isdir(os.path.join(args.source_dir, "tests", "unit", args.stage)):
        targets.append("test_%s" % args.stage)
    if run(["cmake", "--build", build, "--target"] + targets).returncode != 0:
        sys.exit("check_exercise: building the patched %s stage failed" % args.stage)
    if run(["bash", check, build]).returncode != 0:
        sys.exit("check_exercise: check.sh fails with the solution applied")
    print("check_exercise: %s: the check fails unsolved and passes solved" % args.stage)


def sync_folder(source, copy):
    """Makes `copy` equal to `source`, rewriting only the files that differ
    (with a fresh modification time, so the build notices them)."""
    wanted = set()
    for root, dirs, files in os.walk(source):
        dirs[:] = [d for d in dirs if d not in ("__pycache__", ".git")]
        for name in files:
            src = os.path.join(root, name)
            rel = os.path.relpath(src, source)
            wanted.add(rel)
            dst = os.path.join(copy, rel)
            if not (os.path.exists(dst) and same_content(src, dst)):
                os.makedirs(os.path.dirname(dst), exist_ok=True)
                shutil.copyfile(src, dst)
    for root, dirs, files in os.walk(copy):
        for name in files:
            path = os.path.join(root, name)
            if os.path.relpath(path, copy) not in wanted:
                os.remove(path)


def same_content(a, b):
    with open(a, "rb") as fa, open(b, "rb") as fb:
        return fa.read() == fb.read()


if __name__ == "__main__":
    main()
