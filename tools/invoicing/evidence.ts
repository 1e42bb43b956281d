/** Evidence invoicing tools add to an action, so a manager sees why the AI was or was not trusted. */
import type { EvidenceFactor } from '../../db/schema/actions.ts';
import type { ToolCtx } from '../context.ts';
import { overCreditLimit } from './model.ts';
import { owedBy, type ClientRow } from './queries.ts';
import { invoicingEvidence, moneyFor } from './texts.ts';

/**
 * A client over its credit limit is a reason for a person to look before more is billed or sent:
 * the factor lowers confidence, which queues the action at the supervised and full levels.
 */
export async function creditEvidence(
  ctx: ToolCtx,
  client: ClientRow,
  newCents: bigint,
  alreadyCounted = false,
): Promise<EvidenceFactor[]> {
  if (client.creditLimitCents === null) return [];
  const owed = await owedBy(ctx.db, client.id);
  const adding = alreadyCounted ? 0n : newCents;
  const money = moneyFor(ctx.lang, client.country, client.currency);
  const say = invoicingEvidence[ctx.lang];
  const amounts = [money(owed), money(owed + adding), money(client.creditLimitCents)] as const;
  if (!overCreditLimit(client.creditLimitCents, owed, adding)) {
    return [{ factor: 'within_credit_limit', weight: 0.05, detail: say.withinCreditLimit(client.name, ...amounts) }];
  }
  return [{ factor: 'credit_limit_exceeded', weight: -0.4, detail: say.creditLimitExceeded(client.name, ...amounts) }];
}
