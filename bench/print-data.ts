// The print comparison's own data folder (`npm run bench -- --only print`): a year of 1,100 ordinary
// seal uses, each keyed in on its own day by the clerk, approved by the 局长 on this workstation and
// stamped — the 用印登记簿 the office prints most, at the size the issue measured.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openCore, type Core } from '../db/core/core';
import type { Input, MethodName, Output } from '../db/contract';

export const PRINT_ROWS = 1100;
const PASSWORD = 'Bench-Pass-2025!';

async function call<M extends MethodName>(core: Core, session: string | null, method: M, input: Input<M>): Promise<Output<M>> {
  const r = await core.call(session, method, input);
  if (!r.ok) throw new Error(`${method}：${r.error.message}`);
  return r.data as Output<M>;
}

/** Seed the folder once; returns the login and password of its administrator. */
export async function ensurePrintData(dir: string): Promise<{ login: string; password: string; year: number }> {
  const year = 2025;
  const done = { login: 'demo-admin', password: PASSWORD, year };
  if (existsSync(join(dir, '.print-seeded'))) return done;
  let now = Date.parse(`${year}-01-02T08:30:00+08:00`);
  const set = (day: string, hm: string) => void (now = Date.parse(`${day}T${hm}:00+08:00`));
  const core = openCore({ dataDir: dir, appVersion: 'bench', clock: { now: () => new Date(now) } });
  try {
    const admin = (await call(core, null, 'accounts.setup', { unitName: '××区司法局', login: 'demo-admin', password: PASSWORD, name: '周建国', department: '办公室', roles: ['admin'] })).sessionId;
    const person = async (login: string, name: string, roles: ('clerk' | 'approver')[], department: string, post: string) => {
      const u = await call(core, admin, 'accounts.create', { login, name, roles, password: 'Temp-Pass-2025!', department, post });
      const s = (await call(core, null, 'accounts.signIn', { login, password: 'Temp-Pass-2025!' })).sessionId;
      await call(core, s, 'accounts.changePassword', { oldPassword: 'Temp-Pass-2025!', newPassword: PASSWORD });
      return u.id;
    };
    const keeper = await person('keeper', '张敏', ['clerk'], '办公室', '档案员');
    await person('clerk1', '李晓梅', ['clerk'], '办公室', '科员');
    await person('chief', '王志强', ['approver'], '局领导', '局长');
    const applicant = await person('zhaomin', '赵敏', ['clerk'], '法律援助中心', '主任');
    let clerk = (await call(core, null, 'accounts.signIn', { login: 'clerk1', password: PASSWORD })).sessionId;
    const seal = await call(core, clerk, 'seals.sealCreate', { name: '××区司法局', kind: 'official', approverRule: 'post', approverPost: '局长', enabledOn: '2020-01-01', custodianId: keeper });
    const days: string[] = [];
    for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
      const d = new Date(t);
      if (d.getUTCDay() % 6) days.push(d.toISOString().slice(0, 10));
    }
    const perDay = Math.ceil(PRINT_ROWS / days.length);
    for (let i = 0; i < PRINT_ROWS; i++) {
      const day = days[Math.floor(i / perDay)];
      const m = (i % perDay) * 5;
      const hm = (x: number) => `09:${String(x).padStart(2, '0')}`;
      if (i % perDay === 0) {
        set(day, '08:55');
        clerk = (await call(core, null, 'accounts.signIn', { login: 'clerk1', password: PASSWORD })).sessionId;
      }
      set(day, hm(m));
      const r = await call(core, clerk, 'seals.request', {
        sealId: seal.id,
        reason: ['报送材料', '签订合同', '开具证明', '财务报销'][i % 4],
        documentTitle: ['年度工作总结', '办公设备维保合同', '在职证明', '差旅费报销单'][i % 4],
        documentNo: `×司发〔${year}〕${i + 1}号`,
        copies: 1 + (i % 5),
        applicantId: applicant,
        appliedOn: day,
      });
      await call(core, clerk, 'seals.approve', { id: r.id, approval: { mode: 'cosign', decision: 'approved', comment: '同意', login: 'chief', password: PASSWORD } });
      set(day, hm(m + 2));
      await call(core, clerk, 'seals.stamp', { id: r.id, count: 1 + (i % 5), stampedAt: `${day}T${hm(m + 2)}:00+08:00` });
    }
  } finally {
    core.close();
  }
  const { writeFileSync } = await import('node:fs');
  writeFileSync(join(dir, '.print-seeded'), String(PRINT_ROWS));
  return done;
}
