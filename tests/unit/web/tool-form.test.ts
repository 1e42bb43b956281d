import { describe, expect, it } from 'vitest';
import { createOrder } from '../../../tools/purchasing/create-order.ts';
import { editedInput, errorsByPath, schemaOf } from '../../../web-chat/pages/tool-form.tsx';

const original = {
  supplierId: '7d2c1f8e-0a59-4a7e-9a51-2f1b3c4d5e6f',
  lines: [
    { productId: '0b6f3b4e-5d0c-4c2f-8f3e-1a2b3c4d5e6f', description: 'Chaise', quantity: '2', unitPrice: '100.00' },
  ],
  notes: 'Urgent',
};

describe('a tool request edited in its form', () => {
  it('lays each field over the request at its path, keeps the ids, and drops what was emptied', () => {
    const edited = editedInput(
      original,
      {
        _csrf: 'x',
        'f.lines.0.quantity': '3',
        'f.lines.0.description': ' Chaise ergonomique ',
        'f.notes': '',
        'f.expectedOn': '2026-12-20',
        // Ids are references, not typed by hand: a forged field does not change them.
        'f.supplierId': '00000000-0000-0000-0000-000000000000',
      },
      schemaOf(createOrder),
    );
    expect(edited).toEqual({
      supplierId: original.supplierId,
      lines: [{ ...original.lines[0], quantity: '3', description: 'Chaise ergonomique' }],
      expectedOn: '2026-12-20',
    });
    expect(original.notes).toBe('Urgent');
  });

  it('files the door’s validation errors under the field they name', () => {
    expect(
      errorsByPath({ issues: [{ path: ['lines', 0, 'quantity'], message: 'Quantity as a decimal string' }] }),
    ).toEqual({ 'lines.0.quantity': 'Quantity as a decimal string' });
  });
});
