<?php
$q = $_GET['q'];
echo "<div data-q=''>" . json_encode(array('query' => $q), JSON_HEX_APOS | JSON_HEX_QUOT | JSON_HEX_TAG | JSON_HEX_AMP) . "</div>";
