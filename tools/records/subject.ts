/**
 * Which record an action concerns: the stored column ai_actions.subject_id (the id in its input —
 * orderId, invoiceId, billId — or, for an action that created the record, the id in its result).
 */
import { aiActions } from '../../db/schema/index.ts';

export const actionSubject = aiActions.subjectId;
