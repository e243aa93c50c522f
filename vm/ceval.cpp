// ceval.cpp: the bytecode evaluation loop.
// Mirrors CPython 3.11 Python/ceval.c (_PyEval_EvalFrameDefault and the
// helpers it calls: do_raise, unpack_iterable, import_name, format_exc_*,
// get_exception_handler). Book chapter 8, "The Evaluation Loop".
//
// Design notes
// ------------
// * One C++ invocation of eval_frame runs many Python frames: CALL of a
//   Python function pushes the callee's InterpreterFrame on the data stack
//   and jumps to start_frame; RETURN_VALUE pops it and resumes the caller.
//   Only the frame the invocation was entered with (is_entry) returns to
//   C++. A Python function called from C (a slot, a builtin such as
//   sorted(key=f)) enters a fresh invocation through eval_vector.
// * Instructions are 16-bit code units (opcode, oparg), some followed by
//   inline CACHE units reserved for the specializing interpreter; every
//   instruction skips its caches with JUMPBY(cache_entries). EXTENDED_ARG
//   widens the next oparg.
// * Exceptions: there is no block stack. When an instruction fails, the
//   loop adds a traceback entry for the frame (`error`), then looks up the
//   failing instruction in co_exceptiontable (`exception_unwind`). An entry
//   gives the handler's offset, the stack depth to unwind to, and whether
//   to push the offset of the failing instruction (lasti) for RERAISE. No
//   entry: the frame is popped and the caller's CALL instruction fails in
//   turn (`exit_unwind` / `resume_with_error`).
// * Reference counting in the loop is explicit, as in ceval.c: the stack
//   slots own their values, POP transfers ownership to the instruction.
#include "ceval.h"

#include <atomic>
#include <cstdio>
#include <cstring>

#include "ceval_fastpaths.h"
#include "ceval_gil.h"
#include "ceval_macros.h"
#include "genobject.h"
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/cellobject.h"
#include "minipy/runtime/classobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/opcode.h"
#include "minipy/runtime/setobject.h"
#include "minipy/runtime/sliceobject.h"
#include "minipy/runtime/traceback.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::vm {

using namespace runtime;

// Modules/signalmodule.c's is_tripped for SIGINT: set by the C handler,
// consumed by the main thread's eval breaker (vm/ceval_gil.cpp) or by the
// interactive reader.
std::atomic<bool> sigint_pending{false};

namespace {

#if MINIPY_TRACE_EXEC
// MINIPY_TRACE_EXEC builds print every instruction (lltrace).
void trace_instruction(InterpreterFrame* frame, _Py_CODEUNIT* instr, int opcode, int oparg, Object** sp)
{
    std::fprintf(stderr, "%4d: %s %d (stack depth %td)\n", static_cast<int>(instr - frame_first_instr(frame)),
                 opcode_name(opcode) ? opcode_name(opcode) : "?", oparg, sp - frame_stackbase(frame));
}
#endif

// --- error messages ----------------------------------------------------------

Object* localsplus_name(CodeObject* co, int i) { return tuple_item(co->co_localsplusnames, i); }

// Sets NameError.name so that the display can suggest a close name.
void set_name_error_name(Object* name)
{
    Object* exc = thread_state_get()->curexc_value;
    if (exc && object_type_check(exc, Exc_NameError)) {
        auto* ne = static_cast<NameErrorObject*>(exc);
        set_ref(ne->name, new_ref(name).release());
    }
}

void format_name_error(Object* name)
{
    format_error(Exc_NameError, "name '%.200S' is not defined", name);
    set_name_error_name(name);
}

void format_unbound_local(CodeObject* co, int oparg)
{
    format_error(Exc_UnboundLocalError, "cannot access local variable '%S' where it is not associated with a value",
                 localsplus_name(co, oparg));
}

// format_exc_unbound: a cell or free variable without a value.
void format_exc_unbound(CodeObject* co, int oparg)
{
    Object* name = localsplus_name(co, oparg);
    auto kind = static_cast<std::uint8_t>(bytes_as_string(co->co_localspluskinds)[oparg]);
    if (kind & CO_FAST_FREE) {
        format_error(Exc_NameError,
                     "cannot access free variable '%S' where it is not associated with a value in enclosing scope",
                     name);
        set_name_error_name(name);
    }
    else {
        format_unbound_local(co, oparg);
    }
}

// --- instruction helpers --------------------------------------------------

Ref<> binary_op(int oparg, Object* lhs, Object* rhs)
{
    switch (oparg) {
    case NB_ADD: return number_add(lhs, rhs);
    case NB_AND: return number_and(lhs, rhs);
    case NB_FLOOR_DIVIDE: return number_floor_divide(lhs, rhs);
    case NB_LSHIFT: return number_lshift(lhs, rhs);
    case NB_MATRIX_MULTIPLY: return number_matrix_multiply(lhs, rhs);
    case NB_MULTIPLY: return number_multiply(lhs, rhs);
    case NB_REMAINDER: return number_remainder(lhs, rhs);
    case NB_OR: return number_or(lhs, rhs);
    case NB_POWER: return number_power(lhs, rhs, Py_None());
    case NB_RSHIFT: return number_rshift(lhs, rhs);
    case NB_SUBTRACT: return number_subtract(lhs, rhs);
    case NB_TRUE_DIVIDE: return number_true_divide(lhs, rhs);
    case NB_XOR: return number_xor(lhs, rhs);
    case NB_INPLACE_ADD: return number_inplace_add(lhs, rhs);
    case NB_INPLACE_AND: return number_inplace_and(lhs, rhs);
    case NB_INPLACE_FLOOR_DIVIDE: return number_inplace_floor_divide(lhs, rhs);
    case NB_INPLACE_LSHIFT: return number_inplace_lshift(lhs, rhs);
    case NB_INPLACE_MATRIX_MULTIPLY: return number_inplace_matrix_multiply(lhs, rhs);
    case NB_INPLACE_MULTIPLY: return number_inplace_multiply(lhs, rhs);
    case NB_INPLACE_REMAINDER: return number_inplace_remainder(lhs, rhs);
    case NB_INPLACE_OR: return number_inplace_or(lhs, rhs);
    case NB_INPLACE_POWER: return number_inplace_power(lhs, rhs, Py_None());
    case NB_INPLACE_RSHIFT: return number_inplace_rshift(lhs, rhs);
    case NB_INPLACE_SUBTRACT: return number_inplace_subtract(lhs, rhs);
    case NB_INPLACE_TRUE_DIVIDE: return number_inplace_true_divide(lhs, rhs);
    case NB_INPLACE_XOR: return number_inplace_xor(lhs, rhs);
    default: return format_error(Exc_SystemError, "bad BINARY_OP oparg %d", oparg);
    }
}

// unpack_iterable: stores argcnt values (and a list of the rest plus
// argcntafter values when argcntafter >= 0) below sp, last item first.
bool unpack_iterable(Object* v, int argcnt, int argcntafter, Object** sp)
{
    Ref<> it = object_get_iter(v);
    if (!it) {
        if (error_matches(Exc_TypeError) && !Py_TYPE(v)->tp_iter && !sequence_check(v)) {
            format_error(Exc_TypeError, "cannot unpack non-iterable %.200s object", Py_TYPE(v)->tp_name);
        }
        return false;
    }
    int i = 0;
    for (; i < argcnt; i++) {
        Ref<> w = iter_next(it.get());
        if (!w) {
            if (!error_occurred()) {
                if (argcntafter == -1)
                    format_error(Exc_ValueError, "not enough values to unpack (expected %d, got %d)", argcnt, i);
                else
                    format_error(Exc_ValueError, "not enough values to unpack (expected at least %d, got %d)",
                                 argcnt + argcntafter, i);
            }
            goto fail;
        }
        *--sp = w.release();
    }
    if (argcntafter == -1) {
        Ref<> w = iter_next(it.get());
        if (w) {
            format_error(Exc_ValueError, "too many values to unpack (expected %d)", argcnt);
            goto fail;
        }
        if (error_occurred()) goto fail;
        return true;
    }
    {
        Ref<> l = sequence_list(it.get());
        if (!l) goto fail;
        Py_ssize_t ll = list_size(l.get());
        *--sp = new_ref(l.get()).release();
        i++;
        if (ll < argcntafter) {
            format_error(Exc_ValueError, "not enough values to unpack (expected at least %d, got %zd)",
                         argcnt + argcntafter, argcnt + ll);
            goto fail;
        }
        // The last argcntafter items come off the end of the list.
        for (int j = argcntafter; j > 0; j--, i++) *--sp = new_ref(list_item(l.get(), ll - j)).release();
        // Resize the list (the references just taken keep those items alive).
        for (Py_ssize_t k = ll - argcntafter; k < ll; k++) {
            decref(list_item(l.get(), k));
            list_set_item(l.get(), k, nullptr);
        }
        static_cast<ListObject*>(l.get())->ob_size = ll - argcntafter;
    }
    return true;
fail:
    for (; i > 0; i--, sp++) decref(*sp);
    return false;
}

// PyTraceBack_Here for a running frame.
void add_traceback_entry(InterpreterFrame* frame)
{
    Ref<> f = frame_make_object(frame);
    if (!f) return;
    if (traceback_here(f.get()) < 0) error_clear();
}

// MAKE_FUNCTION: pops the code and the parts oparg announces.
Ref<> make_function(InterpreterFrame* frame, int oparg, Object**& stack_pointer)
{
    Ref<> code = steal_ref(POP());
    Ref<> func = function_new(code.get(), frame->f_globals);
    Ref<> closure = (oparg & 0x08) ? steal_ref(POP()) : nullptr;
    Ref<> annotations = (oparg & 0x04) ? steal_ref(POP()) : nullptr;
    Ref<> kwdefaults = (oparg & 0x02) ? steal_ref(POP()) : nullptr;
    Ref<> defaults = (oparg & 0x01) ? steal_ref(POP()) : nullptr;
    if (!func) return nullptr;
    auto* f = static_cast<FunctionObject*>(func.get());
    f->func_closure = closure.release();
    f->func_annotations = annotations.release();
    f->func_kwdefaults = kwdefaults.release();
    f->func_defaults = defaults.release();
    return func;
}

// FORMAT_VALUE: conversion (!s, !r, !a) then format(value, spec).
Ref<> format_value(int oparg, Object* value, Object* fmt_spec)
{
    Ref<> converted;
    switch (oparg & 0x03) {
    case 1: converted = object_str(value); break;
    case 2: converted = object_repr(value); break;
    case 3: converted = object_ascii(value); break;
    default: converted = new_ref(value); break;
    }
    if (!converted) return nullptr;
    if (unicode_check_exact(converted.get()) && !fmt_spec) return converted;
    return object_format(converted.get(), fmt_spec);
}

// DICT_MERGE: f(**m) with the duplicate-keyword check.
bool dict_merge_kwargs(Object* func, Object* dict, Object* update)
{
    Ref<> keys;
    if (dict_check(update)) {
        keys = dict_keys(update);
    }
    else {
        Ref<> kmeth;
        if (object_lookup_attr(update, intern_str("keys"), &kmeth) < 0) return false;
        if (!kmeth) {
            Ref<> fs = function_str(func);
            if (fs)
                format_error(Exc_TypeError, "%U argument after ** must be a mapping, not %.200s", fs.get(),
                             Py_TYPE(update)->tp_name);
            return false;
        }
        Ref<> k = call_no_args(kmeth.get());
        if (!k) return false;
        keys = sequence_list(k.get());
    }
    if (!keys) return false;
    for (Py_ssize_t i = 0; i < list_size(keys.get()); i++) {
        Object* key = list_item(keys.get(), i);
        int has = dict_contains(dict, key);
        if (has < 0) return false;
        if (has) {
            Ref<> fs = function_str(func);
            if (!fs) return false;
            if (unicode_check(key))
                format_error(Exc_TypeError, "%U got multiple values for keyword argument '%S'", fs.get(), key);
            else
                format_error(Exc_TypeError, "%U keywords must be strings", fs.get());
            return false;
        }
        Ref<> value = object_get_item(update, key);
        if (!value || dict_set_item(dict, key, value.get()) < 0) return false;
    }
    return true;
}

// IMPORT_NAME: through builtins.__import__ when it has been replaced.
Ref<> import_name(InterpreterFrame* frame, Object* name, Object* fromlist, Object* level)
{
    Object* import_func = dict_get_item_with_error(frame->f_builtins, intern_str("__import__"));
    if (!import_func) {
        if (!error_occurred()) set_error(Exc_ImportError, "__import__ not found");
        return nullptr;
    }
    Object* locals = frame->f_locals ? frame->f_locals : Py_None();
    Py_ssize_t ilevel = long_as_ssize_t(level);
    if (ilevel == -1 && error_occurred()) return nullptr;
    if (Py_TYPE(import_func) == &CFunction_Type &&
        std::strcmp(static_cast<CFunctionObject*>(import_func)->m_ml->ml_name, "__import__") == 0 &&
        static_cast<CFunctionObject*>(import_func)->m_self == nullptr) {
        return import_module_level(name, frame->f_globals, fromlist, static_cast<int>(ilevel));
    }
    return call_function_objargs(import_func, {name, frame->f_globals, locals, fromlist, level});
}

// CALL_FUNCTION_EX with a non-tuple *args.
bool check_args_iterable(Object* func, Object* args)
{
    if (Py_TYPE(args)->tp_iter == nullptr && !sequence_check(args)) {
        Ref<> fs = function_str(func);
        if (fs)
            format_error(Exc_TypeError, "%U argument after * must be an iterable, not %.200s", fs.get(),
                         Py_TYPE(args)->tp_name);
        return false;
    }
    return true;
}

// The lookups of LOAD_NAME and LOAD_CLASSDEREF in a namespace mapping:
// null without an error when the name is missing.
Ref<> lookup_in_namespace(Object* locals, Object* name)
{
    if (dict_check_exact(locals)) return new_ref(dict_get_item_with_error(locals, name));
    Ref<> v = object_get_item(locals, name);
    if (!v && error_matches(Exc_KeyError)) error_clear();
    return v;
}

// LOAD_NAME: locals, then globals, then builtins.
Ref<> load_name_lookup(InterpreterFrame* frame, Object* locals, Object* name)
{
    Ref<> v = lookup_in_namespace(locals, name);
    if (v || error_occurred()) return v;
    Object* found = dict_get_item_with_error(frame->f_globals, name);
    if (!found && error_occurred()) return nullptr;
    if (!found) found = dict_get_item_with_error(frame->f_builtins, name);
    if (!found) {
        if (!error_occurred()) format_name_error(name);
        return nullptr;
    }
    return new_ref(found);
}

// object_get_method for the loop, which keeps raw pointers.
bool get_method_raw(Object* obj, Object* name, Object** method)
{
    Ref<> m;
    bool found = object_get_method(obj, name, &m);
    *method = m.release();
    return found;
}

int exception_group_match_raw(Object* exc_value, Object* match_type, Object** match, Object** rest)
{
    Ref<> m, r;
    int res = exception_group_match(exc_value, match_type, &m, &r);
    *match = m.release();
    *rest = r.release();
    return res;
}

SendResult iter_send_raw(Object* receiver, Object* v, Object** result)
{
    Ref<> r;
    SendResult status = iter_send(receiver, v, &r);
    *result = r.release();
    return status;
}

// BUILD_STRING: the concatenation of n str values (borrowed).
Ref<> build_string(Object* const* items, int n)
{
    Ref<> empty = unicode_from_string("");
    if (!empty) return nullptr;
    Ref<> tuple = tuple_from_array(items, n);
    if (!tuple) return nullptr;
    return unicode_join(empty.get(), tuple.get());
}

// CALL_FUNCTION_EX: pops *args (and **kwargs when oparg & 1) and calls the
// callable below them, which stays on the stack for the caller to drop.
Ref<> call_function_ex(int oparg, Object**& stack_pointer)
{
    Ref<> kwargs = (oparg & 0x01) ? steal_ref(POP()) : nullptr;
    Ref<> callargs = steal_ref(POP());
    Object* func = TOP();
    if (kwargs && !dict_check_exact(kwargs.get())) {
        Ref<> d = dict_new();
        if (!d || !dict_merge_kwargs(func, d.get(), kwargs.get())) return nullptr;
        kwargs = d;
    }
    if (!tuple_check_exact(callargs.get())) {
        if (!check_args_iterable(func, callargs.get())) return nullptr;
        callargs = sequence_tuple(callargs.get());
        if (!callargs) return nullptr;
    }
    return object_call(func, callargs.get(), kwargs.get());
}

}  // namespace

// ---------------------------------------------------------------------------
// _PyEval_EvalFrameDefault

Ref<> eval_frame(ThreadState* ts, InterpreterFrame* entry_frame, bool throwflag)
{
    FrameStack& fs = frame_stack();
    InterpreterFrame* frame = entry_frame;
    frame->is_entry = true;
    frame->previous = fs.current;
    fs.current = frame;

    _Py_CODEUNIT* first_instr = nullptr;
    _Py_CODEUNIT* next_instr = nullptr;
    Object** stack_pointer = nullptr;
    int opcode = 0;
    int oparg = 0;
    Object* kwnames = nullptr;  // call_shape.kwnames: set by KW_NAMES, used by CALL (borrowed)
    Object* retval = nullptr;

#if MINIPY_COMPUTED_GOTO
    // The dispatch table: every opcode of opcode.def has a label below;
    // specialized and unused numbers go to unknown_opcode.
    static void* opcode_targets[256];
    static bool targets_ready = false;
    if (!targets_ready) {
        for (void*& t : opcode_targets) t = &&unknown_opcode;
#define OPCODE(name, number, cache, flags) opcode_targets[number] = &&TARGET_##name;
#define SPECIALIZED(name, number, base)
#include "minipy/runtime/opcode.def"
        targets_ready = true;
    }
#endif

start_frame:
    // _Py_EnterRecursivePy: Python frames count against the recursion limit.
    if (!enter_recursive_call("")) {
        frame_set_stack_pointer(frame, frame->localsplus + frame->f_code->co_nlocalsplus);
        goto exit_unwind_no_leave;
    }

    SET_LOCALS_FROM_FRAME();
    if (throwflag) {
        throwflag = false;
        goto error;
    }
    DISPATCH();

#if !MINIPY_COMPUTED_GOTO
dispatch_opcode:
    switch (opcode) {
#endif

    TARGET(NOP) { DISPATCH(); }

    TARGET(RESUME) {
        CHECK_EVAL_BREAKER();
        DISPATCH();
    }

    TARGET(LOAD_FAST) {
        Object* value = GETLOCAL(oparg);
        if (value == nullptr) {
            format_unbound_local(frame->f_code, oparg);
            goto error;
        }
        incref(value);
        PUSH(value);
        DISPATCH();
    }

    TARGET(LOAD_CONST) {
        Object* value = GETITEM(frame->f_code->co_consts, oparg);
        incref(value);
        PUSH(value);
        DISPATCH();
    }

    TARGET(STORE_FAST) {
        Object* value = POP();
        SETLOCAL(oparg, value);
        DISPATCH();
    }

    TARGET(DELETE_FAST) {
        if (GETLOCAL(oparg) == nullptr) {
            format_unbound_local(frame->f_code, oparg);
            goto error;
        }
        SETLOCAL(oparg, nullptr);
        DISPATCH();
    }

    TARGET(POP_TOP) {
        Object* value = POP();
        decref(value);
        DISPATCH();
    }

    TARGET(PUSH_NULL) {
        PUSH(nullptr);
        DISPATCH();
    }

    TARGET(COPY) {
        Object* peek = PEEK(oparg);
        incref(peek);
        PUSH(peek);
        DISPATCH();
    }

    TARGET(SWAP) {
        Object* top = TOP();
        SET_TOP(PEEK(oparg));
        PEEK(oparg) = top;
        DISPATCH();
    }

    TARGET(UNARY_POSITIVE) {
        Object* value = TOP();
        Object* res = (number_positive(value)).release();
        decref(value);
        SET_TOP(res);
        if (TOP() == nullptr) goto error;
        DISPATCH();
    }

    TARGET(UNARY_NEGATIVE) {
        Object* value = TOP();
        Object* res = (number_negative(value)).release();
        decref(value);
        SET_TOP(res);
        if (TOP() == nullptr) goto error;
        DISPATCH();
    }

    TARGET(UNARY_NOT) {
        Object* value = TOP();
        int err = object_is_true(value);
        decref(value);
        if (err < 0) {
            STACK_SHRINK(1);
            goto error;
        }
        Object* res = err ? Py_False() : Py_True();
        incref(res);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(UNARY_INVERT) {
        Object* value = TOP();
        Object* res = (number_invert(value)).release();
        decref(value);
        SET_TOP(res);
        if (TOP() == nullptr) goto error;
        DISPATCH();
    }

    TARGET(BINARY_OP) {
        Object* rhs = POP();
        Object* lhs = TOP();
        Object* res = binary_op_fast(oparg, lhs, rhs);
        if (res == nullptr) res = (binary_op(oparg, lhs, rhs)).release();
        decref(lhs);
        decref(rhs);
        SET_TOP(res);
        if (TOP() == nullptr) goto error;
        JUMPBY(cache_entries(BINARY_OP));
        DISPATCH();
    }

    TARGET(COMPARE_OP) {
        Object* right = POP();
        Object* left = TOP();
        int fast = compare_op_fast(left, right, oparg);
        Object* res;
        if (fast >= 0) {
            res = fast ? Py_True() : Py_False();
            incref(res);
        }
        else {
            res = (object_rich_compare(left, right, oparg)).release();
        }
        decref(left);
        decref(right);
        SET_TOP(res);
        if (TOP() == nullptr) goto error;
        JUMPBY(cache_entries(COMPARE_OP));
        DISPATCH();
    }

    TARGET(IS_OP) {
        Object* right = POP();
        Object* left = TOP();
        bool res = (left == right) ^ (oparg != 0);
        Object* b = res ? Py_True() : Py_False();
        incref(b);
        SET_TOP(b);
        decref(left);
        decref(right);
        DISPATCH();
    }

    TARGET(CONTAINS_OP) {
        Object* right = POP();
        Object* left = POP();
        int res = sequence_contains(right, left);
        decref(left);
        decref(right);
        if (res < 0) goto error;
        Object* b = (res ^ oparg) ? Py_True() : Py_False();
        incref(b);
        PUSH(b);
        DISPATCH();
    }

    TARGET(BINARY_SUBSCR) {
        Object* sub = POP();
        Object* container = TOP();
        Object* res = subscr_fast(container, sub);
        if (res == nullptr) {
            if (error_occurred()) error_clear();  // the slow path raises it again
            res = (object_get_item(container, sub)).release();
        }
        decref(container);
        decref(sub);
        SET_TOP(res);
        if (TOP() == nullptr) goto error;
        JUMPBY(cache_entries(BINARY_SUBSCR));
        DISPATCH();
    }

    TARGET(STORE_SUBSCR) {
        Object* sub = TOP();
        Object* container = SECOND();
        Object* v = THIRD();
        STACK_SHRINK(3);
        int err = 0;
        if (store_subscr_list_fast(container, sub, v) < 0) {
            err = Py_TYPE(container) == &Dict_Type ? dict_set_item(container, sub, v) : object_set_item(container, sub, v);
            decref(v);
        }
        decref(container);
        decref(sub);
        if (err != 0) goto error;
        JUMPBY(cache_entries(STORE_SUBSCR));
        DISPATCH();
    }

    TARGET(DELETE_SUBSCR) {
        Object* sub = TOP();
        Object* container = SECOND();
        STACK_SHRINK(2);
        int err = object_del_item(container, sub);
        decref(container);
        decref(sub);
        if (err != 0) goto error;
        DISPATCH();
    }

    TARGET(BUILD_SLICE) {
        Object* step = oparg == 3 ? POP() : nullptr;
        Object* stop = POP();
        Object* start = TOP();
        Object* slice = (slice_new(start, stop, step)).release();
        decref(start);
        decref(stop);
        xdecref(step);
        SET_TOP(slice);
        if (TOP() == nullptr) goto error;
        DISPATCH();
    }

    TARGET(GET_LEN) {
        Py_ssize_t len_i = object_size(TOP());
        if (len_i < 0) goto error;
        Object* len_o = (long_from_ssize_t(len_i)).release();
        if (!len_o) goto error;
        PUSH(len_o);
        DISPATCH();
    }

    TARGET(RETURN_VALUE) {
        retval = POP();
        frame_set_stack_pointer(frame, stack_pointer);
        leave_recursive_call();
        if (frame->is_entry) goto exit_entry;
        // An inlined call returns: pop the callee, resume the caller with
        // the result on its stack.
        InterpreterFrame* dying = frame;
        frame = fs.current = dying->previous;
        pop_frame(dying);
        SET_LOCALS_FROM_FRAME();
        PUSH(retval);
        retval = nullptr;
        DISPATCH();
    }

    // --- names --------------------------------------------------------------

    TARGET(STORE_NAME) {
        Object* name = GETITEM(frame->f_code->co_names, oparg);
        Object* v = POP();
        Object* ns = frame->f_locals;
        if (ns == nullptr) {
            format_error(Exc_SystemError, "no locals found when storing %R", name);
            decref(v);
            goto error;
        }
        int err = dict_check_exact(ns) ? dict_set_item(ns, name, v) : object_set_item(ns, name, v);
        decref(v);
        if (err != 0) goto error;
        DISPATCH();
    }

    TARGET(DELETE_NAME) {
        Object* name = GETITEM(frame->f_code->co_names, oparg);
        Object* ns = frame->f_locals;
        if (ns == nullptr) {
            format_error(Exc_SystemError, "no locals when deleting %R", name);
            goto error;
        }
        if (object_del_item(ns, name) != 0) {
            if (error_matches(Exc_KeyError)) format_name_error(name);
            goto error;
        }
        DISPATCH();
    }

    TARGET(STORE_GLOBAL) {
        Object* name = GETITEM(frame->f_code->co_names, oparg);
        Object* v = POP();
        int err = dict_set_item(frame->f_globals, name, v);
        decref(v);
        if (err != 0) goto error;
        DISPATCH();
    }

    TARGET(DELETE_GLOBAL) {
        Object* name = GETITEM(frame->f_code->co_names, oparg);
        if (dict_del_item(frame->f_globals, name) != 0) {
            if (error_matches(Exc_KeyError)) format_name_error(name);
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_NAME) {
        Object* name = GETITEM(frame->f_code->co_names, oparg);
        Object* locals = frame->f_locals;
        if (locals == nullptr) {
            format_error(Exc_SystemError, "no locals when loading %R", name);
            goto error;
        }
        Object* v = load_name_lookup(frame, locals, name).release();
        if (v == nullptr) goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(LOAD_GLOBAL) {
        Object* name = GETITEM(frame->f_code->co_names, oparg >> 1);
        Object* v = dict_get_item_with_error(frame->f_globals, name);
        if (!v && !error_occurred()) v = dict_get_item_with_error(frame->f_builtins, name);
        if (!v) {
            if (!error_occurred()) format_name_error(name);
            goto error;
        }
        // The NULL of a call goes below the callable.
        if (oparg & 1) PUSH(nullptr);
        incref(v);
        PUSH(v);
        JUMPBY(cache_entries(LOAD_GLOBAL));
        DISPATCH();
    }

    // --- cells and free variables ---------------------------------------------

    TARGET(MAKE_CELL) {
        // A parameter that is also a cell variable starts with its value.
        Object* initial = GETLOCAL(oparg);
        Object* cell = (cell_new(initial)).release();
        if (!cell) goto error;
        SETLOCAL(oparg, cell);
        DISPATCH();
    }

    TARGET(COPY_FREE_VARS) {
        // The closure's cells go to the last oparg slots of localsplus.
        Object* closure = frame->f_func->func_closure;
        int offset = frame->f_code->co_nlocalsplus - oparg;
        for (int i = 0; i < oparg; ++i) {
            Object* o = tuple_item(closure, i);
            incref(o);
            frame->localsplus[offset + i] = o;
        }
        DISPATCH();
    }

    TARGET(LOAD_CLOSURE) {
        Object* value = GETLOCAL(oparg);
        if (value == nullptr) {
            format_exc_unbound(frame->f_code, oparg);
            goto error;
        }
        incref(value);
        PUSH(value);
        DISPATCH();
    }

    TARGET(LOAD_DEREF) {
        Object* value = cell_get(GETLOCAL(oparg));
        if (value == nullptr) {
            format_exc_unbound(frame->f_code, oparg);
            goto error;
        }
        incref(value);
        PUSH(value);
        DISPATCH();
    }

    TARGET(LOAD_CLASSDEREF) {
        // A class body reads a free variable: its namespace first.
        Object* name = localsplus_name(frame->f_code, oparg);
        Object* locals = frame->f_locals;
        Object* value = lookup_in_namespace(locals, name).release();
        if (value == nullptr) {
            if (error_occurred()) goto error;
            Object* cell_value = cell_get(GETLOCAL(oparg));
            if (!cell_value) {
                format_exc_unbound(frame->f_code, oparg);
                goto error;
            }
            value = cell_value;
            incref(value);
        }
        PUSH(value);
        DISPATCH();
    }

    TARGET(STORE_DEREF) {
        Object* v = POP();
        cell_set(GETLOCAL(oparg), v);
        DISPATCH();
    }

    TARGET(DELETE_DEREF) {
        Object* cell = GETLOCAL(oparg);
        if (cell_get(cell) == nullptr) {
            format_exc_unbound(frame->f_code, oparg);
            goto error;
        }
        cell_set(cell, nullptr);
        DISPATCH();
    }

    // --- attributes -------------------------------------------------------------

    TARGET(LOAD_ATTR) {
        Object* name = GETITEM(frame->f_code->co_names, oparg);
        Object* owner = TOP();
        Object* res = (object_get_attr(owner, name)).release();
        decref(owner);
        SET_TOP(res);
        if (TOP() == nullptr) goto error;
        JUMPBY(cache_entries(LOAD_ATTR));
        DISPATCH();
    }

    TARGET(STORE_ATTR) {
        Object* name = GETITEM(frame->f_code->co_names, oparg);
        Object* owner = TOP();
        Object* v = SECOND();
        STACK_SHRINK(2);
        int err = object_set_attr(owner, name, v);
        decref(v);
        decref(owner);
        if (err != 0) goto error;
        JUMPBY(cache_entries(STORE_ATTR));
        DISPATCH();
    }

    TARGET(DELETE_ATTR) {
        Object* name = GETITEM(frame->f_code->co_names, oparg);
        Object* owner = POP();
        int err = object_set_attr(owner, name, nullptr);
        decref(owner);
        if (err != 0) goto error;
        DISPATCH();
    }

    TARGET(LOAD_METHOD) {
        // meth | self | args...  or  NULL | attr | args...  (see PRECALL)
        Object* name = GETITEM(frame->f_code->co_names, oparg);
        Object* obj = TOP();
        Object* meth = nullptr;
        bool meth_found = get_method_raw(obj, name, &meth);
        if (!meth) goto error;
        if (meth_found) {
            SET_TOP(meth);
            PUSH(obj);
        }
        else {
            SET_TOP(nullptr);
            decref(obj);
            PUSH(meth);
        }
        JUMPBY(cache_entries(LOAD_METHOD));
        DISPATCH();
    }

    // --- building containers ----------------------------------------------------

    TARGET(BUILD_STRING) {
        Object* str = build_string(stack_pointer - oparg, oparg).release();
        while (--oparg >= 0) decref(POP());
        if (!str) goto error;
        PUSH(str);
        DISPATCH();
    }

    TARGET(BUILD_TUPLE) {
        Object* tup = (tuple_new(oparg)).release();
        if (!tup) goto error;
        while (--oparg >= 0) tuple_set_item(tup, oparg, POP());
        PUSH(tup);
        DISPATCH();
    }

    TARGET(BUILD_LIST) {
        Object* list = (list_new(oparg)).release();
        if (!list) goto error;
        while (--oparg >= 0) list_set_item(list, oparg, POP());
        PUSH(list);
        DISPATCH();
    }

    TARGET(LIST_TO_TUPLE) {
        Object* list = POP();
        Object* tuple = (list_as_tuple(list)).release();
        decref(list);
        if (!tuple) goto error;
        PUSH(tuple);
        DISPATCH();
    }

    TARGET(LIST_EXTEND) {
        Object* iterable = POP();
        Object* list = PEEK(oparg);
        if (list_extend(list, iterable) < 0) {
            if (error_matches(Exc_TypeError) && Py_TYPE(iterable)->tp_iter == nullptr && !sequence_check(iterable)) {
                error_clear();
                format_error(Exc_TypeError, "Value after * must be an iterable, not %.200s",
                             Py_TYPE(iterable)->tp_name);
            }
            decref(iterable);
            goto error;
        }
        decref(iterable);
        DISPATCH();
    }

    TARGET(SET_UPDATE) {
        Object* iterable = POP();
        Object* set = PEEK(oparg);
        int err = for_each_item(iterable, [&](Object* item) { return set_add(set, item); });
        decref(iterable);
        if (err < 0) goto error;
        DISPATCH();
    }

    TARGET(BUILD_SET) {
        Object* set = set_new(nullptr).release();
        int err = set ? 0 : -1;
        for (int i = oparg; i > 0; i--) {
            Object* item = PEEK(i);
            if (err == 0) err = set_add(set, item);
            decref(item);
        }
        STACK_SHRINK(oparg);
        if (err != 0) {
            xdecref(set);
            goto error;
        }
        PUSH(set);
        DISPATCH();
    }

    TARGET(BUILD_MAP) {
        Object* map = dict_new().release();
        int err = map ? 0 : -1;
        for (int i = oparg; i > 0; i--) {
            if (err == 0) err = dict_set_item(map, PEEK(2 * i), PEEK(2 * i - 1));
        }
        while (oparg--) {
            decref(POP());
            decref(POP());
        }
        if (err != 0) {
            xdecref(map);
            goto error;
        }
        PUSH(map);
        DISPATCH();
    }

    TARGET(BUILD_CONST_KEY_MAP) {
        Object* keys = TOP();
        if (!tuple_check_exact(keys) || tuple_size(keys) != oparg) {
            set_error(Exc_SystemError, "bad BUILD_CONST_KEY_MAP keys argument");
            goto error;
        }
        Object* map = dict_new().release();
        int err = map ? 0 : -1;
        for (int i = oparg; i > 0; i--) {
            if (err == 0) err = dict_set_item(map, tuple_item(keys, oparg - i), PEEK(i + 1));
        }
        decref(POP());
        while (oparg--) decref(POP());
        if (err != 0) {
            xdecref(map);
            goto error;
        }
        PUSH(map);
        DISPATCH();
    }

    TARGET(DICT_UPDATE) {
        Object* update = POP();
        Object* dict = PEEK(oparg);
        // PyDict_Update only takes mappings (keys() + __getitem__): unlike
        // dict.update(), {**x} never falls back to the iterable-of-pairs
        // protocol, so a missing keys attribute is the "not a mapping" error.
        int is_mapping = dict_check(update) ? 1 : object_has_attr_string(update, "keys");
        if (is_mapping <= 0) {
            if (is_mapping == 0)
                format_error(Exc_TypeError, "'%.200s' object is not a mapping", Py_TYPE(update)->tp_name);
            decref(update);
            goto error;
        }
        if (dict_update(dict, update) < 0) {
            if (error_matches(Exc_AttributeError)) {
                error_clear();
                format_error(Exc_TypeError, "'%.200s' object is not a mapping", Py_TYPE(update)->tp_name);
            }
            decref(update);
            goto error;
        }
        decref(update);
        DISPATCH();
    }

    TARGET(DICT_MERGE) {
        Object* update = POP();
        Object* dict = PEEK(oparg);
        bool ok = dict_merge_kwargs(PEEK(oparg + 2), dict, update);
        decref(update);
        if (!ok) goto error;
        DISPATCH();
    }

    TARGET(LIST_APPEND) {
        Object* v = POP();
        Object* list = PEEK(oparg);
        int err = list_append(list, v);
        decref(v);
        if (err != 0) goto error;
        DISPATCH();
    }

    TARGET(SET_ADD) {
        Object* v = POP();
        Object* set = PEEK(oparg);
        int err = set_add(set, v);
        decref(v);
        if (err != 0) goto error;
        DISPATCH();
    }

    TARGET(MAP_ADD) {
        Object* value = POP();
        Object* key = POP();
        Object* map = PEEK(oparg);
        int err = dict_set_item(map, key, value);
        decref(value);
        decref(key);
        if (err != 0) goto error;
        DISPATCH();
    }

    TARGET(UNPACK_SEQUENCE) {
        Object* seq = POP();
        if (tuple_check_exact(seq) && tuple_size(seq) == oparg) {
            for (int i = oparg; --i >= 0;) {
                Object* item = tuple_item(seq, i);
                incref(item);
                PUSH(item);
            }
        }
        else if (list_check_exact(seq) && list_size(seq) == oparg) {
            for (int i = oparg; --i >= 0;) {
                Object* item = list_item(seq, i);
                incref(item);
                PUSH(item);
            }
        }
        else if (unpack_iterable(seq, oparg, -1, stack_pointer + oparg)) {
            STACK_GROW(oparg);
        }
        else {
            decref(seq);
            goto error;
        }
        decref(seq);
        JUMPBY(cache_entries(UNPACK_SEQUENCE));
        DISPATCH();
    }

    TARGET(UNPACK_EX) {
        int totalargs = 1 + (oparg & 0xFF) + (oparg >> 8);
        Object* seq = POP();
        if (unpack_iterable(seq, oparg & 0xFF, oparg >> 8, stack_pointer + totalargs)) {
            stack_pointer += totalargs;
        }
        else {
            decref(seq);
            goto error;
        }
        decref(seq);
        DISPATCH();
    }

    TARGET(FORMAT_VALUE) {
        Object* fmt_spec = (oparg & 0x04) ? POP() : nullptr;
        Object* value = POP();
        Object* result = (format_value(oparg, value, fmt_spec)).release();
        decref(value);
        xdecref(fmt_spec);
        if (!result) goto error;
        PUSH(result);
        DISPATCH();
    }

    // --- jumps ----------------------------------------------------------------

    TARGET(JUMP_FORWARD) {
        JUMPBY(oparg);
        DISPATCH();
    }

    TARGET(JUMP_BACKWARD) {
        JUMPBY(-oparg);
        CHECK_EVAL_BREAKER();
        DISPATCH();
    }

    TARGET(JUMP_BACKWARD_NO_INTERRUPT) {
        JUMPBY(-oparg);
        DISPATCH();
    }

#define POP_JUMP_IF_TRUTH(jump_when, delta, backward)    \
    {                                                    \
        Object* cond = POP();                            \
        int truth;                                       \
        if (cond == Py_True()) truth = 1;                \
        else if (cond == Py_False()) truth = 0;          \
        else {                                           \
            truth = object_is_true(cond);                \
            if (truth < 0) {                             \
                decref(cond);                            \
                goto error;                              \
            }                                            \
        }                                                \
        decref(cond);                                    \
        if (truth == (jump_when)) {                      \
            JUMPBY(delta);                               \
            if (backward) CHECK_EVAL_BREAKER();          \
        }                                                \
        DISPATCH();                                      \
    }

    // Backward jumps poll the eval breaker, as JUMP_BACKWARD does: a loop
    // closed by one must still let other threads and signals in.
    TARGET(POP_JUMP_FORWARD_IF_FALSE) POP_JUMP_IF_TRUTH(0, oparg, false)
    TARGET(POP_JUMP_FORWARD_IF_TRUE) POP_JUMP_IF_TRUTH(1, oparg, false)
    TARGET(POP_JUMP_BACKWARD_IF_FALSE) POP_JUMP_IF_TRUTH(0, -oparg, true)
    TARGET(POP_JUMP_BACKWARD_IF_TRUE) POP_JUMP_IF_TRUTH(1, -oparg, true)

#define POP_JUMP_IF_NONE(jump_when_none, delta, backward) \
    {                                                    \
        Object* value = POP();                           \
        bool jump = (value == Py_None()) == (jump_when_none); \
        decref(value);                                   \
        if (jump) {                                      \
            JUMPBY(delta);                               \
            if (backward) CHECK_EVAL_BREAKER();          \
        }                                                \
        DISPATCH();                                      \
    }

    TARGET(POP_JUMP_FORWARD_IF_NONE) POP_JUMP_IF_NONE(true, oparg, false)
    TARGET(POP_JUMP_FORWARD_IF_NOT_NONE) POP_JUMP_IF_NONE(false, oparg, false)
    TARGET(POP_JUMP_BACKWARD_IF_NONE) POP_JUMP_IF_NONE(true, -oparg, true)
    TARGET(POP_JUMP_BACKWARD_IF_NOT_NONE) POP_JUMP_IF_NONE(false, -oparg, true)

    TARGET(JUMP_IF_FALSE_OR_POP) {
        Object* cond = TOP();
        int err = cond == Py_True() ? 1 : cond == Py_False() ? 0 : object_is_true(cond);
        if (err < 0) goto error;
        if (err == 0) {
            JUMPBY(oparg);
        }
        else {
            STACK_SHRINK(1);
            decref(cond);
        }
        DISPATCH();
    }

    TARGET(JUMP_IF_TRUE_OR_POP) {
        Object* cond = TOP();
        int err = cond == Py_True() ? 1 : cond == Py_False() ? 0 : object_is_true(cond);
        if (err < 0) goto error;
        if (err > 0) {
            JUMPBY(oparg);
        }
        else {
            STACK_SHRINK(1);
            decref(cond);
        }
        DISPATCH();
    }

    TARGET(EXTENDED_ARG) {
        int ext = oparg;
        NEXTOPARG();
        oparg |= ext << 8;
        DISPATCH_GOTO();
    }

    // --- iteration ----------------------------------------------------------------

    TARGET(GET_ITER) {
        Object* iterable = TOP();
        Object* iter = (object_get_iter(iterable)).release();
        decref(iterable);
        SET_TOP(iter);
        if (TOP() == nullptr) goto error;
        DISPATCH();
    }

    TARGET(FOR_ITER) {
        Object* iter = TOP();
        Object* next = (Py_TYPE(iter)->tp_iternext(iter)).release();
        if (next) {
            PUSH(next);
            DISPATCH();
        }
        if (error_occurred()) {
            if (!error_matches(Exc_StopIteration)) goto error;
            error_clear();
        }
        // The iterator is exhausted: drop it and leave the loop.
        STACK_SHRINK(1);
        decref(iter);
        JUMPBY(oparg);
        DISPATCH();
    }

    // --- functions and calls ------------------------------------------------------

    TARGET(MAKE_FUNCTION) {
        Object* func = (make_function(frame, oparg, stack_pointer)).release();
        if (!func) goto error;
        PUSH(func);
        DISPATCH();
    }

    TARGET(KW_NAMES) {
        kwnames = GETITEM(frame->f_code->co_consts, oparg);
        DISPATCH();
    }

    TARGET(PRECALL) {
        // A bound method called as `NULL | method | args` becomes
        // `func | self | args`, the layout of a LOAD_METHOD call.
        bool is_meth = PEEK(oparg + 2) != nullptr;
        Object* function = PEEK(oparg + 1);
        if (!is_meth && Py_TYPE(function) == &Method_Type) {
            Object* meth = static_cast<MethodObject*>(function)->im_func;
            Object* self = static_cast<MethodObject*>(function)->im_self;
            incref(meth);
            incref(self);
            PEEK(oparg + 1) = self;
            PEEK(oparg + 2) = meth;
            decref(function);
        }
        JUMPBY(cache_entries(PRECALL));
        DISPATCH();
    }

    TARGET(CALL) {
        bool is_meth = PEEK(oparg + 2) != nullptr;
        int total_args = oparg + (is_meth ? 1 : 0);
        Object* function = PEEK(total_args + 1);
        Py_ssize_t kwcount = kwnames ? tuple_size(kwnames) : 0;
        Py_ssize_t positional_args = total_args - kwcount;
        Object** args = stack_pointer - total_args;
        if (Py_TYPE(function) == &Function_Type) {
            // An inlined call: push the callee's frame and run it here.
            auto* func = static_cast<FunctionObject*>(function);
            int code_flags = static_cast<CodeObject*>(func->func_code)->co_flags;
            Object* locals = (code_flags & CO_OPTIMIZED) ? nullptr : func->func_globals;
            InterpreterFrame* new_frame = push_and_init_frame(func, locals, args, positional_args, kwnames);
            kwnames = nullptr;
            for (int i = 0; i < total_args; i++) decref(args[i]);
            STACK_SHRINK(total_args);
            decref(function);
            STACK_SHRINK(is_meth ? 1 : 2);
            if (!new_frame) goto error;
            JUMPBY(cache_entries(CALL));
            SAVE_FRAME_STATE();
            new_frame->previous = frame;
            frame = fs.current = new_frame;
            goto start_frame;
        }
        // Anything else is called through vectorcall.
        Object* res = (object_vectorcall(function, args, static_cast<std::size_t>(positional_args) |
                                                         PY_VECTORCALL_ARGUMENTS_OFFSET,
                                      kwnames)).release();
        kwnames = nullptr;
        for (int i = 0; i < total_args; i++) decref(args[i]);
        STACK_SHRINK(total_args);
        decref(function);
        STACK_SHRINK(is_meth ? 1 : 2);
        if (!res) goto error;
        PUSH(res);
        JUMPBY(cache_entries(CALL));
        CHECK_EVAL_BREAKER();
        DISPATCH();
    }

    TARGET(CALL_FUNCTION_EX) {
        Object* result = call_function_ex(oparg, stack_pointer).release();
        decref(POP());  // the callable
        // TOP() is the NULL pushed before the callable.
        SET_TOP(result);
        if (result == nullptr) goto error;
        CHECK_EVAL_BREAKER();
        DISPATCH();
    }

    TARGET(LOAD_BUILD_CLASS) {
        Object* bc = dict_get_item_with_error(frame->f_builtins, intern_str("__build_class__"));
        if (!bc) {
            if (!error_occurred()) set_error(Exc_NameError, "__build_class__ not found");
            goto error;
        }
        incref(bc);
        PUSH(bc);
        DISPATCH();
    }

    TARGET(SETUP_ANNOTATIONS) {
        Object* locals = frame->f_locals;
        if (locals == nullptr) {
            format_error(Exc_SystemError, "no locals found when setting up annotations");
            goto error;
        }
        Object* key = intern_str("__annotations__");
        int has = dict_check_exact(locals) ? dict_contains(locals, key) : sequence_contains(locals, key);
        if (has < 0) goto error;
        if (!has) {
            Ref<> ann = dict_new();
            if (!ann || object_set_item(locals, key, ann.get()) < 0) goto error;
        }
        DISPATCH();
    }

    // --- imports ------------------------------------------------------------------

    TARGET(IMPORT_NAME) {
        Object* name = GETITEM(frame->f_code->co_names, oparg);
        Object* fromlist = POP();
        Object* level = TOP();
        Object* res = (import_name(frame, name, fromlist, level)).release();
        decref(level);
        decref(fromlist);
        SET_TOP(res);
        if (TOP() == nullptr) goto error;
        DISPATCH();
    }

    TARGET(IMPORT_FROM) {
        Object* name = GETITEM(frame->f_code->co_names, oparg);
        Object* res = (import_from(TOP(), name)).release();
        if (!res) goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(IMPORT_STAR) {
        Object* from = POP();
        if (frame->f_locals == nullptr) {
            set_error(Exc_SystemError, "no locals found during 'import *'");
            decref(from);
            goto error;
        }
        int err = import_all_from(frame->f_locals, from);
        decref(from);
        if (err != 0) goto error;
        DISPATCH();
    }

    // --- exceptions -----------------------------------------------------------------

    TARGET(LOAD_ASSERTION_ERROR) {
        Object* value = Exc_AssertionError;
        incref(value);
        PUSH(value);
        DISPATCH();
    }

    TARGET(RAISE_VARARGS) {
        Object* cause = nullptr;
        Object* exc = nullptr;
        switch (oparg) {
        case 2: cause = POP(); [[fallthrough]];
        case 1: exc = POP(); [[fallthrough]];
        case 0:
            if (do_raise(ts, exc, cause)) goto exception_unwind;
            break;
        default:
            set_error(Exc_SystemError, "bad RAISE_VARARGS oparg");
            break;
        }
        goto error;
    }

    TARGET(PUSH_EXC_INFO) {
        // exc | ... -> previous handled exception | exc; exc becomes the
        // one being handled (sys.exc_info()).
        Object* value = TOP();
        ErrStackItem* exc_info = ts->exc_info;
        Object* previous = exc_info->exc_value ? exc_info->exc_value : Py_None();
        if (!exc_info->exc_value) incref(previous);
        SET_TOP(previous);
        incref(value);
        PUSH(value);
        exc_info->exc_value = value;
        DISPATCH();
    }

    TARGET(POP_EXCEPT) {
        ErrStackItem* exc_info = ts->exc_info;
        Object* value = exc_info->exc_value;
        exc_info->exc_value = POP();
        xdecref(value);
        DISPATCH();
    }

    TARGET(CHECK_EXC_MATCH) {
        Object* right = POP();
        Object* left = TOP();
        if (!check_except_type_valid(right)) {
            decref(right);
            goto error;
        }
        bool res = given_exception_matches(left, right);
        decref(right);
        Object* b = res ? Py_True() : Py_False();
        incref(b);
        PUSH(b);
        DISPATCH();
    }

    TARGET(CHECK_EG_MATCH) {
        // exc | type  ->  rest | match   (or  exc | None  when nothing matches)
        Object* match_type = POP();
        if (!check_except_star_type_valid(match_type)) {
            decref(match_type);
            goto error;
        }
        Object* exc_value = TOP();
        Object* match = nullptr;
        Object* rest = nullptr;
        int res = exception_group_match_raw(exc_value, match_type, &match, &rest);
        decref(match_type);
        if (res < 0) goto error;
        if (match == Py_None()) {
            PUSH(match);
            xdecref(rest);
        }
        else {
            // The matched part is what the clause handles (sys.exc_info()).
            SET_TOP(rest);
            PUSH(match);
            Object* old = ts->exc_info->exc_value;
            incref(match);
            ts->exc_info->exc_value = match;
            xdecref(old);
            decref(exc_value);
        }
        DISPATCH();
    }

    TARGET(PREP_RERAISE_STAR) {
        Object* excs = POP();
        Object* orig = POP();
        Object* val = prep_reraise_star(orig, excs).release();
        decref(excs);
        decref(orig);
        if (val == nullptr) goto error;
        PUSH(val);
        DISPATCH();
    }

    TARGET(RERAISE) {
        if (oparg) {
            // The lasti a handler saved: the traceback points at the
            // instruction that raised, not at this RERAISE.
            Object* lasti = PEEK(oparg + 1);
            if (!long_check(lasti)) {
                set_error(Exc_SystemError, "lasti is not an int");
                goto error;
            }
            frame->prev_instr = first_instr + long_as_ssize_t(lasti);
        }
        Object* val = POP();
        restore_exception(steal_ref(val));
        goto exception_unwind;
    }

    TARGET(BEFORE_WITH) {
        Object* mgr = TOP();
        Object* exit = nullptr;
        Object* res = before_with(mgr, &exit, false).release();
        if (res == nullptr) goto error;
        SET_TOP(exit);
        decref(mgr);
        PUSH(res);
        DISPATCH();
    }

    TARGET(WITH_EXCEPT_START) {
        // exit_func | lasti | prev_exc | exc  ->  ... | exit_func(type, exc, tb)
        Object* val = TOP();
        Object* exit_func = PEEK(4);
        Object* tb = exception_get_traceback(val);
        Object* stack[3] = {Py_TYPE(val), val, tb ? tb : Py_None()};
        Object* res = (object_vectorcall(exit_func, stack, 3, nullptr)).release();
        if (!res) goto error;
        PUSH(res);
        DISPATCH();
    }

    // --- match statements ------------------------------------------------------

    TARGET(MATCH_MAPPING) {
        Object* res = (Py_TYPE(TOP())->tp_flags & Py_TPFLAGS_MAPPING) ? Py_True() : Py_False();
        incref(res);
        PUSH(res);
        DISPATCH();
    }

    TARGET(MATCH_SEQUENCE) {
        Object* res = (Py_TYPE(TOP())->tp_flags & Py_TPFLAGS_SEQUENCE) ? Py_True() : Py_False();
        incref(res);
        PUSH(res);
        DISPATCH();
    }

    TARGET(MATCH_KEYS) {
        // subject | keys  ->  subject | keys | values-or-None
        Object* values = match_keys(SECOND(), TOP()).release();
        if (values == nullptr) {
            if (error_occurred()) goto error;
            values = Py_None();
            incref(values);
        }
        PUSH(values);
        DISPATCH();
    }

    TARGET(MATCH_CLASS) {
        // subject | type | names  ->  attributes-tuple-or-None
        Object* names = POP();
        Object* type = POP();
        Object* subject = TOP();
        Object* attrs = match_class(subject, type, oparg, names).release();
        decref(names);
        decref(type);
        if (attrs == nullptr) {
            if (error_occurred()) goto error;
            attrs = Py_None();
            incref(attrs);
        }
        SET_TOP(attrs);
        decref(subject);
        DISPATCH();
    }

    // --- generators ----------------------------------------------------------------

    TARGET(RETURN_GENERATOR) {
        // The frame moves into a new generator, which is this call's result.
        frame_set_stack_pointer(frame, stack_pointer);
        Object* gen = gen_new_from_frame(frame).release();
        if (gen == nullptr) goto error;
        leave_recursive_call();
        InterpreterFrame* prev = frame->previous;
        bool was_entry = frame->is_entry;
        pop_frame_memory(frame);
        frame = fs.current = prev;
        if (was_entry) return steal_ref(gen);
        SET_LOCALS_FROM_FRAME();
        PUSH(gen);
        DISPATCH();
    }

    TARGET(YIELD_VALUE) {
        // Generator frames always run as entry frames (gen_send_ex2):
        // yielding returns to the C++ caller, the frame stays suspended.
        Object* yielded = POP();
        frame_generator(frame)->gi_frame_state = FRAME_SUSPENDED;
        frame_set_stack_pointer(frame, stack_pointer);
        leave_recursive_call();
        fs.current = frame->previous;
        return steal_ref(yielded);
    }

    TARGET(GET_YIELD_FROM_ITER) {
        Object* iterable = TOP();
        if (coro_check(iterable)) {
            if (!(frame->f_code->co_flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE))) {
                set_error(Exc_TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
                goto error;
            }
        }
        else if (!gen_check(iterable)) {
            Object* iter = object_get_iter(iterable).release();
            decref(iterable);
            SET_TOP(iter);
            if (iter == nullptr) goto error;
        }
        DISPATCH();
    }

    TARGET(SEND) {
        // yield from: pass the sent value on to the sub-iterator; its
        // return value ends the loop (jump forward by oparg).
        Object* v = POP();
        Object* receiver = TOP();
        Object* sent_result = nullptr;
        SendResult status = iter_send_raw(receiver, v, &sent_result);
        decref(v);
        if (status == PYGEN_ERROR) goto error;
        if (status == PYGEN_RETURN) {
            decref(receiver);
            SET_TOP(sent_result);
            JUMPBY(oparg);
            DISPATCH();
        }
        PUSH(sent_result);
        DISPATCH();
    }

    // --- coroutines and async ----------------------------------------------------

    TARGET(GET_AWAITABLE) {
        Object* obj = TOP();
        Object* iter = get_awaitable(obj, oparg).release();
        decref(obj);
        SET_TOP(iter);  // even when null: the unwinding skips it
        if (iter == nullptr) goto error;
        DISPATCH();
    }

    TARGET(GET_AITER) {
        Object* obj = TOP();
        Object* iter = get_aiter(obj).release();
        decref(obj);
        SET_TOP(iter);
        if (iter == nullptr) goto error;
        DISPATCH();
    }

    TARGET(GET_ANEXT) {
        // The async iterator stays under the awaitable for the next round.
        Object* awaitable = get_anext(TOP()).release();
        if (awaitable == nullptr) goto error;
        PUSH(awaitable);
        DISPATCH();
    }

    TARGET(END_ASYNC_FOR) {
        // aiter | exc: StopAsyncIteration ends the loop, anything else is
        // re-raised with its traceback.
        Object* val = POP();
        if (given_exception_matches(val, Exc_StopAsyncIteration)) {
            decref(val);
            decref(POP());
            DISPATCH();
        }
        restore_exception(steal_ref(val));
        goto exception_unwind;
    }

    TARGET(ASYNC_GEN_WRAP) {
        // An async generator's own yield: marked so that its asend/athrow
        // awaitable tells it from what an await passes through.
        Object* value = TOP();
        Object* wrapped = async_gen_value_wrapper_new(value).release();
        if (wrapped == nullptr) goto error;
        SET_TOP(wrapped);
        decref(value);
        DISPATCH();
    }

    TARGET(BEFORE_ASYNC_WITH) {
        // mgr  ->  bound __aexit__ | mgr.__aenter__()  (awaited next)
        Object* mgr = TOP();
        Object* exit = nullptr;
        Object* res = before_with(mgr, &exit, true).release();
        if (res == nullptr) goto error;
        SET_TOP(exit);
        decref(mgr);
        PUSH(res);
        DISPATCH();
    }

    TARGET(PRINT_EXPR) {
        // An expression statement of 'single' code (the REPL, or
        // compile(..., "single")): sys.displayhook(value).
        Object* value = POP();
        Object* sysdict = interpreter_get()->sysdict;
        Object* hook = sysdict ? dict_get_item_string(sysdict, "displayhook") : nullptr;
        if (hook == nullptr) {
            set_error(Exc_RuntimeError, "lost sys.displayhook");
            decref(value);
            goto error;
        }
        // A raw pointer, not Ref<>: clang rejects an indirect goto
        // (DISPATCH) out of the scope of an object with a destructor.
        Object* res = call_one_arg(hook, value).release();
        decref(value);
        if (!res) goto error;
        decref(res);
        DISPATCH();
    }

    // --- not implemented yet: each raises SystemError ------------------------------

    TARGET(CACHE) goto unknown_opcode;

#if !MINIPY_COMPUTED_GOTO
    default:
        goto unknown_opcode;
    }  // switch
#endif

unknown_opcode:
    format_error(Exc_SystemError, "unknown opcode %s",
                 opcode_name(opcode) ? opcode_name(opcode) : std::to_string(opcode).c_str());
    goto error;

error:
    // Log the frame in the exception's traceback, then unwind.
    add_traceback_entry(frame);

exception_unwind: {
    int offset = INSTR_OFFSET() - 1;
    int level, handler, lasti;
    if (!get_exception_handler(frame->f_code, offset, &level, &handler, &lasti)) {
        // No handler: drop the stack and leave the frame.
        Object** stackbase = frame_stackbase(frame);
        while (stack_pointer > stackbase) xdecref(POP());
        frame_set_stack_pointer(frame, stack_pointer);
        goto exit_unwind;
    }
    Object** new_top = frame_stackbase(frame) + level;
    while (stack_pointer > new_top) xdecref(POP());
    if (lasti) {
        Object* lasti_obj = long_from_long(frame_lasti(frame)).release();
        if (!lasti_obj) goto exception_unwind;
        PUSH(lasti_obj);
    }
    PUSH(fetch_exception().release());
    JUMPTO(handler);
    kwnames = nullptr;
    DISPATCH();
}

exit_unwind:
    leave_recursive_call();
exit_unwind_no_leave:
    if (frame->is_entry) {
        fs.current = frame->previous;
        // A generator's frame belongs to the generator, which clears it.
        if (frame->owner == FRAME_OWNED_BY_THREAD) pop_frame(frame);
        return nullptr;
    }
    {
        InterpreterFrame* dying = frame;
        frame = fs.current = dying->previous;
        pop_frame(dying);
    }
    // resume_with_error: the caller's CALL fails in turn.
    SET_LOCALS_FROM_FRAME();
    goto error;

exit_entry:
    fs.current = frame->previous;
    if (frame->owner == FRAME_OWNED_BY_THREAD) pop_frame(frame);
    return steal_ref(retval);
}

}  // namespace minipy::vm
