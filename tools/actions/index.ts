/** The action queue as tools: list, read and preview. Deciding (approve, reject) is a person's act, wired by each frontend. */
import { getAction } from './get-action.ts';
import { listActions } from './list-actions.ts';
import { previewAction } from './preview.ts';

export const actionTools = [listActions, getAction, previewAction];
