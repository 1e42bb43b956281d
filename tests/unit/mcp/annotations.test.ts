/**
 * The MCP hints are derived from each tool's definition (kind, effect, risk, openWorld) and written only
 * where they differ from the spec's defaults (readOnly false, destructive true, idempotent false,
 * openWorld true). Each row is a tool a reader can check against its definition by hand.
 */
import { describe, expect, it } from 'vitest';
import { annotationsFor } from '../../../mcp-server/register.ts';
import { registry } from '../../../tools/registry.ts';

const byName = (name: string) => registry.find((tool) => tool.name === name)!;

/** What a client reads, with the spec's defaults filled in. */
const hints = (name: string) => ({
  readOnlyHint: false,
  destructiveHint: true,
  idempotentHint: false,
  openWorldHint: true,
  ...annotationsFor(byName(name)),
});

describe('MCP annotations from the tool definition', () => {
  it.each([
    // a read: nothing changes, nothing leaves
    ['purchasing_get_order', { readOnlyHint: true, openWorldHint: false }],
    // adds a draft and changes nothing that was there
    ['purchasing_create_order', { destructiveHint: false, idempotentHint: false, openWorldHint: false }],
    ['invoicing_create_client', { destructiveHint: false, idempotentHint: false, openWorldHint: false }],
    // ends something for good: destructive; cancelling again changes nothing more
    ['purchasing_cancel_order', { destructiveHint: true, idempotentHint: true, openWorldHint: false }],
    ['invoicing_cancel_invoice', { destructiveHint: true, idempotentHint: true, openWorldHint: false }],
    ['invoicing_stop_recurring', { destructiveHint: true, idempotentHint: true, openWorldHint: false }],
    // overwrites a person's role: destructive, setting the same role again changes nothing more
    ['settings_update_user', { destructiveHint: true, idempotentHint: true, openWorldHint: false }],
    // adds a payment, but money moved is not taken back by deleting a row
    ['invoicing_record_payment', { destructiveHint: true, idempotentHint: false, openWorldHint: false }],
    ['bills_pay_bill', { destructiveHint: true, idempotentHint: false, openWorldHint: false }],
    // sends an email: open world, and sending again sends again
    ['invoicing_send_invoice', { destructiveHint: true, idempotentHint: false, openWorldHint: true }],
    ['reminders_send_reminder', { destructiveHint: true, idempotentHint: false, openWorldHint: true }],
  ])('%s', (name, expected) => {
    expect(hints(name)).toMatchObject(expected);
  });

  it('every write tool says what it does to existing records, so its hints are not the defaults by omission', () => {
    const undeclared = registry.filter((tool) => tool.kind === 'write' && tool.effect === undefined).map((t) => t.name);
    expect(undeclared).toEqual([]);
  });

  it('writes only the hints that differ from the spec defaults', () => {
    expect(annotationsFor(byName('purchasing_get_order'))).toEqual({ readOnlyHint: true, openWorldHint: false });
    expect(annotationsFor(byName('invoicing_send_invoice'))).toEqual({});
  });
});
