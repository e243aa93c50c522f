public = "public"
_private = "private"
