// suggestions.cpp: the closest name in scope for a misspelt one.
// Mirrors CPython 3.11 Python/suggestions.c. Book chapter 8.
//
// The distance is Levenshtein's with CPython's costs: changing case costs 1,
// any other insertion, deletion or substitution 2. A candidate is taken
// when at most about a third of the characters involved change
// ((len(a) + len(b) + 3) * 2 / 6); the first candidate with the smallest
// distance wins. NameError looks at the failing frame's locals, then its
// globals, then builtins; AttributeError at dir(obj). Lists of 750 names or
// more, and names over 40 characters, are not searched.
#include "suggestions.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "ceval.h"
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/codeobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/frameobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/traceback.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::vm {

using namespace runtime;

namespace {

constexpr std::size_t MAX_CANDIDATE_ITEMS = 750;
constexpr std::size_t MAX_STRING_SIZE = 40;
constexpr std::size_t MOVE_COST = 2;
constexpr std::size_t CASE_COST = 1;

std::size_t substitution_cost(char a, char b)
{
    if ((a & 31) != (b & 31)) return MOVE_COST;
    if (a == b) return 0;
    if ('A' <= a && a <= 'Z') a = static_cast<char>(a + ('a' - 'A'));
    if ('A' <= b && b <= 'Z') b = static_cast<char>(b + ('a' - 'A'));
    return a == b ? CASE_COST : MOVE_COST;
}

// levenshtein_distance: one row of the matrix, updated in place; gives up
// (max_cost + 1) as soon as a whole row exceeds max_cost.
std::size_t levenshtein_distance(std::string_view a, std::string_view b, std::size_t max_cost)
{
    while (!a.empty() && !b.empty() && a.front() == b.front()) {
        a.remove_prefix(1);
        b.remove_prefix(1);
    }
    while (!a.empty() && !b.empty() && a.back() == b.back()) {
        a.remove_suffix(1);
        b.remove_suffix(1);
    }
    if (a.empty() || b.empty()) return (a.size() + b.size()) * MOVE_COST;
    if (a.size() > MAX_STRING_SIZE || b.size() > MAX_STRING_SIZE) return max_cost + 1;
    if (b.size() < a.size()) std::swap(a, b);
    if ((b.size() - a.size()) * MOVE_COST > max_cost) return max_cost + 1;
    std::vector<std::size_t> buffer(a.size());
    std::size_t tmp = MOVE_COST;
    for (std::size_t i = 0; i < a.size(); i++) {
        buffer[i] = tmp;
        tmp += MOVE_COST;
    }
    std::size_t result = 0;
    for (std::size_t b_index = 0; b_index < b.size(); b_index++) {
        char code = b[b_index];
        std::size_t distance = result = b_index * MOVE_COST;
        std::size_t minimum = SIZE_MAX;
        for (std::size_t index = 0; index < a.size(); index++) {
            std::size_t substitute = distance + substitution_cost(code, a[index]);
            distance = buffer[index];
            std::size_t insert_delete = std::min(result, distance) + MOVE_COST;
            result = std::min(insert_delete, substitute);
            buffer[index] = result;
            minimum = std::min(minimum, result);
        }
        if (minimum > max_cost) return max_cost + 1;
    }
    return result;
}

// calculate_suggestions over a list of candidate names; "" for none.
std::string calculate_suggestions(Object* dir, Object* name)
{
    std::size_t dir_size = static_cast<std::size_t>(list_size(dir));
    if (dir_size >= MAX_CANDIDATE_ITEMS) return {};
    std::string name_str = unicode_to_std(name);
    std::size_t suggestion_distance = SIZE_MAX;
    std::string suggestion;
    bool found = false;
    for (std::size_t i = 0; i < dir_size; i++) {
        Object* item = list_item(dir, static_cast<Py_ssize_t>(i));
        if (!unicode_check(item)) continue;
        std::string item_str = unicode_to_std(item);
        if (item_str == name_str) continue;
        std::size_t max_distance = (name_str.size() + item_str.size() + 3) * MOVE_COST / 6;
        max_distance = std::min(max_distance, suggestion_distance - 1);
        std::size_t current = levenshtein_distance(name_str, item_str, max_distance);
        if (current > max_distance) continue;
        if (!found || current < suggestion_distance) {
            suggestion = item_str;
            suggestion_distance = current;
            found = true;
        }
    }
    return suggestion;
}

Ref<> keys_list(Object* dict)
{
    return dict && dict_check(dict) ? dict_keys(dict) : list_new(0);
}

// dir(obj) as object.__dir__/type.__dir__/module.__dir__ compute it: the
// names of the instance dict and of every class along the MRO, sorted.
Ref<> default_dir(Object* obj)
{
    Ref<> names = dict_new();
    if (!names) return nullptr;
    auto add_dict = [&](Object* d) -> bool {
        if (!d || !dict_check(d)) return true;
        Py_ssize_t pos = 0;
        Object *k, *v;
        while (dict_next(d, &pos, &k, &v))
            if (dict_set_item(names.get(), k, Py_None()) < 0) return false;
        return true;
    };
    if (module_check(obj)) {
        if (!add_dict(module_get_dict(obj))) return nullptr;
    }
    else {
        if (!type_check(obj)) {
            Object** dictptr = object_get_dict_ptr(obj);
            if (dictptr && !add_dict(*dictptr)) return nullptr;
        }
        TypeObject* type = type_check(obj) ? static_cast<TypeObject*>(obj) : Py_TYPE(obj);
        if (Object* mro = type->tp_mro) {
            for (Py_ssize_t i = 0; i < tuple_size(mro); i++)
                if (!add_dict(static_cast<TypeObject*>(tuple_item(mro, i))->tp_dict)) return nullptr;
        }
    }
    Ref<> list = dict_keys(names.get());
    if (!list || list_sort(list.get()) < 0) return nullptr;
    return list;
}

std::string suggest_for_attribute_error(Object* exc)
{
    auto* e = static_cast<AttributeErrorObject*>(exc);
    if (!e->name || !e->obj || !unicode_check_exact(e->name)) return {};
    Ref<> dir = default_dir(e->obj);
    if (!dir) return {};
    return calculate_suggestions(dir.get(), e->name);
}

std::string suggest_for_name_error(Object* exc)
{
    auto* e = static_cast<NameErrorObject*>(exc);
    Object* tb = exception_get_traceback(exc);
    if (!e->name || !unicode_check_exact(e->name) || !tb || !traceback_check(tb)) return {};
    while (Object* next = static_cast<TracebackObject*>(tb)->tb_next) tb = next;
    auto* frame = static_cast<FrameObject*>(static_cast<TracebackObject*>(tb)->tb_frame);
    Ref<> varnames = code_get_varnames(static_cast<CodeObject*>(frame->f_code));
    Ref<> dir = varnames ? sequence_list(varnames.get()) : nullptr;
    if (!dir) return {};
    std::string s = calculate_suggestions(dir.get(), e->name);
    if (!s.empty()) return s;
    dir = keys_list(frame->f_globals);
    if (!dir) return {};
    s = calculate_suggestions(dir.get(), e->name);
    if (!s.empty()) return s;
    dir = keys_list(frame->f_builtins);
    if (!dir) return {};
    return calculate_suggestions(dir.get(), e->name);
}

}  // namespace

std::string offer_suggestions(Object* exc)
{
    std::string s;
    if (Py_TYPE(exc) == Exc_AttributeError) s = suggest_for_attribute_error(exc);
    else if (Py_TYPE(exc) == Exc_NameError) s = suggest_for_name_error(exc);
    error_clear();
    if (s.empty()) return s;
    return ". Did you mean: '" + s + "'?";
}

}  // namespace minipy::vm
