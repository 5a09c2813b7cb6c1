import { describe, expect, it } from 'vitest';
import { checkKey, checkPrefix } from '../src/object-store.js';

describe('checkKey', () => {
  it.each(['a', 'a/b', 'snapshots/0001/shard-0.faiss', '.hidden', 'a..b'])('accepts %j', (key) => {
    expect(() => checkKey(key)).not.toThrow();
  });

  it.each(['', '../x', 'a/../b', '/abs', 'a//b', 'a/', './a', 'a/./b'])('refuses %j', (key) => {
    expect(() => checkKey(key)).toThrow(`object key "${key}" is not a relative path`);
  });
});

describe('checkPrefix', () => {
  it.each(['', 'a', 'a/', 'a/b', 'snap'])('accepts %j', (prefix) => {
    expect(() => checkPrefix(prefix)).not.toThrow();
  });

  it.each(['/', '/a', '../', 'a/../', 'a//'])('refuses %j', (prefix) => {
    expect(() => checkPrefix(prefix)).toThrow(/is not a relative path/);
  });
});
