# A BOM, then code without a final newline
x = 1
if x:
    y = 2