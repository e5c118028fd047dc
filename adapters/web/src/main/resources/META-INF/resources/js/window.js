// A window [since, until) chosen from presets or typed in the API's time forms (docs/api.md, Conventions).
import { el } from './dom.js';

const PRESETS = [['hour', 'Last hour', '-1h'], ['day', 'Last day', '-1d'], ['week', 'Last week', '-7d']];

/** Builds the window controls into a fieldset; `current()` gives `{since, until, live}` (live: it ends now). */
export function windowPicker(fieldset, name) {
  const radios = PRESETS.map(([id, label]) => radio(name, id, label, id === 'day'));
  const custom = radio(name, 'custom', 'Custom', false);
  const since = el('input', { name: 'since', id: `${name}-since`, placeholder: 'RFC 3339, epoch s or -2h', size: 16 });
  const until = el('input', { name: 'until', id: `${name}-until`, placeholder: 'now', size: 16 });
  const customFields = el('span', { class: 'custom' },
    el('label', { for: since.id }, 'since'), since, el('label', { for: until.id }, 'until'), until);
  fieldset.replaceChildren(el('legend', {}, 'Window'), ...radios.map(r => r.label), custom.label, customFields);
  const chosen = () => fieldset.querySelector(`input[name="${name}"]:checked`).value;
  const showCustom = () => { customFields.hidden = chosen() !== 'custom'; };
  fieldset.addEventListener('change', showCustom);
  showCustom();
  return {
    current() {
      const preset = PRESETS.find(([id]) => id === chosen());
      if (preset) {
        return { since: preset[2], until: 'now', live: true };
      }
      const end = until.value.trim();
      return { since: since.value.trim(), until: end || 'now', live: !end || end === 'now' };
    },
  };
}

function radio(name, value, text, checked) {
  const input = el('input', { type: 'radio', name, value, id: `${name}-${value}`, checked });
  return { input, label: el('label', { for: input.id, class: 'preset' }, input, text) };
}
