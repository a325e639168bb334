const crypto = require('crypto');
const h = (s) => crypto.createHash('md5').update(s).digest('hex');
