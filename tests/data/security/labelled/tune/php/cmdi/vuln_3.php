<?php
$input = $_POST['dir'];
$tainted = sprintf("%s", $input);
$cmd = "find " . $tainted . " -name '*.log'";
passthru($cmd);
