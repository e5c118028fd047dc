// The public HTTP API (docs/api.md), the page's only backend. Every request carries the token the user entered;
// every refusal becomes an ApiProblem holding the API's problem details (RFC 9457).
import { token } from './auth.js';

/** A refused request: the API's problem (title, detail, errors), or one made up for a failure without a body. */
export class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** The Authorization header for the entered token, if any (docs/operations.md, Authentication). */
export function authHeaders() {
  const entered = token();
  return entered ? { Authorization: `Bearer ${entered}` } : {};
}

/** A path with query parameters; undefined, null and '' are left out, arrays repeat the parameter. */
export function url(path, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const one of [].concat(value)) {
      if (one !== undefined && one !== null && one !== '') {
        query.append(name, String(one));
      }
    }
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** GETs JSON, or throws an ApiProblem. */
export async function get(path, params) {
  const response = await fetch(url(path, params), { headers: { Accept: 'application/json', ...authHeaders() } });
  if (!response.ok) {
    throw await problemOf(response);
  }
  return response.json();
}

/** The problem a refused response carries; a body that is no problem (a proxy's page) gives status words only. */
export async function problemOf(response) {
  let problem = { title: response.statusText || `HTTP ${response.status}`, status: response.status };
  if ((response.headers.get('Content-Type') || '').includes('json')) {
    try {
      problem = await response.json();
    } catch (unreadable) {
      // The status line still says what went wrong.
    }
  }
  return new ApiProblem(response.status, problem);
}

/** A path segment for a key or attribute name: `orders/42` is `orders%2F42` (docs/api.md, Conventions). */
export const segment = encodeURIComponent;

/**
 * A value as the `value`, `from` and `to` parameters take it: a string as written, anything else (and a string that
 * itself starts with `json:`) as a JSON literal after `json:`.
 */
export function valueParam(value) {
  return typeof value === 'string' && !value.startsWith('json:') ? value : `json:${JSON.stringify(value)}`;
}
