// Shows what went wrong: the API's problem details (title, detail, each error's place and message) to the user.
import { ApiProblem } from './api.js';
import { el } from './dom.js';

const box = () => document.getElementById('problem');

export function clearProblem() {
  box().hidden = true;
  box().replaceChildren();
}

/** Shows a refusal of the API, or any other failure (the network, a script error) by its message. */
export function showProblem(error) {
  box().replaceChildren(...problemParts(error));
  box().hidden = false;
  if (error instanceof ApiProblem && error.status === 401) {
    document.getElementById('auth-key').focus();
  }
}

/** The elements that tell a problem: status and title, detail, and each error's place and message. */
export function problemParts(error) {
  const problem = error instanceof ApiProblem ? error.problem : { title: 'The request failed', detail: error.message };
  const title = el('strong', {}, problem.status ? `${problem.status} ${problem.title || ''}` : problem.title);
  const parts = [title];
  if (problem.detail) {
    parts.push(el('span', {}, `: ${problem.detail}`));
  }
  if (Array.isArray(problem.errors) && problem.errors.length) {
    parts.push(el('ul', {}, ...problem.errors.map(each => el('li', {}, `${each.at}: ${each.message}`))));
  }
  if (error instanceof ApiProblem && error.status === 401) {
    parts.push(el('p', {}, 'Enter an API key or token above.'));
  }
  return parts;
}

/** Runs an action of the page, showing its failure instead of losing it in the console. */
export async function guarded(action) {
  try {
    clearProblem();
    return await action();
  } catch (error) {
    showProblem(error);
    return undefined;
  }
}
