<?php
$score = $_REQUEST['score'];
if (isset($score)) {
    print("<p class='score'>" . $score . "</p>");
}
