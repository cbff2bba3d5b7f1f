// The managed list of departments: the administrator names each department's head and deputies and
// the days it is open; everyone reads it (forms choose from it), with its history.
import type { Department } from '../contract/departments';
import type { Ctx, PartialHandlers } from '../core/context';
import { refuse } from '../core/errors';
import { activeUser, stmt } from '../core/rows';
import { shanghaiDate } from '../core/time';

interface Row {
  id: number;
  name: string;
  head_id: number | null;
  head_name: string | null;
  deputy_ids: string;
  active_from: string;
  active_to: string | null;
  staff: number;
}

const SELECT = `SELECT d.id, d.name, d.head_id, uh.name AS head_name, d.deputy_ids, d.active_from, d.active_to,
                       (SELECT count(*) FROM users u WHERE u.department = d.name AND u.active = 1) AS staff
                FROM departments d LEFT JOIN users uh ON uh.id = d.head_id`;

function toDepartment(ctx: Pick<Ctx, 'db' | 'now'>, r: Row): Department {
  const ids = JSON.parse(r.deputy_ids) as number[];
  const names = new Map((stmt(ctx.db, 'SELECT id, name FROM users WHERE id IN (SELECT value FROM json_each(?))').all(r.deputy_ids) as { id: number; name: string }[]).map((u) => [u.id, u.name]));
  const today = shanghaiDate(ctx.now);
  return {
    id: r.id,
    name: r.name,
    head: r.head_id ? { id: r.head_id, name: r.head_name ?? '' } : null,
    deputies: ids.map((id) => ({ id, name: names.get(id) ?? `#${id}` })),
    activeFrom: r.active_from,
    activeTo: r.active_to,
    active: r.active_from <= today && (!r.active_to || r.active_to >= today),
    staff: r.staff,
  };
}

const one = (ctx: Ctx, id: number) => toDepartment(ctx, stmt(ctx.db, `${SELECT} WHERE d.id = ?`).get(id) as Row);

/** A head or deputy: an open account, never an auditor (who checks, not signs). */
function signer(ctx: Ctx, id: number, field: string) {
  const u = activeUser(ctx.db, id, '科室负责人或副职', field);
  if ((JSON.parse(u.roles) as string[]).includes('auditor')) refuse(`${u.name}是审计员，不能担任签批职务`, field);
  return u;
}

export const departmentsHandlers: PartialHandlers<'departments.list' | 'departments.save' | 'departments.history'> = {
  'departments.list': (ctx, input) => {
    const rows = (stmt(ctx.db, `${SELECT} ORDER BY d.active_to IS NOT NULL, d.id`).all() as Row[]).map((r) => toDepartment(ctx, r));
    return input.includeClosed ? rows : rows.filter((d) => d.active);
  },

  'departments.save': (ctx, input) => {
    const clash = stmt(ctx.db, 'SELECT id FROM departments WHERE name = ? AND id IS NOT ?').get(input.name, input.id ?? null) as { id: number } | undefined;
    if (clash) refuse(`已有名为“${input.name}”的部门`, 'name');
    if (input.headId) signer(ctx, input.headId, 'headId');
    for (const d of input.deputyIds) signer(ctx, d, 'deputyIds');
    const me = ctx.me().userId;
    if (input.id) {
      const before = stmt(ctx.db, `${SELECT} WHERE d.id = ?`).get(input.id) as Row | undefined;
      if (!before) return refuse('部门不存在', 'id');
      // People keep their department by name: a renamed department takes its people along.
      if (before.name !== input.name) stmt(ctx.db, 'UPDATE users SET department = ?, updated_at = ? WHERE department = ?').run(input.name, ctx.nowIso, before.name);
      stmt(ctx.db, 'UPDATE departments SET name = ?, head_id = ?, deputy_ids = ?, active_from = ?, active_to = ?, updated_at = ?, updated_by_id = ? WHERE id = ?').run(
        input.name, input.headId, JSON.stringify(input.deputyIds), input.activeFrom, input.activeTo, ctx.nowIso, me, input.id,
      );
      const after = one(ctx, input.id);
      ctx.note({ objectType: 'department', objectId: input.id, before: toDepartment(ctx, before), after, message: `修改部门“${after.name}”：科室负责人 ${after.head?.name ?? '未设'}${after.deputies.length ? `，副职 ${after.deputies.map((d) => d.name).join('、')}` : ''}` });
      return after;
    }
    const id = Number(
      stmt(ctx.db, 'INSERT INTO departments (name, head_id, deputy_ids, active_from, active_to, updated_at, updated_by_id) VALUES (?,?,?,?,?,?,?)').run(
        input.name, input.headId, JSON.stringify(input.deputyIds), input.activeFrom, input.activeTo, ctx.nowIso, me,
      ).lastInsertRowid,
    );
    const after = one(ctx, id);
    ctx.note({ objectType: 'department', objectId: id, after, message: `新增部门“${after.name}”` });
    return after;
  },

  'departments.history': (ctx, input) => {
    const rows = stmt(
      ctx.db,
      `SELECT h.since, h.name, uh.name AS head, h.deputy_ids, h.active_from AS activeFrom, h.active_to AS activeTo, ub.name AS byName
       FROM department_history h LEFT JOIN users uh ON uh.id = h.head_id LEFT JOIN users ub ON ub.id = h.by_id WHERE h.department_id = ? ORDER BY h.since, h.id`,
    ).all(input.id) as { since: string; name: string; head: string | null; deputy_ids: string; activeFrom: string; activeTo: string | null; byName: string | null }[];
    return rows.map(({ deputy_ids, ...r }) => ({
      ...r,
      deputies: (JSON.parse(deputy_ids) as number[]).map((i) => (stmt(ctx.db, 'SELECT name FROM users WHERE id = ?').pluck().get(i) as string | undefined) ?? `#${i}`),
    }));
  },
};
