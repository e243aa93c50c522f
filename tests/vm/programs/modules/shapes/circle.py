from geometry import area
def circle_area(r):
    return round(area(r), 3)
