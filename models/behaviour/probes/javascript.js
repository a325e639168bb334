const fs = require('fs');
const path = require('path');

function walk(dir, extension) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      found.push(...walk(full, extension));
    } else if (entry.name.endsWith(extension)) {
      found.push(full);
    }
  }
  return found;
}

function countLines(files) {
  let total = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    total += text.split('\n').length;
  }
  return total;
}

async function debounce(fn, wait) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), wait);
  };
}

module.exports = { walk, countLines, debounce };
