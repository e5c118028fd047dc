// How values, moments and durations read on the page.

/** A value as written: a string as it is, anything else as JSON. */
export function valueText(value) {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Epoch seconds as UTC, to the second (fractions when there are any). */
export function momentText(seconds) {
  const iso = new Date(seconds * 1000).toISOString();
  return Number.isInteger(seconds) ? iso.replace('.000Z', 'Z') : iso;
}

/** Seconds as the largest two units: 45s, 1m 20s, 3h 5m, 2d 4h. */
export function durationText(seconds) {
  if (seconds === null || seconds === undefined) {
    return '–';
  }
  if (seconds < 60) {
    return `${Math.round(seconds * 1000) / 1000}s`;
  }
  const units = [['d', 86400], ['h', 3600], ['m', 60], ['s', 1]];
  const parts = [];
  let rest = Math.round(seconds);
  for (const [name, size] of units) {
    if (rest >= size && parts.length < 2) {
      parts.push(`${Math.floor(rest / size)}${name}`);
      rest %= size;
    } else if (parts.length) {
      break;
    }
  }
  return parts.join(' ');
}

/** A share as a percentage with one decimal. */
export function percentText(share) {
  return share === null || share === undefined ? '–' : `${(share * 100).toFixed(1)}%`;
}
