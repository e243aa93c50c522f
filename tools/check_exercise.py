#!/usr/bin/env python3
"""check_exercise.py: prove a chapter exercise's solution works, and that its
check can fail.

Every stage page in docs/chapters/ ends with an exercise. Its folder
docs/chapters/exercises/<stage>/ holds:
  solution.patch  a patch against the stage folder (paths like a/tokenizer.re)
  check.sh        `check.sh BUILD_DIR` exits 0 when the minipy in BUILD_DIR
                  (BUILD_DIR/minipy, BUILD_DIR/tests/test_<stage>) solves it

This script, run by CTest (label "exercises"):
  1. runs check.sh on the normal build, which must FAIL (the exercise is not
     already solved, so the check tests something);
  2. copies the stage folder, applies solution.patch to the copy, builds
     minipy with -DMINIPY_<STAGE>_DIR=<copy> -- the same mechanism a learner
     uses to rebuild a stage (docs/rebuild-a-stage.md) -- and runs check.sh on
     that build, which must PASS.

usage: check_exercise.py STAGE --build-dir DIR [--source-dir DIR] [--keep]
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


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
    parser.add_argument("--keep", action="store_true", help="keep the patched build")
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
    work = tempfile.mkdtemp(prefix="minipy-exercise-%s-" % args.stage)
    try:
        stage_copy = os.path.join(work, args.stage)
        shutil.copytree(os.path.join(args.source_dir, args.stage), stage_copy)
        with open(patch) as f:
            if run(["patch", "-p1", "--quiet"], stdin=f, cwd=stage_copy).returncode != 0:
                sys.exit("check_exercise: solution.patch does not apply to %s/" % args.stage)
        build = os.path.join(work, "build")
        configure = ["cmake", "-S", args.source_dir, "-B", build, "-G", "Ninja",
                     "-DCMAKE_BUILD_TYPE=Debug",
                     "-DCMAKE_CXX_COMPILER=%s" % cache_value(args.build_dir, "CMAKE_CXX_COMPILER"),
                     "-DMINIPY_%s_DIR=%s" % (args.stage.upper(), stage_copy)]
        if run(configure, stdout=subprocess.DEVNULL).returncode != 0:
            sys.exit("check_exercise: configuring the patched build failed")
        targets = ["minipy", "test_%s" % args.stage]
        if run(["cmake", "--build", build, "--target"] + targets).returncode != 0:
            sys.exit("check_exercise: building the patched %s stage failed" % args.stage)
        if run(["bash", check, build]).returncode != 0:
            sys.exit("check_exercise: check.sh fails with the solution applied")
        print("check_exercise: %s: the check fails unsolved and passes solved" % args.stage)
    finally:
        if args.keep:
            print("check_exercise: kept", work)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
