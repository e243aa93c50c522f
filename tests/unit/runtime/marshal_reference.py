"""marshal_reference.py: python3.11's answers for tests/unit/runtime/test_marshal.cpp.

    python3.11 marshal_reference.py values FILE   # one Python expression a line
        -> "DATA REDUMP REPR" a line: marshal.dumps(value), then
           marshal.dumps(marshal.loads(DATA)) (hex), then repr(loads(DATA))
    python3.11 marshal_reference.py loads FILE    # one hex string a line
        -> "OK REDUMP" or "ERR ExcName: message" a line
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
