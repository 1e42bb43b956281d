/** Purchasing: suppliers and purchase orders. */
import { createOrder } from './create-order.ts';
import { createSupplier } from './create-supplier.ts';
import { findSuppliers } from './find-suppliers.ts';
import { getOrder } from './get-order.ts';
import { listOrders } from './list-orders.ts';
import { submitOrder } from './submit-order.ts';

export const purchasingTools = [findSuppliers, createSupplier, createOrder, getOrder, listOrders, submitOrder];
