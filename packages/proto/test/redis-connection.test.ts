import { describe, expect, it } from 'vitest';
import { hideCredentials, redactPassword, redisOptions } from '../src/redis-connection.js';

describe('Redis URLs', () => {
  it('reads host, port, password and database of redis://', () => {
    expect(redisOptions('redis://:s3cret@cache.internal:6380/2', {}, {})).toMatchObject({
      host: 'cache.internal',
      port: 6380,
      password: 's3cret',
      db: 2,
      tls: undefined,
    });
    expect(redisOptions('redis://app:pa%40ss@h', {}, {})).toMatchObject({
      username: 'app',
      password: 'pa@ss',
      port: 6379,
    });
  });

  it('turns TLS on for rediss://', () => {
    expect(redisOptions('rediss://h:6390', {}, {})).toMatchObject({ host: 'h', port: 6390, tls: {} });
  });

  it('reads every sentinel, the master name and the sentinels’ password', () => {
    const options = redisOptions(
      'redis-sentinel://:pw@s1:26379,s2,s3:26380/mymaster/1',
      {},
      {
        VECSHARD_REDIS_SENTINEL_PASSWORD: 'sentinel-pw',
      },
    );
    expect(options).toMatchObject({
      sentinels: [
        { host: 's1', port: 26379 },
        { host: 's2', port: 26379 },
        { host: 's3', port: 26380 },
      ],
      name: 'mymaster',
      db: 1,
      password: 'pw',
      sentinelPassword: 'sentinel-pw',
      enableTLSForSentinelMode: false,
    });
    expect(redisOptions('rediss-sentinel://s1/m', {}, {})).toMatchObject({
      enableTLSForSentinelMode: true,
      tls: {},
    });
  });

  it('refuses what it cannot use, without showing the password', () => {
    expect(() => redisOptions('http://:topsecret@h', {}, {})).toThrow(
      /unsupported Redis URL scheme "http:".*\*\*\*/,
    );
    expect(() => redisOptions('http://:topsecret@h', {}, {})).not.toThrow(/topsecret/);
    expect(() => redisOptions('redis-sentinel://s1:26379', {}, {})).toThrow(/names no master/);
    expect(() => redisOptions('redis://h/notadb', {}, {})).toThrow(/database/);
    expect(() => redisOptions('not a url', {}, {})).toThrow(/not a Redis URL/);
    expect(redactPassword('redis://user:pw@h:1/0')).toBe('redis://user:***@h:1/0');
  });

  it('hides the password of a refused AUTH before the error is logged', () => {
    const error = { message: 'WRONGPASS', command: { name: 'auth', args: ['user', 'pw'] } };
    hideCredentials(error);
    expect(error.command.args).toEqual(['***', '***']);
    const other = { command: { name: 'get', args: ['key'] } };
    hideCredentials(other);
    expect(other.command.args).toEqual(['key']);
  });
});
