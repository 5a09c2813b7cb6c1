import { useState } from 'preact/hooks';
import { post } from './api.js';
import { html } from './html.js';

/**
 * A button for an admin action: asks for confirmation, posts it, then shows
 * the job it queued (or why it was refused).
 */
export function ActionButton({ label, question, path, body, onJob, disabled, testId }) {
  const [asking, setAsking] = useState(false);
  const [outcome, setOutcome] = useState('');
  const run = async () => {
    setAsking(false);
    try {
      const job = await post(path, body);
      setOutcome(`queued job ${job.id}`);
      onJob?.(job);
    } catch (error) {
      setOutcome(`refused: ${error.message}`);
    }
  };
  return html`
    <span class="action">
      <button data-action=${testId} disabled=${disabled} onClick=${() => setAsking(true)}>${label}</button>
      ${
        asking &&
        html`<div class="confirm" role="dialog" data-testid="confirm">
        <p>${question}</p>
        <button data-testid="confirm-yes" onClick=${run}>Yes, ${label.toLowerCase()}</button>
        <button class="link" onClick=${() => setAsking(false)}>Cancel</button>
      </div>`
      }
      ${outcome && html`<span class="outcome" data-testid="action-outcome">${outcome}</span>`}
    </span>
  `;
}
