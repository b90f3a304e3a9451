/**
 * The instance's totals when it runs several web processes (WEB_CONCURRENCY > 1,
 * lib/runtime/web-cluster.ts). A scrape of /api/metrics reaches one process; that one asks the
 * primary over the cluster's IPC channel, the primary asks every listening process for its
 * registry as JSON, adds them up with its own (prom-client's AggregatorRegistry.aggregate, each
 * metric by its `aggregator`: sum unless said otherwise) and sends the text back.
 *
 * Three messages, each answered by its own `id`:
 * - process → primary `portal:instance-metrics`: the instance's text, please;
 * - primary → process `portal:process-metrics`: your registry as JSON;
 * - each answered with the same type and id, carrying `text` / `metrics`, or `error`.
 *
 * A process that is not a cluster worker (one web process: no primary) reports its own registry,
 * as it always has. When the primary cannot gather every listening process in time the scrape
 * fails rather than report totals short of a process, which Prometheus would read as a reset;
 * for the same reason a dead process's counters stay in the totals (instanceMetricsGatherer).
 */
import cluster, { type Worker } from "node:cluster";
import { AggregatorRegistry, type MetricObjectWithValues, type MetricValue, type Registry } from "prom-client";

const INSTANCE = "portal:instance-metrics";
const PROCESS = "portal:process-metrics";
/** A process's JSON must come back within this; the scrape waits a little longer for the whole. */
const GATHER_TIMEOUT_MS = 4_000;
const ASK_TIMEOUT_MS = GATHER_TIMEOUT_MS + 1_000;

type MetricsJson = MetricObjectWithValues<MetricValue<string>>[];
type Message = { type?: unknown; id?: unknown; text?: unknown; metrics?: unknown; error?: unknown };

const isMessage = (value: unknown, type: string): value is Message & { id: number } =>
  typeof value === "object" && value !== null && (value as Message).type === type && typeof (value as Message).id === "number";

// Kept on globalThis: the web server loads this file through tsx and Next.js bundles its own copy
// into the metrics route; one listener and one table of waiting scrapes per process.
const STATE_KEY = Symbol.for("childrens-portal.cluster-metrics");
type State = { nextId: number; waiting: Map<number, (reply: Message) => void>; isListening: boolean; isAnswering: boolean };
const holder = globalThis as typeof globalThis & { [STATE_KEY]?: State };
const state = (): State => (holder[STATE_KEY] ??= { nextId: 1, waiting: new Map(), isListening: false, isAnswering: false });

/** The text of this instance's process-counted metrics: this process's, or every process's added up. */
export async function instanceMetricsText(registry: Registry): Promise<string> {
  if (!cluster.isWorker || !process.send) return registry.metrics();
  const own = state();
  if (!own.isListening) {
    own.isListening = true;
    process.on("message", (message: unknown) => {
      if (isMessage(message, INSTANCE)) own.waiting.get(message.id)?.(message);
    });
  }
  const id = own.nextId++;
  const reply = await new Promise<Message>((resolve, reject) => {
    const timer = setTimeout(() => {
      own.waiting.delete(id);
      reject(new Error("the primary did not answer with the instance's metrics in time"));
    }, ASK_TIMEOUT_MS);
    own.waiting.set(id, (message) => {
      clearTimeout(timer);
      own.waiting.delete(id);
      resolve(message);
    });
    process.send!({ type: INSTANCE, id });
  });
  if (typeof reply.text !== "string") throw new Error(`the instance's metrics could not be gathered: ${String(reply.error)}`);
  return reply.text;
}

/** In a web process of a cluster: answers the primary's requests for this process's registry. */
export function answerProcessMetricsRequests(registry: Registry): void {
  const own = state();
  if (!cluster.isWorker || own.isAnswering) return;
  own.isAnswering = true;
  process.on("message", (message: unknown) => {
    if (!isMessage(message, PROCESS)) return;
    registry.getMetricsAsJSON().then(
      (metrics) => process.send?.({ type: PROCESS, id: message.id, metrics }),
      (error: unknown) => process.send?.({ type: PROCESS, id: message.id, error: String(error) }),
    );
  });
}

/** What only grows: kept from a process that died, so the instance's totals never go down. (`type` is a string at run time, whatever prom-client's types say.) */
const isCumulative = (metric: MetricsJson[number]) => ["counter", "histogram"].includes(String(metric.type));

/**
 * In the primary: the instance's metrics, from the processes listening and its own registry.
 * It keeps each process's counters and histograms as last gathered; when a process dies they are
 * added to the instance's from then on, so its totals do not drop (which Prometheus would read as
 * a reset). What the dead process counted after the last scrape is lost.
 */
export function instanceMetricsGatherer(primary: Registry, listening: () => Worker[]) {
  const lastGathered = new Map<Worker, MetricsJson>();
  // A chain, so a scrape that reads it after a process died always sees that process's counts.
  let retired: Promise<MetricsJson> = Promise.resolve([]);
  let gatherings = 0;

  const gather = async (): Promise<string> => {
    const id = ++gatherings;
    const workers = listening();
    const replies = await Promise.all(workers.map((worker) => processMetricsOf(worker, id)));
    replies.forEach((reply, index) => reply && lastGathered.set(workers[index]!, reply));
    const all = [await primary.getMetricsAsJSON(), await retired, ...replies.filter((reply): reply is MetricsJson => reply !== null)];
    return AggregatorRegistry.aggregate(all).metrics();
  };

  return {
    /** A process exited: its counts as last gathered stay in the totals. */
    retire(worker: Worker): void {
      const last = lastGathered.get(worker)?.filter(isCumulative);
      lastGathered.delete(worker);
      if (last) retired = retired.then((earlier) => AggregatorRegistry.aggregate([earlier, last]).getMetricsAsJSON());
    },
    /** Answers `worker`'s request for the instance's text when `message` is one; returns whether it was. */
    answer(worker: Worker, message: unknown): boolean {
      if (!isMessage(message, INSTANCE)) return false;
      const send = (reply: Omit<Message, "type" | "id">) => {
        if (worker.isConnected()) worker.send({ type: INSTANCE, id: message.id, ...reply });
      };
      gather().then(
        (text) => send({ text }),
        (error: unknown) => send({ error: error instanceof Error ? error.message : String(error) }),
      );
      return true;
    },
  };
}

/** One process's registry as JSON; null when it exits first (its counts went with it). */
function processMetricsOf(worker: Worker, id: number): Promise<MetricsJson | null> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("exit", onExit);
    };
    const onMessage = (message: unknown) => {
      if (!isMessage(message, PROCESS) || message.id !== id) return;
      done();
      if (Array.isArray(message.metrics)) resolve(message.metrics as MetricsJson);
      else reject(new Error(`web process ${worker.process.pid} could not read its metrics: ${String(message.error)}`));
    };
    const onExit = () => {
      done();
      resolve(null);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`web process ${worker.process.pid} did not send its metrics in time`));
    }, GATHER_TIMEOUT_MS);
    worker.on("message", onMessage);
    worker.once("exit", onExit);
    if (worker.isConnected()) worker.send({ type: PROCESS, id });
    else onExit();
  });
}
