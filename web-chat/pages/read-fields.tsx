/**
 * What was read from a bill's document, field by field, with how sure the reading is: fields under
 * the review threshold are marked "to check" in words and in colour, so the approver looks at those
 * first. Confidences are calibrated (tools/documents/calibration.ts): 90 % means right about nine
 * times in ten on the extraction eval.
 */
import type { ProposalPreview } from '../../tools/actions/preview.ts';
import type { Lang } from '../../tools/context.ts';
import { REVIEW_BELOW } from '../../tools/documents/calibration.ts';
import { catalogue, tr, type MessageKey } from '../i18n.ts';

/** The fields an approver checks a bill against, in reading order. */
const SHOWN = [
  'supplierName',
  'invoiceNumber',
  'invoiceDate',
  'dueDate',
  'currency',
  'subtotal',
  'totalTax',
  'total',
  'amountDue',
  'buyerName',
] as const;

const percent = (x: number, lang: Lang) => (lang === 'fr' ? `${Math.round(x * 100)} %` : `${Math.round(x * 100)}%`);

export function ReadFields({ document, lang }: { document: ProposalPreview['document']; lang: Lang }) {
  const t = catalogue[lang];
  const byName = new Map((document?.readFields ?? []).map((f) => [f.field, f]));
  const fields = SHOWN.flatMap((name) => (byName.has(name) ? [byName.get(name)!] : []));
  if (fields.length === 0) return null;
  const low = fields.filter((f) => f.confidence < REVIEW_BELOW).length;
  return (
    <div class="read-fields">
      <h4>{t.readFieldsTitle}</h4>
      <p class="muted">{low ? tr(lang, 'readFieldsToCheck', { n: low }) : t.readFieldsAllSure}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.readFieldsField}</th>
            <th scope="col">{t.readFieldsValue}</th>
            <th scope="col">{t.readFieldsConfidence}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => {
            const unsure = f.confidence < REVIEW_BELOW;
            return (
              <tr class={unsure ? 'low-confidence' : undefined} data-field={f.field}>
                <th scope="row">{t[`readField_${f.field}` as MessageKey]}</th>
                <td>{f.value}</td>
                <td>
                  {percent(f.confidence, lang)}
                  {unsure ? <strong class="to-check"> · {t.readFieldsCheck}</strong> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
