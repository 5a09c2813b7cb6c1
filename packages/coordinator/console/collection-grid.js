import { useState } from 'preact/hooks';
import { count } from './format.js';
import { html } from './html.js';

/** The moves touching one copy cell: as source (lists or copy leaving) or as target. */
function movesAt(moves, shard, worker, copies) {
  return moves.filter((move) => {
    if (move.kind === 'rebalance')
      return (move.shard === shard || move.toShard === shard) && copies.some((c) => c.worker === worker);
    return move.shard === shard && (move.fromWorker === worker || move.toWorker === worker);
  });
}

function moveLabel(move) {
  const what =
    move.kind === 'rebalance'
      ? `lists of shard ${move.shard} → shard ${move.toShard}`
      : `${move.kind} of shard ${move.shard}${move.fromWorker ? ` ${move.fromWorker}` : ''} → ${move.toWorker}`;
  return `${what}: ${move.done}/${move.total} (${move.percent} %)`;
}

/**
 * One collection: a row per shard (its lists and vectors), a column per
 * worker, each copy coloured by its state, with its reason on hover and below.
 */
export function CollectionGrid({ collection, workers, moves, onlyTroubled, startOpen }) {
  const [open, setOpen] = useState(startOpen && collection.shards.length <= 64);
  const holders = new Set(collection.shards.flatMap((s) => s.copies.map((c) => c.worker)));
  for (const move of moves) if (move.toWorker) holders.add(move.toWorker);
  const columns = workers.filter((w) => holders.has(w.id)).map((w) => w.id);
  const reasons = collection.shards.flatMap((s) =>
    s.copies.filter((c) => c.why).map((c) => `shard ${s.shard} on ${c.worker}: ${c.why}`),
  );
  const shards = onlyTroubled
    ? collection.shards.filter(
        (s) =>
          s.copies.some((c) => c.state !== 'READY') ||
          moves.some((m) => m.shard === s.shard || m.toShard === s.shard),
      )
    : collection.shards;
  return html`
    <section class="collection" data-collection=${collection.name} data-state=${collection.state}>
      <h3>
        <button class="link" onClick=${() => setOpen(!open)}>${open ? '▾' : '▸'}</button>
        ${collection.name}
        <span class="collection-state ${collection.state}">${collection.state}</span>
        <span class="muted">${`${count(collection.vectors)} vectors · ${collection.shards.length} shards · RF ${collection.replicationFactor} · ${collection.routing} routing`}</span>
      </h3>
      ${collection.why && html`<p class="why" data-testid="collection-why">why ${collection.state}: ${collection.why}</p>`}
      ${moves.map(
        (move) => html`<p class="move" data-move=${`${move.kind}-${move.shard}`}>${moveLabel(move)}
          <progress max="100" value=${move.percent}></progress></p>`,
      )}
      ${
        open &&
        html`<table class="grid">
        <thead>
          <tr>
            <th>Shard</th>
            <th>Lists</th>
            <th>Vectors</th>
            ${columns.map((id) => html`<th>${id}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${shards.map(
            (shard) => html`<tr>
              <td>${shard.shard}</td>
              <td>${count(shard.lists)}</td>
              <td>${count(Math.max(0, ...shard.copies.map((c) => c.vectors ?? 0)))}</td>
              ${columns.map((worker) => {
                const copy = shard.copies.find((c) => c.worker === worker);
                const moving = movesAt(moves, shard.shard, worker, shard.copies);
                const classes = ['copy', copy?.state ?? 'none', moving.length > 0 ? 'moving' : ''].join(' ');
                return html`<td
                  class=${classes}
                  data-copy=${copy ? `${collection.name}/${shard.shard}/${worker}` : undefined}
                  data-state=${copy?.state}
                  title=${[copy?.why, ...moving.map(moveLabel)].filter(Boolean).join('\n')}
                >
                  ${copy ? copy.state : ''}${moving.length > 0 ? html` <small>${moving[0].percent} %</small>` : ''}
                </td>`;
              })}
            </tr>`,
          )}
        </tbody>
      </table>`
      }
      ${reasons.length > 0 && html`<ul class="reasons">${reasons.map((r) => html`<li>${r}</li>`)}</ul>`}
    </section>
  `;
}
