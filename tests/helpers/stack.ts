/** A local Pulumi stack per test, disposed after it (see program/localStack.ts). */
import type { Emulator } from "../../emulator";
import type { BootstrapOutputs, TokenSpec } from "../../program/bootstrap";
import { createLocalStack, LocalStack } from "../../program/localStack";

/** Registers disposal after each test; call the returned function inside a test to get a stack. */
export function useLocalStack(): (emulator: Emulator, specs: TokenSpec[], program?: () => Promise<BootstrapOutputs>) => Promise<LocalStack> {
  let current: LocalStack | undefined;
  afterEach(async () => {
    await current?.dispose();
    current = undefined;
  });
  return async (emulator, specs, program) => (current = await createLocalStack(emulator, specs, program));
}
