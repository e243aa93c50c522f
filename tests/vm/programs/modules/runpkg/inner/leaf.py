def where():
    return __name__, __package__
