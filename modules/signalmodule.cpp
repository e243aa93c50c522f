// signalmodule.cpp: the _signal module: Python-level signal handlers, the
// C handler that only records a signal, and the check that runs the Python
// handlers in the main thread; alarm, setitimer, masks, set_wakeup_fd.
// Mirrors CPython 3.11 Modules/signalmodule.c (Linux branches); lib/signal.py
// adds the Signals/Handlers/Sigmasks enums. Book chapter 12 (and chapter 8's
// eval breaker).
//
// Design notes
// ------------
// * The C handler (signal_handler) is async-signal-safe: it sets the
//   signal's `tripped` flag and is_tripped, writes the signal number to the
//   wakeup fd if one is set, and asks the eval loop to look
//   (eval_signal_received). The loop's breaker, in the main thread, calls
//   run_signal_handlers (installed as runtime's run_signal_handlers_hook,
//   CPython's _PyErr_CheckSignalsTstate), which calls each tripped
//   signal's Python handler with (signum, frame).
// * SIGINT before any signal.signal(SIGINT, ...): the vm installed its own
//   C handler at start-up (the REPL's line reader relies on it) whose effect
//   is default_int_handler's, so this module reports default_int_handler
//   for SIGINT and leaves that C handler in place; setting any SIGINT
//   handler installs this module's C handler instead.
// * Handlers run only in the main thread; signal() and set_wakeup_fd()
//   from another thread raise ValueError, as in CPython.
// * Not mirrored: sigwaitinfo/sigtimedwait/struct_siginfo, pidfd_send_signal.
#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>

#include "clinic_args.h"
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/floatobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/pystate.h"
#include "minipy/runtime/setobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/typeobject.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::modules {

using namespace runtime;

namespace {

constexpr int N_SIG = NSIG;

struct Handler {
    std::atomic<int> tripped{0};
    Object* func = nullptr;  // owned: a callable, SIG_DFL/SIG_IGN's int, or null (None: set from C)
};

Handler handlers[N_SIG];
std::atomic<int> is_tripped{0};
std::atomic<int> wakeup_fd{-1};
bool wakeup_warn_on_full_buffer = true;

Object* default_handler = nullptr;  // int SIG_DFL
Object* ignore_handler = nullptr;   // int SIG_IGN
Object* default_int_handler_obj = nullptr;
Object* itimer_error = nullptr;

extern "C" void signal_handler(int signum)
{
    int saved_errno = errno;
    handlers[signum].tripped.store(1);
    is_tripped.store(1);
    eval_signal_received();
    int fd = wakeup_fd.load();
    if (fd >= 0) {
        unsigned char byte = static_cast<unsigned char>(signum);
        ssize_t r = write(fd, &byte, 1);
        (void)r;  // a full pipe loses the byte, as in CPython (it may warn later)
    }
    errno = saved_errno;
}

bool check_signum(int signum)
{
    if (signum < 1 || signum >= N_SIG) {
        set_error(Exc_ValueError, "signal number out of range");
        return false;
    }
    return true;
}

std::nullptr_t errno_error() { return set_from_errno(Exc_OSError); }

// The running Python frame (PyEval_GetFrame) through sys._getframe, or None.
Ref<> current_frame()
{
    Object* sysdict = interpreter_get()->sysdict;
    Object* getframe = sysdict ? dict_get_item_string(sysdict, "_getframe") : nullptr;
    if (!getframe) return none_ref();
    Ref<> frame = call_no_args(getframe);
    if (!frame) {
        error_clear();
        return none_ref();
    }
    return frame;
}

// _PyErr_CheckSignalsTstate: runs the Python handlers of the tripped
// signals; 0, or -1 with the handler's exception set.
int run_signal_handlers()
{
    if (!is_tripped.load()) return 0;
    is_tripped.store(0);
    Ref<> frame;
    for (int i = 1; i < N_SIG; i++) {
        if (!handlers[i].tripped.load()) continue;
        handlers[i].tripped.store(0);
        Object* func = handlers[i].func;
        // SIG_DFL/SIG_IGN (ints), or None for a handler not set from Python.
        if (!func || func == Py_None() || long_check(func)) continue;
        if (!frame) frame = current_frame();
        Ref<> num = long_from_long(i);
        if (!num) return -1;
        Ref<> keep = new_ref(func);  // the handler may replace itself
        Ref<> r = call_function_objargs(keep.get(), {num.get(), frame.get()});
        if (!r) {
            // The other tripped signals are handled at the next check.
            is_tripped.store(1);
            return -1;
        }
    }
    return 0;
}

// PyErr_CheckSignals from this module's blocking calls (pause, raise_signal).
int check_signals()
{
    if (!is_main_thread()) return 0;
    return make_pending_calls();
}

Ref<> signal_default_int_handler(Object*, Object* const*, Py_ssize_t)
{
    set_error_none(Exc_KeyboardInterrupt);
    return nullptr;
}

Ref<> signal_signal(Object*, Object* const* args, Py_ssize_t nargs)
{
    int signum;
    if (!check_positional("signal", nargs, 2, 2) || !int_converter(args[0], &signum)) return nullptr;
    Object* handler = args[1];
    if (!is_main_thread())
        return format_error(Exc_ValueError, "signal only works in main thread of the main interpreter");
    if (!check_signum(signum)) return nullptr;
    void (*c_handler)(int);
    int is_ign = object_rich_compare_bool(handler, ignore_handler, Py_EQ);
    if (is_ign < 0) return nullptr;
    int is_dfl = is_ign ? 0 : object_rich_compare_bool(handler, default_handler, Py_EQ);
    if (is_dfl < 0) return nullptr;
    if (is_ign) c_handler = SIG_IGN;
    else if (is_dfl) c_handler = SIG_DFL;
    else {
        if (!callable_check(handler))
            return format_error(Exc_TypeError,
                                "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
        c_handler = signal_handler;
    }
    // Signals that arrived before the change go to the old handler.
    if (check_signals() < 0) return nullptr;
    struct sigaction action{};
    action.sa_handler = c_handler;
    sigemptyset(&action.sa_mask);
    // No SA_RESTART: a blocking call returns EINTR so the handler runs soon
    // (CPython's PyOS_setsig sets siginterrupt(sig, 1)).
    if (sigaction(signum, &action, nullptr) != 0) return errno_error();
    Object* old = handlers[signum].func;
    handlers[signum].func = new_ref(handler).release();
    if (!old) return none_ref();
    return Ref<>::steal(old);
}

Ref<> signal_getsignal(Object*, Object* arg)
{
    int signum;
    if (!int_converter(arg, &signum) || !check_signum(signum)) return nullptr;
    Object* old = handlers[signum].func;
    return new_ref(old ? old : Py_None());
}

Ref<> signal_strsignal(Object*, Object* arg)
{
    int signum;
    if (!int_converter(arg, &signum) || !check_signum(signum)) return nullptr;
    const char* res = strsignal(signum);
    if (!res || std::strstr(res, "Unknown signal")) return none_ref();
    return unicode_from_string(res);
}

// sigset_to_set: the signal numbers of a mask, as a set.
Ref<> sigset_to_set(const sigset_t& mask)
{
    Ref<> result = set_new(nullptr);
    if (!result) return nullptr;
    for (int sig = 1; sig < N_SIG; sig++) {
        if (sigismember(&mask, sig) != 1) continue;
        Ref<> n = long_from_long(sig);
        if (!n || set_add(result.get(), n.get()) < 0) return nullptr;
    }
    return result;
}

Ref<> signal_valid_signals(Object*, Object*)
{
    sigset_t mask;
    if (sigemptyset(&mask) != 0 || sigfillset(&mask) != 0) return errno_error();
    return sigset_to_set(mask);
}

Ref<> signal_alarm(Object*, Object* arg)
{
    int seconds;
    if (!int_converter(arg, &seconds)) return nullptr;
    return long_from_long(alarm(static_cast<unsigned>(seconds)));
}

Ref<> signal_pause(Object*, Object*)
{
    {
        AllowThreads nogil;
        pause();
    }
    if (check_signals() < 0) return nullptr;
    return none_ref();
}

Ref<> signal_raise_signal(Object*, Object* arg)
{
    int signum;
    if (!int_converter(arg, &signum)) return nullptr;
    if (!check_signum(signum)) return nullptr;
    int err;
    {
        AllowThreads nogil;
        err = raise(signum);
    }
    if (err) return errno_error();
    if (check_signals() < 0) return nullptr;
    return none_ref();
}

Ref<> signal_siginterrupt(Object*, Object* const* args, Py_ssize_t nargs)
{
    int signum, flag;
    if (!check_positional("siginterrupt", nargs, 2, 2) || !int_converter(args[0], &signum) ||
        !int_converter(args[1], &flag) || !check_signum(signum))
        return nullptr;
    struct sigaction act;
    if (sigaction(signum, nullptr, &act) != 0) return errno_error();
    if (flag) act.sa_flags &= ~SA_RESTART;
    else act.sa_flags |= SA_RESTART;
    if (sigaction(signum, &act, nullptr) != 0) return errno_error();
    return none_ref();
}

Ref<> signal_set_wakeup_fd(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[2] = {};
    if (!parse_clinic_args("set_wakeup_fd", args, nargs, kwnames, {"", "warn_on_full_buffer"}, 1, 1, a))
        return nullptr;
    int fd;
    if (!int_converter(a[0], &fd)) return nullptr;
    bool warn = true;
    if (a[1]) {
        int t = object_is_true(a[1]);
        if (t < 0) return nullptr;
        warn = t != 0;
    }
    if (!is_main_thread())
        return format_error(Exc_ValueError, "set_wakeup_fd only works in main thread of the main interpreter");
    if (fd != -1) {
        struct stat st;
        if (fstat(fd, &st) != 0) return errno_error();
        int flags = fcntl(fd, F_GETFL);
        if (flags < 0) return errno_error();
        if (!(flags & O_NONBLOCK)) return format_error(Exc_ValueError, "the fd %i must be in non-blocking mode", fd);
    }
    int old = wakeup_fd.exchange(fd);
    wakeup_warn_on_full_buffer = warn;
    return long_from_long(old);
}

// --- masks -------------------------------------------------------------------------------

bool iterable_to_sigset(Object* iterable, sigset_t* mask)
{
    sigemptyset(mask);
    Ref<> it = object_get_iter(iterable);
    if (!it) return false;
    for (;;) {
        Ref<> item = iter_next(it.get());
        if (!item) return !error_occurred();
        int sig;
        if (!int_converter(item.get(), &sig)) return false;
        if (sig <= 0 || sig >= N_SIG) {
            format_error(Exc_ValueError, "signal number %d out of range [1; %i]", sig, N_SIG - 1);
            return false;
        }
        if (sigaddset(mask, sig)) {
            errno_error();
            return false;
        }
    }
}

Ref<> signal_pthread_sigmask(Object*, Object* const* args, Py_ssize_t nargs)
{
    int how;
    sigset_t mask, previous;
    if (!check_positional("pthread_sigmask", nargs, 2, 2) || !int_converter(args[0], &how) ||
        !iterable_to_sigset(args[1], &mask))
        return nullptr;
    int err = pthread_sigmask(how, &mask, &previous);
    if (err != 0) {
        errno = err;
        return errno_error();
    }
    if (check_signals() < 0) return nullptr;
    return sigset_to_set(previous);
}

Ref<> signal_sigpending(Object*, Object*)
{
    sigset_t mask;
    if (sigpending(&mask) != 0) return errno_error();
    return sigset_to_set(mask);
}

Ref<> signal_sigwait(Object*, Object* arg)
{
    sigset_t mask;
    if (!iterable_to_sigset(arg, &mask)) return nullptr;
    int sig = 0, err;
    {
        AllowThreads nogil;
        err = sigwait(&mask, &sig);
    }
    if (err) {
        errno = err;
        return errno_error();
    }
    return long_from_long(sig);
}

Ref<> signal_pthread_kill(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("pthread_kill", nargs, 2, 2)) return nullptr;
    Ref<> index = number_index(args[0]);
    if (!index) return nullptr;
    unsigned long long tid = static_cast<unsigned long long>(long_as_long_long(index.get()));
    if (error_occurred()) return nullptr;
    int signum;
    if (!int_converter(args[1], &signum)) return nullptr;
    int err = pthread_kill(static_cast<pthread_t>(tid), signum);
    if (err != 0) {
        errno = err;
        return errno_error();
    }
    if (check_signals() < 0) return nullptr;
    return none_ref();
}

// --- interval timers ------------------------------------------------------------------

bool seconds_to_timeval(Object* o, struct timeval* tv)
{
    Ref<> f = number_float(o);
    if (!f) return false;
    double d = float_value(f.get());
    if (d < 0) d = 0;  // CPython's timeval_from_double rounds; negative means 0
    tv->tv_sec = static_cast<time_t>(d);
    tv->tv_usec = static_cast<suseconds_t>((d - static_cast<double>(tv->tv_sec)) * 1e6 + 0.5);
    if (tv->tv_usec >= 1000000) {
        tv->tv_sec += 1;
        tv->tv_usec -= 1000000;
    }
    // A positive interval shorter than a microsecond still arms the timer.
    if (d > 0 && tv->tv_sec == 0 && tv->tv_usec == 0) tv->tv_usec = 1;
    return true;
}

Ref<> itimer_tuple(const struct itimerval& v)
{
    Ref<> a = float_from_double(static_cast<double>(v.it_value.tv_sec) + static_cast<double>(v.it_value.tv_usec) / 1e6);
    Ref<> b = float_from_double(static_cast<double>(v.it_interval.tv_sec) +
                                static_cast<double>(v.it_interval.tv_usec) / 1e6);
    if (!a || !b) return nullptr;
    return tuple_pack({a.get(), b.get()});
}

Ref<> signal_setitimer(Object*, Object* const* args, Py_ssize_t nargs)
{
    int which;
    if (!check_positional("setitimer", nargs, 2, 3) || !int_converter(args[0], &which)) return nullptr;
    struct itimerval newv{}, oldv{};
    if (!seconds_to_timeval(args[1], &newv.it_value)) return nullptr;
    if (nargs == 3 && !seconds_to_timeval(args[2], &newv.it_interval)) return nullptr;
    if (setitimer(which, &newv, &oldv) != 0) return set_from_errno(reinterpret_cast<TypeObject*>(itimer_error));
    return itimer_tuple(oldv);
}

Ref<> signal_getitimer(Object*, Object* arg)
{
    int which;
    if (!int_converter(arg, &which)) return nullptr;
    struct itimerval v{};
    if (getitimer(which, &v) != 0) return set_from_errno(reinterpret_cast<TypeObject*>(itimer_error));
    return itimer_tuple(v);
}

MethodDef signal_methods[] = {
    method_fast("default_int_handler", signal_default_int_handler,
                "default_int_handler($module, signalnum, frame, /)\n--\n\nThe default handler for SIGINT installed by Python.\n\nIt raises KeyboardInterrupt."),
    method_fast("signal", signal_signal, "Set the action for the given signal."),
    method_o("getsignal", signal_getsignal, "Return the current action for the given signal."),
    method_o("strsignal", signal_strsignal, "Return the system description of the given signal."),
    method_noargs("valid_signals", signal_valid_signals, "Return a set of valid signal numbers on this platform."),
    method_o("alarm", signal_alarm, "Arrange for SIGALRM to arrive after the given number of seconds."),
    method_noargs("pause", signal_pause, "Wait until a signal arrives."),
    method_o("raise_signal", signal_raise_signal, "Send a signal to the executing process."),
    method_fast("siginterrupt", signal_siginterrupt, "Change system call restart behaviour."),
    method_fastkw("set_wakeup_fd", signal_set_wakeup_fd, "Sets the fd to be written to (with the signal number) when a signal comes in."),
    method_fast("pthread_sigmask", signal_pthread_sigmask, "Fetch and/or change the signal mask of the calling thread."),
    method_noargs("sigpending", signal_sigpending, "Examine pending signals."),
    method_o("sigwait", signal_sigwait, "Wait for a signal."),
    method_fast("pthread_kill", signal_pthread_kill, "Send a signal to a thread."),
    method_fast("setitimer", signal_setitimer, "Sets given itimer (one of ITIMER_REAL, ITIMER_VIRTUAL or ITIMER_PROF)."),
    method_o("getitimer", signal_getitimer, "Returns current value of given itimer."),
    {},
};

int add_int(Object* mod, const char* name, long long v)
{
    Ref<> o = long_from_long(v);
    return o ? module_add_object(mod, name, o.get()) : -1;
}

struct SigName {
    const char* name;
    int value;
};

const SigName signal_names[] = {
    {"SIGHUP", SIGHUP}, {"SIGINT", SIGINT}, {"SIGQUIT", SIGQUIT}, {"SIGILL", SIGILL}, {"SIGTRAP", SIGTRAP},
    {"SIGIOT", SIGIOT}, {"SIGABRT", SIGABRT}, {"SIGFPE", SIGFPE}, {"SIGKILL", SIGKILL}, {"SIGBUS", SIGBUS},
    {"SIGSEGV", SIGSEGV}, {"SIGSYS", SIGSYS}, {"SIGPIPE", SIGPIPE}, {"SIGALRM", SIGALRM}, {"SIGTERM", SIGTERM},
    {"SIGUSR1", SIGUSR1}, {"SIGUSR2", SIGUSR2}, {"SIGCLD", SIGCHLD}, {"SIGCHLD", SIGCHLD}, {"SIGPWR", SIGPWR},
    {"SIGIO", SIGIO}, {"SIGURG", SIGURG}, {"SIGWINCH", SIGWINCH}, {"SIGPOLL", SIGPOLL}, {"SIGSTOP", SIGSTOP},
    {"SIGTSTP", SIGTSTP}, {"SIGCONT", SIGCONT}, {"SIGTTIN", SIGTTIN}, {"SIGTTOU", SIGTTOU},
    {"SIGVTALRM", SIGVTALRM}, {"SIGPROF", SIGPROF}, {"SIGXCPU", SIGXCPU}, {"SIGXFSZ", SIGXFSZ},
    {"SIGSTKFLT", SIGSTKFLT},
};

}  // namespace

Ref<> signal_module_create()
{
    Ref<> mod = module_new("_signal");
    if (!mod || module_add_functions(mod.get(), signal_methods) < 0) return nullptr;
    Object* dict = module_get_dict(mod.get());
    if (!default_handler) {
        default_handler = long_from_long(reinterpret_cast<long>(SIG_DFL)).release();
        ignore_handler = long_from_long(reinterpret_cast<long>(SIG_IGN)).release();
        Ref<> name = unicode_from_string("signal.ItimerError");
        Ref<> bases = name ? tuple_pack({Exc_OSError}) : nullptr;
        Ref<> ns = dict_new();
        Ref<> mname = unicode_from_string("signal");
        if (!bases || !ns || !mname || dict_set_item_string(ns.get(), "__module__", mname.get()) < 0) return nullptr;
        Ref<> short_name = unicode_from_string("ItimerError");
        Ref<> cls = short_name ? call_function_objargs(reinterpret_cast<Object*>(&Type_Type),
                                                        {short_name.get(), bases.get(), ns.get()})
                               : nullptr;
        if (!cls) return nullptr;
        itimer_error = cls.release();  // lives as long as the process, like CPython's module state
    }
    default_int_handler_obj = dict_get_item_string(dict, "default_int_handler");
    if (module_add_object(mod.get(), "SIG_DFL", default_handler) < 0 ||
        module_add_object(mod.get(), "SIG_IGN", ignore_handler) < 0 ||
        module_add_object(mod.get(), "ItimerError", itimer_error) < 0 ||
        add_int(mod.get(), "NSIG", N_SIG) < 0 || add_int(mod.get(), "SIG_BLOCK", SIG_BLOCK) < 0 ||
        add_int(mod.get(), "SIG_UNBLOCK", SIG_UNBLOCK) < 0 || add_int(mod.get(), "SIG_SETMASK", SIG_SETMASK) < 0 ||
        add_int(mod.get(), "SIGRTMIN", SIGRTMIN) < 0 || add_int(mod.get(), "SIGRTMAX", SIGRTMAX) < 0 ||
        add_int(mod.get(), "ITIMER_REAL", ITIMER_REAL) < 0 || add_int(mod.get(), "ITIMER_VIRTUAL", ITIMER_VIRTUAL) < 0 ||
        add_int(mod.get(), "ITIMER_PROF", ITIMER_PROF) < 0)
        return nullptr;
    for (const SigName& s : signal_names)
        if (add_int(mod.get(), s.name, s.value) < 0) return nullptr;
    // The handlers the process has now (signal_install_handlers /
    // signal_get_set_handlers): default, ignored, or someone else's (None).
    // A second import (a fresh module object) keeps the handlers already set.
    for (int sig = 1; sig < N_SIG; sig++) {
        if (handlers[sig].func) continue;
        struct sigaction act;
        if (sigaction(sig, nullptr, &act) != 0) continue;
        Object* func = nullptr;
        if (act.sa_handler == SIG_DFL) func = default_handler;
        else if (act.sa_handler == SIG_IGN) func = ignore_handler;
        else if (sig == SIGINT) {
            // The vm's start-up handler: default_int_handler's behaviour.
            func = default_int_handler_obj;
        }
        if (func) handlers[sig].func = new_ref(func).release();
    }
    run_signal_handlers_hook = run_signal_handlers;
    Ref<> doc = unicode_from_string(
        "This module provides mechanisms to use signal handlers in Python.\n\n"
        "Functions:\n\nalarm() -- cause SIGALRM after a specified time [Unix only]\n"
        "setitimer() -- cause a signal (described below) after a specified\n"
        "               float time and the timer may restart then [Unix only]\n"
        "getitimer() -- get current value of timer [Unix only]\n"
        "signal() -- set the action for a given signal\n"
        "getsignal() -- get the signal action for a given signal\n"
        "pause() -- wait until a signal arrives [Unix only]\n"
        "default_int_handler() -- default SIGINT handler\n");
    if (!doc || module_add_object(mod.get(), "__doc__", doc.get()) < 0) return nullptr;
    return mod;
}

}  // namespace minipy::modules
