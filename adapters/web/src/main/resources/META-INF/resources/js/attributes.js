// The attribute pickers, filled from `/attributes` (every name the store has seen, one page of up to 10000), and
// the values an attribute has taken (`/attributes/{name}/values`, the most frequent first), in the form the
// `value` and `step` parameters take them.
import { get, segment, valueParam } from './api.js';
import { fillSelect } from './dom.js';

const VALUES = 200;

export async function fillAttributes(select) {
  const page = await get('/attributes', { limit: 10000 });
  fillSelect(select, page.items);
}

/** Up to 200 values of the attribute, each as a parameter: a string as written, anything else after `json:`. */
export async function valuesOf(attribute) {
  if (!attribute) {
    return [];
  }
  const page = await get(`/attributes/${segment(attribute)}/values`, { limit: VALUES });
  return page.items.map(item => valueParam(item.value));
}
