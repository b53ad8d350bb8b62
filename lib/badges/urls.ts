import { absoluteUrl } from "@/lib/config";

// The badges' public addresses. They are built from APP_URL, never from a request's Host header, so a signed badge
// always names the same issuer, key and status list whoever fetched it.

export const issuerUrl = () => absoluteUrl("/badges/issuer");
export const jwksUrl = () => absoluteUrl("/badges/issuer/jwks");
export const statusListUrl = (list: number) => absoluteUrl(`/badges/status/${list}`);
export const credentialUrl = (badgeId: string) => absoluteUrl(`/badges/${badgeId}/credential`);
export const badgePageUrl = (badgeId: string) => absoluteUrl(`/badges/${badgeId}`);
