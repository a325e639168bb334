<?php
$h = getallheaders();
$token = password_hash($h['X-Token'], PASSWORD_DEFAULT);
printf("<input type='hidden' value='%s'>", $token);
