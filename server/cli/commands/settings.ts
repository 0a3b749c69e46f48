import { SETTING_KEYS } from '../../../schemas/settings.ts';
import { resolveDataDir } from '../../config.ts';
import { openDataDir } from '../../runtime.ts';
import { isSettingKey, readSettings, writeSetting } from '../../settings/settings.repository.ts';
import { cliArgs, UsageError } from '../args.ts';

export async function settingsCommand(argv: string[]) {
  const { values, positionals } = cliArgs(argv, {});
  const [action, key, value] = positionals;
  if (action !== 'get' && action !== 'set')
    throw new UsageError('callscore settings get [KEY] | set KEY VALUE');
  if (key !== undefined && !isSettingKey(key))
    throw new UsageError(`unknown setting "${key}"; known: ${SETTING_KEYS.join(', ')}`);
  const rt = await openDataDir(resolveDataDir(values.data));
  try {
    if (action === 'get') {
      const settings = await readSettings(rt.db);
      if (key) console.log(String(settings[key]));
      else for (const k of SETTING_KEYS) console.log(`${k}=${settings[k]}`);
      return;
    }
    if (!key || value === undefined) throw new UsageError('callscore settings set KEY VALUE');
    const settings = await writeSetting(rt.db, key, value, 'cli');
    console.log(`${key}=${settings[key]}`);
  } finally {
    await rt.close();
  }
}
