// selectmodule.cpp: the select module: select.select() and select.poll
// objects, waiting for file descriptors to become ready.
// Mirrors CPython 3.11 Modules/selectmodule.c (select_select_impl,
// seq2set/set2list, the poll object). Book chapter 12.
//
// Design notes
// ------------
// * A list item is an int or has fileno(); the result lists hold the
//   caller's own objects, in the caller's order.
// * Both calls release the GIL while they wait. An EINTR runs the Python
//   signal handlers and, unless one raised, waits again for what is left
//   of the timeout (PEP 475), as CPython does.
// * Timeouts: select's in seconds (float or int, None = forever),
//   poll's in milliseconds (negative or None = forever), both rounded up.
// * Not mirrored: epoll, devpoll, kqueue.
#include <poll.h>
#include <sys/select.h>
#include <time.h>

#include <cerrno>
#include <climits>
#include <limits.h>
#include <cmath>
#include <vector>

#include "minipy/runtime/abstract.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/floatobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/pystate.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/typeobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "clinic_args.h"
#include "pytime.h"

namespace minipy::modules {

using namespace runtime;

namespace {

long long monotonic_ns()
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<long long>(ts.tv_sec) * SEC_TO_NS + ts.tv_nsec;
}

// One of select's three lists: the objects and their fds.
struct FdList {
    Ref<> seq;  // tuple of the caller's objects
    std::vector<int> fds;
};

// seq2set: fills *set; *max_fd grows to the largest fd.
bool seq2set(Object* seq_obj, FdList* list, fd_set* set, int* max_fd)
{
    FD_ZERO(set);
    if (!list_check(seq_obj) && !tuple_check(seq_obj) && !sequence_check(seq_obj)) {
        set_error(Exc_TypeError, "arguments 1-3 must be sequences");
        return false;
    }
    list->seq = sequence_tuple(seq_obj);
    if (!list->seq) {
        if (error_matches(Exc_TypeError)) {
            error_clear();
            set_error(Exc_TypeError, "arguments 1-3 must be sequences");
        }
        return false;
    }
    for (Py_ssize_t i = 0; i < tuple_size(list->seq.get()); i++) {
        int fd;
        if (!fildes_converter(tuple_item(list->seq.get(), i), &fd)) return false;
        if (fd >= FD_SETSIZE) {
            set_error(Exc_ValueError, "filedescriptor out of range in select()");
            return false;
        }
        if (fd > *max_fd) *max_fd = fd;
        FD_SET(fd, set);
        list->fds.push_back(fd);
    }
    return true;
}

// set2list: the objects whose fd is ready, in the caller's order.
Ref<> set2list(const FdList& list, fd_set* set)
{
    Ref<> out = list_new(0);
    if (!out) return nullptr;
    for (std::size_t i = 0; i < list.fds.size(); i++) {
        if (!FD_ISSET(list.fds[i], set)) continue;
        if (list_append(out.get(), tuple_item(list.seq.get(), static_cast<Py_ssize_t>(i))) < 0) return nullptr;
    }
    return out;
}

bool check_signals_after_eintr() { return !is_main_thread() || make_pending_calls() == 0; }

Ref<> select_select(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("select", nargs, 3, 4)) return nullptr;
    long long timeout_ns = -1;  // forever
    if (nargs == 4 && args[3] != Py_None()) {
        if (!time_from_seconds_object(args[3], &timeout_ns)) {
            if (error_matches(Exc_TypeError)) {
                error_clear();
                return format_error(Exc_TypeError, "timeout must be a float or None");
            }
            return nullptr;
        }
        if (timeout_ns < 0) return format_error(Exc_ValueError, "timeout must be non-negative");
    }
    FdList lists[3];
    fd_set sets[3];
    int max_fd = -1;
    for (int i = 0; i < 3; i++)
        if (!seq2set(args[i], &lists[i], &sets[i], &max_fd)) return nullptr;
    long long deadline = timeout_ns >= 0 ? monotonic_ns() + timeout_ns : 0;
    fd_set work[3];
    for (;;) {
        for (int i = 0; i < 3; i++) work[i] = sets[i];
        struct timeval tv;
        struct timeval* tvp = nullptr;
        if (timeout_ns >= 0) {
            long long us = time_as_microseconds_timeout(timeout_ns);
            tv.tv_sec = static_cast<time_t>(us / 1000000);
            tv.tv_usec = static_cast<suseconds_t>(us % 1000000);
            tvp = &tv;
        }
        int n;
        {
            AllowThreads nogil;
            n = select(max_fd + 1, &work[0], &work[1], &work[2], tvp);
        }
        if (n >= 0) break;
        if (errno != EINTR) return set_from_errno(Exc_OSError);
        if (!check_signals_after_eintr()) return nullptr;
        if (timeout_ns >= 0) {
            timeout_ns = deadline - monotonic_ns();
            if (timeout_ns < 0) {
                // The time ran out while handling the signal: nothing is ready.
                for (int i = 0; i < 3; i++) FD_ZERO(&work[i]);
                break;
            }
        }
    }
    Ref<> r = set2list(lists[0], &work[0]);
    Ref<> w = r ? set2list(lists[1], &work[1]) : nullptr;
    Ref<> x = w ? set2list(lists[2], &work[2]) : nullptr;
    if (!x) return nullptr;
    return tuple_pack({r.get(), w.get(), x.get()});
}

// --- select.poll -----------------------------------------------------------------------

struct PollObject : Object {
    Object* dict;  // fd -> event mask (ints)
    bool poll_running;
};

extern TypeObject Poll_Type;

PollObject* P(Object* op) { return static_cast<PollObject*>(op); }

void poll_dealloc(Object* op)
{
    clear_ref(P(op)->dict);
    object_dealloc_memory(op);
}

bool events_converter(Object* o, unsigned short* out)
{
    Ref<> index = number_index(o);
    if (!index) return false;
    long long v = long_as_long_long(index.get());
    if (v == -1 && error_occurred()) return false;
    if (v < 0) {
        set_error(Exc_ValueError, "value must be positive");
        return false;
    }
    if (v > USHRT_MAX) {
        set_error(Exc_OverflowError, "Python int too large for C unsigned short");
        return false;
    }
    *out = static_cast<unsigned short>(v);
    return true;
}

Ref<> poll_register(Object* self, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("register", nargs, 1, 2)) return nullptr;
    int fd;
    unsigned short events = POLLIN | POLLPRI | POLLOUT;
    if (!fildes_converter(args[0], &fd) || (nargs == 2 && !events_converter(args[1], &events))) return nullptr;
    Ref<> key = long_from_long(fd), value = long_from_long(events);
    if (!key || !value || dict_set_item(P(self)->dict, key.get(), value.get()) < 0) return nullptr;
    return none_ref();
}

Ref<> poll_modify(Object* self, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("modify", nargs, 2, 2)) return nullptr;
    int fd;
    unsigned short events;
    if (!fildes_converter(args[0], &fd) || !events_converter(args[1], &events)) return nullptr;
    Ref<> key = long_from_long(fd), value = long_from_long(events);
    if (!key || !value) return nullptr;
    int has = dict_contains(P(self)->dict, key.get());
    if (has < 0) return nullptr;
    if (!has) {
        errno = ENOENT;
        return set_from_errno(Exc_OSError);
    }
    if (dict_set_item(P(self)->dict, key.get(), value.get()) < 0) return nullptr;
    return none_ref();
}

Ref<> poll_unregister(Object* self, Object* arg)
{
    int fd;
    if (!fildes_converter(arg, &fd)) return nullptr;
    Ref<> key = long_from_long(fd);
    if (!key || dict_del_item(P(self)->dict, key.get()) < 0) return nullptr;
    return none_ref();
}

Ref<> poll_poll(Object* self, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("poll", nargs, 0, 1)) return nullptr;
    long long timeout_ns = -1;
    if (nargs == 1 && args[0] != Py_None()) {
        // _PyTime_FromMillisecondsObject, rounded up.
        Object* arg = args[0];
        if (float_check(arg)) {
            double d = float_value(arg);
            if (std::isnan(d)) return format_error(Exc_ValueError, "Invalid value NaN (not a number)");
            double dns = std::ceil(d * 1e6);
            if (!(dns >= -9223372036854775808.0 && dns < 9223372036854775808.0))
                return format_error(Exc_OverflowError, "timestamp out of range for platform time_t");
            timeout_ns = static_cast<long long>(dns);
        }
        else {
            if (!index_check(arg)) return format_error(Exc_TypeError, "timeout must be an integer or None");
            Ref<> i = number_index(arg);
            if (!i) return nullptr;
            int overflow = 0;
            long long ms = long_as_long_long_and_overflow(i.get(), &overflow);
            if (ms == -1 && error_occurred()) return nullptr;
            if (overflow || __builtin_mul_overflow(ms, 1000000LL, &timeout_ns))
                return format_error(Exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
        }
        if (timeout_ns < 0) timeout_ns = -1;
    }
    PollObject* po = P(self);
    if (po->poll_running) return format_error(Exc_RuntimeError, "concurrent poll() invocation");
    std::vector<struct pollfd> fds;
    Py_ssize_t pos = 0;
    Object *k, *v;
    while (dict_next(po->dict, &pos, &k, &v)) {
        struct pollfd p{};
        p.fd = static_cast<int>(long_as_long_long(k));
        p.events = static_cast<short>(long_as_long_long(v));
        fds.push_back(p);
    }
    long long deadline = timeout_ns >= 0 ? monotonic_ns() + timeout_ns : 0;
    int n;
    po->poll_running = true;
    for (;;) {
        int ms = -1;
        if (timeout_ns >= 0) {
            long long m = timeout_ns / 1000000 + (timeout_ns % 1000000 ? 1 : 0);
            ms = m > INT_MAX ? INT_MAX : static_cast<int>(m);
        }
        {
            AllowThreads nogil;
            n = poll(fds.data(), fds.size(), ms);
        }
        if (n >= 0) break;
        if (errno != EINTR) {
            po->poll_running = false;
            return set_from_errno(Exc_OSError);
        }
        if (!check_signals_after_eintr()) {
            po->poll_running = false;
            return nullptr;
        }
        if (timeout_ns >= 0) {
            timeout_ns = deadline - monotonic_ns();
            if (timeout_ns < 0) {
                n = 0;
                break;
            }
        }
    }
    po->poll_running = false;
    Ref<> result = list_new(0);
    if (!result) return nullptr;
    for (const struct pollfd& p : fds) {
        if (!p.revents) continue;
        Ref<> fd = long_from_long(p.fd), ev = long_from_long(static_cast<unsigned short>(p.revents));
        Ref<> pair = fd && ev ? tuple_pack({fd.get(), ev.get()}) : nullptr;
        if (!pair || list_append(result.get(), pair.get()) < 0) return nullptr;
    }
    return result;
}

MethodDef poll_methods[] = {
    method_fast("register", poll_register, "Register a file descriptor with the polling object."),
    method_fast("modify", poll_modify, "Modify an already registered file descriptor."),
    method_o("unregister", poll_unregister, "Remove a file descriptor being tracked by the polling object."),
    method_fast("poll", poll_poll, "Polls the set of registered file descriptors."),
    {},
};

TypeObject Poll_Type = [] {
    TypeObject t = static_type("select.poll", sizeof(PollObject), 0, Py_TPFLAGS_DEFAULT, nullptr);
    t.tp_dealloc = poll_dealloc;
    t.tp_getattro = object_generic_get_attr;
    t.tp_methods = poll_methods;
    return t;
}();

Ref<> select_poll(Object*, Object*)
{
    Ref<PollObject> po = object_new<PollObject>(&Poll_Type);
    if (!po) return nullptr;
    po->dict = nullptr;
    po->poll_running = false;
    Ref<> d = dict_new();
    if (!d) return nullptr;
    po->dict = d.release();
    return po;
}

MethodDef select_methods[] = {
    method_fast("select", select_select,
                "select(rlist, wlist, xlist, timeout=None, /)\n--\n\nWait until one or more file descriptors are ready for some kind of I/O."),
    method_noargs("poll", select_poll, "Returns a polling object."),
    {},
};

int add_int(Object* mod, const char* name, long long v)
{
    Ref<> o = long_from_long(v);
    return o ? module_add_object(mod, name, o.get()) : -1;
}

}  // namespace

Ref<> select_module_create()
{
    if (!(Poll_Type.tp_flags & Py_TPFLAGS_READY) && type_ready(&Poll_Type) < 0) return nullptr;
    Ref<> mod = module_new("select");
    if (!mod || module_add_functions(mod.get(), select_methods) < 0) return nullptr;
    if (module_add_object(mod.get(), "error", Exc_OSError) < 0) return nullptr;
    static const struct {
        const char* name;
        long long value;
    } constants[] = {
        {"PIPE_BUF", PIPE_BUF}, {"POLLIN", POLLIN}, {"POLLPRI", POLLPRI}, {"POLLOUT", POLLOUT},
        {"POLLERR", POLLERR}, {"POLLHUP", POLLHUP}, {"POLLNVAL", POLLNVAL}, {"POLLRDNORM", POLLRDNORM},
        {"POLLRDBAND", POLLRDBAND}, {"POLLWRNORM", POLLWRNORM}, {"POLLWRBAND", POLLWRBAND}, {"POLLMSG", POLLMSG},
        {"POLLRDHUP", POLLRDHUP},
    };
    for (const auto& c : constants)
        if (add_int(mod.get(), c.name, c.value) < 0) return nullptr;
    return mod;
}

}  // namespace minipy::modules
