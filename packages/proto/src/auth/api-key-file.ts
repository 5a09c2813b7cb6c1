import { readFileSync } from 'node:fs';
import { type ApiKeyEntry, ApiKeyRing, sha256 } from './api-key-ring.js';
import { isRole, ROLES } from './roles.js';

/**
 * Reads an API key file: a JSON array of `{ "name", "key", "role" }`, where
 * `"sha256"` (64 hex digits) may stand instead of `"key"` so the file need not
 * hold the key itself. Errors name the entry at fault but never show a key.
 */
export function loadApiKeys(path: string): ApiKeyRing {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new TypeError(`cannot read the API key file ${path}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new TypeError(`the API key file ${path} is not valid JSON`);
  }
  return parseApiKeys(parsed, path);
}

export function parseApiKeys(parsed: unknown, source = 'API key file'): ApiKeyRing {
  if (!Array.isArray(parsed) || parsed.length === 0)
    throw new TypeError(`${source} must hold a non-empty JSON array of { name, key, role }`);
  const names = new Set<string>();
  const entries = parsed.map((item, index): ApiKeyEntry => {
    const entry = parseEntry(item, `${source}, entry ${index}`);
    if (names.has(entry.name)) throw new TypeError(`${source}: the name "${entry.name}" is used twice`);
    names.add(entry.name);
    return entry;
  });
  return new ApiKeyRing(entries);
}

function parseEntry(item: unknown, where: string): ApiKeyEntry {
  if (typeof item !== 'object' || item === null) throw new TypeError(`${where}: expected an object`);
  const { name, key, sha256: digest, role } = item as Record<string, unknown>;
  if (typeof name !== 'string' || name === '')
    throw new TypeError(`${where}: "name" must be a non-empty string`);
  if (!isRole(role)) throw new TypeError(`${where} (${name}): "role" must be one of ${ROLES.join(', ')}`);
  if ((key === undefined) === (digest === undefined))
    throw new TypeError(`${where} (${name}): give either "key" or "sha256", not both or neither`);
  if (key !== undefined) {
    if (typeof key !== 'string' || key.length < 16)
      throw new TypeError(`${where} (${name}): "key" must be a string of at least 16 characters`);
    return { name, role, sha256: sha256(key) };
  }
  if (typeof digest !== 'string' || !/^[0-9a-fA-F]{64}$/.test(digest))
    throw new TypeError(`${where} (${name}): "sha256" must be 64 hex digits`);
  return { name, role, sha256: Buffer.from(digest, 'hex') };
}
