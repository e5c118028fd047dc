// Funnels (`/funnels`): how many timelines reached each step in order, the share that went on from the step
// before, and how long that took.
import { get } from './api.js';
import { fillAttributes, valuesOf } from './attributes.js';
import { el } from './dom.js';
import { durationText, percentText, valueText } from './format.js';
import { guarded } from './problem.js';
import { windowPicker } from './window.js';

const $ = id => document.getElementById(id);

export function funnelsView() {
  const picker = windowPicker($('funnel-window'), 'funnel-window');
  $('funnel-form').addEventListener('submit', event => {
    event.preventDefault();
    guarded(load);
  });

  $('funnel-attribute').addEventListener('change', () => guarded(suggestValues));

  /** The attribute's values as buttons, each adding itself as the next step. */
  async function suggestValues() {
    const attribute = $('funnel-attribute').value;
    const values = await valuesOf(attribute);
    if (attribute !== $('funnel-attribute').value) {
      return; // another attribute was chosen while this one's values were on their way
    }
    $('funnel-values').replaceChildren(...values.map(value => el('button', { type: 'button', onclick: () => {
      const steps = $('funnel-steps');
      steps.value = `${steps.value.replace(/\n*$/, '')}${steps.value.trim() ? '\n' : ''}${value}`;
    } }, `+ ${value}`)));
  }

  async function load() {
    const steps = $('funnel-steps').value.split('\n').map(step => step.trim()).filter(step => step !== '');
    const { since, until } = picker.current();
    const answer = await get('/funnels', { attribute: $('funnel-attribute').value, step: steps, since, until,
      within: $('funnel-within').value.trim(), where: $('funnel-where').value.trim() });
    const first = Math.max(answer.steps[0]?.timelines || 0, 1);
    $('funnel').replaceChildren(...answer.steps.map(step => el('li', { class: 'step',
      'data-value': valueText(step.value), 'data-timelines': step.timelines },
    el('span', { class: 'name' }, valueText(step.value)),
    el('span', { class: 'bar', style: `width: ${(step.timelines / first) * 100}%` }),
    el('span', { class: 'figures' }, `${step.timelines} timelines`,
      step.conversion === null ? '' : ` · ${percentText(step.conversion)} of the step before`,
      step.duration ? ` · median ${durationText(step.duration.p50)}, p90 ${durationText(step.duration.p90)}` : ''))));
  }

  return {
    async show() {
      await fillAttributes($('funnel-attribute'));
      await suggestValues();
    },
  };
}
