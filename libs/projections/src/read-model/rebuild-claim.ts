import type { Database, Statement } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/** Another rebuild of the same file's read model is under way: two would write the same shadow tables. */
export class RebuildInProgressError extends Error {
  constructor(readonly holder: Readonly<{ host: string; pid: number; startedAt: string }>) {
    super(`another rebuild of this read model is running (process ${holder.pid} on ${holder.host}, started ${holder.startedAt}): wait for it to finish, or stop it first`);
    this.name = 'RebuildInProgressError';
  }
}

/**
 * A claim made on another machine and not renewed for this long is taken to be from a rebuild that died there:
 * a live rebuild renews its claim with every batch, far more often than this.
 */
const STALE_AFTER_MS = 5 * 60_000;

type ClaimRow = { token: string; host: string; pid: number; started_at: string; renewed_at: number };

/**
 * The one rebuild allowed at a time on a file (table `projection_rebuild_claim`, made by `migrateReadModel`). Shadow tables have fixed names, so a second rebuild would drop
 * and refill the first one's. The claim is a row beside the read model: taken before the shadows are created,
 * renewed in each batch's transaction, and removed in the swap's transaction. A claim left by a rebuild that
 * crashed is taken over at once when its process is gone from this machine, or after {@link STALE_AFTER_MS}
 * without renewal when it was made on another machine (a file on shared storage).
 */
export class RebuildClaim {
  private readonly statements: Record<'read' | 'write' | 'renew' | 'remove', Statement>;
  private readonly token = randomUUID();

  private constructor(
    db: Database,
    private readonly now: () => number,
  ) {
    this.statements = {
      read: db.prepare('SELECT token, host, pid, started_at, renewed_at FROM projection_rebuild_claim WHERE id = 1'),
      write: db.prepare('INSERT OR REPLACE INTO projection_rebuild_claim (id, token, host, pid, started_at, renewed_at) VALUES (1, ?, ?, ?, ?, ?)'),
      renew: db.prepare('UPDATE projection_rebuild_claim SET renewed_at = ? WHERE id = 1 AND token = ?'),
      remove: db.prepare('DELETE FROM projection_rebuild_claim WHERE id = 1 AND token = ?'),
    };
  }

  /** Takes the claim, or throws {@link RebuildInProgressError} naming the live rebuild that holds it. */
  static take(db: Database, now: () => number = Date.now): RebuildClaim {
    const claim = new RebuildClaim(db, now);
    db.transaction(() => {
      const held = claim.statements.read.get() as ClaimRow | undefined;
      if (held && claim.isLive(held)) throw new RebuildInProgressError({ host: held.host, pid: held.pid, startedAt: held.started_at });
      claim.statements.write.run(claim.token, hostname(), process.pid, new Date(now()).toISOString(), now());
    }).immediate();
    return claim;
  }

  /** Call inside each batch's transaction: fails it if the claim was taken over meanwhile. */
  renew(): void {
    if (this.statements.renew.run(this.now(), this.token).changes === 0) throw new Error('this rebuild lost its claim to another one (it was thought dead): stopped without swapping');
  }

  /** Call inside the swap's transaction: the rebuild is done. */
  release(): void {
    if (this.statements.remove.run(this.token).changes === 0) throw new Error('this rebuild lost its claim to another one (it was thought dead): stopped without swapping');
  }

  /** Gives the claim up after a rebuild failed in this process, so it can be run again at once. */
  abandon(): void {
    this.statements.remove.run(this.token);
  }

  private isLive(held: ClaimRow): boolean {
    if (held.host === hostname()) return processExists(held.pid);
    return this.now() - held.renewed_at < STALE_AFTER_MS;
  }
}

/** Signal 0 checks a process exists without touching it; EPERM means it exists under another user. */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
