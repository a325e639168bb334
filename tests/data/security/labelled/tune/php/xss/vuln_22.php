<?php
// Backslashes before quotes do not stop a <script> tag in the page.
$name = filter_input(INPUT_POST, 'name', FILTER_SANITIZE_ADD_SLASHES);
echo "<h2>Welcome, " . $name . "</h2>";
