# A traceback through several Python frames, methods, a lambda and a
# comprehension, with CPython's position markers.
class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        return self._apply(lambda b: b - amount)

    def _apply(self, op):
        new = op(self.balance)
        if new < 0:
            raise ValueError(f"insufficient funds: {self.balance} < {self.balance - new}")
        self.balance = new
        return new

def process(accounts, amounts):
    return [acct.withdraw(amt) for acct, amt in zip(accounts, amounts)]

accounts = [Account(100), Account(5)]
print(process(accounts[:1], [30]))
results = {
    "total": sum(process(accounts, [10, 50])),
}
