// errnomodule.cpp: the errno module: the platform's error codes by name,
// and errorcode mapping each code back to its name.
// Mirrors CPython 3.11 Modules/errnomodule.c. Book chapter 12, "The Standard
// Library".
//
// The names are added in CPython's order, each only when the C library
// defines it; an alias (EWOULDBLOCK for EAGAIN, EDEADLOCK, ENOTSUP) keeps
// the code's first position in errorcode but its later name, as
// CPython's PyDict_SetItem sequence leaves it.
#include <cerrno>

#include "minipy/runtime/abstract.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::modules {

using namespace runtime;

namespace {

// Adds errno.NAME = code and errorcode[code] = "NAME".
int add_errcode(Object* mod, Object* errorcode, const char* name, int code)
{
    Ref<> name_obj = unicode_from_string(name);
    Ref<> code_obj = long_from_long(code);
    if (!name_obj || !code_obj) return -1;
    if (module_add_object(mod, name, code_obj.get()) < 0) return -1;
    return dict_set_item(errorcode, code_obj.get(), name_obj.get());
}

}  // namespace

Ref<> errno_module_create()
{
    Ref<> mod = module_new("errno");
    Ref<> errorcode = dict_new();
    if (!mod || !errorcode) return nullptr;
    if (module_add_object(mod.get(), "errorcode", errorcode.get()) < 0) return nullptr;
#define ERR_DEFINED(name) \
    if (add_errcode(mod.get(), errorcode.get(), #name, name) < 0) return nullptr;
    // CPython's table, in its order; each name only where <cerrno> has it.
#ifdef ENODEV
    ERR_DEFINED(ENODEV)
#endif
#ifdef ENOCSI
    ERR_DEFINED(ENOCSI)
#endif
#ifdef EHOSTUNREACH
    ERR_DEFINED(EHOSTUNREACH)
#endif
#ifdef ENOMSG
    ERR_DEFINED(ENOMSG)
#endif
#ifdef EUCLEAN
    ERR_DEFINED(EUCLEAN)
#endif
#ifdef EL2NSYNC
    ERR_DEFINED(EL2NSYNC)
#endif
#ifdef EL2HLT
    ERR_DEFINED(EL2HLT)
#endif
#ifdef ENODATA
    ERR_DEFINED(ENODATA)
#endif
#ifdef ENOTBLK
    ERR_DEFINED(ENOTBLK)
#endif
#ifdef ENOSYS
    ERR_DEFINED(ENOSYS)
#endif
#ifdef EPIPE
    ERR_DEFINED(EPIPE)
#endif
#ifdef EINVAL
    ERR_DEFINED(EINVAL)
#endif
#ifdef EOVERFLOW
    ERR_DEFINED(EOVERFLOW)
#endif
#ifdef EADV
    ERR_DEFINED(EADV)
#endif
#ifdef EINTR
    ERR_DEFINED(EINTR)
#endif
#ifdef EUSERS
    ERR_DEFINED(EUSERS)
#endif
#ifdef ENOTEMPTY
    ERR_DEFINED(ENOTEMPTY)
#endif
#ifdef ENOBUFS
    ERR_DEFINED(ENOBUFS)
#endif
#ifdef EPROTO
    ERR_DEFINED(EPROTO)
#endif
#ifdef EREMOTE
    ERR_DEFINED(EREMOTE)
#endif
#ifdef ENAVAIL
    ERR_DEFINED(ENAVAIL)
#endif
#ifdef ECHILD
    ERR_DEFINED(ECHILD)
#endif
#ifdef ELOOP
    ERR_DEFINED(ELOOP)
#endif
#ifdef EXDEV
    ERR_DEFINED(EXDEV)
#endif
#ifdef E2BIG
    ERR_DEFINED(E2BIG)
#endif
#ifdef ESRCH
    ERR_DEFINED(ESRCH)
#endif
#ifdef EMSGSIZE
    ERR_DEFINED(EMSGSIZE)
#endif
#ifdef EAFNOSUPPORT
    ERR_DEFINED(EAFNOSUPPORT)
#endif
#ifdef EBADR
    ERR_DEFINED(EBADR)
#endif
#ifdef EHOSTDOWN
    ERR_DEFINED(EHOSTDOWN)
#endif
#ifdef EPFNOSUPPORT
    ERR_DEFINED(EPFNOSUPPORT)
#endif
#ifdef ENOPROTOOPT
    ERR_DEFINED(ENOPROTOOPT)
#endif
#ifdef EBUSY
    ERR_DEFINED(EBUSY)
#endif
#ifdef EWOULDBLOCK
    ERR_DEFINED(EWOULDBLOCK)
#endif
#ifdef EBADFD
    ERR_DEFINED(EBADFD)
#endif
#ifdef EDOTDOT
    ERR_DEFINED(EDOTDOT)
#endif
#ifdef EISCONN
    ERR_DEFINED(EISCONN)
#endif
#ifdef ENOANO
    ERR_DEFINED(ENOANO)
#endif
#ifdef ESHUTDOWN
    ERR_DEFINED(ESHUTDOWN)
#endif
#ifdef ECHRNG
    ERR_DEFINED(ECHRNG)
#endif
#ifdef ELIBBAD
    ERR_DEFINED(ELIBBAD)
#endif
#ifdef ENONET
    ERR_DEFINED(ENONET)
#endif
#ifdef EBADE
    ERR_DEFINED(EBADE)
#endif
#ifdef EBADF
    ERR_DEFINED(EBADF)
#endif
#ifdef EMULTIHOP
    ERR_DEFINED(EMULTIHOP)
#endif
#ifdef EIO
    ERR_DEFINED(EIO)
#endif
#ifdef EUNATCH
    ERR_DEFINED(EUNATCH)
#endif
#ifdef EPROTOTYPE
    ERR_DEFINED(EPROTOTYPE)
#endif
#ifdef ENOSPC
    ERR_DEFINED(ENOSPC)
#endif
#ifdef ENOEXEC
    ERR_DEFINED(ENOEXEC)
#endif
#ifdef EALREADY
    ERR_DEFINED(EALREADY)
#endif
#ifdef ENETDOWN
    ERR_DEFINED(ENETDOWN)
#endif
#ifdef ENOTNAM
    ERR_DEFINED(ENOTNAM)
#endif
#ifdef EACCES
    ERR_DEFINED(EACCES)
#endif
#ifdef ELNRNG
    ERR_DEFINED(ELNRNG)
#endif
#ifdef EILSEQ
    ERR_DEFINED(EILSEQ)
#endif
#ifdef ENOTDIR
    ERR_DEFINED(ENOTDIR)
#endif
#ifdef ENOTUNIQ
    ERR_DEFINED(ENOTUNIQ)
#endif
#ifdef EPERM
    ERR_DEFINED(EPERM)
#endif
#ifdef EDOM
    ERR_DEFINED(EDOM)
#endif
#ifdef EXFULL
    ERR_DEFINED(EXFULL)
#endif
#ifdef ECONNREFUSED
    ERR_DEFINED(ECONNREFUSED)
#endif
#ifdef EISDIR
    ERR_DEFINED(EISDIR)
#endif
#ifdef EPROTONOSUPPORT
    ERR_DEFINED(EPROTONOSUPPORT)
#endif
#ifdef EROFS
    ERR_DEFINED(EROFS)
#endif
#ifdef EADDRNOTAVAIL
    ERR_DEFINED(EADDRNOTAVAIL)
#endif
#ifdef EIDRM
    ERR_DEFINED(EIDRM)
#endif
#ifdef ECOMM
    ERR_DEFINED(ECOMM)
#endif
#ifdef ESRMNT
    ERR_DEFINED(ESRMNT)
#endif
#ifdef EREMOTEIO
    ERR_DEFINED(EREMOTEIO)
#endif
#ifdef EL3RST
    ERR_DEFINED(EL3RST)
#endif
#ifdef EBADMSG
    ERR_DEFINED(EBADMSG)
#endif
#ifdef ENFILE
    ERR_DEFINED(ENFILE)
#endif
#ifdef ELIBMAX
    ERR_DEFINED(ELIBMAX)
#endif
#ifdef ESPIPE
    ERR_DEFINED(ESPIPE)
#endif
#ifdef ENOLINK
    ERR_DEFINED(ENOLINK)
#endif
#ifdef ENETRESET
    ERR_DEFINED(ENETRESET)
#endif
#ifdef ETIMEDOUT
    ERR_DEFINED(ETIMEDOUT)
#endif
#ifdef ENOENT
    ERR_DEFINED(ENOENT)
#endif
#ifdef EEXIST
    ERR_DEFINED(EEXIST)
#endif
#ifdef EDQUOT
    ERR_DEFINED(EDQUOT)
#endif
#ifdef ENOSTR
    ERR_DEFINED(ENOSTR)
#endif
#ifdef EBADSLT
    ERR_DEFINED(EBADSLT)
#endif
#ifdef EBADRQC
    ERR_DEFINED(EBADRQC)
#endif
#ifdef ELIBACC
    ERR_DEFINED(ELIBACC)
#endif
#ifdef EFAULT
    ERR_DEFINED(EFAULT)
#endif
#ifdef EFBIG
    ERR_DEFINED(EFBIG)
#endif
#ifdef EDEADLK
    ERR_DEFINED(EDEADLK)
#endif
#ifdef ENOTCONN
    ERR_DEFINED(ENOTCONN)
#endif
#ifdef EDESTADDRREQ
    ERR_DEFINED(EDESTADDRREQ)
#endif
#ifdef ELIBSCN
    ERR_DEFINED(ELIBSCN)
#endif
#ifdef ENOLCK
    ERR_DEFINED(ENOLCK)
#endif
#ifdef EISNAM
    ERR_DEFINED(EISNAM)
#endif
#ifdef ECONNABORTED
    ERR_DEFINED(ECONNABORTED)
#endif
#ifdef ENETUNREACH
    ERR_DEFINED(ENETUNREACH)
#endif
#ifdef ESTALE
    ERR_DEFINED(ESTALE)
#endif
#ifdef ENOSR
    ERR_DEFINED(ENOSR)
#endif
#ifdef ENOMEM
    ERR_DEFINED(ENOMEM)
#endif
#ifdef ENOTSOCK
    ERR_DEFINED(ENOTSOCK)
#endif
#ifdef ESTRPIPE
    ERR_DEFINED(ESTRPIPE)
#endif
#ifdef EMLINK
    ERR_DEFINED(EMLINK)
#endif
#ifdef ERANGE
    ERR_DEFINED(ERANGE)
#endif
#ifdef ELIBEXEC
    ERR_DEFINED(ELIBEXEC)
#endif
#ifdef EL3HLT
    ERR_DEFINED(EL3HLT)
#endif
#ifdef ECONNRESET
    ERR_DEFINED(ECONNRESET)
#endif
#ifdef EADDRINUSE
    ERR_DEFINED(EADDRINUSE)
#endif
#ifdef EOPNOTSUPP
    ERR_DEFINED(EOPNOTSUPP)
#endif
#ifdef EREMCHG
    ERR_DEFINED(EREMCHG)
#endif
#ifdef EAGAIN
    ERR_DEFINED(EAGAIN)
#endif
#ifdef ENAMETOOLONG
    ERR_DEFINED(ENAMETOOLONG)
#endif
#ifdef ENOTTY
    ERR_DEFINED(ENOTTY)
#endif
#ifdef ERESTART
    ERR_DEFINED(ERESTART)
#endif
#ifdef ESOCKTNOSUPPORT
    ERR_DEFINED(ESOCKTNOSUPPORT)
#endif
#ifdef ETIME
    ERR_DEFINED(ETIME)
#endif
#ifdef EBFONT
    ERR_DEFINED(EBFONT)
#endif
#ifdef EDEADLOCK
    ERR_DEFINED(EDEADLOCK)
#endif
#ifdef ETOOMANYREFS
    ERR_DEFINED(ETOOMANYREFS)
#endif
#ifdef EMFILE
    ERR_DEFINED(EMFILE)
#endif
#ifdef ETXTBSY
    ERR_DEFINED(ETXTBSY)
#endif
#ifdef EINPROGRESS
    ERR_DEFINED(EINPROGRESS)
#endif
#ifdef ENXIO
    ERR_DEFINED(ENXIO)
#endif
#ifdef ENOPKG
    ERR_DEFINED(ENOPKG)
#endif
#ifdef ENOMEDIUM
    ERR_DEFINED(ENOMEDIUM)
#endif
#ifdef EMEDIUMTYPE
    ERR_DEFINED(EMEDIUMTYPE)
#endif
#ifdef ECANCELED
    ERR_DEFINED(ECANCELED)
#endif
#ifdef ENOKEY
    ERR_DEFINED(ENOKEY)
#endif
#ifdef EKEYEXPIRED
    ERR_DEFINED(EKEYEXPIRED)
#endif
#ifdef EKEYREVOKED
    ERR_DEFINED(EKEYREVOKED)
#endif
#ifdef EKEYREJECTED
    ERR_DEFINED(EKEYREJECTED)
#endif
#ifdef EOWNERDEAD
    ERR_DEFINED(EOWNERDEAD)
#endif
#ifdef ENOTRECOVERABLE
    ERR_DEFINED(ENOTRECOVERABLE)
#endif
#ifdef ERFKILL
    ERR_DEFINED(ERFKILL)
#endif
#ifdef ENOTSUP
    ERR_DEFINED(ENOTSUP)
#endif
#undef ERR_DEFINED
    Ref<> doc = unicode_from_string(
        "This module makes available standard errno system symbols.\n\n"
        "The value of each symbol is the corresponding integer value,\n"
        "e.g., on most systems, errno.ENOENT equals the integer 2.\n\n"
        "The dictionary errno.errorcode maps numeric codes to symbol names,\n"
        "e.g., errno.errorcode[2] could be the string 'ENOENT'.\n\n"
        "Symbols that are not relevant to the underlying system are not defined.\n\n"
        "To map error codes to error messages, use the function os.strerror(),\n"
        "e.g. os.strerror(2) could return 'No such file or directory'.");
    if (!doc || module_add_object(mod.get(), "__doc__", doc.get()) < 0) return nullptr;
    return mod;
}

}  // namespace minipy::modules
