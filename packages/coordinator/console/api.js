// The console's calls to the coordinator. The API key lives in this tab's
// sessionStorage and travels only in the Authorization header, never in a URL.

const KEY_ITEM = 'vecshard-console-key';

export const apiKey = {
  get: () => sessionStorage.getItem(KEY_ITEM) ?? '',
  set: (key) => sessionStorage.setItem(KEY_ITEM, key),
  clear: () => sessionStorage.removeItem(KEY_ITEM),
};

/** A refused or failed call, with the HTTP status. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function headers(extra = {}) {
  const key = apiKey.get();
  return key ? { ...extra, authorization: `Bearer ${key}` } : extra;
}

async function answer(response) {
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, body.error ?? response.statusText);
  return body;
}

export async function get(path) {
  return answer(await fetch(path, { headers: headers(), cache: 'no-store' }));
}

export async function post(path, body) {
  const init = { method: 'POST', headers: headers({ 'content-type': 'application/json' }) };
  return answer(await fetch(path, { ...init, body: JSON.stringify(body) }));
}

/**
 * Follows the coordinator's server-sent events. EventSource cannot send an
 * Authorization header, so the stream is read with fetch. Reconnects after a
 * break, waiting a little longer each time; resolves when `signal` aborts.
 */
export async function followEvents(onEvent, onStatus, signal) {
  let retryMs = 500;
  while (!signal.aborted) {
    try {
      const response = await fetch('/api/events', { headers: headers(), signal, cache: 'no-store' });
      if (!response.ok) throw new ApiError(response.status, (await response.json()).error);
      onStatus('live');
      retryMs = 500;
      await readEvents(response.body, onEvent);
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
        onStatus('refused', error);
        return;
      }
      onStatus('reconnecting', error);
    }
    await new Promise((resolve) => setTimeout(resolve, retryMs));
    retryMs = Math.min(10_000, retryMs * 2);
  }
}

async function readEvents(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error('the event stream ended');
    buffered += value;
    let end = buffered.indexOf('\n\n');
    while (end >= 0) {
      dispatch(buffered.slice(0, end), onEvent);
      buffered = buffered.slice(end + 2);
      end = buffered.indexOf('\n\n');
    }
  }
}

function dispatch(block, onEvent) {
  let name = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event: ')) name = line.slice(7);
    else if (line.startsWith('data: ')) data.push(line.slice(6));
  }
  if (data.length > 0) onEvent(name, JSON.parse(data.join('\n')));
}
