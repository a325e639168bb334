<?php
function listdir($dir) {
  system("ls " . escapeshellarg($dir));
}
