/**
 * Emails approval requests: every minute, and at once when an action is queued or escalated
 * (event `comptoir/action.queued`, which only narrows the scan to that company). The scan reads the
 * in-app notifications the door wrote with the queued action and writes what is missing to the
 * outbox; see tools/actions/approval-emails.ts for why a scan rather than the event carries the work.
 */
import { NonRetriableError } from 'inngest';
import { z } from 'zod';
import { emailApprovers } from '../../tools/actions/approval-emails.ts';
import { defineJob, type JobDeps } from '../job.ts';

export const ACTION_QUEUED_EVENT = 'comptoir/action.queued';

export const ActionQueuedData = z.object({ tenantId: z.string().uuid(), actionId: z.string().uuid().optional() });

export const notifyApprovers = (deps: JobDeps) =>
  defineJob({
    id: 'notify-approvers',
    name: 'Email approval requests',
    triggers: [{ cron: '* * * * *' }, { event: ACTION_QUEUED_EVENT }],
    handler: async ({ event, step }) => {
      let tenantId: string | undefined;
      if (event.name === ACTION_QUEUED_EVENT) {
        const data = ActionQueuedData.safeParse(event.data);
        // Retrying cannot fix a malformed event; the minute scan still covers every company.
        if (!data.success)
          throw new NonRetriableError(
            `Invalid ${ACTION_QUEUED_EVENT} event: ${data.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
          );
        tenantId = data.data.tenantId;
      }
      return step.run('email-approvers', () =>
        emailApprovers(deps.db, { publicUrl: deps.publicUrl, now: deps.now(), tenantId }),
      );
    },
  });
