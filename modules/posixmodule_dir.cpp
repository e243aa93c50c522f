// posixmodule_dir.cpp: reading directories: os.listdir, os.scandir and its
// posix.ScandirIterator and posix.DirEntry types.
// Mirrors the listdir/scandir part of CPython 3.11 Modules/posixmodule.c
// (_posix_listdir, ScandirIterator_*, DirEntry_*). Book chapter 12.
//
// Design notes
// ------------
// * A DirEntry keeps what readdir() said (d_type, d_ino), so is_dir(),
//   is_file() and is_symlink() need no system call unless the file system
//   reported DT_UNKNOWN or a symlink has to be followed. stat() results
//   are cached per entry: one for follow_symlinks=True, one for False.
// * An entry's name and path are bytes when scandir was given bytes, str
//   otherwise; path is the scandir argument joined with the name ("./x"
//   when the argument was omitted), or the bare name when scandir read an
//   fd (the entry then stats relative to that fd, like CPython's dir_fd).
// * The iterator closes its DIR* when exhausted, on close(), on __exit__
//   and when freed; freeing an iterator that is still open warns
//   "unclosed scandir iterator" (ResourceWarning), as CPython's finalizer.
#include <dirent.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "clinic_args.h"
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/genericaliasobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/objimpl.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/typeobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "minipy/runtime/warnings.h"
#include "posixmodule.h"

namespace minipy::modules::posix {

using namespace runtime;

namespace {

// Opens the directory a path_t names: a path, or a dup of an fd (closedir
// must not close the caller's fd). "." when the path was omitted.
DIR* open_dir(const path_t& path)
{
    if (path.fd >= 0) {
        int fd = dup(path.fd);
        if (fd < 0) return nullptr;
        DIR* d = fdopendir(fd);
        if (!d) {
            int saved = errno;
            close(fd);
            errno = saved;
            return nullptr;
        }
        return d;
    }
    return opendir(path.is_none ? "." : path.c_str());
}

bool is_dot_or_dotdot(const char* name)
{
    return name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0'));
}

// --- listdir -------------------------------------------------------------------------------

Ref<> os_listdir(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[1] = {};
    if (!parse_clinic_args("listdir", args, nargs, kwnames, {"path"}, 1, 0, a)) return nullptr;
    path_t path;
    path.function_name = "listdir";
    path.nullable = true;
    path.allow_fd = true;
    if (!path_converter(a[0], &path)) return nullptr;
    DIR* dir = open_dir(path);
    if (!dir) return path_error(path);
    Ref<> list = list_new(0);
    if (!list) {
        closedir(dir);
        return nullptr;
    }
    for (;;) {
        errno = 0;
        struct dirent* ep = readdir(dir);
        if (!ep) {
            if (errno != 0) {
                int saved = errno;
                closedir(dir);
                errno = saved;
                return path_error(path);
            }
            break;
        }
        if (is_dot_or_dotdot(ep->d_name)) continue;
        Ref<> name = fs_name(ep->d_name, std::strlen(ep->d_name), path.is_bytes);
        if (!name || list_append(list.get(), name.get()) < 0) {
            closedir(dir);
            return nullptr;
        }
    }
    // An fd's position is shared with the dup: rewind it for the caller.
    if (path.fd >= 0) rewinddir(dir);
    closedir(dir);
    return list;
}

// --- DirEntry -------------------------------------------------------------------------------

struct DirEntryObject : Object {
    Object* name;   // str or bytes
    Object* path;   // str or bytes
    Object* stat;   // cached stat_result (follow_symlinks=True) or null
    Object* lstat;  // cached stat_result (no following) or null
    unsigned char d_type;
    ino_t d_ino;
    int dir_fd;  // the scandir fd, or -1 when the entry came from a path
};

extern TypeObject DirEntry_Type;

DirEntryObject* E(Object* op) { return static_cast<DirEntryObject*>(op); }

void direntry_dealloc(Object* op)
{
    DirEntryObject* e = E(op);
    clear_ref(e->name);
    clear_ref(e->path);
    clear_ref(e->stat);
    clear_ref(e->lstat);
    object_dealloc_memory(op);
}

Ref<> direntry_repr(Object* op) { return unicode_from_format("<DirEntry %R>", E(op)->name); }

// DirEntry_fetch_stat: one stat system call on the entry.
Ref<> fetch_stat(DirEntryObject* e, bool follow_symlinks)
{
    path_t path;
    path.is_bytes = bytes_check(e->path);
    path.object = new_ref(e->path);
    Ref<> encoded = path.is_bytes ? new_ref(e->path) : unicode_encode_fs_default(e->path);
    if (!encoded) return nullptr;
    path.narrow.assign(bytes_view(encoded.get()));
    struct stat st;
    int r;
    if (e->dir_fd >= 0) {
        Ref<> nm = path.is_bytes ? new_ref(e->name) : unicode_encode_fs_default(e->name);
        if (!nm) return nullptr;
        std::string name(bytes_view(nm.get()));
        r = fstatat(e->dir_fd, name.c_str(), &st, follow_symlinks ? 0 : AT_SYMLINK_NOFOLLOW);
    }
    else r = follow_symlinks ? ::stat(path.c_str(), &st) : ::lstat(path.c_str(), &st);
    if (r != 0) return path_error(path);
    return stat_result_from(st);
}

Ref<> get_lstat(DirEntryObject* e)
{
    if (!e->lstat) {
        Ref<> st = fetch_stat(e, false);
        if (!st) return nullptr;
        e->lstat = st.release();
    }
    return new_ref(e->lstat);
}

int test_symlink(DirEntryObject* e)
{
    if (e->d_type != DT_UNKNOWN) return e->d_type == DT_LNK;
    Ref<> st = get_lstat(e);
    if (!st) return -1;
    Ref<> mode = object_get_attr_string(st.get(), "st_mode");
    if (!mode) return -1;
    long long m = long_as_long_long(mode.get());
    if (m == -1 && error_occurred()) return -1;
    return S_ISLNK(static_cast<mode_t>(m));
}

Ref<> get_stat(DirEntryObject* e, bool follow_symlinks)
{
    if (!follow_symlinks) return get_lstat(e);
    if (!e->stat) {
        int link = test_symlink(e);
        if (link < 0) return nullptr;
        if (link) {
            Ref<> st = fetch_stat(e, true);
            if (!st) return nullptr;
            e->stat = st.release();
        }
        else {
            Ref<> st = get_lstat(e);
            if (!st) return nullptr;
            e->stat = st.release();
        }
    }
    return new_ref(e->stat);
}

// DirEntry_test_mode: is_dir/is_file; a file that vanished is neither.
int test_mode(DirEntryObject* e, bool follow_symlinks, mode_t mode_bits)
{
    bool need_stat = e->d_type == DT_UNKNOWN;
    if (!need_stat && follow_symlinks) {
        int link = test_symlink(e);
        if (link < 0) return -1;
        need_stat = link;
    }
    if (need_stat) {
        Ref<> st = get_stat(e, follow_symlinks);
        if (!st) {
            if (error_matches(Exc_FileNotFoundError)) {
                error_clear();
                return 0;
            }
            return -1;
        }
        Ref<> mode = object_get_attr_string(st.get(), "st_mode");
        if (!mode) return -1;
        long long m = long_as_long_long(mode.get());
        if (m == -1 && error_occurred()) return -1;
        return (static_cast<mode_t>(m) & S_IFMT) == mode_bits;
    }
    if (mode_bits == S_IFDIR) return e->d_type == DT_DIR;
    return e->d_type == DT_REG;
}

bool follow_arg(const char* fname, Object* const* args, Py_ssize_t nargs, Object* kwnames, bool* follow)
{
    Object* a[1] = {};
    *follow = true;
    return parse_clinic_args(fname, args, nargs, kwnames, {"follow_symlinks"}, 0, 0, a) && bool_converter(a[0], follow);
}

Ref<> direntry_is_dir(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    bool follow;
    if (!follow_arg("is_dir", args, nargs, kwnames, &follow)) return nullptr;
    int r = test_mode(E(self), follow, S_IFDIR);
    if (r < 0) return nullptr;
    return new_ref(r ? Py_True() : Py_False());
}

Ref<> direntry_is_file(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    bool follow;
    if (!follow_arg("is_file", args, nargs, kwnames, &follow)) return nullptr;
    int r = test_mode(E(self), follow, S_IFREG);
    if (r < 0) return nullptr;
    return new_ref(r ? Py_True() : Py_False());
}

Ref<> direntry_is_symlink(Object* self, Object*)
{
    int r = test_symlink(E(self));
    if (r < 0) return nullptr;
    return new_ref(r ? Py_True() : Py_False());
}

Ref<> direntry_stat(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    bool follow;
    if (!follow_arg("stat", args, nargs, kwnames, &follow)) return nullptr;
    return get_stat(E(self), follow);
}

Ref<> direntry_inode(Object* self, Object*) { return long_from_unsigned(E(self)->d_ino); }

Ref<> direntry_fspath(Object* self, Object*) { return new_ref(E(self)->path); }

Ref<> direntry_new(TypeObject*, Object*, Object*)
{
    return format_error(Exc_TypeError, "cannot create 'posix.DirEntry' instances");
}

MethodDef direntry_methods[] = {
    method_fastkw("stat", direntry_stat, "Return stat_result object for the entry; cached per entry."),
    method_fastkw("is_dir", direntry_is_dir, "Return True if the entry is a directory; cached per entry."),
    method_fastkw("is_file", direntry_is_file, "Return True if the entry is a file; cached per entry."),
    method_noargs("is_symlink", direntry_is_symlink, "Return True if the entry is a symbolic link; cached per entry."),
    method_noargs("inode", direntry_inode, "Return inode of the entry; cached per entry."),
    method_noargs("__fspath__", direntry_fspath, "Returns the path for the entry."),
    method_o("__class_getitem__", generic_alias_class_getitem, "See PEP 585", METH_CLASS),
    {},
};

MemberDef direntry_members[] = {
    {"name", T_OBJECT, offsetof(DirEntryObject, name), READONLY, "the entry's base filename, relative to scandir() \"path\" argument"},
    {"path", T_OBJECT, offsetof(DirEntryObject, path), READONLY, "the entry's full path name; equivalent to os.path.join(scandir_path, entry.name)"},
    {},
};

TypeObject DirEntry_Type = [] {
    TypeObject t = static_type("posix.DirEntry", sizeof(DirEntryObject), 0, Py_TPFLAGS_DEFAULT, nullptr);
    t.tp_dealloc = direntry_dealloc;
    t.tp_repr = direntry_repr;
    t.tp_getattro = object_generic_get_attr;
    t.tp_methods = direntry_methods;
    t.tp_members = direntry_members;
    t.tp_new = direntry_new;
    return t;
}();

// --- ScandirIterator -------------------------------------------------------------------------

struct ScandirIteratorObject : Object {
    DIR* dirp;     // null once closed
    Object* path;  // the scandir argument: str/bytes, an int fd, or None
    std::string* narrow;  // the encoded directory path (owned), prefix of entry paths
    bool is_bytes;
    int fd;  // the scandir fd (entries stat relative to it), or -1
};

extern TypeObject ScandirIterator_Type;

ScandirIteratorObject* I(Object* op) { return static_cast<ScandirIteratorObject*>(op); }

void scandir_close(ScandirIteratorObject* it)
{
    if (!it->dirp) return;
    DIR* d = it->dirp;
    it->dirp = nullptr;
    if (it->fd >= 0) rewinddir(d);
    closedir(d);
}

void scandir_finalize(Object* op)
{
    ScandirIteratorObject* it = I(op);
    if (!it->dirp) return;
    Ref<> exc = fetch_exception();
    Ref<> msg = unicode_from_format("unclosed scandir iterator %R", op);
    if (msg) {
        const char* text = unicode_as_utf8(msg.get());
        if (!text || error_warn(Exc_ResourceWarning, text, 1) < 0) error_write_unraisable(op);
    }
    else error_write_unraisable(op);
    error_clear();
    scandir_close(it);
    restore_exception(std::move(exc));
}

void scandir_dealloc(Object* op)
{
    if (object_call_finalizer_from_dealloc(op) < 0) return;  // resurrected
    ScandirIteratorObject* it = I(op);
    scandir_close(it);
    clear_ref(it->path);
    delete it->narrow;
    object_dealloc_memory(op);
}

Ref<> make_entry(ScandirIteratorObject* it, const struct dirent* ep)
{
    Ref<DirEntryObject> e = object_new<DirEntryObject>(&DirEntry_Type);
    if (!e) return nullptr;
    e->name = e->path = e->stat = e->lstat = nullptr;
    e->d_type = ep->d_type;
    e->d_ino = ep->d_ino;
    e->dir_fd = it->fd;
    std::size_t len = std::strlen(ep->d_name);
    Ref<> name = fs_name(ep->d_name, len, it->is_bytes);
    if (!name) return nullptr;
    e->name = name.release();
    if (it->fd >= 0) {
        e->path = new_ref(e->name).release();
    }
    else {
        // join_path_filename: no separator is added after a trailing '/'.
        std::string joined = *it->narrow;
        if (!joined.empty() && joined.back() != '/') joined += '/';
        joined.append(ep->d_name, len);
        Ref<> path = fs_name(joined.data(), joined.size(), it->is_bytes);
        if (!path) return nullptr;
        e->path = path.release();
    }
    return e;
}

Ref<> scandir_iternext(Object* op)
{
    ScandirIteratorObject* it = I(op);
    if (!it->dirp) return nullptr;
    for (;;) {
        errno = 0;
        struct dirent* ep = readdir(it->dirp);
        if (!ep) {
            if (errno != 0) {
                int saved = errno;
                scandir_close(it);
                errno = saved;
                return set_from_errno_with_filename_object(Exc_OSError, it->path);
            }
            scandir_close(it);
            return nullptr;
        }
        if (is_dot_or_dotdot(ep->d_name)) continue;
        return make_entry(it, ep);
    }
}

Ref<> scandir_close_method(Object* self, Object*)
{
    scandir_close(I(self));
    return none_ref();
}

Ref<> scandir_enter(Object* self, Object*) { return new_ref(self); }

Ref<> scandir_exit(Object* self, Object* const*, Py_ssize_t)
{
    scandir_close(I(self));
    return none_ref();
}

Ref<> scandir_new(TypeObject*, Object*, Object*)
{
    return format_error(Exc_TypeError, "cannot create 'posix.ScandirIterator' instances");
}

MethodDef scandir_methods[] = {
    method_noargs("__enter__", scandir_enter),
    method_fast("__exit__", scandir_exit),
    method_noargs("close", scandir_close_method),
    {},
};

TypeObject ScandirIterator_Type = [] {
    TypeObject t =
        static_type("posix.ScandirIterator", sizeof(ScandirIteratorObject), 0, Py_TPFLAGS_DEFAULT, nullptr);
    t.tp_dealloc = scandir_dealloc;
    t.tp_finalize = scandir_finalize;
    t.tp_getattro = object_generic_get_attr;
    t.tp_iter = object_self_iter;
    t.tp_iternext = scandir_iternext;
    t.tp_methods = scandir_methods;
    t.tp_new = scandir_new;
    return t;
}();

Ref<> os_scandir(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[1] = {};
    if (!parse_clinic_args("scandir", args, nargs, kwnames, {"path"}, 1, 0, a)) return nullptr;
    path_t path;
    path.function_name = "scandir";
    path.nullable = true;
    path.allow_fd = true;
    if (!path_converter(a[0], &path)) return nullptr;
    Ref<ScandirIteratorObject> it = object_new<ScandirIteratorObject>(&ScandirIterator_Type);
    if (!it) return nullptr;
    it->dirp = nullptr;
    it->path = new_ref(path.object.get()).release();
    it->narrow = new std::string(path.is_none ? "." : path.narrow);
    it->is_bytes = path.is_bytes;
    it->fd = path.fd;
    DIR* d = open_dir(path);
    if (!d) return path_error(path);
    it->dirp = d;
    return it;
}

MethodDef dir_methods[] = {
    method_fastkw("listdir", os_listdir, "Return a list containing the names of the files in the directory."),
    method_fastkw("scandir", os_scandir, "Return an iterator of DirEntry objects for given path."),
    {},
};

}  // namespace

int posix_dir_init(Object* module)
{
    for (TypeObject* t : {&DirEntry_Type, &ScandirIterator_Type})
        if (!(t->tp_flags & Py_TPFLAGS_READY) && type_ready(t) < 0) return -1;
    if (module_add_functions(module, dir_methods) < 0) return -1;
    return module_add_object(module, "DirEntry", &DirEntry_Type);
}

}  // namespace minipy::modules::posix
