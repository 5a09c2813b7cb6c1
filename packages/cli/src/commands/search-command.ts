import { type FieldValue, type SearchResult, type VecshardClient, VecshardError } from '@vecshard/client';
import { readVectorFile } from '@vecshard/datasets';
import { Command, InvalidArgumentError } from 'commander';
import { withAddress, withClient } from '../connection.js';
import { positiveInteger } from '../up-command.js';
import { table } from './placement-commands.js';

interface SearchFlags {
  address: string;
  vector?: string[];
  file?: string;
  from: number;
  count: number;
  like?: bigint;
  k: number;
  nprobe: number;
  filter?: string;
  outputFields?: string[];
  direct: boolean;
  json: boolean;
}

/** `vecshard search <collection>`: nearest neighbours of a few queries, with a filter and fields beside the ids. */
export function searchCommand(): Command {
  return withAddress(
    new Command('search')
      .description(
        'search a collection: the k nearest rows to each query (given by --vector, --file or --like), ' +
          'optionally filtered, with fields beside the ids',
      )
      .argument('<collection>')
      .option('--vector <floats>', 'a query vector, "0.1,0.2,…" (repeat for more queries)', collect)
      .option('--file <path>', 'read the queries from a local vector file (.fvecs .bvecs .npy, IDX)')
      .option('--from <row>', 'with --file: the first row to use', positiveInteger, 0)
      .option('--count <n>', 'with --file: how many rows to use', positiveInteger, 1)
      .option('--like <id>', 'search with the stored vector of this row', rowId)
      .option('-k, --k <n>', 'neighbours per query', positiveInteger, 10)
      .option('--nprobe <n>', "lists probed per query, 0 = the collection's default", positiveInteger, 0)
      .option('--filter <expression>', `only rows matching it, e.g. "color == 'red' and price < 100"`)
      .option('--output-fields <names>', 'fields to show beside the ids, e.g. color,price', fieldList)
      .option('--direct', 'ask the shard workers directly when the client can route the search', false)
      .option('--json', 'print the hits as JSON', false),
  ).action((collection: string, flags: SearchFlags) =>
    withClient(flags, async (client) => {
      const outputFields = flags.outputFields ?? [];
      const queries = await queriesOf(client, collection, flags);
      const started = performance.now();
      const result = await client
        .search(collection, queries, {
          k: flags.k,
          nprobe: flags.nprobe,
          filter: flags.filter,
          outputFields,
          direct: flags.direct,
        })
        .catch((error: unknown) => explained(error, flags.address, 'search with a filter or fields'));
      const ms = performance.now() - started;
      warnIfFieldsIgnored(result, outputFields);
      console.log(
        flags.json ? JSON.stringify(hitsOf(result), jsonSafe, 2) : searchTables(result, outputFields, ms),
      );
    }),
  );
}

/** `vecshard count <collection>`: the exact number of rows, or of those matching a filter. */
export function countCommand(): Command {
  return withAddress(
    new Command('count')
      .description('count the rows of a collection, or those matching --filter (exact)')
      .argument('<collection>')
      .option('--filter <expression>', `only rows matching it, e.g. "tenant == 'acme'"`),
  ).action((collection: string, flags: { address: string; filter?: string }) =>
    withClient(flags, async (client) => {
      const count = await client
        .count(collection, { filter: flags.filter })
        .catch((error: unknown) => explained(error, flags.address, 'Count'));
      console.log(String(count));
    }),
  );
}

/** The query rows the flags name: exactly one of --vector, --file and --like. */
async function queriesOf(
  client: VecshardClient,
  collection: string,
  flags: SearchFlags,
): Promise<Float32Array> {
  const vectors = flags.vector ?? [];
  const sources = [vectors.length > 0, flags.file !== undefined, flags.like !== undefined];
  if (sources.filter(Boolean).length !== 1)
    throw new Error('give the queries with exactly one of --vector, --file and --like');
  if (flags.file !== undefined) {
    if (flags.count < 1) throw new Error('--count must be at least 1');
    const { vectors } = readVectorFile(flags.file, { from: flags.from, to: flags.from + flags.count });
    if (vectors.length === 0) throw new Error(`${flags.file} has no row ${flags.from}`);
    return vectors;
  }
  if (flags.like !== undefined) {
    const found = await client
      .get(collection, [flags.like], { withVectors: true })
      .catch((error: unknown) => explained(error, flags.address, 'Get (for --like)'));
    if (found.ids.length === 0) throw new Error(`--like: "${collection}" has no row ${flags.like}`);
    return found.vectors!;
  }
  const rows = vectors.map(parseVector);
  const dim = rows[0].length;
  const other = rows.findIndex((row) => row.length !== dim);
  if (other >= 0)
    throw new Error(`--vector: query ${other} has ${rows[other].length} values, query 0 has ${dim}`);
  return Float32Array.from(rows.flat());
}

/** One table per query: rank, id, distance and the output fields; padding slots (id -1) left out. */
export function searchTables(result: SearchResult, outputFields: string[], ms: number): string {
  const queries = hitsOf(result);
  const how = result.path === 'coordinator' ? 'through the coordinator' : `${result.path}`;
  const fallback = result.fallbackReason ? `, ${result.fallbackReason}` : '';
  const header = ['rank', 'id', 'distance', ...outputFields];
  const blocks = queries.map((hits, q) => {
    const rows = hits.map((hit, rank) => [
      String(rank + 1),
      String(hit.id),
      formatDistance(hit.distance),
      ...outputFields.map((field) => formatValue(hit.fields[field] ?? null)),
    ]);
    const title = `query ${q}: ${hits.length} hit${hits.length === 1 ? '' : 's'}`;
    return rows.length === 0 ? `${title}\n` : `${title}\n${table(header, rows)}\n`;
  });
  const summary =
    `${queries.length} quer${queries.length === 1 ? 'y' : 'ies'} in ${ms.toFixed(1)} ms, ` +
    `${result.shardsQueried} shard request(s), ${how}${fallback}` +
    (result.partial ? `; partial: shards ${result.missingShards.join(', ')} did not answer` : '');
  return [...blocks, summary].join('\n');
}

interface Hit {
  id: bigint;
  distance: number;
  fields: Record<string, FieldValue>;
}

/** The hits of each query, best first, without the padding slots. */
function hitsOf(result: SearchResult): Hit[][] {
  const queries: Hit[][] = [];
  for (let slot = 0; slot < result.ids.length; slot++) {
    if (slot % result.k === 0) queries.push([]);
    if (result.ids[slot] < 0n) continue;
    const fields: Record<string, FieldValue> = {};
    for (const [name, values] of Object.entries(result.fields ?? {})) fields[name] = values[slot];
    queries[queries.length - 1].push({ id: result.ids[slot], distance: result.distances[slot], fields });
  }
  return queries;
}

function formatDistance(distance: number): string {
  return Number.isInteger(distance) ? String(distance) : distance.toPrecision(6);
}

/** A field value in a table cell: "-" for none, sets joined by commas, JSON documents as JSON. */
export function formatValue(value: FieldValue): string {
  if (value === null) return '-';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((element) => typeof element === 'string')) return value.join(',');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** JSON.stringify replacer: bigints (ids, large int64 values) as decimal strings. */
function jsonSafe(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

/** A coordinator that predates documents ignores filters and fields instead of refusing them: say so. */
function warnIfFieldsIgnored(result: SearchResult, outputFields: string[]): void {
  const hits = result.ids.some((id) => id >= 0n);
  const absent = outputFields.filter((field) => !result.fields || !(field in result.fields));
  if (hits && absent.length > 0)
    console.error(
      `vecshard: warning: the coordinator returned no ${absent.join(', ')}: it may not serve documents ` +
        'yet, and then ignored any --filter as well',
    );
}

/** An UNIMPLEMENTED answer, worded as what it means here. */
function explained(error: unknown, address: string, what: string): never {
  if (error instanceof VecshardError && error.codeName === 'UNIMPLEMENTED')
    throw new Error(
      `the coordinator at ${address} does not serve ${what} yet (UNIMPLEMENTED): ${error.details}`,
    );
  throw error;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function parseVector(text: string): number[] {
  const values = text
    .split(/[\s,]+/)
    .filter((part) => part !== '')
    .map(Number);
  if (values.length === 0 || values.some((value) => !Number.isFinite(value)))
    throw new Error(`--vector "${text}": expected numbers separated by commas`);
  return values;
}

function rowId(text: string): bigint {
  if (!/^\d+$/.test(text.trim()))
    throw new InvalidArgumentError('expected a row id (a non-negative integer)');
  return BigInt(text.trim());
}

function fieldList(text: string): string[] {
  return text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}
