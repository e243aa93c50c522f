def f(**kw):
    f(__debug__=1)
