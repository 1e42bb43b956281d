/** The landing page until the full web chat arrives: what Comptoir is, whether it runs, where to go next. */
import { html } from 'hono/html';

export function homePage(info: { database: string; migration: string | null; lang: 'fr' | 'en' }) {
  const t =
    info.lang === 'fr'
      ? {
          title: 'Comptoir — votre back-office IA',
          lead: "Achats et facturation, faits par l'IA, approuvés par vous.",
          status: 'En marche',
          db: 'Base de données',
          api: 'API',
          docs: 'Outils disponibles (JSON)',
          health: 'État',
          open: 'Ouvrir Comptoir (connexion)',
        }
      : {
          title: 'Comptoir — your AI back office',
          lead: 'Purchasing and invoicing, done by AI, approved by you.',
          status: 'Running',
          db: 'Database',
          api: 'API',
          docs: 'Available tools (JSON)',
          health: 'Health',
          open: 'Open Comptoir (log in)',
        };
  return html`<!doctype html>
<html lang="${info.lang}">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>${t.title}</title>
  <style>
    :root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
    body { margin: 0; background: #f6f5f2; color: #1d1d1b; }
    main { max-width: 44rem; margin: 4rem auto; padding: 2.5rem; background: #fff; border-radius: 14px; box-shadow: 0 1px 3px #0002; }
    h1 { margin: 0 0 .5rem; font-size: 1.9rem; }
    p.lead { margin: 0 0 1.5rem; color: #555; font-size: 1.1rem; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: .4rem 1.2rem; }
    dt { color: #777; } dd { margin: 0; font-weight: 600; }
    .ok { color: #1a7f37; }
    nav { margin-top: 2rem; display: flex; gap: 1rem; flex-wrap: wrap; }
    nav a { color: #0b57d0; }
    .lang { float: right; font-size: .9rem; }
  </style>
</head>
<body>
  <main>
    <a class="lang" href="/?lang=${info.lang === 'fr' ? 'en' : 'fr'}">${info.lang === 'fr' ? 'English' : 'Français'}</a>
    <h1>Comptoir</h1>
    <p class="lead">${t.lead}</p>
    <dl>
      <dt>${t.health}</dt><dd class="ok">● ${t.status}</dd>
      <dt>${t.db}</dt><dd>${info.database}${info.migration ? ` · ${info.migration}` : ''}</dd>
      <dt>${t.api}</dt><dd><code>/api</code> · <code>/mcp</code></dd>
    </dl>
    <nav><a href="/login?lang=${info.lang}"><strong>${t.open}</strong></a><a href="/health">/health</a><a href="/api/tools">${t.docs}</a></nav>
  </main>
</body>
</html>`;
}
