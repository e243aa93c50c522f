// timemodule.cpp: the time module: clocks, sleep, and conversions between
// seconds since the epoch, struct_time and text.
// Mirrors CPython 3.11 Modules/timemodule.c (Linux paths) and the parts of
// Python/pytime.c it needs. Book chapter 12, "The Standard Library".
//
// Design notes
// ------------
// * Clocks are clock_gettime() with CPython's choices: time() is
//   CLOCK_REALTIME, monotonic() and perf_counter() CLOCK_MONOTONIC,
//   process_time() CLOCK_PROCESS_CPUTIME_ID, thread_time()
//   CLOCK_THREAD_CPUTIME_ID. The *_ns variants return exact ints; the
//   float variants divide nanoseconds as _PyTime_AsSecondsDouble does.
// * struct_time is a struct sequence (runtime/structseq.h) of 9 visible
//   fields plus tm_zone and tm_gmtoff, reachable by attribute only.
// * A time tuple argument goes through gettmarg (9 ints, 1-based months
//   and days as Python shows them) and, for asctime/strftime, checktm,
//   which turns 0 into the lowest valid value and rejects the rest.
// * timezone, altzone, daylight and tzname come from localtime() of
//   January 1st and July 1st of the current year, as CPython computes
//   them on glibc (init_timezone's portable branch).
// * sleep() sleeps in clock_nanosleep until an absolute monotonic
//   deadline, with the GIL released (other threads run meanwhile). A
//   signal interrupts it: the Python handlers run (make_pending_calls, in
//   the main thread; Ctrl-C raises KeyboardInterrupt there) and the sleep
//   resumes until the deadline (PEP 475).
// * strptime is Python code (lib/_strptime.py), imported on each call
//   through builtins.__import__ as CPython's time_strptime does.
// * Not mirrored: time.clock_settime.
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>

#include "minipy/runtime/abstract.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/floatobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/pystate.h"
#include "minipy/runtime/structseq.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "pytime.h"

namespace minipy::modules {

using namespace runtime;

namespace {

// --- Clocks --------------------------------------------------------------------

bool clock_ns(clockid_t clk, long long* out)
{
    struct timespec ts;
    if (clock_gettime(clk, &ts) != 0) {
        Ref<> e = long_from_long(errno);
        Ref<> msg = unicode_from_string(std::strerror(errno));
        if (e && msg) {
            Ref<> args = tuple_pack({e.get(), msg.get()});
            if (args) set_error_object(Exc_OSError, args.get());
        }
        return false;
    }
    *out = static_cast<long long>(ts.tv_sec) * SEC_TO_NS + ts.tv_nsec;
    return true;
}

// _PyTime_AsSecondsDouble: exact for whole seconds, else one division.
double ns_to_seconds(long long ns)
{
    if (ns % SEC_TO_NS == 0) return static_cast<double>(ns / SEC_TO_NS);
    return static_cast<double>(ns) / 1e9;
}

Ref<> clock_float(clockid_t clk)
{
    long long ns;
    if (!clock_ns(clk, &ns)) return nullptr;
    return float_from_double(ns_to_seconds(ns));
}

Ref<> clock_int(clockid_t clk)
{
    long long ns;
    if (!clock_ns(clk, &ns)) return nullptr;
    return long_from_long(ns);
}

Ref<> time_time(Object*, Object*) { return clock_float(CLOCK_REALTIME); }
Ref<> time_time_ns(Object*, Object*) { return clock_int(CLOCK_REALTIME); }
Ref<> time_monotonic(Object*, Object*) { return clock_float(CLOCK_MONOTONIC); }
Ref<> time_monotonic_ns(Object*, Object*) { return clock_int(CLOCK_MONOTONIC); }
Ref<> time_process_time(Object*, Object*) { return clock_float(CLOCK_PROCESS_CPUTIME_ID); }
Ref<> time_process_time_ns(Object*, Object*) { return clock_int(CLOCK_PROCESS_CPUTIME_ID); }
Ref<> time_thread_time(Object*, Object*) { return clock_float(CLOCK_THREAD_CPUTIME_ID); }
Ref<> time_thread_time_ns(Object*, Object*) { return clock_int(CLOCK_THREAD_CPUTIME_ID); }

bool clk_id_arg(Object* arg, clockid_t* out)
{
    Ref<> i = number_index(arg);
    if (!i) return false;
    long long v = long_as_long_long(i.get());
    if (v == -1 && error_occurred()) return false;
    *out = static_cast<clockid_t>(v);
    return true;
}

Ref<> time_clock_gettime(Object*, Object* arg)
{
    clockid_t clk;
    if (!clk_id_arg(arg, &clk)) return nullptr;
    return clock_float(clk);
}

Ref<> time_clock_gettime_ns(Object*, Object* arg)
{
    clockid_t clk;
    if (!clk_id_arg(arg, &clk)) return nullptr;
    return clock_int(clk);
}

Ref<> time_clock_getres(Object*, Object* arg)
{
    clockid_t clk;
    if (!clk_id_arg(arg, &clk)) return nullptr;
    struct timespec ts;
    if (clock_getres(clk, &ts) != 0) return format_error(Exc_OSError, "[Errno %d] %s", errno, std::strerror(errno));
    return float_from_double(static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9);
}

// types.SimpleNamespace(**fields): the type is sys.implementation's (the
// vm's); an instance is filled through its __dict__ slot.
Ref<> simple_namespace(Object* fields)
{
    Object* sysdict = interpreter_get()->sysdict;
    Object* impl = sysdict ? dict_get_item_string(sysdict, "implementation") : nullptr;
    if (!impl) return format_error(Exc_RuntimeError, "lost sys.implementation");
    Ref<> ns = Ref<>::steal(object_alloc_raw(Py_TYPE(impl), 0));
    if (!ns) return nullptr;
    Object** dictptr = object_get_dict_ptr(ns.get());
    if (!dictptr) return format_error(Exc_RuntimeError, "sys.implementation has no __dict__");
    *dictptr = new_ref(fields).release();
    return ns;
}

Ref<> time_get_clock_info(Object*, Object* arg)
{
    if (!unicode_check(arg))
        return format_error(Exc_TypeError, "get_clock_info() argument must be str, not %.50s", Py_TYPE(arg)->tp_name);
    struct Info {
        const char* name;
        const char* implementation;
        clockid_t clk;
        bool monotonic, adjustable;
    };
    static const Info infos[] = {
        {"time", "clock_gettime(CLOCK_REALTIME)", CLOCK_REALTIME, false, true},
        {"monotonic", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, true, false},
        {"perf_counter", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, true, false},
        {"process_time", "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", CLOCK_PROCESS_CPUTIME_ID, true, false},
        {"thread_time", "clock_gettime(CLOCK_THREAD_CPUTIME_ID)", CLOCK_THREAD_CPUTIME_ID, true, false},
    };
    for (const Info& info : infos) {
        if (!unicode_equal_to_ascii(arg, info.name)) continue;
        struct timespec res;
        double resolution = 1e-9;
        if (clock_getres(info.clk, &res) == 0)
            resolution = static_cast<double>(res.tv_sec) + static_cast<double>(res.tv_nsec) * 1e-9;
        Ref<> dict = dict_new();
        Ref<> impl = unicode_from_string(info.implementation);
        Ref<> resf = float_from_double(resolution);
        if (!dict || !impl || !resf) return nullptr;
        if (dict_set_item_string(dict.get(), "implementation", impl.get()) < 0 ||
            dict_set_item_string(dict.get(), "monotonic", info.monotonic ? Py_True() : Py_False()) < 0 ||
            dict_set_item_string(dict.get(), "adjustable", info.adjustable ? Py_True() : Py_False()) < 0 ||
            dict_set_item_string(dict.get(), "resolution", resf.get()) < 0)
            return nullptr;
        return simple_namespace(dict.get());
    }
    return format_error(Exc_ValueError, "unknown clock");
}

// --- Seconds arguments (Python/pytime.c) --------------------------------------------

// _PyTime_ObjectToTime_t with _PyTime_ROUND_FLOOR: a float or an int.
bool object_to_time_t(Object* obj, time_t* out)
{
    if (float_check(obj)) {
        double d = std::floor(float_value(obj));
        if (std::isnan(d)) {
            set_error(Exc_ValueError, "Invalid value NaN (not a number)");
            return false;
        }
        if (!(d >= static_cast<double>(LLONG_MIN) && d < -static_cast<double>(LLONG_MIN))) {
            set_error(Exc_OverflowError, "timestamp out of range for platform time_t");
            return false;
        }
        *out = static_cast<time_t>(d);
        return true;
    }
    Ref<> i = number_index(obj);
    if (!i) return false;
    int overflow = 0;
    long long v = long_as_long_long_and_overflow(i.get(), &overflow);
    if (overflow) {
        set_error(Exc_OverflowError, "timestamp out of range for platform time_t");
        return false;
    }
    if (v == -1 && error_occurred()) return false;
    *out = static_cast<time_t>(v);
    return true;
}

// secs=None means now.
bool seconds_arg(Object* const* args, Py_ssize_t nargs, const char* name, time_t* out)
{
    if (!check_positional(name, nargs, 0, 1)) return false;
    if (nargs == 0 || args[0] == Py_None()) {
        *out = std::time(nullptr);
        return true;
    }
    return object_to_time_t(args[0], out);
}

Ref<> time_sleep(Object*, Object* arg)
{
    long long ns;
    if (!time_from_seconds_object(arg, &ns)) return nullptr;
    if (ns < 0) return format_error(Exc_ValueError, "sleep length must be non-negative");
    struct timespec deadline;
    if (clock_gettime(CLOCK_MONOTONIC, &deadline) != 0) return format_error(Exc_OSError, "clock_gettime failed");
    long long total = deadline.tv_nsec + ns % SEC_TO_NS;
    deadline.tv_sec += static_cast<time_t>(ns / SEC_TO_NS + total / SEC_TO_NS);
    deadline.tv_nsec = static_cast<long>(total % SEC_TO_NS);
    for (;;) {
        int err;
        {
            // The other threads run while this one sleeps.
            AllowThreads nogil;
            err = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, nullptr);
        }
        if (err == 0) break;
        if (err != EINTR) return format_error(Exc_OSError, "[Errno %d] %s", err, std::strerror(err));
        // A signal: its Python handler runs now (in the main thread; a
        // KeyboardInterrupt ends the sleep), then the sleep goes on until
        // the deadline, as PEP 475 asks.
        if (make_pending_calls() < 0) return nullptr;
    }
    return none_ref();
}

// --- struct_time ------------------------------------------------------------------------

const StructSequenceField struct_time_fields[] = {
    {"tm_year", "year, for example, 1993"},
    {"tm_mon", "month of year, range [1, 12]"},
    {"tm_mday", "day of month, range [1, 31]"},
    {"tm_hour", "hours, range [0, 23]"},
    {"tm_min", "minutes, range [0, 59]"},
    {"tm_sec", "seconds, range [0, 61])"},
    {"tm_wday", "day of week, range [0, 6], Monday is 0"},
    {"tm_yday", "day of year, range [1, 366]"},
    {"tm_isdst", "1 if summer time is in effect, 0 if not, and -1 if unknown"},
    {"tm_zone", "abbreviation of timezone name"},
    {"tm_gmtoff", "offset from UTC in seconds"},
    {},
};

const StructSequenceDesc struct_time_desc = {
    "time.struct_time",
    "The time value as returned by gmtime(), localtime(), and strptime(), and\n"
    " accepted by asctime(), mktime() and strftime().  May be considered as a\n"
    " sequence of 9 integers.\n\n"
    " Note that several fields' values are not the same as those defined by\n"
    " the C language standard for struct tm.  For example, the value of the\n"
    " field tm_year is the actual year, not year - 1900.  See individual\n"
    " fields' descriptions for details.",
    struct_time_fields,
    9,
};

TypeObject* struct_time_type = nullptr;  // made once, immortal (structseq_new_type)

Ref<> tm_to_structtime(const struct tm& p)
{
    Ref<> v = structseq_new(struct_time_type);
    if (!v) return nullptr;
    long long values[] = {static_cast<long long>(p.tm_year) + 1900, p.tm_mon + 1, p.tm_mday, p.tm_hour, p.tm_min,
                          p.tm_sec, (p.tm_wday + 6) % 7, p.tm_yday + 1, p.tm_isdst};
    for (int i = 0; i < 9; i++) {
        Ref<> item = long_from_long(values[i]);
        if (!item) return nullptr;
        structseq_set_item(v.get(), i, item.release());
    }
    Ref<> zone = unicode_from_string(p.tm_zone ? p.tm_zone : "");
    Ref<> gmtoff = long_from_long(p.tm_gmtoff);
    if (!zone || !gmtoff) return nullptr;
    structseq_set_item(v.get(), 9, zone.release());
    structseq_set_item(v.get(), 10, gmtoff.release());
    return v;
}

Ref<> errno_error()
{
    int e = errno ? errno : EINVAL;
    Ref<> code = long_from_long(e);
    Ref<> msg = unicode_from_string(std::strerror(e));
    if (!code || !msg) return nullptr;
    Ref<> args = tuple_pack({code.get(), msg.get()});
    if (args) set_error_object(Exc_OSError, args.get());
    return nullptr;
}

Ref<> time_gmtime(Object*, Object* const* args, Py_ssize_t nargs)
{
    time_t when;
    if (!seconds_arg(args, nargs, "gmtime", &when)) return nullptr;
    struct tm buf;
    errno = 0;
    if (!gmtime_r(&when, &buf)) return errno_error();
    return tm_to_structtime(buf);
}

bool local_tm(time_t when, struct tm* buf)
{
    errno = 0;
    if (!localtime_r(&when, buf)) {
        errno_error();
        return false;
    }
    return true;
}

Ref<> time_localtime(Object*, Object* const* args, Py_ssize_t nargs)
{
    time_t when;
    if (!seconds_arg(args, nargs, "localtime", &when)) return nullptr;
    struct tm buf;
    if (!local_tm(when, &buf)) return nullptr;
    return tm_to_structtime(buf);
}

// gettmarg: a 9-tuple (or struct_time) into a struct tm with C's
// conventions (0-based month and day of year, Sunday-based weekday).
// A struct_time also brings its tm_zone (kept alive in *zone) and tm_gmtoff.
bool gettmarg(Object* args, struct tm* p, const char* errmsg, Ref<>* zone)
{
    std::memset(p, 0, sizeof(*p));
    if (!tuple_check(args)) {
        set_error(Exc_TypeError, "Tuple or struct_time argument required");
        return false;
    }
    if (tuple_size(args) != 9) {
        set_error(Exc_TypeError, errmsg);
        return false;
    }
    int v[9];
    for (int i = 0; i < 9; i++) {
        Object* item = tuple_item(args, i);
        if (float_check(item)) {
            set_error(Exc_TypeError, "'float' object cannot be interpreted as an integer");
            return false;
        }
        Ref<> idx = number_index(item);
        if (!idx) return false;
        long long x = long_as_long_long(idx.get());
        if (x == -1 && error_occurred()) return false;
        if (x > INT_MAX) {
            set_error(Exc_OverflowError, "signed integer is greater than maximum");
            return false;
        }
        if (x < INT_MIN) {
            set_error(Exc_OverflowError, "signed integer is less than minimum");
            return false;
        }
        v[i] = static_cast<int>(x);
    }
    if (v[0] < INT_MIN + 1900) {
        set_error(Exc_OverflowError, "year out of range");
        return false;
    }
    p->tm_year = v[0] - 1900;
    p->tm_mon = v[1] - 1;
    p->tm_mday = v[2];
    p->tm_hour = v[3];
    p->tm_min = v[4];
    p->tm_sec = v[5];
    p->tm_wday = (v[6] + 1) % 7;
    p->tm_yday = v[7] - 1;
    p->tm_isdst = v[8];
    if (struct_time_type && Py_TYPE(args) == struct_time_type) {
        Object* z = structseq_get_item(args, 9);
        if (z && z != Py_None()) {
            const char* s = unicode_as_utf8(z);
            if (!s) return false;
            *zone = new_ref(z);
            p->tm_zone = s;
        }
        Object* off = structseq_get_item(args, 10);
        if (off && off != Py_None()) {
            long long g = long_as_long_long(off);
            if (g == -1 && error_occurred()) return false;
            p->tm_gmtoff = static_cast<long>(g);
        }
    }
    return true;
}

// checktm: the ranges asctime/strftime index tables with; 0 stands for the
// lowest valid month, day of month and day of year.
bool checktm(struct tm* buf)
{
    const char* err = nullptr;
    if (buf->tm_mon == -1) buf->tm_mon = 0;
    else if (buf->tm_mon < 0 || buf->tm_mon > 11) err = "month out of range";
    if (!err) {
        if (buf->tm_mday == 0) buf->tm_mday = 1;
        else if (buf->tm_mday < 0 || buf->tm_mday > 31) err = "day of month out of range";
    }
    if (!err && (buf->tm_hour < 0 || buf->tm_hour > 23)) err = "hour out of range";
    if (!err && (buf->tm_min < 0 || buf->tm_min > 59)) err = "minute out of range";
    if (!err && (buf->tm_sec < 0 || buf->tm_sec > 61)) err = "seconds out of range";
    if (!err && buf->tm_wday < 0) err = "day of week out of range";
    if (!err) {
        if (buf->tm_yday == -1) buf->tm_yday = 0;
        else if (buf->tm_yday < 0 || buf->tm_yday > 365) err = "day of year out of range";
    }
    if (err) {
        set_error(Exc_ValueError, err);
        return false;
    }
    return true;
}

// 'Thu Jan  1 00:00:00 1970'
Ref<> format_asctime(const struct tm& t)
{
    static const char wday_name[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char mon_name[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s %s%3d %.2d:%.2d:%.2d %lld", wday_name[t.tm_wday], mon_name[t.tm_mon], t.tm_mday,
                  t.tm_hour, t.tm_min, t.tm_sec, 1900LL + t.tm_year);
    return unicode_from_string(buf);
}

// A time tuple argument, or the local time now when absent.
bool tuple_or_now(Object* const* args, Py_ssize_t nargs, struct tm* buf, const char* errmsg, Ref<>* zone)
{
    if (nargs == 0) return local_tm(std::time(nullptr), buf);
    return gettmarg(args[0], buf, errmsg, zone) && checktm(buf);
}

Ref<> time_asctime(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("asctime", nargs, 0, 1)) return nullptr;
    struct tm buf;
    Ref<> zone;
    if (!tuple_or_now(args, nargs, &buf, "asctime(): illegal time tuple argument", &zone)) return nullptr;
    return format_asctime(buf);
}

Ref<> time_ctime(Object*, Object* const* args, Py_ssize_t nargs)
{
    time_t when;
    if (!seconds_arg(args, nargs, "ctime", &when)) return nullptr;
    struct tm buf;
    if (!local_tm(when, &buf)) return nullptr;
    return format_asctime(buf);
}

Ref<> time_mktime(Object*, Object* arg)
{
    struct tm buf;
    Ref<> zone;
    if (!gettmarg(arg, &buf, "mktime(): illegal time tuple argument", &zone)) return nullptr;
    buf.tm_wday = -1;  // sentinel: mktime() leaves it alone on failure
    time_t tt = std::mktime(&buf);
    if (tt == static_cast<time_t>(-1) && buf.tm_wday == -1)
        return format_error(Exc_OverflowError, "mktime argument out of range");
    return float_from_double(static_cast<double>(tt));
}

Ref<> time_strftime(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("strftime", nargs, 1, 2)) return nullptr;
    if (!unicode_check(args[0]))
        return format_error(Exc_TypeError, "strftime() argument 1 must be str, not %.50s", Py_TYPE(args[0])->tp_name);
    struct tm buf;
    Ref<> zone;
    if (!tuple_or_now(args + 1, nargs - 1, &buf, "strftime(): illegal time tuple argument", &zone)) return nullptr;
    // Some libc's %Z read tm_isdst as an index.
    if (buf.tm_isdst < -1) buf.tm_isdst = -1;
    else if (buf.tm_isdst > 1) buf.tm_isdst = 1;
    Py_ssize_t fmtlen = 0;
    const char* fmt = unicode_as_utf8(args[0], &fmtlen);
    if (!fmt) return nullptr;
    std::string format(fmt, static_cast<std::size_t>(fmtlen));
    if (format.find('\0') != std::string::npos) return format_error(Exc_ValueError, "embedded null character");
    // An empty result is ambiguous (too small a buffer, or really empty):
    // grow the buffer up to 256 times the format's length, as CPython does.
    for (std::size_t size = 1024;; size += size) {
        std::string out(size, '\0');
        std::size_t n = std::strftime(out.data(), size, format.c_str(), &buf);
        if (n != 0 || size >= 256 * format.size() + 1) {
            out.resize(n);
            return unicode_from_utf8(out);
        }
    }
}

// time_strptime: _strptime._strptime_time(*args), the module imported
// when first needed (it imports datetime, re and locale).
Ref<> time_strptime(Object*, Object* args)
{
    Object* builtins = interpreter_get()->builtins;
    Object* import = builtins ? dict_get_item_string(builtins, "__import__") : nullptr;
    if (!import) return format_error(Exc_ImportError, "__import__ not found");
    Ref<> name = unicode_from_string("_strptime");
    if (!name) return nullptr;
    Ref<> mod = call_one_arg(import, name.get());
    if (!mod) return nullptr;
    Ref<> func = object_get_attr_string(mod.get(), "_strptime_time");
    if (!func) return nullptr;
    return object_call(func.get(), args, nullptr);
}

// --- Timezone constants ----------------------------------------------------------------

int init_timezone(Object* mod)
{
    const time_t YEAR = (365 * 24 + 6) * 3600;
    time_t t = (std::time(nullptr) / YEAR) * YEAR;
    struct tm p;
    if (!localtime_r(&t, &p)) return -1;
    std::string janname = p.tm_zone ? std::string(p.tm_zone).substr(0, 9) : "   ";
    long janzone = -p.tm_gmtoff;
    time_t t2 = t + YEAR / 2;
    if (!localtime_r(&t2, &p)) return -1;
    std::string julyname = p.tm_zone ? std::string(p.tm_zone).substr(0, 9) : "   ";
    long julyzone = -p.tm_gmtoff;
    // The southern hemisphere has its summer time in January.
    bool reversed = janzone < julyzone;
    long tz = reversed ? julyzone : janzone;
    long alt = reversed ? janzone : julyzone;
    Ref<> n1 = unicode_from_string((reversed ? julyname : janname).c_str());
    Ref<> n2 = unicode_from_string((reversed ? janname : julyname).c_str());
    if (!n1 || !n2) return -1;
    Ref<> tzname = tuple_pack({n1.get(), n2.get()});
    Ref<> tzv = long_from_long(tz), altv = long_from_long(alt), dl = long_from_long(janzone != julyzone);
    if (!tzname || !tzv || !altv || !dl) return -1;
    if (module_add_object(mod, "timezone", tzv.get()) < 0 || module_add_object(mod, "altzone", altv.get()) < 0 ||
        module_add_object(mod, "daylight", dl.get()) < 0 || module_add_object(mod, "tzname", tzname.get()) < 0)
        return -1;
    return 0;
}

Ref<> time_tzset(Object* self, Object*)
{
    tzset();
    // tzset() is called on the module object through its own function's self.
    if (init_timezone(self) < 0) return nullptr;
    return none_ref();
}

MethodDef time_methods[] = {
    method_noargs("time", time_time, "time() -> floating point number\n\nReturn the current time in seconds since the Epoch."),
    method_noargs("time_ns", time_time_ns, "time_ns() -> int\n\nReturn the current time in nanoseconds since the Epoch."),
    method_noargs("monotonic", time_monotonic, "monotonic() -> float\n\nMonotonic clock, cannot go backward."),
    method_noargs("monotonic_ns", time_monotonic_ns, "monotonic_ns() -> int\n\nMonotonic clock, cannot go backward, as nanoseconds."),
    method_noargs("perf_counter", time_monotonic, "perf_counter() -> float\n\nPerformance counter for benchmarking."),
    method_noargs("perf_counter_ns", time_monotonic_ns, "perf_counter_ns() -> int\n\nPerformance counter for benchmarking as nanoseconds."),
    method_noargs("process_time", time_process_time, "process_time() -> float\n\nProcess time for profiling: sum of the kernel and user-space CPU time."),
    method_noargs("process_time_ns", time_process_time_ns, "process_time() -> int\n\nProcess time for profiling as nanoseconds."),
    method_noargs("thread_time", time_thread_time, "thread_time() -> float\n\nThread time for profiling: sum of the kernel and user-space CPU time."),
    method_noargs("thread_time_ns", time_thread_time_ns, "thread_time() -> int\n\nThread time for profiling as nanoseconds."),
    method_o("clock_gettime", time_clock_gettime, "clock_gettime(clk_id) -> float\n\nReturn the time of the specified clock clk_id."),
    method_o("clock_gettime_ns", time_clock_gettime_ns, "clock_gettime_ns(clk_id) -> int\n\nReturn the time of the specified clock clk_id as nanoseconds."),
    method_o("clock_getres", time_clock_getres, "clock_getres(clk_id) -> floating point number\n\nReturn the resolution (precision) of the specified clock clk_id."),
    method_o("get_clock_info", time_get_clock_info, "get_clock_info(name: str) -> dict\n\nGet information of the specified clock."),
    method_o("sleep", time_sleep, "sleep(seconds)\n\nDelay execution for a given number of seconds.  The argument may be\na floating point number for subsecond precision."),
    method_fast("gmtime", time_gmtime, "gmtime([seconds]) -> (tm_year, tm_mon, tm_mday, tm_hour, tm_min,\n                       tm_sec, tm_wday, tm_yday, tm_isdst)\n\nConvert seconds since the Epoch to a time tuple expressing UTC (a.k.a.\nGMT)."),
    method_fast("localtime", time_localtime, "localtime([seconds]) -> (tm_year,tm_mon,tm_mday,tm_hour,tm_min,\n                          tm_sec,tm_wday,tm_yday,tm_isdst)\n\nConvert seconds since the Epoch to a time tuple expressing local time."),
    method_fast("asctime", time_asctime, "asctime([tuple]) -> string\n\nConvert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'."),
    method_fast("ctime", time_ctime, "ctime(seconds) -> string\n\nConvert a time in seconds since the Epoch to a string in local time."),
    method_o("mktime", time_mktime, "mktime(tuple) -> floating point number\n\nConvert a time tuple in local time to seconds since the Epoch."),
    method_fast("strftime", time_strftime, "strftime(format[, tuple]) -> string\n\nConvert a time tuple to a string according to a format specification."),
    method_varargs("strptime", time_strptime, "strptime(string, format) -> struct_time\n\nParse a string to a time tuple according to a format specification.\nSee the library reference manual for formatting codes (same as\nstrftime()).\n\nCommonly used format codes:\n\n%Y  Year with century as a decimal number.\n%m  Month as a decimal number [01,12].\n%d  Day of the month as a decimal number [01,31].\n%H  Hour (24-hour clock) as a decimal number [00,23].\n%M  Minute as a decimal number [00,59].\n%S  Second as a decimal number [00,61].\n%z  Time zone offset from UTC.\n%a  Locale's abbreviated weekday name.\n%A  Locale's full weekday name.\n%b  Locale's abbreviated month name.\n%B  Locale's full month name.\n%c  Locale's appropriate date and time representation.\n%I  Hour (12-hour clock) as a decimal number [01,12].\n%p  Locale's equivalent of either AM or PM.\n\nOther codes may be available on your platform.  See documentation for\nthe C library strftime function.\n"),
    method_noargs("tzset", time_tzset, "tzset()\n\nInitialize, or reinitialize, the local timezone to the value of the\nenvironment variable TZ."),
    {},
};

int add_int(Object* mod, const char* name, long long v)
{
    Ref<> o = long_from_long(v);
    return o ? module_add_object(mod, name, o.get()) : -1;
}

}  // namespace

Ref<> time_module_create()
{
    if (!struct_time_type) {
        Ref<TypeObject> t = structseq_new_type(&struct_time_desc);
        if (!t) return nullptr;
        struct_time_type = t.release();  // immortal, like a static type
    }
    Ref<> mod = module_new("time");
    if (!mod || module_add_functions(mod.get(), time_methods) < 0) return nullptr;
    if (module_add_object(mod.get(), "struct_time", struct_time_type) < 0) return nullptr;
    if (add_int(mod.get(), "CLOCK_REALTIME", CLOCK_REALTIME) < 0 ||
        add_int(mod.get(), "CLOCK_MONOTONIC", CLOCK_MONOTONIC) < 0 ||
        add_int(mod.get(), "CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW) < 0 ||
        add_int(mod.get(), "CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID) < 0 ||
        add_int(mod.get(), "CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID) < 0 ||
        add_int(mod.get(), "CLOCK_BOOTTIME", CLOCK_BOOTTIME) < 0 || add_int(mod.get(), "CLOCK_TAI", CLOCK_TAI) < 0 ||
        add_int(mod.get(), "_STRUCT_TM_ITEMS", 11) < 0)
        return nullptr;
    tzset();
    if (init_timezone(mod.get()) < 0) return nullptr;
    Ref<> doc = unicode_from_string(
        "This module provides various functions to manipulate time values.\n\n"
        "There are two standard representations of time.  One is the number\n"
        "of seconds since the Epoch, in UTC (a.k.a. GMT).  It may be an integer\n"
        "or a floating point number (to represent fractions of seconds).\n"
        "The Epoch is system-defined; on Unix, it is generally January 1st, 1970.\n");
    if (!doc || module_add_object(mod.get(), "__doc__", doc.get()) < 0) return nullptr;
    return mod;
}

}  // namespace minipy::modules
