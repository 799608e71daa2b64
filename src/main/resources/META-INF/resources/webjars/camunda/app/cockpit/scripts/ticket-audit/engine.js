// Read-only access to the engine's REST API as the user logged into Cockpit. Cockpit hands its
// plugins `api.engineApi` (/camunda/api/engine/engine/<engine>) and the CSRF token; the engine
// checks the user's authorizations (READ_HISTORY, operation log READ) on every call. Only GET.

export const LIFECYCLE_PROCESS = 'TicketLifecycleProcess';
const LIMIT = 1000;

export class EngineError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export function engineClient(api) {
  const base = api.engineApi;
  const headers = { Accept: 'application/json' };
  if (api.CSRFToken) {
    headers['X-XSRF-TOKEN'] = api.CSRFToken;
  }
  const decisionXml = new Map();

  async function get(path, params = {}) {
    const url = new URL(base + path, window.location.origin);
    for (const [name, value] of Object.entries(params)) {
      if (value !== null && value !== undefined) {
        url.searchParams.set(name, String(value));
      }
    }
    const response = await fetch(url, { method: 'GET', credentials: 'same-origin', headers });
    if (!response.ok) {
      let message = response.statusText;
      try {
        const body = await response.json();
        message = body.message || message;
      } catch (ignored) {
        // not JSON: keep the status text
      }
      throw new EngineError(response.status, `${response.status} ${message}`);
    }
    return response.json();
  }

  const forInstance = (id, params) => ({ processInstanceId: id, maxResults: LIMIT, ...params });

  return {
    limit: LIMIT,
    instancesByBusinessKey: (key) =>
      get('/history/process-instance', { processInstanceBusinessKey: key, sortBy: 'startTime', sortOrder: 'asc', maxResults: LIMIT }),
    recentTickets: (count) =>
      get('/history/process-instance', { processDefinitionKey: LIFECYCLE_PROCESS, sortBy: 'startTime', sortOrder: 'desc', maxResults: count }),
    instance: (id) => get('/history/process-instance/' + encodeURIComponent(id)),
    activities: (id) => get('/history/activity-instance', forInstance(id, { sortBy: 'occurrence', sortOrder: 'asc' })),
    operations: (id) => get('/history/user-operation', forInstance(id, { sortBy: 'timestamp', sortOrder: 'asc' })),
    variables: (id) => get('/history/variable-instance', forInstance(id, { deserializeValues: false, sortBy: 'variableName', sortOrder: 'asc' })),
    variableUpdates: (id) =>
      get('/history/detail', forInstance(id, { variableUpdates: true, deserializeValues: false, sortBy: 'occurrence', sortOrder: 'asc' })),
    decisions: (id) =>
      get('/history/decision-instance', forInstance(id, { includeInputs: true, includeOutputs: true, sortBy: 'evaluationTime', sortOrder: 'asc' })),
    incidents: (id) => get('/history/incident', forInstance(id, { sortBy: 'createTime', sortOrder: 'asc' })),
    /** The DMN XML of a decision definition (cached), to name the rules that fired. */
    decisionXml(definitionId) {
      if (!decisionXml.has(definitionId)) {
        decisionXml.set(
          definitionId,
          get('/decision-definition/' + encodeURIComponent(definitionId) + '/xml').then((body) => body.dmnXml)
        );
      }
      return decisionXml.get(definitionId);
    }
  };
}
