# unittest/async_case.py: where CPython 3.11's Lib/unittest/async_case.py
# defines IsolatedAsyncioTestCase (test methods run as coroutines in a
# fresh asyncio event loop). minipy has no asyncio module, so importing this
# module (which unittest.IsolatedAsyncioTestCase does) fails with a clear
# ImportError. Book chapter 13, "The Test Suite".

raise ImportError("unittest.IsolatedAsyncioTestCase needs asyncio, which "
                  "minipy does not have")
