<?php
$q = $_GET['q'];
echo "<div data-q=''>" . json_encode(array('query' => $q)) . "</div>";
