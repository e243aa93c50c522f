# Non-ASCII identifiers: letters from many scripts, NFKC normalization of
# names (the ligature ﬁ is the same name as fi), and invalid characters.
π = 3.14159
größe = 42
名前 = "name in Japanese"
переменная = [1, 2]
print(π, größe, 名前, переменная)
fi = "plain fi"
print(ﬁ)

def ƒ(χ, ψ=2):
    return χ * ψ

print(ƒ(3), ƒ(χ=4, ψ=5), ƒ.__name__, ƒ.__code__.co_varnames)

class Ünïcödé:
    ñame = "attribute"

print(Ünïcödé.__name__, Ünïcödé().ñame, getattr(Ünïcödé, "ñame"))
ns = {}
exec("ℌ = 'script H'", ns)
print([k for k in ns if k != "__builtins__"])
print("café".isidentifier(), "1abc".isidentifier(), "a-b".isidentifier(), "ℌ".isidentifier())
for src in ["a€ = 1", "x = 1 ✓ 2", "$x = 1"]:
    try:
        compile(src, "<u>", "exec")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
