import { SeededRandom } from '@vecshard/datasets';

/** Which tenant each row belongs to: tenant numbers, one per row. */
export type TenantOfRow = Uint16Array;

export function tenantName(tenant: number): string {
  return `t-${tenant}`;
}

/**
 * Deals `rows` rows to `tenants` tenants in a seeded random order, so every
 * tenant holds rows/tenants of them (±1) and a tenant's rows are spread over
 * the whole vector space, as a shop's products are.
 */
export function dealRows(rows: number, tenants: number, seed: number): TenantOfRow {
  const order = Uint32Array.from({ length: rows }, (_, i) => i);
  const random = new SeededRandom(seed);
  for (let i = rows - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return Uint16Array.from(order, (rank) => rank % tenants);
}

/** The ids (= row numbers) of one tenant's rows, ascending. */
export function rowsOf(tenantOf: TenantOfRow, name: string): BigInt64Array {
  const rows: bigint[] = [];
  tenantOf.forEach((tenant, row) => {
    if (tenantName(tenant) === name) rows.push(BigInt(row));
  });
  return BigInt64Array.from(rows);
}
