/** The action queue as tools: list and read. Deciding (approve, reject) is a person's act, wired by each frontend. */
import { getAction } from './get-action.ts';
import { listActions } from './list-actions.ts';

export const actionTools = [listActions, getAction];
