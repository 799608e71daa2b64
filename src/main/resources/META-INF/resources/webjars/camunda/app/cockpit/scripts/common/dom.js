// Small DOM helpers. Engine data (variable values, customer text, user ids) only ever becomes
// text nodes: nothing here parses HTML, so a value like "<img onerror=...>" shows as written.

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'className') {
      node.className = value;
    } else if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2).toLowerCase(), value);
    } else {
      node.setAttribute(name, String(value));
    }
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** The query parameters of the route in the location hash ("#/route?key=…"). */
export function hashParams() {
  const hash = window.location.hash || '';
  const query = hash.indexOf('?');
  return new URLSearchParams(query < 0 ? '' : hash.slice(query + 1));
}

/**
 * Opens a route with its parameters ("/route?key=…") as an address the user can keep or pass on:
 * Cockpit renders the route anew for the new address; when it is the address already, {@code again}
 * shows it once more.
 */
export function openRoute(target, again) {
  if (window.location.hash === '#' + target) {
    again();
  } else {
    window.location.hash = target;
  }
}

/** Links a plugin's stylesheet into the page once. */
export function ensureStylesheet(id, href) {
  if (!document.getElementById(id)) {
    document.head.appendChild(el('link', { id, rel: 'stylesheet', href }));
  }
}

export function clear(node) {
  while (node.firstChild) {
    node.removeChild(node.firstChild);
  }
  return node;
}

/** A value as the engine returned it, as plain text ("—" for none). */
export function text(value) {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  if (typeof value === 'object') {
    return JSON.stringify(value);
  }
  return String(value);
}

/** Engine time "2026-03-06T17:30:00.000+0000" → "2026-03-06 17:30:00 +0000". */
export function time(value) {
  if (!value) {
    return '—';
  }
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?(.*)$/.exec(value);
  return m ? `${m[1]} ${m[2]}${m[3] ? ' ' + m[3] : ''}` : String(value);
}

export function duration(millis) {
  if (millis === null || millis === undefined) {
    return '—';
  }
  const seconds = Math.round(millis / 1000);
  const parts = [];
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (days) parts.push(`${days} d`);
  if (hours) parts.push(`${hours} h`);
  if (minutes) parts.push(`${minutes} min`);
  if (!parts.length) parts.push(`${seconds % 60} s`);
  return parts.join(' ');
}

/**
 * A table: columns are [heading, row => cell content]; cell content goes through append().
 * rowAttributes(row) may give attributes for a row's <tr>.
 */
export function table(columns, rows, empty, rowAttributes = () => ({})) {
  if (!rows.length) {
    return el('p', { className: 'tck-audit-empty' }, empty);
  }
  return el(
    'table',
    { className: 'table table-condensed tck-audit-table' },
    el('thead', {}, el('tr', {}, columns.map(([heading]) => el('th', {}, heading)))),
    el('tbody', {}, rows.map((row) => el('tr', rowAttributes(row), columns.map(([, cell]) => el('td', {}, cell(row))))))
  );
}
