// "Ticket audit": a Cockpit plugin (ES module, see ../config.js) for the auditors. It adds
//  - a page at #/ticket-audit (cockpit.route) with a header entry (cockpit.navigation), where
//    finished and running ticket processes are searched by ticket key, and
//  - an "Audit" tab on a process instance's runtime view (cockpit.processInstance.runtime.tab).
// Cockpit calls render(node, {api, ...}): api.engineApi is the engine REST of the logged-in
// session, api.CSRFToken the token of Camunda's CSRF filter. The plugin only reads.

import { ROUTE, renderAuditPage, renderInstanceTab } from './views.js';

export default [
  {
    id: 'archbuilder.ticketAudit.route',
    pluginPoint: 'cockpit.route',
    priority: 0,
    properties: { path: ROUTE },
    render(node, { api }) {
      renderAuditPage(node, api);
    }
  },
  {
    id: 'archbuilder.ticketAudit.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 10,
    properties: {
      path: ROUTE,
      label: 'Ticket audit',
      checkActive: (url) => url.indexOf('#' + ROUTE) >= 0
    },
    render(node) {
      const link = document.createElement('a');
      link.href = '#' + ROUTE;
      link.id = 'tck-audit-nav';
      link.textContent = 'Ticket audit';
      node.appendChild(link);
    }
  },
  {
    id: 'archbuilder.ticketAudit.processInstanceTab',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: 1,
    properties: { label: 'Audit' },
    render(node, { api, processInstanceId }) {
      renderInstanceTab(node, api, processInstanceId);
    }
  }
];
