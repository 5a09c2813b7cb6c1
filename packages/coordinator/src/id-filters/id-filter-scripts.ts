import { ID_HASH_VERSION } from './id-hashes.js';

/*
 * Lua scripts over a collection's id filters (see id-filters.ts). KEYS[1] is
 * the filters' hash of parameters (the "meta" hash), ARGV[1] the prefix of
 * their bitmaps: generation g of shard s is the string `<prefix><g>:<s>`.
 * The bitmap keys are built in the script (their number grows with shards
 * and generations), which a standalone Redis or Sentinel allows; a Redis
 * Cluster would need them named in KEYS.
 *
 * The meta hash: `version` (of the id hash), `state` ("ready": the filters
 * hold every id any shard may hold; "building": being filled, not consulted
 * yet), `made` (the incarnation: a token new at every creation), `gens`
 * (generations), `shards` (shards the filters know of: one past the highest
 * ever written or merged into), `floor:<s>` (writes storing rows on shard s
 * routed below this epoch are sent back), and per generation g its bits
 * `m<g>`, hash count `k<g>`, capacity per shard `c<g>` and false-positive rate
 * `p<g>`; `n<g>:<s>` counts the ids generation g of shard s took.
 */

/** Rows travel as one binary argument: shard (int32), h1, h2 (uint32), little-endian. */
export const ROW_BYTES = 12;

const PRELUDE = `
local meta = KEYS[1]
local base = ARGV[1]

local function usable(state)
  return (state == 'ready' or state == 'building') and redis.call('HGET', meta, 'version') == '${ID_HASH_VERSION}'
end

local function generations()
  local G = tonumber(redis.call('HGET', meta, 'gens') or '0')
  local gens = {}
  for g = 0, G - 1 do
    local v = redis.call('HMGET', meta, 'm' .. g, 'k' .. g, 'c' .. g, 'p' .. g)
    gens[g] = { m = tonumber(v[1]), k = tonumber(v[2]), c = tonumber(v[3]), p = tonumber(v[4]) }
  end
  return G, gens
end

-- Bits m and hash count k for c ids at false-positive rate p. k is 60 % of the optimal
-- log2(1/p) (6 instead of 10 at 0.1 %), m then what reaches p with that k: 10-15 % more bits
-- than the optimum for 40 % fewer bits to set per id (what a write costs Redis).
local function sized(c, p)
  local k = math.max(1, math.ceil(0.6 * -math.log(p) / math.log(2)))
  local m = math.ceil(-k * c / math.log(1 - p ^ (1 / k)))
  -- A Redis string holds at most 2^32 bits.
  if m > 4294967295 then m = 4294967295 end
  return m, k
end

-- A new generation for every shard: twice the last one's capacity at half its false-positive rate.
local function grow(G, gens)
  local last = gens[G - 1]
  local c, p = last.c * 2, last.p / 2
  local m, k = sized(c, p)
  gens[G] = { m = m, k = k, c = c, p = p }
  redis.call('HSET', meta, 'm' .. G, m, 'k' .. G, k, 'c' .. G, c, 'p' .. G, tostring(p), 'gens', G + 1)
  return G + 1
end

local function rowsOf(bytes)
  local rows = {}
  local at = 1
  while at <= #bytes do
    local s, h1, h2
    s, h1, h2, at = struct.unpack('<iII', bytes, at)
    rows[#rows + 1] = { s, h1, h2 }
  end
  return rows
end

-- Sets each row's bits in the newest generation of its shard's filter, counting the ids that
-- were not there yet (some bit was clear); a shard whose count passes the generation's capacity
-- starts a new generation. Resolves to the generations there are now.
local function insert(G, gens, rows)
  local g = G - 1
  local counts, dirty = {}, {}
  local highest = -1
  -- One BITFIELD per row, its arguments and key names made once per generation.
  local gen, args, keys
  local function use(generation)
    gen, args, keys = gens[generation], {}, {}
    for i = 0, gen.k - 1 do
      args[4 * i + 1] = 'SET'
      args[4 * i + 2] = 'u1'
      args[4 * i + 4] = 1
    end
  end
  use(g)
  for _, row in ipairs(rows) do
    local s, h1, h2 = row[1], row[2], row[3]
    if s > highest then highest = s end
    local m = gen.m
    for i = 0, gen.k - 1 do args[4 * i + 3] = (h1 + i * h2) % m end
    local key = keys[s]
    if key == nil then
      key = base .. g .. ':' .. s
      keys[s] = key
    end
    local old = redis.call('BITFIELD', key, unpack(args))
    local fresh = false
    for i = 1, #old do
      if old[i] == 0 then
        fresh = true
        break
      end
    end
    if fresh then
      if counts[s] == nil then counts[s] = tonumber(redis.call('HGET', meta, 'n' .. g .. ':' .. s) or '0') end
      counts[s] = counts[s] + 1
      dirty[s] = true
      if counts[s] > gen.c then
        for t in pairs(dirty) do redis.call('HSET', meta, 'n' .. g .. ':' .. t, counts[t]) end
        G = grow(G, gens)
        g = G - 1
        counts, dirty = {}, {}
        use(g)
      end
    end
  end
  for t in pairs(dirty) do redis.call('HSET', meta, 'n' .. g .. ':' .. t, counts[t]) end
  if highest + 1 > tonumber(redis.call('HGET', meta, 'shards') or '0') then
    redis.call('HSET', meta, 'shards', highest + 1)
  end
  return G
end

local function mayHold(G, gens, s, h1, h2)
  for g = 0, G - 1 do
    local gen = gens[g]
    local key = base .. g .. ':' .. s
    local all = true
    for i = 0, gen.k - 1 do
      if redis.call('GETBIT', key, (h1 + i * h2) % gen.m) == 0 then
        all = false
        break
      end
    end
    if all then return true end
  end
  return false
end

local function dropAll()
  local G = tonumber(redis.call('HGET', meta, 'gens') or '0')
  local S = tonumber(redis.call('HGET', meta, 'shards') or '0')
  for g = 0, G - 1 do
    for s = 0, S - 1 do redis.call('DEL', base .. g .. ':' .. s) end
  end
  redis.call('DEL', meta)
end
`;

/**
 * One write's step in Redis, atomic: takes the collection's next write
 * sequence (KEYS[2]), sets an upsert's ids in the filters of the shards
 * that will store them, and names the other shards whose filters may hold
 * any of the ids. ARGV[2]: "u" (an upsert: set the ids, then look), "c" (an
 * upsert whose ids were set already, by ADD_SCRIPT in chunks: only look),
 * "d" (a delete: nothing set, every shard looked at); ARGV[3] the shards the
 * caller knows; ARGV[4] the most bit look-ups worth making (rows × shards ×
 * generations) before sending to every shard is cheaper; ARGV[5] the rows;
 * ARGV[6] the shards storing rows, comma-separated (not looked at: they
 * replace the batch's ids anyway); ARGV[7] the placement epoch the write is
 * routed by; ARGV[8] the write's sequence when an earlier attempt took it
 * (it is kept, not taken again), else empty; ARGV[9] the filters'
 * incarnation that earlier attempt used.
 *
 * Returns {0, seq, incarnation, shards…}; {1, seq, incarnation} when the
 * write must go to every shard (no usable filters, filters being built, or
 * over the budget); {2, shard, floor} when a shard storing rows has had
 * lists moved off it since the write was routed (its floor: nothing is
 * taken or set; the write is routed again); {3} when a later attempt finds
 * the filters made anew since its first (a restore, a rebuild).
 */
export const WRITE_SCRIPT = `${PRELUDE}
local state = redis.call('HGET', meta, 'state')
local filtered = usable(state)
local made = filtered and (redis.call('HGET', meta, 'made') or '') or ''
local mode = ARGV[2]
if ARGV[8] ~= '' and mode ~= 'd' and ARGV[9] ~= made then return { 3 } end
if filtered and mode ~= 'd' then
  local epoch = tonumber(ARGV[7])
  for shard in string.gmatch(ARGV[6], '%d+') do
    local floor = tonumber(redis.call('HGET', meta, 'floor:' .. shard) or '0')
    if epoch < floor then return { 2, tonumber(shard), floor } end
  end
end
local seq = ARGV[8] ~= '' and tonumber(ARGV[8]) or redis.call('INCR', KEYS[2])
if not filtered then return { 1, seq, made } end
local G, gens = generations()
local rows
if mode == 'u' then
  rows = rowsOf(ARGV[5])
  G = insert(G, gens, rows)
end
if state ~= 'ready' then return { 1, seq, made } end
local S = math.max(tonumber(ARGV[3]), tonumber(redis.call('HGET', meta, 'shards') or '0'))
local targets = {}
for shard in string.gmatch(ARGV[6], '%d+') do targets[tonumber(shard)] = true end
local candidates = {}
for s = 0, S - 1 do
  if not targets[s] then candidates[#candidates + 1] = s end
end
local out = { 0, seq, made }
if #candidates == 0 then return out end
if (#ARGV[5] / ${ROW_BYTES}) * #candidates * G > tonumber(ARGV[4]) then return { 1, seq, made } end
rows = rows or rowsOf(ARGV[5])
for _, s in ipairs(candidates) do
  for _, row in ipairs(rows) do
    if mayHold(G, gens, s, row[2], row[3]) then
      out[#out + 1] = s
      break
    end
  end
end
return out
`;

/**
 * Sets ids in their shards' filters without a write sequence: restores,
 * rebuilds, and large upsert batches in chunks before their sequence is
 * taken (bits set before a write's sequence are seen by every later write,
 * and Redis serves others between chunks). ARGV[2]: the rows.
 */
export const ADD_SCRIPT = `${PRELUDE}
if not usable(redis.call('HGET', meta, 'state')) then return 0 end
local G, gens = generations()
local rows = rowsOf(ARGV[2])
insert(G, gens, rows)
return #rows
`;

/**
 * Makes room for a bulk add (see IdFilters.addBulk): ARGV[2] names the
 * shards and how many ids each is about to take ("shard:count,…"). Grows
 * new generations until the newest one holds every shard's count on top of
 * what it took, counts them in (all as new: a count too high only starts
 * the next generation sooner), and returns that generation's index, bits m
 * and hash count k; {} when the filters are not usable.
 */
export const RESERVE_SCRIPT = `${PRELUDE}
if not usable(redis.call('HGET', meta, 'state')) then return {} end
local G, gens = generations()
local wanted = {}
for s, n in string.gmatch(ARGV[2], '(%d+):(%d+)') do wanted[#wanted + 1] = { tonumber(s), tonumber(n) } end
local function fits(g)
  for _, w in ipairs(wanted) do
    local have = tonumber(redis.call('HGET', meta, 'n' .. g .. ':' .. w[1]) or '0')
    if have + w[2] > gens[g].c then return false end
  end
  return true
end
while not fits(G - 1) do G = grow(G, gens) end
local g = G - 1
local highest = -1
for _, w in ipairs(wanted) do
  redis.call('HINCRBY', meta, 'n' .. g .. ':' .. w[1], w[2])
  if w[1] > highest then highest = w[1] end
end
if highest + 1 > tonumber(redis.call('HGET', meta, 'shards') or '0') then
  redis.call('HSET', meta, 'shards', highest + 1)
end
return { g, gens[g].m, gens[g].k }
`;

/**
 * ORs ARGV[4], a bitmap the caller set ids in, into generation ARGV[2] of
 * shard ARGV[3]'s filter: bits are only ever set, so writes setting bits
 * meanwhile (another coordinator's) lose nothing.
 */
export const OR_SCRIPT = `${PRELUDE}
if not usable(redis.call('HGET', meta, 'state')) then return 0 end
local key = base .. ARGV[2] .. ':' .. ARGV[3]
local delta = key .. ':bulk'
redis.call('SET', delta, ARGV[4])
redis.call('BITOP', 'OR', key, key, delta)
redis.call('DEL', delta)
return 1
`;

/**
 * Shard ARGV[3]'s filters take shard ARGV[2]'s (BITOP OR, generation by
 * generation: equal sizes, same bit positions), before lists move from the
 * one to the other: a superset of the ids the moved lists hold. In the same
 * step shard ARGV[2] gets the floor ARGV[4], the epoch below which its
 * copies now hold writes: a write routed below it (by the placement the
 * move is about to leave) is sent back by WRITE_SCRIPT before it sets
 * anything, so no id is set in the old owner's filter after this merge by a
 * write that may land on the new owner (it is routed again, once the move
 * has switched, and sets its ids there).
 */
export const MERGE_SCRIPT = `${PRELUDE}
if not usable(redis.call('HGET', meta, 'state')) then return 0 end
local G, gens = generations()
local from, to = ARGV[2], ARGV[3]
local floor = tonumber(ARGV[4])
if floor > tonumber(redis.call('HGET', meta, 'floor:' .. from) or '0') then
  redis.call('HSET', meta, 'floor:' .. from, floor)
end
for g = 0, G - 1 do
  local source = base .. g .. ':' .. from
  if redis.call('EXISTS', source) == 1 then
    local target = base .. g .. ':' .. to
    redis.call('BITOP', 'OR', target, target, source)
  end
end
local g = G - 1
local n = tonumber(redis.call('HGET', meta, 'n' .. g .. ':' .. to) or '0')
  + tonumber(redis.call('HGET', meta, 'n' .. g .. ':' .. from) or '0')
redis.call('HSET', meta, 'n' .. g .. ':' .. to, n)
if n > gens[g].c then grow(G, gens) end
if tonumber(to) + 1 > tonumber(redis.call('HGET', meta, 'shards') or '0') then
  redis.call('HSET', meta, 'shards', tonumber(to) + 1)
end
return 1
`;

/**
 * Replaces the collection's filters with empty ones: ARGV[2] state, ARGV[3]
 * shards, ARGV[4] capacity per shard of the first generation, ARGV[5] its
 * false-positive rate, ARGV[6] the new incarnation (a write begun under
 * another is not carried on under this one).
 */
export const CREATE_SCRIPT = `${PRELUDE}
dropAll()
local c, p = tonumber(ARGV[4]), tonumber(ARGV[5])
local m, k = sized(c, p)
redis.call('HSET', meta, 'version', '${ID_HASH_VERSION}', 'state', ARGV[2], 'gens', 1, 'shards', ARGV[3],
  'm0', m, 'k0', k, 'c0', c, 'p0', ARGV[5], 'made', ARGV[6])
return 1
`;

/** Sets the state (ARGV[2]) of filters that exist. */
export const STATE_SCRIPT = `${PRELUDE}
if redis.call('EXISTS', meta) == 0 then return 0 end
redis.call('HSET', meta, 'state', ARGV[2])
return 1
`;

/** Deletes the collection's filters. */
export const DROP_SCRIPT = `${PRELUDE}
dropAll()
return 1
`;
