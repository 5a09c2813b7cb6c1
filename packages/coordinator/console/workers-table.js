import { useState } from 'preact/hooks';
import { ActionButton } from './confirm-action.js';
import { bytes, count } from './format.js';
import { html } from './html.js';

const COLUMNS = [
  ['id', 'Worker'],
  ['address', 'Address'],
  ['state', 'State'],
  ['device', 'Device'],
  ['faissBuild', 'FAISS build'],
  ['copies', 'Copies'],
  ['lists', 'Lists'],
  ['vectors', 'Vectors'],
  ['memoryBytes', 'Index memory'],
  ['rssBytes', 'Process memory'],
];

/**
 * The workers, sortable by any column, filterable by id or address and
 * collapsible (collapsed from the start with many workers), with a Drain
 * action for admins.
 */
export function WorkersTable({ workers, all, canAct, onJob }) {
  const total = all.length;
  const [sort, setSort] = useState({ by: 'id', descending: false });
  const [open, setOpen] = useState(total <= 16);
  const [query, setQuery] = useState('');
  const shown = workers.filter((w) => `${w.id} ${w.address}`.includes(query));
  const sorted = [...shown].sort((a, b) => {
    const order = a[sort.by] < b[sort.by] ? -1 : a[sort.by] > b[sort.by] ? 1 : 0;
    return sort.descending ? -order : order;
  });
  const sortBy = (by) => setSort({ by, descending: sort.by === by ? !sort.descending : false });
  const alive = all.filter((w) => w.state === 'alive').length;
  const dead = all.filter((w) => w.state === 'dead').length;
  return html`
    <h2>
      <button class="link" onClick=${() => setOpen(!open)}>${open ? '▾' : '▸'}</button>
      Workers (${alive} alive${dead > 0 ? `, ${dead} dead` : ''}${shown.length < total ? `, ${shown.length} shown` : ''}
      of ${total})
      <input
        type="search"
        class="worker-filter"
        placeholder="Filter workers"
        value=${query}
        onInput=${(event) => setQuery(event.currentTarget.value)}
      />
      ${
        canAct &&
        html`<${ActionButton}
        label="Rebalance"
        testId="rebalance"
        question="Rebalance every collection over the placeable workers? Lists move while serving."
        path="/api/rebalance"
        body=${{}}
        onJob=${onJob}
      />`
      }
    </h2>
    ${
      open &&
      html`<table class="workers">
      <thead>
        <tr>
          ${COLUMNS.map(
            ([key, label]) =>
              html`<th onClick=${() => sortBy(key)} class="sortable">
                ${label}${sort.by === key ? (sort.descending ? ' ↓' : ' ↑') : ''}
              </th>`,
          )}
          ${canAct && html`<th></th>`}
        </tr>
      </thead>
      <tbody>
        ${sorted.map(
          (w) => html`<tr data-worker=${w.id} data-state=${w.state}>
            <td>${w.id}</td>
            <td>${w.address}</td>
            <td><span class="worker-state ${w.state}">${w.state}</span></td>
            <td>${w.device}</td>
            <td>${w.faissBuild}</td>
            <td>${w.copies}</td>
            <td>${count(w.lists)}</td>
            <td>${count(w.vectors)}</td>
            <td>${bytes(w.memoryBytes)}</td>
            <td>${bytes(w.rssBytes)}</td>
            ${
              canAct &&
              html`<td>
              <${ActionButton}
                label="Drain"
                testId=${`drain-${w.id}`}
                disabled=${w.state !== 'alive'}
                question=${`Drain ${w.id}? Its copies move to the other workers and no new placement uses it until it restarts.`}
                path="/api/drain"
                body=${{ workerId: w.id }}
                onJob=${onJob}
              />
            </td>`
            }
          </tr>`,
        )}
      </tbody>
    </table>`
    }
  `;
}
