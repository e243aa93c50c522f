# Non-ASCII names and strings; columns count code points.
été = 'naïve' + "日本語"
ℌ = 1  # NFKC-normalized to H by the compiler, printed as written by tokenize
x = été + ℌ  # a comment with 😀
