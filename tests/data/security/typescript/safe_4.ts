import * as crypto from 'crypto';
export const h = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
