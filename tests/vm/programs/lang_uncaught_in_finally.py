# An exception raised in a finally block while another is propagating:
# both appear, linked by "During handling of the above exception".
def cleanup():
    raise OSError("cleanup failed")

def work():
    try:
        raise ValueError("work failed")
    finally:
        cleanup()

work()
