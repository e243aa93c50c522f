// posixmodule_proc.cpp: the process half of the posix module: ids,
// fork/exec/wait and the W* status macros, kill, _exit, system, umask.
// Mirrors those functions of CPython 3.11 Modules/posixmodule.c (the
// Linux branches). Book chapter 12.
//
// Waiting (waitpid, wait, system) releases the GIL; an EINTR runs the
// Python signal handlers and waits again, as CPython does (PEP 475).
#include <sched.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "clinic_args.h"
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/pystate.h"
#include "minipy/runtime/tupleobject.h"
#include "posixmodule.h"

namespace minipy::modules::posix {

using namespace runtime;

namespace {

// --- Processes ------------------------------------------------------------------------------

Ref<> os_getpid(Object*, Object*) { return long_from_long(getpid()); }
Ref<> os_getppid(Object*, Object*) { return long_from_long(getppid()); }
Ref<> os_getuid(Object*, Object*) { return long_from_unsigned(getuid()); }
Ref<> os_geteuid(Object*, Object*) { return long_from_unsigned(geteuid()); }
Ref<> os_getgid(Object*, Object*) { return long_from_unsigned(getgid()); }
Ref<> os_getegid(Object*, Object*) { return long_from_unsigned(getegid()); }
Ref<> os_getpgrp(Object*, Object*) { return long_from_long(getpgrp()); }

Ref<> os_getgroups(Object*, Object*)
{
    int n = getgroups(0, nullptr);
    if (n < 0) return posix_error();
    std::vector<gid_t> groups(static_cast<std::size_t>(n) + 1);
    n = getgroups(n, groups.data());
    if (n < 0) return posix_error();
    Ref<> list = list_new(0);
    if (!list) return nullptr;
    for (int i = 0; i < n; i++) {
        Ref<> g = long_from_unsigned(groups[static_cast<std::size_t>(i)]);
        if (!g || list_append(list.get(), g.get()) < 0) return nullptr;
    }
    return list;
}

Ref<> os_getsid(Object*, Object* arg)
{
    int pid;
    if (!int_converter(arg, &pid)) return nullptr;
    pid_t r = getsid(pid);
    if (r < 0) return posix_error();
    return long_from_long(r);
}

Ref<> os_getpgid(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[1] = {};
    int pid;
    if (!parse_clinic_args("getpgid", args, nargs, kwnames, {"pid"}, 1, 1, a) || !int_converter(a[0], &pid))
        return nullptr;
    pid_t r = getpgid(pid);
    if (r < 0) return posix_error();
    return long_from_long(r);
}

Ref<> os_umask(Object*, Object* arg)
{
    int mask;
    if (!int_converter(arg, &mask)) return nullptr;
    return long_from_long(umask(static_cast<mode_t>(mask)));
}

Ref<> os_kill(Object*, Object* const* args, Py_ssize_t nargs)
{
    int pid, sig;
    if (!check_positional("kill", nargs, 2, 2) || !int_converter(args[0], &pid) || !int_converter(args[1], &sig))
        return nullptr;
    if (kill(pid, sig) != 0) return posix_error();
    return none_ref();
}

Ref<> os_killpg(Object*, Object* const* args, Py_ssize_t nargs)
{
    int pgid, sig;
    if (!check_positional("killpg", nargs, 2, 2) || !int_converter(args[0], &pgid) || !int_converter(args[1], &sig))
        return nullptr;
    if (killpg(pgid, sig) != 0) return posix_error();
    return none_ref();
}

Ref<> os__exit(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[1] = {};
    int status;
    if (!parse_clinic_args("_exit", args, nargs, kwnames, {"status"}, 1, 1, a) || !int_converter(a[0], &status))
        return nullptr;
    _exit(status);
}

Ref<> os_abort(Object*, Object*) { std::abort(); }

Ref<> os_fork(Object*, Object*)
{
    // No threads of minipy's own run beside the main one yet, so the child
    // needs no lock reinitialization (PyOS_AfterFork_Child).
    pid_t pid = fork();
    if (pid < 0) return posix_error();
    return long_from_long(pid);
}

Ref<> os_waitpid(Object*, Object* const* args, Py_ssize_t nargs)
{
    int pid, options;
    if (!check_positional("waitpid", nargs, 2, 2) || !int_converter(args[0], &pid) ||
        !int_converter(args[1], &options))
        return nullptr;
    int status = 0;
    pid_t r;
    do {
        AllowThreads nogil;
        r = waitpid(pid, &status, options);
    } while (r < 0 && errno == EINTR && retry_after_eintr());
    if (r < 0) return error_occurred() ? nullptr : posix_error();
    Ref<> p = long_from_long(r), s = long_from_long(status);
    if (!p || !s) return nullptr;
    return tuple_pack({p.get(), s.get()});
}

Ref<> os_wait(Object*, Object*)
{
    int status = 0;
    pid_t r;
    do {
        AllowThreads nogil;
        r = wait(&status);
    } while (r < 0 && errno == EINTR && retry_after_eintr());
    if (r < 0) return error_occurred() ? nullptr : posix_error();
    Ref<> p = long_from_long(r), s = long_from_long(status);
    if (!p || !s) return nullptr;
    return tuple_pack({p.get(), s.get()});
}

// The W* macros over a status (keyword `status`, as the clinic declares them).
bool status_arg(const char* fname, Object* const* args, Py_ssize_t nargs, Object* kwnames, int* status)
{
    Object* a[1] = {};
    return parse_clinic_args(fname, args, nargs, kwnames, {"status"}, 1, 1, a) && int_converter(a[0], status);
}

#define MINIPY_W_BOOL(name, expr)                                                                        \
    Ref<> os_##name(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)                     \
    {                                                                                                    \
        int status;                                                                                      \
        if (!status_arg(#name, args, nargs, kwnames, &status)) return nullptr;                           \
        return new_ref((expr) ? Py_True() : Py_False());                                                 \
    }
#define MINIPY_W_INT(name, expr)                                                                         \
    Ref<> os_##name(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)                     \
    {                                                                                                    \
        int status;                                                                                      \
        if (!status_arg(#name, args, nargs, kwnames, &status)) return nullptr;                           \
        return long_from_long(expr);                                                                     \
    }
MINIPY_W_BOOL(WCOREDUMP, WCOREDUMP(status))
MINIPY_W_BOOL(WIFCONTINUED, WIFCONTINUED(status))
MINIPY_W_BOOL(WIFSTOPPED, WIFSTOPPED(status))
MINIPY_W_BOOL(WIFSIGNALED, WIFSIGNALED(status))
MINIPY_W_BOOL(WIFEXITED, WIFEXITED(status))
MINIPY_W_INT(WEXITSTATUS, WEXITSTATUS(status))
MINIPY_W_INT(WTERMSIG, WTERMSIG(status))
MINIPY_W_INT(WSTOPSIG, WSTOPSIG(status))
#undef MINIPY_W_BOOL
#undef MINIPY_W_INT

Ref<> os_waitstatus_to_exitcode(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    int status;
    if (!status_arg("waitstatus_to_exitcode", args, nargs, kwnames, &status)) return nullptr;
    if (WIFEXITED(status)) return long_from_long(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) return long_from_long(-WTERMSIG(status));
    if (WIFSTOPPED(status))
        return format_error(Exc_ValueError, "process stopped by delivery of signal %i", WSTOPSIG(status));
    return format_error(Exc_ValueError, "invalid wait status: %i", status);
}

// execv/execve's argv and env: encoded to the file system encoding.
bool encode_argv(const char* fname, Object* argv, std::vector<std::string>* out)
{
    if (!list_check(argv) && !tuple_check(argv)) {
        format_error(Exc_TypeError, "%s() arg 2 must be a tuple or list", fname);
        return false;
    }
    Ref<> seq = sequence_tuple(argv);
    if (!seq) return false;
    if (tuple_size(seq.get()) < 1) {
        format_error(Exc_ValueError, "%s() arg 2 must not be empty", fname);
        return false;
    }
    for (Py_ssize_t i = 0; i < tuple_size(seq.get()); i++) {
        path_t p;
        if (!path_converter(tuple_item(seq.get(), i), &p)) return false;
        if (i == 0 && p.narrow.empty()) {
            format_error(Exc_ValueError, "%s() arg 2 first element cannot be empty", fname);
            return false;
        }
        out->push_back(p.narrow);
    }
    return true;
}

std::vector<char*> c_argv(std::vector<std::string>& strings)
{
    std::vector<char*> v;
    for (std::string& s : strings) v.push_back(s.data());
    v.push_back(nullptr);
    return v;
}

Ref<> os_execv(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("execv", nargs, 2, 2)) return nullptr;
    path_t path;
    path.function_name = "execv";
    std::vector<std::string> argv;
    if (!path_converter(args[0], &path) || !encode_argv("execv", args[1], &argv)) return nullptr;
    std::vector<char*> cargv = c_argv(argv);
    execv(path.c_str(), cargv.data());
    return posix_error();
}

Ref<> os_execve(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[3] = {};
    if (!parse_clinic_args("execve", args, nargs, kwnames, {"path", "argv", "env"}, 3, 3, a)) return nullptr;
    path_t path;
    path.function_name = "execve";
    std::vector<std::string> argv, env;
    if (!path_converter(a[0], &path) || !encode_argv("execve", a[1], &argv)) return nullptr;
    if (!mapping_check(a[2])) return format_error(Exc_TypeError, "execve: environment must be a mapping object");
    Ref<> keys = call_method(a[2], "keys");
    Ref<> keylist = keys ? sequence_list(keys.get()) : nullptr;
    if (!keylist) return nullptr;
    for (Py_ssize_t i = 0; i < list_size(keylist.get()); i++) {
        Object* k = list_item(keylist.get(), i);
        Ref<> v = object_get_item(a[2], k);
        if (!v) return nullptr;
        path_t pk, pv;
        if (!path_converter(k, &pk) || !path_converter(v.get(), &pv)) return nullptr;
        if (pk.narrow.empty() || pk.narrow.find('=') != std::string::npos)
            return format_error(Exc_ValueError, "illegal environment variable name");
        env.push_back(pk.narrow + "=" + pv.narrow);
    }
    std::vector<char*> cargv = c_argv(argv), cenv = c_argv(env);
    execve(path.c_str(), cargv.data(), cenv.data());
    return path_error(path);
}

Ref<> os_system(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[1] = {};
    if (!parse_clinic_args("system", args, nargs, kwnames, {"command"}, 1, 1, a)) return nullptr;
    path_t cmd;
    cmd.function_name = "system";
    cmd.argument_name = "command";
    if (!path_converter(a[0], &cmd)) return nullptr;
    std::fflush(stdout);
    std::fflush(stderr);
    int r;
    {
        AllowThreads nogil;
        r = std::system(cmd.c_str());
    }
    return long_from_long(r);
}

Ref<> os_nice(Object*, Object* arg)
{
    int inc;
    if (!int_converter(arg, &inc)) return nullptr;
    errno = 0;
    int r = nice(inc);
    if (r == -1 && errno != 0) return posix_error();
    return long_from_long(r);
}

Ref<> os_sched_yield(Object*, Object*)
{
    sched_yield();
    return none_ref();
}

Ref<> os_sync(Object*, Object*)
{
    sync();
    return none_ref();
}

MethodDef proc_methods[] = {
    method_noargs("getpid", os_getpid, "Return the current process id."),
    method_noargs("getppid", os_getppid, "Return the parent's process id."),
    method_noargs("getuid", os_getuid, "Return the current process's user id."),
    method_noargs("geteuid", os_geteuid, "Return the current process's effective user id."),
    method_noargs("getgid", os_getgid, "Return the current process's group id."),
    method_noargs("getegid", os_getegid, "Return the current process's effective group id."),
    method_noargs("getpgrp", os_getpgrp, "Return the current process group id."),
    method_fastkw("getpgid", os_getpgid, "Call the system call getpgid(), and return the result."),
    method_noargs("getgroups", os_getgroups, "Return list of supplemental group IDs for the process."),
    method_o("getsid", os_getsid, "Call the system call getsid(pid) and return the result."),
    method_o("umask", os_umask, "Set the current numeric umask and return the previous umask."),
    method_fast("kill", os_kill, "Kill a process with a signal."),
    method_fast("killpg", os_killpg, "Kill a process group with a signal."),
    method_fastkw("_exit", os__exit, "Exit to the system with specified status, without normal exit processing."),
    method_noargs("abort", os_abort, "Abort the interpreter immediately."),
    method_noargs("fork", os_fork, "Fork a child process."),
    method_fast("waitpid", os_waitpid, "Wait for completion of a given child process."),
    method_noargs("wait", os_wait, "Wait for completion of a child process."),
    method_fastkw("WCOREDUMP", os_WCOREDUMP, "Return True if the process returning status was dumped to a core file."),
    method_fastkw("WIFCONTINUED", os_WIFCONTINUED, "Return True if a particular process was continued from a job control stop."),
    method_fastkw("WIFSTOPPED", os_WIFSTOPPED, "Return True if the process returning status was stopped."),
    method_fastkw("WIFSIGNALED", os_WIFSIGNALED, "Return True if the process returning status was terminated by a signal."),
    method_fastkw("WIFEXITED", os_WIFEXITED, "Return True if the process returning status exited via the exit() system call."),
    method_fastkw("WEXITSTATUS", os_WEXITSTATUS, "Return the process return code from status."),
    method_fastkw("WTERMSIG", os_WTERMSIG, "Return the signal that terminated the process that provided the status value."),
    method_fastkw("WSTOPSIG", os_WSTOPSIG, "Return the signal that stopped the process that provided the status value."),
    method_fastkw("waitstatus_to_exitcode", os_waitstatus_to_exitcode, "Convert a wait status to an exit code."),
    method_fast("execv", os_execv, "Execute an executable path with arguments, replacing current process."),
    method_fastkw("execve", os_execve, "Execute an executable path with arguments, replacing current process."),
    method_fastkw("system", os_system, "Execute the command in a subshell."),
    method_o("nice", os_nice, "Add increment to the priority of process and return the new priority."),
    method_noargs("sched_yield", os_sched_yield, "Voluntarily relinquish the CPU."),
    method_noargs("sync", os_sync, "Force write of everything to disk."),
    {},
};

}  // namespace

int posix_proc_init(Object* module) { return module_add_functions(module, proc_methods); }

}  // namespace minipy::modules::posix
