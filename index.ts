// The root Pulumi program (Pulumi.yaml): LogicMonitor API tokens from stack config, see program/bootstrap.ts.
import { bootstrapFromConfig } from "./program/bootstrap";

const { tokens, secrets } = bootstrapFromConfig();
export { tokens, secrets };
