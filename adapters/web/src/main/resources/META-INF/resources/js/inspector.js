// The timeline inspector: find a timeline by key prefix, see each attribute as a swimlane over time (every event
// a point, every change a new band), its events a page at a time, and its state at a chosen moment.
import { ApiProblem, get, segment } from './api.js';
import { el, fillTable, svgEl, timelineLink } from './dom.js';
import { momentText, valueText } from './format.js';
import { guarded } from './problem.js';

const PAGE = 20;
const KEYS = 50;
// Lanes: attribute names left of `plot`, points between `plot` and `right`, the last value's band on to `width`.
const LANE = { height: 34, plot: 150, right: 830, width: 900 };
const $ = id => document.getElementById(id);

export function inspectorView() {
  let key;
  let attributes = [];

  $('inspect-search').addEventListener('submit', event => {
    event.preventDefault();
    guarded(search);
  });
  $('inspect-state').addEventListener('submit', event => {
    event.preventDefault();
    guarded(stateAt);
  });
  $('inspect-first').addEventListener('click', () => guarded(() => events(undefined)));

  async function search() {
    const page = await get('/timelines', { prefix: $('inspect-prefix').value, limit: KEYS });
    $('inspect-keys').replaceChildren(...page.items.map(found => el('li', {}, timelineLink(found))));
    if (!page.items.length) {
      $('inspect-keys').replaceChildren(el('li', {}, 'no timeline has this prefix'));
    }
  }

  async function open(chosen) {
    key = chosen;
    const timeline = await get(`/timelines/${segment(key)}`);
    attributes = timeline.attributes;
    $('inspect-title').textContent = key;
    $('inspect-summary').textContent = `${timeline.events} events from ${momentText(timeline.first)} to `
      + `${momentText(timeline.last)}; attributes: ${attributes.join(', ')}`;
    const histories = await Promise.all(attributes.map(attribute =>
      get(`/timelines/${segment(key)}/history`, { attribute, mode: 'all', format: 'pairs' })));
    drawLanes(timeline, histories);
    $('inspect-states').replaceChildren();
    await events(undefined);
    $('inspect-timeline').hidden = false;
  }

  function drawLanes(timeline, histories) {
    const span = Math.max(timeline.last - timeline.first, 1);
    const x = t => LANE.plot + (t - timeline.first) / span * (LANE.right - LANE.plot);
    const svg = svgEl('svg', { viewBox: `0 0 ${LANE.width} ${LANE.height * attributes.length + 24}`,
      width: '100%', role: 'img', 'aria-label': `attributes of ${key} over time` });
    attributes.forEach((attribute, row) => {
      const lane = svgEl('g', { class: 'lane', 'data-attribute': attribute,
        transform: `translate(0,${row * LANE.height})` });
      lane.append(text(attribute, 4, LANE.height / 2, 'name'));
      const points = histories[row];
      const changes = points.filter((point, i) => i === 0 || JSON.stringify(point[1]) !== JSON.stringify(points[i - 1][1]));
      changes.forEach(([at, value], i) => {
        const end = i + 1 < changes.length ? x(changes[i + 1][0]) : LANE.width - 4;
        lane.append(svgEl('rect', { x: x(at), y: 6, width: Math.max(end - x(at), 2), height: LANE.height - 12,
          class: `band band-${i % 6}` }), text(valueText(value), x(at) + 4, LANE.height / 2, 'value'));
      });
      for (const [at, value] of points) {
        const point = svgEl('circle', { cx: x(at), cy: LANE.height - 6, r: 3.5, class: 'point' });
        point.append(svgEl('title', {}, `${momentText(at)}: ${valueText(value)}`));
        lane.append(point);
      }
      svg.append(lane);
    });
    const axis = svgEl('g', { class: 'axis', transform: `translate(0,${LANE.height * attributes.length + 14})` });
    axis.append(text(momentText(timeline.first), LANE.plot, 0, 'start'),
      text(momentText(timeline.last), LANE.right, 0, 'end'));
    svg.append(axis);
    $('inspect-lanes').replaceChildren(svg);
  }

  async function events(cursor) {
    const page = await get(`/timelines/${segment(key)}/events`, { limit: PAGE, cursor });
    fillTable($('inspect-events'), ['timestamp', 'seq', 'received', 'data'], page.items, event => [
      momentText(event.timestamp), String(event.seq), momentText(event.received), JSON.stringify(event.data)]);
    $('inspect-next').disabled = !page.next;
    $('inspect-next').onclick = () => guarded(() => events(page.next));
  }

  async function stateAt() {
    const at = $('inspect-at').value.trim() || 'now';
    const states = await Promise.all(attributes.map(attribute =>
      get(`/timelines/${segment(key)}/state`, { attribute, at }).catch(error => {
        // Before an attribute's first change point it has no state: a 404 that says so, not a failure.
        if (error instanceof ApiProblem && error.status === 404) {
          return null;
        }
        throw error;
      })));
    fillTable($('inspect-states'), ['attribute', `value at ${at}`, 'since'], attributes.map((attribute, i) =>
      ({ attribute, state: states[i] })), ({ attribute, state }) => [attribute,
      state ? valueText(state.value) : '(no value yet)', state ? momentText(state.since) : '']);
  }

  return {
    async show(chosen) {
      if (chosen) {
        $('inspect-prefix').value ||= chosen;
        await open(chosen);
      }
    },
  };
}

function text(content, x, y, cls) {
  return svgEl('text', { x, y, class: cls, 'dominant-baseline': 'central' }, content);
}
