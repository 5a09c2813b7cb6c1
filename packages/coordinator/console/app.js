import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, apiKey, followEvents, get } from './api.js';
import { ClusterMap } from './cluster-map.js';
import { CollectionsView } from './collections-view.js';
import { html } from './html.js';
import { JobsView } from './jobs-view.js';
import { KeyPrompt } from './key-prompt.js';
import { MetricsView } from './metrics-view.js';
import { SearchPlayground } from './search-playground.js';

const TABS = [
  ['map', 'Cluster map'],
  ['jobs', 'Jobs'],
  ['collections', 'Collections'],
  ['search', 'Search'],
  ['metrics', 'Metrics'],
];

/** Asks the coordinator who this tab is: with no key (or a wrong one) on a secure cluster, the key prompt. */
function App() {
  const [session, setSession] = useState(undefined);
  const [refusal, setRefusal] = useState('');
  const check = () =>
    get('/api/session').then(setSession, (error) => {
      setSession(null);
      setRefusal(error instanceof ApiError && error.status === 401 && apiKey.get() ? error.message : '');
    });
  useEffect(() => void check(), []);
  if (session === undefined) return html`<p class="muted">Connecting…</p>`;
  const useKey = (key) => {
    apiKey.set(key);
    check();
  };
  const forgetKey = () => {
    apiKey.clear();
    setSession(null);
  };
  if (session === null) return html`<${KeyPrompt} refusal=${refusal} onKey=${useKey} />`;
  return html`<${Console} session=${session} onSignOut=${forgetKey} />`;
}

/** The console proper: one event stream feeds every view. */
function Console({ session, onSignOut }) {
  const [tab, setTab] = useState('map');
  const [cluster, setCluster] = useState(undefined);
  const [jobs, setJobs] = useState([]);
  const [metrics, setMetrics] = useState([]);
  const [status, setStatus] = useState('connecting');
  useEffect(() => {
    const stop = new AbortController();
    const on = { cluster: setCluster, jobs: setJobs, metrics: setMetrics };
    followEvents((name, data) => on[name]?.(data), setStatus, stop.signal);
    return () => stop.abort();
  }, []);
  const [focusJob, setFocusJob] = useState('');
  const canAct = session.role === 'admin';
  const showJob = (job) => {
    setFocusJob(job.id);
    setTab('jobs');
  };
  const views = {
    map: () => html`<${ClusterMap} cluster=${cluster} canAct=${canAct} onJob=${showJob} />`,
    jobs: () => html`<${JobsView} jobs=${jobs} focus=${focusJob} />`,
    collections: () => html`<${CollectionsView} cluster=${cluster} canAct=${canAct} onJob=${showJob} />`,
    search: () => html`<${SearchPlayground} cluster=${cluster} />`,
    metrics: () => html`<${MetricsView} points=${metrics} />`,
  };
  return html`
    <header>
      <h1>vecshard</h1>
      <nav>
        ${TABS.map(
          ([id, label]) =>
            html`<button class=${tab === id ? 'tab active' : 'tab'} data-tab=${id} onClick=${() => setTab(id)}>
              ${label}
            </button>`,
        )}
      </nav>
      <span class="status ${status}" data-connection=${status}>${status}</span>
      <span class="muted">${session.keysRequired ? `${session.name} (${session.role})` : 'open cluster'}</span>
      ${session.keysRequired && html`<button class="link" onClick=${onSignOut}>forget key</button>`}
    </header>
    <main>${views[tab]()}</main>
  `;
}

render(html`<${App} />`, document.getElementById('app'));
