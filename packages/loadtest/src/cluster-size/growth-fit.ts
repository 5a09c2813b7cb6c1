/**
 * The exponent b of value ≈ a · x^b, fitted by least squares on log x and
 * log value; undefined when fewer than two points are positive.
 */
export function logLogExponent(points: { x: number; y: number }[]): number | undefined {
  const usable = points.filter((p) => p.x > 0 && p.y > 0);
  if (usable.length < 2) return undefined;
  const xs = usable.map((p) => Math.log(p.x));
  const ys = usable.map((p) => Math.log(p.y));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  return sxx === 0 ? undefined : sxy / sxx;
}

/** value ≈ fixed + perUnit · x by least squares; undefined with fewer than two distinct x. */
export function linearFit(
  points: { x: number; y: number }[],
): { fixed: number; perUnit: number } | undefined {
  if (points.length < 2) return undefined;
  const mx = points.reduce((a, p) => a + p.x, 0) / points.length;
  const my = points.reduce((a, p) => a + p.y, 0) / points.length;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
  }
  if (sxx === 0) return undefined;
  const perUnit = sxy / sxx;
  return { fixed: my - perUnit * mx, perUnit };
}
