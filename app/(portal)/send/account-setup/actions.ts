"use server";

import { redirect } from "next/navigation";
import { stateAction } from "@/app/_actions/server-action";
import { sendDeps } from "@/app/_send/send-deps";
import { answerInvitations, listAwaitingApproval } from "@/lib/send/invitations";
import { logEvent } from "@/lib/log";
import { accountSetupSchema } from "./schemas";

export type SetupState = {
  step: "choose" | "confirm";
  errors: Record<string, string>;
  /** The ticked invitations and the answer, carried to the confirmation step and back. */
  invitationIds: string[];
  answer: string;
};

/**
 * Account Setup's one form, by the button pressed: "Confirm" checks a child is ticked and Yes or
 * No is chosen, then asks "Have you entered all the information you need to?" (nothing is saved
 * yet); "Cancel" goes back to the choices as they were; "Submit" sends the answer for the ticked
 * children to the SEND team.
 */
export const accountSetupAction = stateAction(
  // Only a forged post (a file for a field) fails the schema: it starts again with nothing chosen.
  { access: "user", returnTo: "/send/account-setup", schema: accountSetupSchema, onInvalid: (): SetupState => ({ step: "choose", errors: {}, invitationIds: [], answer: "" }) },
  async ({ invitationId: invitationIds, answer, intent }, { user }): Promise<SetupState> => {
    if (intent === "cancel") return { step: "choose", errors: {}, invitationIds, answer };
    const awaiting = new Set((await listAwaitingApproval(sendDeps().db, { userId: user.userId })).map((item) => item.invitationId));
    const ticked = invitationIds.filter((id) => awaiting.has(id));
    const errors: Record<string, string> = {};
    if (ticked.length === 0) errors.invitationId = "Select the child or children this invitation is for";
    if (answer !== "yes" && answer !== "no") errors.answer = "Select yes if you wish to continue with setting up your account";
    if (Object.keys(errors).length > 0) return { step: "choose", errors, invitationIds, answer };
    if (intent !== "submit") return { step: "confirm", errors: {}, invitationIds: ticked, answer };
    const result = await answerInvitations(sendDeps(), { userId: user.userId }, { invitationIds: ticked, answer: answer as "yes" | "no" });
    logEvent("send.invitation.answered", { userId: user.userId, answered: result.answered, answer });
    redirect(`/send?done=${answer === "yes" ? "accepted" : "declined"}`);
  },
);
