// "Mail quarantine": a Cockpit plugin (ES module, see ../config.js) for support managers and
// admins. A page at #/mail-quarantine with a header entry lists the e-mail that could not become a
// ticket or a message of one (GET /api/inbound-mail/quarantine), gives each message as it came
// (.eml), processes one again once its cause is fixed (POST …/{id}/retry) or discards it
// (DELETE …/{id}). The server decides who may; the page shows its refusals.

import { cockpitPage } from '../common/page.js';
import { ROUTE, renderQuarantinePage } from './views.js';

export default cockpitPage({
  id: 'archbuilder.mailQuarantine',
  route: ROUTE,
  label: 'Mail quarantine',
  linkId: 'mail-quarantine-nav',
  navigationPriority: 8,
  render(node, { api }) {
    renderQuarantinePage(node, api);
  }
});
