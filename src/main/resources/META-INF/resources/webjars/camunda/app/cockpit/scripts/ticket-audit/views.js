// The auditor's views: the "Ticket audit" page (search by ticket key) and the per-instance audit
// that also serves as the "Audit" tab of a running process instance. All engine text is
// rendered as text (see ../common/dom.js).

import { el, append, clear, text, time, duration, table, hashParams, ensureStylesheet, openRoute } from '../common/dom.js';
import { engineClient, LIFECYCLE_PROCESS } from './engine.js';

export const ROUTE = '/ticket-audit';

/** "123", "tck-123" and "TCK-000123" all mean TCK-000123; anything else is searched as typed. */
export function normalizeKey(input) {
  const typed = String(input || '').trim();
  const m = /^(?:TCK-?)?(\d{1,18})$/i.exec(typed);
  return m ? 'TCK-' + m[1].padStart(6, '0') : typed;
}

export function auditLink(key) {
  return '#' + ROUTE + '?key=' + encodeURIComponent(key);
}

function keyFromLocation() {
  return hashParams().get('key') || '';
}

function ensureStyles() {
  ensureStylesheet('tck-audit-styles', new URL('./ticket-audit.css', import.meta.url).href);
}

function failure(error) {
  const forbidden = error && (error.status === 401 || error.status === 403);
  return el(
    'div',
    { className: 'alert alert-danger tck-audit-error' },
    forbidden ? 'Not allowed to read this: ' : 'Could not load: ',
    text(error && error.message)
  );
}

/* ---------- the "Ticket audit" page ---------- */

export function renderAuditPage(node, api) {
  ensureStyles();
  const client = engineClient(api);
  const input = el('input', {
    type: 'search',
    className: 'form-control',
    id: 'tck-audit-key',
    name: 'key',
    placeholder: 'TCK-000123',
    'aria-label': 'Ticket key',
    autocomplete: 'off'
  });
  const results = el('div', { className: 'tck-audit-results' });
  const form = el(
    'form',
    { className: 'form-inline tck-audit-search', role: 'search' },
    el('label', { for: 'tck-audit-key' }, 'Ticket key '),
    input,
    ' ',
    el('button', { type: 'submit', className: 'btn btn-primary', id: 'tck-audit-search' }, 'Search')
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const key = normalizeKey(input.value);
    input.value = key;
    if (!key) {
      showRecent(client, results);
      return;
    }
    openRoute(ROUTE + '?key=' + encodeURIComponent(key), () => showTicket(client, key, results));
  });

  append(clear(node), [
    el(
      'section',
      { className: 'tck-audit' },
      el('h1', { className: 'section-title' }, 'Ticket audit'),
      el(
        'p',
        { className: 'tck-audit-help' },
        'Finished and running ticket processes by ticket key: who did what and when, the variables, ' +
          'the decisions (which rule fired with which inputs), incidents and the user operation log. Read only.'
      ),
      form,
      results
    )
  ]);

  const key = normalizeKey(keyFromLocation());
  if (key) {
    input.value = key;
    showTicket(client, key, results);
  } else {
    showRecent(client, results);
  }
}

async function showRecent(client, results) {
  clear(results).append(el('p', { className: 'tck-audit-loading' }, 'Loading the latest tickets…'));
  try {
    const recent = await client.recentTickets(20);
    append(clear(results), [
      el('h2', {}, 'Latest tickets'),
      table(
        [
          ['Ticket', (p) => el('a', { href: auditLink(p.businessKey) }, text(p.businessKey))],
          ['Started', (p) => time(p.startTime)],
          ['Ended', (p) => time(p.endTime)],
          ['State', (p) => text(p.state)]
        ],
        recent,
        'No tickets yet.'
      )
    ]);
  } catch (error) {
    append(clear(results), failure(error));
  }
}

async function showTicket(client, key, results) {
  clear(results).append(el('p', { className: 'tck-audit-loading' }, `Searching ${key}…`));
  let instances;
  try {
    instances = await client.instancesByBusinessKey(key);
  } catch (error) {
    append(clear(results), failure(error));
    return;
  }
  clear(results);
  if (!instances.length) {
    results.append(el('p', { className: 'tck-audit-empty', id: 'tck-audit-none' }, `No process instance found for ${key}.`));
    return;
  }
  results.append(
    el('h2', { id: 'tck-audit-ticket' }, `Ticket ${key}`),
    el('p', {}, `${instances.length} process instance(s): the lifecycle, its escalations and e-mail deliveries.`)
  );
  for (const instance of instances) {
    // the lifecycle is what an auditor reads first; the others open on demand
    const main = instance.processDefinitionKey === LIFECYCLE_PROCESS && !instance.superProcessInstanceId;
    const body = el('div', { className: 'tck-audit-instance-body' });
    const details = el(
      'details',
      { className: 'tck-audit-instance', 'data-process': instance.processDefinitionKey, open: main ? 'open' : null },
      el('summary', {}, summaryLine(instance)),
      body
    );
    let loaded = false;
    const load = () => {
      if (!loaded) {
        loaded = true;
        renderInstanceAudit(body, client, instance);
      }
    };
    details.addEventListener('toggle', () => details.open && load());
    results.append(details);
    if (main) {
      load();
    }
  }
}

function summaryLine(instance) {
  const name = instance.processDefinitionName || instance.processDefinitionKey;
  return `${text(name)} (v${text(instance.processDefinitionVersion)}) · ${text(instance.state)} · started ${time(instance.startTime)}` +
    (instance.endTime ? ` · ended ${time(instance.endTime)}` : '');
}

/* ---------- the "Audit" tab of a running process instance ---------- */

export async function renderInstanceTab(node, api, processInstanceId) {
  ensureStyles();
  const client = engineClient(api);
  const container = el('div', { className: 'tck-audit tck-audit-tab' });
  append(clear(node), container);
  try {
    const instance = await client.instance(processInstanceId);
    if (instance.businessKey) {
      container.append(
        el('p', {}, 'Every process instance of this ticket: ', el('a', { href: auditLink(instance.businessKey) }, `Ticket audit ${instance.businessKey}`))
      );
    }
    const body = el('div', { className: 'tck-audit-instance-body' });
    container.append(body);
    await renderInstanceAudit(body, client, instance);
  } catch (error) {
    container.append(failure(error));
  }
}

/* ---------- one process instance ---------- */

export async function renderInstanceAudit(body, client, instance) {
  const id = instance.id;
  append(body, [
    el(
      'dl',
      { className: 'dl-horizontal tck-audit-facts' },
      fact('Business key', text(instance.businessKey)),
      fact('Process', `${text(instance.processDefinitionName)} (${text(instance.processDefinitionKey)} v${text(instance.processDefinitionVersion)})`),
      fact('State', text(instance.state)),
      fact('Started', `${time(instance.startTime)}${instance.startUserId ? ' by ' + instance.startUserId : ''}`),
      fact('Ended', time(instance.endTime)),
      fact('Duration', duration(instance.durationInMillis)),
      fact('Instance id', text(id)),
      instance.state === 'ACTIVE' || instance.state === 'SUSPENDED'
        ? fact('Runtime', el('a', { href: '#/process-instance/' + encodeURIComponent(id) + '/runtime' }, 'open in Cockpit'))
        : null
    )
  ]);
  const sections = {
    decisions: section(body, 'decisions', 'Decisions: which rule fired with which inputs'),
    activities: section(body, 'activities', 'Activity history: who did what and when'),
    operations: section(body, 'operations', 'User operation log'),
    variables: section(body, 'variables', 'Variables'),
    updates: section(body, 'variable-updates', 'Variable changes'),
    incidents: section(body, 'incidents', 'Incidents')
  };

  const [activities, operations, variables, updates, decisions, incidents] = await Promise.allSettled([
    client.activities(id),
    client.operations(id),
    client.variables(id),
    client.variableUpdates(id),
    client.decisions(id),
    client.incidents(id)
  ]);
  const activityList = activities.status === 'fulfilled' ? activities.value : [];
  const byActivityInstance = new Map(activityList.map((a) => [a.id, a]));
  const byTask = new Map(activityList.filter((a) => a.taskId).map((a) => [a.taskId, a]));

  fill(sections.decisions, decisions, (list) => decisionTable(client, list));
  fill(sections.activities, activities, (list) => activityTable(list));
  fill(sections.operations, operations, (list) => operationTable(list, byTask));
  fill(sections.variables, variables, (list) => variableTable(list));
  fill(sections.updates, updates, (list) => updateTable(byTime(list, 'time'), id, byActivityInstance, byTask));
  fill(sections.incidents, incidents, (list) => incidentTable(list));
  warnIfCut(body, [activities, operations, variables, updates, decisions, incidents], client.limit);
}

function fact(term, description) {
  return [el('dt', {}, term), el('dd', {}, description)];
}

function section(body, name, heading) {
  const content = el('div', { className: 'tck-audit-section-body' }, el('p', { className: 'tck-audit-loading' }, 'Loading…'));
  body.append(el('section', { className: 'tck-audit-section', 'data-section': name }, el('h3', {}, heading), content));
  return content;
}

function fill(content, settled, render) {
  clear(content);
  if (settled.status === 'rejected') {
    content.append(failure(settled.reason));
    return;
  }
  try {
    append(content, render(settled.value));
  } catch (error) {
    content.append(failure(error));
  }
}

function warnIfCut(body, settled, limit) {
  if (settled.some((s) => s.status === 'fulfilled' && s.value.length >= limit)) {
    body.append(el('p', { className: 'alert alert-warning' }, `Only the first ${limit} entries of a list are shown.`));
  }
}

/* ---------- the sections ---------- */

function decisionTable(client, decisions) {
  const rows = decisions.map((d) => ({ d, rules: matchedRules(d) }));
  const view = table(
    [
      ['Evaluated', ({ d }) => time(d.evaluationTime)],
      ['Decision', ({ d }) => [el('strong', {}, text(d.decisionDefinitionName || d.decisionDefinitionKey)), el('br'), el('small', {}, text(d.decisionDefinitionKey))]],
      ['In activity', ({ d }) => text(d.activityId)],
      ['Inputs', ({ d }) => nameValues(d.inputs, (i) => i.clauseName || i.clauseId)],
      [
        'Matched rule',
        ({ d, rules }) =>
          rules.length
            ? rules.map((r) => el('div', { className: 'tck-audit-rule', 'data-rule-id': r.ruleId, 'data-decision-definition-id': d.decisionDefinitionId },
                el('span', { className: 'tck-audit-rule-order' }, `#${text(r.ruleOrder)} `),
                el('span', { className: 'tck-audit-rule-description' }, text(r.ruleId))))
            : el('em', {}, 'no rule matched')
      ],
      ['Outputs', ({ d }) => nameValues(d.outputs, (o) => o.variableName || o.clauseName)]
    ],
    rows,
    'No decision evaluated in this process instance.'
  );
  describeRules(client, view);
  return view;
}

/** The rules that fired: the outputs carry the rule's id and its position in the table. */
function matchedRules(decision) {
  const rules = new Map();
  for (const output of decision.outputs || []) {
    if (output.ruleId && !rules.has(output.ruleId)) {
      rules.set(output.ruleId, { ruleId: output.ruleId, ruleOrder: output.ruleOrder });
    }
  }
  return [...rules.values()];
}

/** Replaces each rule id by the rule's description from the DMN table (policy section and wording). */
async function describeRules(client, view) {
  for (const node of view.querySelectorAll ? view.querySelectorAll('.tck-audit-rule') : []) {
    const ruleId = node.getAttribute('data-rule-id');
    try {
      const xml = await client.decisionXml(node.getAttribute('data-decision-definition-id'));
      const description = ruleDescription(xml, ruleId);
      if (description) {
        const label = node.querySelector('.tck-audit-rule-description');
        label.textContent = description;
        label.setAttribute('title', ruleId);
      }
    } catch (ignored) {
      // the rule id stays: still the truth, only less readable
    }
  }
  if (view.setAttribute) {
    view.setAttribute('data-rules-described', 'true');
  }
}

const parsedXml = new Map();

function ruleDescription(xml, ruleId) {
  if (!parsedXml.has(xml)) {
    parsedXml.set(xml, new DOMParser().parseFromString(xml, 'application/xml'));
  }
  for (const rule of parsedXml.get(xml).getElementsByTagNameNS('*', 'rule')) {
    if (rule.getAttribute('id') === ruleId) {
      const description = [...rule.children].find((c) => c.localName === 'description');
      return description ? description.textContent.trim() : '';
    }
  }
  return '';
}

function nameValues(list, nameOf) {
  if (!list || !list.length) {
    return '—';
  }
  return el(
    'ul',
    { className: 'list-unstyled tck-audit-values' },
    list.map((item) => el('li', {}, el('span', { className: 'tck-audit-name' }, text(nameOf(item))), ' = ', el('code', {}, text(item.value))))
  );
}

// the flow's plumbing: shown only on request, so that the work and the decisions stand out
const PLUMBING = new Set(['exclusiveGateway', 'parallelGateway', 'inclusiveGateway', 'eventBasedGateway', 'startEvent', 'noneEndEvent']);

function activityTable(activities) {
  const view = activityRows(activities);
  const toggle = el('input', { type: 'checkbox', className: 'tck-audit-plumbing-toggle' });
  toggle.addEventListener('change', () => view.classList.toggle('tck-audit-show-plumbing', toggle.checked));
  const hidden = activities.filter((a) => PLUMBING.has(a.activityType)).length;
  return [
    hidden ? el('label', { className: 'checkbox-inline tck-audit-plumbing' }, toggle, ` also show gateways and start/end events (${hidden})`) : null,
    view
  ];
}

function activityRows(activities) {
  return table(
    [
      ['Started', (a) => time(a.startTime)],
      ['Ended', (a) => (a.canceled ? [time(a.endTime), ' ', el('span', { className: 'label label-default' }, 'canceled')] : time(a.endTime))],
      ['Activity', (a) => [text(a.activityName || a.activityId), el('br'), el('small', {}, text(a.activityId))]],
      ['Type', (a) => text(a.activityType)],
      ['Assignee', (a) => (a.activityType === 'userTask' ? text(a.assignee) : '')],
      ['Duration', (a) => duration(a.durationInMillis)]
    ],
    activities,
    'No activity recorded.',
    (a) => ({ className: PLUMBING.has(a.activityType) ? 'tck-audit-plumbing-row' : null })
  );
}

function operationTable(operations, byTask) {
  return table(
    [
      ['When', (o) => time(o.timestamp)],
      ['Who', (o) => text(o.userId)],
      ['Operation', (o) => `${text(o.operationType)} ${text(o.entityType)}`],
      ['Task', (o) => (o.taskId && byTask.has(o.taskId) ? text(byTask.get(o.taskId).activityName) : text(o.taskId))],
      ['Property', (o) => text(o.property)],
      ['Old value', (o) => text(o.orgValue)],
      ['New value', (o) => text(o.newValue)],
      ['Annotation', (o) => text(o.annotation)]
    ],
    operations,
    'No user operation recorded (operations by the application itself are not logged).'
  );
}

function variableTable(variables) {
  return table(
    [
      ['Name', (v) => el('code', {}, text(v.name))],
      ['Type', (v) => text(v.type)],
      ['Value', (v) => el('span', { className: 'tck-audit-value' }, text(v.value))],
      ['State', (v) => text(v.state)],
      ['Created', (v) => time(v.createTime)]
    ],
    variables,
    'No variables.'
  );
}

/** Sorted by time; the engine's order (its sequence counter) stays within the same millisecond. */
function byTime(list, field) {
  return list.map((item, index) => ({ item, index }))
    .sort((a, b) => String(a.item[field]).localeCompare(String(b.item[field])) || a.index - b.index)
    .map(({ item }) => item);
}

/** Where a variable changed; for a user task, whose task it was. */
function whereSet(update, processInstanceId, byActivityInstance, byTask) {
  const task = update.taskId && byTask.get(update.taskId);
  const activity = task || byActivityInstance.get(update.activityInstanceId);
  if (activity) {
    const name = text(activity.activityName || activity.activityId);
    return activity.activityType === 'userTask' && activity.assignee ? `${name} (task of ${activity.assignee})` : name;
  }
  return update.activityInstanceId === processInstanceId ? 'process start' : text(update.activityInstanceId);
}

function updateTable(updates, processInstanceId, byActivityInstance, byTask) {
  return table(
    [
      ['When', (u) => time(u.time)],
      ['Variable', (u) => el('code', {}, text(u.variableName))],
      ['Value', (u) => el('span', { className: 'tck-audit-value' }, text(u.value))],
      ['Revision', (u) => text(u.revision)],
      ['Set in', (u) => whereSet(u, processInstanceId, byActivityInstance, byTask)]
    ],
    updates,
    'No variable changes.'
  );
}

function incidentTable(incidents) {
  const state = (i) => (i.open ? 'open' : i.resolved ? 'resolved' : i.deleted ? 'deleted' : '—');
  return table(
    [
      ['Created', (i) => time(i.createTime)],
      ['Ended', (i) => time(i.endTime)],
      ['State', (i) => state(i)],
      ['Type', (i) => text(i.incidentType)],
      ['Activity', (i) => text(i.activityId)],
      ['Message', (i) => el('span', { className: 'tck-audit-value' }, text(i.incidentMessage))]
    ],
    incidents,
    'No incidents.'
  );
}
