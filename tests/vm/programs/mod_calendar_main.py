# calendar.main (python -m calendar): text calendars of a year and a month
# with the width/lines/spacing/months options, the HTML page written as
# bytes to sys.stdout.buffer, and argparse's errors for bad arguments.
import calendar
import sys

sys.argv[0] = "calendar.py"  # argparse names the program after it (the harness may run a .pyc)


def run(*args):
    print("== calendar", " ".join(args))
    sys.stdout.flush()
    try:
        calendar.main(["calendar", *args])
    except SystemExit as e:
        print("exit", e.code)
    sys.stdout.flush()
    print()


run("2024")
run("2024", "2")
run("-w", "3", "-l", "2", "2021", "7")
run("-s", "2", "-m", "4", "1999")
run("-t", "html", "2020")
run("-t", "html", "-c", "my.css", "2021")
run("-e", "ascii", "2020", "2")
run("-t", "html", "2020", "1")
run("-L", "C", "2020")
run("-t", "xml", "2020")
run("2020", "x")
