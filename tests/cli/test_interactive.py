#!/usr/bin/env python3
"""The interactive loop, compared byte for byte with python3.11.

Covers vm/pythonrun.cpp's run_interactive_loop (CPython's
PyRun_InteractiveLoopFlags and PyRun_InteractiveOneObjectEx), the
interactive mode of the tokenizer (lexer/tokenizer.re: empty lines end a
block, the prompt for another line) and main/'s -i, PYTHONINSPECT and
PYTHONSTARTUP (Modules/main.c). Book chapters 5 and 8.

Each session feeds the same text on stdin to `python3.11 ARGS` and to
`minipy ARGS`, with stderr merged into stdout (so the prompts, which go to
stderr when stdin is not a terminal, interleave with the output exactly as
written and flushed), and compares that stream and the exit status. The
expectations are python3.11's, computed in the same run. With a terminal on
stdin (a pty) the prompts and output go through GNU readline; the pty case
checks the lines that reach the terminal.

    test_interactive.py --minipy BUILD/minipy [--reference python3.11] [NAME ...]
"""
import argparse
import difflib
import os
import subprocess
import sys
import tempfile

# Files each session may use, written into its temporary directory.
FILES = {
    "script.py": "x = 41\ndef f():\n    return 1 / 0\nprint('script ran')\n",
    "fails.py": "y = 7\nraise ValueError('from the script')\n",
    "exits.py": "import sys\nz = 1\nsys.exit(5)\n",
    "bad_syntax.py": "x = (1,\n",
    "startup.py": "print('startup says hi')\nstarted = True\n",
    "startup_fails.py": "print('before')\n1/0\n",
    "startup_exits.py": "raise SystemExit(9)\n",
}

# name: (stdin text, extra arguments, extra environment)
SESSIONS = {
    "brief": ("1+1\nx=3\nx\nfor i in range(2):\n  print(i)\n\n1/0\n", [], {}),
    "simple_values": ("1\n'a'\nNone\n[1, 2]\n{'k': (1,)}\n2**100\n", [], {}),
    "underscore": ("1+1\n_\n_*2\nNone\n_\n", [], {}),
    "assignments_print_nothing": ("a = 5\nb = a * 2\na, b\n", [], {}),
    "semicolons": ("x=1; y=2\nx,y\nprint(1); print(2)\n", [], {}),
    "one_line_compound": ("if 1: print('yes')\n\nfor c in 'ab': print(c)\n\n", [], {}),
    "if_else": ("if 0:\n  print('a')\nelse:\n  print('b')\n\n", [], {}),
    "nested_blocks": ("for i in range(2):\n    for j in range(2):\n        print(i, j)\n    print('end', i)\n\n", [], {}),
    "def_and_call": ("def f(x):\n    return x * 2\n\nf(21)\n", [], {}),
    "class_def": ("class A:\n    def m(self):\n        return 'm'\n\nA().m()\nA\n", [], {}),
    "while_loop": ("n = 0\nwhile n < 3:\n    n += 1\n\nn\n", [], {}),
    "try_except": ("try:\n    1/0\nexcept ZeroDivisionError as e:\n    print('caught', e)\nfinally:\n    print('fin')\n\n", [], {}),
    "decorator": ("def d(f):\n    return f\n\n@d\ndef g():\n    return 3\n\ng()\n", [], {}),
    "block_without_blank_line_then_code": ("if 1:\n  pass\nx=1\nx\n", [], {}),
    "whitespace_only_line_in_block": ("if 1:\n  pass\n  \n  print('still in')\n\n", [], {}),
    "open_brackets": ("x = (1,\n2,\n3)\nx\n[\n1,\n]\n{'a':\n 1}\n", [], {}),
    "triple_quoted": ("s = '''one\ntwo\nthree'''\ns\n\"\"\"x\n\"\"\"\n", [], {}),
    "backslash": ("x = 1 + \\\n 2\nx\n", [], {}),
    "comment_first_line": ("  # just a comment\nx=5\nx\n# another\n", [], {}),
    "blank_lines": ("\n\n1\n\n", [], {}),
    "tabs": ("if 1:\n\tprint('tab')\n\n", [], {}),
    "syntax_error": ("1 2\n3\n", [], {}),
    "syntax_error_in_block": ("for i in range(2):\n  1 2\nprint(5)\n", [], {}),
    "syntax_error_caret": ("x = = 1\nprint('after')\n", [], {}),
    "unexpected_indent": ("  x = 1\nx = 2\nx\n", [], {}),
    "unindent_mismatch": ("if 1:\n    a = 1\n  b = 2\nprint('ok')\n", [], {}),
    "expected_indented_block": ("if 1:\nprint(1)\n", [], {}),
    "eof_inside_block": ("for i in range(2):\n  print(i)\n", [], {}),
    "eof_after_colon": ("if 1:\n", [], {}),
    "eof_inside_bracket": ("x = (1,\n", [], {}),
    "eof_inside_string": ("'''abc\n", [], {}),
    "eof_without_newline": ("print('no newline')", [], {}),
    "name_error": ("undefined_name\nprint('next')\n", [], {}),
    "name_error_suggestion": ("value = 1\nvalu\n", [], {}),
    "traceback_in_function": ("def f():\n    return g()\n\ndef g():\n    raise KeyError('k')\n\nf()\n", [], {}),
    "chained_exception": ("try:\n    1/0\nexcept Exception:\n    raise ValueError('v')\n\n", [], {}),
    "sys_last_value": ("1/0\nimport sys\nsys.last_type\nsys.last_value\n", [], {}),
    "ps1_ps2": ("import sys\nsys.ps1 = 'A> '\nsys.ps2 = 'B> '\nif 1:\n  pass\n\n", [], {}),
    "ps1_not_str": ("import sys\nsys.ps1=5\nsys.ps2=None\nif 1:\n pass\n\ndel sys.ps1\n1\n", [], {}),
    "displayhook_replaced": ("import sys\nsys.displayhook = lambda v: print('hook', repr(v))\n3\nNone\n", [], {}),
    "print_without_newline": ("print('a', end='')\nprint('b', end='')\n", [], {}),
    "sys_exit_code": ("import sys\nsys.exit(3)\nprint('not reached')\n", [], {}),
    "sys_exit_message": ("import sys\nsys.exit('bye')\n", [], {}),
    "raise_system_exit": ("raise SystemExit(4)\nprint(1)\n", [], {}),
    "keyboard_interrupt_raised": ("raise KeyboardInterrupt\nprint('after')\n", [], {}),
    "exit_after_error_is_zero": ("1/0\n", [], {}),
    "globals_of_main": ("sorted(globals())\n__name__\n", [], {}),
    "i_after_script": ("x\nf()\n", ["-i", "script.py"], {}),
    "i_after_failing_script": ("y\n", ["-i", "fails.py"], {}),
    "i_after_system_exit": ("z\n", ["-i", "exits.py"], {}),
    "i_after_syntax_error": ("1+1\n", ["-i", "bad_syntax.py"], {}),
    "i_with_c": ("x\n", ["-i", "-c", "x = 5; print('c ran')"], {}),
    "i_with_c_system_exit": ("x\n", ["-i", "-c", "import sys; x = 5; sys.exit(3)"], {}),
    "i_with_c_keyboard_interrupt": ("", ["-i", "-c", "raise KeyboardInterrupt"], {}),
    "i_no_ps1_in_script": ("hasattr(sys, 'ps1')\n", ["-i", "-c", "import sys; print(hasattr(sys, 'ps1'))"], {}),
    "pythoninspect": ("x\n", ["-c", "x = 8"], {"PYTHONINSPECT": "1"}),
    "pythoninspect_ignored_with_E": ("x\n", ["-E", "-c", "x = 8"], {"PYTHONINSPECT": "1"}),
    "startup": ("started\n", [], {"PYTHONSTARTUP": "startup.py"}),
    "startup_fails": ("1\n", [], {"PYTHONSTARTUP": "startup_fails.py"}),
    "startup_exits": ("1\n", [], {"PYTHONSTARTUP": "startup_exits.py"}),
    "startup_missing": ("1\n", [], {"PYTHONSTARTUP": "no_such_startup.py"}),
    "startup_ignored_with_E": ("1\n", ["-E"], {"PYTHONSTARTUP": "startup.py"}),
    "startup_not_for_scripts": ("started\n", ["-i", "-c", "pass"], {"PYTHONSTARTUP": "startup.py"}),
    "dash_means_stdin": ("1+2\n", ["-"], {}),
    "compiler_errors": ("return 1\nx = 1\ndef f():\n    nonlocal y\n\nprint('after')\n", [], {}),
    "breakpoint_disabled": ("breakpoint()\n1\n", [], {"PYTHONBREAKPOINT": "0"}),
    "breakpoint_unimportable": ("breakpoint()\n", [], {"PYTHONBREAKPOINT": "nosuchmodule.func"}),
    "breakpoint_builtin": ("breakpoint('x', 'y')\n", [], {"PYTHONBREAKPOINT": "print"}),
    "syntax_warning": ("x = 1\nx is 1\nx is not 'a'\nx is None\n", [], {}),
    "syntax_warning_as_error": ("x = 1\nx is 1\nprint('next')\n", ["-W", "error", "-i"], {}),
    "warnings_module": ("import warnings\nwarnings.warn('from the prompt')\nwarnings.warn('again')\n", [], {}),
    "pythonwarnings": ("import warnings\nwarnings.warn('ignored')\nwarnings.warn('kept', RuntimeWarning)\n",
                       [], {"PYTHONWARNINGS": "ignore::UserWarning"}),
}

# A clean environment: no inherited PYTHON* variable changes the outcome.
BASE_ENV = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
BASE_ENV["PYTHONMALLOC"] = os.environ.get("PYTHONMALLOC", "malloc")
BASE_ENV["TERM"] = "dumb"


def run(program, stdin, args, env, cwd):
    # -i unless the session passes its own mode; -q hides the banners (each
    # interpreter names itself there). python3.11's site module reads and
    # writes ~/.python_history in interactive mode: HOME is the temporary
    # directory.
    argv = [program, "-q"] + (args if args else ["-i"])
    full_env = dict(BASE_ENV, HOME=cwd, **env)
    proc = subprocess.run(argv, input=stdin.encode(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          env=full_env, cwd=cwd, timeout=120)
    return proc.stdout.decode(errors="replace"), proc.returncode


def pty_session(program, cwd):
    """minipy with a terminal on stdin and stdout: prompts through readline."""
    import pty
    import select
    import time
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(cwd)
        os.execve(program, [program, "-q"], dict(BASE_ENV, HOME=cwd))
    out = b""

    def read_until(marker, timeout=30):
        nonlocal out
        deadline = time.time() + timeout
        while marker not in out and time.time() < deadline:
            r, _, _ = select.select([fd], [], [], 0.2)
            if r:
                try:
                    chunk = os.read(fd, 1024)
                except OSError:
                    break
                if not chunk:
                    break
                out += chunk
        return marker in out

    # Each key goes once the prompt it answers is on the terminal (readline
    # would otherwise read a Ctrl-C or Ctrl-D in the middle of a line).
    ok = read_until(b">>> ")
    os.write(fd, b"6*7\r")
    ok = ok and read_until(b"42\r\n>>> ")
    for line, prompt in [(b"for i in range(2):\r", b"range(2):\r\n... "), (b"  print('row', i)\r", b"i)\r\n... "),
                         (b"\r", b"row 1\r\n>>> ")]:
        os.write(fd, line)
        ok = ok and read_until(prompt)
    os.write(fd, b"x = 1")
    time.sleep(0.3)
    os.write(fd, b"\x03")  # Ctrl-C while typing: the line is dropped, KeyboardInterrupt, a new prompt
    ok = ok and read_until(b"KeyboardInterrupt\r\n>>> ")
    os.write(fd, b"x\r")  # the dropped line did not run
    ok = ok and read_until(b"NameError: name 'x' is not defined\r\n>>> ")
    os.write(fd, b"'after'\r")
    ok = ok and read_until(b"'after'\r\n>>> ")
    os.write(fd, b"\x04")  # Ctrl-D at the start of a line: end of input
    status = None
    deadline = time.time() + 30
    while status is None and time.time() < deadline:
        read_until(b"\x00", timeout=0.5)
        done, st = os.waitpid(pid, os.WNOHANG)
        if done:
            status = st
    if status is None:
        os.kill(pid, 9)
        _, status = os.waitpid(pid, 0)
        ok = False
    text = out.decode(errors="replace")
    expected = ["42", "row 0", "row 1", "KeyboardInterrupt", "'after'", "NameError"]
    missing = [e for e in expected if e not in text]
    if not ok or missing or os.waitstatus_to_exitcode(status) != 0:
        return "pty session: missing %s, status %d, output:\n%s" % (missing, os.waitstatus_to_exitcode(status),
                                                                  text)
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--minipy", required=True)
    parser.add_argument("--reference", default="python3.11")
    parser.add_argument("names", nargs="*")
    args = parser.parse_args()
    minipy = os.path.abspath(args.minipy)
    names = args.names or list(SESSIONS) + ["pty"]
    failures = []
    for name in names:
        with tempfile.TemporaryDirectory() as tmp:
            for fname, text in FILES.items():
                with open(os.path.join(tmp, fname), "w") as f:
                    f.write(text)
            if name == "pty":
                problem = pty_session(minipy, tmp)
                if problem:
                    failures.append(name)
                    print("FAIL pty\n" + problem)
                continue
            stdin, extra, env = SESSIONS[name]
            expected = run(args.reference, stdin, extra, env, tmp)
            got = run(minipy, stdin, extra, env, tmp)
            if expected != got:
                failures.append(name)
                print("FAIL %s (status: python3.11 %d, minipy %d)" % (name, expected[1], got[1]))
                for line in difflib.unified_diff(expected[0].splitlines(True), got[0].splitlines(True),
                                                 "python3.11", "minipy"):
                    sys.stdout.write(line if line.endswith("\n") else line + "\n")
    print("%d of %d sessions identical to python3.11" % (len(names) - len(failures), len(names)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
