const cp = require('child_process');
function list(dir) {
  cp.exec('ls ' + dir);
}
