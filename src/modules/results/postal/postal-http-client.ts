/**
 * The postal service over HTTP, VNPost style: POST {url}/api/token with the customer code and secret
 * gives an access token and a refresh token; orders go to POST {url}/api/orders and are recalled with
 * POST {url}/api/orders/{ItemCode}/cancel. An expired access token is refreshed with the refresh
 * token, and when that fails too, a new login is made. Errors: the service unreachable, slow or
 * failing on its side → postal.unavailable (503); the service answering no → postal.refused (502),
 * with its message.
 */
import type { Clock } from '../../../platform/clock.js';
import { PostalRefusedError, postalUnavailable } from './postal-errors.js';
import { type PostalOrderInput, type PostalService, wireOrder } from './postal-service.js';

export interface HttpPostalOptions {
  url: string;
  customerCode: string;
  secret: string;
  clock: Clock;
  timeoutMs?: number;
}

interface Tokens {
  access: string;
  refresh: string;
  /** Epoch ms after which the access token is not used any more (a margin before its expiry). */
  usableUntil: number;
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

const EXPIRY_MARGIN_MS = 30_000;

export class HttpPostalService implements PostalService {
  private tokens: Tokens | undefined;
  private pending: Promise<Tokens> | undefined;

  constructor(private readonly opts: HttpPostalOptions) {}

  async createOrder(input: PostalOrderInput): Promise<{ itemCode: string }> {
    const res = await this.authorised('/api/orders', wireOrder(this.opts.customerCode, input));
    const itemCode = res.body.ItemCode;
    if (typeof itemCode !== 'string' || itemCode === '') {
      throw postalUnavailable('no ItemCode in the answer');
    }
    return { itemCode };
  }

  async cancelOrder(itemCode: string): Promise<void> {
    await this.authorised(`/api/orders/${encodeURIComponent(itemCode)}/cancel`, {
      CustomerCode: this.opts.customerCode,
    });
  }

  /** A call with the access token; on 401 the tokens are renewed once and the call made again. */
  private async authorised(path: string, body: unknown): Promise<Answer> {
    let res = await this.post(path, body, (await this.token()).access);
    if (res.status === 401) {
      this.tokens = undefined;
      res = await this.post(path, body, (await this.token()).access);
    }
    return this.accepted(res);
  }

  private accepted(res: Answer): Answer {
    if (res.status >= 200 && res.status < 300) return res;
    if (res.status >= 500 || res.status === 429) throw postalUnavailable(`HTTP ${res.status}`);
    const message = typeof res.body.Message === 'string' ? res.body.Message : `HTTP ${res.status}`;
    throw new PostalRefusedError(message);
  }

  private token(): Promise<Tokens> {
    const now = this.opts.clock.now().getTime();
    if (this.tokens && now < this.tokens.usableUntil) return Promise.resolve(this.tokens);
    // One renewal at a time: concurrent orders share it.
    this.pending ??= this.renew(this.tokens).finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async renew(previous: Tokens | undefined): Promise<Tokens> {
    if (previous) {
      const refreshed = await this.post('/api/token', {
        GrantType: 'refresh_token',
        RefreshToken: previous.refresh,
      });
      if (refreshed.status >= 200 && refreshed.status < 300) return this.keep(refreshed);
      if (refreshed.status >= 500) throw postalUnavailable(`HTTP ${refreshed.status}`);
    }
    const login = await this.post('/api/token', {
      GrantType: 'password',
      CustomerCode: this.opts.customerCode,
      Secret: this.opts.secret,
    });
    return this.keep(this.accepted(login));
  }

  private keep(res: Answer): Tokens {
    const { AccessToken, RefreshToken, ExpiresIn } = res.body;
    if (typeof AccessToken !== 'string' || typeof RefreshToken !== 'string') {
      throw postalUnavailable('no token in the answer');
    }
    const seconds = typeof ExpiresIn === 'number' ? ExpiresIn : 300;
    this.tokens = {
      access: AccessToken,
      refresh: RefreshToken,
      usableUntil: this.opts.clock.now().getTime() + seconds * 1000 - EXPIRY_MARGIN_MS,
    };
    return this.tokens;
  }

  private async post(path: string, body: unknown, token?: string): Promise<Answer> {
    let res: Response;
    try {
      res = await fetch(`${this.opts.url}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 15_000),
      });
    } catch (err) {
      const name = (err as Error).name;
      throw postalUnavailable(name === 'TimeoutError' ? 'timeout' : 'connection failed');
    }
    const text = await res.text().catch(() => '');
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      parsed = {};
    }
    const obj = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
    return { status: res.status, body: obj };
  }
}
