# Numbers in every form; tokenize.py splits some of them differently.
ints = [0, 00, 0_0, 7, 1_000_000, 0x1F, 0XdeadBEEF, 0x_1, 0o17, 0O_7, 0b101, 0B_1]
floats = [1.5, 1., .5, 1e5, 1E-5, 1.e+5, 1_0.0_1e1_0, 0777.5, 0777e1, 09.5]
imag = [1j, 1.5J, .5j, 1e5j, 0777j]
tight = [1if ints else 2, 0x1for_ in ints]
dots = [ints[1:2], ..., a.b if 0 else .5]
