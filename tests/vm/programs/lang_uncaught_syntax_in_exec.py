# An uncaught SyntaxError from compiling code at run time: the traceback
# shows the caller frame and then the SyntaxError's own location lines.
source = "def broken(:\n    pass\n"
print("compiling")
exec(source)
