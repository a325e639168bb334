<?php
$headers = getallheaders();
$agent = $headers['User-Agent'];
echo "<p>Your browser: " . htmlentities($agent, ENT_QUOTES) . "</p>";
