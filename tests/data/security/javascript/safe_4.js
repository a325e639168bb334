const crypto = require('crypto');
const h = (s) => crypto.createHash('sha256').update(s).digest('hex');
