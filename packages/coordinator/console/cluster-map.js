import { useState } from 'preact/hooks';
import { CollectionGrid } from './collection-grid.js';
import { html } from './html.js';
import { WorkersTable } from './workers-table.js';

/** Whether a collection has a copy that is not READY, or a move in progress. */
function troubled(collection, moves) {
  return (
    collection.state !== 'READY' ||
    collection.shards.some((shard) => shard.copies.some((copy) => copy.state !== 'READY')) ||
    moves.some((move) => move.collection === collection.name)
  );
}

/** Whether a worker holds a copy that is not READY, or is the source or target of a move. */
function involved(workerId, cluster) {
  const notReady = cluster.collections.some((c) =>
    c.shards.some((s) => s.copies.some((copy) => copy.worker === workerId && copy.state !== 'READY')),
  );
  return notReady || cluster.moves.some((m) => m.fromWorker === workerId || m.toWorker === workerId);
}

/**
 * Workers, then a shards × workers grid per collection, with moves drawn on
 * both ends. Filters: a name search, and "only not READY or moving".
 */
export function ClusterMap({ cluster, canAct, onJob }) {
  const [onlyTroubled, setOnlyTroubled] = useState(false);
  const [query, setQuery] = useState('');
  if (!cluster) return html`<p class="muted">Reading the cluster…</p>`;
  const matches = (name) => name.toLowerCase().includes(query.toLowerCase());
  const collections = cluster.collections.filter(
    (c) => matches(c.name) && (!onlyTroubled || troubled(c, cluster.moves)),
  );
  const workers = onlyTroubled
    ? cluster.workers.filter((w) => w.state !== 'alive' || involved(w.id, cluster))
    : cluster.workers;
  // With many collections, the healthy ones start collapsed.
  const manyCollections = cluster.collections.length > 10;
  return html`
    <section class="toolbar">
      <input
        type="search"
        placeholder="Filter collections"
        value=${query}
        onInput=${(event) => setQuery(event.currentTarget.value)}
      />
      <label>
        <input
          type="checkbox"
          data-testid="only-troubled"
          checked=${onlyTroubled}
          onChange=${(event) => setOnlyTroubled(event.currentTarget.checked)}
        />
        only not READY or moving
      </label>
      <span class="legend">
        ${['READY', 'CATCHING_UP', 'LOADING', 'DOWN'].map((s) => html`<span class="copy ${s}">${s}</span>`)}
        <span class="copy moving">moving</span>
      </span>
    </section>
    <${WorkersTable} workers=${workers} all=${cluster.workers} canAct=${canAct} onJob=${onJob} />
    <h2>Collections (${collections.length} of ${cluster.collections.length})</h2>
    ${collections.map(
      (collection) =>
        html`<${CollectionGrid}
          key=${collection.name}
          collection=${collection}
          workers=${cluster.workers}
          moves=${cluster.moves.filter((move) => move.collection === collection.name)}
          onlyTroubled=${onlyTroubled}
          startOpen=${!manyCollections || troubled(collection, cluster.moves)}
        />`,
    )}
  `;
}
