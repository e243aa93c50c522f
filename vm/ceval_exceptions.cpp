// ceval_exceptions.cpp: the exception side of the eval loop: raising,
// matching except and except* clauses, and reading the exception table.
// Mirrors the exception helpers of CPython 3.11 Python/ceval.c (do_raise,
// check_except_type_valid, check_except_star_type_valid,
// exception_group_match, get_exception_handler) and
// _PyExc_PrepReraiseStar of Objects/exceptions.c. Book chapter 8.
//
// The exception table (co_exceptiontable)
// ---------------------------------------
// 3.11 has no block stack: the compiler lists, for ranges of instructions,
// where to go when one of them raises. Each entry is four varints: start
// and length of the range (in code units), the handler's offset, and
// depth << 1 | lasti: the value-stack depth to unwind to, and whether to
// push the offset of the raising instruction before the exception (so that
// RERAISE can restore it for the traceback). Entries are sorted by start;
// the first byte of each has bit 7 set.
//
// except* (PEP 654)
// -----------------
// CHECK_EG_MATCH splits the exception group being handled into the part a
// clause matches and the rest; a naked exception that matches is wrapped in
// an ExceptionGroup. After the clauses ran, PREP_RERAISE_STAR combines what
// they raised with the unhandled rest: exceptions re-raised unchanged (same
// traceback, cause, context and notes as the original group) are put back
// into the original group's shape; new ones are grouped with it.
#include <set>

#include "ceval.h"
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/codeobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::vm {

using namespace runtime;

// do_raise: 1 for a bare `raise` (re-raised with its traceback as is), 0
// when a new exception was set (it gets a traceback entry here).
int do_raise(ThreadState* ts, Object* exc, Object* cause)
{
    Ref<> exc_ref = steal_ref(exc), cause_ref = steal_ref(cause);
    if (!exc) {
        Object* value = nullptr;
        for (ErrStackItem* item = ts->exc_info; item; item = item->previous_item) {
            if (item->exc_value && item->exc_value != Py_None()) {
                value = item->exc_value;
                break;
            }
        }
        if (!value) {
            set_error(Exc_RuntimeError, "No active exception to reraise");
            return 0;
        }
        restore_exception(new_ref(value));
        return 1;
    }
    Ref<> value;
    TypeObject* type;
    if (exception_class_check(exc)) {
        type = static_cast<TypeObject*>(exc);
        value = call_no_args(exc);
        if (!value) return 0;
        if (!exception_check(value.get())) {
            format_error(Exc_TypeError, "calling %R should have returned an instance of BaseException, not %R",
                         type, Py_TYPE(value.get()));
            return 0;
        }
    }
    else if (exception_check(exc)) {
        value = exc_ref;
        type = Py_TYPE(exc);
    }
    else {
        set_error(Exc_TypeError, "exceptions must derive from BaseException");
        return 0;
    }
    if (cause) {
        Ref<> fixed_cause;
        if (exception_class_check(cause)) {
            fixed_cause = call_no_args(cause);
            if (!fixed_cause) return 0;
        }
        else if (exception_check(cause)) {
            fixed_cause = cause_ref;
        }
        else if (cause != Py_None()) {
            set_error(Exc_TypeError, "exception causes must derive from BaseException");
            return 0;
        }
        exception_set_cause(value.get(), fixed_cause);  // None: null cause, context suppressed
    }
    set_error_object(type, value.get());
    return 0;
}

// check_except_type_valid: what an `except` clause may name.
bool check_except_type_valid(Object* right)
{
    const char* msg = "catching classes that do not inherit from BaseException is not allowed";
    if (tuple_check(right)) {
        for (Py_ssize_t i = 0; i < tuple_size(right); i++) {
            if (!exception_class_check(tuple_item(right, i))) {
                set_error(Exc_TypeError, msg);
                return false;
            }
        }
        return true;
    }
    if (!exception_class_check(right)) {
        set_error(Exc_TypeError, msg);
        return false;
    }
    return true;
}

// The exception table's varints: 6-bit chunks, most significant first,
// 0x40 = more follows; 0x80 marks the first byte of an entry.
static const unsigned char* parse_varint(const unsigned char* p, int* result)
{
    int val = p[0] & 63;
    while (p[0] & 64) {
        p++;
        val = (val << 6) | (p[0] & 63);
    }
    *result = val;
    return p + 1;
}

// get_exception_handler: the entry covering instruction `index` (in code
// units). Entries are (start, size, target, depth << 1 | lasti), sorted by
// start; a linear scan is what 3.11 does for small tables.
bool get_exception_handler(CodeObject* co, int index, int* level, int* handler, int* lasti)
{
    auto* start = reinterpret_cast<const unsigned char*>(bytes_as_string(co->co_exceptiontable));
    const unsigned char* end = start + bytes_size(co->co_exceptiontable);
    const unsigned char* scan = start;
    while (scan < end) {
        int start_offset, size;
        scan = parse_varint(scan, &start_offset);
        if (start_offset > index) break;
        scan = parse_varint(scan, &size);
        if (start_offset + size > index) {
            scan = parse_varint(scan, handler);
            int depth_and_lasti;
            parse_varint(scan, &depth_and_lasti);
            *level = depth_and_lasti >> 1;
            *lasti = depth_and_lasti & 1;
            return true;
        }
        while (scan < end && !(*scan & 128)) scan++;  // skip_to_next_entry
    }
    return false;
}


// check_except_star_type_valid: as for except, and no exception groups.
bool check_except_star_type_valid(Object* right)
{
    if (!check_except_type_valid(right)) return false;
    auto is_group = [](Object* t) {
        return type_is_subtype(static_cast<TypeObject*>(t), static_cast<TypeObject*>(Exc_BaseExceptionGroup));
    };
    bool bad = false;
    if (tuple_check(right)) {
        for (Py_ssize_t i = 0; i < tuple_size(right); i++) bad = bad || is_group(tuple_item(right, i));
    }
    else {
        bad = is_group(right);
    }
    if (bad) {
        set_error(Exc_TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.");
        return false;
    }
    return true;
}

namespace {

bool is_exception_group(Object* op) { return object_type_check(op, Exc_BaseExceptionGroup); }

// _PyExc_CreateExceptionGroup: ExceptionGroup(msg, excs).
Ref<> create_exception_group(const char* msg, Object* excs)
{
    Ref<> m = unicode_from_string(msg);
    if (!m) return nullptr;
    Ref<> args = tuple_pack({m.get(), excs});
    if (!args) return nullptr;
    return object_call(Exc_ExceptionGroup, args.get(), nullptr);
}

// collect_exception_group_leaf_ids: the identities of the leaves.
bool collect_leaf_ids(Object* exc, std::set<Object*>& ids)
{
    if (exc == Py_None()) return true;
    if (!is_exception_group(exc)) {
        ids.insert(exc);
        return true;
    }
    Object* excs = static_cast<BaseExceptionGroupObject*>(exc)->excs;
    for (Py_ssize_t i = 0; i < tuple_size(excs); i++)
        if (!collect_leaf_ids(tuple_item(excs, i), ids)) return false;
    return true;
}

// is_same_exception_metadata: a re-raise, not a new exception.
bool is_same_exception_metadata(Object* a, Object* b)
{
    auto* x = static_cast<BaseExceptionObject*>(a);
    auto* y = static_cast<BaseExceptionObject*>(b);
    return x->notes == y->notes && x->traceback == y->traceback && x->cause == y->cause && x->context == y->context;
}

// The subgroup of eg whose leaves are in keep, with eg's nesting and
// metadata (exceptiongroup_split_recursive with
// EXCEPTION_GROUP_MATCH_INSTANCE_IDS); None when nothing is kept.
Ref<> project_by_ids(Object* eg, const std::set<Object*>& keep)
{
    if (!is_exception_group(eg)) return new_ref(keep.count(eg) ? eg : Py_None());
    Object* excs = static_cast<BaseExceptionGroupObject*>(eg)->excs;
    Ref<> kept = list_new(0);
    if (!kept) return nullptr;
    for (Py_ssize_t i = 0; i < tuple_size(excs); i++) {
        Ref<> part = project_by_ids(tuple_item(excs, i), keep);
        if (!part) return nullptr;
        if (part.get() != Py_None() && list_append(kept.get(), part.get()) < 0) return nullptr;
    }
    if (list_size(kept.get()) == 0) return none_ref();
    Ref<> derived = call_method(eg, "derive", {kept.get()});
    if (!derived) return nullptr;
    // The new group carries the original's traceback, context, cause, notes.
    if (exception_group_copy_metadata(eg, derived.get()) < 0) return nullptr;
    return derived;
}

}  // namespace

int exception_group_match(Object* exc_value, Object* match_type, Ref<>* match, Ref<>* rest)
{
    if (exc_value == Py_None()) {
        *match = none_ref();
        *rest = none_ref();
        return 0;
    }
    if (given_exception_matches(exc_value, match_type)) {
        if (is_exception_group(exc_value)) {
            *match = new_ref(exc_value);
        }
        else {
            // A naked exception matches: wrap it, keeping its traceback.
            Ref<> excs = tuple_pack({exc_value});
            if (!excs) return -1;
            Ref<> wrapped = create_exception_group("", excs.get());
            if (!wrapped) return -1;
            if (Object* tb = exception_get_traceback(exc_value))
                if (exception_set_traceback(wrapped.get(), tb) < 0) return -1;
            *match = std::move(wrapped);
        }
        *rest = none_ref();
        return 0;
    }
    if (is_exception_group(exc_value)) {
        Ref<> pair = call_method(exc_value, "split", {match_type});
        if (!pair) return -1;
        if (!tuple_check(pair.get()) || tuple_size(pair.get()) != 2) {
            format_error(Exc_TypeError, "%.200s.split must return a 2-tuple, got %.200s", Py_TYPE(exc_value)->tp_name,
                         Py_TYPE(pair.get())->tp_name);
            return -1;
        }
        *match = new_ref(tuple_item(pair.get(), 0));
        *rest = new_ref(tuple_item(pair.get(), 1));
        return 0;
    }
    *match = none_ref();
    *rest = none_ref();
    return 0;
}

Ref<> prep_reraise_star(Object* orig, Object* excs)
{
    Py_ssize_t numexcs = list_size(excs);
    if (numexcs == 0) return none_ref();
    if (!is_exception_group(orig)) {
        // A naked exception was caught and wrapped: one clause ran at most.
        return new_ref(list_item(excs, 0));
    }
    std::set<Object*> orig_leaves;
    collect_leaf_ids(orig, orig_leaves);
    Ref<> raised = list_new(0);
    std::set<Object*> reraised_leaves;
    if (!raised) return nullptr;
    for (Py_ssize_t i = 0; i < numexcs; i++) {
        Object* e = list_item(excs, i);
        if (e == Py_None()) continue;
        if (is_same_exception_metadata(e, orig)) collect_leaf_ids(e, reraised_leaves);
        else if (list_append(raised.get(), e) < 0) return nullptr;
    }
    Ref<> reraised_eg = reraised_leaves.empty() ? none_ref() : project_by_ids(orig, reraised_leaves);
    if (!reraised_eg) return nullptr;
    if (list_size(raised.get()) == 0) return reraised_eg;
    if (reraised_eg.get() != Py_None() && list_append(raised.get(), reraised_eg.get()) < 0) return nullptr;
    if (list_size(raised.get()) > 1) return create_exception_group("", raised.get());
    return new_ref(list_item(raised.get(), 0));
}

}  // namespace minipy::vm
