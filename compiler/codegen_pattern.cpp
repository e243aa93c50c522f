// codegen_pattern.cpp: code generation for the match statement (PEP 634):
// the subject, each case with its guard, and every pattern kind (value,
// singleton, sequence, mapping, class, star, as/capture, or).
//
// Mirrors the pattern-matching part of CPython 3.11 Python/compile.c
// (compiler_match, compiler_pattern and its helpers; 3.12: Python/codegen.c).
// Book chapter 7, "The Compiler".
//
// Design notes: while a pattern is matched, the values it captures stay on
// the stack (they are only stored once the whole case has matched, so a
// failed case binds nothing). PatternContext::stores lists the names in
// stack order; on_top counts the items above them that the current
// sub-pattern still needs. On failure, the code jumps to fail_pop[n], a
// chain of POP_TOPs that drops exactly the n items in the way.
#include <algorithm>

#include "compile_internal.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/setobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::compiler {

using namespace minipy::runtime;
using namespace minipy::ast;

namespace {

struct PatternContext {
    std::vector<std::string> stores;     // captured names, in stack order
    bool allow_irrefutable = false;      // false: a capture here would make later cases unreachable
    std::vector<BasicBlock*> fail_pop;   // fail_pop[i] pops i items, then falls through
    int on_top = 0;                      // items above the captures that must stay on top
};

bool WILDCARD_CHECK(pattern_ty p) { return p->kind == MatchAs_kind && p->v.MatchAs.name.data() == nullptr; }
bool WILDCARD_STAR_CHECK(pattern_ty p) { return p->kind == MatchStar_kind && p->v.MatchStar.name.data() == nullptr; }

void set_loc(Compiler* c, pattern_ty p) { c->u->loc = {p->lineno, p->end_lineno, p->col_offset, p->end_col_offset}; }

bool compiler_pattern(Compiler* c, pattern_ty p, PatternContext* pc);

bool ensure_fail_pop(Compiler* c, PatternContext* pc, int n)
{
    while (static_cast<int>(pc->fail_pop.size()) < n + 1) pc->fail_pop.push_back(compiler_new_block(c));
    return true;
}

// Jumps (with `op`) to the block that pops what is on the stack: the
// items on top and the captures so far.
bool jump_to_fail_pop(Compiler* c, PatternContext* pc, int op)
{
    const int pops = pc->on_top + static_cast<int>(pc->stores.size());
    RETURN_IF_FALSE(ensure_fail_pop(c, pc, pops));
    ADDOP_JUMP(c, op, pc->fail_pop[static_cast<std::size_t>(pops)]);
    return true;
}

// Emits the fail_pop chain (POP_TOP ... falling into fail_pop[0]) and resets it.
bool emit_and_reset_fail_pop(Compiler* c, PatternContext* pc)
{
    if (pc->fail_pop.empty()) return true;
    for (std::size_t i = pc->fail_pop.size() - 1; i > 0; --i) {
        compiler_use_next_block(c, pc->fail_pop[i]);
        if (!compiler_addop(c, POP_TOP)) {
            pc->fail_pop.clear();
            return false;
        }
    }
    compiler_use_next_block(c, pc->fail_pop[0]);
    pc->fail_pop.clear();
    return true;
}

bool compiler_error_duplicate_store(Compiler* c, const std::string& n)
{
    return compiler_error(c, "multiple assignments to name '%s' in pattern", n.c_str());
}

// SWAPs that do what 3.10's ROT_N did: TOS goes `count` deep.
bool pattern_helper_rotate(Compiler* c, int count)
{
    while (1 < count) ADDOP_I(c, SWAP, count--);
    return true;
}

bool pattern_helper_store_name(Compiler* c, std::string_view n, PatternContext* pc)
{
    if (n.data() == nullptr) {
        ADDOP(c, POP_TOP);
        return true;
    }
    if (n == "__debug__") return compiler_error(c, "cannot assign to __debug__");
    std::string name(n);
    if (std::find(pc->stores.begin(), pc->stores.end(), name) != pc->stores.end())
        return compiler_error_duplicate_store(c, name);
    // Move the value below the items that must stay on top.
    RETURN_IF_FALSE(pattern_helper_rotate(c, pc->on_top + static_cast<int>(pc->stores.size()) + 1));
    pc->stores.push_back(std::move(name));
    return true;
}

bool pattern_unpack_helper(Compiler* c, asdl_pattern_seq* elts)
{
    const int n = asdl_seq_LEN(elts);
    bool seen_star = false;
    for (int i = 0; i < n; ++i) {
        pattern_ty elt = (*elts)[i];
        if (elt->kind == MatchStar_kind && !seen_star) {
            if (i >= (1 << 8) || (n - i - 1) >= (0x7fffffff >> 8))
                return compiler_error(c, "too many expressions in star-unpacking sequence pattern");
            ADDOP_I(c, UNPACK_EX, i + ((n - i - 1) << 8));
            seen_star = true;
        } else if (elt->kind == MatchStar_kind) {
            return compiler_error(c, "multiple starred expressions in sequence pattern");
        }
    }
    if (!seen_star) ADDOP_I(c, UNPACK_SEQUENCE, n);
    return true;
}

// Like compiler_pattern, but a sub-pattern may always be irrefutable.
bool compiler_pattern_subpattern(Compiler* c, pattern_ty p, PatternContext* pc)
{
    const bool allow_irrefutable = pc->allow_irrefutable;
    pc->allow_irrefutable = true;
    RETURN_IF_FALSE(compiler_pattern(c, p, pc));
    pc->allow_irrefutable = allow_irrefutable;
    return true;
}

bool pattern_helper_sequence_unpack(Compiler* c, asdl_pattern_seq* patterns, PatternContext* pc)
{
    RETURN_IF_FALSE(pattern_unpack_helper(c, patterns));
    const int size = asdl_seq_LEN(patterns);
    // The unpacked items stay on the stack while each one is matched.
    pc->on_top += size;
    for (int i = 0; i < size; ++i) {
        pc->on_top--;
        RETURN_IF_FALSE(compiler_pattern_subpattern(c, (*patterns)[i], pc));
    }
    return true;
}

// [first, *_, last]: subscripts instead of unpacking everything.
bool pattern_helper_sequence_subscr(Compiler* c, asdl_pattern_seq* patterns, int star, PatternContext* pc)
{
    pc->on_top++;  // the subject stays, for the next subscript
    const int size = asdl_seq_LEN(patterns);
    for (int i = 0; i < size; ++i) {
        pattern_ty pattern = (*patterns)[i];
        if (WILDCARD_CHECK(pattern) || i == star) continue;
        ADDOP_I(c, COPY, 1);
        if (i < star) {
            Ref<> index = long_from_long(i);
            if (!index) return false;
            ADDOP_LOAD_CONST(c, index.get());
        } else {
            // The subject may not support negative indexes: len(s) - k.
            ADDOP(c, GET_LEN);
            Ref<> k = long_from_long(size - i);
            if (!k) return false;
            ADDOP_LOAD_CONST(c, k.get());
            ADDOP_I(c, BINARY_OP, binop_oparg(Sub, false));
        }
        ADDOP(c, BINARY_SUBSCR);
        RETURN_IF_FALSE(compiler_pattern_subpattern(c, pattern, pc));
    }
    pc->on_top--;
    ADDOP(c, POP_TOP);  // the subject
    return true;
}

bool compiler_pattern_as(Compiler* c, pattern_ty p, PatternContext* pc)
{
    if (p->v.MatchAs.pattern == nullptr) {
        // An irrefutable capture (or wildcard).
        if (!pc->allow_irrefutable) {
            if (p->v.MatchAs.name.data() != nullptr)
                return compiler_error(c, "name capture '%s' makes remaining patterns unreachable",
                                      std::string(p->v.MatchAs.name).c_str());
            return compiler_error(c, "wildcard makes remaining patterns unreachable");
        }
        return pattern_helper_store_name(c, p->v.MatchAs.name, pc);
    }
    // A copy to store if the inner pattern matches.
    pc->on_top++;
    ADDOP_I(c, COPY, 1);
    RETURN_IF_FALSE(compiler_pattern(c, p->v.MatchAs.pattern, pc));
    pc->on_top--;
    return pattern_helper_store_name(c, p->v.MatchAs.name, pc);
}

bool validate_kwd_attrs(Compiler* c, asdl_identifier_seq* attrs, asdl_pattern_seq* patterns)
{
    const int nattrs = asdl_seq_LEN(attrs);
    for (int i = 0; i < nattrs; ++i) {
        std::string_view attr = (*attrs)[i];
        set_loc(c, (*patterns)[i]);
        if (attr == "__debug__") return compiler_error(c, "cannot assign to __debug__");
        for (int j = i + 1; j < nattrs; ++j) {
            if ((*attrs)[j] == attr) {
                set_loc(c, (*patterns)[j]);
                return compiler_error(c, "attribute name repeated in class pattern: %s", std::string(attr).c_str());
            }
        }
    }
    return true;
}

// Cls(p1, p2, k=p3): MATCH_CLASS gives a tuple of the matched attributes.
bool compiler_pattern_class(Compiler* c, pattern_ty p, PatternContext* pc)
{
    auto& m = p->v.MatchClass;
    const int nargs = asdl_seq_LEN(m.patterns);
    const int nattrs = asdl_seq_LEN(m.kwd_attrs);
    if (nattrs != asdl_seq_LEN(m.kwd_patterns))
        return compiler_error(c, "kwd_attrs (%d) / kwd_patterns (%d) length mismatch in class pattern", nattrs,
                              asdl_seq_LEN(m.kwd_patterns));
    if (nattrs) {
        RETURN_IF_FALSE(validate_kwd_attrs(c, m.kwd_attrs, m.kwd_patterns));
        set_loc(c, p);
    }
    VISIT(c, expr, m.cls);
    Ref<> attr_names = tuple_new(nattrs);
    if (!attr_names) return false;
    for (int i = 0; i < nattrs; ++i) {
        Ref<> name = str_obj((*m.kwd_attrs)[i]);
        if (!name) return false;
        tuple_set_item(attr_names.get(), i, name.release());
    }
    ADDOP_LOAD_CONST(c, attr_names.get());
    ADDOP_I(c, MATCH_CLASS, nargs);
    ADDOP_I(c, COPY, 1);
    ADDOP_LOAD_CONST(c, Py_None());
    ADDOP_I(c, IS_OP, 1);
    // TOS is now a tuple of (nargs + nattrs) attributes, or None.
    pc->on_top++;
    RETURN_IF_FALSE(jump_to_fail_pop(c, pc, POP_JUMP_IF_FALSE));
    ADDOP_I(c, UNPACK_SEQUENCE, nargs + nattrs);
    pc->on_top += nargs + nattrs - 1;
    for (int i = 0; i < nargs + nattrs; ++i) {
        pc->on_top--;
        pattern_ty pattern = i < nargs ? (*m.patterns)[i] : (*m.kwd_patterns)[i - nargs];
        if (WILDCARD_CHECK(pattern)) {
            ADDOP(c, POP_TOP);
            continue;
        }
        RETURN_IF_FALSE(compiler_pattern_subpattern(c, pattern, pc));
    }
    return true;
}

// {k1: p1, k2: p2, **rest}: MATCH_KEYS gives a tuple of the values.
bool compiler_pattern_mapping(Compiler* c, pattern_ty p, PatternContext* pc)
{
    auto& m = p->v.MatchMapping;
    int size = asdl_seq_LEN(m.keys);
    if (size != asdl_seq_LEN(m.patterns))
        return compiler_error(c, "keys (%d) / patterns (%d) length mismatch in mapping pattern", size,
                              asdl_seq_LEN(m.patterns));
    const bool star_target = m.rest.data() != nullptr;
    pc->on_top++;  // the subject stays during the checks
    ADDOP(c, MATCH_MAPPING);
    RETURN_IF_FALSE(jump_to_fail_pop(c, pc, POP_JUMP_IF_FALSE));
    if (!size && !star_target) {
        // Just {}: done.
        pc->on_top--;
        ADDOP(c, POP_TOP);
        return true;
    }
    if (size) {
        ADDOP(c, GET_LEN);
        Ref<> n = long_from_long(size);
        if (!n) return false;
        ADDOP_LOAD_CONST(c, n.get());
        RETURN_IF_FALSE(compiler_addop_compare(c, GtE));
        RETURN_IF_FALSE(jump_to_fail_pop(c, pc, POP_JUMP_IF_FALSE));
    }
    // The keys: literals (checked for duplicates) or attribute lookups.
    Ref<> seen = set_new(nullptr);
    if (!seen) return false;
    for (int i = 0; i < size; ++i) {
        expr_ty key = (*m.keys)[i];
        if (key == nullptr) {
            set_loc(c, (*m.patterns)[i]);
            return compiler_error(c, "can't use NULL keys in MatchMapping (set 'rest' parameter instead)");
        }
        if (key->kind == Constant_kind) {
            int in_seen = set_contains(seen.get(), key->v.Constant.value);
            if (in_seen < 0) return false;
            if (in_seen) {
                Ref<> r = object_repr(key->v.Constant.value);
                if (!r) return false;
                return compiler_error(c, "mapping pattern checks duplicate key (%s)", unicode_as_utf8(r.get()));
            }
            if (set_add(seen.get(), key->v.Constant.value) < 0) return false;
        } else if (key->kind != Attribute_kind) {
            return compiler_error(c, "mapping pattern keys may only match literals and attribute lookups");
        }
        VISIT(c, expr, key);
    }
    ADDOP_I(c, BUILD_TUPLE, size);
    ADDOP(c, MATCH_KEYS);
    // A tuple of keys and a tuple of values (or None) above the subject.
    pc->on_top += 2;
    ADDOP_I(c, COPY, 1);
    ADDOP_LOAD_CONST(c, Py_None());
    ADDOP_I(c, IS_OP, 1);
    RETURN_IF_FALSE(jump_to_fail_pop(c, pc, POP_JUMP_IF_FALSE));
    ADDOP_I(c, UNPACK_SEQUENCE, size);
    pc->on_top += size - 1;
    for (int i = 0; i < size; ++i) {
        pc->on_top--;
        RETURN_IF_FALSE(compiler_pattern_subpattern(c, (*m.patterns)[i], pc));
    }
    pc->on_top -= 2;
    if (star_target) {
        // rest = dict(subject), then del rest[key] for each key.
        ADDOP_I(c, BUILD_MAP, 0);
        ADDOP_I(c, SWAP, 3);
        ADDOP_I(c, DICT_UPDATE, 2);
        ADDOP_I(c, UNPACK_SEQUENCE, size);
        while (size) {
            ADDOP_I(c, COPY, 1 + size--);
            ADDOP_I(c, SWAP, 2);
            ADDOP(c, DELETE_SUBSCR);
        }
        RETURN_IF_FALSE(pattern_helper_store_name(c, m.rest, pc));
    } else {
        ADDOP(c, POP_TOP);  // the keys
        ADDOP(c, POP_TOP);  // the subject
    }
    return true;
}

// p1 | p2 | ...: every alternative must bind the same names; their values
// are rotated into the order of the first alternative's.
bool compiler_pattern_or(Compiler* c, pattern_ty p, PatternContext* pc)
{
    BasicBlock* end = compiler_new_block(c);
    const int size = asdl_seq_LEN(p->v.MatchOr.patterns);
    PatternContext old_pc = std::move(*pc);
    std::vector<std::string> control;
    for (int i = 0; i < size; ++i) {
        pattern_ty alt = (*p->v.MatchOr.patterns)[i];
        set_loc(c, alt);
        pc->stores.clear();
        pc->allow_irrefutable = (i == size - 1) && old_pc.allow_irrefutable;
        pc->fail_pop.clear();
        pc->on_top = 0;
        ADDOP_I(c, COPY, 1);
        RETURN_IF_FALSE(compiler_pattern(c, alt, pc));
        const int nstores = static_cast<int>(pc->stores.size());
        if (i == 0) {
            control = pc->stores;
        } else if (nstores != static_cast<int>(control.size())) {
            return compiler_error(c, "alternative patterns bind different names");
        } else if (nstores) {
            for (int icontrol = nstores - 1; icontrol >= 0; --icontrol) {
                auto it = std::find(pc->stores.begin(), pc->stores.end(), control[static_cast<std::size_t>(icontrol)]);
                if (it == pc->stores.end()) return compiler_error(c, "alternative patterns bind different names");
                const int istores = static_cast<int>(it - pc->stores.begin());
                if (icontrol != istores) {
                    // Reorder the names (and the stack) to the control's order:
                    // rotated = stores[:rotations]; del stores[:rotations];
                    // stores[icontrol-istores:icontrol-istores] = rotated.
                    const int rotations = istores + 1;
                    std::vector<std::string> rotated(pc->stores.begin(), pc->stores.begin() + rotations);
                    pc->stores.erase(pc->stores.begin(), pc->stores.begin() + rotations);
                    pc->stores.insert(pc->stores.begin() + (icontrol - istores), rotated.begin(), rotated.end());
                    for (int r = 0; r < rotations; ++r) RETURN_IF_FALSE(pattern_helper_rotate(c, icontrol + 1));
                }
            }
        }
        ADDOP_JUMP(c, JUMP, end);
        RETURN_IF_FALSE(emit_and_reset_fail_pop(c, pc));
    }
    *pc = std::move(old_pc);
    // No alternative matched: pop the copy of the subject and fail.
    ADDOP(c, POP_TOP);
    RETURN_IF_FALSE(jump_to_fail_pop(c, pc, JUMP));
    compiler_use_next_block(c, end);
    const int nstores = static_cast<int>(control.size());
    // Between the new captures and their place: the other new captures, the
    // subject's copy, the items on top and the earlier captures.
    const int nrots = nstores + 1 + pc->on_top + static_cast<int>(pc->stores.size());
    for (int i = 0; i < nstores; ++i) {
        RETURN_IF_FALSE(pattern_helper_rotate(c, nrots));
        const std::string& name = control[static_cast<std::size_t>(i)];
        if (std::find(pc->stores.begin(), pc->stores.end(), name) != pc->stores.end())
            return compiler_error_duplicate_store(c, name);
        pc->stores.push_back(name);
    }
    ADDOP(c, POP_TOP);  // the subject's copy
    return true;
}

bool compiler_pattern_sequence(Compiler* c, pattern_ty p, PatternContext* pc)
{
    asdl_pattern_seq* patterns = p->v.MatchSequence.patterns;
    const int size = asdl_seq_LEN(patterns);
    int star = -1;
    bool only_wildcard = true;
    bool star_wildcard = false;
    for (int i = 0; i < size; ++i) {
        pattern_ty pattern = (*patterns)[i];
        if (pattern->kind == MatchStar_kind) {
            if (star >= 0) return compiler_error(c, "multiple starred names in sequence pattern");
            star_wildcard = WILDCARD_STAR_CHECK(pattern);
            only_wildcard = only_wildcard && star_wildcard;
            star = i;
            continue;
        }
        only_wildcard = only_wildcard && WILDCARD_CHECK(pattern);
    }
    pc->on_top++;  // the subject stays during the checks
    ADDOP(c, MATCH_SEQUENCE);
    RETURN_IF_FALSE(jump_to_fail_pop(c, pc, POP_JUMP_IF_FALSE));
    if (star < 0) {
        // len(subject) == size
        ADDOP(c, GET_LEN);
        Ref<> n = long_from_long(size);
        if (!n) return false;
        ADDOP_LOAD_CONST(c, n.get());
        RETURN_IF_FALSE(compiler_addop_compare(c, Eq));
        RETURN_IF_FALSE(jump_to_fail_pop(c, pc, POP_JUMP_IF_FALSE));
    } else if (!star_wildcard || size > 1) {
        // len(subject) >= size - 1
        if (size - 1 > 0) {
            ADDOP(c, GET_LEN);
            Ref<> n = long_from_long(size - 1);
            if (!n) return false;
            ADDOP_LOAD_CONST(c, n.get());
            RETURN_IF_FALSE(compiler_addop_compare(c, GtE));
            RETURN_IF_FALSE(jump_to_fail_pop(c, pc, POP_JUMP_IF_FALSE));
        }
    }
    pc->on_top--;
    if (only_wildcard) {
        ADDOP(c, POP_TOP);  // [] / [_] / [_, *_] ...: nothing to bind
    } else if (star_wildcard) {
        RETURN_IF_FALSE(pattern_helper_sequence_subscr(c, patterns, star, pc));
    } else {
        RETURN_IF_FALSE(pattern_helper_sequence_unpack(c, patterns, pc));
    }
    return true;
}

bool compiler_pattern(Compiler* c, pattern_ty p, PatternContext* pc)
{
    set_loc(c, p);
    switch (p->kind) {
    case MatchValue_kind: {
        expr_ty value = p->v.MatchValue.value;
        if (value->kind != Constant_kind && value->kind != Attribute_kind)
            return compiler_error(c, "patterns may only match literals and attribute lookups");
        VISIT(c, expr, value);
        RETURN_IF_FALSE(compiler_addop_compare(c, Eq));
        return jump_to_fail_pop(c, pc, POP_JUMP_IF_FALSE);
    }
    case MatchSingleton_kind:
        ADDOP_LOAD_CONST(c, p->v.MatchSingleton.value);
        RETURN_IF_FALSE(compiler_addop_compare(c, Is));
        return jump_to_fail_pop(c, pc, POP_JUMP_IF_FALSE);
    case MatchSequence_kind: return compiler_pattern_sequence(c, p, pc);
    case MatchMapping_kind: return compiler_pattern_mapping(c, p, pc);
    case MatchClass_kind: return compiler_pattern_class(c, p, pc);
    case MatchStar_kind: return pattern_helper_store_name(c, p->v.MatchStar.name, pc);
    case MatchAs_kind: return compiler_pattern_as(c, p, pc);
    case MatchOr_kind: return compiler_pattern_or(c, p, pc);
    }
    set_error(Exc_SystemError, "invalid match pattern node type");
    return false;
}

}  // namespace

bool compiler_match(Compiler* c, stmt_ty s)
{
    PatternContext pc;
    VISIT(c, expr, s->v.Match.subject);
    BasicBlock* end = compiler_new_block(c);
    const int cases = asdl_seq_LEN(s->v.Match.cases);
    match_case_ty m = (*s->v.Match.cases)[cases - 1];
    // A trailing `case _:` needs no copy of the subject nor any test.
    const int has_default = WILDCARD_CHECK(m->pattern) && 1 < cases;
    for (int i = 0; i < cases - has_default; ++i) {
        m = (*s->v.Match.cases)[i];
        set_loc(c, m->pattern);
        // Keep the subject for the next case, unless this is the last one.
        if (i != cases - has_default - 1) ADDOP_I(c, COPY, 1);
        pc.stores.clear();
        // An irrefutable case must be guarded, last, or both.
        pc.allow_irrefutable = m->guard != nullptr || i == cases - 1;
        pc.fail_pop.clear();
        pc.on_top = 0;
        RETURN_IF_FALSE(compiler_pattern(c, m->pattern, &pc));
        // A match: store the captures (they are on the stack).
        for (const std::string& name : pc.stores) RETURN_IF_FALSE(compiler_nameop(c, name, Store));
        if (m->guard) {
            RETURN_IF_FALSE(ensure_fail_pop(c, &pc, 0));
            RETURN_IF_FALSE(compiler_jump_if(c, m->guard, pc.fail_pop[0], false));
        }
        if (i != cases - has_default - 1) ADDOP(c, POP_TOP);  // the subject
        VISIT_SEQ(c, stmt, m->body);
        ADDOP_JUMP_NOLINE(c, JUMP, end);  // artificial: located by the body's end
        // The failure path belongs to the pattern's line, not the body's.
        set_loc(c, m->pattern);
        RETURN_IF_FALSE(emit_and_reset_fail_pop(c, &pc));
    }
    if (has_default) {
        m = (*s->v.Match.cases)[cases - 1];
        set_loc(c, m->pattern);
        if (cases == 1) {
            ADDOP(c, POP_TOP);
        } else {
            ADDOP(c, NOP);  // line coverage of the default case
        }
        if (m->guard) RETURN_IF_FALSE(compiler_jump_if(c, m->guard, end, false));
        VISIT_SEQ(c, stmt, m->body);
    }
    compiler_use_next_block(c, end);
    return true;
}

}  // namespace minipy::compiler
