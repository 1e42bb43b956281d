// The chat: history on the side, the conversation, a box to write in, and a drop zone for bills.
// Answers stream in (Server-Sent Events over fetch); each tool call shows as it runs, with the
// action it created, its confidence and its status.
import {
  api,
  boot,
  confidenceClass,
  el,
  message,
  percent,
  refreshPendingCount,
  statusBadge,
  t,
  titles,
} from './common.js';

let names = {};

let conversationId = null;
let log;
let historyList;

function actionBadge(action) {
  return el(
    'a',
    { class: 'action-badge', href: '/app/approvals', dataset: { actionId: action.id, status: action.status } },
    el('span', { class: 'action-number', dataset: { number: action.number } }, t('actionNumber', { n: action.number })),
    statusBadge(action.status),
    el(
      'span',
      { class: `confidence ${confidenceClass(action.confidence)}` },
      `${t('confidence')} ${percent(action.confidence)}`,
    ),
  );
}

function toolChip(call) {
  const chip = el(
    'div',
    { class: 'tool-call running', dataset: { tool: call.name, callId: call.id } },
    el('strong', {}, names[call.name] ?? call.name),
    ' ',
    el('code', { class: 'muted' }, call.name),
    el('span', { class: 'tool-state' }, t('toolRunning')),
  );
  return chip;
}

function finishChip(chip, call) {
  chip.classList.remove('running');
  chip.classList.add(call.ok ? 'ok' : 'failed');
  chip.querySelector('.tool-state').textContent = call.ok ? t('toolOk') : t('toolFailed');
  chip.append(el('div', { class: 'tool-message' }, call.message));
  if (call.action) chip.append(actionBadge(call.action));
}

function bubble(role, text) {
  const body = el('div', { class: 'text' }, text ?? '');
  const node = el(
    'article',
    { class: `msg ${role}` },
    el('header', {}, role === 'user' ? t('you') : t('assistant')),
    el('div', { class: 'tools' }),
    body,
  );
  log.append(node);
  node.scrollIntoView({ block: 'end' });
  return node;
}

function showStored(m) {
  const node = bubble(m.role === 'user' ? 'user' : 'assistant', m.content);
  for (const call of m.toolCalls ?? []) {
    const chip = toolChip(call);
    finishChip(chip, call);
    node.querySelector('.tools').append(chip);
  }
}

async function loadHistory() {
  const { conversations } = await api('GET', '/conversations');
  historyList.replaceChildren(
    ...(conversations.length
      ? conversations.map((c) =>
          el(
            'li',
            {},
            el(
              'button',
              {
                type: 'button',
                class: `link${c.id === conversationId ? ' active' : ''}`,
                onclick: () => openConversation(c.id),
              },
              c.title ?? '…',
            ),
          ),
        )
      : [el('li', { class: 'muted' }, t('noHistory'))]),
  );
}

async function openConversation(id) {
  conversationId = id;
  log.replaceChildren();
  const { messages } = await api('GET', `/conversations/${id}`);
  messages.forEach(showStored);
  await loadHistory();
}

/** Reads a text/event-stream body: yields { event, data } as each block arrives. */
async function* events(response) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      yield { event, data: data.length ? JSON.parse(data.join('\n')) : null };
    }
  }
}

async function send(text, form) {
  const input = form.querySelector('textarea');
  const button = form.querySelector('button[type=submit]');
  input.value = '';
  button.disabled = true;
  bubble('user', text);
  const answer = bubble('assistant', '');
  answer.classList.add('streaming');
  const out = answer.querySelector('.text');
  out.textContent = t('thinking');
  let streamed = '';
  const chips = new Map();
  try {
    const response = await fetch('/app/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': boot.csrf, accept: 'text/event-stream' },
      body: JSON.stringify(conversationId ? { conversationId, text } : { text }),
    });
    if (!response.ok) {
      const body = await response.json().catch(() => null);
      throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
    }
    for await (const { event, data } of events(response)) {
      if (event === 'conversation') conversationId = data.id;
      else if (event === 'tool_call') {
        const chip = toolChip(data);
        chips.set(data.id, chip);
        answer.querySelector('.tools').append(chip);
      } else if (event === 'tool_result') {
        let chip = chips.get(data.call.id);
        if (!chip) {
          chip = toolChip(data.call);
          answer.querySelector('.tools').append(chip);
        }
        finishChip(chip, data.call);
        // A request that now waits for someone's approval adds to the navigation's count.
        if (data.call.action?.status === 'pending_approval') refreshPendingCount().catch(() => {});
      } else if (event === 'token') {
        streamed += data.text;
        out.textContent = streamed;
      } else if (event === 'progress') {
        // Waiting or retrying: said under what is already written, replaced by the next words.
        out.textContent = streamed ? `${streamed}\n\n${data.text}` : data.text;
      } else if (event === 'done') {
        out.textContent = data.text;
        answer.dataset.messageId = data.messageId;
      } else if (event === 'error') {
        out.replaceChildren(message('error', data.message));
      }
      answer.scrollIntoView({ block: 'end' });
    }
  } catch (err) {
    out.replaceChildren(message('error', err.message));
  } finally {
    answer.classList.remove('streaming');
    button.disabled = false;
    input.focus();
    loadHistory();
  }
}

async function upload(file) {
  const node = bubble('user', t('dropUploading', { name: file.name }));
  node.classList.add('upload');
  const answer = bubble('assistant', '');
  const form = new FormData();
  form.append('file', file);
  try {
    const { document: doc, reading } = await api('POST', '/upload', form);
    node.querySelector('.text').textContent = t('uploadedFile', { name: doc.filename });
    const text = answer.querySelector('.text');
    text.replaceChildren(el('p', {}, t('uploadReceived', { name: doc.filename, status: t(`doc_${doc.status}`) })));
    if (doc.error) text.append(message('error', doc.error));
    if (!reading.available) text.append(el('p', { class: 'muted' }, t('uploadNotReadYet')));
    else if (reading.result?.status === 'extracted') {
      text.append(
        el(
          'p',
          {},
          t('uploadExtracted', {
            name: doc.filename,
            status: t('doc_extracted'),
            confidence: percent(reading.result.confidence),
          }),
        ),
      );
      text.append(fieldsTable(reading.result.fields));
    } else if (reading.result)
      text.append(message('error', reading.result.message?.[boot.lang] ?? JSON.stringify(reading.result)));
  } catch (err) {
    answer.querySelector('.text').replaceChildren(message('error', err.message));
  }
}

export function fieldsTable(fields = {}) {
  return el(
    'table',
    { class: 'fields' },
    el(
      'tbody',
      {},
      Object.entries(fields).map(([name, f]) =>
        el(
          'tr',
          { class: `conf-${confidenceClass(f?.confidence)}`, dataset: { field: name } },
          el('th', { title: name }, boot.fields?.[name] ?? name),
          el('td', {}, f?.value ?? ''),
          el('td', { class: 'num' }, percent(f?.confidence)),
        ),
      ),
    ),
  );
}

export async function render(root) {
  names = await titles();
  log = el('div', { class: 'log', 'aria-live': 'polite' });
  historyList = el('ul', { class: 'history' });
  const input = el('textarea', {
    name: 'text',
    rows: 2,
    placeholder: t('chatPlaceholder'),
    required: true,
    'aria-label': t('chatPlaceholder'),
  });
  const form = el('form', { class: 'composer' }, input, el('button', { type: 'submit', class: 'primary' }, t('send')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (text) send(text, form);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  const drop = el(
    'div',
    { class: `dropzone${boot.me.canWrite ? '' : ' disabled'}` },
    boot.me.canWrite ? t('dropHere') : t('viewerReadOnly'),
  );
  const fileInput = el('input', {
    type: 'file',
    accept: '.pdf,.xml,image/*',
    hidden: true,
    onchange: (e) => e.target.files[0] && upload(e.target.files[0]),
  });
  if (boot.me.canWrite) {
    drop.addEventListener('click', () => fileInput.click());
    for (const target of [drop, log]) {
      target.addEventListener('dragover', (e) => {
        e.preventDefault();
        drop.classList.add('over');
      });
      target.addEventListener('dragleave', () => drop.classList.remove('over'));
      target.addEventListener('drop', (e) => {
        e.preventDefault();
        drop.classList.remove('over');
        const file = e.dataTransfer?.files?.[0];
        if (file) upload(file);
      });
    }
  }
  const model =
    boot.model === 'none'
      ? el('p', { class: 'notice warn' }, t('modelNone'))
      : el('p', { class: 'muted model' }, t('modelLabel', { label: boot.model }));
  root.replaceChildren(
    el(
      'aside',
      { class: 'side' },
      el(
        'button',
        {
          type: 'button',
          class: 'primary wide',
          onclick: () => {
            conversationId = null;
            log.replaceChildren();
            loadHistory();
            input.focus();
          },
        },
        t('newChat'),
      ),
      el('h2', {}, t('history')),
      historyList,
    ),
    el('section', { class: 'conversation' }, model, log, drop, fileInput, form),
  );
  await loadHistory();
  input.focus();
}
