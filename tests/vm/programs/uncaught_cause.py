# raise ... from ...: "The above exception was the direct cause of the
# following exception:".
class ConfigError(Exception):
    pass

def load(d):
    try:
        return d["value"]
    except KeyError as e:
        raise ConfigError("missing value") from e

load({})
