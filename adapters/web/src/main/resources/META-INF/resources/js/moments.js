// Reading the API's time forms on the page, where live messages must be placed in or out of the shown window.

const UNITS = { s: 1, m: 60, h: 3600, d: 86400 };

/** Epoch seconds of a time as the API takes it (epoch seconds, RFC 3339, `now`, `-N` + unit), or NaN. */
export function secondsOf(text, now = Date.now() / 1000) {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === 'now') {
    return now;
  }
  const relative = /^-(\d+(?:\.\d+)?)([smhd])$/.exec(trimmed);
  if (relative) {
    return now - Number(relative[1]) * UNITS[relative[2]];
  }
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    return Number(trimmed);
  }
  return Date.parse(trimmed) / 1000;
}
