# hello.py: the first program a learner runs through every stage.
#   minipy --dump=tokens examples/hello.py   (chapter 6: the tokenizer)
#   minipy --dump=ast examples/hello.py      (chapter 6: the parser)
#   minipy --dump=dis examples/hello.py      (chapter 7: the compiler)
#   minipy examples/hello.py                 (chapter 8: the evaluation loop)


def greet(name):
    return f"Hello, {name}!"


if __name__ == "__main__":
    print(greet("world"))
