import { ROLES, role as roleSchema } from '../../../schemas/roles.ts';
import { resolveDataDir } from '../../config.ts';
import { openDataDir } from '../../runtime.ts';
import { listUsers } from '../../users/users.repository.ts';
import { createUser } from '../../users/users.service.ts';
import { cliArgs, UsageError } from '../args.ts';
import { readPassword } from '../read-password.ts';

export async function usersCommand(argv: string[]) {
  const { values, positionals } = cliArgs(argv, {
    role: { type: 'string' },
    operator: { type: 'string' },
    department: { type: 'string' },
    team: { type: 'string' },
    name: { type: 'string' },
  });
  const [action, username] = positionals;
  if (action === 'list') {
    const rt = await openDataDir(resolveDataDir(values.data));
    try {
      for (const u of await listUsers(rt.db)) {
        const limit = u.department ?? (u.team_id ? `team ${u.team_id}` : '');
        console.log(`${u.username.padEnd(16)} ${u.role.padEnd(9)} ${u.operator_id ?? limit}`);
      }
    } finally {
      await rt.close();
    }
    return;
  }
  if (action !== 'add' || !username) {
    throw new UsageError(
      'callscore users add NAME --role ROLE [--operator ID] [--department D | --team T] [--name "Display Name"] | users list',
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
        department: values.department ?? null,
        team: values.team ?? null,
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
