/** Pure rules of purchase orders: which status may follow which. */
export const ORDER_STATUSES = [
  'draft', 'pending_approval', 'approved', 'sent', 'confirmed', 'partially_received', 'received', 'invoiced',
  'completed', 'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** The lifecycle: draft → approved → sent → confirmed → (partially) received → invoiced → completed, or cancelled. */
const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  draft: ['pending_approval', 'approved', 'cancelled'],
  pending_approval: ['approved', 'draft', 'cancelled'],
  approved: ['sent', 'cancelled'],
  sent: ['confirmed', 'partially_received', 'received', 'cancelled'],
  confirmed: ['partially_received', 'received', 'cancelled'],
  partially_received: ['partially_received', 'received'],
  received: ['invoiced', 'completed'],
  invoiced: ['completed'],
  completed: [],
  cancelled: [],
};

export const canMove = (from: OrderStatus, to: OrderStatus): boolean => NEXT[from].includes(to);
export const nextStatuses = (from: OrderStatus): readonly OrderStatus[] => NEXT[from];
