/** Every background job of Comptoir: the one list both the Inngest server and the in-process runner use. */
import type { JobClient } from './client.ts';
import { approvalExpiry } from './functions/approval-expiry.ts';
import { overdueInvoicesJob, recurringInvoicesJob } from './functions/invoicing.ts';
import { notifyApprovers } from './functions/notify-approvers.ts';
import { toInngestFunction, type Job, type JobDeps } from './job.ts';

export function jobDefinitions(deps: JobDeps): Job[] {
  return [approvalExpiry(deps), notifyApprovers(deps), recurringInvoicesJob(deps), overdueInvoicesJob(deps)] as Job[];
}

export const inngestFunctions = (client: JobClient, deps: JobDeps) => jobDefinitions(deps).map((job) => toInngestFunction(client, job));
