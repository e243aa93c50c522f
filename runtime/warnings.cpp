// warnings.cpp: the C++ entry points for issuing warnings, forwarding to
// the vm's _warnings module. Mirrors the PyErr_Warn* API of CPython 3.11
// Python/_warnings.c (the machinery itself is vm/_warnings.cpp). Book ch. 8.
#include "minipy/runtime/warnings.h"

#include <cstdio>

#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::runtime {

WarnHook warn_hook = nullptr;
WarnExplicitHook warn_explicit_hook = nullptr;

namespace {

// Without the vm: what show_warning prints for a warning with no frame.
int print_warning_without_vm(TypeObject* category, Object* message)
{
    const char* name = category->tp_name;
    for (const char* p = name; *p; ++p)
        if (*p == '.') name = p + 1;
    std::fprintf(stderr, "sys:1: %s: %s\n", name, unicode_to_std(message).c_str());
    return 0;
}

}  // namespace

int error_warn(TypeObject* category, const char* message, Py_ssize_t stack_level)
{
    Ref<> text = unicode_from_utf8(message);
    if (!text) return -1;
    if (warn_hook) return warn_hook(category, text.get(), stack_level);
    return print_warning_without_vm(category, text.get());
}

int error_warn_explicit(TypeObject* category, Object* message, Object* filename, int lineno, Object* module,
                        Object* registry)
{
    if (warn_explicit_hook) return warn_explicit_hook(category, message, filename, lineno, module, registry);
    return print_warning_without_vm(category, message);
}

}  // namespace minipy::runtime
