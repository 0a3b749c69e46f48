import { z } from 'zod';
import { period } from './period.ts';
import { TARGET_METRICS } from './records.ts';

/** Targets, task norms and variable-pay bases as the API shows and edits them. */

const id = z.string().trim().min(1).max(200);

export const plansQuery = z.object({ period, team: id.optional() });

export interface PlansResponse {
  period: string;
  /** true when the period is approved: its plans can no longer change. */
  locked: boolean;
  currency: string;
  targets: {
    teamId: string;
    teamName: string;
    metric: string;
    target: number;
    actual: number | null;
    achievement: number | null;
  }[];
  teamNorms: { teamId: string; teamName: string; tasksNorm: number | null }[];
  operators: {
    operatorId: string;
    name: string;
    teamId: string;
    /** The operator's own norm, if set (else the team's applies). */
    tasksNorm: number | null;
    tasksCompleted: number;
    variableBase: number | null;
  }[];
}
/** A target, a norm or a base set (`PUT /api/plans/targets|norms|bases`). */
export interface PlanSavedResponse {
  ok: true;
}

export const targetRequest = z.object({
  teamId: id,
  period,
  metric: z.enum(TARGET_METRICS, { error: `metric must be one of ${TARGET_METRICS.join(', ')}` }),
  /** null removes the target. Revenue targets are in major units, as in the targets file. */
  target: z.number().positive('must be above 0').max(1e13).nullable(),
});

export const normRequest = z.object({
  scope: z.enum(['team', 'operator']),
  subjectId: id,
  period,
  /** null removes the norm. */
  tasksNorm: z.number().int().positive('must be above 0').max(1e7).nullable(),
});

export const baseRequest = z.object({
  operatorId: id,
  period,
  /** Minor units; null removes the base. */
  variableBase: z.number().int().min(0).max(1e12).nullable(),
  currency: z
    .string()
    .trim()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code like MDL')
    .optional(),
});
