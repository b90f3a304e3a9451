/**
 * "Teams and role": one choice per team (no access, caseworker, team manager) and the council
 * admin box. Shared by Invite and a staff member's page. The first choice has the id `teams`, so
 * the error summary's link for the whole group lands on it.
 */
import { Checkboxes } from "@/components/checkboxes";
import { ErrorMessage } from "@/components/error-message";
import { Fieldset } from "@/components/fieldset";
import { FormGroup } from "@/components/form-group";
import { Hint } from "@/components/hint";
import { Select } from "@/components/select";
import { teamField } from "@/lib/staff/membership-input";

const ROLE_OPTIONS = [
  { value: "none", text: "No access" },
  { value: "caseworker", text: "Caseworker" },
  { value: "team-manager", text: "Team manager" },
];

type Props = {
  teams: readonly { id: string; name: string }[];
  /** Each field's current value: `team-<id>` to a role, `admin` to "yes". */
  values: Record<string, string>;
  error?: string;
};

export function TeamRolesFields({ teams, values, error }: Props) {
  return (
    <>
      <FormGroup hasError={Boolean(error)}>
        <Fieldset legend="Teams and role" legendSize="m" describedBy={error ? "teams-hint teams-error" : "teams-hint"}>
          <Hint id="teams-hint">They see the referrals and cases of the teams they work in, and nothing else. A team manager can also assign work to the team&apos;s caseworkers.</Hint>
          {error && <ErrorMessage id="teams-error">{error}</ErrorMessage>}
          {teams.map((team, index) => (
            <Select key={team.id} id={index === 0 ? "teams" : teamField(team.id)} name={teamField(team.id)} label={team.name} options={ROLE_OPTIONS} defaultValue={values[teamField(team.id)] ?? "none"} />
          ))}
        </Fieldset>
      </FormGroup>
      <Checkboxes
        name="admin"
        legend="Council admin"
        legendSize="s"
        hint="A council admin manages staff and reads the audit trail. On its own this role opens no referral or case."
        items={[{ value: "yes", label: "Make them a council admin" }]}
        defaultValues={values.admin === "yes" ? ["yes"] : []}
      />
    </>
  );
}
