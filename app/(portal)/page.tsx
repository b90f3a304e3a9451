import { currentUser } from "@/app/_auth/current-user";
import { NotificationBanner } from "@/components/notification-banner";
import { getDb } from "@/db/client";
import { FormTiles } from "./_home/form-tiles";
import { SendChildren } from "./send/_parts/send-children";
import { councilSettings } from "@/lib/config";
import { listFamilyChildren } from "@/lib/send/access";

export default async function HomePage() {
  const council = councilSettings();
  // A parent with SEND access sees each child with "SEND Dashboard" under it, above the referral tiles.
  const user = await currentUser();
  const children = user ? await listFamilyChildren(getDb(), { userId: user.userId }) : [];
  return (
    <>
    <div className="max-w-[40em]">
      <h1 className="heading-xl mb-8">Children&apos;s Portal</h1>
      {children.length > 0 && (
        <section aria-labelledby="send-heading" className="mb-8">
          <h2 id="send-heading" className="heading-l mb-4">
            SEND Dashboard
          </h2>
          <SendChildren items={children} headingLevel="h3" />
        </section>
      )}
      <p className="body-l mb-6">
        Use the Children&apos;s Portal to complete a form and send it securely to the right children&apos;s services team at{" "}
        {council.name}, for example to ask for Early Help or to raise a concern about a child.
      </p>
      <p className="mb-5">
        Professionals (such as teachers, health workers, police officers and social workers) and members of the public (parents,
        carers and young people) can use it.
      </p>
      <p className="mb-8">
        If your child is having an Education, Health and Care (EHC) needs assessment, the SEND team will invite you to the SEND
        Dashboard. There you can follow the statutory timescales and key dates, message your SEND caseworker, and see Documents to
        View and Actions to Complete.
      </p>

      <NotificationBanner heading="If a child is in immediate danger, call 999.">
        <p>Do not use this portal to report an emergency.</p>
      </NotificationBanner>

      <h2 className="heading-m mb-3">Make a referral</h2>
      <p className="mb-5">
        Choose the form for the service you want to refer to. The first time you send a form you will be asked to register for an
        account. Each time you sign in we email you a code, which lasts {council.codeLifetimeMinutes} minutes.
      </p>
      <p className="mb-8">
        You can use &lsquo;Save for later&rsquo; at any point and come back to your form. Use &lsquo;Create PDF&rsquo; to keep a copy
        for your records.
      </p>
      </div>
      <FormTiles />
      <div className="max-w-[40em]">

      <h2 className="heading-m mb-3">Recover a form</h2>
      <p className="mb-8">
        Forms you have saved are kept for {council.draftRetentionDays} days from the day you started them. Recover a form lists your
        saved forms and how many days each one has left. After that the form is deleted and your answers are lost.
      </p>

      <h2 className="heading-m mb-3">Submitted Forms</h2>
      <p className="mb-5">
        Submitted Forms lists the forms you have sent in the last {council.submittedFormsDays} days. You can read the council&apos;s
        response there, and answer if the team asks you for more information.
      </p>
    </div>
    </>
  );
}
