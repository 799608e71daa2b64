// "Ticket audit": a Cockpit plugin (ES module, see ../config.js) for the auditors. It adds
//  - a page at #/ticket-audit (cockpit.route) with a header entry (cockpit.navigation), where
//    finished and running ticket processes are searched by ticket key, and
//  - an "Audit" tab on a process instance's runtime view (cockpit.processInstance.runtime.tab).
// Cockpit calls render(node, {api, ...}): api.engineApi is the engine REST of the logged-in
// session, api.CSRFToken the token of Camunda's CSRF filter. The plugin only reads.

import { cockpitPage } from '../common/page.js';
import { ROUTE, renderAuditPage, renderInstanceTab } from './views.js';

export default [
  ...cockpitPage({
    id: 'archbuilder.ticketAudit',
    route: ROUTE,
    label: 'Ticket audit',
    linkId: 'tck-audit-nav',
    navigationPriority: 10,
    render(node, { api }) {
      renderAuditPage(node, api);
    }
  }),
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
