/**
 * Any write tool as a plain HTML form, generated from the tool's own zod schema (one definition):
 * text, dates, choices and yes/no fields; references to records as pickers listing them by name
 * (never a raw id to type); lines as one editable group each, with "add a line" and "remove" as
 * submit buttons so the form works without any script. The posted form is read back into the tool's
 * input by the same schema, and the door's errors are shown next to the field they name.
 */
import { z } from 'zod';
import type { Lang } from '../../tools/context.ts';
import type { AnyTool } from '../../tools/define.ts';
import { catalogue, type MessageKey } from '../i18n.ts';

export interface FieldSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  default?: unknown;
  properties?: Record<string, FieldSchema>;
  required?: string[];
  items?: FieldSchema;
  anyOf?: FieldSchema[];
  maxLength?: number;
}

/** One record a picker offers: its id and how a person recognises it. */
export interface Choice {
  value: string;
  label: string;
}

/** The records each reference field may point to, by field name (supplierId → suppliers). */
export type Choices = Record<string, Choice[]>;

/** A nested value as the form holds it: strings at the leaves, arrays of rows for lines. */
export type FormValue = Record<string, unknown>;

export function inputSchema(tool: AnyTool): FieldSchema {
  return z.toJSONSchema(tool.input, { io: 'input', unrepresentable: 'any' }) as FieldSchema;
}

const isScalar = (s: FieldSchema) =>
  s.enum !== undefined || ['string', 'number', 'integer', 'boolean'].includes(String(s.type ?? ''));
const isReference = (s: FieldSchema) => s.format === 'uuid';
const isLines = (s: FieldSchema) => s.type === 'array' && Boolean(s.items?.properties);
/** Never typed by a person: the request's own key. */
const NEVER_SHOWN = new Set(['idempotencyKey']);

export function fieldLabel(name: string, lang: Lang): string {
  return catalogue[lang][`field_${name}` as MessageKey] ?? name;
}

const choiceLabel = (v: unknown, lang: Lang) => catalogue[lang][`choice_${String(v)}` as MessageKey] ?? String(v);

interface FieldProps {
  name: string;
  path: string;
  schema: FieldSchema;
  value: unknown;
  required: boolean;
  lang: Lang;
  errors: Record<string, string>;
  choices: Choices;
  idPrefix: string;
}

function Field(p: FieldProps) {
  const id = `${p.idPrefix}-${p.path.replace(/\./g, '-')}`;
  const error = p.errors[p.path];
  const described = error ? `${id}-error` : undefined;
  const text = p.value === undefined || p.value === null ? '' : String(p.value);
  const common = {
    id,
    name: `f.${p.path}`,
    'aria-describedby': described,
    'aria-invalid': error ? 'true' : undefined,
  };
  const t = catalogue[p.lang];
  let input: unknown;
  if (isReference(p.schema)) {
    const options = p.choices[p.name];
    // A reference without a list to choose from (a line of the order being received): kept, not typed.
    if (!options) return text ? <input type="hidden" name={`f.${p.path}`} value={text} /> : null;
    input = (
      <select {...common} class="picker">
        {p.required && text ? null : <option value="">{p.required ? t.pickOne : '—'}</option>}
        {options.map((o) => (
          <option value={o.value} selected={o.value === text}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else if (p.schema.enum) {
    const current = text || String(p.schema.default ?? '');
    input = (
      <select {...common}>
        {p.required || p.schema.default !== undefined ? null : <option value="">—</option>}
        {p.schema.enum.map((v) => (
          <option value={String(v)} selected={String(v) === current}>
            {choiceLabel(v, p.lang)}
          </option>
        ))}
      </select>
    );
  } else if (p.schema.type === 'boolean') {
    const on = text === 'true' || text === 'on' || (text === '' && p.schema.default === true);
    return (
      <div class={error ? 'form-field check has-error' : 'form-field check'}>
        <input type="checkbox" {...common} value="true" checked={on} />
        <label for={id}>{fieldLabel(p.name, p.lang)}</label>
        {error ? (
          <small id={described} class="field-error">
            {error}
          </small>
        ) : null}
      </div>
    );
  } else {
    // Free text longer than a line (notes, a message) gets a box; a short note stays one line.
    const long = (p.schema.maxLength ?? 0) > 1000 && !/email|name/i.test(p.name);
    input = long ? (
      <textarea {...common} rows={2} maxlength={p.schema.maxLength}>
        {text}
      </textarea>
    ) : (
      <input
        {...common}
        value={text}
        type={p.schema.format === 'date' ? 'date' : p.schema.format === 'email' ? 'email' : 'text'}
        inputmode={
          /price|amount|total|subtotal|^tax$|quantity|rate|days/i.test(p.name) || p.schema.type === 'integer'
            ? 'decimal'
            : undefined
        }
        placeholder={p.schema.default !== undefined ? String(p.schema.default) : undefined}
        maxlength={p.schema.maxLength}
      />
    );
  }
  return (
    <div class={error ? 'form-field has-error' : 'form-field'}>
      <label for={id}>
        {fieldLabel(p.name, p.lang)}
        {p.required ? (
          <span class="req" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {input}
      {error ? (
        <small id={described} class="field-error">
          {error}
        </small>
      ) : null}
    </div>
  );
}

/** The fields of an object schema: scalars, pickers, nested objects inline, lines as groups. */
export function SchemaFields(p: {
  schema: FieldSchema;
  value: FormValue;
  lang: Lang;
  errors: Record<string, string>;
  choices: Choices;
  idPrefix: string;
  prefix?: string;
  /** Names not to show (fixed by the page: the record the action is about). */
  fixed?: ReadonlySet<string>;
}) {
  const t = catalogue[p.lang];
  const required = new Set(p.schema.required ?? []);
  return (
    <>
      {Object.entries(p.schema.properties ?? {}).map(([name, s]) => {
        if (NEVER_SHOWN.has(name)) return null;
        const path = p.prefix ? `${p.prefix}.${name}` : name;
        const value = p.value[name];
        if (p.fixed?.has(name))
          return value === undefined ? null : <input type="hidden" name={`f.${path}`} value={String(value)} />;
        if (isScalar(s))
          return (
            <Field
              name={name}
              path={path}
              schema={s}
              value={value}
              required={required.has(name) && s.default === undefined}
              lang={p.lang}
              errors={p.errors}
              choices={p.choices}
              idPrefix={p.idPrefix}
            />
          );
        if (s.type === 'object' && s.properties)
          return (
            <fieldset class="form-group">
              <legend>{fieldLabel(name, p.lang)}</legend>
              <SchemaFields {...p} schema={s} prefix={path} value={(value ?? {}) as FormValue} fixed={undefined} />
            </fieldset>
          );
        if (isLines(s)) {
          const rows = Array.isArray(value) ? (value as FormValue[]) : [];
          const error = p.errors[path];
          return (
            <fieldset class="form-lines" data-lines={path}>
              <legend>{fieldLabel(name, p.lang)}</legend>
              {error ? <p class="field-error">{error}</p> : null}
              {rows.map((row, i) => (
                <fieldset class="form-group line">
                  <legend>{`${t.field_line} ${i + 1}`}</legend>
                  <SchemaFields {...p} schema={s.items!} prefix={`${path}.${i}`} value={row ?? {}} fixed={undefined} />
                  <button type="submit" name="_remove" value={`${path}.${i}`} class="link remove-line" formnovalidate>
                    {t.removeLine.replace('{n}', String(i + 1))}
                  </button>
                </fieldset>
              ))}
              <button type="submit" name="_add" value={path} class="add-line" formnovalidate>
                {t.addLine}
              </button>
            </fieldset>
          );
        }
        return null;
      })}
    </>
  );
}

function schemaAt(schema: FieldSchema, path: string[]): FieldSchema | undefined {
  let node: FieldSchema | undefined = schema;
  for (const part of path) {
    if (!node) return undefined;
    node = node.type === 'array' ? (/^\d+$/.test(part) ? node.items : undefined) : node.properties?.[part];
  }
  return node;
}

/** The form's fields as a nested value, strings kept as typed (for showing the form again). */
export function formValue(form: Record<string, unknown>, schema: FieldSchema): FormValue {
  const out: FormValue = {};
  for (const [key, raw] of Object.entries(form)) {
    if (!key.startsWith('f.') || typeof raw !== 'string') continue;
    const path = key.slice(2).split('.');
    if (!schemaAt(schema, path)) continue;
    let node: Record<string, unknown> = out;
    path.forEach((part, i) => {
      if (i === path.length - 1) {
        node[part] = raw;
        return;
      }
      const isIndex = /^\d+$/.test(path[i + 1]!);
      node[part] ??= isIndex ? [] : {};
      node = node[part] as Record<string, unknown>;
    });
  }
  // Arrays filled by index may have holes (a removed middle line): close them up.
  const compact = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.filter((x) => x !== undefined).map(compact)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, compact(x)]))
        : v;
  return compact(out) as FormValue;
}

/** A line added or removed by its button: the form shown again, nothing sent to the tool. */
export function editLines(value: FormValue, add: string | undefined, remove: string | undefined): FormValue {
  const out = structuredClone(value);
  const at = (path: string) => {
    let node: Record<string, unknown> = out;
    for (const part of path.split('.').slice(0, -1)) node = (node[part] ?? {}) as Record<string, unknown>;
    return { node, last: path.split('.').at(-1)! };
  };
  if (add) {
    const { node, last } = at(add);
    node[last] = [...((node[last] as unknown[]) ?? []), {}];
  }
  if (remove) {
    const index = Number(remove.split('.').at(-1));
    const { node, last } = at(remove.split('.').slice(0, -1).join('.'));
    const rows = (node[last] as unknown[]) ?? [];
    node[last] = rows.filter((_, i) => i !== index);
  }
  return out;
}

/**
 * The tool's input from the form value: empty fields dropped (so defaults apply), empty lines
 * dropped, numbers and yes/no converted by the schema. Validation is the door's, not this function's.
 */
export function toolInput(value: FormValue, schema: FieldSchema): Record<string, unknown> {
  const convert = (v: unknown, s: FieldSchema | undefined): unknown => {
    if (!s) return undefined;
    if (Array.isArray(v)) {
      const rows = v.map((row) => convert(row, s.items)).filter((row) => row !== undefined);
      return rows;
    }
    if (v && typeof v === 'object') {
      const entries = Object.entries(v)
        .map(([k, x]) => [k, convert(x, s.properties?.[k])] as const)
        .filter(([, x]) => x !== undefined);
      return entries.length ? Object.fromEntries(entries) : undefined;
    }
    if (typeof v !== 'string') return undefined;
    const text = v.trim();
    if (text === '') return undefined;
    if (s.type === 'boolean') return text === 'true' || text === 'on';
    if (s.type === 'number' || s.type === 'integer') {
      const n = Number(text.replace(',', '.').replace(/\s/g, ''));
      return Number.isFinite(n) ? n : text;
    }
    return text;
  };
  return (convert(value, schema) as Record<string, unknown>) ?? {};
}

/** Lines start with one empty row, so a person sees what a line asks for. */
export function withEmptyLines(value: FormValue, schema: FieldSchema): FormValue {
  const out = { ...value };
  for (const [name, s] of Object.entries(schema.properties ?? {}))
    if (
      isLines(s) &&
      (!Array.isArray(out[name]) || !(out[name] as unknown[]).length) &&
      schema.required?.includes(name)
    )
      out[name] = [{}];
  return out;
}

/** A checkbox left unticked is absent from the post: say false, so a default of true does not win. */
export function uncheckedBoxes(value: FormValue, schema: FieldSchema, posted: boolean): FormValue {
  if (!posted) return value;
  const out = { ...value };
  for (const [name, s] of Object.entries(schema.properties ?? {}))
    if (s.type === 'boolean' && out[name] === undefined) out[name] = 'false';
  return out;
}

/**
 * A waiting request edited in its form: each field the form showed replaces the request's own (an
 * emptied one removes it, so its default applies); what the form did not show stays as it was.
 */
export function overlayEdited(
  original: Record<string, unknown>,
  value: FormValue,
  schema: FieldSchema,
): Record<string, unknown> {
  const out = structuredClone(original);
  for (const key of Object.keys(value)) {
    if (!schema.properties?.[key] || NEVER_SHOWN.has(key)) continue;
    const converted = toolInput({ [key]: value[key] }, schema)[key];
    if (converted === undefined) delete out[key];
    else out[key] = converted;
  }
  return out;
}
