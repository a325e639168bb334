<?php
$headers = getallheaders();
$agent = $headers['User-Agent'];
echo "<p>Your browser: " . $agent . "</p>";
