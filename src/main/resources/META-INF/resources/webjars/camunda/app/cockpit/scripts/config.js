// Cockpit configuration of the support desk. It replaces the stock config.js of the Camunda
// webjar, which configures nothing (every option there is commented out), so only our plugins
// are added here. Entries of customScripts are ES modules, relative to /camunda/app/cockpit/,
// without ".js".
export default {
  customScripts: ['scripts/ticket-audit/plugin', 'scripts/sla-report/plugin', 'scripts/mail-quarantine/plugin']
};
