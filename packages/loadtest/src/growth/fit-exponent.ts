/**
 * The exponent b of y = a·x^b fitted by least squares on log–log axes: how
 * fast a figure grows with the data (1 = linearly, 0 = flat). Undefined when
 * fewer than two points have positive x and y, or every x is the same.
 */
export function fitExponent(points: readonly { x: number; y: number }[]): number | undefined {
  const logs = points.filter((p) => p.x > 0 && p.y > 0).map((p) => ({ x: Math.log(p.x), y: Math.log(p.y) }));
  if (logs.length < 2) return undefined;
  const meanX = logs.reduce((sum, p) => sum + p.x, 0) / logs.length;
  const meanY = logs.reduce((sum, p) => sum + p.y, 0) / logs.length;
  let covariance = 0;
  let variance = 0;
  for (const p of logs) {
    covariance += (p.x - meanX) * (p.y - meanY);
    variance += (p.x - meanX) ** 2;
  }
  return variance === 0 ? undefined : covariance / variance;
}
