import type { StartedProcess } from './processes.js';

/**
 * Resolves once the process has printed a line matching `pattern` after the
 * first `from` characters of its output (take `process.output().length`
 * before causing the event). Waits for the event itself, not for time; the
 * limit only turns a hang into a failure that shows the output.
 */
export function waitForOutput(
  process: StartedProcess,
  pattern: RegExp,
  from: number,
  limitMs = 60_000,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const streams = [process.child.stdout, process.child.stderr];
    const check = () => {
      if (!pattern.test(process.output().slice(from))) return;
      finish();
      resolve();
    };
    const timer = setTimeout(() => {
      finish();
      reject(
        new Error(`no output matching ${pattern} within ${limitMs} ms:\n${process.output().slice(from)}`),
      );
    }, limitMs);
    const finish = () => {
      clearTimeout(timer);
      for (const stream of streams) stream?.off('data', onData);
    };
    // Our listener runs after the one that appends to output(): check on the next turn.
    const onData = () => setImmediate(check);
    for (const stream of streams) stream?.on('data', onData);
    check();
  });
}
