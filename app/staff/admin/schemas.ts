/**
 * What the admin area's forms accept. Beside actions.ts because a "use server" file may export
 * only actions. A team's role is posted as `team-<id>` and the admin box as `admin=yes`
 * (lib/staff/membership-input.ts); the teams themselves are checked against the database by lib.
 */
import { z } from "zod";
import { personNameSchema } from "@/lib/auth/person-name";
import { membershipsFromFields } from "@/lib/staff/membership-input";
import { NAME_MAX_LENGTH } from "@/app/account/register/schemas";
import { EMAIL_MAX_LENGTH, emailAddressSchema, emailFormatMessage } from "@/lib/mail/email-address";

const uuid = z.uuid("That staff member or invitation could not be found");

export const inviteSchema = z
  .looseObject({
    forename: personNameSchema({ empty: "Enter their first name", label: "First name", maxLength: NAME_MAX_LENGTH }),
    surname: personNameSchema({ empty: "Enter their last name", label: "Last name", maxLength: NAME_MAX_LENGTH }),
    email: z
      .string({ error: "Enter their work email address" })
      .trim()
      .min(1, "Enter their work email address")
      .max(EMAIL_MAX_LENGTH, `Email address must be ${EMAIL_MAX_LENGTH} characters or fewer`)
      .pipe(emailAddressSchema(emailFormatMessage("name@council.gov.uk"))),
  })
  .transform((fields, ctx) => ({ forename: fields.forename, surname: fields.surname, email: fields.email, memberships: membershipsFromFields(fields, ctx) }));

export const accessSchema = z.looseObject({ userId: uuid }).transform((fields, ctx) => ({ userId: fields.userId, memberships: membershipsFromFields(fields, ctx) }));

export const userIdSchema = z.object({ userId: uuid });

export const invitationIdSchema = z.object({ invitationId: uuid });

export const ACCESS_MESSAGES = {
  "no-role": "Choose a role in at least one team, or make them a council admin",
  "unknown-team": "One of the teams no longer exists. Reload the page and try again",
  "own-admin-role": "You cannot take away your own council admin role. Ask another council admin to do it",
} as const;
