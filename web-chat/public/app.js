// Starts the screen named in the page's boot data, and wires the language switch.
import { api, boot } from './common.js';

document.getElementById('lang-switch')?.addEventListener('click', async (event) => {
  await api('POST', '/lang', { lang: event.currentTarget.dataset.lang });
  location.reload();
});

const screen = await import(`./${boot.page}.js`);
await screen.render(document.getElementById('view'));
