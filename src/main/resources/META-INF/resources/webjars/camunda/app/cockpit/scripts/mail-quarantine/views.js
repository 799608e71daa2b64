// The "Mail quarantine" page (see plugin.js). Everything from the server, a stranger's subject
// included, is rendered as text through ../common/dom.js, which parses no HTML.

import { el, append, clear, text, ensureStylesheet } from '../common/dom.js';
import { callApi } from '../common/api.js';

export const ROUTE = '/mail-quarantine';
const QUARANTINE_API = '/api/inbound-mail/quarantine';
const HELD_API = '/api/inbound-mail/held';
const SHOWN = 100;

/** 2048 → "2.0 KB". */
export function size(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** An instant "2026-11-27T18:58:40.123Z" → "2026-11-27 18:58 UTC". */
function received(instant) {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(instant || '');
  return m ? `${m[1]} ${m[2]} UTC` : text(instant);
}

export function renderQuarantinePage(node, api) {
  ensureStylesheet('mail-quarantine-styles', new URL('./mail-quarantine.css', import.meta.url).href);
  const status = el('div', { id: 'mail-quarantine-status', 'aria-live': 'polite' });
  const results = el('div', { className: 'mail-quarantine-results' });
  const page = { api, status, results };
  append(clear(node), [
    el(
      'section',
      { className: 'mail-quarantine' },
      el('h1', { className: 'section-title' }, 'Mail quarantine'),
      el(
        'p',
        { className: 'mail-quarantine-help' },
        'E-mail that could not become a ticket or a message of one: unreadable messages, and messages ' +
          'whose processing failed again and again. Download one to read it as it came; once its cause ' +
          'is fixed, "Process again" handles it as if it had just arrived; "Discard" removes it for good ' +
          '(a later delivery of the same message is then ignored). Newest first. Above them, when there are any, the ' +
          'replies that wait for a ticket on hold. For support managers and admins.'
      ),
      status,
      results
    )
  ]);
  show(page);
}

function say(page, kind, ...message) {
  append(clear(page.status), el('div', { className: `alert alert-${kind}` }, message));
}

function failed(page, what, error) {
  const lead =
    error.status === 401 ? 'Your Cockpit session has ended: log in again. ' :
    error.status === 403 ? `Not allowed to ${what}: ` : `Could not ${what}: `;
  say(page, 'danger', lead, text(error.message));
}

async function show(page) {
  clear(page.results).append(el('p', { className: 'mail-quarantine-loading' }, 'Loading the quarantine…'));
  let list;
  let held;
  try {
    [list, held] = await Promise.all([
      callApi(page.api, 'GET', QUARANTINE_API, { params: { page: 0, size: SHOWN } }).then((r) => r.json()),
      callApi(page.api, 'GET', HELD_API).then((r) => r.json())
    ]);
  } catch (error) {
    clear(page.results);
    failed(page, 'read the quarantine', error);
    return;
  }
  append(clear(page.results), [heldSection(held), el('h2', {}, 'Kept aside'), quarantined(page, list)]);
}

/** The replies waiting unread for a ticket whose process is suspended; nothing when there are none. */
function heldSection(held) {
  if (!held.length) {
    return null;
  }
  return el(
    'div',
    { className: 'mail-quarantine-held' },
    el('h2', {}, 'Waiting for a ticket on hold'),
    el(
      'p',
      { className: 'mail-quarantine-help' },
      'These replies stay unread in the mailbox because their ticket\'s process is suspended. Activate it ' +
        '(Processes, the ticket\'s process instance, Activate) and the next poll of the mailbox delivers them.'
    ),
    el(
      'table',
      { className: 'table table-condensed mail-quarantine-table', id: 'mail-quarantine-held' },
      el('thead', {}, el('tr', {}, ['Ticket', 'From', 'Subject', 'Waiting since', 'Tries'].map((h) => el('th', {}, h)))),
      el('tbody', {}, held.map((h) =>
        el('tr', { 'data-ticket': h.ticket },
          el('td', {}, h.ticket), el('td', {}, text(h.from)), el('td', {}, text(h.subject)),
          el('td', { className: 'mail-quarantine-received' }, received(h.since)), el('td', { className: 'mail-quarantine-size' }, String(h.tries)))))
    )
  );
}

function quarantined(page, list) {
  if (!list.items.length) {
    return el('p', { className: 'mail-quarantine-empty', id: 'mail-quarantine-list' }, 'Nothing in the quarantine.');
  }
  return [
    el('p', { id: 'mail-quarantine-count' },
      list.total > list.items.length ? `The newest ${list.items.length} of ${list.total} messages.` : `${list.total} messages.`),
    el(
      'table',
      { className: 'table table-condensed mail-quarantine-table', id: 'mail-quarantine-list' },
      el('thead', {}, el('tr', {}, ['Received', 'From', 'Subject', 'Why', 'Size', ''].map((h) => el('th', {}, h)))),
      el('tbody', {}, list.items.map((item) => row(page, item)))
    )
  ];
}

function row(page, item) {
  const retry = el('button', {
    type: 'button', className: 'btn btn-default btn-xs', 'data-action': 'retry', disabled: item.whole ? null : 'disabled',
    title: item.whole ? 'Process it again, as if it had just arrived' : 'Only its headers are kept: it is still in the mailbox'
  }, 'Process again');
  const discard = el('button', { type: 'button', className: 'btn btn-default btn-xs', 'data-action': 'discard' }, 'Discard');
  const download = el('button', { type: 'button', className: 'btn btn-link btn-xs', 'data-action': 'download' }, '.eml');
  retry.addEventListener('click', () => act(page, item, 'process again', () => retried(page, item)));
  discard.addEventListener('click', () => {
    if (window.confirm(`Discard the message from ${text(item.from)} ("${text(item.subject)}") for good?`)) {
      act(page, item, 'discard it', () => discarded(page, item));
    }
  });
  download.addEventListener('click', () => act(page, item, 'download it', () => downloaded(page, item)));
  return el(
    'tr',
    { 'data-id': item.id },
    el('td', { className: 'mail-quarantine-received' }, received(item.receivedAt)),
    el('td', {}, text(item.from)),
    el('td', {}, text(item.subject)),
    el('td', { className: 'mail-quarantine-reason' }, text(item.reason), item.whole ? null : el('div', { className: 'mail-quarantine-note' }, 'headers only')),
    el('td', { className: 'mail-quarantine-size' }, size(item.size)),
    el('td', { className: 'mail-quarantine-actions' }, download, ' ', retry, ' ', discard)
  );
}

async function act(page, item, what, action) {
  try {
    await action();
  } catch (error) {
    failed(page, what, error);
  }
}

async function retried(page, item) {
  const result = await (await callApi(page.api, 'POST', `${QUARANTINE_API}/${item.id}/retry`)).json();
  say(page, result.outcome === 'QUARANTINED' ? 'warning' : 'success',
    `Message from ${text(item.from)}: ${result.outcome}`,
    result.ticket ? `, ticket ${result.ticket}` : '',
    result.reason ? ` (${result.reason})` : '');
  await show(page);
}

async function discarded(page, item) {
  await callApi(page.api, 'DELETE', `${QUARANTINE_API}/${item.id}`);
  say(page, 'info', `Message from ${text(item.from)} discarded.`);
  await show(page);
}

async function downloaded(page, item) {
  const blob = await (await callApi(page.api, 'GET', `${QUARANTINE_API}/${item.id}/message`, { accept: 'message/rfc822' })).blob();
  const link = el('a', { href: URL.createObjectURL(blob), download: `quarantined-${item.id}.eml` });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60000);
}
