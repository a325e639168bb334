<?php
// Only where the word was found (a position, a number) is written into the page.
$word = filter_input(INPUT_GET, 'q', FILTER_UNSAFE_RAW);
$at = strpos("the catalogue of this shop", $word);
echo "<p>Found at " . $at . "</p>";
