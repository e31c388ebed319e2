// The per-account half of sign-in limiting (the per-address half is better-auth's rate limiter): after
// FREE_FAILURES consecutive wrong passwords for one email, every sign-in to it is refused for a while,
// doubling with each further failure. The count is keyed by the email as submitted (lowercased), for
// accounts that exist and ones that do not alike, so a lockout says nothing about existence; no change
// of address resets it, only a successful sign-in or a day without failures.
import { getPool } from "@/lib/db/pool";

export const FREE_FAILURES = 5;
export const FIRST_LOCK_SECONDS = 30;
export const MAX_LOCK_SECONDS = 15 * 60;

/** How long the account is locked after its `failures`-th consecutive failure (0: not locked). */
export function lockSeconds(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2 ** (failures - FREE_FAILURES));
}

export const lockoutKey = (email: string): string => email.trim().toLowerCase();

/** Seconds left on the email's lock, 0 when it may try. */
export async function lockedSeconds(email: string): Promise<number> {
  const { rows } = await getPool().query<{ wait: number }>(
    `SELECT ceil(extract(epoch FROM locked_until - now()))::int AS wait FROM sign_in_failures WHERE email = $1 AND locked_until > now()`,
    [lockoutKey(email)],
  );
  return rows[0]?.wait ?? 0;
}

/** Counts a wrong password (a failure a day after the last one starts over) and locks per lockSeconds. */
export async function recordFailedSignIn(email: string): Promise<void> {
  const pool = getPool();
  const key = lockoutKey(email);
  const { rows } = await pool.query<{ failures: number }>(
    `INSERT INTO sign_in_failures AS f (email, failures, last_failed_at) VALUES ($1, 1, now())
     ON CONFLICT (email) DO UPDATE SET
       failures = CASE WHEN f.last_failed_at < now() - interval '1 day' THEN 1 ELSE f.failures + 1 END,
       last_failed_at = now()
     RETURNING failures`,
    [key],
  );
  const failures = rows[0]!.failures;
  const seconds = lockSeconds(failures);
  // Only while the count is still this one's: of two failures at once, the later count sets the lock.
  if (seconds > 0) {
    await pool.query(`UPDATE sign_in_failures SET locked_until = now() + make_interval(secs => $3) WHERE email = $1 AND failures = $2`, [key, failures, seconds]);
  }
  await pool.query(`DELETE FROM sign_in_failures WHERE last_failed_at < now() - interval '1 day'`);
}

export async function clearFailedSignIns(email: string): Promise<void> {
  await getPool().query(`DELETE FROM sign_in_failures WHERE email = $1`, [lockoutKey(email)]);
}
