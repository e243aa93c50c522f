# wordcount.py: dict and set work: counting words of a generated text with
# dict.get and setdefault, grouping, set algebra, dict comprehensions and
# sorting the result by count then word.
import sys


def generate(n):
    # A deterministic pseudo-random text (linear congruential generator).
    syllables = ["ka", "lo", "mi", "ne", "ru", "ta", "shi", "vo", "pe", "zu", "an", "el"]
    seed = 12345
    words = []
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        k = 1 + seed % 3
        w = ""
        for j in range(k):
            seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
            w += syllables[seed % len(syllables)]
        words.append(w)
    return words


def count(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


def group_by_first(words):
    groups = {}
    for w in words:
        groups.setdefault(w[0], set()).add(w)
    return groups


def bigrams(words):
    pairs = {}
    prev = None
    for w in words:
        if prev is not None:
            key = (prev, w)
            if key in pairs:
                pairs[key] += 1
            else:
                pairs[key] = 1
        prev = w
    return pairs


def main(scale):
    words = generate(30000 * scale)
    counts = count(words)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    print(len(counts), top)
    groups = group_by_first(words)
    print(sorted((k, len(v)) for k, v in groups.items()))
    a = {w for w in words[: len(words) // 2]}
    b = {w for w in words[len(words) // 2:]}
    print(len(a & b), len(a | b), len(a - b), len(a ^ b))
    lengths = {w: len(w) for w in counts}
    print(sum(lengths.values()), max(lengths, key=lambda w: (lengths[w], w)))
    pairs = bigrams(words)
    print(len(pairs), max(pairs.values()))
    inverted = {}
    for w, c in counts.items():
        inverted.setdefault(c, []).append(w)
    print(len(inverted), sum(len(v) for v in inverted.values()))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 4)
