/** Every background job of Comptoir: the one list both the Inngest server and the in-process runner use. */
import type { JobClient } from './client.ts';
import { approvalExpiry } from './functions/approval-expiry.ts';
import { overdueInvoicesJob, recurringInvoicesJob } from './functions/invoicing.ts';
import { billIntake } from './functions/bill-intake.ts';
import { intakeSweep } from './functions/intake-sweep.ts';
import { deliverMail, emailChat, pollMailbox } from './functions/email.ts';
import { notifyApprovers } from './functions/notify-approvers.ts';
import { paymentRemindersJob } from './functions/reminders.ts';
import { toInngestFunction, type Job, type JobDeps } from './job.ts';
// Jobs decide and notify about actions, which finds their tools by name (tools/tool-lookup.ts).
import '../tools/registry.ts';

export function jobDefinitions(deps: JobDeps): Job[] {
  const jobs: Job[] = [
    approvalExpiry(deps),
    notifyApprovers(deps),
    recurringInvoicesJob(deps),
    overdueInvoicesJob(deps),
    paymentRemindersJob(deps),
    emailChat(deps),
    billIntake(deps),
    intakeSweep(deps),
  ] as Job[];
  // Optional features: their jobs exist only when their servers are configured.
  const c = deps.config;
  if (c?.SMTP_URL) jobs.push(deliverMail({ ...deps, config: { ...c, SMTP_URL: c.SMTP_URL } }) as Job);
  if (c?.IMAP_URL) jobs.push(pollMailbox({ ...deps, config: { ...c, IMAP_URL: c.IMAP_URL } }) as Job);
  return jobs;
}

export const inngestFunctions = (client: JobClient, deps: JobDeps) =>
  jobDefinitions(deps).map((job) => toInngestFunction(client, job));
