import { execFile } from 'child_process';
export function list(dir: string): void {
  execFile('ls', [dir]);
}
