import { describe, expect, it } from "vitest";
import { routeMatcherFor } from "@/lib/metrics/route-pattern";
import { actionLabel } from "@/lib/metrics/action-names";

// The shape of Next's routes-manifest.json, as a build writes it.
const routeOf = routeMatcherFor({
  staticRoutes: [{ page: "/", regex: "^/(?:/)?$" }, { page: "/drafts", regex: "^/drafts(?:/)?$" }],
  dynamicRoutes: [
    { page: "/drafts/[draftId]", regex: "^/drafts/([^/]+?)(?:/)?$" },
    { page: "/drafts/[draftId]/pdf", regex: "^/drafts/([^/]+?)/pdf(?:/)?$" },
  ],
});

describe("request paths as route patterns (metric labels)", () => {
  it("names a path by the route that serves it, never by the ids in it", () => {
    expect(routeOf("/")).toBe("/");
    expect(routeOf("/drafts/")).toBe("/drafts");
    expect(routeOf("/drafts/4f1c2d9e-0000-4000-8000-000000000001")).toBe("/drafts/[draftId]");
    expect(routeOf("/drafts/4f1c2d9e-0000-4000-8000-000000000001/pdf")).toBe("/drafts/[draftId]/pdf");
  });

  it("puts every path no route serves, and Next's own files, under a few fixed labels", () => {
    expect(routeOf("/wp-admin/setup.php")).toBe("(other)");
    expect(routeOf("/drafts/a/b/c")).toBe("(other)");
    expect(routeOf("/_next/static/chunks/app-123.js")).toBe("/_next/static");
    expect(routeOf("/_next/image")).toBe("/_next/image");
  });

  it("names a server action by its folder under app/ (route groups left out) and its export", () => {
    expect(actionLabel({ filename: "app/(portal)/drafts/[draftId]/cancel/actions.ts", exportedName: "cancelDraftAction" })).toBe("drafts/[draftId]/cancel/cancelDraftAction");
    expect(actionLabel({ filename: "/srv/portal/app/staff/admin/actions.ts", exportedName: "inviteStaffAction" })).toBe("staff/admin/inviteStaffAction");
    expect(actionLabel({ filename: "app/staff/admin/actions.ts" })).toBe("unknown");
  });
});
