/**
 * Reading the tree that fast-xml-parser builds (namespace prefixes removed, values kept as strings):
 * an element is a string, an object with '#text' and '@_' attributes, or an array when repeated.
 */
export type XNode = unknown;

const isObject = (node: XNode): node is Record<string, unknown> =>
  typeof node === 'object' && node !== null && !Array.isArray(node);

/** Every child element of that name, whether it appeared once or many times. */
export function children(node: XNode, name: string): XNode[] {
  if (!isObject(node)) return [];
  const value = node[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The first element down a path of names, e.g. at(doc, 'ExchangedDocument', 'ID'). */
export function at(node: XNode, ...names: string[]): XNode | undefined {
  let current: XNode | undefined = node;
  for (const name of names) {
    current = children(current, name)[0];
    if (current === undefined) return undefined;
  }
  return current;
}

/** The text of an element, trimmed; undefined when absent or empty. */
export function text(node: XNode | undefined): string | undefined {
  if (node === undefined || node === null) return undefined;
  const raw = isObject(node) ? node['#text'] : node;
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  const trimmed = String(raw).trim();
  return trimmed === '' ? undefined : trimmed;
}

export function attr(node: XNode | undefined, name: string): string | undefined {
  if (!isObject(node)) return undefined;
  const value = node[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

/** The text at the end of a path. */
export const textAt = (node: XNode, ...names: string[]): string | undefined => text(at(node, ...names));
