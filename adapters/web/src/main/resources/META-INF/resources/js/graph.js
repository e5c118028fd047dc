// The process map as SVG: dagre lays the values out in layers (left to right), this file only draws the result.
import { Graph, layout } from '../vendor/dagre-3.1.3/dagre.esm.js';
import { svgEl } from './dom.js';
import { durationText, valueText } from './format.js';

const START = '\u0000start';

/**
 * Draws the map of a `/transitions/summary` answer into `container`. Nodes are sized by the entries into them
 * (transitions plus first change points), edges are as thick as their count; `onEdge(pair)` runs when an edge is
 * clicked or chosen with the keyboard (Enter or Space). `pairs` and `entries` may carry live counts.
 */
export function drawMap(container, { pairs, entries }, onEdge) {
  const edges = [
    ...entries.map(entry => ({ fromId: START, toId: idOf(entry.to), to: entry.to, count: entry.count, median: null,
      entry: true })),
    ...pairs.map(pair => ({ fromId: idOf(pair.from), toId: idOf(pair.to), from: pair.from, to: pair.to,
      count: pair.count, median: pair.duration?.p50 ?? null, entry: false })),
  ].filter(edge => edge.count > 0);
  if (!edges.length) {
    container.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'No transitions in this window.' }));
    return;
  }
  const graph = laidOut(edges);
  const maxCount = Math.max(...edges.map(edge => edge.count));
  const { width, height } = graph.graph();
  // As wide as the panel, never drawn larger than laid out: a big map shrinks to fit, a small one keeps its size.
  const svg = svgEl('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', style: `max-width: ${width}px`,
    role: 'group', 'aria-label': 'Process map' });
  svg.append(arrowHead());
  for (const e of graph.edges()) {
    svg.append(edgeElement(graph.edge(e), maxCount, onEdge));
  }
  for (const id of graph.nodes()) {
    svg.append(nodeElement(id, graph.node(id)));
  }
  container.replaceChildren(svg);
}

/** A node's id: the value's JSON, so that "1" and 1 stay apart; the start node's cannot be JSON. */
function idOf(value) {
  return JSON.stringify(value);
}

function laidOut(edges) {
  const graph = new Graph({ multigraph: false });
  graph.setGraph({ rankdir: 'LR', nodesep: 30, ranksep: 90, marginx: 12, marginy: 12 });
  graph.setDefaultEdgeLabel(() => ({}));
  const inflow = new Map();
  const labels = new Map([[START, 'start']]);
  for (const edge of edges) {
    inflow.set(edge.toId, (inflow.get(edge.toId) || 0) + edge.count);
    labels.set(edge.toId, valueText(edge.to));
    if (!edge.entry) {
      labels.set(edge.fromId, valueText(edge.from));
    }
  }
  const maxInflow = Math.max(1, ...inflow.values());
  for (const [id, label] of labels) {
    const scale = id === START ? 0 : Math.sqrt((inflow.get(id) || 0) / maxInflow);
    graph.setNode(id, { label, entries: inflow.get(id) || 0,
      width: Math.max(70, label.length * 8 + 24) + 40 * scale, height: 34 + 26 * scale });
  }
  for (const edge of edges) {
    const label = edgeLabel(edge);
    graph.setEdge(edge.fromId, edge.toId, { ...edge, label, width: label.length * 7 + 8, height: 16, labelpos: 'c' });
  }
  layout(graph);
  return graph;
}

function edgeLabel(edge) {
  return edge.median === null || edge.median === undefined ? `${edge.count}` : `${edge.count} · ${durationText(edge.median)}`;
}

function nodeElement(id, node) {
  const start = id === START;
  const group = svgEl('g', { class: start ? 'node start' : 'node', 'data-value': node.label,
    'data-entries': node.entries, transform: `translate(${node.x - node.width / 2},${node.y - node.height / 2})` });
  group.append(svgEl('rect', { width: node.width, height: node.height, rx: start ? node.height / 2 : 6 }));
  group.append(
    svgEl('text', { x: node.width / 2, y: node.height / 2, 'dominant-baseline': 'central', 'text-anchor': 'middle' },
      node.label),
    svgEl('title', {}, start ? 'first change points' : `${node.label}: ${node.entries} entered`));
  return group;
}

function edgeElement(edge, maxCount, onEdge) {
  const from = edge.entry ? 'start' : valueText(edge.from);
  const to = valueText(edge.to);
  const name = `${from} → ${to}: ${edge.count}${edge.median === null ? '' : `, median ${durationText(edge.median)}`}`;
  const group = svgEl('g', { class: edge.entry ? 'edge entry' : 'edge', tabindex: 0, role: 'button',
    'aria-label': name, 'data-from': from, 'data-to': to, 'data-count': edge.count });
  const d = pathThrough(edge.points);
  group.append(
    svgEl('path', { d, class: 'hit' }),
    svgEl('path', { d, class: 'line', 'stroke-width': 1.5 + 6 * (edge.count / maxCount), 'marker-end': 'url(#arrow)' }));
  group.append(
    svgEl('rect', { x: edge.x - edge.width / 2, y: edge.y - edge.height / 2, width: edge.width, height: edge.height,
      rx: 3, class: 'label-ground' }),
    svgEl('text', { x: edge.x, y: edge.y, 'text-anchor': 'middle', 'dominant-baseline': 'central', class: 'label' },
      edge.label),
    svgEl('title', {}, name));
  const choose = () => onEdge(edge);
  group.addEventListener('click', choose);
  group.addEventListener('keydown', event => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      choose();
    }
  });
  return group;
}

/** A smooth path through dagre's control points: quadratic curves between their midpoints. */
function pathThrough(points) {
  let d = `M${points[0].x},${points[0].y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const mid = { x: (points[i].x + points[i + 1].x) / 2, y: (points[i].y + points[i + 1].y) / 2 };
    d += ` Q${points[i].x},${points[i].y} ${mid.x},${mid.y}`;
  }
  const last = points[points.length - 1];
  return `${d} L${last.x},${last.y}`;
}

function arrowHead() {
  const defs = svgEl('defs', {});
  const marker = svgEl('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 10,
    markerHeight: 10, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' });
  marker.append(svgEl('path', { d: 'M0,0 L10,5 L0,10 z' }));
  defs.append(marker);
  return defs;
}
