import { readFileSync } from 'node:fs';
import { ROLES, role as roleSchema } from '../../../schemas/roles.ts';
import { env, resolveDataDir } from '../../config.ts';
import { openDataDir } from '../../runtime.ts';
import { listUsers } from '../../users/users.repository.ts';
import { createUser } from '../../users/users.service.ts';
import { cliArgs, UsageError } from '../args.ts';

/** The password comes from CALLSCORE_PASSWORD or standard input, never from the command line. */
function readPassword(): string {
  if (env.CALLSCORE_PASSWORD) return env.CALLSCORE_PASSWORD;
  if (process.stdin.isTTY)
    throw new UsageError('pipe the password on standard input or set CALLSCORE_PASSWORD');
  const text = readFileSync(0, 'utf8').split(/\r?\n/)[0] ?? '';
  if (!text) throw new UsageError('no password on standard input');
  return text;
}

export async function usersCommand(argv: string[]) {
  const { values, positionals } = cliArgs(argv, {
    role: { type: 'string' },
    operator: { type: 'string' },
    name: { type: 'string' },
  });
  const [action, username] = positionals;
  if (action === 'list') {
    const rt = await openDataDir(resolveDataDir(values.data));
    try {
      for (const u of await listUsers(rt.db)) {
        console.log(`${u.username.padEnd(16)} ${u.role.padEnd(9)} ${u.operator_id ?? ''}`);
      }
    } finally {
      await rt.close();
    }
    return;
  }
  if (action !== 'add' || !username) {
    throw new UsageError(
      'callscore users add NAME --role ROLE [--operator ID] [--name "Display Name"] | users list',
    );
  }
  const parsedRole = roleSchema.safeParse(values.role);
  if (!parsedRole.success) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  const password = readPassword();
  const rt = await openDataDir(resolveDataDir(values.data));
  try {
    const user = await createUser(
      rt.db,
      {
        username,
        role: parsedRole.data,
        operatorId: values.operator ?? null,
        password,
        ...(values.name ? { displayName: values.name } : {}),
      },
      'cli',
    );
    console.log(`user ${user.username} (${user.role}) created`);
  } finally {
    await rt.close();
  }
}
