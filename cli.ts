/**
 * The `comptoir` command: serve the app, run migrations, seed the demo, serve MCP over stdio, and
 * manage API tokens. Run as `npx comptoir <command>` or `npm start` (serve).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from './config.ts';
import { migrate } from './db/migrate.ts';
import { openConfiguredDatabase } from './db/configured.ts';

const HELP = `Usage: comptoir <command> [options]

Commands:
  serve                       Start the web app, API and MCP endpoint (default)
  migrate                     Apply database migrations and exit
  seed-demo                   Create the demo company if it does not exist
  mcp [--token T] [--toolsets purchasing,bills]
                              Serve MCP over stdio (token from --token or COMPTOIR_TOKEN); only some areas
  extract <file> [--json] [--pages N] [--lang fr|en]
                              Print what Comptoir reads from a bill (fields, confidence, checks); no database
  token create --tenant ID --user ID [--name N]   Create an API token (shown once)
  token list --tenant ID      List API tokens
  token revoke --tenant ID --id TOKEN_ID          Revoke an API token

Configuration comes from environment variables: see README.md.`;

async function main(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      token: { type: 'string' },
      toolsets: { type: 'string' },
      tenant: { type: 'string' },
      user: { type: 'string' },
      name: { type: 'string' },
      id: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      json: { type: 'boolean' },
      pages: { type: 'string' },
      lang: { type: 'string' },
    },
  });
  const [command = 'serve', sub] = positionals;
  if (values.help || command === 'help') return void console.log(HELP);
  if (command === 'extract') {
    // Needs no configuration and no database: a file in, what was read out.
    if (!sub) throw new Error(`'extract' needs a file: comptoir extract <file> [--json]`);
    const { extractCommand } = await import('./tools/documents/extract-command.ts');
    const output = await extractCommand(sub, {
      json: values.json,
      lang: values.lang === 'fr' ? 'fr' : 'en',
      maxPages: values.pages ? Number(values.pages) : undefined,
      progress: (line) => process.stderr.write(`${line}\n`),
    });
    return void process.stdout.write(output);
  }
  const config = loadConfig();

  switch (command) {
    case 'serve': {
      // Loaded only here: the web app is the heaviest part, and the other commands do without it.
      const { startServer } = await import('./http/server.ts');
      const running = await startServer(config);
      const stop = async () => {
        await running.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return;
    }
    case 'migrate': {
      const handle = await openConfiguredDatabase(config);
      const state = await migrate(handle);
      console.log(`Migrations applied: ${state.applied} (latest ${state.latest}), pending: ${state.pending}`);
      return handle.close();
    }
    case 'seed-demo': {
      const { seedDemo } = await import('./tools/demo-data.ts');
      const handle = await openConfiguredDatabase(config);
      // Under the migration lock, as the server seeds: a server starting at the same moment waits.
      const seeded: Awaited<ReturnType<typeof seedDemo>>[] = [];
      await migrate(handle, async () => void seeded.push(await seedDemo(handle.db)));
      const demo = seeded[0]!;
      if (!demo.created) console.log('The demo company already exists.');
      else {
        for (const u of demo.users) console.log(`${u.role.padEnd(10)} ${u.email}  password: ${u.password}`);
        console.log(`API token (admin): ${demo.adminToken}`);
      }
      return handle.close();
    }
    case 'mcp': {
      const { serveStdio } = await import('./mcp-server/stdio.ts');
      return serveStdio(config, values.token ?? config.COMPTOIR_TOKEN, values.toolsets);
    }
    case 'token':
      return tokenCommand(sub, values, config);
    default:
      console.error(`Unknown command '${command}'.\n\n${HELP}`);
      process.exitCode = 2;
  }
}

async function tokenCommand(
  sub: string | undefined,
  values: Record<string, string | boolean | undefined>,
  config: ReturnType<typeof loadConfig>,
) {
  const { createApiToken, listApiTokens, revokeApiToken, tokenListLine } = await import('./tools/auth/api-tokens.ts');
  const need = (key: string) => {
    const v = values[key];
    if (typeof v !== 'string' || !v) throw new Error(`--${key} is required for 'token ${sub}'.`);
    return v;
  };
  const handle = await openConfiguredDatabase(config);
  try {
    await migrate(handle);
    if (sub === 'create') {
      const made = await createApiToken(
        handle.db,
        need('tenant'),
        need('user'),
        (values.name as string) ?? 'CLI token',
      );
      console.log(`Token ${made.id} (shown once, keep it safe):\n${made.token}`);
    } else if (sub === 'list') {
      for (const t of await listApiTokens(handle.db, need('tenant'))) console.log(tokenListLine(t));
    } else if (sub === 'revoke') {
      await revokeApiToken(handle.db, need('tenant'), need('id'));
      console.log('Token revoked.');
    } else {
      throw new Error(`Unknown 'token ${sub ?? ''}': use create, list or revoke.`);
    }
  } finally {
    await handle.close();
  }
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
