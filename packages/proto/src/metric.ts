/** Metric names as the FAISS binding and the client SDK spell them. */
export type MetricName = 'l2' | 'ip' | 'cosine';

/** Metric enum values as they appear on the wire (enums decode as their names). */
export type MetricEnum = 'METRIC_L2' | 'METRIC_INNER_PRODUCT' | 'METRIC_COSINE';

const TO_ENUM: Record<MetricName, MetricEnum> = {
  l2: 'METRIC_L2',
  ip: 'METRIC_INNER_PRODUCT',
  cosine: 'METRIC_COSINE',
};

/** 'l2' → 'METRIC_L2' etc. */
export function metricToEnum(name: MetricName): MetricEnum {
  return TO_ENUM[name];
}

/** 'METRIC_L2' → 'l2' etc.; undefined for METRIC_UNSPECIFIED or anything unknown. */
export function metricFromEnum(value: string | number | undefined): MetricName | undefined {
  const entry = Object.entries(TO_ENUM).find(([, e], i) => e === value || i + 1 === value);
  return entry?.[0] as MetricName | undefined;
}

export type RoutingName = 'lists' | 'scatter';

/** 'ROUTING_SCATTER' → 'scatter'; unset or ROUTING_LISTS → 'lists'; undefined when unknown. */
export function routingFromEnum(value: string | number | undefined): RoutingName | undefined {
  if (value === undefined || value === 'ROUTING_UNSPECIFIED' || value === 0) return 'lists';
  if (value === 'ROUTING_LISTS' || value === 1) return 'lists';
  if (value === 'ROUTING_SCATTER' || value === 2) return 'scatter';
  return undefined;
}

export function routingToEnum(name: RoutingName): 'ROUTING_LISTS' | 'ROUTING_SCATTER' {
  return name === 'scatter' ? 'ROUTING_SCATTER' : 'ROUTING_LISTS';
}
