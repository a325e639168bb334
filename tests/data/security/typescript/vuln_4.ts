import * as crypto from 'crypto';
export const h = (s: string) => crypto.createHash('sha1').update(s).digest('hex');
