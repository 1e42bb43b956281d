/** Supplier bills (accounts payable): record from a document or by hand, approve, pay. */
import { approveBill } from './approve-bill.ts';
import { getBill } from './get-bill.ts';
import { listBills } from './list-bills.ts';
import { payBill } from './pay-bill.ts';
import { recordBill } from './record-bill.ts';

export const billTools = [recordBill, getBill, listBills, approveBill, payBill];
