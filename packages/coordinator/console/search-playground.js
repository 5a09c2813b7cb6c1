import { useState } from 'preact/hooks';
import { post } from './api.js';
import { ms } from './format.js';
import { html } from './html.js';

/** Searches a collection with a stored row's vector (by id, or a random one) and shows where the time went. */
export function SearchPlayground({ cluster }) {
  const ready = (cluster?.collections ?? []).filter((c) => c.state !== 'CREATED');
  const [form, setForm] = useState({ collection: '', id: '', k: 10, nprobe: 0, filter: '' });
  const [answer, setAnswer] = useState(undefined);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const collection = form.collection || ready[0]?.name || '';
  const field =
    (name, parse = (v) => v) =>
    (event) =>
      setForm({ ...form, [name]: parse(event.currentTarget.value) });
  const submit = async (event) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      setAnswer(await post('/api/search', { ...form, collection }));
    } catch (failure) {
      setAnswer(undefined);
      setError(failure.message);
    } finally {
      setBusy(false);
    }
  };
  const fields = ready.find((c) => c.name === collection)?.fields ?? [];
  return html`
    <form class="playground" data-testid="playground" onSubmit=${submit}>
      <label>Collection
        <select name="collection" value=${collection} onChange=${field('collection')}>
          ${ready.map((c) => html`<option value=${c.name}>${c.name}</option>`)}
        </select>
      </label>
      <label>Stored id <input name="id" placeholder="random" value=${form.id} onInput=${field('id')} /></label>
      <label>k <input name="k" type="number" min="1" max="1000" value=${form.k} onInput=${field('k', Number)} /></label>
      <label>nprobe <input name="nprobe" type="number" min="0" value=${form.nprobe}
        onInput=${field('nprobe', Number)} title="0: the collection's own" /></label>
      <label class="wide">Filter
        <input name="filter" value=${form.filter} onInput=${field('filter')}
          placeholder=${fields.length > 0 ? `e.g. ${fields[0].name} = …` : 'no fields in this collection'}
          disabled=${fields.length === 0} />
      </label>
      <button type="submit" disabled=${busy || !collection}>Search</button>
    </form>
    ${error && html`<p class="error" data-testid="search-error">${error}</p>`}
    ${answer && html`<${Answer} answer=${answer} />`}
  `;
}

function Answer({ answer }) {
  const fieldNames = [...new Set(answer.hits.flatMap((hit) => Object.keys(hit.fields)))];
  return html`
    <section data-testid="search-answer" data-query-id=${answer.queryId}>
      <p>
        Query: the vector of id <code>${answer.queryId}</code> · ${answer.shardsQueried} shards asked ·
        ${ms(answer.totalMs)} in all, ${ms(answer.mergeMs)} merging after the last shard answered
      </p>
      <table class="shard-times">
        <thead><tr><th>Shard</th><th>Answered by</th><th>Time</th></tr></thead>
        <tbody>
          ${answer.shards.map(
            (s) =>
              html`<tr data-shard=${s.shard}><td>${s.shard}</td><td>${s.worker}</td><td>${ms(s.ms)}</td></tr>`,
          )}
        </tbody>
      </table>
      <table class="hits">
        <thead><tr><th>#</th><th>Id</th><th>Distance</th>${fieldNames.map((f) => html`<th>${f}</th>`)}</tr></thead>
        <tbody>
          ${answer.hits.map(
            (hit, i) => html`<tr data-hit=${hit.id}>
              <td>${i + 1}</td>
              <td>${hit.id}</td>
              <td>${hit.distance.toPrecision(5)}</td>
              ${fieldNames.map((f) => html`<td>${JSON.stringify(hit.fields[f] ?? null)}</td>`)}
            </tr>`,
          )}
        </tbody>
      </table>
    </section>
  `;
}
