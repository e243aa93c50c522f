# A global statement at module level is allowed and changes nothing; a
# name declared global in a class body goes to the module; exec in a
# function with its own dicts does not touch the function's locals.
global top
top = "module value"
print(top)

class C:
    global from_class
    from_class = "set in class body"
    local_attr = "class attribute"

print(from_class, "from_class" in C.__dict__, C.local_attr)

def run_exec():
    local = "function local"
    ns = {}
    exec("local = 'exec local'; new_name = 1", globals(), ns)
    return local, sorted(ns)

print(run_exec())
print("new_name" in globals())
