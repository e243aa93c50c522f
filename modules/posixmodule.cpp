// posixmodule.cpp: the posix module, the system calls behind os: paths and
// files, stat, file descriptors, processes, the environment.
// Mirrors CPython 3.11 Modules/posixmodule.c (the Linux branches). The
// directory half (listdir, scandir, DirEntry) is posixmodule_dir.cpp.
// Book chapter 12, "The Standard Library".
//
// Design notes
// ------------
// * Every path argument goes through path_converter (path_t): str, bytes,
//   os.PathLike (its __fspath__ result), and where CPython allows it an fd
//   or None. Errors name the converted object, so os.stat(Path('x')) says
//   "[Errno 2] No such file or directory: 'x'" as CPython 3.11 does.
// * OSError comes from errno through runtime's set_from_errno_* (CPython's
//   PyErr_SetFromErrnoWithFilenameObjects), which lets OSError pick the
//   subclass (FileNotFoundError, PermissionError, ...).
// * dir_fd and follow_symlinks use the *at() calls (fstatat, mkdirat,
//   unlinkat, ...), as CPython does when the platform has them (Linux has
//   all of them): AT_FDCWD stands for "no dir_fd".
// * File descriptors this module creates are non-inheritable (O_CLOEXEC,
//   pipe2), PEP 446, as in CPython.
// * posix.environ is a dict of bytes to bytes made once at import from the
//   C environ; os.py wraps it in os._Environ (str keys and values) and keeps
//   it in step with putenv/unsetenv.
// * A system call interrupted by a signal (EINTR) is retried, as CPython
//   does after running the Python signal handlers.
// * The process half (fork, exec, wait, kill, ids) is posixmodule_proc.cpp.
// * Not mirrored: sysconf/pathconf/confstr and their name tables, xattrs,
//   sched_*, posix_spawn, the *v vectored I/O calls, the wait3/4/waitid
//   families, and bytearray/memoryview paths (deprecated buffer paths raise
//   TypeError here).
#include "posixmodule.h"

#include <dirent.h>
#include <sys/ioctl.h>
#include <sched.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <sys/sysmacros.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <csignal>
#include <cstring>
#include <string>
#include <vector>

#include "clinic_args.h"
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/buffer.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/floatobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/pystate.h"
#include "minipy/runtime/structseq.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/typeobject.h"
#include "minipy/runtime/unicodeobject.h"

extern char** environ;

namespace minipy::modules {

using namespace runtime;

namespace posix {

// --- Argument converters ----------------------------------------------------------------

bool path_converter(Object* o, path_t* path)
{
    if (!o || o == Py_None()) {
        if (path->nullable) {
            path->object = none_ref();
            path->is_none = true;
            return true;
        }
        if (!o) o = Py_None();
    }
    bool is_index = path->allow_fd && !float_check(o) && Py_TYPE(o)->tp_as_number &&
                    Py_TYPE(o)->tp_as_number->nb_index;
    bool is_bytes = bytes_check(o), is_unicode = unicode_check(o);
    Ref<> converted = new_ref(o);
    const char* what = path->allow_fd && path->nullable ? "string, bytes, os.PathLike, integer or None"
                       : path->allow_fd                 ? "string, bytes, os.PathLike or integer"
                       : path->nullable                 ? "string, bytes, os.PathLike or None"
                                                        : "string, bytes or os.PathLike";
    const char* fname = path->function_name ? path->function_name : "";
    const char* sep = path->function_name ? ": " : "";
    const char* argname = path->argument_name ? path->argument_name : "path";
    if (!is_index && !is_bytes && !is_unicode) {
        // PyOS_FSPath inlined for the better message.
        Ref<> func = lookup_special(o, "__fspath__");
        if (!func) {
            if (error_occurred()) return false;
            format_error(Exc_TypeError, "%s%s%s should be %s, not %.200s", fname, sep, argname, what,
                         Py_TYPE(o)->tp_name);
            return false;
        }
        converted = call_no_args(func.get());
        if (!converted) return false;
        if (unicode_check(converted.get())) is_unicode = true;
        else if (bytes_check(converted.get())) is_bytes = true;
        else {
            format_error(Exc_TypeError, "expected %.200s.__fspath__() to return str or bytes, not %.200s",
                         Py_TYPE(o)->tp_name, Py_TYPE(converted.get())->tp_name);
            return false;
        }
    }
    if (is_unicode) {
        Ref<> bytes = unicode_encode_fs_default(converted.get());
        if (!bytes) return false;
        std::string_view v = bytes_view(bytes.get());
        if (v.find('\0') != std::string_view::npos) {
            set_error(Exc_ValueError, "embedded null byte");
            return false;
        }
        path->narrow.assign(v);
    }
    else if (is_bytes) {
        std::string_view v = bytes_view(converted.get());
        if (v.find('\0') != std::string_view::npos) {
            format_error(Exc_ValueError, "%s%sembedded null character in %s", fname, sep, argname);
            return false;
        }
        path->narrow.assign(v);
        path->is_bytes = true;
    }
    else {
        if (!fd_converter(o, &path->fd)) return false;
        path->object = std::move(converted);
        return true;
    }
    path->object = std::move(converted);
    return true;
}

bool fd_converter(Object* o, int* fd)
{
    Ref<> index = number_index(o);
    if (!index) return false;
    int overflow = 0;
    long long v = long_as_long_long_and_overflow(index.get(), &overflow);
    if (v == -1 && error_occurred()) return false;
    if (overflow > 0 || v > INT_MAX) {
        set_error(Exc_OverflowError, "fd is greater than maximum");
        return false;
    }
    if (overflow < 0 || v < INT_MIN) {
        set_error(Exc_OverflowError, "fd is less than minimum");
        return false;
    }
    *fd = static_cast<int>(v);
    return true;
}

bool dir_fd_converter(Object* o, int* fd)
{
    if (!o || o == Py_None()) {
        *fd = DEFAULT_DIR_FD;
        return true;
    }
    if (!float_check(o) && Py_TYPE(o)->tp_as_number && Py_TYPE(o)->tp_as_number->nb_index)
        return fd_converter(o, fd);
    format_error(Exc_TypeError, "argument should be integer or None, not %.200s", Py_TYPE(o)->tp_name);
    return false;
}

bool bool_converter(Object* o, bool* out)
{
    if (!o) return true;
    int t = object_is_true(o);
    if (t < 0) return false;
    *out = t != 0;
    return true;
}

// --- Errors ------------------------------------------------------------------------------------

std::nullptr_t posix_error() { return set_from_errno(Exc_OSError); }

std::nullptr_t path_error(const path_t& path)
{
    return set_from_errno_with_filename_object(Exc_OSError, path.object.get());
}

std::nullptr_t path_error2(const path_t& path, const path_t& path2)
{
    return set_from_errno_with_filename_objects(Exc_OSError, path.object.get(), path2.object.get());
}

Ref<> fspath(Object* path)
{
    if (unicode_check(path) || bytes_check(path)) return new_ref(path);
    Ref<> func = lookup_special(path, "__fspath__");
    if (!func) {
        if (error_occurred()) return nullptr;
        return format_error(Exc_TypeError, "expected str, bytes or os.PathLike object, not %.200s",
                            Py_TYPE(path)->tp_name);
    }
    Ref<> r = call_no_args(func.get());
    if (!r) return nullptr;
    if (!unicode_check(r.get()) && !bytes_check(r.get()))
        return format_error(Exc_TypeError, "expected %.200s.__fspath__() to return str or bytes, not %.200s",
                            Py_TYPE(path)->tp_name, Py_TYPE(r.get())->tp_name);
    return r;
}

Ref<> fs_name(const char* name, std::size_t len, bool as_bytes)
{
    if (as_bytes) return bytes_from_string_and_size(name, static_cast<Py_ssize_t>(len));
    return unicode_decode_fs_default(std::string_view(name, len));
}

bool retry_after_eintr() { return !is_main_thread() || make_pending_calls() == 0; }

}  // namespace posix

using namespace posix;

namespace {

// "stat: can't specify both dir_fd and fd" and friends (CPython's
// dir_fd_and_fd_invalid, fd_and_follow_symlinks_invalid, ...).
bool check_fd_combinations(const char* fname, const path_t& path, int dir_fd, bool follow_symlinks)
{
    if (path.fd >= 0 && dir_fd != DEFAULT_DIR_FD) {
        format_error(Exc_ValueError, "%s: can't specify both dir_fd and fd", fname);
        return false;
    }
    if (path.fd >= 0 && !follow_symlinks) {
        format_error(Exc_ValueError, "%s: cannot use fd and follow_symlinks together", fname);
        return false;
    }
    return true;
}

// --- stat --------------------------------------------------------------------------------------

const StructSequenceField stat_result_fields[] = {
    {"st_mode", "protection bits"},
    {"st_ino", "inode"},
    {"st_dev", "device"},
    {"st_nlink", "number of hard links"},
    {"st_uid", "user ID of owner"},
    {"st_gid", "group ID of owner"},
    {"st_size", "total size, in bytes"},
    // The integer times: visible by index only, as in the old 10-tuple.
    {structseq_unnamed_field, "integer time of last access"},
    {structseq_unnamed_field, "integer time of last modification"},
    {structseq_unnamed_field, "integer time of last change"},
    {"st_atime", "time of last access"},
    {"st_mtime", "time of last modification"},
    {"st_ctime", "time of last change"},
    {"st_atime_ns", "time of last access in nanoseconds"},
    {"st_mtime_ns", "time of last modification in nanoseconds"},
    {"st_ctime_ns", "time of last change in nanoseconds"},
    {"st_blksize", "blocksize for filesystem I/O"},
    {"st_blocks", "number of blocks allocated"},
    {"st_rdev", "device type (if inode device)"},
    {},
};

const StructSequenceDesc stat_result_desc = {
    "os.stat_result",
    "stat_result: Result from stat, fstat, or lstat.\n\n"
    "This object may be accessed either as a tuple of\n"
    "  (mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime)\n"
    "or via the attributes st_mode, st_ino, st_dev, st_nlink, st_uid, and so on.\n\n"
    "Posix/windows: If your platform supports st_blksize, st_blocks, st_rdev,\n"
    "or st_flags, they are available as attributes only.\n\n"
    "See os.stat for more information.",
    stat_result_fields,
    10,
};

TypeObject* stat_result_type = nullptr;  // immortal (structseq_new_type)
newfunc structseq_new_slot = nullptr;    // the struct sequence's own tp_new

// statresult_new: a stat_result made from a sequence gets its float times
// from the integer ones when they are missing.
Ref<> statresult_new(TypeObject* type, Object* args, Object* kwds)
{
    Ref<> result = structseq_new_slot(type, args, kwds);
    if (!result) return nullptr;
    for (int i = 7; i <= 9; i++) {
        Object*& item = static_cast<TupleObject*>(result.get())->ob_item[i + 3];
        if (!item || item == Py_None()) set_ref(item, new_ref(structseq_get_item(result.get(), i)).release());
    }
    return result;
}

// fill_time: the integer, float and nanosecond forms of one timestamp.
bool fill_time(Object* v, int index, time_t sec, long nsec)
{
    Ref<> s = long_from_long(static_cast<long long>(sec));
    Ref<> f = float_from_double(static_cast<double>(sec) + static_cast<double>(nsec) * 1e-9);
    Ref<> billion = long_from_long(1000000000);
    Ref<> ns_frac = long_from_long(nsec);
    if (!s || !f || !billion || !ns_frac) return false;
    Ref<> scaled = number_multiply(s.get(), billion.get());
    Ref<> ns = scaled ? number_add(scaled.get(), ns_frac.get()) : nullptr;
    if (!ns) return false;
    structseq_set_item(v, index, s.release());
    structseq_set_item(v, index + 3, f.release());
    structseq_set_item(v, index + 6, ns.release());
    return true;
}

}  // namespace

Ref<> posix::stat_result_from(const struct stat& st)
{
    Ref<> v = structseq_new(stat_result_type);
    if (!v) return nullptr;
    unsigned long long ints[] = {st.st_mode, st.st_ino, st.st_dev, st.st_nlink, st.st_uid, st.st_gid};
    for (int i = 0; i < 6; i++) {
        Ref<> item = long_from_unsigned(ints[i]);
        if (!item) return nullptr;
        structseq_set_item(v.get(), i, item.release());
    }
    Ref<> size = long_from_long(static_cast<long long>(st.st_size));
    if (!size) return nullptr;
    structseq_set_item(v.get(), 6, size.release());
    if (!fill_time(v.get(), 7, st.st_atim.tv_sec, st.st_atim.tv_nsec) ||
        !fill_time(v.get(), 8, st.st_mtim.tv_sec, st.st_mtim.tv_nsec) ||
        !fill_time(v.get(), 9, st.st_ctim.tv_sec, st.st_ctim.tv_nsec))
        return nullptr;
    Ref<> blksize = long_from_long(st.st_blksize);
    Ref<> blocks = long_from_long(st.st_blocks);
    Ref<> rdev = long_from_unsigned(st.st_rdev);
    if (!blksize || !blocks || !rdev) return nullptr;
    structseq_set_item(v.get(), 16, blksize.release());
    structseq_set_item(v.get(), 17, blocks.release());
    structseq_set_item(v.get(), 18, rdev.release());
    return v;
}

namespace {

Ref<> do_stat(const char* fname, path_t& path, int dir_fd, bool follow_symlinks)
{
    if (!check_fd_combinations(fname, path, dir_fd, follow_symlinks)) return nullptr;
    struct stat st;
    int r;
    if (path.fd >= 0) r = fstat(path.fd, &st);
    else if (dir_fd != DEFAULT_DIR_FD || !follow_symlinks)
        r = fstatat(dir_fd, path.c_str(), &st, follow_symlinks ? 0 : AT_SYMLINK_NOFOLLOW);
    else r = stat(path.c_str(), &st);
    if (r != 0) return path_error(path);
    return stat_result_from(st);
}

Ref<> os_stat(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[3] = {};
    if (!parse_clinic_args("stat", args, nargs, kwnames, {"path", "dir_fd", "follow_symlinks"}, 1, 1, a))
        return nullptr;
    path_t path;
    path.function_name = "stat";
    path.allow_fd = true;
    int dir_fd;
    bool follow = true;
    if (!path_converter(a[0], &path) || !dir_fd_converter(a[1], &dir_fd) || !bool_converter(a[2], &follow))
        return nullptr;
    return do_stat("stat", path, dir_fd, follow);
}

Ref<> os_lstat(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[2] = {};
    if (!parse_clinic_args("lstat", args, nargs, kwnames, {"path", "dir_fd"}, 1, 1, a)) return nullptr;
    path_t path;
    path.function_name = "lstat";
    int dir_fd;
    if (!path_converter(a[0], &path) || !dir_fd_converter(a[1], &dir_fd)) return nullptr;
    return do_stat("lstat", path, dir_fd, false);
}

Ref<> os_fstat(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[1] = {};
    int fd;
    if (!parse_clinic_args("fstat", args, nargs, kwnames, {"fd"}, 1, 1, a) || !int_converter(a[0], &fd))
        return nullptr;
    struct stat st;
    if (fstat(fd, &st) != 0) return posix_error();
    return stat_result_from(st);
}

// --- Paths: access, chdir, chmod, mkdir, remove, rename, links, utime --------------------

Ref<> os_access(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[5] = {};
    if (!parse_clinic_args("access", args, nargs, kwnames, {"path", "mode", "dir_fd", "effective_ids", "follow_symlinks"},
                           2, 2, a))
        return nullptr;
    path_t path;
    path.function_name = "access";
    int mode, dir_fd;
    bool effective = false, follow = true;
    if (!path_converter(a[0], &path) || !int_converter(a[1], &mode) || !dir_fd_converter(a[2], &dir_fd) ||
        !bool_converter(a[3], &effective) || !bool_converter(a[4], &follow))
        return nullptr;
    int flags = (follow ? 0 : AT_SYMLINK_NOFOLLOW) | (effective ? AT_EACCESS : 0);
    int r = (flags || dir_fd != DEFAULT_DIR_FD) ? faccessat(dir_fd, path.c_str(), mode, flags)
                                                : access(path.c_str(), mode);
    return new_ref(r == 0 ? Py_True() : Py_False());
}

Ref<> os_chdir(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[1] = {};
    if (!parse_clinic_args("chdir", args, nargs, kwnames, {"path"}, 1, 1, a)) return nullptr;
    path_t path;
    path.function_name = "chdir";
    path.allow_fd = true;
    if (!path_converter(a[0], &path)) return nullptr;
    int r = path.fd >= 0 ? fchdir(path.fd) : chdir(path.c_str());
    if (r != 0) return path_error(path);
    return none_ref();
}

Ref<> os_fchdir(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[1] = {};
    int fd;
    if (!parse_clinic_args("fchdir", args, nargs, kwnames, {"fd"}, 1, 1, a)) return nullptr;
    if (!fildes_converter(a[0], &fd)) return nullptr;
    if (fchdir(fd) != 0) return posix_error();
    return none_ref();
}

Ref<> os_chmod(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[4] = {};
    if (!parse_clinic_args("chmod", args, nargs, kwnames, {"path", "mode", "dir_fd", "follow_symlinks"}, 2, 2, a))
        return nullptr;
    path_t path;
    path.function_name = "chmod";
    path.allow_fd = true;
    int mode, dir_fd;
    bool follow = true;
    if (!path_converter(a[0], &path) || !int_converter(a[1], &mode) || !dir_fd_converter(a[2], &dir_fd) ||
        !bool_converter(a[3], &follow))
        return nullptr;
    if (!check_fd_combinations("chmod", path, dir_fd, follow)) return nullptr;
    int r;
    if (path.fd >= 0) r = fchmod(path.fd, static_cast<mode_t>(mode));
    else if (!follow) {
        // Linux cannot change the mode of a symbolic link itself.
        errno = EOPNOTSUPP;
        r = fchmodat(dir_fd, path.c_str(), static_cast<mode_t>(mode), AT_SYMLINK_NOFOLLOW);
        if (r != 0 && (errno == ENOTSUP || errno == EOPNOTSUPP))
            return format_error(Exc_NotImplementedError, "chmod: follow_symlinks unavailable on this platform");
    }
    else r = fchmodat(dir_fd, path.c_str(), static_cast<mode_t>(mode), 0);
    if (r != 0) return path_error(path);
    return none_ref();
}

Ref<> os_fchmod(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[2] = {};
    int fd, mode;
    if (!parse_clinic_args("fchmod", args, nargs, kwnames, {"fd", "mode"}, 2, 2, a) || !int_converter(a[0], &fd) ||
        !int_converter(a[1], &mode))
        return nullptr;
    if (fchmod(fd, static_cast<mode_t>(mode)) != 0) return posix_error();
    return none_ref();
}

// uid_t/gid_t arguments: -1 means "unchanged".
bool id_converter(Object* o, long long* out)
{
    Ref<> index = number_index(o);
    if (!index) return false;
    long long v = long_as_long_long(index.get());
    if (v == -1 && error_occurred()) return false;
    *out = v;
    return true;
}

Ref<> os_chown(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[5] = {};
    if (!parse_clinic_args("chown", args, nargs, kwnames, {"path", "uid", "gid", "dir_fd", "follow_symlinks"}, 3, 3, a))
        return nullptr;
    path_t path;
    path.function_name = "chown";
    path.allow_fd = true;
    long long uid, gid;
    int dir_fd;
    bool follow = true;
    if (!path_converter(a[0], &path) || !id_converter(a[1], &uid) || !id_converter(a[2], &gid) ||
        !dir_fd_converter(a[3], &dir_fd) || !bool_converter(a[4], &follow))
        return nullptr;
    if (!check_fd_combinations("chown", path, dir_fd, follow)) return nullptr;
    int r = path.fd >= 0 ? fchown(path.fd, static_cast<uid_t>(uid), static_cast<gid_t>(gid))
                         : fchownat(dir_fd, path.c_str(), static_cast<uid_t>(uid), static_cast<gid_t>(gid),
                                    follow ? 0 : AT_SYMLINK_NOFOLLOW);
    if (r != 0) return path_error(path);
    return none_ref();
}

// posix_getcwd: getcwd() with a buffer grown until the path fits.
Ref<> posix_getcwd(bool use_bytes)
{
    std::vector<char> buf(1024);
    while (!getcwd(buf.data(), buf.size())) {
        if (errno != ERANGE) return posix_error();
        buf.resize(buf.size() * 2);
    }
    return fs_name(buf.data(), std::strlen(buf.data()), use_bytes);
}

Ref<> os_getcwd(Object*, Object*) { return posix_getcwd(false); }
Ref<> os_getcwdb(Object*, Object*) { return posix_getcwd(true); }

// mkdir and mkfifo: (path, mode=default_mode, *, dir_fd=None) -> make(dir_fd, path, mode).
// CPython's mkfifo raises its OSError without the file name (posix_error).
Ref<> do_mknode(const char* fname, int default_mode, int (*make)(int, const char*, mode_t), bool name_in_error,
                Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[3] = {};
    if (!parse_clinic_args(fname, args, nargs, kwnames, {"path", "mode", "dir_fd"}, 2, 1, a)) return nullptr;
    path_t path;
    path.function_name = fname;
    int mode = default_mode, dir_fd;
    if (!path_converter(a[0], &path) || (a[1] && !int_converter(a[1], &mode)) || !dir_fd_converter(a[2], &dir_fd))
        return nullptr;
    if (make(dir_fd, path.c_str(), static_cast<mode_t>(mode)) != 0)
        return name_in_error ? path_error(path) : posix_error();
    return none_ref();
}

Ref<> os_mkdir(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    return do_mknode("mkdir", 0777, mkdirat, true, args, nargs, kwnames);
}

// rmdir, remove and unlink: (path, *, dir_fd=None) -> unlinkat(flags).
Ref<> do_unlink(const char* fname, int flags, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[2] = {};
    if (!parse_clinic_args(fname, args, nargs, kwnames, {"path", "dir_fd"}, 1, 1, a)) return nullptr;
    path_t path;
    path.function_name = fname;
    int dir_fd;
    if (!path_converter(a[0], &path) || !dir_fd_converter(a[1], &dir_fd)) return nullptr;
    if (unlinkat(dir_fd, path.c_str(), flags) != 0) return path_error(path);
    return none_ref();
}

Ref<> os_rmdir(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    return do_unlink("rmdir", AT_REMOVEDIR, args, nargs, kwnames);
}

Ref<> os_remove(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    return do_unlink("remove", 0, args, nargs, kwnames);
}

Ref<> os_unlink(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    return do_unlink("unlink", 0, args, nargs, kwnames);
}

Ref<> do_rename(const char* fname, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[4] = {};
    if (!parse_clinic_args(fname, args, nargs, kwnames, {"src", "dst", "src_dir_fd", "dst_dir_fd"}, 2, 2, a))
        return nullptr;
    path_t src, dst;
    src.function_name = dst.function_name = fname;
    src.argument_name = "src";
    dst.argument_name = "dst";
    int src_dir_fd, dst_dir_fd;
    if (!path_converter(a[0], &src) || !path_converter(a[1], &dst) || !dir_fd_converter(a[2], &src_dir_fd) ||
        !dir_fd_converter(a[3], &dst_dir_fd))
        return nullptr;
    if (renameat(src_dir_fd, src.c_str(), dst_dir_fd, dst.c_str()) != 0) return path_error2(src, dst);
    return none_ref();
}

Ref<> os_rename(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    return do_rename("rename", args, nargs, kwnames);
}

Ref<> os_replace(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    return do_rename("replace", args, nargs, kwnames);
}

Ref<> os_link(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[5] = {};
    if (!parse_clinic_args("link", args, nargs, kwnames, {"src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"},
                           2, 2, a))
        return nullptr;
    path_t src, dst;
    src.function_name = dst.function_name = "link";
    src.argument_name = "src";
    dst.argument_name = "dst";
    int src_dir_fd, dst_dir_fd;
    bool follow = true;
    if (!path_converter(a[0], &src) || !path_converter(a[1], &dst) || !dir_fd_converter(a[2], &src_dir_fd) ||
        !dir_fd_converter(a[3], &dst_dir_fd) || !bool_converter(a[4], &follow))
        return nullptr;
    if (linkat(src_dir_fd, src.c_str(), dst_dir_fd, dst.c_str(), follow ? AT_SYMLINK_FOLLOW : 0) != 0)
        return path_error2(src, dst);
    return none_ref();
}

Ref<> os_symlink(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[4] = {};
    if (!parse_clinic_args("symlink", args, nargs, kwnames, {"src", "dst", "target_is_directory", "dir_fd"}, 3, 2, a))
        return nullptr;
    path_t src, dst;
    src.function_name = dst.function_name = "symlink";
    src.argument_name = "src";
    dst.argument_name = "dst";
    int dir_fd;
    bool target_is_directory = false;
    if (!path_converter(a[0], &src) || !path_converter(a[1], &dst) || !bool_converter(a[2], &target_is_directory) ||
        !dir_fd_converter(a[3], &dir_fd))
        return nullptr;
    if (symlinkat(src.c_str(), dir_fd, dst.c_str()) != 0) return path_error2(src, dst);
    return none_ref();
}

Ref<> os_readlink(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[2] = {};
    if (!parse_clinic_args("readlink", args, nargs, kwnames, {"path", "dir_fd"}, 1, 1, a)) return nullptr;
    path_t path;
    path.function_name = "readlink";
    int dir_fd;
    if (!path_converter(a[0], &path) || !dir_fd_converter(a[1], &dir_fd)) return nullptr;
    std::vector<char> buf(PATH_MAX + 1);
    for (;;) {
        ssize_t n = readlinkat(dir_fd, path.c_str(), buf.data(), buf.size());
        if (n < 0) return path_error(path);
        if (static_cast<std::size_t>(n) < buf.size())
            return fs_name(buf.data(), static_cast<std::size_t>(n), path.is_bytes);
        buf.resize(buf.size() * 2);
    }
}

// utime's times=(atime, mtime) of ints or floats: seconds into a timespec,
// rounded toward minus infinity as _PyTime_ObjectToTimespec does.
bool seconds_to_timespec(Object* o, struct timespec* ts)
{
    if (float_check(o)) {
        double d = float_value(o);
        if (std::isnan(d)) {
            set_error(Exc_ValueError, "Invalid value NaN (not a number)");
            return false;
        }
        double intpart;
        double floatpart = std::modf(d, &intpart);
        floatpart = std::round(floatpart * 1e9);
        if (floatpart >= 1e9) {
            floatpart -= 1e9;
            intpart += 1.0;
        }
        else if (floatpart < 0) {
            floatpart += 1e9;
            intpart -= 1.0;
        }
        if (!(intpart >= -9.2e18 && intpart <= 9.2e18)) {
            set_error(Exc_OverflowError, "timestamp out of range for platform time_t");
            return false;
        }
        ts->tv_sec = static_cast<time_t>(intpart);
        ts->tv_nsec = static_cast<long>(floatpart);
        return true;
    }
    Ref<> index = number_index(o);
    if (!index) return false;
    int overflow = 0;
    long long v = long_as_long_long_and_overflow(index.get(), &overflow);
    if (v == -1 && error_occurred()) return false;
    if (overflow) {
        set_error(Exc_OverflowError, "timestamp out of range for platform time_t");
        return false;
    }
    ts->tv_sec = static_cast<time_t>(v);
    ts->tv_nsec = 0;
    return true;
}

bool ns_to_timespec(Object* o, struct timespec* ts)
{
    Ref<> billion = long_from_long(1000000000);
    if (!billion) return false;
    Ref<> qr = number_divmod(o, billion.get());
    if (!qr) return false;
    if (!tuple_check(qr.get()) || tuple_size(qr.get()) != 2) return false;
    long long sec = long_as_long_long(tuple_item(qr.get(), 0));
    if (sec == -1 && error_occurred()) return false;
    long long nsec = long_as_long_long(tuple_item(qr.get(), 1));
    if (nsec == -1 && error_occurred()) return false;
    ts->tv_sec = static_cast<time_t>(sec);
    ts->tv_nsec = static_cast<long>(nsec);
    return true;
}

Ref<> os_utime(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[5] = {};
    if (!parse_clinic_args("utime", args, nargs, kwnames, {"path", "times", "ns", "dir_fd", "follow_symlinks"}, 2, 1,
                           a))
        return nullptr;
    path_t path;
    path.function_name = "utime";
    path.allow_fd = true;
    int dir_fd;
    bool follow = true;
    if (!path_converter(a[0], &path) || !dir_fd_converter(a[3], &dir_fd) || !bool_converter(a[4], &follow))
        return nullptr;
    Object* times = a[1] && a[1] != Py_None() ? a[1] : nullptr;
    Object* ns = a[2];
    struct timespec ts[2];
    struct timespec* tsp = nullptr;
    if (times && ns) return format_error(Exc_ValueError, "utime: you may specify either 'times' or 'ns' but not both");
    if (times) {
        if (!tuple_check(times) || tuple_size(times) != 2)
            return format_error(Exc_TypeError, "utime: 'times' must be either a tuple of two ints or None");
        if (!seconds_to_timespec(tuple_item(times, 0), &ts[0]) || !seconds_to_timespec(tuple_item(times, 1), &ts[1]))
            return nullptr;
        tsp = ts;
    }
    else if (ns) {
        if (!tuple_check(ns) || tuple_size(ns) != 2)
            return format_error(Exc_TypeError, "utime: 'ns' must be a tuple of two ints");
        if (!ns_to_timespec(tuple_item(ns, 0), &ts[0]) || !ns_to_timespec(tuple_item(ns, 1), &ts[1])) return nullptr;
        tsp = ts;
    }
    if (!check_fd_combinations("utime", path, dir_fd, follow)) return nullptr;
    int r = path.fd >= 0 ? futimens(path.fd, tsp)
                         : utimensat(dir_fd, path.c_str(), tsp, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    if (r != 0) return path_error(path);
    return none_ref();
}

bool off_converter(Object* o, off_t* out)
{
    Ref<> index = number_index(o);
    if (!index) return false;
    int overflow = 0;
    long long v = long_as_long_long_and_overflow(index.get(), &overflow);
    if (v == -1 && error_occurred()) return false;
    if (overflow) {
        set_error(Exc_OverflowError, "Python int too large to convert to C long");
        return false;
    }
    *out = static_cast<off_t>(v);
    return true;
}

Ref<> os_truncate(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[2] = {};
    if (!parse_clinic_args("truncate", args, nargs, kwnames, {"path", "length"}, 2, 2, a)) return nullptr;
    path_t path;
    path.function_name = "truncate";
    path.allow_fd = true;
    off_t length;
    if (!path_converter(a[0], &path) || !off_converter(a[1], &length)) return nullptr;
    int r = path.fd >= 0 ? ftruncate(path.fd, length) : truncate(path.c_str(), length);
    if (r != 0) return path_error(path);
    return none_ref();
}

Ref<> os_mkfifo(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    return do_mknode("mkfifo", 0666, mkfifoat, false, args, nargs, kwnames);
}

// --- File descriptors -------------------------------------------------------------------------

Ref<> os_open(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[4] = {};
    if (!parse_clinic_args("open", args, nargs, kwnames, {"path", "flags", "mode", "dir_fd"}, 3, 2, a)) return nullptr;
    path_t path;
    path.function_name = "open";
    int flags, mode = 0777, dir_fd;
    if (!path_converter(a[0], &path) || !int_converter(a[1], &flags) || (a[2] && !int_converter(a[2], &mode)) ||
        !dir_fd_converter(a[3], &dir_fd))
        return nullptr;
    int fd;
    do {
        AllowThreads nogil;
        fd = openat(dir_fd, path.c_str(), flags | O_CLOEXEC, mode);
    } while (fd < 0 && errno == EINTR && retry_after_eintr());
    if (fd < 0) return error_occurred() ? nullptr : path_error(path);
    return long_from_long(fd);
}

Ref<> os_close(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[1] = {};
    int fd;
    if (!parse_clinic_args("close", args, nargs, kwnames, {"fd"}, 1, 1, a) || !int_converter(a[0], &fd))
        return nullptr;
    // close() is not retried on EINTR: Linux has released the fd anyway.
    if (close(fd) < 0 && errno != EINTR) return posix_error();
    return none_ref();
}

Ref<> os_closerange(Object*, Object* const* args, Py_ssize_t nargs)
{
    int lo, hi;
    if (!check_positional("closerange", nargs, 2, 2) || !int_converter(args[0], &lo) || !int_converter(args[1], &hi))
        return nullptr;
    for (int fd = lo < 0 ? 0 : lo; fd < hi; fd++) close(fd);
    return none_ref();
}

Ref<> os_read(Object*, Object* const* args, Py_ssize_t nargs)
{
    int fd;
    if (!check_positional("read", nargs, 2, 2) || !int_converter(args[0], &fd)) return nullptr;
    Py_ssize_t length = number_as_ssize_t(args[1], Exc_OverflowError);
    if (length == -1 && error_occurred()) return nullptr;
    if (length < 0) {
        errno = EINVAL;
        return posix_error();
    }
    std::string buf(static_cast<std::size_t>(length), '\0');
    ssize_t n;
    do {
        AllowThreads nogil;
        n = read(fd, buf.data(), buf.size());
    } while (n < 0 && errno == EINTR && retry_after_eintr());
    if (n < 0) return error_occurred() ? nullptr : posix_error();
    return bytes_from_string_and_size(buf.data(), n);
}

Ref<> os_write(Object*, Object* const* args, Py_ssize_t nargs)
{
    int fd;
    if (!check_positional("write", nargs, 2, 2) || !int_converter(args[0], &fd)) return nullptr;
    Py_buffer view{};
    if (object_get_buffer(args[1], &view, PyBUF_SIMPLE) < 0) return nullptr;
    ssize_t n;
    do {
        AllowThreads nogil;
        n = write(fd, view.buf, static_cast<std::size_t>(view.len));
    } while (n < 0 && errno == EINTR && retry_after_eintr());
    buffer_release(&view);
    if (n < 0) return error_occurred() ? nullptr : posix_error();
    return long_from_long(n);
}

Ref<> os_lseek(Object*, Object* const* args, Py_ssize_t nargs)
{
    int fd, how;
    off_t pos;
    if (!check_positional("lseek", nargs, 3, 3) || !int_converter(args[0], &fd) || !off_converter(args[1], &pos) ||
        !int_converter(args[2], &how))
        return nullptr;
    off_t r = lseek(fd, pos, how);
    if (r < 0) return posix_error();
    return long_from_long(static_cast<long long>(r));
}

Ref<> os_ftruncate(Object*, Object* const* args, Py_ssize_t nargs)
{
    int fd;
    off_t length;
    if (!check_positional("ftruncate", nargs, 2, 2) || !int_converter(args[0], &fd) || !off_converter(args[1], &length))
        return nullptr;
    int r;
    do {
        r = ftruncate(fd, length);
    } while (r < 0 && errno == EINTR && retry_after_eintr());
    if (r < 0) return error_occurred() ? nullptr : posix_error();
    return none_ref();
}

Ref<> os_pipe(Object*, Object*)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) return posix_error();
    Ref<> r = long_from_long(fds[0]), w = long_from_long(fds[1]);
    if (!r || !w) return nullptr;
    return tuple_pack({r.get(), w.get()});
}

Ref<> os_pipe2(Object*, Object* arg)
{
    int flags;
    if (!int_converter(arg, &flags)) return nullptr;
    int fds[2];
    if (pipe2(fds, flags) != 0) return posix_error();
    Ref<> r = long_from_long(fds[0]), w = long_from_long(fds[1]);
    if (!r || !w) return nullptr;
    return tuple_pack({r.get(), w.get()});
}

Ref<> os_dup(Object*, Object* arg)
{
    int fd;
    if (!int_converter(arg, &fd)) return nullptr;
    int r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (r < 0) return posix_error();
    return long_from_long(r);
}

Ref<> os_dup2(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[3] = {};
    int fd, fd2;
    bool inheritable = true;
    if (!parse_clinic_args("dup2", args, nargs, kwnames, {"fd", "fd2", "inheritable"}, 3, 2, a) ||
        !int_converter(a[0], &fd) || !int_converter(a[1], &fd2) || !bool_converter(a[2], &inheritable))
        return nullptr;
    int r = fd == fd2 ? (fcntl(fd, F_GETFD) < 0 ? -1 : fd) : dup3(fd, fd2, inheritable ? 0 : O_CLOEXEC);
    if (r < 0) return posix_error();
    return long_from_long(r);
}

Ref<> os_isatty(Object*, Object* arg)
{
    int fd;
    if (!int_converter(arg, &fd)) return nullptr;
    return new_ref(isatty(fd) ? Py_True() : Py_False());
}

Ref<> os_fsync(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[1] = {};
    int fd;
    if (!parse_clinic_args("fsync", args, nargs, kwnames, {"fd"}, 1, 1, a) || !fildes_converter(a[0], &fd))
        return nullptr;
    int r;
    {
        AllowThreads nogil;
        r = fsync(fd);
    }
    if (r != 0) return posix_error();
    return none_ref();
}

Ref<> os_fdatasync(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[1] = {};
    int fd;
    if (!parse_clinic_args("fdatasync", args, nargs, kwnames, {"fd"}, 1, 1, a) ||
        !fildes_converter(a[0], &fd))
        return nullptr;
    if (fdatasync(fd) != 0) return posix_error();
    return none_ref();
}

// get_inheritable / get_blocking: whether the fd's flag (FD_CLOEXEC among
// the F_GETFD flags, O_NONBLOCK among the F_GETFL ones) is clear.
Ref<> fd_flag_is_clear(Object* arg, int getcmd, int flag)
{
    int fd;
    if (!int_converter(arg, &fd)) return nullptr;
    int flags = fcntl(fd, getcmd);
    if (flags < 0) return posix_error();
    return new_ref((flags & flag) ? Py_False() : Py_True());
}

// set_inheritable / set_blocking (fd, value): clears the flag when value is
// true, sets it otherwise; no F_SET* call when nothing changes.
Ref<> fd_flag_set_clear(const char* fname, Object* const* args, Py_ssize_t nargs, int getcmd, int setcmd, int flag)
{
    int fd, value;
    if (!check_positional(fname, nargs, 2, 2) || !int_converter(args[0], &fd) || !int_converter(args[1], &value))
        return nullptr;
    int flags = fcntl(fd, getcmd);
    if (flags < 0) return posix_error();
    int nflags = value ? (flags & ~flag) : (flags | flag);
    if (nflags != flags && fcntl(fd, setcmd, nflags) < 0) return posix_error();
    return none_ref();
}

Ref<> os_get_inheritable(Object*, Object* arg) { return fd_flag_is_clear(arg, F_GETFD, FD_CLOEXEC); }

Ref<> os_set_inheritable(Object*, Object* const* args, Py_ssize_t nargs)
{
    return fd_flag_set_clear("set_inheritable", args, nargs, F_GETFD, F_SETFD, FD_CLOEXEC);
}

Ref<> os_get_blocking(Object*, Object* arg) { return fd_flag_is_clear(arg, F_GETFL, O_NONBLOCK); }

Ref<> os_set_blocking(Object*, Object* const* args, Py_ssize_t nargs)
{
    return fd_flag_set_clear("set_blocking", args, nargs, F_GETFL, F_SETFL, O_NONBLOCK);
}

Ref<> os_device_encoding(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[1] = {};
    int fd;
    if (!parse_clinic_args("device_encoding", args, nargs, kwnames, {"fd"}, 1, 1, a) || !int_converter(a[0], &fd))
        return nullptr;
    // _Py_device_encoding: a terminal uses the locale's encoding (UTF-8 in
    // minipy, which runs in the UTF-8 mode of the C.UTF-8 locale).
    if (!isatty(fd)) return none_ref();
    return unicode_from_string("UTF-8");
}

// --- Information about the system -----------------------------------------------------------

const StructSequenceField uname_fields[] = {
    {"sysname", "operating system name"}, {"nodename", "name of machine on network (implementation-defined)"},
    {"release", "operating system release"}, {"version", "operating system version"},
    {"machine", "hardware identifier"}, {},
};
const StructSequenceDesc uname_desc = {
    "posix.uname_result",
    "uname_result: Result from os.uname().\n\nThis object may be accessed either as a tuple of\n"
    "  (sysname, nodename, release, version, machine),\nor via the attributes sysname, nodename, release, version, "
    "and machine.\n\nSee os.uname for more information.",
    uname_fields, 5};
TypeObject* uname_result_type = nullptr;

const StructSequenceField times_fields[] = {
    {"user", "user time"}, {"system", "system time"}, {"children_user", "user time of children"},
    {"children_system", "system time of children"}, {"elapsed", "elapsed time since an arbitrary point in the past"},
    {},
};
const StructSequenceDesc times_desc = {
    "posix.times_result",
    "times_result: Result from os.times().\n\nThis object may be accessed either as a tuple of\n"
    "  (user, system, children_user, children_system, elapsed),\nor via the attributes user, system, "
    "children_user, children_system,\nand elapsed.\n\nSee os.times for more information.",
    times_fields, 5};
TypeObject* times_result_type = nullptr;

const StructSequenceField terminal_size_fields[] = {
    {"columns", "width of the terminal window in characters"},
    {"lines", "height of the terminal window in characters"},
    {},
};
const StructSequenceDesc terminal_size_desc = {
    "os.terminal_size", "A tuple of (columns, lines) for holding terminal window size", terminal_size_fields, 2};
TypeObject* terminal_size_type = nullptr;

const StructSequenceField statvfs_fields[] = {
    {"f_bsize", ""}, {"f_frsize", ""}, {"f_blocks", ""}, {"f_bfree", ""}, {"f_bavail", ""}, {"f_files", ""},
    {"f_ffree", ""}, {"f_favail", ""}, {"f_flag", ""}, {"f_namemax", ""}, {"f_fsid", ""}, {},
};
const StructSequenceDesc statvfs_desc = {
    "os.statvfs_result",
    "statvfs_result: Result from statvfs or fstatvfs.\n\nThis object may be accessed either as a tuple of\n"
    "  (bsize, frsize, blocks, bfree, bavail, files, ffree, favail, flag, namemax),\n"
    "or via the attributes f_bsize, f_frsize, f_blocks, f_bfree, and so on.\n\nSee os.statvfs for more information.",
    statvfs_fields, 10};
TypeObject* statvfs_result_type = nullptr;

Ref<> statvfs_result_from(const struct statvfs& st)
{
    Ref<> v = structseq_new(statvfs_result_type);
    if (!v) return nullptr;
    unsigned long long values[] = {st.f_bsize, st.f_frsize, st.f_blocks, st.f_bfree, st.f_bavail, st.f_files,
                                   st.f_ffree, st.f_favail, st.f_flag, st.f_namemax, st.f_fsid};
    for (int i = 0; i < 11; i++) {
        Ref<> item = long_from_unsigned(values[i]);
        if (!item) return nullptr;
        structseq_set_item(v.get(), i, item.release());
    }
    return v;
}

Ref<> os_statvfs(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[1] = {};
    if (!parse_clinic_args("statvfs", args, nargs, kwnames, {"path"}, 1, 1, a)) return nullptr;
    path_t path;
    path.function_name = "statvfs";
    path.allow_fd = true;
    if (!path_converter(a[0], &path)) return nullptr;
    struct statvfs st;
    int r;
    {
        AllowThreads nogil;
        r = path.fd >= 0 ? fstatvfs(path.fd, &st) : statvfs(path.c_str(), &st);
    }
    if (r != 0) return path_error(path);
    return statvfs_result_from(st);
}

Ref<> os_fstatvfs(Object*, Object* arg)
{
    int fd;
    if (!int_converter(arg, &fd)) return nullptr;
    struct statvfs st;
    if (fstatvfs(fd, &st) != 0) return posix_error();
    return statvfs_result_from(st);
}

Ref<> os_uname(Object*, Object*)
{
    struct utsname u;
    if (uname(&u) != 0) return posix_error();
    Ref<> v = structseq_new(uname_result_type);
    if (!v) return nullptr;
    const char* fields[] = {u.sysname, u.nodename, u.release, u.version, u.machine};
    for (int i = 0; i < 5; i++) {
        Ref<> s = fs_name(fields[i], std::strlen(fields[i]), false);
        if (!s) return nullptr;
        structseq_set_item(v.get(), i, s.release());
    }
    return v;
}

Ref<> os_times(Object*, Object*)
{
    struct tms t;
    clock_t c = times(&t);
    if (c == static_cast<clock_t>(-1)) return posix_error();
    double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
    double values[] = {static_cast<double>(t.tms_utime) / ticks, static_cast<double>(t.tms_stime) / ticks,
                       static_cast<double>(t.tms_cutime) / ticks, static_cast<double>(t.tms_cstime) / ticks,
                       static_cast<double>(c) / ticks};
    Ref<> v = structseq_new(times_result_type);
    if (!v) return nullptr;
    for (int i = 0; i < 5; i++) {
        Ref<> f = float_from_double(values[i]);
        if (!f) return nullptr;
        structseq_set_item(v.get(), i, f.release());
    }
    return v;
}

Ref<> os_cpu_count(Object*, Object*)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1) return none_ref();
    return long_from_long(n);
}

Ref<> os_getloadavg(Object*, Object*)
{
    double load[3];
    if (getloadavg(load, 3) != 3) return format_error(Exc_OSError, "Load averages are unobtainable");
    Ref<> a = float_from_double(load[0]), b = float_from_double(load[1]), c = float_from_double(load[2]);
    if (!a || !b || !c) return nullptr;
    return tuple_pack({a.get(), b.get(), c.get()});
}

Ref<> os_get_terminal_size(Object*, Object* const* args, Py_ssize_t nargs)
{
    int fd = STDOUT_FILENO;
    if (!check_positional("get_terminal_size", nargs, 0, 1)) return nullptr;
    if (nargs == 1 && !int_converter(args[0], &fd)) return nullptr;
    struct winsize w;
    if (ioctl(fd, TIOCGWINSZ, &w) != 0) return posix_error();
    Ref<> v = structseq_new(terminal_size_type);
    Ref<> cols = long_from_long(w.ws_col), lines = long_from_long(w.ws_row);
    if (!v || !cols || !lines) return nullptr;
    structseq_set_item(v.get(), 0, cols.release());
    structseq_set_item(v.get(), 1, lines.release());
    return v;
}

Ref<> os_urandom(Object*, Object* arg)
{
    Py_ssize_t size = number_as_ssize_t(arg, Exc_OverflowError);
    if (size == -1 && error_occurred()) return nullptr;
    if (size < 0) return format_error(Exc_ValueError, "negative argument not allowed");
    std::string buf(static_cast<std::size_t>(size), '\0');
    std::size_t done = 0;
    while (done < buf.size()) {
        ssize_t n = getrandom(buf.data() + done, buf.size() - done, 0);
        if (n < 0) {
            if (errno == EINTR) continue;
            return posix_error();
        }
        done += static_cast<std::size_t>(n);
    }
    return bytes_from_string_and_size(buf.data(), size);
}

Ref<> os_strerror(Object*, Object* arg)
{
    int code;
    if (!int_converter(arg, &code)) return nullptr;
    const char* message = std::strerror(code);
    if (!message) return format_error(Exc_ValueError, "strerror() argument out of range");
    return fs_name(message, std::strlen(message), false);
}

Ref<> os_major(Object*, Object* arg)
{
    Ref<> index = number_index(arg);
    if (!index) return nullptr;
    unsigned long long dev = static_cast<unsigned long long>(long_as_long_long(index.get()));
    if (error_occurred()) return nullptr;
    return long_from_unsigned(major(dev));
}

Ref<> os_minor(Object*, Object* arg)
{
    Ref<> index = number_index(arg);
    if (!index) return nullptr;
    unsigned long long dev = static_cast<unsigned long long>(long_as_long_long(index.get()));
    if (error_occurred()) return nullptr;
    return long_from_unsigned(minor(dev));
}

Ref<> os_makedev(Object*, Object* const* args, Py_ssize_t nargs)
{
    int ma, mi;
    if (!check_positional("makedev", nargs, 2, 2) || !int_converter(args[0], &ma) || !int_converter(args[1], &mi))
        return nullptr;
    return long_from_unsigned(makedev(static_cast<unsigned>(ma), static_cast<unsigned>(mi)));
}

// --- The environment ------------------------------------------------------------------------

// convertenviron: bytes keys and values, the first definition of a name wins.
Ref<> convert_environ()
{
    Ref<> d = dict_new();
    if (!d) return nullptr;
    for (char** e = environ; e && *e; e++) {
        const char* eq = std::strchr(*e, '=');
        if (!eq) continue;
        Ref<> k = bytes_from_string_and_size(*e, eq - *e);
        Ref<> v = bytes_from_string_and_size(eq + 1, static_cast<Py_ssize_t>(std::strlen(eq + 1)));
        if (!k || !v) return nullptr;
        int has = dict_contains(d.get(), k.get());
        if (has < 0) return nullptr;
        if (!has && dict_set_item(d.get(), k.get(), v.get()) < 0) return nullptr;
    }
    return d;
}

// An environment name or value for putenv/unsetenv: str or bytes (os.PathLike too, as CPython's FSConverter).
bool env_converter(Object* o, std::string* out)
{
    path_t p;
    p.function_name = nullptr;
    if (!unicode_check(o) && !bytes_check(o) && !lookup_special(o, "__fspath__")) {
        if (error_occurred()) return false;
        format_error(Exc_TypeError, "expected str, bytes or os.PathLike object, not %.200s", Py_TYPE(o)->tp_name);
        return false;
    }
    if (!path_converter(o, &p)) {
        // FSConverter's message for a NUL.
        if (error_matches(Exc_ValueError)) {
            error_clear();
            set_error(Exc_ValueError, "embedded null byte");
        }
        return false;
    }
    *out = p.narrow;
    return true;
}

Ref<> os_putenv(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("putenv", nargs, 2, 2)) return nullptr;
    std::string name, value;
    if (!env_converter(args[0], &name) || !env_converter(args[1], &value)) return nullptr;
    if (name.empty() || name.find('=') != std::string::npos)
        return format_error(Exc_ValueError, "illegal environment variable name");
    if (setenv(name.c_str(), value.c_str(), 1) != 0) return posix_error();
    return none_ref();
}

Ref<> os_unsetenv(Object*, Object* arg)
{
    std::string name;
    if (!env_converter(arg, &name)) return nullptr;
    if (name.empty() || name.find('=') != std::string::npos)
        return format_error(Exc_ValueError, "illegal environment variable name");
    if (unsetenv(name.c_str()) != 0) return posix_error();
    return none_ref();
}

Ref<> os_fspath(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[1] = {};
    if (!parse_clinic_args("fspath", args, nargs, kwnames, {"path"}, 1, 1, a)) return nullptr;
    return fspath(a[0]);
}

MethodDef posix_methods[] = {
    method_fastkw("stat", os_stat, "Perform a stat system call on the given path."),
    method_fastkw("lstat", os_lstat, "Perform a stat system call on the given path, without following symbolic links."),
    method_fastkw("fstat", os_fstat, "Perform a stat system call on the given file descriptor."),
    method_fastkw("access", os_access, "Use the real uid/gid to test for access to a path."),
    method_fastkw("chdir", os_chdir, "Change the current working directory to the specified path."),
    method_fastkw("fchdir", os_fchdir, "Change to the directory of the given file descriptor."),
    method_fastkw("chmod", os_chmod, "Change the access permissions of a file."),
    method_fastkw("fchmod", os_fchmod, "Change the access permissions of the file given by file descriptor fd."),
    method_fastkw("chown", os_chown, "Change the owner and group id of path to the numeric uid and gid."),
    method_noargs("getcwd", os_getcwd, "Return a unicode string representing the current working directory."),
    method_noargs("getcwdb", os_getcwdb, "Return a bytes string representing the current working directory."),
    method_fastkw("mkdir", os_mkdir, "Create a directory."),
    method_fastkw("rmdir", os_rmdir, "Remove a directory."),
    method_fastkw("remove", os_remove, "Remove a file (same as unlink())."),
    method_fastkw("unlink", os_unlink, "Remove a file (same as remove())."),
    method_fastkw("rename", os_rename, "Rename a file or directory."),
    method_fastkw("replace", os_replace, "Rename a file or directory, overwriting the destination."),
    method_fastkw("link", os_link, "Create a hard link to a file."),
    method_fastkw("symlink", os_symlink, "Create a symbolic link pointing to src named dst."),
    method_fastkw("readlink", os_readlink, "Return a string representing the path to which the symbolic link points."),
    method_fastkw("utime", os_utime, "Set the access and modified time of path."),
    method_fastkw("truncate", os_truncate, "Truncate a file, specified by path, to a specific length."),
    method_fastkw("mkfifo", os_mkfifo, "Create a \"fifo\" (a POSIX named pipe)."),
    method_fastkw("open", os_open, "Open a file for low level IO.  Returns a file descriptor (integer)."),
    method_fastkw("close", os_close, "Close a file descriptor."),
    method_fast("closerange", os_closerange, "Closes all file descriptors in [fd_low, fd_high), ignoring errors."),
    method_fast("read", os_read, "Read from a file descriptor.  Returns a bytes object."),
    method_fast("write", os_write, "Write a bytes object to a file descriptor."),
    method_fast("lseek", os_lseek, "Set the position of a file descriptor.  Return the new position."),
    method_fast("ftruncate", os_ftruncate, "Truncate a file, specified by file descriptor, to a specific length."),
    method_noargs("pipe", os_pipe, "Create a pipe."),
    method_o("pipe2", os_pipe2, "Create a pipe with flags set atomically."),
    method_o("dup", os_dup, "Return a duplicate of a file descriptor."),
    method_fastkw("dup2", os_dup2, "Duplicate file descriptor."),
    method_o("isatty", os_isatty, "Return True if the fd is connected to a terminal."),
    method_fastkw("fsync", os_fsync, "Force write of fd to disk."),
    method_fastkw("fdatasync", os_fdatasync, "Force write of fd to disk without forcing update of metadata."),
    method_o("get_inheritable", os_get_inheritable, "Get the close-on-exe flag of the specified file descriptor."),
    method_fast("set_inheritable", os_set_inheritable, "Set the inheritable flag of the specified file descriptor."),
    method_o("get_blocking", os_get_blocking, "Get the blocking mode of the file descriptor."),
    method_fast("set_blocking", os_set_blocking, "Set the blocking mode of the specified file descriptor."),
    method_fastkw("device_encoding", os_device_encoding, "Return a string describing the encoding of a terminal's file descriptor."),
    method_fastkw("statvfs", os_statvfs, "Perform a statvfs system call on the given path."),
    method_o("fstatvfs", os_fstatvfs, "Perform an fstatvfs system call on the given fd."),
    method_noargs("uname", os_uname, "Return an object identifying the current operating system."),
    method_noargs("times", os_times, "Return a collection containing process timing information."),
    method_noargs("cpu_count", os_cpu_count, "Return the number of CPUs in the system; return None if indeterminable."),
    method_noargs("getloadavg", os_getloadavg, "Return average recent system load information."),
    method_fast("get_terminal_size", os_get_terminal_size, "Return the size of the terminal window as (columns, lines)."),
    method_o("urandom", os_urandom, "Return a bytes object containing random bytes suitable for cryptographic use."),
    method_o("strerror", os_strerror, "Translate an error code to a message string."),
    method_o("major", os_major, "Extracts a device major number from a raw device number."),
    method_o("minor", os_minor, "Extracts a device minor number from a raw device number."),
    method_fast("makedev", os_makedev, "Composes a raw device number from the major and minor device numbers."),
    method_fast("putenv", os_putenv, "Change or add an environment variable."),
    method_o("unsetenv", os_unsetenv, "Delete an environment variable."),
    method_fastkw("fspath", os_fspath, "Return the file system path representation of the object."),
    {},
};

int add_int(Object* mod, const char* name, long long v)
{
    Ref<> o = long_from_long(v);
    return o ? module_add_object(mod, name, o.get()) : -1;
}

struct IntConstant {
    const char* name;
    long long value;
};

const IntConstant posix_constants[] = {
    {"F_OK", F_OK}, {"R_OK", R_OK}, {"W_OK", W_OK}, {"X_OK", X_OK},
    {"NGROUPS_MAX", NGROUPS_MAX}, {"TMP_MAX", TMP_MAX},
    {"WCONTINUED", WCONTINUED}, {"WNOHANG", WNOHANG}, {"WUNTRACED", WUNTRACED}, {"WEXITED", WEXITED},
    {"WSTOPPED", WSTOPPED}, {"WNOWAIT", WNOWAIT},
    {"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR}, {"O_NDELAY", O_NDELAY},
    {"O_NONBLOCK", O_NONBLOCK}, {"O_APPEND", O_APPEND}, {"O_DSYNC", O_DSYNC}, {"O_RSYNC", O_RSYNC},
    {"O_SYNC", O_SYNC}, {"O_NOCTTY", O_NOCTTY}, {"O_CREAT", O_CREAT}, {"O_EXCL", O_EXCL}, {"O_TRUNC", O_TRUNC},
    {"O_LARGEFILE", O_LARGEFILE}, {"O_PATH", O_PATH}, {"O_TMPFILE", O_TMPFILE}, {"O_ACCMODE", O_ACCMODE},
    {"O_FSYNC", O_FSYNC}, {"O_ASYNC", O_ASYNC}, {"O_DIRECT", O_DIRECT}, {"O_DIRECTORY", O_DIRECTORY},
    {"O_NOFOLLOW", O_NOFOLLOW}, {"O_NOATIME", O_NOATIME}, {"O_CLOEXEC", O_CLOEXEC},
    {"PRIO_PROCESS", PRIO_PROCESS}, {"PRIO_PGRP", PRIO_PGRP}, {"PRIO_USER", PRIO_USER},
    {"SEEK_HOLE", SEEK_HOLE}, {"SEEK_DATA", SEEK_DATA},
    {"EX_OK", 0}, {"EX_USAGE", 64}, {"EX_DATAERR", 65}, {"EX_NOINPUT", 66}, {"EX_NOUSER", 67}, {"EX_NOHOST", 68},
    {"EX_UNAVAILABLE", 69}, {"EX_SOFTWARE", 70}, {"EX_OSERR", 71}, {"EX_OSFILE", 72}, {"EX_CANTCREAT", 73},
    {"EX_IOERR", 74}, {"EX_TEMPFAIL", 75}, {"EX_PROTOCOL", 76}, {"EX_NOPERM", 77}, {"EX_CONFIG", 78},
    {"F_LOCK", F_LOCK}, {"F_TLOCK", F_TLOCK}, {"F_ULOCK", F_ULOCK}, {"F_TEST", F_TEST},
    {"P_PID", P_PID}, {"P_PGID", P_PGID}, {"P_ALL", P_ALL},
    {"CLD_EXITED", CLD_EXITED}, {"CLD_KILLED", CLD_KILLED}, {"CLD_DUMPED", CLD_DUMPED},
    {"CLD_TRAPPED", CLD_TRAPPED}, {"CLD_STOPPED", CLD_STOPPED}, {"CLD_CONTINUED", CLD_CONTINUED},
    {"GRND_NONBLOCK", GRND_NONBLOCK}, {"GRND_RANDOM", GRND_RANDOM},
    {"RTLD_LAZY", 1}, {"RTLD_NOW", 2}, {"RTLD_GLOBAL", 0x100}, {"RTLD_LOCAL", 0}, {"RTLD_NODELETE", 0x1000},
    {"RTLD_NOLOAD", 4}, {"RTLD_DEEPBIND", 8},
};

// The names os.py's supports_* sets are built from (CPython's _have_functions).
const char* const have_functions[] = {
    "HAVE_FACCESSAT", "HAVE_FCHDIR", "HAVE_FCHMOD", "HAVE_FCHMODAT", "HAVE_FCHOWN", "HAVE_FCHOWNAT",
    "HAVE_FDATASYNC", "HAVE_FSTATAT", "HAVE_FTRUNCATE", "HAVE_FUTIMENS", "HAVE_LINKAT", "HAVE_LSTAT",
    "HAVE_MKDIRAT", "HAVE_MKFIFOAT", "HAVE_OPENAT", "HAVE_READLINKAT", "HAVE_RENAMEAT", "HAVE_SYMLINKAT",
    "HAVE_UNLINKAT", "HAVE_UTIMENSAT", "HAVE_FDOPENDIR", nullptr,
};

}  // namespace

Ref<> posix_module_create()
{
    static const struct {
        TypeObject** type;
        const StructSequenceDesc* desc;
    } seqs[] = {{&stat_result_type, &stat_result_desc},
                {&uname_result_type, &uname_desc},
                {&times_result_type, &times_desc},
                {&terminal_size_type, &terminal_size_desc},
                {&statvfs_result_type, &statvfs_desc}};
    for (const auto& s : seqs) {
        if (*s.type) continue;
        Ref<TypeObject> t = structseq_new_type(s.desc);
        if (!t) return nullptr;
        *s.type = t.release();  // immortal, like a static type
    }
    if (!structseq_new_slot) {
        structseq_new_slot = stat_result_type->tp_new;
        stat_result_type->tp_new = statresult_new;
    }
    Ref<> mod = module_new("posix");
    if (!mod || module_add_functions(mod.get(), posix_methods) < 0) return nullptr;
    if (module_add_object(mod.get(), "stat_result", stat_result_type) < 0 ||
        module_add_object(mod.get(), "uname_result", uname_result_type) < 0 ||
        module_add_object(mod.get(), "times_result", times_result_type) < 0 ||
        module_add_object(mod.get(), "terminal_size", terminal_size_type) < 0 ||
        module_add_object(mod.get(), "statvfs_result", statvfs_result_type) < 0 ||
        module_add_object(mod.get(), "error", Exc_OSError) < 0)
        return nullptr;
    for (const IntConstant& c : posix_constants)
        if (add_int(mod.get(), c.name, c.value) < 0) return nullptr;
    Ref<> env = convert_environ();
    if (!env || module_add_object(mod.get(), "environ", env.get()) < 0) return nullptr;
    Ref<> have = list_new(0);
    if (!have) return nullptr;
    for (const char* name : have_functions) {
        if (!name) break;
        Ref<> s = unicode_from_string(name);
        if (!s || list_append(have.get(), s.get()) < 0) return nullptr;
    }
    if (module_add_object(mod.get(), "_have_functions", have.get()) < 0) return nullptr;
    if (posix_dir_init(mod.get()) < 0 || posix_proc_init(mod.get()) < 0) return nullptr;
    Ref<> doc = unicode_from_string(
        "This module provides access to operating system functionality that is\n"
        "standardized by the C Standard and the POSIX standard (a thinly\n"
        "disguised Unix interface).  Refer to the library manual and\n"
        "corresponding Unix manual entries for more information on calls.");
    if (!doc || module_add_object(mod.get(), "__doc__", doc.get()) < 0) return nullptr;
    return mod;
}

}  // namespace minipy::modules
