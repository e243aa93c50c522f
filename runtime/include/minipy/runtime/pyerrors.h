// pyerrors.h: the error indicator API and the built-in exception types.
// Mirrors CPython 3.11 Include/pyerrors.h, Include/cpython/pyerrors.h,
// Python/errors.c and Objects/exceptions.c. Book chapter 11.
//
// Convention (everywhere in minipy): a function that fails sets the error
// indicator on the thread state and returns nullptr (Ref<>) or -1. Callers
// either handle it (error_matches + error_clear) or return failure too.
#pragma once

#include <cstdarg>

#include "minipy/runtime/object.h"

namespace minipy::runtime {

// --- The error indicator (Python/errors.c) ---------------------------------

// PyErr_SetObject: raises type(value) (value may be an argument or instance).
void set_error_object(TypeObject* type, Object* value);
// PyErr_SetString.
void set_error(TypeObject* type, const char* message);
// PyErr_SetNone.
void set_error_none(TypeObject* type);
// PyErr_Format: formats like unicode_from_format (%s %d %zd %R %S %U %c %x
// %p %V ...), raises, and returns nullptr so callers can `return format_error(...)`.
std::nullptr_t format_error(TypeObject* type, const char* format, ...);
std::nullptr_t format_error_v(TypeObject* type, const char* format, va_list va);
// PyErr_Occurred: the current exception's type (borrowed) or nullptr.
[[nodiscard]] TypeObject* error_occurred();
// PyErr_ExceptionMatches / PyErr_GivenExceptionMatches (exc may be a tuple).
[[nodiscard]] bool error_matches(TypeObject* exc);
[[nodiscard]] bool given_exception_matches(Object* given, Object* exc);
void error_clear();
// PyErr_Fetch/PyErr_Restore: move the indicator out of and into the thread state.
void fetch_error(Ref<>* type, Ref<>* value, Ref<>* traceback);
void restore_error(Ref<> type, Ref<> value, Ref<> traceback);
// PyErr_GetRaisedException-style helper: the current exception (owned) or null.
[[nodiscard]] Ref<> fetch_exception();
void restore_exception(Ref<> exc);
// _PyErr_ChainExceptions: re-raises exc (an earlier error, may be null:
// nothing to do); if an exception is set now, exc becomes its __context__.
void chain_exceptions(Ref<> exc);
// PyErr_NoMemory, PyErr_BadInternalCall, PyErr_BadArgument.
std::nullptr_t error_no_memory();
std::nullptr_t error_bad_internal_call();
// PyErr_SetFromErrno, PyErr_SetFromErrnoWithFilenameObject(s): raises
// type (OSError: the subclass errno maps to) from the current errno, with
// the filenames (borrowed, may be null) shown as "[Errno 2] ...: 'x' -> 'y'".
std::nullptr_t set_from_errno(TypeObject* type);
std::nullptr_t set_from_errno_with_filename_object(TypeObject* type, Object* filename);
std::nullptr_t set_from_errno_with_filename_objects(TypeObject* type, Object* filename, Object* filename2);
// PyErr_WriteUnraisable: reports an exception that cannot propagate.
void error_write_unraisable(Object* where);
// The handled exception (sys.exception()), borrowed, or nullptr.
Object* get_handled_exception();

// --- Exception objects (Objects/exceptions.c) ------------------------------

struct BaseExceptionObject : Object {
    Object* dict;
    Object* args;       // tuple
    Object* notes;      // unused, always null, as in 3.11 (__notes__ lives in dict)
    Object* traceback;  // null or traceback
    Object* context;
    Object* cause;
    char suppress_context;
};

struct SyntaxErrorObject : BaseExceptionObject {
    Object* msg;
    Object* filename;
    Object* lineno;
    Object* offset;
    Object* end_lineno;
    Object* end_offset;
    Object* text;
    Object* print_file_and_line;
};

struct ImportErrorObject : BaseExceptionObject {
    Object* msg;
    Object* name;
    Object* path;
};

struct UnicodeErrorObject : BaseExceptionObject {
    Object* encoding;
    Object* object;
    Py_ssize_t start;
    Py_ssize_t end;
    Object* reason;
};

struct SystemExitObject : BaseExceptionObject {
    Object* code;
};

struct StopIterationObject : BaseExceptionObject {
    Object* value;
};

struct OSErrorObject : BaseExceptionObject {
    Object* myerrno;
    Object* strerror;
    Object* filename;
    Object* filename2;
    Py_ssize_t written;  // only for BlockingIOError, -1 otherwise
};

struct NameErrorObject : BaseExceptionObject {
    Object* name;
};

struct AttributeErrorObject : BaseExceptionObject {
    Object* obj;
    Object* name;
};

struct BaseExceptionGroupObject : BaseExceptionObject {
    Object* msg;
    Object* excs;  // tuple of exceptions
};

// One X-macro list of the built-in hierarchy feeds the declarations here and
// the type definitions in exceptions.cpp.
#define MINIPY_EXC(name, base, layout) extern TypeObject* const Exc_##name;
#include "minipy/runtime/exceptions.def"
#undef MINIPY_EXC

inline bool exception_check(Object* op)
{
    return type_fast_subclass(Py_TYPE(op), Py_TPFLAGS_BASE_EXC_SUBCLASS);
}
inline bool exception_class_check(Object* op)
{
    return type_check(op) && type_fast_subclass(static_cast<TypeObject*>(op), Py_TPFLAGS_BASE_EXC_SUBCLASS);
}

// PyException_* accessors (borrowed results; setters steal the new value).
Object* exception_get_args(Object* exc);
Object* exception_get_context(Object* exc);
void exception_set_context(Object* exc, Ref<> context);
Object* exception_get_cause(Object* exc);
void exception_set_cause(Object* exc, Ref<> cause);  // also sets __suppress_context__
// A group derived from orig (split, subgroup, except*) takes orig's
// traceback, context, cause and a copy of its __notes__: 0 or -1.
[[nodiscard]] int exception_group_copy_metadata(Object* orig, Object* eg);
Object* exception_get_traceback(Object* exc);
[[nodiscard]] int exception_set_traceback(Object* exc, Object* tb);
// Creates an instance of type with args (a tuple).
[[nodiscard]] Ref<> exception_new(TypeObject* type, Object* args);
// PyErr_NewException: a new exception class from a dotted "module.Name"
// (the module part becomes __module__ unless dict names one), deriving from
// base (null: Exception; a class or a tuple of classes), with the extra
// class attributes of dict (or null). SystemError when name has no dot.
[[nodiscard]] Ref<> error_new_exception(const char* name, Object* base, Object* dict = nullptr);
// The built-in aliases EnvironmentError and IOError (== OSError).
TypeObject* exc_environment_error();

// SyntaxError helper for the front end: raises type (SyntaxError or a
// subclass) with msg and the location tuple (filename, lineno, offset, text,
// end_lineno, end_offset). Columns are 1-based like CPython's.
void raise_syntax_error(TypeObject* type, const char* msg, const char* filename, Py_ssize_t lineno,
                        Py_ssize_t offset, const char* text, Py_ssize_t end_lineno,
                        Py_ssize_t end_offset);

void init_exceptions();  // called by initialize()

}  // namespace minipy::runtime
