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


def reference_dis(path):
    """`python3.11 -m dis PATH`."""
    import dis
    return run_main(dis.main, ["dis", path])


PYC_DIR = None


def reference_dis_pyc(path):
    """`python3.11 -m dis PATH`, plus python3.11's own .pyc of PATH (what
    py_compile writes) in a temporary folder, for minipy to load."""
    global PYC_DIR
    import os
    import py_compile
    import tempfile
    out, err, status = reference_dis(path)
    if status != 0:
        return out, err, status
    if PYC_DIR is None:
        PYC_DIR = tempfile.mkdtemp(prefix="minipy-dis-pyc-")
    cfile = os.path.join(PYC_DIR, f"{abs(hash(path))}_{os.path.basename(path)}c")
    try:
        py_compile.compile(path, cfile=cfile, doraise=True)
    except Exception as e:
        return out, str(e), 1
    return out, err, status, {"pyc": cfile}


def reference_pyc(path):
    """What compare_pyc prints when minipy's .pyc holds compile()'s code."""
    try:
        with open(path, "rb") as f:
            compile(f.read(), path, "exec")
    except Exception as e:  # the file is skipped, as python3.11 rejects it
        return "", f"{type(e).__name__}: {e}", 1
    return "identical\n", "", 0


def constant_key(x):
    """_PyCode_ConstantKey in Python: equal only for the same value of the
    same type, floats by their bits (so -0.0 != 0.0 and a NaN equals
    itself), containers element by element."""
    import struct
    if isinstance(x, float):
        return (float, struct.pack("<d", x))
    if isinstance(x, complex):
        return (complex, struct.pack("<dd", x.real, x.imag))
    if isinstance(x, tuple):
        return (tuple, tuple(constant_key(y) for y in x))
    if isinstance(x, frozenset):
        return (frozenset, frozenset(constant_key(y) for y in x))
    return (type(x), x)


def code_difference(ours, theirs, where):
    """None when the two code objects are equal the way `--compile`
    promises (what == compares, plus co_qualname, co_stacksize,
    co_linetable, co_exceptiontable, co_filename, recursively), else the
    first difference."""
    where = f"{where}/{theirs.co_qualname}"
    for field in ("co_qualname", "co_stacksize", "co_linetable", "co_exceptiontable", "co_code", "co_consts",
                  "co_names", "co_varnames", "co_freevars", "co_cellvars", "co_flags", "co_argcount",
                  "co_posonlyargcount", "co_kwonlyargcount", "co_firstlineno", "co_name", "co_filename"):
        a, b = getattr(ours, field), getattr(theirs, field)
        if field == "co_consts":
            if len(a) != len(b):
                return f"{where}: co_consts has {len(a)} items, expected {len(b)}: {a!r} vs {b!r}"
            for x, y in zip(a, b):
                if hasattr(x, "co_code") and hasattr(y, "co_code"):
                    d = code_difference(x, y, where)
                    if d:
                        return d
                elif constant_key(x) != constant_key(y):
                    return f"{where}: constant {x!r}, expected {y!r}"
        elif a != b:
            return f"{where}: {field} {a!r}, expected {b!r}"
    # What code.__eq__ compares is covered field by field above (with NaN
    # constants equal to themselves, which == would not say).
    return None


def compare_pyc(source_path, pyc_path):
    """`--compile`'s promise, checked by python3.11 itself."""
    import marshal
    with open(pyc_path, "rb") as f:
        data = f.read()
    if data[:4] != (3495).to_bytes(2, "little") + b"\r\n":
        print(f"bad magic number {data[:4]!r}")
        return 1
    ours = marshal.loads(data[16:])
    with open(source_path, "rb") as f:
        theirs = compile(f.read(), source_path, "exec")
    difference = code_difference(ours, theirs, "")
    print(difference[:400] if difference else "identical")
    # The stretch goal: the same bytes as py_compile's .pyc (same header:
    # the source's mtime and size), reported on stderr for the count.
    import importlib._bootstrap_external as external
    import os
    st = os.stat(source_path)
    reference = external._code_to_timestamp_pyc(theirs, int(st.st_mtime), st.st_size)
    print("bytes: same" if bytes(reference) == data else "bytes: differ", file=sys.stderr)
    return 0


REFERENCES = {
    "tokens": reference_tokens,
    "ast": reference_ast,
    "symtable": reference_symtable,
    "dis": reference_dis,
    "dis-pyc": reference_dis_pyc,
    "pyc": reference_pyc,
}


def main():
    stage = sys.argv[1]
    if stage == "compare-pyc":
        sys.exit(compare_pyc(sys.argv[2], sys.argv[3]))
    reference = REFERENCES[stage]
    for line in sys.stdin:
        path = line.rstrip("\n")
        out, err, status, *extra = reference(path)
        result = {"out": out, "err": err, "status": status}
        for more in extra:
            result.update(more)
        sys.stdout.write(json.dumps(result) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
