# A package of tests: discovery recurses into it.
