// Validation messages in Chinese that name the field. PURE: the core and the renderer's forms share it.
import { z } from 'zod';

z.config(z.locales.zhCN());
z.config({
  customError: (iss) => {
    if (iss.code === 'invalid_type') return iss.input === undefined || iss.input === null ? '请填写此项' : '此项格式不正确';
    if (iss.code === 'invalid_value') return '此项的取值不正确';
    if (iss.code === 'unrecognized_keys') return `包含未知字段：${iss.keys.join('、')}`;
    if (iss.code === 'invalid_union') return '此项的取值不正确';
    return undefined;
  },
});

/**
 * Labels for keys that recur across methods (paging, filters, the approval block) and carry no
 * description of their own. A refusal must never show a raw key (tests/db/contract/field-labels).
 */
const KEY_LABELS: Record<string, string> = {
  page: '页码', pageSize: '每页条数', limit: '条数', offset: '起始位置', q: '关键词', sort: '排序方式',
  id: '记录', ids: '所选记录', seq: '日志序号', objectType: '对象类型', objectId: '对象编号', userId: '操作人',
  action: '操作', result: '操作结果', filter: '筛选条件', extra: '筛选条件', pages: '页数', year: '年度',
  login: '登录名', password: '密码', role: '角色', roles: '角色', active: '是否启用',
  includeDisabled: '包括已停用账户', includeInactive: '包括已停用项', includeVoided: '包括已作废记录',
  usableOnly: '仅可用印章', activeOnly: '仅在用', lowOnly: '仅低于库存下限', inStockOnly: '仅有库存',
  unresolved: '仅未处理', finalisedOnly: '仅已定稿', majorOnly: '仅重大事项', typeCode: '会议类型',
  sealId: '印章', assetId: '资产', borrowerId: '借款人', category: '类别', kind: '类型',
  approval: '审批', mode: '审批方式', reviewers: '审核人', lines: '明细',
};

type AnySchema = z.ZodType & { def?: Record<string, unknown>; description?: string };

export function describedAt(schema: z.ZodType | undefined, path: PropertyKey[]): string | undefined {
  let s = schema as AnySchema | undefined;
  let label: string | undefined;
  const unwrap = () => {
    for (let i = 0; s && i < 10; i++) {
      if (s.description) label = s.description;
      const def = s.def as { type?: string; innerType?: AnySchema; in?: AnySchema; out?: AnySchema } | undefined;
      if (!def) return;
      if (def.innerType) s = def.innerType;
      else if (def.type === 'pipe' && def.in) s = def.in;
      else return;
    }
  };
  for (const key of path) {
    label = undefined;
    unwrap();
    const def = s?.def as { type?: string; shape?: Record<string, AnySchema>; element?: AnySchema; options?: AnySchema[] } | undefined;
    if (def?.type === 'object' && def.shape) s = def.shape[String(key)];
    else if (def?.type === 'array') s = def.element;
    else if (def?.type === 'union' && def.options) {
      s = def.options.map((o) => (o.def as { shape?: Record<string, AnySchema> })?.shape?.[String(key)]).find(Boolean);
    } else s = undefined;
  }
  label = undefined;
  unwrap();
  const last = path[path.length - 1];
  return label ?? (typeof last === 'string' ? KEY_LABELS[last] : undefined);
}

/** The first problem of a failed parse as one Chinese sentence naming the field, and the field's path. */
export function describeZodError(schema: z.ZodType, error: z.ZodError): { message: string; field?: string } {
  const issue = error.issues[0];
  if (!issue) return { message: '输入不正确' };
  const field = issue.path.length ? issue.path.map(String).join('.') : undefined;
  const label = describedAt(schema as AnySchema, issue.path) ?? '输入内容';
  let message = issue.message;
  if (message.includes('此项')) message = message.replace('此项', label);
  else if (!message.includes(label)) message = `${label}：${message}`;
  return field ? { message, field } : { message };
}
