import { UNREADABLE } from '../history/operation.js';

/**
 * How a write's identity travels in its vector, so that every read can tell
 * exactly which write an id holds.
 *
 * An id owns a "home": a point whose coordinates 1..dim−1 are multiples of
 * HOME_SPACING (the digits in base 2R+1, shifted to −R..R, of the id
 * scattered over the lattice, so that the few ids of a run spread over every
 * list and shard), coordinate 0 zero.
 * The write numbered s (1..MAX_WRITES_PER_ID, counted per id) stores home + s
 * on coordinate 0. A search for the home then finds the id at squared
 * distance s² — the value, decoded from the distance — while every other id
 * lies at least HOME_SPACING² = 65 536 > 255² away, so the id comes first
 * whenever it is present, and an absent id is not the first hit.
 *
 * Exactness: every coordinate is an integer and every sum FAISS forms is an
 * integer below 2^24, where float32 is exact, both for the direct Σ(q−x)² of
 * IVF-Flat on the CPU and for the ‖q‖² + ‖x‖² − 2q·x expansion (the first sum
 * is the largest: 2‖home‖² + s² < 2^24 bounds R). Get returns the vector itself,
 * which decodes exactly too.
 */
export const HOME_SPACING = 256;
export const MAX_WRITES_PER_ID = 255;
const FLOAT32_EXACT_INTEGERS = 2 ** 24;
/** A prime: multiplying by it modulo the (odd) lattice size permutes the lattice points. */
const SCATTER = 2_654_435_761n;

export interface VectorLayout {
  dim: number;
  /** Home coordinates range over −radius..radius times HOME_SPACING. */
  radius: number;
  /** Ids 0..capacity−1 have distinct homes. */
  capacity: number;
}

export function vectorLayout(dim: number): VectorLayout {
  if (!Number.isInteger(dim) || dim < 2) throw new Error(`the workload needs dim ≥ 2, got ${dim}`);
  const homeDims = dim - 1;
  // Largest radius with 2·homeDims·(radius·spacing)² + MAX_WRITES² < 2^24.
  let radius = 0;
  while (2 * homeDims * ((radius + 1) * HOME_SPACING) ** 2 + MAX_WRITES_PER_ID ** 2 < FLOAT32_EXACT_INTEGERS)
    radius++;
  if (radius === 0) throw new Error(`dim ${dim} leaves no room for exact homes`);
  const capacity = Math.min(Number.MAX_SAFE_INTEGER, (2 * radius + 1) ** homeDims);
  return { dim, radius, capacity };
}

/** The point an id's search reads query: its home. */
export function homeOf(layout: VectorLayout, id: number): Float32Array {
  if (!Number.isInteger(id) || id < 0 || id >= layout.capacity)
    throw new Error(`id ${id} has no home in ${layout.dim} dimensions (at most ${layout.capacity - 1})`);
  const base = 2 * layout.radius + 1;
  const home = new Float32Array(layout.dim);
  let rest = Number((BigInt(id) * SCATTER) % BigInt(layout.capacity));
  for (let d = 1; d < layout.dim; d++) {
    home[d] = ((rest % base) - layout.radius) * HOME_SPACING;
    rest = Math.floor(rest / base);
  }
  return home;
}

/** The vector the id's write number `write` stores. */
export function encodeWrite(layout: VectorLayout, id: number, write: number): Float32Array {
  if (!Number.isInteger(write) || write < 1 || write > MAX_WRITES_PER_ID)
    throw new Error(`write number ${write} is outside 1..${MAX_WRITES_PER_ID}`);
  const vector = homeOf(layout, id);
  vector[0] = write;
  return vector;
}

/** What a read decoded: the write number it saw, null when absent, or UNREADABLE with why. */
export interface DecodedRead {
  value: number | null;
  note?: string;
}

/**
 * A search read of `id` from the top hits of its home (ids and squared
 * distances, best first): absent unless the id comes first; its distance
 * must be the square of a write number; a second copy of the id is unreadable.
 */
export function decodeSearchHits(
  id: number,
  ids: ArrayLike<bigint>,
  distances: ArrayLike<number>,
): DecodedRead {
  const wanted = BigInt(id);
  const copies = Array.from(ids, (hit, rank) => ({ hit, rank })).filter(({ hit }) => hit === wanted);
  if (copies.length === 0) return { value: null };
  if (copies.length > 1 || copies[0].rank !== 0) {
    const ranks = copies.map(({ rank }) => `${rank + 1} (distance ${distances[rank]})`).join(', ');
    return { value: UNREADABLE, note: `id found at ranks ${ranks}` };
  }
  const distance = distances[0];
  const write = Math.round(Math.sqrt(distance));
  if (write < 1 || write > MAX_WRITES_PER_ID || write * write !== distance)
    return { value: UNREADABLE, note: `distance ${distance} is no write's` };
  return { value: write };
}

/** A Get read of `id` from the rows returned (ids and their vectors, row-major). */
export function decodeGetRows(
  layout: VectorLayout,
  id: number,
  ids: ArrayLike<bigint>,
  vectors: Float32Array | undefined,
): DecodedRead {
  const rows = Array.from(ids, (hit, row) => ({ hit, row })).filter(({ hit }) => hit === BigInt(id));
  if (rows.length === 0) return { value: null };
  if (rows.length > 1) return { value: UNREADABLE, note: `${rows.length} rows for the id` };
  const vector = vectors?.subarray(rows[0].row * layout.dim, (rows[0].row + 1) * layout.dim);
  if (!vector || vector.length !== layout.dim) return { value: UNREADABLE, note: 'no vector returned' };
  const home = homeOf(layout, id);
  const write = vector[0];
  const homeMatches = home.every((coordinate, d) => d === 0 || vector[d] === coordinate);
  if (!homeMatches || !Number.isInteger(write) || write < 1 || write > MAX_WRITES_PER_ID)
    return { value: UNREADABLE, note: `vector [${Array.from(vector).join(', ')}] is no write's` };
  return { value: write };
}
