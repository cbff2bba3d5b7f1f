import type { PartialHandlers } from '../core/context';
import { LANGUAGES, settingsShape, type Settings } from '../contract/settings';
import { APP_NAME } from '../core/names';
import { writeSettings } from '../core/settings';

type Keys = 'settings.publicInfo' | 'settings.get' | 'settings.update';


export const settingsHandlers: PartialHandlers<Keys> = {
  'settings.publicInfo': (ctx) => {
    const s = ctx.core.settings();
    const initialized = !!ctx.db.prepare('SELECT 1 FROM users LIMIT 1').get();
    return {
      unitName: s.unitName,
      language: LANGUAGES.includes(s.language) ? s.language : 'zh-CN',
      initialized,
      readOnly: ctx.core.readOnly,
      readOnlyReason: ctx.core.readOnlyReason,
      appVersion: ctx.core.appVersion,
    };
  },
  'settings.get': (ctx) => ({
    settings: ctx.core.settings(),
    about: {
      app: APP_NAME,
      appVersion: ctx.core.appVersion,
      schemaVersion: ctx.core.schemaVersion,
      dataDir: ctx.core.dataDir,
      databaseFile: ctx.core.databaseFile,
      readOnly: ctx.core.readOnly,
      readOnlyReason: ctx.core.readOnlyReason,
      workstation: ctx.core.workstation,
    },
  }),
  'settings.update': (ctx, input) => {
    const before = ctx.core.settings();
    const next = settingsShape.parse({ ...before, ...input });
    writeSettings(ctx.db, input);
    ctx.core.invalidateSettings();
    ctx.note({ objectType: 'settings', objectId: 'settings', before: pick(before, input), after: pick(next, input) });
    return next;
  },
};

const pick = (s: Settings, keys: Partial<Settings>) => Object.fromEntries(Object.keys(keys).map((k) => [k, s[k as keyof Settings]]));
