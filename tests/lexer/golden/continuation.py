x = 1 + \
    2
if x and \
   x:
    y = [1,
         2,  # inside brackets: NL, not NEWLINE

         3]
async def f():
    await g()
