# positions.py: col_offset/end_col_offset in UTF-8 bytes, multi-line nodes.
é = "ü" + 'ß'; 中文 = é
x = (1 +
     2)
def f(
    a,  # comment
    b: int = 3,
) -> None: ...
@decorator(
    arg)
class C: pass
result = obj.method(
    arg1,
    key=value,
)[0].attr
if a:
    pass
elif b:
    pass
else:
    pass
ℌ = ﬁ = 1
