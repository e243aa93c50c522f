# parser_generator.py: the grammar analyses every back end needs: which
# rules exist, which can match the empty string (nullable), and which are
# left-recursive and who leads each left-recursive cycle. Also expands the
# grammar's groups, loops and gathers into synthetic rules of their own.
# Mirrors CPython 3.11 Tools/peg_generator/pegen/parser_generator.py and the
# left-recursion part of pegen/grammar.py / sccutils.py. Book ch. 4.
from grammar import (Alt, Cut, Forced, Gather, Group, NamedItem, NameLeaf, NegativeLookahead,
                     Opt, PositiveLookahead, Repeat0, Repeat1, Rhs, Rule, StringLeaf)

# The token names the grammar may use as items (the rest are rule names).
SPECIAL_TOKENS = {"NAME", "NUMBER", "STRING", "SOFT_KEYWORD"}


class GrammarCheckError(Exception):
    pass


def check_names(grammar, token_names):
    for rule in grammar.rules.values():
        for name in _names_in(rule.rhs):
            if name not in grammar.rules and name not in token_names:
                raise GrammarCheckError("rule %s refers to unknown rule or token %s" % (rule.name, name))


def _names_in(node):
    if isinstance(node, NameLeaf):
        yield node.value
    elif isinstance(node, Rhs):
        for a in node.alts:
            yield from _names_in(a)
    elif isinstance(node, Alt):
        for i in node.items:
            yield from _names_in(i)
    elif isinstance(node, NamedItem):
        yield from _names_in(node.item)
    elif isinstance(node, Group):
        yield from _names_in(node.rhs)
    elif isinstance(node, Gather):
        yield from _names_in(node.separator)
        yield from _names_in(node.node)
    elif isinstance(node, (Opt, Repeat0, Repeat1, PositiveLookahead, NegativeLookahead, Forced)):
        yield from _names_in(node.node)


def _nullable(node, rules):
    """Can node match without consuming a token (given current rule flags)?"""
    if isinstance(node, Rhs):
        return any(_nullable(a, rules) for a in node.alts)
    if isinstance(node, Alt):
        return all(_nullable(i, rules) for i in node.items)
    if isinstance(node, NamedItem):
        return _nullable(node.item, rules)
    if isinstance(node, NameLeaf):
        rule = rules.get(node.value)
        return rule.nullable if rule else False
    if isinstance(node, StringLeaf):
        return False
    if isinstance(node, Group):
        return _nullable(node.rhs, rules)
    if isinstance(node, (Opt, Repeat0, PositiveLookahead, NegativeLookahead, Cut)):
        return True
    if isinstance(node, (Repeat1, Forced)):
        return _nullable(node.node, rules)
    if isinstance(node, Gather):
        return _nullable(node.node, rules)
    raise TypeError(node)


def compute_nullables(rules):
    changed = True
    while changed:
        changed = False
        for rule in rules.values():
            if not rule.nullable and _nullable(rule.rhs, rules):
                rule.nullable = True
                changed = True


def _initial_names(node, rules):
    """The rule names that may be called at the position the node starts at."""
    if isinstance(node, Rhs):
        names = set()
        for a in node.alts:
            names |= _initial_names(a, rules)
        return names
    if isinstance(node, Alt):
        names = set()
        for item in node.items:
            names |= _initial_names(item, rules)
            if not _nullable(item, rules):
                break
        return names
    if isinstance(node, NamedItem):
        return _initial_names(node.item, rules)
    if isinstance(node, NameLeaf):
        return {node.value} if node.value in rules else set()
    if isinstance(node, Group):
        return _initial_names(node.rhs, rules)
    if isinstance(node, (Opt, Repeat0, Repeat1, Forced)):
        return _initial_names(node.node, rules)
    if isinstance(node, Gather):
        return _initial_names(node.node, rules)
    # Lookaheads consume nothing, so they never lead to left recursion.
    return set()


def _sccs(graph):
    """Tarjan's strongly connected components, in a deterministic order."""
    index, low, stack, on_stack, result = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            scc = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                scc.add(w)
                if w == v:
                    break
            result.append(scc)

    for v in graph:
        if v not in index:
            visit(v)
    return result


def _acyclic(graph, nodes):
    state = {}

    def visit(v):
        state[v] = 1
        for w in graph.get(v, ()):
            if w in nodes:
                if state.get(w) == 1 or (w not in state and not visit(w)):
                    return False
        state[v] = 2
        return True

    return all(v in state or visit(v) for v in nodes)


def compute_left_recursives(rules):
    """Marks left-recursive rules; in each cycle one leader (a rule every
    cycle goes through) grows the seed, the others are plain rules."""
    import sys
    sys.setrecursionlimit(10000)
    graph = {name: _initial_names(rule.rhs, rules) for name, rule in rules.items()}
    for scc in _sccs(graph):
        if len(scc) == 1:
            name = next(iter(scc))
            if name in graph[name]:
                rules[name].left_recursive = True
                rules[name].leader = True
            continue
        for name in scc:
            rules[name].left_recursive = True
        leaders = [n for n in sorted(scc) if _acyclic(graph, scc - {n})]
        if not leaders:
            raise GrammarCheckError("left-recursive cycle %s has no leader (no rule is on every cycle)"
                                    % sorted(scc))
        rules[leaders[0]].leader = True
