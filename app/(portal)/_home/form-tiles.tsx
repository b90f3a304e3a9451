import Link from "next/link";
import { Tag } from "@/components/tag";
import { AUDIENCE_HEADINGS, EXTERNAL_TILES, formsFor, SERVICE_NAMES } from "@/lib/forms/catalogue";
import type { Audience } from "@/lib/forms/types";

const AUDIENCES: Audience[] = ["professional", "parent", "young-person"];

/** The forms on offer as tiles, grouped by who is filling them in (guide 003's referral options). */
export function FormTiles() {
  return (
    <>
      {AUDIENCES.map((audience) => {
        const forms = formsFor(audience);
        const external = EXTERNAL_TILES.filter((tile) => tile.audiences.includes(audience));
        return (
          <section key={audience} aria-labelledby={`audience-${audience}`} className="mb-10">
            <h3 id={`audience-${audience}`} className="heading-m mb-4">
              {AUDIENCE_HEADINGS[audience]}
            </h3>
            <ul className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
              {forms.map((form) => (
                <li key={form.id} className="flex flex-col border-t-4 border-brand bg-light-grey p-5">
                  <div className="mb-2">
                    <Tag colour="blue">{SERVICE_NAMES[form.service]}</Tag>
                  </div>
                  <h4 className="heading-s mb-2">
                    <Link href={`/forms/${form.id}`}>{form.title}</Link>
                  </h4>
                  <p className="body-s">{form.summary}</p>
                </li>
              ))}
              {external.map((tile) => (
                <li key={tile.href} className="flex flex-col border-t-4 border-secondary-ink bg-light-grey p-5">
                  <div className="mb-2">
                    <Tag colour="grey">Another website</Tag>
                  </div>
                  <h4 className="heading-s mb-2">
                    <a href={tile.href} rel="noreferrer">
                      {tile.title}
                    </a>
                  </h4>
                  <p className="body-s">{tile.summary}</p>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
