import { z } from 'zod';

export const ROLES = ['admin', 'qa_lead', 'qa', 'head', 'payroll', 'operator'] as const;
export const role = z.enum(ROLES, { error: `is not a role (${ROLES.join(', ')})` });
export type Role = z.infer<typeof role>;
