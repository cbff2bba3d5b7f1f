// Every field a caller can send has a Chinese label, so no refusal ever names a raw key
// (the acceptance run saw 请填写approval and kind的取值不正确).
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { methods } from '../../../db/contract';
import { describedAt, describeZodError } from '../../../db/contract/zod-messages';

type Def = { type?: string; innerType?: Schema; in?: Schema; shape?: Record<string, Schema>; element?: Schema; options?: Schema[] };
type Schema = z.ZodType & { def?: Def };

function unwrap(s: Schema): Schema {
  for (let i = 0; i < 10; i++) {
    const d = s.def;
    if (d?.innerType) s = d.innerType;
    else if (d?.type === 'pipe' && d.in) s = d.in;
    else break;
  }
  return s;
}

/** Every path (object keys, array elements as 0) a caller can fill in. */
function fieldPaths(s: Schema, path: PropertyKey[] = [], out: PropertyKey[][] = []): PropertyKey[][] {
  const u = unwrap(s);
  const d = u.def;
  if (d?.type === 'object' && d.shape) {
    for (const [k, child] of Object.entries(d.shape)) {
      out.push([...path, k]);
      fieldPaths(child, [...path, k], out);
    }
  } else if (d?.type === 'array' && d.element) fieldPaths(d.element, [...path, 0], out);
  else if (d?.type === 'union' && d.options) for (const o of d.options) fieldPaths(o, path, out);
  return out;
}

describe('field labels', () => {
  it('every input field of every method has a Chinese label', () => {
    const missing: string[] = [];
    for (const [name, def] of Object.entries(methods)) {
      for (const p of fieldPaths(def.input as Schema)) {
        const label = describedAt(def.input as never, p);
        if (!label || /[A-Za-z_]{3,}/.test(label)) missing.push(`${name}: ${p.join('.')}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('a refusal for a wrong value names the field in Chinese, not its key', () => {
    const problems: string[] = [];
    for (const [name, def] of Object.entries(methods)) {
      for (const p of fieldPaths(def.input as Schema)) {
        // Build an input whose only wrong value sits at p: a symbol-like object where anything else is expected.
        const input: Record<string, unknown> = {};
        let at: Record<string, unknown> = input;
        p.forEach((k, i) => {
          if (i === p.length - 1) at[String(k)] = { wrong: true };
          else at = (at[String(k)] = typeof p[i + 1] === 'number' ? ([] as unknown as Record<string, unknown>) : {}) as Record<string, unknown>;
        });
        const r = (def.input as Schema).safeParse(input);
        if (r.success) continue;
        const { message } = describeZodError(def.input, r.error);
        const keys = p.filter((k): k is string => typeof k === 'string' && /[A-Za-z]/.test(k));
        if (keys.some((k) => message.includes(k))) problems.push(`${name}: ${message}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
