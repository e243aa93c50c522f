from typing import *
print(sorted(n for n in dir() if not n.startswith("_"))[:12])
