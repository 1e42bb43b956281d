import { describe, expect, it } from 'vitest';
import { approveBill } from '../../../tools/bills/approve-bill.ts';
import { createOrder } from '../../../tools/purchasing/create-order.ts';
import { actionsFor } from '../../../web-chat/pages/action-buttons.tsx';
import {
  editLines,
  formValue,
  inputSchema,
  overlayEdited,
  toolInput,
  uncheckedBoxes,
} from '../../../web-chat/pages/action-form.tsx';

const SUPPLIER = '7d2c1f8e-0a59-4a7e-9a51-2f1b3c4d5e6f';
const PRODUCT = '0b6f3b4e-5d0c-4c2f-8f3e-1a2b3c4d5e6f';
const order = inputSchema(createOrder);

describe('a tool form read back into the tool input', () => {
  it('nests fields by path, keeps the picked ids, drops what is empty and fields the tool does not have', () => {
    const value = formValue(
      {
        _csrf: 'x',
        'f.supplierId': SUPPLIER,
        'f.lines.0.productId': PRODUCT,
        'f.lines.0.description': ' Chaise ',
        'f.lines.0.quantity': '2',
        'f.lines.0.unitPrice': '',
        'f.lines.1.description': '',
        'f.lines.1.quantity': '',
        'f.notes': '',
        'f.forged': 'x',
      },
      order,
    );
    expect(toolInput(value, order)).toEqual({
      supplierId: SUPPLIER,
      lines: [{ productId: PRODUCT, description: 'Chaise', quantity: '2' }],
    });
  });

  it('adds an empty line and removes the one asked, keeping what was typed in the others', () => {
    const value = { lines: [{ description: 'A' }, { description: 'B' }, { description: 'C' }] };
    expect(editLines(value, 'lines', undefined)).toEqual({
      lines: [{ description: 'A' }, { description: 'B' }, { description: 'C' }, {}],
    });
    expect(editLines(value, undefined, 'lines.1')).toEqual({ lines: [{ description: 'A' }, { description: 'C' }] });
    expect(value.lines).toHaveLength(3);
  });

  it('reads an unticked box as no, and a ticked one as yes', () => {
    const bill = inputSchema(approveBill);
    expect(toolInput(uncheckedBoxes(formValue({ 'f.billId': SUPPLIER }, bill), bill, true), bill)).toEqual({
      billId: SUPPLIER,
      acceptMismatch: false,
    });
    expect(toolInput(formValue({ 'f.acceptMismatch': 'true' }, bill), bill)).toEqual({ acceptMismatch: true });
  });

  it('edits a waiting request: shown fields replace, an emptied one is removed, unshown ones stay', () => {
    const original = {
      supplierId: SUPPLIER,
      lines: [{ description: 'Chaise', quantity: '2' }],
      notes: 'Urgent',
      orderDate: '2026-12-01',
    };
    const edited = overlayEdited(
      original,
      {
        lines: [
          { description: 'Chaise', quantity: '3' },
          { description: 'Lampe', quantity: '1' },
        ],
        notes: '',
      },
      order,
    );
    expect(edited).toEqual({
      supplierId: SUPPLIER,
      lines: [
        { description: 'Chaise', quantity: '3' },
        { description: 'Lampe', quantity: '1' },
      ],
      orderDate: '2026-12-01',
    });
    expect(original.notes).toBe('Urgent');
  });
});

describe('the actions offered on a record', () => {
  const ids = (o: ReturnType<typeof actionsFor>) => o.map((a) => a.tool);
  it.each([
    {
      kind: 'purchase_order',
      status: 'draft',
      role: 'buyer',
      expect: ['purchasing_submit_order', 'purchasing_cancel_order'],
    },
    {
      kind: 'purchase_order',
      status: 'approved',
      role: 'buyer',
      expect: ['purchasing_send_order', 'purchasing_cancel_order'],
    },
    {
      kind: 'purchase_order',
      status: 'sent',
      role: 'manager',
      expect: ['purchasing_receive_items', 'purchasing_cancel_order'],
    },
    { kind: 'purchase_order', status: 'completed', role: 'admin', expect: [] },
    { kind: 'bill', status: 'draft', role: 'accountant', expect: ['bills_approve_bill'] },
    { kind: 'bill', status: 'approved', role: 'accountant', expect: ['bills_pay_bill'] },
    { kind: 'bill', status: 'paid', role: 'accountant', expect: [] },
    { kind: 'invoice', status: 'draft', role: 'accountant', expect: ['invoicing_send_invoice'] },
    {
      kind: 'invoice',
      status: 'overdue',
      role: 'accountant',
      expect: ['invoicing_record_payment', 'reminders_send_reminder', 'invoicing_create_credit_note'],
    },
    { kind: 'invoice', status: 'overdue', role: 'viewer', expect: [] },
    { kind: 'document', status: 'extracted', role: 'accountant', expect: ['bills_record_supplier_bill'] },
    { kind: 'document', status: 'booked', role: 'accountant', expect: [] },
  ] as const)('$kind $status for a $role: $expect', (row) => {
    expect(ids(actionsFor({ kind: row.kind, id: SUPPLIER, status: row.status }, row.role, 'en'))).toEqual(row.expect);
  });

  it('posts at once what needs nothing more, and opens a form, with the record chosen, for the rest', () => {
    const offered = actionsFor({ kind: 'purchase_order', id: SUPPLIER, status: 'sent' }, 'buyer', 'fr');
    expect(offered[0]).toMatchObject({
      label: 'Enregistrer une réception',
      href: `/app/do/purchasing_receive_items?orderId=${SUPPLIER}`,
    });
    const submit = actionsFor({ kind: 'purchase_order', id: SUPPLIER, status: 'draft' }, 'buyer', 'en')[0];
    expect(submit).toMatchObject({ label: 'Submit for approval', href: null, param: 'orderId' });
  });
});
