/**
 * Browser code that is not a hand-written file in public/: typed client modules (web-chat/client/*.ts,
 * compiled to JavaScript by esbuild on first request and kept in memory) and the chart library, served
 * from node_modules as published. Both come from our own origin, so the pages' CSP (script-src 'self')
 * allows them with nothing inline and no CDN.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { transform } from 'esbuild';
import { Hono } from 'hono';

const JS = 'text/javascript; charset=utf-8';
/** The client modules a page may load; a name outside this list is a 404, never a path. */
const CLIENT_MODULES = new Set(['dashboards']);
const require = createRequire(import.meta.url);
const VENDOR: Record<string, () => string> = {
  // The package's exports name only its ES and CommonJS entries; the UMD build sits beside them in dist/.
  'chart.js': () => join(dirname(require.resolve('chart.js')), 'chart.umd.min.js'),
};

export function clientAssetRoutes() {
  const compiled = new Map<string, Promise<string>>();
  const compile = async (name: string) => {
    const source = await readFile(new URL(`../client/${name}.ts`, import.meta.url), 'utf8');
    const out = await transform(source, { loader: 'ts', format: 'esm', target: 'es2022', sourcefile: `${name}.ts` });
    return out.code;
  };
  return new Hono()
    .get('/assets/client/:file', async (c) => {
      const name = c.req.param('file').replace(/\.js$/, '');
      if (!CLIENT_MODULES.has(name)) return c.notFound();
      let code = compiled.get(name);
      if (!code) {
        code = compile(name);
        compiled.set(name, code);
        code.catch(() => compiled.delete(name));
      }
      c.header('Content-Type', JS);
      c.header('Cache-Control', 'no-cache');
      return c.body(await code);
    })
    .get('/assets/vendor/:file', async (c) => {
      const path = VENDOR[c.req.param('file')];
      if (!path) return c.notFound();
      c.header('Content-Type', JS);
      c.header('Cache-Control', 'public, max-age=86400');
      return c.body(await readFile(path()));
    });
}
