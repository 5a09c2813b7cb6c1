import { describe, expect, it } from 'vitest';
import { metricFromEnum, metricToEnum, routingFromEnum, routingToEnum } from '../src/metric.js';

describe('metric and routing names', () => {
  it('round-trips every metric', () => {
    for (const name of ['l2', 'ip', 'cosine'] as const) expect(metricFromEnum(metricToEnum(name))).toBe(name);
    expect(metricFromEnum(3)).toBe('cosine');
    expect(metricFromEnum('METRIC_UNSPECIFIED')).toBeUndefined();
  });
  it('treats unset routing as lists', () => {
    expect(routingFromEnum('ROUTING_UNSPECIFIED')).toBe('lists');
    expect(routingFromEnum(routingToEnum('scatter'))).toBe('scatter');
    expect(routingFromEnum('ROUTING_OTHER')).toBeUndefined();
  });
});
