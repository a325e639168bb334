<?php
function listdir($dir) {
  system("ls " . $dir);
}
