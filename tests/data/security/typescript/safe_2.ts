export function run(code: string): unknown {
  return JSON.parse(code);
}
