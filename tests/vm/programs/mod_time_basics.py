# time: conversions, formatting, struct_time and errors; clocks only by type and
# ordering so the output is deterministic (compared with python3.11).
import time

for secs in [0, 1, -1.5, 86399.999, 951782400, 10 ** 9, 2 ** 31, -2 ** 31, 4102444800, 2 ** 40]:
    t = time.gmtime(secs)
    print(secs, t, t.tm_zone, t.tm_gmtoff, tuple(t)[:3], len(t))
t = time.gmtime(1234567890)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday, t.tm_isdst, t[0], t[-1])
print(time.asctime(t), time.asctime((2020, 0, 0, 0, 0, 0, 0, 0, 0)), time.asctime((1999, 12, 31, 23, 59, 61, 4, 365, -1)))
print(time.strftime("%Y-%m-%d %H:%M:%S %a %A %b %B %j %U %w %y %%", t))
print(time.strftime("%d/%m/%Y", (2024, 2, 29, 0, 0, 0, 3, 60, 0)), repr(time.strftime("", t)), time.strftime("%c", t))
print(time.struct_time((2001, 2, 3, 4, 5, 6, 0, 34, 0)), type(t).__name__, isinstance(t, tuple))
lt = time.localtime(1234567890)
print(time.mktime(lt), time.mktime(time.localtime(0)) == 0.0, time.ctime(1234567890) == time.asctime(lt))
print(type(time.time()).__name__, type(time.time_ns()).__name__, type(time.monotonic()).__name__,
      type(time.perf_counter_ns()).__name__, type(time.process_time()).__name__, type(time.thread_time_ns()).__name__)
a = time.monotonic_ns()
time.sleep(0.01)
time.sleep(0)
b = time.monotonic_ns()
print(b - a >= 10_000_000, time.time() > 1.7e9, abs(time.time_ns() / 1e9 - time.time()) < 1.0)
info = time.get_clock_info("monotonic")
print(info.implementation, info.monotonic, info.adjustable, info.resolution > 0)
print(time.get_clock_info("time").adjustable, time.get_clock_info("process_time").implementation)
print(type(time.timezone).__name__, type(time.altzone).__name__, time.daylight in (0, 1), len(time.tzname))
print(time.CLOCK_REALTIME, time.CLOCK_MONOTONIC, time.clock_gettime(time.CLOCK_REALTIME) > 0)

for expr in ["time.asctime((1, 2, 3))", "time.asctime(('a',) * 9)", "time.asctime(5)",
             "time.asctime((2020, 13, 1, 0, 0, 0, 0, 1, 0))", "time.asctime((2020, 1, 32, 0, 0, 0, 0, 1, 0))",
             "time.asctime((2020, 1, 1, 24, 0, 0, 0, 1, 0))", "time.asctime((2020, 1, 1, 0, 60, 0, 0, 1, 0))",
             "time.asctime((2020, 1, 1, 0, 0, 62, 0, 1, 0))", "time.asctime((2020, 1, 1, 0, 0, 0, -2, 1, 0))",
             "time.asctime((2020, 1, 1, 0, 0, 0, 0, 367, 0))", "time.strftime(5)", "time.strftime('%Y', (1, 2))",
             "time.gmtime(float('nan'))", "time.gmtime(1e300)", "time.gmtime('a')", "time.gmtime(10 ** 30)",
             "time.sleep(-1)", "time.sleep('a')", "time.sleep(float('nan'))", "time.mktime((1, 2))", "time.mktime(5)",
             "time.get_clock_info('x')", "time.struct_time((1, 2, 3))", "time.asctime((2020, 1, 1, 0, 0, 0, 0, 1, 0.5))",
             "time.gmtime(True)", "time.localtime(None) is None"]:
    try:
        print(expr, "->", eval(expr))
    except Exception as exc:
        print(expr, "->", type(exc).__name__, exc)
