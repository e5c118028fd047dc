// The API key or bearer token, entered once and kept for this browser session only (sessionStorage).
const KEY = 'timelines.token';

export function token() {
  return sessionStorage.getItem(KEY) || '';
}

/** Keeps the entered token (an empty one forgets it) and calls `changed` so the shown view loads again. */
export function bindAuthForm(form, input, forget, changed) {
  input.value = token();
  form.addEventListener('submit', event => {
    event.preventDefault();
    const entered = input.value.trim();
    if (entered) {
      sessionStorage.setItem(KEY, entered);
    } else {
      sessionStorage.removeItem(KEY);
    }
    changed();
  });
  forget.addEventListener('click', () => {
    sessionStorage.removeItem(KEY);
    input.value = '';
    changed();
  });
}
