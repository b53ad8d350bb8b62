import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: {
    template: '%s – Advanced Practice Credentials',
    default: 'Advanced Practice Credentials',
  },
  description:
    'NHS England Centre for Advancing Practice: priority setting, endorsement, delivery and review of advanced practice credentials.',
};

/** Route-group layouts add the header, `<main id="main-content">` and footer. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB">
      <body className="flex min-h-dvh flex-col">
        <a href="#main-content" className="nhs-skip-link">
          Skip to main content
        </a>
        {children}
      </body>
    </html>
  );
}
