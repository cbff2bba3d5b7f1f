// The shape of one entry in the method table. PURE.
import type { z } from 'zod';
import type { Access } from './common';

export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** `read` never changes business data; `write` runs in an immediate transaction with its audit entry. */
  kind: 'read' | 'write';
  /** Reads that must leave an audit entry (reading the audit log itself, exports). */
  auditRead?: boolean;
  /** Short Chinese description, shown in GET /api/methods and the audit log. */
  title: string;
}

/** Identity helper that keeps the literal types of a group of methods. */
export const defineMethods = <T extends Record<string, MethodDef>>(m: T): T => m;
