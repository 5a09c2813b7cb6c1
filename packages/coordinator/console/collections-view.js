import { useEffect, useState } from 'preact/hooks';
import { get } from './api.js';
import { ActionButton } from './confirm-action.js';
import { count, time } from './format.js';
import { html } from './html.js';

/** A collection's snapshots, read when its details are opened, with restore for admins. */
function Snapshots({ name, canAct, onJob }) {
  const [snapshots, setSnapshots] = useState(undefined);
  const [error, setError] = useState('');
  useEffect(() => {
    get(`/api/collections/${encodeURIComponent(name)}/snapshots`).then(
      (answer) => setSnapshots(answer.snapshots ?? []),
      (failure) => setError(failure.message),
    );
  }, [name]);
  if (error) return html`<p class="muted">Snapshots: ${error}</p>`;
  if (!snapshots) return html`<p class="muted">Reading snapshots…</p>`;
  if (snapshots.length === 0) return html`<p class="muted">No snapshots yet.</p>`;
  return html`<table class="snapshots">
    <thead><tr><th>Snapshot</th><th>Taken</th><th>Vectors</th><th></th></tr></thead>
    <tbody>
      ${snapshots.map(
        (s) => html`<tr>
          <td><code>${s.id}</code></td>
          <td>${time(s.createdAtMs)}</td>
          <td>${count(s.vectors)}</td>
          <td>
            ${
              canAct &&
              html`<${ActionButton}
              label="Restore"
              question=${`Restore "${name}" from snapshot ${s.id}? Writes since then are lost.`}
              path="/api/restore"
              body=${{ collection: name, snapshotId: s.id }}
              onJob=${onJob}
            />`
            }
          </td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}

function Details({ collection, canAct, onJob }) {
  const [open, setOpen] = useState(false);
  const c = collection;
  return html`<section class="collection-details" data-collection=${c.name}>
    <h3>
      <button class="link" onClick=${() => setOpen(!open)}>${open ? '▾' : '▸'}</button>
      ${c.name} <span class="collection-state ${c.state}">${c.state}</span>
      ${
        canAct &&
        html`<${ActionButton}
        label="Take snapshot"
        testId=${`snapshot-${c.name}`}
        question=${`Take a snapshot of "${c.name}" now?`}
        path="/api/snapshot"
        body=${{ collection: c.name }}
        onJob=${onJob}
      />`
      }
    </h3>
    <dl>
      <dt>Vectors</dt><dd>${count(c.vectors)}</dd>
      <dt>Dimensions</dt><dd>${c.dim} (${c.metric})</dd>
      <dt>Index</dt><dd>${c.index}, ${c.nlist} lists, nprobe ${c.nprobe}</dd>
      <dt>Shards</dt><dd>${c.shards.length} (${c.routing} routing${c.partitionKey ? `, by ${c.partitionKey}` : ''})</dd>
      <dt>Replication factor</dt><dd>${c.replicationFactor}</dd>
      <dt>Placement policy</dt><dd>${c.placementPolicy}</dd>
      <dt>Fields</dt>
      <dd>${c.fields.length === 0 ? '–' : c.fields.map((f) => `${f.name}: ${f.type}`).join(', ')}</dd>
      <dt>Last snapshot</dt><dd>${c.lastSnapshot ?? '–'}</dd>
    </dl>
    ${open && html`<${Snapshots} name=${c.name} canAct=${canAct} onJob=${onJob} />`}
  </section>`;
}

/** Every collection's configuration and state, filterable by name; snapshots on opening one. */
export function CollectionsView({ cluster, canAct, onJob }) {
  const [query, setQuery] = useState('');
  if (!cluster) return html`<p class="muted">Reading the cluster…</p>`;
  const shown = cluster.collections.filter((c) => c.name.toLowerCase().includes(query.toLowerCase()));
  return html`
    <section class="toolbar">
      <input type="search" placeholder="Filter collections" value=${query}
        onInput=${(event) => setQuery(event.currentTarget.value)} />
      <span class="muted">${shown.length} of ${cluster.collections.length}</span>
    </section>
    ${shown.map((c) => html`<${Details} key=${c.name} collection=${c} canAct=${canAct} onJob=${onJob} />`)}
  `;
}
