# interp.py: a small language implementation: a hand-written tokenizer
# (character classes, str slicing), a recursive-descent parser building
# tuples, and a stack-machine compiler plus a dispatch loop over a list of
# instructions with a dict of variables. Runs a loop-heavy program.
import sys

SOURCE = """
n = LIMIT
total = 0
i = 0
while i < n {
    j = i % 7
    if j < 3 { total = total + i * j } else { total = total - j }
    i = i + 1
}
print total
a = 0
b = 1
k = 0
while k < 60 { t = a + b  a = b  b = t % 1000003  k = k + 1 }
print b
"""

KEYWORDS = {"while", "if", "else", "print"}


def tokenize(src):
    tokens = []
    i = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < n and src[j].isdigit():
                j += 1
            tokens.append(("num", int(src[i:j])))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < n and (src[j].isalnum() or src[j] == "_"):
                j += 1
            word = src[i:j]
            tokens.append(("kw" if word in KEYWORDS else "name", word))
            i = j
        else:
            tokens.append(("op", c))
            i += 1
    tokens.append(("eof", None))
    return tokens


class Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0

    def peek(self):
        return self.tokens[self.pos]

    def take(self, kind=None, value=None):
        tok = self.tokens[self.pos]
        if (kind and tok[0] != kind) or (value is not None and tok[1] != value):
            raise SyntaxError(f"expected {kind} {value}, got {tok}")
        self.pos += 1
        return tok

    def block(self):
        self.take("op", "{")
        body = []
        while self.peek() != ("op", "}"):
            body.append(self.statement())
        self.take("op", "}")
        return body

    def statement(self):
        kind, value = self.peek()
        if kind == "kw" and value == "while":
            self.take()
            cond = self.expr()
            return ("while", cond, self.block())
        if kind == "kw" and value == "if":
            self.take()
            cond = self.expr()
            then = self.block()
            other = []
            if self.peek() == ("kw", "else"):
                self.take()
                other = self.block()
            return ("if", cond, then, other)
        if kind == "kw" and value == "print":
            self.take()
            return ("print", self.expr())
        name = self.take("name")[1]
        self.take("op", "=")
        return ("assign", name, self.expr())

    def expr(self):
        left = self.term()
        while self.peek()[0] == "op" and self.peek()[1] in "<+-":
            op = self.take()[1]
            left = (op, left, self.term())
        return left

    def term(self):
        left = self.atom()
        while self.peek()[0] == "op" and self.peek()[1] in "*%":
            op = self.take()[1]
            left = (op, left, self.atom())
        return left

    def atom(self):
        kind, value = self.take()
        if kind == "num":
            return ("const", value)
        if kind == "name":
            return ("load", value)
        raise SyntaxError(f"unexpected {value}")


def compile_expr(e, code):
    if e[0] == "const":
        code.append(("PUSH", e[1]))
    elif e[0] == "load":
        code.append(("LOAD", e[1]))
    else:
        compile_expr(e[1], code)
        compile_expr(e[2], code)
        code.append(("BIN", e[0]))


def compile_block(stmts, code):
    for s in stmts:
        if s[0] == "assign":
            compile_expr(s[2], code)
            code.append(("STORE", s[1]))
        elif s[0] == "print":
            compile_expr(s[1], code)
            code.append(("PRINT", None))
        elif s[0] == "while":
            top = len(code)
            compile_expr(s[1], code)
            jump = len(code)
            code.append(None)
            compile_block(s[2], code)
            code.append(("JUMP", top))
            code[jump] = ("JUMP_IF_FALSE", len(code))
        elif s[0] == "if":
            compile_expr(s[1], code)
            jump = len(code)
            code.append(None)
            compile_block(s[2], code)
            skip = len(code)
            code.append(None)
            code[jump] = ("JUMP_IF_FALSE", len(code))
            compile_block(s[3], code)
            code[skip] = ("JUMP", len(code))
    return code


def run(code, out):
    stack = []
    env = {}
    pc = 0
    end = len(code)
    while pc < end:
        op, arg = code[pc]
        pc += 1
        if op == "PUSH":
            stack.append(arg)
        elif op == "LOAD":
            stack.append(env[arg])
        elif op == "STORE":
            env[arg] = stack.pop()
        elif op == "BIN":
            b = stack.pop()
            a = stack.pop()
            if arg == "+":
                stack.append(a + b)
            elif arg == "-":
                stack.append(a - b)
            elif arg == "*":
                stack.append(a * b)
            elif arg == "%":
                stack.append(a % b)
            else:
                stack.append(1 if a < b else 0)
        elif op == "JUMP_IF_FALSE":
            if not stack.pop():
                pc = arg
        elif op == "JUMP":
            pc = arg
        elif op == "PRINT":
            out.append(stack.pop())
    return env


def main(scale):
    src = SOURCE.replace("LIMIT", str(6000 * scale))
    for _ in range(20 * scale):
        tokens = tokenize(src * 3)
    p = Parser(tokens[:len(tokens) // 3] + [("eof", None)])
    body = []
    while p.peek()[0] != "eof":
        body.append(p.statement())
    code = compile_block(body, [])
    out = []
    env = run(code, out)
    print(len(tokens), len(code), out, sorted(env.items())[:4])


main(int(sys.argv[1]) if len(sys.argv) > 1 else 4)
