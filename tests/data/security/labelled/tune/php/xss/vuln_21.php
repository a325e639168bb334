<?php
// The search word itself is written into the page.
$word = filter_input(INPUT_GET, 'q', FILTER_UNSAFE_RAW);
echo "<p>Results for " . $word . "</p>";
