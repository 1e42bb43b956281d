/**
 * tools/list is read by every client before its first word, and by models on every turn: 244 KB for
 * our registry as zod writes it. This module brings it under 60 KB without changing what any input
 * accepts, and keeps every full output schema one resource read away:
 *  - noise a client cannot use goes: a uuid's or an email's regex beside its `format` (the standard
 *    way to say it), integer bounds that are only JavaScript's safe-integer range, `$schema` lines;
 *  - an input subschema written several times in one tool (an amount with its description) is written
 *    once under `$defs` and referenced;
 *  - an output schema is listed to its first level (each field and its type): what a client needs to
 *    pick a field, at a tenth of the size; a write tool's, the same `{ action, result }` for all, is left
 *    to the server's instructions. The whole schema, nested objects and
 *    descriptions, is the resource `comptoir://tools/{name}` (resources.ts), and a client that wants
 *    it in the list asks with `?schemas=full`. The server still checks every result against the whole
 *    schema before answering, so a client validating against the summary never sees a mismatch.
 */
type Json = unknown;
type Node = Record<string, Json>;

const SAFE = 9007199254740991;
/** Formats whose meaning a client knows without the pattern zod writes beside them. */
const FORMATS_WITH_REDUNDANT_PATTERN = new Set(['uuid', 'email']);

function isNode(value: Json): value is Node {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function cleanNode(node: Json, output: boolean): Json {
  if (Array.isArray(node)) return node.map((item) => cleanNode(item, output));
  if (!isNode(node)) return node;
  const result: Node = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$schema') continue;
    if (key === 'pattern' && FORMATS_WITH_REDUNDANT_PATTERN.has(node.format as string)) continue;
    if (key === 'minimum' && value === -SAFE) continue;
    if (key === 'maximum' && value === SAFE) continue;
    if (output && key === 'additionalProperties' && value === false) continue;
    // Property names are data, not schema keywords: keep every one.
    result[key] =
      key === 'properties' && isNode(value)
        ? Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, cleanNode(schema, output)]))
        : cleanNode(value, output);
  }
  return result;
}

/** Every place a subschema sits in a schema, with the property name it describes when it has one. */
function* subschemas(node: Node, name = ''): Generator<{ node: Node; name: string }> {
  if (isNode(node.properties))
    for (const [key, child] of Object.entries(node.properties)) if (isNode(child)) yield* visit(child, key);
  if (isNode(node.items)) yield* visit(node.items, name);
  if (isNode(node.additionalProperties)) yield* visit(node.additionalProperties, name);
  for (const key of ['anyOf', 'oneOf', 'allOf'])
    if (Array.isArray(node[key])) for (const child of node[key] as Json[]) if (isNode(child)) yield* visit(child, name);
}
function* visit(node: Node, name: string): Generator<{ node: Node; name: string }> {
  yield { node, name };
  yield* subschemas(node, name);
}

/** A subschema shorter than this costs about as much as its reference: left in place. */
const WORTH_SHARING = 60;

/** Subschemas written twice or more in one input schema go to `$defs`, named after the first field they describe. */
function shareRepeated(schema: Node): Node {
  const seen = new Map<string, { count: number; name: string }>();
  for (const { node, name } of subschemas(schema)) {
    const key = JSON.stringify(node);
    if (key.length < WORTH_SHARING) continue;
    const entry = seen.get(key);
    if (entry) entry.count++;
    else seen.set(key, { count: 1, name });
  }
  const defs: Node = {};
  const refs = new Map<string, string>();
  for (const [key, { count, name }] of seen) {
    if (count < 2) continue;
    let defName = name || 'shared';
    for (let i = 2; defName in defs; i++) defName = `${name || 'shared'}${i}`;
    defs[defName] = JSON.parse(key);
    refs.set(key, `#/$defs/${defName}`);
  }
  if (refs.size === 0) return schema;
  const replace = (node: Json, root: boolean): Json => {
    if (Array.isArray(node)) return node.map((item) => replace(item, false));
    if (!isNode(node)) return node;
    const ref = root ? undefined : refs.get(JSON.stringify(node));
    if (ref) return { $ref: ref };
    const out: Node = {};
    for (const [key, value] of Object.entries(node)) {
      out[key] =
        key === 'properties' && isNode(value)
          ? Object.fromEntries(Object.entries(value).map(([prop, child]) => [prop, replace(child, false)]))
          : key === 'enum' || key === 'required' || key === 'default'
            ? value
            : replace(value, false);
    }
    return out;
  };
  // A shared subschema may itself contain another: each definition is written with the others referenced.
  const shared: Node = {};
  for (const [defName, def] of Object.entries(defs)) shared[defName] = replace(def, true);
  return { ...(replace(schema, true) as Node), $defs: shared };
}

export function compactInputSchema<T>(schema: T): T {
  return shareRepeated(cleanNode(schema, false) as Node) as T;
}

export function compactOutputSchema<T>(schema: T): T {
  return cleanNode(schema, true) as T;
}

/** The JSON type(s) a subschema allows, read through `anyOf` (zod writes nullable fields as `anyOf [X, null]`). */
function typesOf(node: Node): string[] {
  if (typeof node.type === 'string') return [node.type];
  if (Array.isArray(node.type)) return node.type as string[];
  if (Array.isArray(node.enum)) return [...new Set((node.enum as Json[]).map((v) => (v === null ? 'null' : typeof v)))];
  if (Array.isArray(node.anyOf)) return [...new Set((node.anyOf as Json[]).filter(isNode).flatMap(typesOf))];
  return [];
}

/** One field of a summary: its type, nothing nested. Nullable fields keep the `anyOf` form that every client reads. */
function fieldSummary(node: Node): Node {
  const types = typesOf(node);
  if (types.length === 0) return {};
  if (types.length === 1) return { type: types[0] };
  return { anyOf: types.map((type) => ({ type })) };
}

/** An output schema to its first level: each field and its type (which are always present is in the full schema). */
export function summariseOutputSchema<T>(schema: T): T {
  const node = schema as Node;
  if (!isNode(node.properties)) return { type: 'object' } as T;
  return {
    type: 'object',
    properties: Object.fromEntries(
      Object.entries(node.properties).map(([name, child]) => [name, isNode(child) ? fieldSummary(child) : {}]),
    ),
  } as T;
}
