<?php
$file = $_REQUEST['file'];
$cmd = "wc -l $file";
$out = shell_exec($cmd);
echo htmlspecialchars($out);
