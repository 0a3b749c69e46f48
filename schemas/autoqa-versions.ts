import { z } from 'zod';

/** A stored version of the rule set, without its checks: who saved it and when. */
export interface RuleSetVersionView {
  version: number;
  createdAt: string;
  createdBy: string;
  /** How many checks it holds. */
  checks: number;
}

/** `GET /api/autoqa/rules/versions`: newest first. */
export interface RuleSetVersionsResponse {
  versions: RuleSetVersionView[];
}

export const versionParam = z.object({ version: z.coerce.number().int().min(1).max(1_000_000) });
