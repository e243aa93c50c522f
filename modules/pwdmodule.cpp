// pwdmodule.cpp: the pwd module: the Unix password database
// (getpwuid, getpwnam, getpwall) as pwd.struct_passwd struct sequences.
// Mirrors CPython 3.11 Modules/pwdmodule.c; os.path.expanduser('~user')
// and shutil.chown(user=name) use it. Book chapter 12.
//
// The reentrant getpw*_r calls are used with a buffer that grows on
// ERANGE; text fields decode with the file system encoding.
#include <pwd.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <vector>

#include "minipy/runtime/abstract.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/structseq.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::modules {

using namespace runtime;

namespace {

const StructSequenceField struct_pwd_fields[] = {
    {"pw_name", "user name"}, {"pw_passwd", "password"}, {"pw_uid", "user id"}, {"pw_gid", "group id"},
    {"pw_gecos", "real name"}, {"pw_dir", "home directory"}, {"pw_shell", "shell program"}, {},
};

const StructSequenceDesc struct_pwd_desc = {
    "pwd.struct_passwd",
    "pwd.struct_passwd: Results from getpw*() routines.\n\n"
    "This object may be accessed either as a tuple of\n"
    "  (pw_name,pw_passwd,pw_uid,pw_gid,pw_gecos,pw_dir,pw_shell)\n"
    "or via the object attributes as named in the above tuple.",
    struct_pwd_fields,
    7,
};

TypeObject* struct_pwd_type = nullptr;  // immortal (structseq_new_type)

Ref<> fs_text(const char* s)
{
    return unicode_decode_fs_default(s ? std::string_view(s) : std::string_view());
}

Ref<> mkpwent(const struct passwd& p)
{
    Ref<> v = structseq_new(struct_pwd_type);
    if (!v) return nullptr;
    Ref<> items[] = {fs_text(p.pw_name),  fs_text(p.pw_passwd), long_from_unsigned(p.pw_uid),
                     long_from_unsigned(p.pw_gid), fs_text(p.pw_gecos), fs_text(p.pw_dir),
                     fs_text(p.pw_shell)};
    for (int i = 0; i < 7; i++) {
        if (!items[i]) return nullptr;
        structseq_set_item(v.get(), i, items[i].release());
    }
    return v;
}

// Calls getpwuid_r/getpwnam_r with a growing buffer: 0 and *found, or an errno.
template <class F>
int lookup(F call, struct passwd* pw, std::vector<char>* buf, bool* found)
{
    long size = sysconf(_SC_GETPW_R_SIZE_MAX);
    buf->resize(size > 0 ? static_cast<std::size_t>(size) : 1024);
    for (;;) {
        struct passwd* result = nullptr;
        int err = call(pw, buf->data(), buf->size(), &result);
        if (err == ERANGE) {
            buf->resize(buf->size() * 2);
            continue;
        }
        *found = result != nullptr;
        return err;
    }
}

Ref<> pwd_getpwuid(Object*, Object* arg)
{
    if (!long_check(arg))
        return format_error(Exc_TypeError, "uid should be integer, not %.200s", Py_TYPE(arg)->tp_name);
    int overflow = 0;
    long long v = long_as_long_long_and_overflow(arg, &overflow);
    if (v == -1 && error_occurred()) return nullptr;
    // _Py_Uid_Converter: -1 is (uid_t)-1; anything else outside uid_t is
    // an unknown uid here, as CPython's OverflowError turns into KeyError.
    if (overflow || v < -1 || v > static_cast<long long>(UINT_MAX))
        return format_error(Exc_KeyError, "getpwuid(): uid not found");
    uid_t uid = static_cast<uid_t>(v);
    struct passwd pw;
    std::vector<char> buf;
    bool found;
    lookup([uid](struct passwd* p, char* b, std::size_t n, struct passwd** r) { return getpwuid_r(uid, p, b, n, r); },
           &pw, &buf, &found);
    if (!found) {
        if (v < 0) return format_error(Exc_KeyError, "getpwuid(): uid not found");
        Ref<> msg = unicode_from_format("getpwuid(): uid not found: %lld", v);
        if (msg) set_error_object(Exc_KeyError, msg.get());
        return nullptr;
    }
    return mkpwent(pw);
}

Ref<> pwd_getpwnam(Object*, Object* arg)
{
    if (!unicode_check(arg))
        return format_error(Exc_TypeError, "getpwnam() argument must be str, not %.50s", Py_TYPE(arg)->tp_name);
    Ref<> bytes = unicode_encode_fs_default(arg);
    if (!bytes) return nullptr;
    std::string name(bytes_view(bytes.get()));
    if (name.find('\0') != std::string::npos) return format_error(Exc_ValueError, "embedded null byte");
    struct passwd pw;
    std::vector<char> buf;
    bool found;
    lookup([&name](struct passwd* p, char* b, std::size_t n,
                   struct passwd** r) { return getpwnam_r(name.c_str(), p, b, n, r); },
           &pw, &buf, &found);
    if (!found) {
        Ref<> msg = unicode_from_format("getpwnam(): name not found: %R", arg);
        if (msg) set_error_object(Exc_KeyError, msg.get());
        return nullptr;
    }
    return mkpwent(pw);
}

Ref<> pwd_getpwall(Object*, Object*)
{
    Ref<> list = list_new(0);
    if (!list) return nullptr;
    setpwent();
    while (struct passwd* p = getpwent()) {
        Ref<> v = mkpwent(*p);
        if (!v || list_append(list.get(), v.get()) < 0) {
            endpwent();
            return nullptr;
        }
    }
    endpwent();
    return list;
}

MethodDef pwd_methods[] = {
    method_o("getpwuid", pwd_getpwuid, "getpwuid($module, uidobj, /)\n--\n\nReturn the password database entry for the given numeric user ID.\n\nSee `help(pwd)` for more on password database entries."),
    method_o("getpwnam", pwd_getpwnam, "getpwnam($module, name, /)\n--\n\nReturn the password database entry for the given user name.\n\nSee `help(pwd)` for more on password database entries."),
    method_noargs("getpwall", pwd_getpwall, "getpwall($module, /)\n--\n\nReturn a list of all available password database entries, in arbitrary order.\n\nSee help(pwd) for more on password database entries."),
    {},
};

}  // namespace

Ref<> pwd_module_create()
{
    if (!struct_pwd_type) {
        Ref<TypeObject> t = structseq_new_type(&struct_pwd_desc);
        if (!t) return nullptr;
        struct_pwd_type = t.release();  // immortal, like a static type
    }
    Ref<> mod = module_new("pwd");
    if (!mod || module_add_functions(mod.get(), pwd_methods) < 0) return nullptr;
    if (module_add_object(mod.get(), "struct_passwd", struct_pwd_type) < 0) return nullptr;
    Ref<> doc = unicode_from_string(
        "This module provides access to the Unix password database.\n"
        "It is available on all Unix versions.\n\n"
        "Password database entries are reported as 7-tuples containing the following\n"
        "items from the password database (see `<pwd.h>'), in order:\n"
        "pw_name, pw_passwd, pw_uid, pw_gid, pw_gecos, pw_dir, pw_shell.\n"
        "The uid and gid items are integers, all others are strings. An\n"
        "exception is raised if the entry asked for cannot be found.");
    if (!doc || module_add_object(mod.get(), "__doc__", doc.get()) < 0) return nullptr;
    return mod;
}

}  // namespace minipy::modules
