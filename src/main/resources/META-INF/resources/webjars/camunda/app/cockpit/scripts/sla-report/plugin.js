// "SLA report": a Cockpit plugin (ES module, see ../config.js) for support managers, auditors and
// admins. A page at #/sla-report (cockpit.route) with a header entry (cockpit.navigation) shows
// GET /api/reports/sla for a period: each priority's first responses and resolutions met,
// breached or still running, escalations, reopens, first-contact resolution and the surveys.
// The API takes Cockpit's session for this GET when the request carries Camunda's CSRF token
// (api.CSRFToken); the server decides who may read it. The plugin only reads.

import { ROUTE, renderReportPage } from './views.js';

export default [
  {
    id: 'archbuilder.slaReport.route',
    pluginPoint: 'cockpit.route',
    priority: 0,
    properties: { path: ROUTE },
    render(node, { api }) {
      renderReportPage(node, api);
    }
  },
  {
    id: 'archbuilder.slaReport.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 9,
    properties: {
      path: ROUTE,
      label: 'SLA report',
      checkActive: (url) => url.indexOf('#' + ROUTE) >= 0
    },
    render(node) {
      const link = document.createElement('a');
      link.href = '#' + ROUTE;
      link.id = 'sla-report-nav';
      link.textContent = 'SLA report';
      node.appendChild(link);
    }
  }
];
