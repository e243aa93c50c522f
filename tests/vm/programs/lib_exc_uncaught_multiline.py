# An uncaught exception with a multi-line message and notes; stdout is flushed first.
print("working...")


class ConfigError(Exception):
    pass


def load(name):
    raise ConfigError(f"bad config {name!r}:\n  line 1: missing '='\n  line 2: unknown key")


def main():
    try:
        load("app.ini")
    except ConfigError as e:
        e.add_note("hint: check the file")
        raise


main()
