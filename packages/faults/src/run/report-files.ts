import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type RunSummary, runProblems } from './run-summary.js';

/** Writes faults.json, faults.md and faults.svg (the chart, already rendered) into `dir`. */
export function writeReportFiles(dir: string, summary: RunSummary, chartSvg: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'faults.json'), `${JSON.stringify(summary, null, 2)}\n`);
  writeFileSync(join(dir, 'faults.md'), markdown(summary));
  writeFileSync(join(dir, 'faults.svg'), chartSvg);
}

function markdown(summary: RunSummary): string {
  const problems = runProblems(summary);
  return [
    '# Fault injection: a recorded history under faults, checked for linearizability',
    '',
    `- Generated: ${summary.generated} (${summary.wallS.toFixed(0)} s), machine: ${summary.machine}`,
    `- Run again: \`${summary.rerun}\` (${summary.mode} run${summary.broken ? ', **--broken**: coordinators acknowledge after the first copy' : ''})`,
    `- Cluster: ${summary.cluster}`,
    `- Times: seconds of the run; an operation's \`invokedMs\` in the history counts from ${summary.clockOrigin}`,
    `- Result: ${summary.operations} operations (${summary.failed} failed, ${summary.unknown} unknown), ` +
      `${summary.events} nemesis events, **anomalies ${summary.anomalies}**` +
      (summary.inconclusive.length > 0 ? `, ${summary.inconclusive.length} ids inconclusive` : ''),
    ...(problems.length > 0 ? ['', '**Problems:**', '', ...problems.map((p) => `- ${p}`)] : []),
    '',
    '## Per nemesis',
    '',
    'Operations are those sent from the injection until the next nemesis (hold, heal and recovery included). ' +
      '"Writes/reads back": from the heal until the first acknowledged write/read sent after it (the worst firing).',
    '',
    '| nemesis | events | operations | failed | unknown | anomalies | writes back (s) | reads back (s) | not recovered |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...summary.nemeses.map(
      (n) =>
        `| ${n.nemesis} | ${n.events} | ${n.operations} | ${n.failed} | ${n.unknown} | ${n.anomalies} | ` +
        `${secondsOrNever(n.worstWritesBackMs)} | ${secondsOrNever(n.worstReadsBackMs)} | ${n.notRecovered} |`,
    ),
    '',
    '![acknowledged operations per second, faults shaded](faults.svg)',
    '',
    '## Events',
    '',
    '| # | nemesis | fault | injected (s) | healed (s) | writes back (s) | reads back (s) |',
    '| ---: | --- | --- | ---: | ---: | ---: | ---: |',
    ...summary.faultEvents.map(
      (e, i) =>
        `| ${i + 1} | ${e.nemesis} | ${e.faults.join('; ').replaceAll('|', '\\|')} | ${e.injectedS.toFixed(1)} | ` +
        `${e.healedS.toFixed(1)} | ${secondsOrNever(e.writesBackS, 1)} | ${secondsOrNever(e.readsBackS, 1)} |`,
    ),
    ...(summary.anomalyReports.length > 0
      ? [
          '',
          '## Anomalies',
          '',
          `Seed ${summary.seed}; the whole history: \`${summary.historyFile}\`.`,
          '',
          ...summary.anomalyReports.map(
            (a) => `In ${a.nemesis ?? 'no fault'}:\n\n\`\`\`\n${a.text}\n\`\`\`\n`,
          ),
        ]
      : []),
    ...(summary.deaths.length > 0
      ? [
          '',
          '## Processes that exited unasked',
          '',
          ...summary.deaths.map((d) => `\`\`\`\n${d.description}\n\`\`\`\n`),
        ]
      : []),
    '',
  ].join('\n');
}

/** Seconds with one decimal from ms (or s with `scale` 1); "never" for undefined. */
function secondsOrNever(value: number | undefined, scale = 1000): string {
  return value === undefined ? 'never' : (value / scale).toFixed(1);
}
