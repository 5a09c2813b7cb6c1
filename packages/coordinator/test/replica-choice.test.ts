import { describe, expect, it } from 'vitest';
import { HedgeBudget } from '../src/replicas/hedge-budget.js';
import { ReplicaLoad } from '../src/replicas/replica-load.js';

describe('ReplicaLoad', () => {
  it('asks the copy with fewer calls outstanding first', () => {
    const load = new ReplicaLoad();
    const endA = load.begin('a', 's');
    load.begin('a', 's');
    endA(true);
    load.begin('b', 's')(true);
    // a: 1 outstanding; b: none.
    expect(load.order(['a', 'b'])[0]).toBe('b');
  });

  it('asks a copy that lost a hedge race last, and the most recently slow one last of all', () => {
    let now = 1000;
    const load = new ReplicaLoad(() => now);
    load.markSlow('a');
    expect(load.order(['a', 'b'])).toEqual(['b', 'a']);
    now += 1;
    load.markSlow('b');
    expect(load.order(['a', 'b', 'c'])).toEqual(['c', 'a', 'b']);
    // A mark lasts a second: then the copies are asked by load again, equal ones in turn
    // (c, never asked, first).
    now += 2000;
    const orders = Array.from({ length: 40 }, () => load.order(['a', 'b', 'c']));
    expect(orders.every((order) => order[0] === 'c')).toBe(true);
    expect(new Set(orders.map((order) => order[1])).size).toBe(2);
  });

  it('knows a shard’s latency quantiles only once it has samples', () => {
    const load = new ReplicaLoad();
    expect(load.quantile('s', 0.99)).toBeUndefined();
    for (let i = 0; i < 100; i++) load.begin('a', 's')(true);
    expect(load.quantile('s', 0.99)).toBeGreaterThanOrEqual(0);
    // Failed calls say nothing about the shard's latency.
    load.begin('a', 'other')(false);
    expect(load.quantile('other', 0.99)).toBeUndefined();
  });
});

describe('HedgeBudget', () => {
  it('allows its burst, then one hedge per 1/ratio requests', () => {
    const budget = new HedgeBudget(0.05, 2);
    expect(budget.trySpend()).toBe(true);
    expect(budget.trySpend()).toBe(true);
    expect(budget.trySpend()).toBe(false);
    for (let i = 0; i < 19; i++) budget.earn();
    expect(budget.trySpend()).toBe(false);
    budget.earn();
    expect(budget.trySpend()).toBe(true);
  });

  it('saves up no more than its burst', () => {
    const budget = new HedgeBudget(0.5, 1);
    for (let i = 0; i < 100; i++) budget.earn();
    expect(budget.trySpend()).toBe(true);
    expect(budget.trySpend()).toBe(false);
  });
});
