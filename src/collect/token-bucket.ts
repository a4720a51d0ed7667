/**
 * Per-client rate limit: one token bucket per key (an IPv4 address or IPv6 /64, see core/net/client-key.ts), in memory only. Nothing
 * about a client is ever written anywhere; idle buckets are forgotten.
 */
export interface TokenBucketOptions {
  /** Tokens added per second. */
  perSecond: number;
  /** Largest number of tokens a bucket holds (the burst a client may send at once). */
  burst: number;
  /** Buckets kept before idle ones are dropped. */
  maxKeys?: number;
}

export interface RateLimiter {
  /** Takes one token for `key`; returns 0 when allowed, else the seconds to wait. */
  take(key: string, nowMs: number): number;
  readonly size: number;
}

export function createRateLimiter(options: TokenBucketOptions): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const maxKeys = options.maxKeys ?? 10_000;
  const refill = (bucket: { tokens: number; at: number }, nowMs: number) => {
    bucket.tokens = Math.min(options.burst, bucket.tokens + ((nowMs - bucket.at) / 1000) * options.perSecond);
    bucket.at = nowMs;
  };
  return {
    take(key, nowMs) {
      let bucket = buckets.get(key);
      if (!bucket) {
        if (buckets.size >= maxKeys) {
          for (const [k, b] of buckets) {
            refill(b, nowMs);
            if (b.tokens >= options.burst) buckets.delete(k);
          }
        }
        bucket = { tokens: options.burst, at: nowMs };
        buckets.set(key, bucket);
      } else refill(bucket, nowMs);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.ceil((1 - bucket.tokens) / options.perSecond);
    },
    get size() {
      return buckets.size;
    },
  };
}
