<?php
// The check only asks for a letter somewhere in the value; the rest of it is written as it came.
$nick = $_GET['nick'];
if (preg_match("/[A-Za-z]/", $nick)) {
    echo "<span class=\"nick\">" . $nick . "</span>";
}
