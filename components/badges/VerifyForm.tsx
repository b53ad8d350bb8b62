"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { TextArea } from "@/components/ui/Field";
import { SummaryList } from "@/components/ui/SummaryList";
import { verdictHeading, VerdictCallout, VerdictTag } from "@/components/badges/BadgeVerdict";
import type { VerifyResult } from "@/app/(public)/badges/verify/actions";

type Props = { action: (prev: VerifyResult | null, form: FormData) => Promise<VerifyResult> };

/** Paste a signed badge or choose its file; the verdict shows above the form. Works without JavaScript. */
export function VerifyForm({ action }: Props) {
  const [result, formAction, pending] = useActionState(action, null);
  return (
    <>
      {result ? (
        <section aria-labelledby="verdict" className="mb-8" role="status">
          <h2 id="verdict" className="mb-4 text-2xl font-bold">
            {verdictHeading(result.state)}
          </h2>
          <VerdictCallout state={result.state} reason={result.reason} headingLevel={3} />
          {result.summary ? (
            <SummaryList
              rows={[
                { key: "Status", value: <VerdictTag state={result.state} /> },
                { key: "Credential", value: result.summary.achievement },
                { key: "Issuer", value: result.summary.issuer },
                { key: "Badge issued", value: result.summary.issued },
              ]}
            />
          ) : null}
        </section>
      ) : null}
      <form action={formAction} encType="multipart/form-data" noValidate>
        <TextArea
          name="jwt"
          label="Signed badge"
          hint="Paste the signed badge (a JWT: three parts separated by dots), or choose its file below."
          rows={6}
          spellCheck={false}
          defaultValue={result?.jwt ?? ""}
        />
        <div className="mb-6">
          <label htmlFor="file" className="mb-2 block font-bold">
            Or choose the badge&rsquo;s file
          </label>
          <input id="file" name="file" type="file" accept=".jwt,text/plain,application/jwt,application/vc+jwt" className="block" />
        </div>
        <Button disabled={pending}>Check badge</Button>
      </form>
    </>
  );
}
