export type HealthAnswer = { status: number; down: string[] };

/** Polls the health URL until the server answers at all (200 or 503), or throws after the timeout. */
export async function waitForAnswer(url: string, timeoutMs: number): Promise<HealthAnswer> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
      if (response.status === 200 || response.status === 503) {
        const body = (await response.json()) as { down?: string[] };
        return { status: response.status, down: body.down ?? [] };
      }
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer in ${timeoutMs / 1000} s (${last})`);
}
