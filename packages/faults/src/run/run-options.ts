import type { Nemesis } from '../nemesis/nemesis.js';
import { CI_NEMESES, NEMESES, nemesisNamed } from '../nemesis/nemesis-catalog.js';

/** What one run of the suite does. */
export interface RunOptions {
  /** Each nemesis once, each held the shortest time that trips its detector. */
  quick: boolean;
  /** The CI subset (quick, a few nemeses). */
  ci: boolean;
  seed: number;
  /** Coordinators acknowledge after the first copy (VECSHARD_UNSAFE_ACK_FIRST_COPY=1): the checker must object. */
  broken: boolean;
  /** The nemeses, in the order of the first round. */
  nemeses: readonly Nemesis[];
  /** Full runs go round the nemeses (each round in a new seeded order) until this much time has passed. */
  durationMs: number;
  /** Where faults.json, faults.md and the plot go. */
  outDir: string;
}

/** What the command line gives (faults-command.ts). */
export interface RunFlags {
  quick?: boolean;
  ci?: boolean;
  seed?: string;
  broken?: boolean;
  nemesis?: string[];
  duration?: string;
  out?: string;
}

/** A full run's default length. */
const DEFAULT_DURATION_S = 900;

export function runOptionsFrom(flags: RunFlags, defaultOutDir: string): RunOptions {
  const names = flags.nemesis?.length ? flags.nemesis : flags.ci ? CI_NEMESES : NEMESES.map((n) => n.name);
  const quick = !!(flags.quick || flags.ci);
  return {
    quick,
    ci: !!flags.ci,
    seed: flags.seed === undefined ? randomSeed() : integer(flags.seed, '--seed'),
    broken: !!flags.broken,
    nemeses: names.map(nemesisNamed),
    durationMs:
      1000 *
      (flags.duration === undefined
        ? quick
          ? 0
          : DEFAULT_DURATION_S
        : integer(flags.duration, '--duration')),
    outDir: flags.out ?? defaultOutDir,
  };
}

function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}

function integer(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0)
    throw new Error(`${flag} must be a non-negative integer, got "${text}"`);
  return value;
}
