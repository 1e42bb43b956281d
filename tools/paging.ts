/**
 * Server-side pages for the list tools: one input shape (offset, sort, direction, a free-text query)
 * and one output shape (the total the filters match), so every register pages, sorts and counts the
 * same way whichever frontend calls it.
 */
import { asc, desc, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';

/** Deep pages are a search's job: past this offset, narrow the filters instead. */
export const MAX_OFFSET = 100_000;

export const Offset = z
  .number()
  .int()
  .min(0)
  .max(MAX_OFFSET)
  .default(0)
  .describe('Rows to skip (server-side paging): 0 for the first page, then limit, 2×limit…');
export const Direction = z.enum(['asc', 'desc']).describe('Sort direction; each sort has its natural default.');
export const TextQuery = z
  .string()
  .trim()
  .max(200)
  .default('')
  .describe('Part of a number or a name, case-insensitive; empty for all.');

/** What every paged list returns beside its rows: how many rows match, and which slice this is. */
export const PageInfo = z.object({
  total: z.number().int().describe('How many rows match the filters, all pages together.'),
  offset: z.number().int(),
  limit: z.number().int(),
});
export type PageInfo = z.infer<typeof PageInfo>;

/** `%text%` for ILIKE, with the text's own wildcards taken literally. */
export const containing = (text: string) => `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;

/**
 * The ORDER BY of a register: the chosen column in the chosen direction, then a unique tiebreak so a
 * row never shows on two pages. Text columns sort case-insensitively.
 */
export function orderOf(
  column: AnyPgColumn | SQL,
  direction: 'asc' | 'desc',
  tiebreak: AnyPgColumn,
  options: { text?: boolean } = {},
): SQL[] {
  const key = options.text ? sql`lower(${column})` : column;
  const by = direction === 'asc' ? asc : desc;
  return [by(key), by(tiebreak)];
}
