export function sessionId(): string {
  const sessionId = Math.random().toString(16);
  return sessionId;
}
