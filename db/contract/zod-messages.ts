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

type AnySchema = z.ZodType & { def?: Record<string, unknown>; description?: string };

function describedAt(schema: AnySchema | undefined, path: PropertyKey[]): string | undefined {
  let s: AnySchema | undefined = schema;
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
  return label;
}

/** The first problem of a failed parse as one Chinese sentence naming the field, and the field's path. */
export function describeZodError(schema: z.ZodType, error: z.ZodError): { message: string; field?: string } {
  const issue = error.issues[0];
  if (!issue) return { message: '输入不正确' };
  const field = issue.path.length ? issue.path.map(String).join('.') : undefined;
  const label = describedAt(schema as AnySchema, issue.path) ?? (field ? field : '输入');
  let message = issue.message;
  if (message.includes('此项')) message = message.replace('此项', label);
  else if (!message.includes(label)) message = `${label}：${message}`;
  return field ? { message, field } : { message };
}
