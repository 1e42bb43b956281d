/** Company settings: what the company is and how much the AI may do alone. */
import { getSettings } from './get-settings.ts';

export const settingsTools = [getSettings];
