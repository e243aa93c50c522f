# statistics: exact means and spreads over ints, floats and Fractions,
# medians, modes, quantiles, correlation/regression, NormalDist, errors.
import statistics as st
from fractions import Fraction as F

ints = [2, 4, 4, 4, 5, 5, 7, 9]
floats = [1.5, 2.25, 3.125, 0.1, 0.2, 0.3]
fracs = [F(1, 2), F(1, 3), F(2, 5)]
print(st.mean(ints), st.mean([1, 2, 3, 4, 4]), st.mean(floats), st.mean(fracs), st.mean([1, 2.5, F(1, 2)]))
print(st.fmean(ints), st.fmean(iter(floats)), st.fmean([1, 2, 3], weights=[3, 2, 1]), st.geometric_mean([54, 24, 36]))
print(st.harmonic_mean([40, 60]), st.harmonic_mean([2.5, 3, 10]), st.harmonic_mean([40, 60], weights=[5, 30]), st.harmonic_mean([3]), st.harmonic_mean([1, 0, 2]))
print(st.median(ints), st.median([1, 3, 5]), st.median([1, 3, 5, 7]), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]))
print(st.median_grouped([52, 52, 53, 54]), st.median_grouped([1, 3, 3, 5, 7], interval=2), st.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]))
print(st.mode([1, 1, 2, 3, 3, 3, 3, 4]), st.mode(["red", "blue", "blue", "red", "green", "red"]), st.multimode("aabbbbccddddeeffffgg"), st.multimode([]))
print(st.quantiles(range(1, 11)), st.quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110], n=10))
print(st.quantiles(range(1, 11), method="inclusive"), st.quantiles([1, 2], n=3), st.quantiles([F(1), F(2), F(5)], n=4))
print(st.variance(ints), st.pvariance(ints), st.stdev(ints), st.pstdev(ints), st.variance(floats), st.stdev(floats))
print(st.variance(fracs), st.pvariance(fracs), st.variance([1, 2, 3], xbar=2), st.pvariance([1, 2, 3, 4], mu=2.5), st.pstdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
print(st.variance([10 ** 20 + 1, 10 ** 20 + 3, 10 ** 20 + 5]), st.stdev([1e300, 1e300 * 1.5]), st.mean([1e308, 1e308]))
print(st.mean([float("inf"), 1]), st.variance([1, float("nan"), 3]))
x = [1, 2, 3, 4, 5, 6, 7, 8, 9]
y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
z = [9, 8, 7, 6, 5, 4, 3, 2, 1]
print(st.covariance(x, y), st.covariance(x, z), st.correlation(x, x), st.correlation(x, z), st.correlation(x, y))
lr = st.linear_regression([1, 2, 3, 4, 5], [3.1, 5.2, 6.8, 9.1, 11.0])
print(lr, lr.slope, st.linear_regression([1, 2, 3], [2, 4, 6], proportional=True))

nd = st.NormalDist(100, 15)
print(nd, nd.mean, nd.median, nd.mode, nd.stdev, nd.variance, nd.pdf(115), nd.cdf(130), nd.inv_cdf(0.975))
print(nd.quantiles(), [round(q, 6) for q in st.NormalDist().quantiles(10)], nd.zscore(130), nd.overlap(st.NormalDist(110, 10)))
print(st.NormalDist().inv_cdf(1e-15), st.NormalDist().inv_cdf(1 - 1e-13), st.NormalDist().inv_cdf(1e-300), st.NormalDist().inv_cdf(1e-10), st.NormalDist().inv_cdf(0.3), st.NormalDist(5, 0.5).inv_cdf(0.999999))
print(nd + 5, nd - 5, nd * 2, nd / 3, -nd, +nd, 5 + nd, 5 - nd, 2 * nd, nd + st.NormalDist(0, 20), nd - st.NormalDist(1, 20))
print(nd == st.NormalDist(100, 15), nd == 5, hash(nd) == hash(st.NormalDist(100.0, 15.0)))
print(st.NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5]), st.NormalDist(1, 1).overlap(st.NormalDist(1, 1)))
print(st.NormalDist(0, 1).samples(3, seed=42))

def err(f):
    try:
        print("ok", f())
    except (st.StatisticsError, TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)

for f in [lambda: st.mean([]), lambda: st.fmean([]), lambda: st.fmean([1], weights=[1, 2]),
          lambda: st.fmean([1, 2], weights=[1, -1]), lambda: st.geometric_mean([1, -1]),
          lambda: st.harmonic_mean([]), lambda: st.harmonic_mean([-1, 2]), lambda: st.harmonic_mean([1, 2], weights=[1]),
          lambda: st.harmonic_mean(["x"]), lambda: st.median([]), lambda: st.median_low([]), lambda: st.median_high([]),
          lambda: st.median_grouped([]), lambda: st.median_grouped(["a"]), lambda: st.mode([]), lambda: st.quantiles([1], n=4),
          lambda: st.quantiles([1, 2], n=0), lambda: st.quantiles([1, 2], method="x"), lambda: st.variance([1]),
          lambda: st.pvariance([]), lambda: st.stdev([1]), lambda: st.pstdev([]), lambda: st.covariance([1, 2], [1]),
          lambda: st.correlation([1], [1]), lambda: st.correlation([1, 1], [1, 2]), lambda: st.linear_regression([1, 1], [1, 2]),
          lambda: st.mean(["a", "b"]), lambda: st.mean([1, "a"]), lambda: st.NormalDist(0, -1), lambda: st.NormalDist(0, 0).pdf(1),
          lambda: st.NormalDist(0, 0).cdf(1), lambda: st.NormalDist().inv_cdf(1.0), lambda: st.NormalDist(1, 0).inv_cdf(0.5),
          lambda: st.NormalDist().overlap(5), lambda: st.NormalDist(0, 0).zscore(1), lambda: st.NormalDist(0, 0).overlap(st.NormalDist())]:
    err(f)
print(issubclass(st.StatisticsError, ValueError), st.__all__[:3])
