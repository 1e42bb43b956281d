/**
 * Bill intake: a document received (email attachment, upload) is read and its bill proposed through
 * the action door. The document's status, not the job engine, says how far it got; a redelivered
 * event finds the document already claimed and does nothing.
 */
import { NonRetriableError } from 'inngest';
import { z } from 'zod';
import { DOCUMENT_RECEIVED_EVENT } from '../../email/events.ts';
import { readBill } from '../../tools/intake/read-bill.ts';
import { defineJob, type JobDeps } from '../job.ts';

const Data = z.object({
  tenantId: z.string().uuid(),
  documentId: z.string().uuid(),
  source: z.enum(['email', 'chat', 'mcp', 'rest']).default('email'),
});

export const billIntake = (deps: JobDeps) =>
  defineJob({
    id: 'bill-intake',
    name: 'Read a supplier bill and propose it',
    triggers: [{ event: DOCUMENT_RECEIVED_EVENT }],
    retries: 2,
    handler: async ({ event, step }) => {
      const data = Data.safeParse(event.data);
      if (!data.success) throw new NonRetriableError(`Invalid ${DOCUMENT_RECEIVED_EVENT} event: ${data.error.message}`);
      const { tenantId, documentId, source } = data.data;
      return step.run('read-and-propose', async () => {
        const outcome = await readBill(deps.db, tenantId, documentId, { source, now: deps.now });
        // Keep the step result small and plain: the action's id and status, not the whole outcome.
        return 'action' in outcome
          ? { status: outcome.status, actionId: outcome.action.id, actionStatus: outcome.action.status }
          : outcome;
      });
    },
  });
