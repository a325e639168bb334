<?php
$score = $_REQUEST['score'];
if (is_numeric($score)) {
    print("<p class='score'>" . $score . "</p>");
}
