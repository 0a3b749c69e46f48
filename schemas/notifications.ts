import { z } from 'zod';

/** What a user is told of; each kind has its text in the app's catalogues and in the e-mail. */
export const NOTIFICATION_KINDS = [
  'evaluationReleased',
  'disputeDecided',
  'disputeOpened',
  'appealOpened',
  'coachingOpened',
  'coachingNote',
  'calibrationAsked',
  'worklistCalls',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What a message names: the evaluation, the dispute's level and decision, the session, the call. */
export const notificationParams = z.object({
  evaluationId: z.string().optional(),
  level: z.number().int().optional(),
  decision: z.enum(['upheld', 'revised']).optional(),
  coachingId: z.number().int().optional(),
  calibrationId: z.number().int().optional(),
  callId: z.string().optional(),
  by: z.string().optional(),
  /** New calls on a monitor's worklist, and their pay period. */
  count: z.number().int().optional(),
  period: z.string().optional(),
});
export type NotificationParams = z.infer<typeof notificationParams>;

export interface NotificationView {
  id: number;
  kind: NotificationKind;
  params: NotificationParams;
  /** The app's path to the thing it is about. */
  link: string;
  createdAt: string;
  read: boolean;
}

/** `GET /api/notifications`: the newest first, and how many are unread. */
export interface NotificationListResponse {
  notifications: NotificationView[];
  unread: number;
}

/** `GET /api/notifications/unread`: the bell's badge. */
export interface UnreadCountResponse {
  unread: number;
}

export const notificationsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** `PUT /api/notifications/email`: the signed-in user's own address and whether he wants e-mail. */
export const emailPreferenceRequest = z.object({
  email: z.union([z.email('email: is not an e-mail address').max(254), z.literal(''), z.null()]),
  emailOff: z.boolean(),
});
export type EmailPreferenceRequest = z.infer<typeof emailPreferenceRequest>;
export interface EmailPreferenceResponse {
  email: string | null;
  emailOff: boolean;
}

/** `GET /api/notifications/users`: every user's address and opt-out (administrator). */
export interface UserEmailsResponse {
  users: (EmailPreferenceResponse & { id: number })[];
}

/** `PUT /api/notifications/smtp`: the server e-mail goes through; password omitted keeps the stored one. */
export const smtpRequest = z.object({
  host: z.string().trim().min(1, 'host: is required').max(253),
  port: z.number().int().min(1).max(65535),
  secure: z.boolean(),
  user: z.string().max(320).default(''),
  password: z.string().max(1000).optional(),
  from: z.email('from: is not an e-mail address'),
  /** The app's address (https://qa.example.com), put before the links in e-mails. */
  appUrl: z.union([z.url('appUrl: is not a URL'), z.literal('')]).default(''),
});
export type SmtpRequest = z.infer<typeof smtpRequest>;

/** The SMTP settings as the API shows them: never the password, only whether one is stored. */
export interface SmtpView {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  passwordSet: boolean;
  from: string;
  appUrl: string;
}
export interface SmtpResponse {
  smtp: SmtpView | null;
}
