/**
 * The chat over JSON and Server-Sent Events: a turn streams its events (conversation, tool_call,
 * tool_result, token) and ends with "done" and the stored reply; history lists the person's own
 * conversations. Dropping a bill stores it as a document and, when the documents area can read
 * bills, reads it at once.
 */
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { chatTurn, type ChatEvent } from '../../agent/chat.ts';
import { chatModelFrom, type ChatModel } from '../../agent/model.ts';
import { conversationMessages, listConversations } from '../../tools/conversations/store.ts';
import { assertDocumentSize } from '../../tools/documents/store.ts';
import { storeRefusals } from '../../tools/documents/texts.ts';
import { errorBody, invalid } from '../../tools/errors.ts';
import { registry } from '../../tools/registry.ts';
import { storeUpload } from '../../tools/uploads/uploads.ts';
import type { WebEnv } from '../browser-session.ts';
import type { AppDeps } from '../../http/deps.ts';
import { jsonOf } from '../request-body.ts';
import { readUpload } from './read-upload.ts';

const Turn = z.object({ conversationId: z.string().uuid().optional(), text: z.string().trim().min(1).max(8000) });

export function modelFor(deps: AppDeps): () => ChatModel | null {
  if (deps.chatModel) return deps.chatModel;
  const choice = chatModelFrom(deps.config);
  return () => choice.model;
}

export function chatRoutes(deps: AppDeps) {
  const model = modelFor(deps);
  return new Hono<WebEnv>()
    .post('/chat', async (c) => {
      const parsed = Turn.safeParse(await jsonOf(c));
      if (!parsed.success)
        throw invalid(
          `Invalid chat message: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        );
      const session = c.get('session');
      return streamSSE(c, async (stream) => {
        const send = (event: string, data: unknown) => stream.writeSSE({ event, data: JSON.stringify(data) });
        // Events arrive while tools run; writing them in order keeps the page's story straight.
        let queue = Promise.resolve();
        const onEvent = (e: ChatEvent) => {
          queue = queue.then(() => send(e.type, e));
        };
        // The person closed the page: the agent stops before its next tool call (writes already made stay, recorded).
        const leave = new AbortController();
        stream.onAbort(() => leave.abort());
        try {
          const reply = await chatTurn(
            session,
            { model: model(), registry, signal: leave.signal },
            parsed.data,
            onEvent,
          );
          await queue;
          await send('done', reply);
        } catch (err) {
          await queue;
          await send('error', errorBody(err).error);
        }
      });
    })
    .get('/conversations', async (c) => {
      const rows = await listConversations(c.get('session'));
      return c.json({
        conversations: rows.map((r) => ({ id: r.id, title: r.title, updatedAt: r.updatedAt.toISOString() })),
      });
    })
    .get('/conversations/:id', async (c) => {
      const rows = await conversationMessages(c.get('session'), c.req.param('id'));
      return c.json({
        messages: rows.map((m) => ({
          id: m.id,
          role: m.role,
          content: m.content,
          toolCalls: m.toolCalls ?? [],
          actionIds: m.actionIds,
          createdAt: m.createdAt.toISOString(),
        })),
      });
    })
    .post('/upload', async (c) => {
      const session = c.get('session');
      const say = storeRefusals[session.lang];
      // The request as a whole is bounded while it is read (http/body-limits.ts); the file itself here.
      const body = await c.req.parseBody();
      const file = body.file;
      if (!(file instanceof File)) throw invalid(say.notMultipart);
      assertDocumentSize(file.name, file.size, session.lang);
      const stored = await storeUpload(session, {
        filename: file.name || 'upload',
        declaredType: file.type,
        content: Buffer.from(await file.arrayBuffer()),
      });
      const reading =
        stored.status === 'received' ? await readUpload(session, stored.id) : { available: false as const };
      return c.json({ document: stored, reading }, 201);
    });
}
