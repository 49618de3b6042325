/**
 * What a change of inputs does to a token. Pure.
 * - another user or another type: replace (a token's owner and kind are fixed in LogicMonitor);
 *   create-before-delete, so consumers of the old secret never see a gap;
 * - note or disabled: update in place with PATCH;
 * - userId <-> username naming the same user: no change.
 */
import type { TokenInputs } from "./inputs";
import { isUnknown } from "./inputs";
import type { TokenOutputs } from "./outputs";

export interface TokenDiff {
  changes: boolean;
  replaces: string[];
  /** Properties that PATCH can change in place. */
  updates: ("note" | "disabled")[];
  deleteBeforeReplace: false;
}

export function diffToken(olds: TokenOutputs, news: TokenInputs): TokenDiff {
  const replaces: string[] = [];
  const userProperty = news.userId !== undefined ? "userId" : "username";
  if (!sameUser(olds, news)) replaces.push(userProperty);
  if (isUnknown(news.type) || (olds.type ?? "LMv1") !== news.type) replaces.push("type");

  const updates: ("note" | "disabled")[] = [];
  if (isUnknown(news.note) || (olds.note ?? "") !== news.note) updates.push("note");
  if (isUnknown(news.disabled) || (olds.disabled ?? false) !== news.disabled) updates.push("disabled");

  return { changes: replaces.length + updates.length > 0, replaces, updates, deleteBeforeReplace: false };
}

/** Compares against the user the token belongs to (adminId / adminName as LogicMonitor reported them). */
function sameUser(olds: TokenOutputs, news: TokenInputs): boolean {
  if (news.userId !== undefined) return !isUnknown(news.userId) && news.userId === olds.adminId;
  if (news.username !== undefined) return !isUnknown(news.username) && news.username === (olds.adminName ?? olds.username);
  return false;
}
