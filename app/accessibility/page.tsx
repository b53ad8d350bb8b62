import type { Metadata } from "next";
import { Footer } from "@/components/layout/Footer";
import { PublicHeader } from "@/components/layout/PublicHeader";
import { InsetText, PageHeading } from "@/components/ui";

export const metadata: Metadata = { title: "Accessibility statement" };

export default function AccessibilityPage() {
  return (
    <>
      <PublicHeader />
      <main id="main-content" className="nhs-container flex-1 py-8 md:py-12">
        <div className="max-w-3xl">
          <PageHeading
            title="Accessibility statement"
            lede="This statement applies to the Advanced Practice Credentials service, run by NHS England’s Centre for Advancing Practice."
          />

          <p>We want as many people as possible to be able to use this service. You should be able to:</p>
          <ul className="mb-6 list-disc space-y-1 pl-6">
            <li>change colours, contrast levels and fonts using your browser or device settings</li>
            <li>zoom in up to 400% without the text spilling off the screen</li>
            <li>navigate the whole service using just a keyboard</li>
            <li>navigate the whole service using speech recognition software</li>
            <li>use the service with a screen reader, including NVDA, JAWS and VoiceOver</li>
            <li>print any credential specification in a print-friendly layout</li>
          </ul>

          <h2>How accessible this service is</h2>
          <p>
            We design and test this service to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA. Every page is
            checked with automated accessibility testing as part of our release process, and we follow the NHS digital service manual.
          </p>
          <p>In particular:</p>
          <ul className="mb-6 list-disc space-y-1 pl-6">
            <li>every status is shown as text, never by colour alone</li>
            <li>every chart has a table with the same figures beside it</li>
            <li>forms list any problems at the top of the page and next to each question</li>
            <li>controls have a visible focus indicator and targets at least 24 by 24 pixels</li>
          </ul>

          <h2>Feedback and contact information</h2>
          <p>
            If you need information from this service in a different format, such as accessible PDF, large print or audio, or you find a
            problem not listed on this page, contact the Centre for Advancing Practice. We will consider your request and get back to you
            within 10 working days.
          </p>

          <h2>Enforcement procedure</h2>
          <p>
            The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile
            Applications) (No. 2) Accessibility Regulations 2018 (the ‘accessibility regulations’). If you’re not happy with how we respond
            to your complaint, contact the{" "}
            <a href="https://www.equalityadvisoryservice.com/">Equality Advisory and Support Service (EASS)</a>.
          </p>

          <h2>Compliance status</h2>
          <p>This service is designed to be fully compliant with the Web Content Accessibility Guidelines version 2.2 AA standard.</p>
          <InsetText>
            <p>
              Specification documents written by expert groups are published as web pages rather than PDFs, so they can be read with
              assistive technology and printed.
            </p>
          </InsetText>

          <h2>Preparation of this accessibility statement</h2>
          <p className="mb-0">This statement is reviewed with each release that changes how the service looks or behaves.</p>
        </div>
      </main>
      <Footer />
    </>
  );
}
