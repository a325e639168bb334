<?php
$msg = $_REQUEST['msg'];
trigger_error("Bad request: " . $msg, E_USER_WARNING);
