// Our own /api, called from a Cockpit page with Cockpit's session: the server accepts the session
// for the pages' calls only with Camunda's CSRF token (api.CSRFToken) in X-XSRF-TOKEN, and decides
// itself who may do what.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** The response of {@code method path?params}; an answer other than 2xx throws an ApiError with the problem's detail. */
export async function callApi(api, method, path, { params = {}, accept = 'application/json' } = {}) {
  const url = new URL(path, window.location.origin);
  for (const [name, value] of Object.entries(params)) {
    if (value !== '' && value !== null && value !== undefined) {
      url.searchParams.set(name, value);
    }
  }
  const headers = { Accept: accept };
  if (api.CSRFToken) {
    headers['X-XSRF-TOKEN'] = api.CSRFToken;
  }
  const response = await fetch(url, { method, credentials: 'same-origin', headers });
  if (!response.ok) {
    let message = response.statusText;
    try {
      const problem = await response.json();
      message = problem.detail || problem.title || message;
    } catch (ignored) {
      // not a problem body: keep the status text
    }
    throw new ApiError(response.status, message);
  }
  return response;
}
