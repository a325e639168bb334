<?php
// The whole value must be letters and digits before it is written.
$nick = $_GET['nick'];
if (preg_match("/^[A-Za-z0-9]+$/", $nick)) {
    echo "<span class=\"nick\">" . $nick . "</span>";
}
