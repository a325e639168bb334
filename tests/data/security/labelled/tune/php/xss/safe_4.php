<?php
$msg = $_REQUEST['msg'];
trigger_error("Bad request: " . htmlspecialchars($msg), E_USER_WARNING);
