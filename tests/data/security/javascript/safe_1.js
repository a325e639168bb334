const { execFile } = require('child_process');
function list(dir) {
  execFile('ls', [dir]);
}
