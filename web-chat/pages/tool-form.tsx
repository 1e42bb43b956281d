/**
 * A tool's input as a form, from the tool's own zod schema (one definition): dates as date fields,
 * choices as selects, lines as one group per line; references (ids) are not typed by hand and keep
 * their value. The form's answer is read back onto the request it edits, and the door's validation
 * errors are shown next to the field they name.
 */
import { z } from 'zod';
import type { AnyTool } from '../../tools/define.ts';
import type { Lang } from '../../tools/context.ts';
import { catalogue, type MessageKey } from '../i18n.ts';

interface Schema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
}

/** Fields a person never types: references to records, and the request's own key. */
const HIDDEN = (name: string, s: Schema) => s.format === 'uuid' || name === 'idempotencyKey';

export function schemaOf(tool: AnyTool): Schema {
  return z.toJSONSchema(tool.input, { io: 'input', unrepresentable: 'any' }) as Schema;
}

const scalar = (s: Schema) =>
  s.enum !== undefined || ['string', 'number', 'integer', 'boolean'].includes(String(s.type ?? ''));

function labelOf(name: string, lang: Lang): string {
  const key = `field_${name}` as MessageKey;
  return catalogue[lang][key] ?? name;
}

function Field(p: {
  name: string;
  path: string;
  schema: Schema;
  value: unknown;
  lang: Lang;
  errors: Record<string, string>;
  idPrefix: string;
}) {
  const id = `${p.idPrefix}-${p.path.replace(/\./g, '-')}`;
  const error = p.errors[p.path];
  const described = error ? `${id}-error` : undefined;
  const text = p.value === undefined || p.value === null ? '' : String(p.value);
  const input = p.schema.enum ? (
    <select id={id} name={`f.${p.path}`} aria-describedby={described} aria-invalid={error ? 'true' : undefined}>
      {p.schema.enum.map((v) => (
        <option value={String(v)} selected={String(v) === text}>
          {catalogue[p.lang][`choice_${String(v)}` as MessageKey] ?? String(v)}
        </option>
      ))}
    </select>
  ) : (
    <input
      id={id}
      name={`f.${p.path}`}
      value={text}
      type={p.schema.format === 'date' ? 'date' : 'text'}
      inputmode={/price|amount|total|subtotal|tax|quantity/i.test(p.name) ? 'decimal' : undefined}
      aria-describedby={described}
      aria-invalid={error ? 'true' : undefined}
    />
  );
  return (
    <div class={error ? 'form-field has-error' : 'form-field'}>
      <label for={id}>{labelOf(p.name, p.lang)}</label>
      {input}
      {error ? (
        <small id={described} class="field-error">
          {error}
        </small>
      ) : null}
    </div>
  );
}

/** The fields of one request, filled with its current values. */
export function ToolFields(p: {
  schema: Schema;
  value: Record<string, unknown>;
  lang: Lang;
  errors: Record<string, string>;
  idPrefix: string;
}) {
  const t = catalogue[p.lang];
  const props = Object.entries(p.schema.properties ?? {});
  return (
    <>
      {props.map(([name, s]) => {
        if (HIDDEN(name, s)) return null;
        if (scalar(s))
          return (
            <Field
              name={name}
              path={name}
              schema={s}
              value={p.value[name]}
              lang={p.lang}
              errors={p.errors}
              idPrefix={p.idPrefix}
            />
          );
        const items = s.items;
        if (s.type === 'array' && items?.properties) {
          const rows = Array.isArray(p.value[name]) ? (p.value[name] as Record<string, unknown>[]) : [];
          return rows.map((row, i) => (
            <fieldset class="form-group">
              <legend>{`${t.field_line} ${i + 1}`}</legend>
              {Object.entries(items.properties ?? {}).map(([sub, ss]) =>
                HIDDEN(sub, ss) || !scalar(ss) ? null : (
                  <Field
                    name={sub}
                    path={`${name}.${i}.${sub}`}
                    schema={ss}
                    value={row[sub]}
                    lang={p.lang}
                    errors={p.errors}
                    idPrefix={p.idPrefix}
                  />
                ),
              )}
            </fieldset>
          ));
        }
        return null;
      })}
    </>
  );
}

/**
 * The edited request: the original with each form field laid over it at its path ("lines.0.quantity");
 * a field left empty drops an optional value rather than sending an empty string.
 */
export function editedInput(
  original: Record<string, unknown>,
  form: Record<string, unknown>,
  schema: Schema,
): Record<string, unknown> {
  const out = structuredClone(original);
  for (const [key, raw] of Object.entries(form)) {
    if (!key.startsWith('f.') || typeof raw !== 'string') continue;
    const path = key.slice(2).split('.');
    const leaf = leafSchema(schema, path);
    if (!leaf) continue;
    let node: Record<string, unknown> | unknown[] = out;
    for (const part of path.slice(0, -1)) {
      const next = (node as Record<string, unknown>)[part];
      if (typeof next !== 'object' || next === null) break;
      node = next as Record<string, unknown>;
    }
    const last = path.at(-1)!;
    const value = raw.trim();
    const target = node as Record<string, unknown>;
    if (value === '') delete target[last];
    else if (leaf.type === 'number' || leaf.type === 'integer') target[last] = Number(value.replace(',', '.'));
    else if (leaf.type === 'boolean') target[last] = value === 'true' || value === 'on';
    else target[last] = value;
  }
  return out;
}

function leafSchema(schema: Schema, path: string[]): Schema | null {
  let node: Schema | undefined = schema;
  for (const part of path) {
    if (!node) return null;
    if (node.type === 'array') node = /^\d+$/.test(part) ? node.items : undefined;
    else node = node.properties?.[part];
  }
  return node && !HIDDEN(path.at(-1)!, node) && scalar(node) ? node : null;
}

/** zod issues from the door, by the form path they name. */
export function errorsByPath(details: unknown): Record<string, string> {
  const issues = (details as { issues?: { path: (string | number)[]; message: string }[] } | null)?.issues ?? [];
  return Object.fromEntries(issues.map((i) => [i.path.join('.'), i.message]));
}
