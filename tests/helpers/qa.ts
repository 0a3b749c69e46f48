import type { FormDefinition } from '../../schemas/forms.ts';
import type { Role } from '../../schemas/roles.ts';
import { addUser, signIn, type TestEnv } from './runtime.ts';

/** A small form: greet (2), ident (1, section critical), tone 1..5 (2, N/A), debt (3, form critical), readback (1, N/A). */
export const TEST_FORM: FormDefinition = {
  sections: [
    {
      id: 'opening',
      title: 'Opening',
      questions: [
        {
          id: 'greet',
          text: 'Greeted by the script',
          help: null,
          type: 'yes_no',
          weight: 2,
          allowNa: false,
          critical: 'none',
        },
        {
          id: 'ident',
          text: 'Identified the client',
          help: null,
          type: 'yes_no',
          weight: 1,
          allowNa: false,
          critical: 'section',
        },
        {
          id: 'tone',
          text: 'Tone',
          help: null,
          type: 'scale',
          min: 1,
          max: 5,
          weight: 2,
          allowNa: true,
          critical: 'none',
        },
      ],
    },
    {
      id: 'order',
      title: 'Order',
      questions: [
        {
          id: 'debt',
          text: 'Checked the debt',
          help: null,
          type: 'yes_no',
          weight: 3,
          allowNa: true,
          critical: 'form',
        },
        {
          id: 'readback',
          text: 'Read the order back',
          help: null,
          type: 'yes_no',
          weight: 1,
          allowNa: true,
          critical: 'none',
        },
      ],
    },
  ],
};
export const PERFECT = { greet: true, ident: true, tone: 5, debt: true, readback: true };

/** A JSON client for one signed-in user. */
export interface As {
  get(url: string): Promise<Response>;
  send(method: string, url: string, body?: unknown): Promise<Response>;
  post(url: string, body?: unknown): Promise<Response>;
  put(url: string, body?: unknown): Promise<Response>;
}

export function client(env: TestEnv, cookie: string): As {
  const send = async (method: string, url: string, body?: unknown) =>
    env.app.request(url, {
      method,
      headers: { cookie, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    get: async (url) => env.app.request(url, { headers: { cookie } }),
    send,
    post: (url, body) => send('POST', url, body ?? {}),
    put: (url, body) => send('PUT', url, body ?? {}),
  };
}

/** Creates a user of the role and signs him in. */
export async function as(
  env: TestEnv,
  username: string,
  role: Role,
  operatorId: string | null = null,
): Promise<As> {
  return client(env, await signIn(env, username, await addUser(env, username, role, operatorId)));
}

/** Reads a JSON body with its status, so a failed expectation shows the server's message. */
export async function json<T = Record<string, unknown>>(
  res: Response | Promise<Response>,
): Promise<{ status: number; body: T }> {
  const r = await res;
  return { status: r.status, body: (await r.json()) as T };
}
