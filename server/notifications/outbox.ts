import nodemailer from 'nodemailer';
import type { Db } from '../../stores/sqlite.ts';

export interface OutboxOptions {
  /** How often the loop looks for mail due. */
  pollMs?: number;
  /** The wait after a first failure; doubled with each further one, up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Seconds-scale limits for one SMTP conversation, so a server that hangs does not hold the loop. */
  timeoutMs?: number;
}

/** The wait before the next try after `attempts` failures. */
export const backoff = (attempts: number, base: number, max: number) =>
  Math.min(max, base * 2 ** Math.max(0, attempts - 1));

/**
 * Sends the e-mails of `notification_outbox` in the background. A row is marked sent only when
 * the SMTP server accepted it; a failure is kept with its error and tried again later, the wait
 * doubling each time (capped), so nothing is lost while the server is down and no request ever
 * waits on it. One process holds the data directory, so one loop sends.
 */
export class Outbox {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private readonly pollMs: number;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly timeoutMs: number;

  constructor(
    private readonly db: Db,
    opts: OutboxOptions = {},
  ) {
    this.pollMs = opts.pollMs ?? 5000;
    this.backoffMs = opts.backoffMs ?? 30_000;
    this.maxBackoffMs = opts.maxBackoffMs ?? 3_600_000;
    this.timeoutMs = opts.timeoutMs ?? 20_000;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private schedule(ms: number) {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.drain()
        .then(() => undefined)
        .catch((e: unknown) => console.warn(`sending notification e-mail: ${String(e)}`))
        .finally(() => {
          this.running = null;
          this.schedule(this.pollMs);
        });
    }, ms);
  }

  /** Tries every row due now, once; returns how many were sent and how many failed. */
  async drain(): Promise<{ sent: number; failed: number }> {
    const smtp = await this.db.selectFrom('smtp_config').selectAll().where('id', '=', 1).executeTakeFirst();
    if (!smtp) return { sent: 0, failed: 0 };
    const now = new Date().toISOString();
    const due = await this.db
      .selectFrom('notification_outbox')
      .selectAll()
      .where('sent_at', 'is', null)
      .where('next_attempt_at', '<=', now)
      .orderBy('id')
      .limit(50)
      .execute();
    if (!due.length) return { sent: 0, failed: 0 };
    const transport = nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure === 1,
      ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password } } : {}),
      connectionTimeout: this.timeoutMs,
      greetingTimeout: this.timeoutMs,
      socketTimeout: this.timeoutMs,
    });
    let sent = 0;
    let failed = 0;
    try {
      for (const row of due) {
        try {
          await transport.sendMail({
            from: smtp.from_address,
            to: row.to_address,
            subject: row.subject,
            text: row.body,
          });
          await this.db
            .updateTable('notification_outbox')
            .set({ sent_at: new Date().toISOString(), attempts: row.attempts + 1, last_error: null })
            .where('id', '=', row.id)
            .execute();
          sent++;
        } catch (e) {
          const attempts = row.attempts + 1;
          const next = new Date(Date.now() + backoff(attempts, this.backoffMs, this.maxBackoffMs));
          await this.db
            .updateTable('notification_outbox')
            .set({
              attempts,
              next_attempt_at: next.toISOString(),
              last_error: String(e instanceof Error ? e.message : e).slice(0, 500),
            })
            .where('id', '=', row.id)
            .execute();
          failed++;
        }
      }
    } finally {
      transport.close();
    }
    return { sent, failed };
  }
}
