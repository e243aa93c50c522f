// posixmodule.h: what the two halves of the posix module share: path and
// fd arguments, errno errors, os.stat_result. Private to modules/.
// Mirrors the helpers at the top of CPython 3.11 Modules/posixmodule.c
// (path_t, path_converter, dir_fd_converter, path_error, _pystat_fromstructstat)
// and Modules/posixmodule.h. Book chapter 12, "The Standard Library".
#pragma once

#include <fcntl.h>
#include <sys/stat.h>

#include <string>

#include "minipy/runtime/object.h"

namespace minipy::modules::posix {

// path_t: one path argument after conversion. Set the four options, then
// call path_converter. A str becomes its file system encoding (UTF-8 with
// surrogateescape), bytes stay bytes, an os.PathLike is replaced by what its
// __fspath__ returns, an int is a file descriptor (allow_fd) and None means
// "no path" (nullable).
struct path_t {
    const char* function_name = nullptr;  // "stat": prefixes TypeError/ValueError messages
    const char* argument_name = nullptr;  // "path" when null
    bool nullable = false;
    bool allow_fd = false;

    runtime::Ref<> object;  // the str/bytes/int after __fspath__: errors name it (filename)
    std::string narrow;     // the encoded path (valid unless fd >= 0 or is_none)
    int fd = -1;            // >= 0 when an fd was given
    bool is_bytes = false;  // results derived from the path are bytes (listdir, readlink)
    bool is_none = false;

    const char* c_str() const { return narrow.c_str(); }
};

// path_converter: true, or false with CPython's TypeError/ValueError set.
// Null o (an omitted optional argument) behaves as None.
[[nodiscard]] bool path_converter(runtime::Object* o, path_t* path);

// The AT_FDCWD default of dir_fd arguments (DEFAULT_DIR_FD).
inline constexpr int DEFAULT_DIR_FD = AT_FDCWD;
// dir_fd_converter: None (or null) -> AT_FDCWD, an index -> an fd.
[[nodiscard]] bool dir_fd_converter(runtime::Object* o, int* fd);
// _fd_converter: an index into an int (OverflowError "fd is greater than maximum").
[[nodiscard]] bool fd_converter(runtime::Object* o, int* fd);
// The clinic's `bool` converter: truth value (null keeps *out).
[[nodiscard]] bool bool_converter(runtime::Object* o, bool* out);

// posix_error / path_error / path_error2: raise OSError (or the errno's
// subclass) from errno, naming the path(s). Return null for `return`.
std::nullptr_t posix_error();
std::nullptr_t path_error(const path_t& path);
std::nullptr_t path_error2(const path_t& path, const path_t& path2);

// PyOS_FSPath (os.fspath, also used by _io): str or bytes as they are, or
// what an os.PathLike's __fspath__ returns; TypeError otherwise.
[[nodiscard]] runtime::Ref<> fspath(runtime::Object* path);
// A name from the file system as the caller's kind: bytes when as_bytes,
// else str decoded with the file system encoding.
[[nodiscard]] runtime::Ref<> fs_name(const char* name, std::size_t len, bool as_bytes);

// _pystat_fromstructstat: a new os.stat_result.
[[nodiscard]] runtime::Ref<> stat_result_from(const struct stat& st);

// EINTR from a system call: runs the Python signal handlers
// (PyErr_CheckSignals); true to retry, false with the handler's error set.
[[nodiscard]] bool retry_after_eintr();

// posixmodule_proc.cpp: fork/exec/wait, kill, ids; added by posix_proc_init.
[[nodiscard]] int posix_proc_init(runtime::Object* module);

// posixmodule_dir.cpp: listdir, scandir and its DirEntry/ScandirIterator
// types; added to the module by posix_dir_init.
[[nodiscard]] int posix_dir_init(runtime::Object* module);

}  // namespace minipy::modules::posix
