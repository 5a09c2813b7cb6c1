import { useState } from 'preact/hooks';
import { html } from './html.js';

/** This cluster needs an API key: asked once, then kept for this browser tab only. */
export function KeyPrompt({ refusal, onKey }) {
  const [key, setKey] = useState('');
  const submit = (event) => {
    event.preventDefault();
    if (key.trim()) onKey(key.trim());
  };
  return html`
    <form class="key-prompt" data-testid="key-prompt" onSubmit=${submit}>
      <h1>vecshard</h1>
      <p>This cluster needs an API key: a read key to look, an admin key to act.</p>
      <p class="muted">It is kept in this tab's session storage and sent only in a request header.</p>
      <input
        type="password"
        name="api-key"
        autocomplete="off"
        placeholder="API key"
        value=${key}
        onInput=${(event) => setKey(event.currentTarget.value)}
      />
      <button type="submit">Open the console</button>
      ${refusal && html`<p class="error" data-testid="key-refused">${refusal}</p>`}
    </form>
  `;
}
