// Sessions live in the core; hosts only carry the opaque id.
import { randomBytes } from 'node:crypto';
import type { Role } from '../contract/common';

export interface Session {
  id: string;
  userId: number;
  login: string;
  name: string;
  department: string;
  roles: Role[];
  createdAt: number;
  lastSeen: number;
  locked: boolean;
  mustChangePassword: boolean;
}

export class SessionStore {
  private readonly byId = new Map<string, Session>();

  create(u: Omit<Session, 'id' | 'createdAt' | 'lastSeen' | 'locked'>, now: number): Session {
    const s: Session = { ...u, id: randomBytes(32).toString('hex'), createdAt: now, lastSeen: now, locked: false };
    this.byId.set(s.id, s);
    return s;
  }
  get(id: string | null | undefined): Session | undefined {
    return id ? this.byId.get(id) : undefined;
  }
  remove(id: string) {
    this.byId.delete(id);
  }
  /** After a password reset, role change or disabling, that person's open sessions end. */
  removeForUser(userId: number, except?: string) {
    for (const [id, s] of this.byId) if (s.userId === userId && id !== except) this.byId.delete(id);
  }
  all(): Session[] {
    return [...this.byId.values()];
  }
  forUser(userId: number): Session[] {
    return [...this.byId.values()].filter((s) => s.userId === userId);
  }
  /**
   * End the sessions older than `maxAgeMs` (the absolute lifetime, however busy) and those idle for
   * longer than `staleMs` (a locked screen nobody came back to). Returns the ended ones.
   */
  evict(now: number, maxAgeMs: number, staleMs: number): Session[] {
    const ended: Session[] = [];
    for (const [id, s] of this.byId) {
      if (now - s.createdAt >= maxAgeMs || now - s.lastSeen >= staleMs) {
        this.byId.delete(id);
        ended.push(s);
      }
    }
    return ended;
  }
}
