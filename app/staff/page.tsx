import type { Metadata } from "next";
import { requireStaff } from "@/app/_auth/current-user";

export const metadata: Metadata = { title: "Staff area" };

// The caseworkers' home; referrals and EHCP cases arrive here with the staff issue.
export default async function StaffHomePage() {
  const user = await requireStaff("/staff");
  return (
    <div className="max-w-[40em]">
      <h1 className="heading-xl mb-6">Staff area</h1>
      <p>Signed in as {user.forename} {user.surname} ({user.role}). Referrals and EHCP cases will be listed here.</p>
    </div>
  );
}
