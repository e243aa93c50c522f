if True:
	if True:
		y = 1
	z = 2

w = 3
if w:
    v = 4
