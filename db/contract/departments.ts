// Departments (科室) as a managed list: name, head (科室负责人), deputies who may sign for the head, and
// the days it was open. People choose their department from it. PURE.
import { z } from 'zod';
import { defineMethods } from './method';
import { id, isoDate, text } from './common';

const person = z.object({ id: z.number(), name: z.string() });

export const departmentShape = z.object({
  id: z.number(),
  name: z.string(),
  head: person.nullable(),
  deputies: z.array(person),
  activeFrom: z.string(),
  activeTo: z.string().nullable(),
  /** Open today. */
  active: z.boolean(),
  /** Active accounts in it. */
  staff: z.number(),
});
export type Department = z.infer<typeof departmentShape>;

export const departmentHistoryShape = z.object({
  since: z.string(),
  name: z.string(),
  head: z.string().nullable(),
  deputies: z.array(z.string()),
  activeFrom: z.string(),
  activeTo: z.string().nullable(),
  byName: z.string().nullable(),
});

export const departmentSaveInput = z
  .object({
    id: id('部门').optional(),
    name: text('部门名称', 60),
    headId: id('科室负责人').nullable().default(null),
    deputyIds: z.array(id('副职')).max(10, { message: '副职最多 10 人' }).default([]).describe('可代签的副职'),
    activeFrom: isoDate('启用日期'),
    activeTo: isoDate('停用日期').nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.activeTo && v.activeTo < v.activeFrom) ctx.addIssue({ code: 'custom', path: ['activeTo'], message: '停用日期不能早于启用日期' });
    if (v.headId && v.deputyIds.includes(v.headId)) ctx.addIssue({ code: 'custom', path: ['deputyIds'], message: '科室负责人不必再列为副职' });
  });

export const departmentsMethods = defineMethods({
  'departments.list': {
    title: '部门列表',
    access: 'signedIn',
    kind: 'read',
    input: z.object({ includeClosed: z.boolean().default(false).describe('含已停用') }).default({ includeClosed: false }),
    output: z.array(departmentShape),
  },
  'departments.save': {
    title: '保存部门',
    access: ['admin'],
    kind: 'write',
    input: departmentSaveInput,
    output: departmentShape,
  },
  'departments.history': {
    title: '部门变更历史',
    access: 'signedIn',
    kind: 'read',
    input: z.object({ id: id('部门') }),
    output: z.array(departmentHistoryShape),
  },
});
