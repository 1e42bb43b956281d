/** Company settings: what the company is and how much the AI may do alone, and who may do what. */
import { getSettings } from './get-settings.ts';
import { inviteUser } from './invite-user.ts';
import { listUsers } from './list-users.ts';
import { setExchangeRate } from './set-exchange-rate.ts';
import { updateCompany } from './update-company.ts';
import { updateReminderSchedule } from './update-reminder-schedule.ts';
import { updateSettings } from './update-settings.ts';
import { updateUser } from './update-user.ts';

export const settingsTools = [
  getSettings,
  updateSettings,
  updateCompany,
  listUsers,
  updateUser,
  inviteUser,
  setExchangeRate,
  updateReminderSchedule,
];
