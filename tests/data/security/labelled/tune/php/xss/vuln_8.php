<?php
$h = getallheaders();
$token = trim($h['X-Token']);
printf("<input type='hidden' value='%s'>", $token);
