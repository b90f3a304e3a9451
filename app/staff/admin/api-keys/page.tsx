import type { Metadata } from "next";
import { requireCouncilAdmin } from "@/app/_auth/current-user";
import { StaffNav } from "@/app/staff/_components/staff-nav";
import { Button } from "@/components/button";
import { NotificationBanner } from "@/components/notification-banner";
import { Table } from "@/components/table";
import { Tag } from "@/components/tag";
import { getDb } from "@/db/client";
import { formatDateTime } from "@/lib/format/dates";
import { listApiKeys } from "@/lib/delivery/api/api-keys";
import { listTeams, teamNamer } from "@/lib/staff/teams";
import { revokeApiKeyAction } from "./actions";
import { CreateKeyForm } from "./create-key-form";

export const metadata: Metadata = { title: "API keys" };

const BANNERS: Record<string, string> = {
  revoked: "API key revoked. Calls made with it are refused from now on.",
  gone: "That API key could not be found, or was already revoked.",
};

/** The council admin's API keys for the case system's pull API: the keys (never the keys themselves, which are shown once), and making and revoking them. */
export default async function ApiKeysPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireCouncilAdmin("/staff/admin/api-keys");
  const params = await searchParams;
  const [keys, teams] = await Promise.all([listApiKeys(getDb(), admin), listTeams(getDb())]);
  const teamName = teamNamer(teams);
  const banner = Object.keys(BANNERS).find((key) => params[key] !== undefined);
  return (
    <div>
      <StaffNav current="admin-api-keys" />
      {banner && <NotificationBanner type={banner === "gone" ? "info" : "success"} heading={BANNERS[banner]} />}
      <h1 className="heading-xl mb-6">API keys</h1>
      <p className="mb-6 max-w-[40em]">
        The council&apos;s case system uses an API key to collect the forms sent to its teams, acknowledge them and answer back. The API is described at{" "}
        <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
      </p>
      {keys.length === 0 ? (
        <p className="mb-8">There are no API keys yet.</p>
      ) : (
        <Table
          caption={`API keys (${keys.length})`}
          head={[{ text: "Name" }, { text: "Key starts" }, { text: "Teams" }, { text: "Created" }, { text: "Last used" }, { text: "Status" }]}
          firstCellIsHeader
          rows={keys.map((key) => [
            key.name,
            <code key="prefix">cpk_{key.prefix}_…</code>,
            key.teams.map(teamName).join(", "),
            formatDateTime(key.createdAt, "short"),
            key.lastUsedAt ? formatDateTime(key.lastUsedAt, "short") : "Never",
            key.revokedAt ? (
              <Tag key="status" colour="grey">
                Revoked {formatDateTime(key.revokedAt, "short")}
              </Tag>
            ) : (
              <form key="revoke" action={revokeApiKeyAction}>
                <input type="hidden" name="keyId" value={key.id} />
                <Button variant="warning">
                  Revoke<span className="sr-only"> the API key {key.name}</span>
                </Button>
              </form>
            ),
          ])}
        />
      )}
      <div className="mt-8 max-w-[40em]">
        <CreateKeyForm teams={teams} />
      </div>
    </div>
  );
}
