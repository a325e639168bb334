<?php
$file = $_REQUEST['file'];
$out = shell_exec("wc -l /var/log/app.log");
echo htmlspecialchars($out . $file);
