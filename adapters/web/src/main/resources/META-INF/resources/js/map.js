// The process map view: `/transitions/summary` drawn as a graph, an edge's transitions paged from `/transitions`,
// and counts kept current by the live stream.
import { get, valueParam } from './api.js';
import { fillAttributes } from './attributes.js';
import { el, fillTable, timelineLink } from './dom.js';
import { durationText, momentText, valueText } from './format.js';
import { drawMap } from './graph.js';
import { LiveTransitions } from './live.js';
import { secondsOf } from './moments.js';
import { guarded, problemParts } from './problem.js';
import { windowPicker } from './window.js';

const PAGE = 20;
const TICKER_LENGTH = 30;
const $ = id => document.getElementById(id);

export function mapView() {
  const picker = windowPicker($('map-window'), 'map-window');
  let shown;        // {attribute, where, since, until, live, sinceSeconds, summary}
  let live;         // the LiveTransitions of the shown map
  let livePaused = false;
  let redraw;       // a pending redraw after live messages
  let loads = 0;    // the number of the latest load: an older answer arriving late is not drawn

  $('map-form').addEventListener('submit', event => {
    event.preventDefault();
    guarded(load);
  });
  $('live-toggle').addEventListener('click', () => {
    livePaused = !livePaused;
    $('live-toggle').textContent = livePaused ? 'Resume' : 'Pause';
    $('live-toggle').setAttribute('aria-pressed', String(livePaused));
    if (live) {
      livePaused ? live.stop() : live.start();
    }
  });

  async function load() {
    const attribute = $('map-attribute').value;
    const where = $('map-where').value.trim();
    const { since, until, live: endsNow } = picker.current();
    const thisLoad = ++loads;
    const summary = await get('/transitions/summary', { attribute, since, until, where });
    if (thisLoad !== loads) {
      return;
    }
    shown = { attribute, where, since, until, live: endsNow && !where, sinceSeconds: secondsOf(since), summary };
    $('live-scope').textContent = shown.live ? 'The map\'s counts follow the stream; medians are as loaded.'
      : `The map's counts are as loaded: ${where ? 'the stream has no where' : 'the window ends before now'}.`;
    draw();
    $('edge').hidden = true;
    follow(attribute);
  }

  function draw() {
    drawMap($('map-graph'), shown.summary, edge => guarded(() => openEdge(edge)));
    fillTable($('map-pairs'), ['from', 'to', 'count', 'timelines', 'median', 'p90'],
      [...shown.summary.entries.map(entry => ({ ...entry, from: undefined, entry: true })), ...shown.summary.pairs],
      row => [row.entry ? '(start)' : valueText(row.from), valueText(row.to), String(row.count),
        row.timelines === undefined ? '' : String(row.timelines), durationText(row.duration?.p50),
        durationText(row.duration?.p90)]);
  }

  /** Follows the stream of the shown attribute; one subscription at a time, tried again if it was refused. */
  function follow(attribute) {
    if (live?.attribute === attribute) {
      if (!livePaused) {
        live.start();
      }
      return;
    }
    live?.stop();
    live = new LiveTransitions(attribute, applyLive, liveStatus);
    $('live-ticker').replaceChildren();
    if (!livePaused) {
      live.start();
    }
  }

  /** The stream's state; a refusal (the API's problem) is told in the live panel, the map still works. */
  function liveStatus(text, problem) {
    $('live-status').textContent = text;
    $('live-problem').replaceChildren(...(problem ? problemParts(problem) : []));
  }

  function applyLive(kind, transition) {
    tick(kind, transition);
    if (!shown?.live || transition.at < shown.sinceSeconds) {
      return;
    }
    const delta = kind === 'transition' ? 1 : -1;
    const { summary } = shown;
    const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
    if (transition.entry) {
      const entry = summary.entries.find(each => same(each.to, transition.to));
      entry ? entry.count += delta : summary.entries.push({ to: transition.to, count: Math.max(delta, 0) });
    } else {
      const pair = summary.pairs.find(each => same(each.from, transition.from) && same(each.to, transition.to));
      pair ? pair.count += delta : summary.pairs.push({ from: transition.from, to: transition.to,
        count: Math.max(delta, 0) });
    }
    // Many messages in a burst: one drawing for them all.
    redraw ??= setTimeout(() => { redraw = undefined; draw(); }, 250);
  }

  function tick(kind, transition) {
    const change = transition.entry ? `→ ${valueText(transition.to)}`
      : `${valueText(transition.from)} → ${valueText(transition.to)}`;
    const item = el('li', { class: kind },
      el('time', {}, momentText(transition.at).slice(11, 19)), ' ', timelineLink(transition.timeline), ` ${change}`);
    $('live-ticker').prepend(item);
    while ($('live-ticker').children.length > TICKER_LENGTH) {
      $('live-ticker').lastElementChild.remove();
    }
  }

  /** The transitions of one edge, a page at a time; the start node's edge lists first change points only. */
  async function openEdge(edge) {
    const { attribute, since, until, where } = shown;
    const params = { attribute, to: valueParam(edge.to), since, until, where, limit: PAGE };
    if (edge.entry) {
      params.entries = true;
    } else {
      params.from = valueParam(edge.from);
    }
    $('edge-title').textContent = `${edge.entry ? 'start' : valueText(edge.from)} → ${valueText(edge.to)}`;
    const showPage = async cursor => {
      const page = await get('/transitions', { ...params, cursor });
      const items = edge.entry ? page.items.filter(item => item.entry) : page.items;
      fillTable($('edge-transitions'), ['timeline', 'at', 'from', 'to', 'duration'], items, item => [
        timelineLink(item.timeline), momentText(item.at), item.entry ? '(start)' : valueText(item.from),
        valueText(item.to), durationText(item.duration)]);
      $('edge-more').hidden = !page.next;
      $('edge-more').onclick = () => guarded(() => showPage(page.next));
    };
    await showPage(undefined);
    $('edge').hidden = false;
    $('edge-title').focus();
  }

  return {
    async show() {
      await fillAttributes($('map-attribute'));
      // The first visit shows the first attribute's last day at once.
      if (!shown && $('map-attribute').value) {
        await load();
      }
    },
  };
}
