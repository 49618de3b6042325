/**
 * The emulator's data: users (admins), roles and API tokens, with the rules LogicMonitor applies to
 * them: which fields a token shows where, which secrets exist only at creation, who may write.
 */
import { randomBytes, randomInt } from "node:crypto";

export type TokenType = "LMv1" | "Bearer";

/** A role privilege, as LogicMonitor's Role model carries them (objectType "setting" covers the settings pages). */
export interface Privilege {
  objectType: string;
  objectId: string;
  objectName: string;
  operation: "read" | "write";
}

export interface Role {
  id: number;
  name: string;
  description: string;
  privileges: Privilege[];
}

/** Creating, changing and deleting tokens needs User Access: Manage, i.e. write on the user-access settings. */
export function canManageUsers(user: User): boolean {
  return user.roles.some((role) =>
    role.privileges.some((p) => p.objectType === "setting" && (p.objectId === "*" || p.objectId === "useraccess") && p.operation === "write"),
  );
}

export interface User {
  id: number;
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  roles: Role[];
  status: "active" | "suspended";
  note: string;
}

export interface StoredToken {
  id: number;
  type: TokenType;
  adminId: number;
  accessId: string;
  /** The full secret (for bearer tokens, the bearer token). Shown only in the create response. */
  accessKey: string;
  status: 1 | 2;
  note: string;
  createdOn: number;
  lastUsedOn: number;
  lastAuthIp: string;
  createdBy: string;
}

const setting = (objectId: string, operation: Privilege["operation"]): Privilege => ({ objectType: "setting", objectId, objectName: objectId, operation });

export const ROLES: Record<string, Role> = {
  administrator: { id: 1, name: "administrator", description: "Full access", privileges: [setting("*", "write")] },
  manager: { id: 2, name: "manager", description: "Manages users and their API tokens", privileges: [setting("useraccess", "write")] },
  readonly: { id: 3, name: "readonly", description: "Views settings", privileges: [setting("*", "read")] },
};

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const KEY_CHARACTERS = ALPHANUMERIC + "!#$%&()*+,-./:;<=>?@[]^_{|}~";

function randomText(length: number, alphabet: string): string {
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join("");
}

/** Secrets as LogicMonitor shapes them: 20-character access ids, 40-character keys, `lmb_` bearer tokens. */
export const newAccessId = () => randomText(20, ALPHANUMERIC);
export const newAccessKey = () => randomText(40, KEY_CHARACTERS);
export const newBearerToken = () => `lmb_${randomBytes(45).toString("base64url")}`;

/** How a secret appears outside the create response: bearer tokens keep a 20-character prefix (clients match on it). */
export function maskSecret(token: Pick<StoredToken, "type" | "accessKey">): string {
  const shown = token.type === "Bearer" ? 20 : 0;
  return token.accessKey.slice(0, shown) + "*".repeat(token.accessKey.length - shown);
}

export class Store {
  readonly users = new Map<number, User>();
  readonly tokens = new Map<number, StoredToken>();
  private nextUserId = 1;
  private nextTokenId = 1;

  addUser(user: Partial<User> & { username: string }): User {
    const id = user.id ?? this.nextUserId;
    this.nextUserId = Math.max(this.nextUserId, id + 1);
    const full: User = {
      id,
      email: `${user.username}@example.com`,
      firstName: user.username,
      lastName: "",
      roles: [ROLES.readonly],
      status: "active",
      note: "",
      ...user,
    };
    this.users.set(id, full);
    return full;
  }

  addToken(fields: Partial<StoredToken> & { adminId: number; type: TokenType; createdBy: string }, nowSeconds: number): StoredToken {
    const token: StoredToken = {
      id: this.nextTokenId++,
      accessId: newAccessId(),
      accessKey: fields.type === "Bearer" ? newBearerToken() : newAccessKey(),
      status: 2,
      note: "",
      createdOn: nowSeconds,
      lastUsedOn: 0,
      lastAuthIp: "",
      ...(Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as typeof fields),
    };
    this.tokens.set(token.id, token);
    return token;
  }

  userByName(username: string): User | undefined {
    return [...this.users.values()].find((u) => u.username === username);
  }

  tokenByAccessId(accessId: string): StoredToken | undefined {
    return [...this.tokens.values()].find((t) => t.type === "LMv1" && t.accessId === accessId);
  }

  tokenByBearer(bearer: string): StoredToken | undefined {
    return [...this.tokens.values()].find((t) => t.type === "Bearer" && t.accessKey === bearer);
  }

  /** A token as the API shows it; the secret in full only when `reveal` (the create response). */
  present(token: StoredToken, reveal = false): Record<string, unknown> {
    const admin = this.users.get(token.adminId);
    return {
      id: token.id,
      adminId: token.adminId,
      adminName: admin?.username ?? "",
      roles: admin?.roles.map((r) => r.name) ?? [],
      accessId: token.accessId,
      accessKey: reveal ? token.accessKey : maskSecret(token),
      status: token.status,
      note: token.note,
      createdOn: token.createdOn,
      lastUsedOn: token.lastUsedOn,
      lastAuthIp: token.lastAuthIp,
      createdBy: token.createdBy,
      userPermission: "write",
    };
  }

  presentUser(user: User): Record<string, unknown> {
    return {
      id: user.id,
      username: user.username,
      email: user.email,
      firstName: user.firstName,
      lastName: user.lastName,
      roles: user.roles.map((r) => ({ ...r, privileges: r.privileges.map((p) => ({ ...p })) })),
      status: user.status,
      note: user.note,
      apionly: false,
      apiTokens: [...this.tokens.values()].filter((t) => t.adminId === user.id && t.type === "LMv1").map((t) => this.present(t)),
    };
  }
}
