/**
 * tools/list is read by every client before its first word, and by models on every turn: 244 KB for
 * our registry as zod writes it. Most of that is noise a client cannot use, removed here without
 * changing what any schema accepts for a client that reads formats:
 *  - a uuid's 150-character regex beside `format: "uuid"` (the standard way to say it), 223 times;
 *  - integer bounds that are only JavaScript's safe-integer range;
 *  - the `$schema` line repeated in every schema.
 * Output schemas also lose `additionalProperties: false` (a client reading a result has no use for it).
 */
type Json = unknown;

const SAFE = 9007199254740991;

function compactNode(node: Json, output: boolean): Json {
  if (Array.isArray(node)) return node.map((item) => compactNode(item, output));
  if (node === null || typeof node !== 'object') return node;
  const result: Record<string, Json> = {};
  const source = node as Record<string, Json>;
  for (const [key, value] of Object.entries(source)) {
    if (key === '$schema') continue;
    if (key === 'pattern' && source.format === 'uuid') continue;
    if (key === 'minimum' && value === -SAFE) continue;
    if (key === 'maximum' && value === SAFE) continue;
    if (output && key === 'additionalProperties' && value === false) continue;
    // Property names are data, not schema keywords: keep every one.
    result[key] =
      key === 'properties' && value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, compactNode(schema, output)]))
        : compactNode(value, output);
  }
  return result;
}

export function compactInputSchema<T>(schema: T): T {
  return compactNode(schema, false) as T;
}

export function compactOutputSchema<T>(schema: T): T {
  return compactNode(schema, true) as T;
}
