import sys
import runcirc.plain_a
# plain_a is in sys.modules but its body has not finished.
saw = sorted(k for k in vars(sys.modules["runcirc.plain_a"]) if not k.startswith("__"))
