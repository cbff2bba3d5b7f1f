// Segregation of duties (不相容岗位分离), one rule for every register and every route (form, import,
// CLI, demo seed): nobody approves, supervises or confirms their own act. A party is known by account
// id where the act names an account, by name where a paper log names a person.
import { refuse } from './errors';

export interface Party {
  /** What the person is in this act: 申请人, 审批人, 监印人, 驾驶员 … */
  as: string;
  id?: number | null;
  name?: string | null;
}

const same = (a: Party, b: Party) => (a.id && b.id ? a.id === b.id : !!a.name && !!b.name && a.name === b.name);

/**
 * Refuse when the person in `signer` is also any of `others` (each pair named in the message), with the
 * refusal next to `field`.
 */
export function requireSeparate(signer: Party, others: Party[], field: string) {
  for (const o of others) if (same(signer, o)) refuse(`不相容岗位分离：${signer.as}不能是${o.as}本人`, field);
}
