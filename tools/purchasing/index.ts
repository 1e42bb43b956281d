/** Purchasing: suppliers, product categories and products, purchase orders from draft to completion. */
import { cancelOrder } from './cancel-order.ts';
import { completeOrder } from './complete-order.ts';
import { confirmOrder } from './confirm-order.ts';
import { createCategory } from './create-category.ts';
import { createOrder } from './create-order.ts';
import { createProduct } from './create-product.ts';
import { createSupplier } from './create-supplier.ts';
import { findProducts } from './find-products.ts';
import { findSuppliers } from './find-suppliers.ts';
import { getOrder } from './get-order.ts';
import { listCategories } from './list-categories.ts';
import { listOrders } from './list-orders.ts';
import { receiveItems } from './receive-items.ts';
import { sendOrder } from './send-order.ts';
import { submitOrder } from './submit-order.ts';
import { updateProduct } from './update-product.ts';
import { updateSupplier } from './update-supplier.ts';

export const purchasingTools = [
  findSuppliers,
  createSupplier,
  updateSupplier,
  listCategories,
  createCategory,
  findProducts,
  createProduct,
  updateProduct,
  createOrder,
  getOrder,
  listOrders,
  submitOrder,
  sendOrder,
  confirmOrder,
  receiveItems,
  cancelOrder,
  completeOrder,
];
