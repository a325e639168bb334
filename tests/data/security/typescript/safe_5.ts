export function sessionId(): string {
  return crypto.randomUUID();
}
