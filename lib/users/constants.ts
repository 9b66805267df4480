// Shared by the forms (in the browser) and the schemas (on the server).
export const ROLES = ["ADMIN", "LEADER", "LEAD", "STAFF", "VIEWER"] as const;
/** Lower case (sign-in lower-cases what is typed), 3 to 40 characters. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9_.-]{2,39}$/;
