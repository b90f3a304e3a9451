"use client";

import { Button } from "@/components/button";
import { ServiceProblem } from "@/components/service-problem";

export default function ErrorPage({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <>
      <ServiceProblem error={error} />
      {retry && (
        <Button type="button" variant="secondary" onClick={() => retry()}>
          Try again
        </Button>
      )}
    </>
  );
}
