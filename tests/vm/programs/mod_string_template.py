# string.Template: substitute, safe_substitute, identifiers, errors, and
# subclasses with their own delimiter and patterns.
import string

T = string.Template
print(T("$who likes ${what} $$ $").safe_substitute(who="tim"))
print(T("$who likes ${what}").substitute({"who": "a"}, what="b"))
for t in ["$", "x\n  $1", "${a", "$a $b"]:
    try:
        print(T(t).substitute(a=1))
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e)
print(T("$a ${b} $a $$ $c").get_identifiers(), T("$a $").is_valid(), T("$a").is_valid())


class Percent(T):
    delimiter = "%"
    idpattern = "[a-z]+_[a-z]+"


print(Percent("%ab_cd %x %%").safe_substitute(ab_cd=5))


class Braced(T):
    braceidpattern = r"[^}]+"


print(Braced("${a b} $c").substitute({"a b": 1, "c": 2}))
print(T.flags, T.pattern.pattern == string.Template.pattern.pattern, T.delimiter, T.idpattern)
