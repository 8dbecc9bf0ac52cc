/**
 * What the extension agrees to open, and how often: pure helpers shared by the background, the viewer and
 * the page UI (no extension APIs here, so they are unit-tested in Node).
 */

/** An absolute http(s) address (the only kind the viewer reads and "open the original" navigates to). */
export function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.host;
  } catch {
    return false;
  }
}

/** An http(s) address whose path names a PDF: `.pdf` at the end of the path, query and fragment ignored. */
export function isPdfPathUrl(s: string): boolean {
  if (!isHttpUrl(s)) return false;
  const u = new URL(s);
  return /\.pdf$/i.test(decodeURIComponentSafe(u.pathname));
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A random token (hex) for one viewer opening. */
export function newToken(bytes = 16): string {
  const a = new Uint8Array(bytes);
  crypto.getRandomValues(a);
  return [...a].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Tokens the extension handed to a viewer it opened itself, each good for one address and one use, for a
 * short while.
 */
export class Grants {
  private readonly map = new Map<string, { url: string; expires: number }>();
  constructor(private readonly ttlMs = 60_000) {}

  grant(url: string, now = Date.now()): string {
    this.sweep(now);
    const t = newToken();
    this.map.set(t, { url, expires: now + this.ttlMs });
    return t;
  }

  /** True once for a token given for this address; the token is spent either way. */
  claim(token: string, url: string, now = Date.now()): boolean {
    const g = this.map.get(token);
    this.map.delete(token);
    return !!g && g.url === url && g.expires >= now;
  }

  private sweep(now: number): void {
    for (const [k, g] of this.map) if (g.expires < now) this.map.delete(k);
  }
}

/**
 * At most `burst` actions at once and one more every `everyMs` after that (a token bucket): a page that
 * fires a hundred "open" requests gets a few tabs, not a hundred.
 */
export class RateLimit {
  private tokens: number;
  private last: number;
  constructor(
    private readonly burst = 2,
    private readonly everyMs = 3000,
    now = Date.now(),
  ) {
    this.tokens = burst;
    this.last = now;
  }

  take(now = Date.now()): boolean {
    this.tokens = Math.min(this.burst, this.tokens + (now - this.last) / this.everyMs);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
