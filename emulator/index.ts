export { startEmulator, DEFAULT_USERS, BASE_PATH } from "./server";
export type { Emulator, EmulatorOptions, LoggedRequest, Fault, RateLimit } from "./server";
export { ROLES, maskSecret } from "./store";
export type { Store, StoredToken, User, Role } from "./store";
