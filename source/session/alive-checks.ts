/**
 * "Is this token still alive?" asked of wazo-auth (`HEAD /token/{token}`) when a request got a 401:
 * only wazo-auth can tell a dead token from a missing permission. A burst of 401s (a page and its
 * prefetch) shares one question per token.
 */
export class AliveChecks {
  readonly #ask: (token: string) => Promise<boolean>;
  readonly #pending = new Map<string, Promise<boolean>>();

  constructor(ask: (token: string) => Promise<boolean>) {
    this.#ask = ask;
  }

  isAlive(token: string): Promise<boolean> {
    const pending = this.#pending.get(token);
    if (pending) return pending;
    const check = this.#ask(token).finally(() => {
      if (this.#pending.get(token) === check) this.#pending.delete(token);
    });
    this.#pending.set(token, check);
    return check;
  }

  /** A new token is in, or the session closed: answers about older tokens are not shared any more. */
  clear(): void {
    this.#pending.clear();
  }
}
