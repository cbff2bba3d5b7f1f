// antd Form rules from the contract's zod schemas, so the form refuses what the core would refuse
// with the same Chinese sentence.
import type { Rule } from 'antd/es/form';
import type { z } from 'zod';
import { describeZodError } from '../../db/contract';

/** A rule that validates one field's value with that field's schema from the method table. */
export function zodRule(schema: z.ZodType, opts: { emptyAs?: 'undefined' | 'keep' } = {}): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      const v = opts.emptyAs === 'undefined' && (value === '' || value === null) ? undefined : value;
      const r = schema.safeParse(v);
      if (!r.success) throw new Error(withoutLabel(schema, describeZodError(schema, r.error).message));
    },
  };
}

/** Next to its field the message need not repeat the field's name ("角色：…" → "…"). */
function withoutLabel(schema: z.ZodType, message: string): string {
  const label = schema.description;
  return label && message.startsWith(`${label}：`) ? message.slice(label.length + 1) : message;
}

type ObjectLike = { shape: Record<string, z.ZodType> };

/** Shorthand: rules for `field` of an object schema such as methods['accounts.create'].input. */
export const fieldRule = (schema: ObjectLike, field: string, opts?: Parameters<typeof zodRule>[1]): Rule[] => {
  const s = schema.shape[field];
  return s ? [zodRule(s, opts)] : [];
};
