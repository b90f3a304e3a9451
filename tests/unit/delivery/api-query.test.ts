/** The pull API's list query and key format, as a case system would send them. */
import { describe, expect, it } from "vitest";
import { API_KEY_PATTERN, hashApiKey, newApiKey } from "@/lib/delivery/api/api-keys";
import { parseListQuery } from "@/lib/delivery/api/api-submissions";

const parse = (query: string) => parseListQuery(new URLSearchParams(query));

describe("the list's query", () => {
  it("defaults to undelivered, every team of the key, 50 a page", () => {
    expect(parse("")).toEqual({ status: "ok", query: { status: "undelivered", team: null, cursor: null, limit: 50 } });
  });

  it("takes a status, a team, a limit and a cursor this API made", () => {
    const cursor = Buffer.from("5b2e4a9c-1d3f-4e6a-8b7c-9d0e1f2a3b4c").toString("base64url");
    expect(parse(`status=all&team=early-help&limit=200&cursor=${cursor}`)).toEqual({
      status: "ok",
      query: { status: "all", team: "early-help", cursor: "5b2e4a9c-1d3f-4e6a-8b7c-9d0e1f2a3b4c", limit: 200 },
    });
  });

  it("names each field it cannot use", () => {
    expect(parse("status=new&limit=201&cursor=not-ours&team=")).toEqual({
      status: "invalid",
      errors: { status: expect.any(String), limit: expect.any(String), cursor: expect.any(String), team: expect.any(String) },
    });
    for (const limit of ["0", "-1", "1.5", "ten", "0050"]) expect(parse(`limit=${limit}`).status, limit).toBe("invalid");
  });
});

describe("a key", () => {
  it("is cpk_<prefix>_<secret>, new each time, stored as its SHA-256", () => {
    const one = newApiKey();
    const two = newApiKey();
    expect(one.key).toMatch(API_KEY_PATTERN);
    expect(one.key.startsWith(`cpk_${one.prefix}_`)).toBe(true);
    expect(one.key).not.toBe(two.key);
    expect(hashApiKey(one.key)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKey(one.key)).not.toBe(hashApiKey(two.key));
  });
});
