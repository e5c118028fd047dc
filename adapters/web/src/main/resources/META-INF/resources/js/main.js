// The page: one view at a time, chosen by the address' fragment (#map, #inspect/<key>, #stuck, #funnels), so that
// views can be linked to and the browser's back button works.
import { bindAuthForm } from './auth.js';
import { funnelsView } from './funnels.js';
import { inspectorView } from './inspector.js';
import { mapView } from './map.js';
import { guarded } from './problem.js';
import { stuckView } from './stuck.js';

const views = { map: mapView(), inspect: inspectorView(), stuck: stuckView(), funnels: funnelsView() };

function route() {
  const [name, ...rest] = location.hash.slice(1).split('/');
  const view = views[name] ? name : 'map';
  for (const section of document.querySelectorAll('main > section')) {
    section.hidden = section.dataset.view !== view;
  }
  for (const link of document.querySelectorAll('nav a')) {
    if (link.dataset.view === view) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  const argument = rest.length ? decodeURIComponent(rest.join('/')) : undefined;
  guarded(() => views[view].show(argument));
}

bindAuthForm(document.getElementById('auth'), document.getElementById('auth-key'),
  document.getElementById('auth-forget'), route);
window.addEventListener('hashchange', route);
route();
