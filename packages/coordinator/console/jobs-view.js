import { useRef } from 'preact/hooks';
import { count, duration, stateName, time } from './format.js';
import { html } from './html.js';

/**
 * Seconds left for a running job, from its progress since this page first
 * saw it running (the rate of the work seen, not a guess from the start).
 */
function eta(job, firstSeen) {
  if (stateName(job.state) !== 'RUNNING') return undefined;
  const first = firstSeen.get(job.id);
  if (!first) {
    firstSeen.set(job.id, { at: Date.now(), progress: job.progress });
    return undefined;
  }
  const gained = job.progress - first.progress;
  if (gained <= 0) return undefined;
  return ((Date.now() - first.at) / 1000 / gained) * (100 - job.progress);
}

/** Running and recent jobs, live from the event stream: progress, ETA, attempts, error and result. */
export function JobsView({ jobs, focus }) {
  const firstSeen = useRef(new Map()).current;
  if (jobs.length === 0) return html`<p class="muted">No jobs yet.</p>`;
  return html`
    <table class="jobs">
      <thead>
        <tr>
          <th>Job</th>
          <th>Kind</th>
          <th>Collection</th>
          <th>State</th>
          <th>Progress</th>
          <th>ETA</th>
          <th>Attempts</th>
          <th>Created</th>
          <th>Finished</th>
          <th>Error / result</th>
        </tr>
      </thead>
      <tbody>
        ${jobs.map((job) => {
          const state = stateName(job.state);
          const percent = Math.round(job.progress ?? 0);
          const left = eta(job, firstSeen);
          return html`<tr
            data-job=${job.id}
            data-kind=${job.kind}
            data-state=${state}
            data-progress=${percent}
            class=${job.id === focus ? 'focus' : ''}
          >
            <td><code>${job.id}</code></td>
            <td>${job.kind}</td>
            <td>${job.collection}</td>
            <td><span class="job-state ${state}">${state}</span></td>
            <td>
              <progress max="100" value=${percent}></progress>
              ${percent} % <span class="muted">${count(job.done)} / ${count(job.total)}</span>
            </td>
            <td>${left === undefined ? '–' : duration(left)}</td>
            <td>${job.attempts}</td>
            <td>${time(job.createdAtMs)}</td>
            <td>${time(job.finishedAtMs)}</td>
            <td>
              ${job.error && html`<span class="error">${job.error}</span>`}
              ${job.result && html`<code class="result">${job.result}</code>`}
            </td>
          </tr>`;
        })}
      </tbody>
    </table>
  `;
}
