/** The statuses a supplier bill goes through; its own module so the texts and the rules both read it. */
export const BILL_STATUSES = ['draft', 'booked', 'approved', 'partially_paid', 'paid', 'cancelled'] as const;
export type BillStatus = (typeof BILL_STATUSES)[number];
