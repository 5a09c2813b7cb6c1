// Numbers as people read them.

export function count(n) {
  return Number(n ?? 0).toLocaleString('en');
}

export function bytes(n) {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = Number(n ?? 0);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

export function ms(value) {
  if (value === undefined || value === null) return '–';
  return value < 10 ? `${value.toFixed(2)} ms` : `${value.toFixed(0)} ms`;
}

export function duration(seconds) {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min`;
}

export function time(msSinceEpoch) {
  const at = Number(msSinceEpoch ?? 0);
  return at > 0 ? new Date(at).toLocaleTimeString() : '–';
}

/** Job and collection states without their enum prefixes. */
export function stateName(state) {
  return String(state ?? '').replace(/^(JOB_STATE_|COLLECTION_STATE_)/, '');
}
