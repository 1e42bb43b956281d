import type { Config } from '../config.ts';

export async function serveStdio(_config: Config, _token: string | undefined): Promise<void> {
  throw new Error('MCP over stdio is being built (issue 6).');
}
