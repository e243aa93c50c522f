# strings.py: string building and processing: concatenation in loops,
# join/split, f-strings and %-formatting, str methods (upper, replace,
# find, startswith, strip), slicing and a Caesar cipher through ord/chr.
import sys

WORDS = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu "
         "nu xi omicron pi rho sigma tau upsilon phi chi psi omega").split()


def build_text(lines):
    out = []
    for i in range(lines):
        w = WORDS[i % len(WORDS)]
        out.append(f"{i:05d}: {w.capitalize()} and {w.upper()} -> {len(w) * i % 97:>3} [%s]" % w[::-1])
    return "\n".join(out)


def caesar(text, shift):
    result = []
    for ch in text:
        if "a" <= ch <= "z":
            result.append(chr((ord(ch) - 97 + shift) % 26 + 97))
        elif "A" <= ch <= "Z":
            result.append(chr((ord(ch) - 65 + shift) % 26 + 65))
        else:
            result.append(ch)
    return "".join(result)


def concat_loop(n):
    s = ""
    for i in range(n):
        s += WORDS[i % 24][:3]
        if len(s) > 1000:
            s = s[500:]
    return s


def process(text):
    total = 0
    found = 0
    for line in text.splitlines():
        num, rest = line.split(": ", 1)
        words = rest.replace("->", "").replace("[", " ").replace("]", " ").split()
        if words[0].startswith("A") or rest.find("eta") >= 0:
            found += 1
        total += int(num) + sum(len(w.strip()) for w in words)
    return total, found


def main(scale):
    text = build_text(2000 * scale)
    print(len(text), hash(text[:50]) == hash(text[:50]))
    print(process(text))
    enc = caesar(text[: 20000 * scale], 13)
    print(enc[:60].replace("\n", "|"), caesar(enc, 13) == text[: 20000 * scale])
    print(concat_loop(20000 * scale)[:40])
    print("%d %s %.3f %r" % (len(text), text[10:20], len(text) / 7, text[:8]))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 6)
