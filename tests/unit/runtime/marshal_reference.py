"""marshal_reference.py: python3.11's answers for tests/unit/runtime/test_marshal.cpp.

    python3.11 marshal_reference.py values FILE   # one Python expression a line
        -> "DATA REDUMP REPR" a line: marshal.dumps(value), then
           marshal.dumps(marshal.loads(DATA)) (hex), then repr(loads(DATA))
    python3.11 marshal_reference.py loads FILE    # one hex string a line
        -> "OK REDUMP" or "ERR ExcName: message" a line
    python3.11 marshal_reference.py libpycs DIR   # every .py of python3.11's Lib
        -> py_compile'd to DIR/N.pyc; "N.pyc SOURCE" a line
    python3.11 marshal_reference.py verify DIR    # DIR/N.pyc and minipy's DIR/N.out
        -> a line per failure, then "checked T equal E identical I"
    python3.11 marshal_reference.py pyc FILE      # one module name a line
        -> the hex marshal data of the module's compile(source, path, 'exec')
"""
import marshal
import sys


def main():
    mode, *paths = sys.argv[1:]
    if mode == "values":
        with open(paths[0]) as f:
            for line in f.read().splitlines():
                data = marshal.dumps(eval(line))
                loaded = marshal.loads(data)
                print(data.hex(), marshal.dumps(loaded).hex(), "<code>" if hasattr(loaded, "co_code") else repr(loaded))
    elif mode == "loads":
        with open(paths[0]) as f:
            for line in f.read().splitlines():
                try:
                    value = marshal.loads(bytes.fromhex(line))
                except Exception as e:
                    print("ERR", f"{type(e).__name__}: {e}".replace("\n", " "))
                else:
                    try:
                        print("OK", marshal.dumps(value).hex())
                    except Exception:
                        print("OK -")
    elif mode == "libpycs":
        import os
        import py_compile
        import sysconfig
        lib = sysconfig.get_paths()["stdlib"]
        n = 0
        for dirpath, dirnames, filenames in os.walk(lib):
            dirnames[:] = sorted(d for d in dirnames if d not in ("site-packages", "__pycache__"))
            for name in sorted(filenames):
                if not name.endswith(".py"):
                    continue
                source = os.path.join(dirpath, name)
                cfile = os.path.join(paths[0], f"{n}.pyc")
                try:
                    py_compile.compile(source, cfile=cfile, doraise=True)
                except Exception:
                    continue  # files python3.11 itself rejects
                print(f"{n}.pyc", source)
                n += 1
    elif mode == "verify":
        import os
        sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "tools"))
        from conformance_reference import code_difference
        checked = equal = identical = 0
        for name in sorted(os.listdir(paths[0])):
            if not name.endswith(".pyc"):
                continue
            checked += 1
            with open(os.path.join(paths[0], name), "rb") as f:
                original = f.read()
            try:
                with open(os.path.join(paths[0], name[:-4] + ".out"), "rb") as f:
                    ours = f.read()
            except OSError:
                print(name, "not written back")
                continue
            a, b = marshal.loads(ours[16:]), marshal.loads(original[16:])
            difference = code_difference(a, b, name)
            if difference is None and ours[:16] == original[:16]:
                equal += 1
                identical += ours == original
            else:
                print(name, (difference or "header differs")[:300])
        print("checked", checked, "equal", equal, "identical", identical)
    elif mode == "pyc":
        import importlib.util
        with open(paths[0]) as names:
            modules = names.read().split()
        for name in modules:
            path = importlib.util.find_spec(name).origin
            with open(path, "rb") as f:
                print(marshal.dumps(compile(f.read(), path, "exec")).hex())


if __name__ == "__main__":
    main()
