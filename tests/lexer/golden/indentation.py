# Indentation: tabs to multiples of 8, form feeds, comments at odd depths,
# DEDENT placement before the next statement, blank lines inside blocks.
class A:
    def f(self):
	# a tab-indented comment does not count
        if self:
            return 1
  # a comment at a depth no block has

        return 2

def g():
    pass
x = 1
