import runcirc.plain_b
seen_by_b = runcirc.plain_b.saw
