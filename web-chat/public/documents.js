// Documents received (dropped in the chat, emailed, sent over MCP): status, and what extraction read,
// each field highlighted by its confidence.
import { api, confidenceClass, dateTime, el, percent, t } from './common.js';
import { fieldsTable } from './chat.js';

const size = (bytes) =>
  bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`;

export async function render(root) {
  const { documents } = await api('GET', '/documents');
  root.replaceChildren(
    el('h1', {}, t('documentsTitle')),
    documents.length
      ? el(
          'table',
          { class: 'grid documents' },
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              [
                t('colFile'),
                t('colSource'),
                t('colSize'),
                t('colStatus'),
                t('colConfidence'),
                t('colDate'),
                t('extracted'),
              ].map((h) => el('th', {}, h)),
            ),
          ),
          el(
            'tbody',
            {},
            documents.map((d) =>
              el(
                'tr',
                { dataset: { documentId: d.id } },
                el(
                  'td',
                  {},
                  d.filename,
                  // Read but no bill made of it (an unknown supplier, a field missing): a person records it from the reading.
                  d.status === 'extracted' && d.extraction?.fields
                    ? el(
                        'div',
                        {},
                        el(
                          'a',
                          { class: 'button record-bill', href: `/app/do/bill-from-document/${d.id}` },
                          t('recordThisBill'),
                        ),
                      )
                    : d.error
                      ? el('div', { class: 'error-text' }, d.error)
                      : '',
                ),
                el('td', {}, t(`source_${d.source}`)),
                el('td', { class: 'num' }, size(d.sizeBytes)),
                el('td', {}, el('span', { class: `badge doc-${d.status}` }, t(`doc_${d.status}`))),
                el('td', { class: `num confidence ${confidenceClass(d.confidence)}` }, percent(d.confidence)),
                el('td', {}, dateTime(d.createdAt)),
                el(
                  'td',
                  {},
                  d.extraction?.fields
                    ? fieldsTable(d.extraction.fields)
                    : el('span', { class: 'muted' }, t('notExtracted')),
                ),
              ),
            ),
          ),
        )
      : el('p', { class: 'empty' }, t('documentsEmpty')),
  );
}
