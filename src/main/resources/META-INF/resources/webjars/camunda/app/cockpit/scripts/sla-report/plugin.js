// "SLA report": a Cockpit plugin (ES module, see ../config.js) for support managers, auditors and
// admins. A page at #/sla-report (cockpit.route) with a header entry (cockpit.navigation) shows
// GET /api/reports/sla for a period: each priority's first responses and resolutions met,
// breached or still running, escalations, reopens, first-contact resolution and the surveys.
// The API takes Cockpit's session for this GET when the request carries Camunda's CSRF token
// (api.CSRFToken); the server decides who may read it. The plugin only reads.

import { cockpitPage } from '../common/page.js';
import { ROUTE, renderReportPage } from './views.js';

export default cockpitPage({
  id: 'archbuilder.slaReport',
  route: ROUTE,
  label: 'SLA report',
  linkId: 'sla-report-nav',
  navigationPriority: 9,
  render(node, { api }) {
    renderReportPage(node, api);
  }
});
