/** The sender address of the e-mails from the end-to-end server of Playwright worker `index` (playwright.config.ts). */
export const e2eMailFrom = (index: number) => `e2e-${index}@localhost`;
