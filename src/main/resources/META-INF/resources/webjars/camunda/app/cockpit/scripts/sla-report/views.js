// The "SLA report" page. The numbers come from GET /api/reports/sla (see plugin.js); everything
// is rendered as text through the shared DOM helpers of ../common/dom.js, which parse no HTML.

import { el, append, clear, text, hashParams, ensureStylesheet, openRoute } from '../common/dom.js';
import { callApi } from '../common/api.js';

export const ROUTE = '/sla-report';
const REPORT_API = '/api/reports/sla';

/** The report of a period (ISO dates; empty means the server's default: the last 30 days). */
export async function fetchReport(api, from, to) {
  return (await callApi(api, 'GET', REPORT_API, { params: { from, to } })).json();
}

/** 0.6667 → "66.7 %". */
export function percent(share) {
  return share === null || share === undefined ? '—' : `${(share * 100).toFixed(1)} %`;
}

/** 5.25 → "5.3 h"; 49 → "2 d 1 h". */
export function hours(value) {
  if (value === null || value === undefined) {
    return '—';
  }
  if (value < 48) {
    return `${value.toFixed(1)} h`;
  }
  // whole hours first, then days: 71.6 h is "3 d 0 h", not "2 d 24 h"
  const whole = Math.round(value);
  const days = Math.floor(whole / 24);
  return `${days} d ${whole - days * 24} h`;
}

/** NPS in points: 40 → "+40". */
export function points(value) {
  return value === null || value === undefined ? '—' : (value > 0 ? '+' : '') + value;
}

function average(value) {
  return value === null || value === undefined ? '—' : value.toFixed(1);
}

export function renderReportPage(node, api) {
  ensureStylesheet('sla-report-styles', new URL('./sla-report.css', import.meta.url).href);
  const params = hashParams();
  const period = { from: params.get('from') || '', to: params.get('to') || '' };
  const from = el('input', { type: 'date', className: 'form-control', id: 'sla-report-from', name: 'from', value: period.from });
  const to = el('input', { type: 'date', className: 'form-control', id: 'sla-report-to', name: 'to', value: period.to });
  const results = el('div', { className: 'sla-report-results' });
  const form = el(
    'form',
    { className: 'form-inline sla-report-period' },
    el('label', { for: 'sla-report-from' }, 'Tickets created from '),
    ' ',
    from,
    ' ',
    el('label', { for: 'sla-report-to' }, ' to '),
    ' ',
    to,
    ' ',
    el('button', { type: 'submit', className: 'btn btn-primary', id: 'sla-report-show' }, 'Show')
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    openRoute(ROUTE + '?from=' + encodeURIComponent(from.value) + '&to=' + encodeURIComponent(to.value), () =>
      show(api, from, to, results));
  });

  append(clear(node), [
    el(
      'section',
      { className: 'sla-report' },
      el('h1', { className: 'section-title' }, 'SLA report'),
      el(
        'p',
        { className: 'sla-report-help' },
        'How the desk kept its promises for the tickets created in a period (both days included, in the ' +
          'business time zone; by default the last 30 days). A clock is met when the first response or the ' +
          'resolution came by its due date, breached when it came later or is overdue, running otherwise. ' +
          'For support managers, auditors and admins.'
      ),
      form,
      results
    )
  ]);
  show(api, from, to, results);
}

async function show(api, from, to, results) {
  clear(results).append(el('p', { className: 'sla-report-loading' }, 'Loading the report…'));
  let report;
  try {
    report = await fetchReport(api, from.value, to.value);
  } catch (error) {
    const lead =
      error.status === 401 ? 'Your Cockpit session has ended: log in again. ' :
      error.status === 403 ? 'Not allowed to read the report: ' : 'Could not load the report: ';
    append(clear(results), el('div', { className: 'alert alert-danger', id: 'sla-report-error' }, lead, text(error.message)));
    return;
  }
  from.value = report.from;
  to.value = report.to;
  append(clear(results), [
    el('h2', { id: 'sla-report-period' }, `${report.from} to ${report.to} (${report.zone})`),
    facts(report),
    el('h2', {}, 'SLA by priority'),
    clockTable('sla-report-priorities', 'Priority', [...report.byPriority, report.allPriorities], (key) => (key === 'ALL' ? 'All' : key)),
    el('h2', {}, 'SLA by channel'),
    clockTable('sla-report-channels', 'Channel', report.byChannel),
    el('h2', {}, 'SLA by tier'),
    el('p', { className: 'sla-report-help' },
      'Each clock in the tier that owned it: the first response in the tier the ticket was in when first ' +
        'answered, the resolution in the tier that resolved it; a clock still running in the tier the ticket ' +
        'is in now. A ticket answered in one tier and resolved in another counts in both.'),
    clockTable('sla-report-tiers', 'Tier', report.byTier, (key) => 'Tier ' + key),
    el('h2', {}, 'Tickets by category'),
    categories(report),
    el('h2', {}, "Agents' work"),
    el('p', { className: 'sla-report-help' }, 'What each agent did in the period, whatever day the ticket came in.'),
    agents(report),
    el('h2', {}, 'Day by day'),
    el(
      'details',
      // a month opens at once; a longer period on demand
      { className: 'sla-report-days', open: report.byDay.length <= 31 ? 'open' : null },
      el('summary', {}, `The tickets of each day (${report.byDay.length} days), by the day they came in`),
      clockTable('sla-report-days', 'Day', report.byDay)
    )
  ]);
}

function fact(name, label, value, detail) {
  // not Bootstrap's "label" class: Cockpit styles that as a badge
  return el('li', { 'data-fact': name }, el('div', { className: 'sla-report-fact-value' }, value),
    el('div', { className: 'sla-report-fact-label' }, label), detail ? el('div', { className: 'sla-report-fact-detail' }, detail) : null);
}

function facts(report) {
  const all = report.allPriorities;
  const s = report.satisfaction;
  return el(
    'ul',
    { className: 'sla-report-facts', id: 'sla-report-facts' },
    fact('tickets', 'tickets created', String(report.tickets)),
    fact('first-response', 'first responses in time', percent(all.firstResponse.compliance),
      `${all.firstResponse.met} met, ${all.firstResponse.breached} breached`),
    fact('resolution', 'resolutions in time', percent(all.resolution.compliance),
      `${all.resolution.met} met, ${all.resolution.breached} breached`),
    fact('escalated', 'escalated (moved up a tier)', percent(report.escalated.share), `${report.escalated.tickets} tickets`),
    fact('oversight', 'overseen by managers at the highest tier', percent(report.oversight.share),
      `${report.oversight.tickets} tickets`),
    fact('reopened', 'reopened', percent(report.reopened.share), `${report.reopened.tickets} tickets`),
    fact('first-contact', 'resolved at first contact', percent(report.closed.firstContactShare),
      `${report.closed.firstContact} of ${report.closed.tickets} closed`),
    fact('csat', 'CSAT (1–5)', average(s.csat), `${s.responses} survey answers`),
    fact('nps', 'NPS', points(s.nps)),
    fact('effort', 'customer effort (1–7)', average(s.customerEffort))
  );
}

function clockCells(clock) {
  return [
    el('td', { className: 'clock-start' }, String(clock.met)),
    el('td', { className: clock.breached > 0 ? 'sla-report-breached' : null }, String(clock.breached)),
    el('td', {}, String(clock.running)),
    el('td', {}, percent(clock.compliance)),
    el('td', {}, hours(clock.medianHours))
  ];
}

/** A table of rows with both clocks; {@code label} turns a row's key into its first cell. */
function clockTable(id, heading, rows, label = (key) => key) {
  if (!rows.length) {
    return el('p', { className: 'sla-report-empty', id }, 'No tickets in this period.');
  }
  const clockHeadings = () => ['met', 'breached', 'running', 'in time', 'median'].map((h, i) =>
    el('th', { className: i === 0 ? 'clock-start' : null }, h));
  return el(
    'table',
    { className: 'table table-condensed sla-report-table', id },
    el(
      'thead',
      {},
      el('tr', {}, el('th', { colspan: 2 }, ''), el('th', { colspan: 5, className: 'clock-start' }, 'First response'),
        el('th', { colspan: 5, className: 'clock-start' }, 'Resolution')),
      el('tr', {}, el('th', {}, heading), el('th', {}, 'Tickets'), clockHeadings(), clockHeadings())
    ),
    el('tbody', {}, rows.map((r) =>
      el('tr', { 'data-key': r.key, className: r.key === 'ALL' ? 'all' : null }, el('td', {}, label(r.key)),
        el('td', {}, String(r.tickets)), clockCells(r.firstResponse), clockCells(r.resolution))))
  );
}

function categories(report) {
  const entries = Object.entries(report.byCategory);
  return el(
    'table',
    { className: 'table table-condensed sla-report-table', id: 'sla-report-categories' },
    el('thead', {}, el('tr', {}, el('th', {}, 'Category'), el('th', {}, 'Tickets'), el('th', {}, 'Share'))),
    el('tbody', {}, entries.map(([category, count]) =>
      el('tr', { 'data-key': category }, el('td', {}, category), el('td', {}, String(count)),
        el('td', {}, percent(report.tickets ? count / report.tickets : null)))))
  );
}

function agents(report) {
  if (!report.agents.length) {
    return el('p', { className: 'sla-report-empty', id: 'sla-report-agents' }, 'No agent work in this period.');
  }
  const columns = [
    ['Agent', (a) => a.agent],
    ['Triaged', (a) => a.triaged],
    ['Replies', (a) => a.replies],
    ['Information requests', (a) => a.informationRequests],
    ['Solutions proposed', (a) => a.solutionsProposed],
    ['Written up for the KB', (a) => a.documented]
  ];
  return el(
    'table',
    { className: 'table table-condensed sla-report-table', id: 'sla-report-agents' },
    el('thead', {}, el('tr', {}, columns.map(([heading]) => el('th', {}, heading)))),
    el('tbody', {}, report.agents.map((a) =>
      el('tr', { 'data-key': a.agent }, columns.map(([, cell]) => el('td', {}, String(cell(a)))))))
  );
}
