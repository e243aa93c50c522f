"""conformance_reference.py: the python3.11 side of tools/conformance.py.

Run by python3.11 itself. Reads one file path per line on stdin and writes
one JSON object per line on stdout: {"out": ..., "err": ..., "status": N},
the text the reference command of the stage prints for that file, computed
in this one process (starting python3.11 per file would take most of the
run). Each stage is one function; a later stage adds its own.
"""
import contextlib
import io
import json
import sys


def run_main(main, argv):
    """Runs a module's command-line main() in-process, as `python -m` would."""
    out, err = io.StringIO(), io.StringIO()
    status = 0
    saved = sys.argv
    sys.argv = argv
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                main()
            except SystemExit as e:
                status = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
            except Exception:  # the module printed "unexpected error" and re-raised
                import traceback
                traceback.print_exc(file=err)
                status = 1
    finally:
        sys.argv = saved
    return out.getvalue(), err.getvalue(), status


def reference_tokens(path):
    """`python3.11 -m tokenize -e PATH`."""
    import tokenize
    return run_main(tokenize.main, ["tokenize", "-e", path])


def reference_ast(path):
    """`python3.11 -m ast -a PATH`."""
    import ast
    return run_main(ast.main, ["ast", "-a", path])


def reference_symtable(path):
    """`python3.11 tools/symtable_dump.py PATH`."""
    import importlib.util
    import os
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "symtable_dump.py")
    spec = importlib.util.spec_from_file_location("symtable_dump", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return run_main(module.main, [script, path])


REFERENCES = {
    "tokens": reference_tokens,
    "ast": reference_ast,
    "symtable": reference_symtable,
}


def main():
    stage = sys.argv[1]
    reference = REFERENCES[stage]
    for line in sys.stdin:
        path = line.rstrip("\n")
        out, err, status = reference(path)
        sys.stdout.write(json.dumps({"out": out, "err": err, "status": status}) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
