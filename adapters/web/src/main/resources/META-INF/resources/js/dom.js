// Building the page's elements, in one place.

/** An element with attributes (on… become listeners) and children (strings become text). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else if (value !== undefined && value !== null && value !== false) {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  element.append(...children.filter(child => child !== undefined && child !== null));
  return element;
}

/** Fills a table: a header row of `columns`, then one row per item, `cells(item)` giving its cells. */
export function fillTable(table, columns, items, cells) {
  const head = el('thead', {}, el('tr', {}, ...columns.map(column => el('th', { scope: 'col' }, column))));
  const rows = items.map(item => el('tr', {}, ...cells(item).map(cell => el('td', {}, cell))));
  const body = rows.length ? rows : [el('tr', {}, el('td', { colspan: columns.length }, 'none'))];
  table.replaceChildren(head, el('tbody', {}, ...body));
}

/** Fills a <select> with names, keeping the chosen one when it is still there. */
export function fillSelect(select, names) {
  const chosen = select.value;
  select.replaceChildren(...names.map(name => el('option', { value: name }, name)));
  if (names.includes(chosen)) {
    select.value = chosen;
  }
}

/** An SVG element with attributes and, optionally, its text. */
export function svgEl(tag, attributes = {}, text = undefined) {
  const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, value);
  }
  if (text !== undefined) {
    element.textContent = text;
  }
  return element;
}

/** A timeline's key as a link that opens the inspector on it. */
export function timelineLink(key) {
  return el('a', { href: `#inspect/${encodeURIComponent(key)}`, class: 'timeline' }, key);
}
