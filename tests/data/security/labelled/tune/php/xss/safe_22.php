<?php
// The name is HTML-escaped before it is written.
$name = filter_input(INPUT_POST, 'name', FILTER_SANITIZE_ADD_SLASHES);
echo "<h2>Welcome, " . htmlspecialchars($name, ENT_QUOTES) . "</h2>";
