/**
 * Scripted faults, consumed in order by the requests they match: an error status, a delay, or a
 * dropped connection before or after the request has been carried out (the ambiguous case a
 * client must recover from without leaving a token behind).
 */

export interface Fault {
  /** "METHOD /route/{template}" as in the route table, or omitted for any request. */
  route?: string;
  /** How many matching requests to let through before it applies (default 0). */
  skip?: number;
  /** How many matching requests it applies to (default 1). */
  times?: number;
  /** Answer with this status and LogicMonitor's error body instead of carrying out the request. */
  status?: number;
  /** Wait this long before handling the request. */
  delayMs?: number;
  /** Close the connection with no answer: "before" carrying out the request, or "after" it. */
  drop?: "before" | "after";
}

export class FaultQueue {
  private readonly faults: (Fault & { left: number; toSkip: number })[] = [];

  add(fault: Fault): void {
    this.faults.push({ ...fault, left: fault.times ?? 1, toSkip: fault.skip ?? 0 });
  }

  /** The first fault that matches `route`, counted as used. */
  take(route: string): Fault | undefined {
    const index = this.faults.findIndex((f) => f.route === undefined || f.route === route);
    if (index < 0) return undefined;
    const fault = this.faults[index];
    if (fault.toSkip > 0) {
      fault.toSkip--;
      return undefined;
    }
    if (--fault.left <= 0) this.faults.splice(index, 1);
    return fault;
  }

  get pending(): number {
    return this.faults.length;
  }
}
