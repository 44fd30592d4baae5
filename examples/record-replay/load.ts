/** A short, deterministic load over real HTTP (node's fetch): varied quantities, a few requests at a time. */

/** The quantity of request `i`: 0 to 19, each as often as the others, in a mixed order. */
export const quantityOf = (i: number): number => (i * 7) % 20;

/** Sends `requests` GETs `/?quantity=…` to `url`, `concurrency` at a time; throws on any non-200 answer. */
export async function sendLoad(url: string, requests: number, concurrency = 20): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < requests) {
      const quantity = quantityOf(next++);
      const response = await fetch(`${url}/?quantity=${quantity}`);
      const body = await response.text();
      if (response.status !== 200) throw new Error(`GET /?quantity=${quantity} answered ${response.status}: ${body}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
