// Stuck timelines and state ages: how many timelines hold each value at a moment and for how long
// (`/states?ages=true`), and which have held one longer than a threshold (`/states/stuck`).
import { get } from './api.js';
import { fillAttributes, valuesOf } from './attributes.js';
import { el, fillTable, timelineLink } from './dom.js';
import { durationText, momentText, valueText } from './format.js';
import { guarded } from './problem.js';

const PAGE = 50;
const $ = id => document.getElementById(id);

export function stuckView() {
  $('ages-form').addEventListener('submit', event => {
    event.preventDefault();
    guarded(ages);
  });
  $('ages-attribute').addEventListener('change', () => guarded(suggestValues));
  $('stuck-form').addEventListener('submit', event => {
    event.preventDefault();
    guarded(() => stuck(undefined));
  });

  /** The attribute, moment and condition both questions share. */
  const scope = () => ({ attribute: $('ages-attribute').value, at: $('ages-at').value.trim(),
    where: $('ages-where').value.trim() });

  async function ages() {
    const answer = await get('/states', { ...scope(), ages: true });
    $('ages').setAttribute('aria-label', `${answer.timelines} timelines at ${momentText(answer.at)}`);
    fillTable($('ages'), ['value', 'timelines', 'min age', 'p50', 'p90', 'p99', 'max'], answer.counts, count => [
      valueText(count.value), String(count.count), durationText(count.age.min), durationText(count.age.p50),
      durationText(count.age.p90), durationText(count.age.p99), durationText(count.age.max)]);
  }

  async function stuck(cursor) {
    // An empty field is "any value"; what is typed goes as typed (a string, or a JSON literal after json:).
    const page = await get('/states/stuck', { ...scope(), value: $('stuck-value').value,
      longerThan: $('stuck-longer').value.trim(), limit: PAGE, cursor });
    fillTable($('stuck'), ['timeline', 'value', 'since', 'for'], page.items, item => [
      timelineLink(item.timeline), valueText(item.value), momentText(item.since), durationText(item.seconds)]);
    $('stuck-more').hidden = !page.next;
    $('stuck-more').onclick = () => guarded(() => stuck(page.next));
  }

  async function suggestValues() {
    const attribute = $('ages-attribute').value;
    const values = await valuesOf(attribute);
    if (attribute !== $('ages-attribute').value) {
      return; // another attribute was chosen while this one's values were on their way
    }
    $('stuck-values').replaceChildren(...values.map(value => el('option', { value })));
  }

  return {
    async show() {
      await fillAttributes($('ages-attribute'));
      await suggestValues();
    },
  };
}
