<?php
$tainted = $_POST['dir'];
if (settype($tainted, "integer")) {
    $cmd = "find /var/log -maxdepth " . $tainted;
    passthru($cmd);
}
