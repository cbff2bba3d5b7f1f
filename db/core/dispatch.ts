// dispatch(session, method, input): look up, check access, validate, run in one transaction with its audit entry.
import { CONTROL_CHARS, controlTextAt, describedAt, describeZodError, isMethodName, methods, type MethodDef, type MethodName } from '../contract';
import type { Envelope } from '../contract/common';
import { DomainError } from './errors';
import type { AuditNote, CoreState, Ctx, HandlerDef, HandlerTable, VerifiedPerson } from './context';
import type { Session } from './sessions';
import { toShanghaiIso } from './time';
import { verifyCosigner } from './approvals';

/** Methods a locked (idle) session may still call. */
const ALLOWED_WHEN_LOCKED = new Set<string>(['accounts.unlock', 'accounts.signOut']);
/** Methods allowed before a forced password change is done. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set<string>(['accounts.changePassword', 'accounts.signOut', 'accounts.me', 'accounts.lock', 'accounts.unlock', 'settings.publicInfo', 'accounts.checkPassword']);

export const INTERNAL_MESSAGE = '抱歉，程序内部出错，本次操作未保存。请重试；如仍出错，请联系信息化管理员并告知发生时间。';

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
const fail = (code: DomainError['code'], message: string, field?: string): Envelope => ({ ok: false, error: field ? { code, message, field } : { code, message } });

export interface DispatchOptions {
  /** Validate handler outputs against their schemas (tests). */
  checkOutputs?: boolean;
  log?: (msg: string, detail: unknown) => void;
}

function hasCosign(input: unknown): input is { approval: { mode: 'cosign'; login: string; password: string } } {
  const a = (input as { approval?: { mode?: string } } | null)?.approval;
  return !!a && a.mode === 'cosign';
}

export function createDispatch(core: CoreState, handlers: HandlerTable, opts: DispatchOptions = {}) {
  const log = opts.log ?? ((msg, detail) => console.error(`[office-core] ${msg}`, detail));

  const auditRecordFor = (s: Session | null) => ({
    userId: s?.userId ?? null,
    userLogin: s?.login ?? '',
    userName: s?.name ?? '',
    roles: s?.roles.join(',') ?? '',
    workstation: core.workstation,
  });

  /** Record a refused or failed call. Never lets an audit problem hide the original error. */
  const auditFailure = (s: Session | null, method: string, err: { code: string; message: string }, note?: AuditNote) => {
    if (core.readOnly) return;
    try {
      core.db.transaction(() =>
        core.audit.append({
          ...auditRecordFor(s),
          at: toShanghaiIso(core.clock.now()),
          action: method,
          objectType: note?.objectType ?? '',
          objectId: note?.objectId === undefined ? '' : String(note.objectId),
          result: 'failure',
          errorCode: err.code,
          message: err.message.slice(0, 500),
          before: null,
          after: null,
        }),
      ).immediate();
    } catch (e) {
      log('could not audit a failure', { method, e });
    }
  };

  return async function dispatch(sessionId: string | null, method: string, rawInput: unknown): Promise<Envelope> {
    if (!isMethodName(method)) return fail('unknown_method', `未知的操作：${String(method).slice(0, 60)}`);
    const def: MethodDef = methods[method as MethodName];
    // Until the start-up check has passed, only public reads (the sign-in page's facts) go ahead.
    if (core.startupCheck && !(def.access === 'public' && def.kind === 'read')) await core.startupCheck;
    if (core.maintenance) return fail('conflict', core.maintenance);
    const now = core.clock.now();
    let session: Session | null = null;

    // Sessions past their lifetime end, whichever call comes next and whoever makes it: polling keeps
    // none alive, and a locked screen nobody returns to is gone after the same time.
    const lifetimeMs = core.settings().sessionHours * 3_600_000;
    for (const ended of core.sessions.evict(now.getTime(), lifetimeMs, lifetimeMs)) {
      core.event({ action: 'session.expired', result: 'success', objectType: 'user', objectId: String(ended.userId), message: `登录已超过 ${core.settings().sessionHours} 小时，自动退出` }, ended);
    }
    if (def.access !== 'public') {
      session = core.sessions.get(sessionId) ?? null;
      if (!session) return fail('unauthenticated', '请先登录。');
      const idleMs = core.settings().idleMinutes * 60_000;
      if (!session.locked && now.getTime() - session.lastSeen > idleMs) {
        session.locked = true;
        core.event({ action: 'session.idleLock', result: 'success', message: '空闲超时自动锁屏' }, session);
      }
      if (session.locked && !ALLOWED_WHEN_LOCKED.has(method)) return fail('session_locked', '屏幕已锁定，请输入密码解锁。');
      if (session.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(method)) {
        return fail('forbidden', '管理员已重置您的密码，请先修改密码。');
      }
      if (def.access !== 'signedIn' && !def.access.some((r) => session!.roles.includes(r))) {
        const err = { code: 'forbidden' as const, message: `您的角色无权执行“${def.title}”。` };
        auditFailure(session, method, err);
        return fail(err.code, err.message);
      }
      if (!session.locked) session.lastSeen = now.getTime();
    }

    const controlAt = controlTextAt(rawInput);
    if (controlAt) {
      const message = `${describedAt(def.input, controlAt) ?? '输入内容'}${CONTROL_CHARS}`;
      if (def.kind === 'write' && session) auditFailure(session, method, { code: 'invalid_input', message });
      return controlAt.length ? fail('invalid_input', message, controlAt.map(String).join('.')) : fail('invalid_input', message);
    }
    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const d = describeZodError(def.input, parsed.error);
      if (def.kind === 'write' && session) auditFailure(session, method, { code: 'invalid_input', message: d.message });
      return fail('invalid_input', d.message, d.field);
    }
    const input = parsed.data as never;

    if (def.kind === 'write' && core.readOnly) {
      return fail('read_only', core.readOnlyReason ?? '数据以只读方式打开，不能修改。');
    }

    const entry = handlers[method as MethodName] as unknown as HandlerDef<MethodName, unknown> | HandlerDef<MethodName, unknown>['run'];
    const h: HandlerDef<MethodName, unknown> = typeof entry === 'function' ? { run: entry } : entry;
    let note: AuditNote = {};
    try {
      // Slow work (password hashing) happens here, off the transaction and off the event loop's hot path.
      const prepared = h.prepare ? await h.prepare({ db: core.db, core, session, now }, input) : undefined;
      let cosign: VerifiedPerson | null = null;
      if (hasCosign(input)) cosign = await verifyCosigner(core, (input as { approval: { login: string; password: string } }).approval, session, now);

      const ctx: Ctx = {
        db: core.db,
        core,
        session,
        now,
        nowIso: toShanghaiIso(now),
        prepared,
        cosign,
        note: (n) => {
          note = { ...note, ...n };
        },
        me: () => {
          if (!session) throw new DomainError('unauthenticated', '请先登录。');
          return session;
        },
      };
      const audited = def.kind === 'write' || def.auditRead;
      const body = () => {
        const data = h.run(ctx, input);
        if (audited && !core.readOnly) {
          // The session may have been created by this very call (sign-in, first-run setup).
          const who = ctx.session ?? session;
          core.audit.append({
            ...auditRecordFor(who),
            at: ctx.nowIso,
            action: method,
            objectType: note.objectType ?? '',
            objectId: note.objectId === undefined ? '' : String(note.objectId),
            result: 'success',
            errorCode: '',
            message: note.message ?? def.title,
            before: json(note.before),
            after: json(note.after),
          });
        }
        return data;
      };
      const data = def.kind === 'write' || (audited && !core.readOnly) ? core.db.transaction(body).immediate() : core.db.transaction(body).deferred();
      if (opts.checkOutputs) {
        const out = def.output.safeParse(data);
        if (!out.success) {
          log('handler output does not match its schema', { method, issues: out.error.issues.slice(0, 3) });
          return fail('internal', INTERNAL_MESSAGE);
        }
      }
      return { ok: true, data };
    } catch (e) {
      if (e instanceof DomainError) {
        if ((def.kind === 'write' || def.auditRead) && !e.audited) auditFailure(session, method, { code: e.code, message: e.message }, note);
        return { ok: false, error: e.toCallError() };
      }
      const code = (e as { code?: string }).code ?? '';
      if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR')) {
        log('storage failure', { method, e });
        return fail('storage', '磁盘空间不足或无法写入数据文件，本次操作未保存。请清理磁盘空间后重试。');
      }
      if (code === 'SQLITE_READONLY') return fail('read_only', '数据以只读方式打开，不能修改。');
      if (code === 'SQLITE_BUSY') return fail('conflict', '数据正忙，请稍后重试。');
      log('unexpected error', { method, e });
      auditFailure(session, method, { code: 'internal', message: (e as Error).message ?? String(e) }, note);
      return fail('internal', INTERNAL_MESSAGE);
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatch>;
