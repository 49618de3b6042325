/**
 * LogicMonitor operations used by the provider, one function each, on top of http.ts.
 */
import type { Settings } from "./config";
import { LmApiError } from "./errors";
import { createHttp, HttpOptions, LmHttp, Query } from "./http";

/** The APIToken model of REST API v3 (fields LogicMonitor may omit are optional). */
export interface ApiToken {
  id: number;
  adminId: number;
  adminName?: string;
  accessId?: string;
  /** The secret: in full only in the create response; masked in lists. For bearer tokens, the bearer token. */
  accessKey?: string;
  /** 1 = disabled, 2 = enabled. */
  status: number;
  note?: string;
  roles?: string[];
  createdOn?: number;
  lastUsedOn?: number;
  lastAuthIp?: string;
  createdBy?: string;
}

export interface Admin {
  id: number;
  username: string;
  status?: string;
}

interface Page<T> {
  total: number;
  items: T[];
}

export type TokenType = "LMv1" | "Bearer";
export const STATUS_DISABLED = 1;
export const STATUS_ENABLED = 2;

/** The largest page LogicMonitor serves. */
const PAGE_SIZE = 1000;

/** `?type=bearer` selects bearer tokens; without it LogicMonitor lists and creates LMv1 tokens. */
const typeQuery = (type: TokenType): Query => (type === "Bearer" ? { type: "bearer" } : {});

export class LmClient {
  constructor(readonly http: LmHttp) {}

  static create(settings: Settings, options?: HttpOptions): LmClient {
    return new LmClient(createHttp(settings, options));
  }

  getUser(id: number): Promise<Admin> {
    return this.http.request<Admin>("GET", `/setting/admins/${id}`);
  }

  /** Users whose username is exactly `username` (the filter also matches other cases and patterns). */
  async findUsersByUsername(username: string): Promise<Admin[]> {
    const users = await this.listAll<Admin>("/setting/admins", { filter: `username:"${username}"` });
    return users.filter((u) => u.username === username);
  }

  /** Tokens of one type, of one user or of all users, optionally filtered (`id:5`, `accessId:"x"`). */
  listTokens(type: TokenType, { adminId, filter }: { adminId?: number; filter?: string } = {}): Promise<ApiToken[]> {
    const path = adminId === undefined ? "/setting/admins/apitokens" : `/setting/admins/${adminId}/apitokens`;
    return this.listAll<ApiToken>(path, { ...typeQuery(type), ...(filter ? { filter } : {}) });
  }

  async findToken(type: TokenType, tokenId: number): Promise<ApiToken | undefined> {
    const matches = await this.listTokens(type, { filter: `id:${tokenId}` });
    return matches.find((t) => t.id === tokenId);
  }

  /**
   * POSTs a new token, never blindly twice: the POST may have created a token even when no answer
   * came back (timeout, reset, 5xx). After such a failure this lists the user's tokens, revokes any
   * that appeared since just before the POST with the same note and status (their secrets are lost,
   * so they must not stay live outside Pulumi's state), and only then tries again.
   */
  async createToken(adminId: number, type: TokenType, body: { note: string; status: number }, attempts = 3): Promise<ApiToken> {
    const before = new Set((await this.listTokens(type, { adminId })).map((t) => t.id));
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.http.request<ApiToken>("POST", `/setting/admins/${adminId}/apitokens`, {
          query: typeQuery(type),
          body,
        });
      } catch (error) {
        if (!isAmbiguous(error)) throw error;
        const orphans = await this.revokeOrphans(adminId, type, body, before, error as LmApiError);
        if (attempt >= attempts) {
          const cleaned = orphans.length ? ` It revoked ${orphans.length} token(s) that the failed attempts had made (ids ${orphans.join(", ")}).` : "";
          throw new LmApiError({ ...(error as LmApiError), errorMessage: `${(error as LmApiError).errorMessage}; gave up after ${attempts} attempts.${cleaned}` });
        }
      }
    }
  }

  private async revokeOrphans(adminId: number, type: TokenType, body: { note: string; status: number }, before: Set<number>, cause: LmApiError): Promise<number[]> {
    let orphans: ApiToken[];
    try {
      orphans = (await this.listTokens(type, { adminId })).filter((t) => !before.has(t.id) && (t.note ?? "") === body.note && t.status === body.status);
      for (const orphan of orphans) await this.deleteToken(adminId, orphan.id);
    } catch (checkError) {
      throw new Error(
        `${cause.message}. A token may have been created anyway, and checking for it failed too (${(checkError as Error).message}). ` +
          `In LogicMonitor, revoke any ${type} token of user ${adminId} with note "${body.note}" that is not in the Pulumi state.`,
      );
    }
    return orphans.map((t) => t.id);
  }

  /** PATCH sends only the given fields (a PUT without `status` would re-enable the token). */
  patchToken(adminId: number, tokenId: number, patch: { note?: string; status?: number }): Promise<ApiToken> {
    return this.http.request<ApiToken>("PATCH", `/setting/admins/${adminId}/apitokens/${tokenId}`, { body: patch });
  }

  /** Revokes a token; false if it was already gone (404), which counts as done. */
  async deleteToken(adminId: number, tokenId: number): Promise<boolean> {
    try {
      await this.http.request("DELETE", `/setting/admins/${adminId}/apitokens/${tokenId}`);
      return true;
    } catch (error) {
      if (error instanceof LmApiError && error.status === 404) return false;
      throw error;
    }
  }

  /** Follows `offset` until `total` is reached or a page comes back empty. */
  private async listAll<T>(path: string, query: Query): Promise<T[]> {
    const items: T[] = [];
    for (;;) {
      const page = await this.http.request<Page<T>>("GET", path, { query: { ...query, size: PAGE_SIZE, offset: items.length } });
      items.push(...(page.items ?? []));
      if (!page.items?.length || items.length >= page.total) return items;
    }
  }
}

/** A failure after which the server may or may not have acted: no response, or a 5xx. */
export function isAmbiguous(error: unknown): boolean {
  return error instanceof LmApiError && (error.status === 0 || error.status >= 500);
}
