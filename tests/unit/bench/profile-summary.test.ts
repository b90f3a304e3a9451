import { describe, expect, it } from "vitest";
import { summarise } from "@/tests/bench/profile-summary";

const frame = (id: number, functionName: string, url: string) => ({ id, callFrame: { functionName, url, lineNumber: 0 } });

describe("profile summary", () => {
  it("shares the samples out by where their own time went, largest first, with the top frames", () => {
    const profile = {
      nodes: [
        frame(1, "(root)", ""),
        frame(2, "renderToStream", "file:///app/node_modules/next/dist/compiled/next-server/app-page-turbo.runtime.prod.js"),
        frame(3, "(garbage collector)", ""),
        frame(4, "query", "file:///app/node_modules/postgres/src/connection.js"),
        frame(5, "observe", "file:///app/lib/runtime/request-observer.ts"),
      ],
      samples: [2, 2, 2, 2, 2, 2, 3, 3, 4, 5],
    };
    const text = summarise(profile, 2);
    const table = text.split("\n").filter((line) => line.startsWith("| ") && !line.startsWith("| Where") && !line.startsWith("| ---"));
    expect(table).toEqual([
      "| React and Next's page renderer (RSC, HTML, flight data) | 60.0 % |",
      "| garbage collection | 20.0 % |",
      "| database client (postgres.js) | 10.0 % |",
      "| our web server and request context (lib/, loaded by tsx) | 10.0 % |",
    ]);
    expect(text).toContain("10 samples");
    expect(text.split("Top frames by self time:\n")[1]!.split("\n")).toEqual([
      " 60.0 %  renderToStream next/dist/compiled/next-server/app-page-turbo.runtime.prod.js:1",
      " 20.0 %  (garbage collector) (garbage collector)",
    ]);
  });
});
