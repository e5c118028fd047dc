// The attribute pickers, filled from `/attributes` (every name the store has seen, one page of up to 10000).
import { get } from './api.js';
import { fillSelect } from './dom.js';

export async function fillAttributes(select) {
  const page = await get('/attributes', { limit: 10000 });
  fillSelect(select, page.items);
}
