/**
 * Every 15 minutes (or on request), overdue pending actions escalate one level or expire. The work
 * and its result live in the database: a run that repeats, or overlaps another, changes nothing
 * twice. New approvers of escalated actions are then emailed without waiting for the next scan.
 */
import { expireDue } from '../../tools/actions/expiry.ts';
import { defineJob, type JobDeps } from '../job.ts';
import { ACTION_QUEUED_EVENT } from './notify-approvers.ts';

/** Ask for a run now, e.g. after changing a company's expiry settings. */
export const APPROVAL_EXPIRY_EVENT = 'comptoir/approvals.expiry-requested';

export const approvalExpiry = (deps: JobDeps) =>
  defineJob({
    id: 'approval-expiry',
    name: 'Approval expiry and escalation',
    triggers: [{ cron: '*/15 * * * *' }, { event: APPROVAL_EXPIRY_EVENT }],
    handler: async ({ step }) => {
      // The clock is read inside the step: a replayed run reuses the step's result, not a new instant.
      const { escalated, expired, escalations } = await step.run('expire-due', () => expireDue(deps.db, deps.now()));
      if (escalations.length) {
        await step.sendEvent(
          'email-new-approvers',
          escalations.map((e) => ({ name: ACTION_QUEUED_EVENT, data: { tenantId: e.tenantId, actionId: e.actionId } })),
        );
      }
      return { escalated, expired };
    },
  });
