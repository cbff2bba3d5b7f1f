// The unit's settings (unit name, language …): read through CoreState.settings(), written here — by
// the settings page and by first-run setup, which names the unit.
import type { Db } from './open';
import type { Settings } from '../contract/settings';

export function writeSettings(db: Db, values: Partial<Settings>) {
  const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  for (const [k, v] of Object.entries(values)) if (v !== undefined) put.run(k, JSON.stringify(v));
}
